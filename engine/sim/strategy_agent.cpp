// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "sim/strategy_agent.h"

#include "strategy/c_abi.h"

#include "core/log.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>

namespace meridian::sim {

namespace {

using strategy::toC;

bool toOrderType(meridian_order_type type, matching::OrderType &out)
{
    switch (type) {
    case MERIDIAN_ORDER_LIMIT:
        out = matching::OrderType::Limit;
        return true;
    case MERIDIAN_ORDER_MARKET:
        out = matching::OrderType::Market;
        return true;
    case MERIDIAN_ORDER_STOP_MARKET:
        out = matching::OrderType::StopMarket;
        return true;
    case MERIDIAN_ORDER_STOP_LIMIT:
        out = matching::OrderType::StopLimit;
        return true;
    default:
        return false;
    }
}

bool toTimeInForce(meridian_time_in_force tif, matching::TimeInForce &out)
{
    switch (tif) {
    case MERIDIAN_TIF_GTC:
        out = matching::TimeInForce::GoodTillCancel;
        return true;
    case MERIDIAN_TIF_IOC:
        out = matching::TimeInForce::ImmediateOrCancel;
        return true;
    case MERIDIAN_TIF_FOK:
        out = matching::TimeInForce::FillOrKill;
        return true;
    case MERIDIAN_TIF_GTD:
        out = matching::TimeInForce::GoodTillDate;
        return true;
    case MERIDIAN_TIF_POST_ONLY:
        out = matching::TimeInForce::PostOnly;
        return true;
    default:
        return false;
    }
}

} // namespace

Result<std::unique_ptr<StrategyAgent>> StrategyAgent::create(const Simulation &sim, const std::string &pluginPath,
                                                             const std::string &parametersJson,
                                                             std::int64_t initialCashMoney, std::int64_t bookIntervalNs,
                                                             std::int64_t barIntervalNs)
{
    auto agent = host(sim, initialCashMoney, bookIntervalNs, barIntervalNs);
    if (auto id = agent->addInstance(pluginPath, parametersJson); !id)
        return tl::unexpected(id.error());
    return agent;
}

std::unique_ptr<StrategyAgent> StrategyAgent::host(const Simulation &sim, std::int64_t initialCashMoney,
                                                   std::int64_t bookIntervalNs, std::int64_t barIntervalNs)
{
    std::unique_ptr<StrategyAgent> agent(new StrategyAgent(sim, initialCashMoney));
    agent->m_bookIntervalNs = bookIntervalNs;
    agent->m_barIntervalNs = barIntervalNs;
    return agent;
}

StrategyAgent::StrategyAgent(const Simulation &sim, std::int64_t initialCashMoney)
    : m_runner(*this), m_initialCash(initialCashMoney)
{
    for (std::uint16_t i = 0; i < sim.instrumentCount(); ++i) {
        const InstrumentSpec &spec = sim.instrument(i).spec();
        const Quantity minimum = sim.instrument(i).minQuantity();
        m_instruments.push_back({spec.symbol, spec.venue, spec.quoteCurrency, toC(spec.tickSize), toC(spec.lotSize),
                                 toC(spec.multiplier), minimum.value()});
    }
}

StrategyAgent::~StrategyAgent() = default;

bool StrategyAgent::anyRunning() const
{
    for (const Hosted &h : m_hosted)
        if (m_runner.state(h.id) == strategy::InstanceState::Running)
            return true;
    return false;
}

StrategyAgent::Hosted *StrategyAgent::hosted(strategy::InstanceId id)
{
    for (Hosted &h : m_hosted)
        if (h.id == id)
            return &h;
    return nullptr;
}

bool StrategyAgent::failed() const
{
    for (const Hosted &h : m_hosted)
        if (m_runner.state(h.id) == strategy::InstanceState::Failed)
            return true;
    return false;
}

std::string StrategyAgent::error() const
{
    for (const Hosted &h : m_hosted)
        if (m_runner.state(h.id) == strategy::InstanceState::Failed)
            return m_runner.lastError(h.id);
    return {};
}

Result<strategy::InstanceId> StrategyAgent::addInstance(const std::string &pluginPath,
                                                        const std::string &parametersJson, const AgentContext *ctx)
{
    m_ctx = ctx; // on_init may ask for the time or set a timer
    auto id = m_runner.addInstance(pluginPath, parametersJson);
    m_ctx = nullptr;
    if (!id)
        return id;
    Hosted h;
    h.id = *id;
    h.startWithAgent = ctx == nullptr && !m_started;
    for (std::size_t i = 0; i < m_instruments.size(); ++i)
        h.positions.emplace_back(static_cast<meridian_instrument_id>(i) + 1);
    m_hosted.push_back(std::move(h));
    return id;
}

Result<void> StrategyAgent::startInstance(const AgentContext &ctx, strategy::InstanceId id)
{
    if (!hosted(id))
        return meridian::fail(ErrorCode::NotFound, "No strategy instance " + std::to_string(id));
    m_ctx = &ctx;
    auto started = m_runner.start(id);
    m_ctx = nullptr;
    return started;
}

void StrategyAgent::retire(const AgentContext &ctx, strategy::InstanceId id)
{
    for (auto it = m_timers.begin(); it != m_timers.end();)
        it = it->first.first == id ? m_timers.erase(it) : std::next(it);
    for (auto &[orderId, info] : m_orders) {
        if (info.owner != id || info.retired)
            continue;
        // Its fills still count in the instance's positions; what the exchange says of it no longer goes to
        // the instance, which would not know the order.
        info.retired = true;
        const auto instrument = static_cast<std::uint16_t>(info.request.instrument - 1);
        if (m_gateway)
            (void)m_gateway->cancel(ctx, instrument, orderId);
        else
            ctx.cancel(instrument, orderId);
    }
}

Result<void> StrategyAgent::stopInstance(const AgentContext &ctx, strategy::InstanceId id)
{
    if (!hosted(id))
        return meridian::fail(ErrorCode::NotFound, "No strategy instance " + std::to_string(id));
    m_ctx = &ctx;
    auto stopped = m_runner.stop(id);
    retire(ctx, id);
    m_ctx = nullptr;
    return stopped;
}

Result<void> StrategyAgent::removeInstance(const AgentContext &ctx, strategy::InstanceId id)
{
    if (!hosted(id))
        return meridian::fail(ErrorCode::NotFound, "No strategy instance " + std::to_string(id));
    m_ctx = &ctx;
    auto removed = m_runner.remove(id);
    retire(ctx, id);
    m_ctx = nullptr;
    m_hosted.erase(std::find_if(m_hosted.begin(), m_hosted.end(), [id](const Hosted &h) { return h.id == id; }));
    return removed;
}

Result<void> StrategyAgent::reconfigureInstance(const AgentContext &ctx, strategy::InstanceId id,
                                                const std::string &parametersJson)
{
    if (!hosted(id))
        return meridian::fail(ErrorCode::NotFound, "No strategy instance " + std::to_string(id));
    const strategy::PluginInfo *info = m_runner.pluginOf(id);
    if (!info)
        return meridian::fail(ErrorCode::InvalidArgument, "Strategy instance " + std::to_string(id) +
                                                              ": its plugin failed to reload; reload it first");
    // Checked before anything stops: a refused set of parameters leaves the instance as it was.
    if (auto checked = strategy::validateParameters(info->parameters, parametersJson); !checked)
        return tl::unexpected(Error{checked.error().code, "Strategy " + info->id + ": " + checked.error().message});
    m_ctx = &ctx;
    const bool running = m_runner.state(id) == strategy::InstanceState::Running;
    if (running)
        (void)m_runner.stop(id); // its on_stop may still cancel its orders itself
    retire(ctx, id);
    auto changed = m_runner.reconfigure(id, parametersJson);
    if (changed && running)
        changed = m_runner.start(id);
    m_ctx = nullptr;
    return changed;
}

Result<std::string> StrategyAgent::reloadInstance(const AgentContext &ctx, strategy::InstanceId id)
{
    if (!hosted(id))
        return meridian::fail(ErrorCode::NotFound, "No strategy instance " + std::to_string(id));
    const std::string path = m_runner.pluginPath(id);
    m_ctx = &ctx;
    // Every instance of the plugin is re-created: the ones running are stopped by the runner, and their
    // orders cancelled here, since the new build would not know them.
    std::vector<strategy::InstanceId> running;
    for (const Hosted &h : m_hosted)
        if (m_runner.pluginPath(h.id) == path) {
            if (m_runner.state(h.id) == strategy::InstanceState::Running) {
                running.push_back(h.id);
                (void)m_runner.stop(h.id);
            }
            retire(ctx, h.id);
        }
    // The runner restarts what it finds running; they were stopped here to cancel cleanly, so restart them.
    auto report = m_runner.reload(path);
    if (report)
        for (const strategy::InstanceId i : running)
            if (m_runner.state(i) == strategy::InstanceState::Initialised)
                (void)m_runner.start(i);
    m_ctx = nullptr;
    return report;
}

std::vector<StrategyInstanceView> StrategyAgent::instances() const
{
    std::vector<StrategyInstanceView> out;
    for (const Hosted &h : m_hosted) {
        StrategyInstanceView v;
        v.id = h.id;
        if (const strategy::PluginInfo *info = m_runner.pluginOf(h.id)) {
            v.pluginId = info->id;
            v.pluginName = info->name;
            v.version = info->version;
        }
        v.path = m_runner.pluginPath(h.id);
        v.parameters = m_runner.parameters(h.id);
        v.state = m_runner.state(h.id);
        v.error = m_runner.lastError(h.id);
        v.variables = h.variables.values();
        for (std::size_t i = 0; i < h.positions.size(); ++i) {
            v.positions.push_back(h.positions[i].position());
            v.realizedPnl += h.positions[i].realizedPnl() * moneyPerTickLot(i);
        }
        v.ordersSent = h.ordersSent;
        v.ordersRefused = h.ordersRefused;
        v.ordersRejected = h.ordersRejected;
        for (const auto &[orderId, info] : m_orders)
            v.openOrders += info.owner == h.id ? 1 : 0;
        out.push_back(std::move(v));
    }
    return out;
}

double StrategyAgent::moneyPerTickLot(std::size_t i) const
{
    const InstrumentInfo &info = m_instruments[i];
    const auto value = [](const meridian_decimal &d) {
        return static_cast<double>(d.mantissa) / std::pow(10.0, d.scale);
    };
    return value(info.tick) * value(info.lot) * value(info.multiplier) * 1e8;
}

void StrategyAgent::start(const AgentContext &ctx)
{
    m_ctx = &ctx;
    for (std::uint16_t i = 0; i < ctx.instrumentCount(); ++i)
        ctx.subscribe(i, m_bookIntervalNs);
    m_bars.assign(ctx.instrumentCount(), Bar{});
    if (m_barIntervalNs > 0)
        ctx.wakeAt(m_barIntervalNs, kBarTag);
    m_started = true;
    for (const Hosted &h : m_hosted)
        if (h.startWithAgent)
            (void)m_runner.start(h.id); // a failure leaves the instance Failed, with its reason
    m_ctx = nullptr;
}

void StrategyAgent::closeBars(const AgentContext &ctx, std::int64_t end)
{
    for (std::size_t i = 0; i < m_bars.size(); ++i) {
        Bar &bar = m_bars[i];
        if (bar.close == 0)
            continue; // nothing has traded yet: no price to show
        meridian_bar b{};
        b.struct_size = sizeof b;
        b.instrument = static_cast<meridian_instrument_id>(i) + 1;
        b.open_time_ns = end - m_barIntervalNs;
        b.duration_ns = m_barIntervalNs;
        // A minute without trades is a flat bar at the last close, as exchanges publish it.
        b.open = bar.trades ? bar.open : bar.close;
        b.high = bar.trades ? bar.high : bar.close;
        b.low = bar.trades ? bar.low : bar.close;
        b.close = bar.close;
        b.volume = bar.volume;
        b.trade_count = bar.trades;
        bar.trades = 0;
        bar.volume = 0;
        if (anyRunning()) {
            m_ctx = &ctx;
            m_runner.onBar(b);
            m_ctx = nullptr;
        }
    }
}

void StrategyAgent::wakeup(const AgentContext &ctx, std::uint64_t tag)
{
    if (tag == kBarTag) {
        closeBars(ctx, ctx.now());
        ctx.wakeAt(ctx.now() + m_barIntervalNs, kBarTag);
        return;
    }
    for (auto it = m_timers.begin(); it != m_timers.end(); ++it) {
        if (it->second.token != tag)
            continue;
        const auto [owner, timerId] = it->first;
        if (it->second.repeat) {
            it->second.token = m_nextToken++;
            ctx.wakeAt(ctx.now() + it->second.intervalNs, it->second.token);
        } else {
            m_timers.erase(it);
        }
        m_ctx = &ctx;
        m_runner.onTimer(owner, timerId, ctx.now()); // nothing unless it runs
        m_ctx = nullptr;
        return;
    }
}

void StrategyAgent::notice(const AgentContext &ctx, const OrderNotice &n)
{
    if (m_gateway)
        m_gateway->notice(ctx, n); // every order on the agent's account, the strategies' and others (manual)
    const auto it = m_orders.find(n.orderId);
    if (it == m_orders.end())
        return;
    OrderInfo &info = it->second;
    meridian_order_update u{};
    u.struct_size = sizeof u;
    u.instrument = static_cast<meridian_instrument_id>(n.instrument) + 1;
    u.order_id = n.orderId;
    u.client_tag = info.request.client_tag;
    u.side = info.request.side;
    u.time_ns = n.time;
    u.price = info.request.price;
    u.quantity = info.request.quantity;
    bool done = false;
    switch (n.kind) {
    case OrderNotice::Kind::Accepted:
        u.status = MERIDIAN_ORDER_ACCEPTED;
        break;
    case OrderNotice::Kind::Rejected:
        u.status = MERIDIAN_ORDER_REJECTED;
        done = true;
        ++m_ordersRejected;
        m_lastRejection = matching::reasonName(n.reason);
        if (Hosted *h = hosted(info.owner))
            ++h->ordersRejected;
        break;
    case OrderNotice::Kind::Filled:
        info.filled += n.quantity;
        u.fill_price = n.price;
        u.fill_quantity = n.quantity;
        u.liquidity = n.maker ? MERIDIAN_LIQUIDITY_MAKER : MERIDIAN_LIQUIDITY_TAKER;
        u.status = n.remaining == 0 ? MERIDIAN_ORDER_FILLED : MERIDIAN_ORDER_PARTIALLY_FILLED;
        done = n.remaining == 0;
        break;
    case OrderNotice::Kind::Cancelled:
        u.status = MERIDIAN_ORDER_CANCELLED;
        done = true;
        break;
    case OrderNotice::Kind::Expired:
        u.status = MERIDIAN_ORDER_EXPIRED;
        done = true;
        break;
    case OrderNotice::Kind::Modified:
        info.request.price = n.price;
        info.request.quantity = info.filled + n.remaining;
        u.price = info.request.price;
        u.quantity = info.request.quantity;
        u.status = MERIDIAN_ORDER_MODIFIED;
        break;
    }
    u.filled_quantity = info.filled;
    const std::string_view reason = n.reason == matching::Reason::None ? "" : matching::reasonName(n.reason);
    u.reason_code = static_cast<std::int32_t>(n.reason);
    u.reason = {reason.data(), reason.size()};
    Hosted *owner = hosted(info.owner);
    if (owner && n.instrument < owner->positions.size())
        owner->positions[n.instrument].onOrder(u);
    const bool retired = info.retired;
    const strategy::InstanceId to = info.owner;
    if (done)
        m_orders.erase(it);
    if (owner && !retired) {
        m_ctx = &ctx;
        m_runner.onOrder(to, u); // nothing unless it runs
        m_ctx = nullptr;
    }
}

void StrategyAgent::book(const AgentContext &ctx, const BookSnapshot &b)
{
    if (!anyRunning())
        return;
    m_bids.resize(b.bidCount);
    m_asks.resize(b.askCount);
    for (std::uint32_t i = 0; i < b.bidCount; ++i)
        m_bids[i] = {b.bidPrice[i], b.bidQuantity[i]};
    for (std::uint32_t i = 0; i < b.askCount; ++i)
        m_asks[i] = {b.askPrice[i], b.askQuantity[i]};
    meridian_book_view view{};
    view.struct_size = sizeof view;
    view.instrument = static_cast<meridian_instrument_id>(b.instrument) + 1;
    view.time_ns = b.time;
    view.sequence = b.sequence;
    view.bids = m_bids.data();
    view.bid_count = b.bidCount;
    view.asks = m_asks.data();
    view.ask_count = b.askCount;
    m_ctx = &ctx;
    m_runner.onBook(view);
    m_ctx = nullptr;
}

void StrategyAgent::trade(const AgentContext &ctx, const TradeTick &t)
{
    if (!anyRunning())
        return;
    if (t.instrument < m_bars.size()) {
        Bar &bar = m_bars[t.instrument];
        if (bar.trades++ == 0)
            bar.open = bar.high = bar.low = t.price;
        bar.high = std::max(bar.high, t.price);
        bar.low = std::min(bar.low, t.price);
        bar.close = t.price;
        bar.volume += t.quantity;
    }
    meridian_trade trade{};
    trade.struct_size = sizeof trade;
    trade.instrument = static_cast<meridian_instrument_id>(t.instrument) + 1;
    trade.time_ns = t.time;
    trade.price = t.price;
    trade.quantity = t.quantity;
    trade.trade_id = t.tradeId;
    trade.aggressor = t.aggressor == Side::Buy ? MERIDIAN_SIDE_BUY : MERIDIAN_SIDE_SELL;
    m_ctx = &ctx;
    m_runner.onTrade(trade);
    m_ctx = nullptr;
}

void StrategyAgent::finish(const AgentContext &ctx)
{
    m_ctx = &ctx;
    for (const Hosted &h : m_hosted)
        (void)m_runner.stop(h.id); // nothing unless it runs
    m_ctx = nullptr;
}

meridian_status StrategyAgent::placeOrder(strategy::InstanceId from, const meridian_order_request &request,
                                          std::uint64_t &orderId)
{
    Hosted *h = hosted(from);
    if (!m_ctx || !h)
        return MERIDIAN_STATUS_UNAVAILABLE;
    if (request.instrument == 0 || request.instrument > m_instruments.size())
        return MERIDIAN_STATUS_NOT_FOUND;
    matching::OrderRequest r;
    if (!toOrderType(request.type, r.type) || !toTimeInForce(request.time_in_force, r.timeInForce) ||
        (request.side != MERIDIAN_SIDE_BUY && request.side != MERIDIAN_SIDE_SELL))
        return MERIDIAN_STATUS_INVALID_ARGUMENT;
    r.side = request.side == MERIDIAN_SIDE_BUY ? Side::Buy : Side::Sell;
    r.price = Price(request.price);
    r.stopPrice = Price(request.stop_price);
    r.quantity = Quantity(request.quantity);
    r.expiry = Timestamp::fromNanoseconds(request.expiry_ns);
    const auto instrument = static_cast<std::uint16_t>(request.instrument - 1);
    if (m_gateway) {
        std::string reason;
        const meridian_status status = m_gateway->place(*m_ctx, from, instrument, r, orderId, reason);
        if (status != MERIDIAN_STATUS_OK) {
            ++m_ordersRefused;
            ++h->ordersRefused;
            m_lastRefusal = std::move(reason);
            return status;
        }
    } else {
        orderId = m_ctx->send(instrument, r);
    }
    m_orders[orderId] = OrderInfo{request, from, 0, false};
    ++m_ordersSent;
    ++h->ordersSent;
    return MERIDIAN_STATUS_OK;
}

meridian_status StrategyAgent::cancelOrder(strategy::InstanceId from, std::uint64_t orderId)
{
    if (!m_ctx)
        return MERIDIAN_STATUS_UNAVAILABLE;
    const auto it = m_orders.find(orderId);
    if (it == m_orders.end() || it->second.owner != from)
        return MERIDIAN_STATUS_NOT_FOUND;
    const auto instrument = static_cast<std::uint16_t>(it->second.request.instrument - 1);
    if (m_gateway)
        return m_gateway->cancel(*m_ctx, instrument, orderId);
    m_ctx->cancel(instrument, orderId);
    return MERIDIAN_STATUS_OK;
}

meridian_status StrategyAgent::modifyOrder(strategy::InstanceId from, std::uint64_t orderId, std::int64_t price,
                                           std::int64_t quantity)
{
    if (!m_ctx)
        return MERIDIAN_STATUS_UNAVAILABLE;
    const auto it = m_orders.find(orderId);
    if (it == m_orders.end() || it->second.owner != from)
        return MERIDIAN_STATUS_NOT_FOUND;
    if (m_gateway)
        return MERIDIAN_STATUS_UNSUPPORTED;
    m_ctx->modify(static_cast<std::uint16_t>(it->second.request.instrument - 1), orderId, price, quantity);
    return MERIDIAN_STATUS_OK;
}

meridian_status StrategyAgent::publishSignal(strategy::InstanceId from, const meridian_signal &signal)
{
    if (signal.instrument == 0 || signal.instrument > m_instruments.size())
        return MERIDIAN_STATUS_NOT_FOUND;
    if (m_signalListener) {
        meridian_signal s = signal;
        s.time_ns = m_ctx ? m_ctx->now() : 0;
        if (const strategy::PluginInfo *info = m_runner.pluginOf(from))
            s.source = {info->id.data(), info->id.size()};
        m_signalListener(s);
    }
    return MERIDIAN_STATUS_OK;
}

meridian_status StrategyAgent::position(strategy::InstanceId from, meridian_instrument_id instrument,
                                        meridian_position &position)
{
    const Hosted *h = hosted(from);
    if (instrument == 0 || instrument > m_instruments.size() || !h)
        return MERIDIAN_STATUS_NOT_FOUND;
    const std::size_t i = instrument - 1;
    const meridian::sdk::PositionTracker &p = h->positions[i];
    position.instrument = instrument;
    position.quantity = p.position();
    position.average_price = std::llround(p.averagePrice());
    position.realized_pnl = std::llround(p.realizedPnl() * moneyPerTickLot(i));
    const double mark = m_ctx ? m_ctx->reference(static_cast<std::uint16_t>(i)) : p.averagePrice();
    position.unrealized_pnl = std::llround(p.unrealizedPnl(mark) * moneyPerTickLot(i));
    return MERIDIAN_STATUS_OK;
}

meridian_status StrategyAgent::balance(strategy::InstanceId, std::string_view currency, meridian_balance &balance)
{
    if (!m_ctx)
        return MERIDIAN_STATUS_UNAVAILABLE;
    double total = static_cast<double>(m_initialCash);
    bool known = currency.empty();
    for (std::size_t i = 0; i < m_instruments.size(); ++i) {
        if (!currency.empty() && m_instruments[i].quoteCurrency != currency)
            continue;
        known = true;
        total += static_cast<double>(m_ctx->cash(static_cast<std::uint16_t>(i))) * moneyPerTickLot(i);
    }
    if (!known)
        return MERIDIAN_STATUS_NOT_FOUND;
    balance.total = std::llround(total);
    balance.available = balance.total;
    return MERIDIAN_STATUS_OK;
}

meridian_status StrategyAgent::setTimer(strategy::InstanceId from, std::uint64_t timerId, std::int64_t intervalNs,
                                        bool repeat)
{
    if (!m_ctx)
        return MERIDIAN_STATUS_UNAVAILABLE;
    if (intervalNs <= 0)
        return MERIDIAN_STATUS_INVALID_ARGUMENT;
    const std::uint64_t token = m_nextToken++;
    m_timers[{from, timerId}] = Timer{intervalNs, repeat, token};
    m_ctx->wakeAt(m_ctx->now() + intervalNs, token);
    return MERIDIAN_STATUS_OK;
}

meridian_status StrategyAgent::cancelTimer(strategy::InstanceId from, std::uint64_t timerId)
{
    return m_timers.erase({from, timerId}) ? MERIDIAN_STATUS_OK : MERIDIAN_STATUS_NOT_FOUND;
}

void StrategyAgent::log(strategy::InstanceId, meridian_log_level level, std::string_view message)
{
    // Simulated time leads the message, so a run's log reads in the run's order.
    static const auto logger = meridian::log::get("sim.strategy");
    const spdlog::level::level_enum levels[] = {spdlog::level::trace, spdlog::level::debug, spdlog::level::info,
                                                spdlog::level::warn, spdlog::level::err};
    const auto at = level >= 0 && level <= 4 ? levels[level] : spdlog::level::err;
    logger->log(at, "[t={} ns] {}", m_ctx ? m_ctx->now() : 0, message);
}

void StrategyAgent::publishVariable(strategy::InstanceId from, std::string_view name, double value)
{
    if (Hosted *h = hosted(from))
        h->variables.set(name, value);
}

std::int64_t StrategyAgent::nowNs()
{
    return m_ctx ? m_ctx->now() : 0;
}

meridian_status StrategyAgent::instrument(meridian_instrument_id instrument, meridian_instrument_info &info)
{
    if (instrument == 0 || instrument > m_instruments.size())
        return MERIDIAN_STATUS_NOT_FOUND;
    const InstrumentInfo &i = m_instruments[instrument - 1];
    info.id = instrument;
    info.symbol = {i.symbol.data(), i.symbol.size()};
    info.venue = {i.venue.data(), i.venue.size()};
    info.quote_currency = {i.quoteCurrency.data(), i.quoteCurrency.size()};
    info.tick_size = i.tick;
    info.lot_size = i.lot;
    info.multiplier = i.multiplier;
    info.min_quantity = i.minQuantity;
    return MERIDIAN_STATUS_OK;
}

meridian_status StrategyAgent::findInstrument(std::string_view symbol, meridian_instrument_id &instrument)
{
    for (std::size_t i = 0; i < m_instruments.size(); ++i)
        if (m_instruments[i].symbol == symbol) {
            instrument = static_cast<meridian_instrument_id>(i) + 1;
            return MERIDIAN_STATUS_OK;
        }
    return MERIDIAN_STATUS_NOT_FOUND;
}

} // namespace meridian::sim
