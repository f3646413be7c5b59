// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "runtime/paper_session.h"

#include "core/clock.h"
#include "core/log.h"
#include "oms/order_manager.h"
#include "risk/risk_store.h"
#include "signal/signal_store.h"
#include "sim/simulation.h"
#include "sim/strategy_agent.h"
#include "store/database.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iterator>
#include <map>
#include <utility>

namespace meridian::runtime {

namespace {

/// The simulated clock, offset to the session's start so that journal times read as dates.
class SessionClock final : public Clock
{
public:
    SessionClock(const sim::Simulation &sim, std::int64_t startNs) : m_sim(sim), m_start(startNs) {}
    Timestamp now() const noexcept override { return Timestamp::fromNanoseconds(m_start + m_sim.now()); }

private:
    const sim::Simulation &m_sim;
    std::int64_t m_start;
};

/// The simulated exchange as the OMS sees it: orders go out as the strategy agent's, what the exchange says
/// about them comes back through the agent's notices.
class AgentVenue final : public oms::Venue
{
public:
    AgentVenue(sim::Simulation &sim, std::int64_t startNs) : m_sim(sim), m_start(startNs) {}
    void setAgent(sim::AgentId agent) { m_agent = agent; }

    std::string name() const override { return "paper"; }
    void setListener(oms::VenueListener *listener) override { m_listener = listener; }

    /// The exact request the strategy made (time in force, stop price), for the next send.
    std::optional<std::pair<std::uint16_t, matching::OrderRequest>> pending;

    oms::SendResult send(const oms::Order &order, std::int64_t) override
    {
        if (m_byClient.count(order.spec.clientOrderId))
            return {}; // idempotent
        std::uint16_t instrument = 0;
        matching::OrderRequest request;
        if (pending) {
            instrument = pending->first;
            request = pending->second;
        } else {
            for (std::uint16_t i = 0; i < m_sim.instrumentCount(); ++i)
                if (m_sim.instrument(i).id() == order.spec.instrument->id())
                    instrument = i;
            request.side = order.spec.side;
            request.type =
                order.spec.kind == oms::OrderKind::Market ? matching::OrderType::Market : matching::OrderType::Limit;
            request.timeInForce = order.spec.kind == oms::OrderKind::Market ? matching::TimeInForce::ImmediateOrCancel
                                                                            : matching::TimeInForce::GoodTillCancel;
            request.price = Price(order.spec.price);
            request.quantity = Quantity(order.spec.quantity);
        }
        const std::uint64_t id = sim::AgentContext(m_sim, m_agent).send(instrument, request);
        m_byClient[order.spec.clientOrderId] = id;
        m_orders[id] = Known{order.spec.clientOrderId, instrument, 0, 0, oms::OrderStatus::Accepted};
        return {};
    }

    oms::SendResult cancel(const oms::Order &order, std::int64_t) override
    {
        const auto it = m_byClient.find(order.spec.clientOrderId);
        if (it == m_byClient.end())
            return {oms::SendStatus::Refused, "the exchange never received " + order.spec.clientOrderId};
        const Known &k = m_orders[it->second];
        if (k.open())
            sim::AgentContext(m_sim, m_agent).cancel(k.instrument, it->second);
        return {};
    }

    Result<std::vector<oms::VenueOrder>> orders() override
    {
        std::vector<oms::VenueOrder> out;
        for (const auto &[id, k] : m_orders)
            out.push_back(oms::VenueOrder{k.client, std::to_string(id), k.status, k.filled, ""});
        return out;
    }
    Result<std::vector<oms::VenueFill>> fills() override { return m_fills; }

    std::optional<std::uint64_t> exchangeId(const std::string &client) const
    {
        const auto it = m_byClient.find(client);
        return it == m_byClient.end() ? std::nullopt : std::optional(it->second);
    }
    std::optional<std::string> clientId(std::uint64_t exchangeId) const
    {
        const auto it = m_orders.find(exchangeId);
        return it == m_orders.end() ? std::nullopt : std::optional(it->second.client);
    }

    void onNotice(const sim::OrderNotice &n)
    {
        const auto it = m_orders.find(n.orderId);
        if (it == m_orders.end() || !m_listener)
            return;
        Known &k = it->second;
        const std::int64_t time = m_start + n.time;
        oms::VenueOrder vo{k.client, std::to_string(n.orderId), oms::OrderStatus::Accepted, k.filled, ""};
        using Kind = sim::OrderNotice::Kind;
        switch (n.kind) {
        case Kind::Accepted:
        case Kind::Modified:
            break;
        case Kind::Filled: {
            k.filled += n.quantity;
            oms::VenueFill fill{
                k.client, std::to_string(n.orderId) + "-" + std::to_string(++k.fills), n.price, n.quantity, 0, n.maker,
                time};
            m_fills.push_back(fill);
            m_listener->onFill(fill);
            vo.filled = k.filled;
            vo.status = n.remaining == 0 ? oms::OrderStatus::Filled : oms::OrderStatus::PartiallyFilled;
            break;
        }
        case Kind::Cancelled:
            vo.status = oms::OrderStatus::Cancelled;
            break;
        case Kind::Expired:
            vo.status = oms::OrderStatus::Expired;
            break;
        case Kind::Rejected:
            vo.status = oms::OrderStatus::Rejected;
            vo.reason = "the exchange rejected it: " + std::string(matching::reasonName(n.reason));
            break;
        }
        k.status = vo.status;
        m_listener->onVenueOrder(vo, time);
    }

    /// The market closed: whatever is still open there ended with it.
    void closeAll(std::int64_t timeNs)
    {
        for (auto &[id, k] : m_orders) {
            if (!k.open() || !m_listener)
                continue;
            k.status = oms::OrderStatus::Expired;
            m_listener->onVenueOrder(oms::VenueOrder{k.client, std::to_string(id), oms::OrderStatus::Expired, k.filled,
                                                     "the simulated market closed"},
                                     timeNs);
        }
    }

private:
    struct Known
    {
        std::string client;
        std::uint16_t instrument = 0;
        std::int64_t filled = 0;
        std::uint64_t fills = 0;
        oms::OrderStatus status = oms::OrderStatus::Accepted; // as the exchange last reported it
        bool open() const { return !oms::isTerminal(status); }
    };
    sim::Simulation &m_sim;
    std::int64_t m_start;
    sim::AgentId m_agent = sim::kNoAgent;
    oms::VenueListener *m_listener = nullptr;
    std::map<std::string, std::uint64_t> m_byClient;
    std::map<std::uint64_t, Known> m_orders;
    std::vector<oms::VenueFill> m_fills;
};

class FeedSink final : public signal::SignalSink
{
public:
    explicit FeedSink(PaperFeed &feed) : m_feed(feed) {}
    void publish(const signal::Opportunity &o) override { m_feed.pushSignal(o); }

private:
    PaperFeed &m_feed;
};

} // namespace

risk::RiskLimits defaultPaperLimits(double capital)
{
    risk::RiskLimits limits;
    limits.priceBand = 0.05;
    limits.maxOrdersPerSecond = 50;
    limits.maxOrderNotional = capital * 0.10;
    limits.maxDailyLoss = capital * 0.05;
    return limits;
}

// ---- PaperFeed ----

PaperSnapshot PaperFeed::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

namespace {

template <class T>
std::vector<T> takeAll(std::deque<T> &queue)
{
    std::vector<T> out(std::make_move_iterator(queue.begin()), std::make_move_iterator(queue.end()));
    queue.clear();
    return out;
}

template <class T>
void pushBounded(std::deque<T> &queue, T item)
{
    if (queue.size() == PaperFeed::kMaxQueued)
        queue.pop_front();
    queue.push_back(std::move(item));
}

} // namespace

std::vector<signal::Opportunity> PaperFeed::takeSignals()
{
    std::lock_guard lock(m_mutex);
    return takeAll(m_signals);
}

std::vector<risk::Alert> PaperFeed::takeAlerts()
{
    std::lock_guard lock(m_mutex);
    return takeAll(m_alerts);
}

std::vector<PaperOrder> PaperFeed::takeOrders()
{
    std::lock_guard lock(m_mutex);
    return takeAll(m_orders);
}

std::vector<PaperFill> PaperFeed::takeFills()
{
    std::lock_guard lock(m_mutex);
    return takeAll(m_fills);
}

std::vector<PaperTrade> PaperFeed::takeTrades()
{
    std::lock_guard lock(m_mutex);
    return takeAll(m_trades);
}

std::vector<PaperNotice> PaperFeed::takeNotices()
{
    std::lock_guard lock(m_mutex);
    return takeAll(m_notices);
}

void PaperFeed::pushNotice(PaperNotice notice)
{
    std::lock_guard lock(m_mutex);
    pushBounded(m_notices, std::move(notice));
}

void PaperFeed::pushTrade(PaperTrade trade)
{
    std::lock_guard lock(m_mutex);
    pushBounded(m_trades, trade);
}

void PaperFeed::pushOrder(PaperOrder order)
{
    std::lock_guard lock(m_mutex);
    pushBounded(m_orders, std::move(order));
}

void PaperFeed::pushFill(PaperFill fill)
{
    std::lock_guard lock(m_mutex);
    pushBounded(m_fills, std::move(fill));
}

void PaperFeed::publish(PaperSnapshot snapshot)
{
    std::lock_guard lock(m_mutex);
    m_snapshot = std::move(snapshot);
}

void PaperFeed::pushSignal(const signal::Opportunity &opportunity)
{
    std::lock_guard lock(m_mutex);
    pushBounded(m_signals, opportunity);
}

void PaperFeed::pushAlert(const risk::Alert &alert)
{
    std::lock_guard lock(m_mutex);
    pushBounded(m_alerts, alert);
}

// ---- the session ----

struct PaperSession::Impl
{
    /// Watches the market for the pipeline and the risk engine, and marks the account on a fixed cadence of
    /// simulated time.
    class Watcher final : public sim::Agent
    {
    public:
        explicit Watcher(Impl &impl) : m_impl(impl) {}
        unsigned notices() const override { return 0; }
        const char *kind() const override { return "paper_watcher"; }
        void start(const sim::AgentContext &ctx) override
        {
            for (std::uint16_t i = 0; i < ctx.instrumentCount(); ++i)
                ctx.subscribe(i, 10'000'000); // books conflated to 10 ms
            ctx.wakeAt(m_impl.config.snapshotIntervalNs);
        }
        void wakeup(const sim::AgentContext &ctx, std::uint64_t) override
        {
            m_impl.mark();
            ctx.wakeAt(ctx.now() + m_impl.config.snapshotIntervalNs);
        }
        void book(const sim::AgentContext &, const sim::BookSnapshot &b) override
        {
            if (b.bidCount == 0 || b.askCount == 0)
                return;
            const InstrumentId id = m_impl.sim->instrument(b.instrument).id();
            const std::int64_t time = m_impl.startNs + b.time;
            m_impl.pipeline->onBook(id, time, b.bidPrice[0], b.bidQuantity[0], b.askPrice[0], b.askQuantity[0]);
            m_impl.risk.setReference(id, (b.bidPrice[0] + b.askPrice[0]) / 2,
                                     m_impl.markets[b.instrument].valuePerTickLot);
        }
        void trade(const sim::AgentContext &, const sim::TradeTick &t) override
        {
            ++m_impl.marketTrades;
            Market &m = m_impl.markets[t.instrument];
            m.noteTrade(t.price, t.quantity);
            if (m_impl.feed)
                m_impl.feed->pushTrade(PaperTrade{m.symbol, m_impl.startNs + t.time, double(t.price) * m.tick,
                                                  double(t.quantity) * m.lot, t.aggressor == Side::Buy});
            m_impl.pipeline->onTrade(m_impl.sim->instrument(t.instrument).id(), m_impl.startNs + t.time, t.price,
                                     t.quantity);
        }

    private:
        Impl &m_impl;
    };

    /// Sends the strategy's orders through pre-trade risk and the OMS.
    class Gateway final : public sim::OrderGateway
    {
    public:
        explicit Gateway(Impl &impl) : m_impl(impl) {}
        meridian_status place(const sim::AgentContext &, strategy::InstanceId from, std::uint16_t instrument,
                              const matching::OrderRequest &request, std::uint64_t &orderId,
                              std::string &reason) override
        {
            Impl &s = m_impl;
            oms::OrderSpec spec;
            spec.clientOrderId = s.session + "-" + std::to_string(++s.nextOrder);
            spec.strategy = s.names[from];
            spec.instrument = s.sim->instrument(instrument);
            spec.side = request.side;
            const bool market =
                request.type == matching::OrderType::Market || request.type == matching::OrderType::StopMarket;
            spec.kind = market ? oms::OrderKind::Market : oms::OrderKind::Limit;
            spec.price = request.price.value();
            spec.quantity = request.quantity.value();
            s.venue->pending.emplace(instrument, request);
            auto order = s.oms->submit(spec);
            s.venue->pending.reset();
            ++s.ordersSubmitted;
            if (!order) {
                reason = order.error().message;
                s.fail(order.error().message);
                return MERIDIAN_STATUS_ERROR;
            }
            if (order->status == oms::OrderStatus::Rejected) {
                reason = order->reason;
                ++s.ordersRefused;
                s.lastRefusal = order->reason;
                return MERIDIAN_STATUS_REJECTED;
            }
            const auto id = s.venue->exchangeId(spec.clientOrderId);
            if (!id) {
                reason = "the order is waiting for the exchange";
                return MERIDIAN_STATUS_UNAVAILABLE;
            }
            orderId = *id;
            return MERIDIAN_STATUS_OK;
        }
        meridian_status cancel(const sim::AgentContext &, std::uint16_t, std::uint64_t orderId) override
        {
            const auto client = m_impl.venue->clientId(orderId);
            if (!client)
                return MERIDIAN_STATUS_NOT_FOUND;
            const auto r = m_impl.oms->cancel(*client);
            if (!r)
                return r.error().code == ErrorCode::NotFound ? MERIDIAN_STATUS_NOT_FOUND : MERIDIAN_STATUS_REJECTED;
            return MERIDIAN_STATUS_OK;
        }
        void notice(const sim::AgentContext &, const sim::OrderNotice &n) override
        {
            if (n.kind == sim::OrderNotice::Kind::Filled) {
                ++m_impl.fills;
                const Market &m = m_impl.markets[n.instrument];
                if (m_impl.feed)
                    m_impl.feed->pushFill(PaperFill{m_impl.startNs + n.time,
                                                    m_impl.venue->clientId(n.orderId).value_or(""),
                                                    n.side == Side::Buy ? "buy" : "sell", m.symbol,
                                                    double(n.price) * m.tick, double(n.quantity) * m.lot, n.maker});
            }
            m_impl.venue->onNotice(n);
        }

    private:
        Impl &m_impl;
    };

    PaperConfig config;
    std::string session;
    std::int64_t startNs = 0;
    std::optional<store::Database> db;
    std::unique_ptr<sim::Simulation> sim;
    std::unique_ptr<SessionClock> clock;
    WallClock wallClock; // the pipeline's stage stamps: processing latency is wall time
    risk::PreTradeRisk risk;
    risk::RiskMonitor monitor;
    std::unique_ptr<AgentVenue> venue;
    std::unique_ptr<oms::OrderManager> oms;
    std::unique_ptr<Gateway> gateway;
    std::unique_ptr<signal::SignalPipeline> pipeline;
    std::unique_ptr<FeedSink> feedSink;
    std::unique_ptr<signal::SignalJournal> journal;
    PaperFeed *feed = nullptr;
    sim::StrategyAgent *strategy = nullptr;            // hosts the strategy instances: the paper account
    sim::AgentId strategyId = sim::kNoAgent;           // the host's, set when the market is built
    std::map<strategy::InstanceId, std::string> names; // as the journal names each instance's orders
    /// What the session keeps of each instrument, by the simulation's index.
    struct Market
    {
        std::string symbol;
        double tick = 0, lot = 0, valuePerTickLot = 0;
        double lastMid = 0; // ticks: the mid, or the last known one while a side is empty
        /// Volume traded per price (ticks), kept to the 4,096 prices nearest the last trade.
        std::map<std::int64_t, std::int64_t> tradedAt;
        void noteTrade(std::int64_t price, std::int64_t quantity)
        {
            tradedAt[price] += quantity;
            while (tradedAt.size() > 4096) {
                const auto first = tradedAt.begin();
                const auto last = std::prev(tradedAt.end());
                tradedAt.erase(price - first->first > last->first - price ? first : last);
            }
        }
    };
    std::vector<Market> markets;
    std::vector<std::pair<std::string, int>> agentKinds; // counted once the market is built
    /// The instrument named symbol ("": the first), or nullopt.
    std::optional<std::uint16_t> indexOf(const std::string &symbol) const
    {
        if (symbol.empty())
            return std::uint16_t(0);
        for (std::size_t i = 0; i < markets.size(); ++i)
            if (markets[i].symbol == symbol)
                return static_cast<std::uint16_t>(i);
        return std::nullopt;
    }
    std::uint64_t nextOrder = 0, ordersSubmitted = 0, ordersRefused = 0, fills = 0, marketTrades = 0, alerts = 0;
    std::string lastRefusal, failure;
    bool finished = false;

    struct ManualCommand
    {
        bool cancel = false;
        Side side = Side::Invalid;
        double price = 0, quantity = 0;
        std::string symbol;
    };
    std::vector<ManualCommand> manualCommands; // guarded by commandMutex
    std::uint64_t nextManual = 0;
    std::atomic<double> speed{1};
    std::atomic<bool> paused{false};
    std::atomic<std::int64_t> stepRequest{0}; // simulated ns to run while paused
    // Whether the run loop is holding, as the feed reports it: `paused` is only the request, and a
    // snapshot taken between the request and the loop seeing it must not claim the market stands still.
    bool holding = false;
    std::mutex commandMutex;
    std::optional<std::pair<risk::TradingState, std::string>> stateRequest;
    std::vector<std::int64_t> acknowledgements; // alert ids; guarded by commandMutex

    struct StrategyCommand
    {
        enum class Kind : std::uint8_t { Add, Start, Stop, Remove, Reconfigure, Reload };
        Kind kind = Kind::Add;
        std::uint32_t id = 0;
        std::string path, parameters;
        bool start = false;
    };
    std::vector<StrategyCommand> strategyCommands; // guarded by commandMutex

    /// Adds an instance of the plugin at path and names it: the file's stem for the first instance of a
    /// file, "<stem>#<id>" for the next ones.
    Result<strategy::InstanceId> addStrategy(const std::string &path, const std::string &parameters,
                                             const sim::AgentContext *ctx)
    {
        auto id = strategy->addInstance(path, parameters, ctx);
        if (!id)
            return id;
        const auto slash = path.find_last_of('/');
        std::string stem = path.substr(slash == std::string::npos ? 0 : slash + 1);
        if (const auto dot = stem.find('.'); dot != std::string::npos)
            stem.resize(dot);
        bool taken = false;
        for (const auto &[other, name] : names)
            taken = taken || name == stem;
        names[*id] = taken ? stem + "#" + std::to_string(*id) : stem;
        return id;
    }

    void applyStrategyCommand(const StrategyCommand &c)
    {
        if (sim->done() || finished)
            return;
        const sim::AgentContext ctx(*sim, strategyId);
        using Kind = StrategyCommand::Kind;
        Result<void> outcome = ok();
        std::uint32_t id = c.id;
        std::string report;
        switch (c.kind) {
        case Kind::Add:
            if (auto added = addStrategy(c.path, c.parameters, &ctx); !added) {
                outcome = tl::unexpected(added.error());
            } else {
                id = *added;
                if (c.start)
                    outcome = strategy->startInstance(ctx, id);
            }
            break;
        case Kind::Start:
            outcome = strategy->startInstance(ctx, id);
            break;
        case Kind::Stop:
            outcome = strategy->stopInstance(ctx, id);
            break;
        case Kind::Remove:
            outcome = strategy->removeInstance(ctx, id);
            if (outcome)
                names.erase(id);
            break;
        case Kind::Reconfigure:
            outcome = strategy->reconfigureInstance(ctx, id, c.parameters);
            break;
        case Kind::Reload:
            if (auto r = strategy->reloadInstance(ctx, id); r)
                report = *r;
            else
                outcome = tl::unexpected(r.error());
            break;
        }
        if (!outcome)
            feed->pushNotice(PaperNotice{true, id, outcome.error().message});
        else if (!report.empty())
            feed->pushNotice(PaperNotice{false, id, report});
        publish();
    }

    void fail(const std::string &what)
    {
        if (failure.empty()) {
            failure = what;
            meridian::log::get("paper")->error("Paper session {} stopped: {}", session, what);
        }
    }

    /// The account marked at each instrument's last mid.
    double equity() const
    {
        double value = config.initialCapital;
        for (std::uint16_t i = 0; i < markets.size(); ++i) {
            const auto cash = static_cast<double>(sim->cash(strategyId, i));
            const auto position = static_cast<double>(sim->position(strategyId, i));
            value += (cash + position * markets[i].lastMid) * markets[i].valuePerTickLot;
        }
        return value;
    }

    void cancelOpenOrders(const std::string &why)
    {
        for (const oms::Order &o : oms->openOrders())
            if (auto r = oms->cancel(o.spec.clientOrderId); !r)
                meridian::log::get("paper")->warn("Cannot cancel {} ({}): {}", o.spec.clientOrderId, why,
                                                  r.error().message);
    }

    void changeState(risk::TradingState state, const std::string &reason)
    {
        const auto change = risk.setState(state, reason, clock->now().nanoseconds());
        if (!change)
            return;
        if (auto r = risk::saveStateChange(*db, *change); !r)
            fail(r.error().message);
        meridian::log::get("paper")->warn("Trading state {} → {}: {}", risk::tradingStateName(change->from),
                                          risk::tradingStateName(change->to), reason);
        if (state == risk::TradingState::Halted)
            cancelOpenOrders("halted");
    }

    void applyCommands()
    {
        std::optional<std::pair<risk::TradingState, std::string>> request;
        std::vector<ManualCommand> manual;
        std::vector<std::int64_t> acknowledged;
        std::vector<StrategyCommand> strategies;
        {
            std::lock_guard lock(commandMutex);
            request.swap(stateRequest);
            manual.swap(manualCommands);
            acknowledged.swap(acknowledgements);
            strategies.swap(strategyCommands);
        }
        if (request)
            changeState(request->first, request->second);
        for (const StrategyCommand &c : strategies)
            applyStrategyCommand(c);
        for (const ManualCommand &m : manual)
            applyManual(m);
        // One acknowledged twice (two views, or a popup and the list) is no failure of the session.
        for (const std::int64_t id : acknowledged)
            if (auto r = risk::acknowledgeAlert(*db, id, wallClock.now().nanoseconds()); !r)
                meridian::log::get("paper")->warn("Risk alert {} not acknowledged: {}", id, r.error().message);
    }

    /// A trader's order from the workstation: on the strategy's account, through risk and the OMS like the
    /// strategy's own, named "<session>-m<n>" and sent by "manual".
    void applyManual(const ManualCommand &m)
    {
        const auto index = indexOf(m.symbol);
        if (!index) {
            lastRefusal = "no instrument " + m.symbol + " trades in this session";
            publish();
            return;
        }
        const Market &market = markets[*index];
        const auto price = static_cast<std::int64_t>(std::llround(m.price / market.tick));
        if (m.cancel) {
            for (const oms::Order &o : oms->openOrders())
                if (o.spec.strategy == "manual" && o.spec.price == price &&
                    o.spec.instrument->symbol() == market.symbol)
                    if (auto r = oms->cancel(o.spec.clientOrderId); !r)
                        lastRefusal = r.error().message;
            return;
        }
        oms::OrderSpec spec;
        spec.clientOrderId = session + "-m" + std::to_string(++nextManual);
        spec.strategy = "manual";
        spec.instrument = sim->instrument(*index);
        spec.side = m.side;
        spec.kind = oms::OrderKind::Limit;
        spec.price = price;
        spec.quantity = static_cast<std::int64_t>(std::llround(m.quantity / market.lot));
        venue->pending.reset();
        auto order = oms->submit(spec);
        if (!order)
            lastRefusal = order.error().message;
        else if (order->status == oms::OrderStatus::Rejected)
            lastRefusal = order->reason;
        publish();
    }

    /// The account marked to the market: risk metrics and alerts, the journal's batch, the feed's snapshot.
    void mark()
    {
        for (std::uint16_t i = 0; i < markets.size(); ++i) {
            const std::int64_t bid = sim->book(i).bestBid().value_or(Price(0)).value();
            const std::int64_t ask = sim->book(i).bestAsk().value_or(Price(0)).value();
            if (bid > 0 && ask > 0)
                markets[i].lastMid = double(bid + ask) / 2;
        }
        const std::int64_t now = clock->now().nanoseconds();
        const double eq = equity();
        risk.setEquity(eq, now);
        risk::AccountSnapshot account;
        account.timeNs = now;
        account.equity = eq;
        for (std::uint16_t i = 0; i < markets.size(); ++i) {
            const std::int64_t position = sim->position(strategyId, i);
            if (position == 0)
                continue;
            const double cash = static_cast<double>(sim->cash(strategyId, i));
            account.positions.push_back(
                risk::PositionSnapshot{sim->instrument(i).id(), position, -cash / static_cast<double>(position),
                                       std::llround(markets[i].lastMid), markets[i].valuePerTickLot});
        }
        const risk::TradingState before = risk.state();
        auto outcome = risk::watch(*db, monitor, risk, account);
        if (!outcome) {
            fail(outcome.error().message);
        } else {
            for (const risk::Alert &a : outcome->alerts) {
                ++alerts;
                feed->pushAlert(a);
            }
            if (risk.state() == risk::TradingState::Halted && before != risk::TradingState::Halted)
                cancelOpenOrders("halted by a critical alert");
        }
        if (auto r = journal->flush(); !r)
            fail(r.error().message);
        if (oms->failure())
            fail(oms->failure()->message);
        publish();
    }

    /// Instrument i's market: its book to kBookLevels with the account's own resting quantity per level,
    /// the volume traded at each of those prices, its prices and the account's position.
    PaperMarket publishMarket(std::uint16_t i) const
    {
        const Market &m = markets[i];
        PaperMarket out;
        out.symbol = m.symbol;
        out.id = sim->instrument(i).id();
        out.tick = m.tick;
        std::map<std::pair<Side, std::int64_t>, std::int64_t> own; // the account's resting lots per level
        for (const oms::Order &o : oms->openOrders())
            if (o.spec.kind == oms::OrderKind::Limit && o.spec.instrument->symbol() == m.symbol)
                own[{o.spec.side, o.spec.price}] += o.spec.quantity - o.filled;
        const book::OrderBook &b = sim->book(i);
        for (const Side side : {Side::Buy, Side::Sell}) {
            std::vector<PaperLevel> &levels = side == Side::Buy ? out.bids : out.asks;
            const std::size_t n = std::min(b.levelCount(side), PaperSnapshot::kBookLevels);
            for (std::size_t rank = 0; rank < n; ++rank) {
                const book::LevelView level = b.levelAt(side, rank);
                const auto mine = own.find({side, level.price.value()});
                levels.push_back(PaperLevel{double(level.price.value()) * m.tick,
                                            double(level.quantity.value()) * m.lot,
                                            mine == own.end() ? 0 : double(mine->second) * m.lot});
            }
        }
        out.bid = double(b.bestBid().value_or(Price(0)).value()) * m.tick;
        out.ask = double(b.bestAsk().value_or(Price(0)).value()) * m.tick;
        out.mid = m.lastMid * m.tick;
        out.last = double(sim->lastTrade(i)) * m.tick;
        out.position = double(sim->position(strategyId, i)) * m.lot;
        if (!out.bids.empty() && !out.asks.empty()) {
            const auto low = std::llround(out.bids.back().price / m.tick);
            const auto high = std::llround(out.asks.back().price / m.tick);
            for (auto it = m.tradedAt.lower_bound(low); it != m.tradedAt.end() && it->first <= high; ++it)
                out.traded.emplace_back(double(it->first) * m.tick, double(it->second) * m.lot);
        }
        return out;
    }

    PaperStrategy strategyRow(const sim::StrategyInstanceView &v) const
    {
        PaperStrategy row;
        row.id = v.id;
        const auto name = names.find(v.id);
        row.name = name == names.end() ? v.pluginId : name->second;
        row.pluginId = v.pluginId;
        row.version = v.version;
        row.path = v.path;
        row.parameters = v.parameters;
        using State = strategy::InstanceState;
        row.state = v.state == State::Running       ? "running"
                    : v.state == State::Initialised ? "initialised"
                    : v.state == State::Failed      ? "failed"
                                                    : "stopped";
        row.error = v.error;
        row.variables = v.variables;
        for (std::size_t i = 0; i < v.positions.size() && i < markets.size(); ++i)
            row.positions.push_back(double(v.positions[i]) * markets[i].lot);
        row.realizedPnl = v.realizedPnl / 1e8;
        row.ordersSent = v.ordersSent;
        row.ordersRefused = v.ordersRefused;
        row.ordersRejected = v.ordersRejected;
        row.openOrders = v.openOrders;
        return row;
    }

    void publish()
    {
        PaperSnapshot s;
        for (std::uint16_t i = 0; i < markets.size(); ++i)
            s.markets.push_back(publishMarket(i));
        const PaperMarket &first = s.markets.front();
        s.symbol = first.symbol;
        s.bid = first.bid;
        s.ask = first.ask;
        s.mid = first.mid;
        s.last = first.last;
        s.session = session;
        s.agents = agentKinds;
        s.elapsedNs = sim->now();
        s.timeNs = startNs + s.elapsedNs;
        s.speed = speed.load();
        s.paused = holding;
        s.durationNs = sim->duration();
        s.scenario = config.scenario;
        s.position = first.position;
        s.equity = equity();
        s.pnl = s.equity - config.initialCapital;
        s.strategyError = strategy->error();
        for (const sim::StrategyInstanceView &v : strategy->instances())
            s.strategies.push_back(strategyRow(v));
        s.drawdown = monitor.metrics().drawdown;
        s.exposure = monitor.metrics().exposure;
        s.ordersSubmitted = ordersSubmitted;
        s.ordersRefused = ordersRefused;
        s.fills = fills;
        s.marketTrades = marketTrades;
        s.signalsPublished = pipeline->counters().published;
        s.signalsBlocked = pipeline->counters().blocked;
        s.alerts = alerts;
        s.state = risk.state();
        s.lastRefusal = lastRefusal;
        s.finished = finished;
        s.failure = failure;
        feed->publish(std::move(s));
    }

    /// Runs the market up to simulated time `end` (or its close), paced by the speed, checking `stop` and
    /// the commands between slices.
    void run(std::int64_t end, const std::atomic<bool> *stop, bool fastForward = false)
    {
        end = std::min(end, sim->duration());
        std::int64_t wallAnchor = wallClock.now().nanoseconds();
        std::int64_t simAnchor = sim->now();
        double pace = fastForward ? 0 : speed.load();
        holding = false;
        while (!sim->done() && sim->now() < end && failure.empty() && !(stop && stop->load())) {
            applyCommands();
            // Paused (on the session's own thread only; runFor() is told how far to go): nothing runs but
            // the steps asked for, and the pace starts afresh on resuming.
            if (stop && !fastForward && paused.load()) {
                const bool wasHolding = std::exchange(holding, true);
                if (const std::int64_t step = stepRequest.exchange(0); step > 0) {
                    sim->run(std::min(end, sim->now() + step));
                    publish();
                } else if (!wasHolding) {
                    publish();
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
                wallAnchor = wallClock.now().nanoseconds();
                simAnchor = sim->now();
                continue;
            }
            if (holding) {
                holding = false;
                publish();
            }
            const double s = fastForward ? 0 : speed.load();
            if (s != pace) {
                pace = s;
                wallAnchor = wallClock.now().nanoseconds();
                simAnchor = sim->now();
            }
            if (pace <= 0) {
                sim->run(std::min(end, sim->now() + 1'000'000'000));
                continue;
            }
            const auto wall = static_cast<double>(wallClock.now().nanoseconds() - wallAnchor);
            const auto target = simAnchor + static_cast<std::int64_t>(wall * pace);
            if (target > sim->now())
                sim->run(std::min(end, target));
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        if (sim->done())
            publish();
    }

    void finish()
    {
        if (finished)
            return;
        // Open orders are cancelled and their cancels given time to come back; whatever the market still
        // holds when it closes ends with it.
        if (oms && !sim->done()) {
            cancelOpenOrders("the session ends");
            sim->run(std::min(sim->duration(), sim->now() + 1'000'000'000));
        }
        if (venue)
            venue->closeAll(clock->now().nanoseconds());
        sim->finish();
        if (auto r = journal->flush(); !r)
            fail(r.error().message);
        finished = true;
        publish();
        meridian::log::get("paper")->info("Paper session {} ended after {:.1f} s of simulated time: {} orders, {} "
                                          "refused by risk, {} fills, {} signals",
                                          session, double(sim->now()) / 1e9, ordersSubmitted, ordersRefused, fills,
                                          pipeline->counters().published);
    }
};

Result<std::unique_ptr<PaperSession>> PaperSession::create(PaperConfig config)
{
    if (!(config.speed >= 0) || !std::isfinite(config.speed))
        return fail(ErrorCode::InvalidArgument, "paper: the speed must be 0 (as fast as possible) or positive");
    if (!(config.initialCapital > 0))
        return fail(ErrorCode::InvalidArgument, "paper: the initial capital must be positive");
    if (config.durationNs <= 0 || config.snapshotIntervalNs <= 0)
        return fail(ErrorCode::InvalidArgument, "paper: the duration and snapshot interval must be positive");
    auto impl = std::make_unique<Impl>();
    Impl &s = *impl;
    s.startNs = config.startTimeNs > 0 ? config.startTimeNs : WallClock().now().nanoseconds();
    s.session = "paper-" + std::to_string(s.startNs / 1'000'000);
    s.speed.store(config.speed);

    auto scenario =
        config.definition ? Result<sim::Scenario>(*config.definition) : sim::presetScenario(config.scenario);
    if (!scenario)
        return tl::unexpected(scenario.error());
    auto calibrated = sim::applyCalibration(*scenario, config.calibration, config.market.instrument.initialPrice);
    if (!calibrated)
        return tl::unexpected(calibrated.error());
    std::vector<sim::MarketSetup> setups{config.market};
    setups.insert(setups.end(), config.moreMarkets.begin(), config.moreMarkets.end());
    for (std::size_t i = 0; i < setups.size(); ++i) {
        InstrumentSpec &spec = setups[i].instrument.spec;
        for (std::size_t j = 0; j < i; ++j) {
            if (setups[j].instrument.spec.symbol == spec.symbol)
                return fail(ErrorCode::InvalidArgument, "paper: " + spec.symbol + " is in the session twice");
            // Instruments resolved from defaults may share an id; the session's own ids only need to differ.
            if (setups[j].instrument.spec.id == spec.id)
                for (const sim::MarketSetup &other : setups)
                    spec.id = std::max(spec.id, other.instrument.spec.id + 1);
        }
    }
    auto built = sim::buildMarket(*calibrated, setups, config.seed, config.durationNs, config.commonFactor);
    if (!built)
        return tl::unexpected(built.error());
    s.sim = std::move(*built);
    for (std::uint16_t i = 0; i < s.sim->instrumentCount(); ++i) {
        const InstrumentSpec &spec = s.sim->instrument(i).spec();
        Impl::Market m;
        m.symbol = spec.symbol;
        m.tick = spec.tickSize.toDouble();
        m.lot = spec.lotSize.toDouble();
        m.valuePerTickLot = m.tick * m.lot * spec.multiplier.toDouble();
        m.lastMid = setups[i].instrument.initialPrice;
        s.markets.push_back(std::move(m));
    }

    auto db = config.journalPath.empty() ? store::Database::openInMemory() : store::Database::open(config.journalPath);
    if (!db)
        return tl::unexpected(db.error());
    s.db.emplace(std::move(*db));
    s.clock = std::make_unique<SessionClock>(*s.sim, s.startNs);
    s.risk.setLimits(config.limits);
    s.monitor.setConfig(config.monitor);
    s.risk.setEquity(config.initialCapital, s.startNs);
    s.risk.setStartOfDayEquity(config.initialCapital);
    s.venue = std::make_unique<AgentVenue>(*s.sim, s.startNs);
    s.oms = std::make_unique<oms::OrderManager>(*s.db, *s.venue, *s.clock, &s.risk);
    Impl *self = &s;
    s.oms->setListener([self](const oms::Order &o) {
        if (!self->feed)
            return;
        const auto index = self->indexOf(o.spec.instrument->symbol());
        const Impl::Market &m = self->markets[index.value_or(0)];
        self->feed->pushOrder(
            PaperOrder{o.spec.clientOrderId, o.spec.strategy, m.symbol, o.spec.side == Side::Buy ? "buy" : "sell",
                       o.spec.kind == oms::OrderKind::Limit ? "limit" : "market",
                       std::string(oms::statusName(o.status)), o.reason, double(o.spec.price) * m.tick,
                       double(o.spec.quantity) * m.lot, double(o.filled) * m.lot, o.createdNs, o.updatedNs});
    });
    s.gateway = std::make_unique<Impl::Gateway>(s);

    s.pipeline = std::make_unique<signal::SignalPipeline>(s.wallClock);
    for (std::uint16_t i = 0; i < s.sim->instrumentCount(); ++i) {
        const InstrumentId id = s.sim->instrument(i).id();
        s.pipeline->addRule(id, signal::momentumRule());
        s.pipeline->addRule(id, signal::imbalanceRule());
        s.pipeline->addRule(id, signal::vwapReversionRule());
    }
    s.pipeline->setRisk(&s.risk);
    s.journal = std::make_unique<signal::SignalJournal>(*s.db, s.session);
    s.pipeline->addSink(s.journal.get());

    // The paper account: hosts the strategy instances, the first (if any) from the configuration, more
    // added while the session runs.
    auto host =
        sim::StrategyAgent::host(*s.sim, std::llround(config.initialCapital * 1e8), 100'000'000, 60'000'000'000);
    s.strategy = host.get();
    s.strategy->setGateway(s.gateway.get());
    s.strategy->setSignalListener([self](const meridian_signal &signal) {
        if (signal.instrument == 0 || signal.instrument > self->sim->instrumentCount())
            return;
        self->pipeline->onSignal(self->sim->instrument(static_cast<std::uint16_t>(signal.instrument - 1)).id(),
                                 signal.direction, signal.strength, signal.confidence,
                                 std::string(signal.source.data, signal.source.size),
                                 std::string(signal.reason.data, signal.reason.size), self->startNs + signal.time_ns);
    });
    if (!config.strategyPath.empty())
        if (auto added = s.addStrategy(config.strategyPath, config.strategyParams, nullptr); !added)
            return tl::unexpected(added.error());
    s.strategyId = s.sim->addAgent(std::move(host), sim::Latency{500'000, 500'000}, sim::Latency{500'000, 500'000});
    s.venue->setAgent(s.strategyId);
    s.sim->addAgent(std::make_unique<Impl::Watcher>(s));
    // What trades in the market, by kind (the strategies' host and the session's own watcher are not the
    // market's agents: the strategies are listed by instance).
    for (sim::AgentId a = 0; a < s.sim->agentCount(); ++a) {
        const std::string kind = s.sim->agent(a).kind();
        if (kind == "strategy" || kind == "paper_watcher")
            continue;
        auto it =
            std::find_if(s.agentKinds.begin(), s.agentKinds.end(), [&](const auto &k) { return k.first == kind; });
        if (it == s.agentKinds.end())
            s.agentKinds.emplace_back(kind, 1);
        else
            ++it->second;
    }
    s.config = std::move(config);

    std::unique_ptr<PaperSession> session(new PaperSession(std::move(impl)));
    Impl &made = *session->m_impl;
    made.feed = &session->m_feed;
    made.feedSink = std::make_unique<FeedSink>(session->m_feed);
    made.pipeline->addSink(made.feedSink.get());
    made.publish();
    return session;
}

PaperSession::PaperSession(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

PaperSession::~PaperSession()
{
    stop();
}

const std::string &PaperSession::sessionId() const
{
    return m_impl->session;
}

const PaperConfig &PaperSession::config() const
{
    return m_impl->config;
}

void PaperSession::start()
{
    if (m_thread.joinable() || m_impl->finished)
        return;
    m_stop.store(false);
    m_thread = std::thread([this] { loop(); });
}

void PaperSession::loop()
{
    if (m_impl->config.warmupNs > 0)
        m_impl->run(m_impl->config.warmupNs, &m_stop, /*fastForward=*/true);
    m_impl->run(m_impl->sim->duration(), &m_stop);
    m_impl->finish(); // on the session's thread, which owns the journal
}

void PaperSession::stop()
{
    m_stop.store(true);
    if (m_thread.joinable())
        m_thread.join();
    else
        m_impl->finish();
}

bool PaperSession::runFor(std::int64_t simulatedNs)
{
    if (m_thread.joinable() || m_impl->finished)
        return false;
    m_impl->run(m_impl->sim->now() + simulatedNs, nullptr);
    return !m_impl->sim->done() && m_impl->failure.empty();
}

void PaperSession::setSpeed(double speed)
{
    if (speed >= 0 && std::isfinite(speed))
        m_impl->speed.store(speed);
}

void PaperSession::submitManual(Side side, double price, double quantity, std::string symbol)
{
    std::lock_guard lock(m_impl->commandMutex);
    m_impl->manualCommands.push_back({false, side, price, quantity, std::move(symbol)});
}

void PaperSession::cancelManualAt(double price, std::string symbol)
{
    std::lock_guard lock(m_impl->commandMutex);
    m_impl->manualCommands.push_back({true, Side::Invalid, price, 0, std::move(symbol)});
}

void PaperSession::setPaused(bool paused)
{
    m_impl->paused.store(paused);
}

void PaperSession::step(std::int64_t simulatedNs)
{
    if (simulatedNs > 0)
        m_impl->stepRequest.fetch_add(simulatedNs);
}

void PaperSession::acknowledgeAlert(std::int64_t alertId)
{
    std::lock_guard lock(m_impl->commandMutex);
    m_impl->acknowledgements.push_back(alertId);
}

void PaperSession::addStrategy(std::string pluginPath, std::string parametersJson, bool start)
{
    using Kind = Impl::StrategyCommand::Kind;
    std::lock_guard lock(m_impl->commandMutex);
    m_impl->strategyCommands.push_back({Kind::Add, 0, std::move(pluginPath), std::move(parametersJson), start});
}

void PaperSession::startStrategy(std::uint32_t id)
{
    std::lock_guard lock(m_impl->commandMutex);
    m_impl->strategyCommands.push_back({Impl::StrategyCommand::Kind::Start, id, {}, {}, false});
}

void PaperSession::stopStrategy(std::uint32_t id)
{
    std::lock_guard lock(m_impl->commandMutex);
    m_impl->strategyCommands.push_back({Impl::StrategyCommand::Kind::Stop, id, {}, {}, false});
}

void PaperSession::removeStrategy(std::uint32_t id)
{
    std::lock_guard lock(m_impl->commandMutex);
    m_impl->strategyCommands.push_back({Impl::StrategyCommand::Kind::Remove, id, {}, {}, false});
}

void PaperSession::reconfigureStrategy(std::uint32_t id, std::string parametersJson)
{
    std::lock_guard lock(m_impl->commandMutex);
    m_impl->strategyCommands.push_back(
        {Impl::StrategyCommand::Kind::Reconfigure, id, {}, std::move(parametersJson), false});
}

void PaperSession::reloadStrategy(std::uint32_t id)
{
    std::lock_guard lock(m_impl->commandMutex);
    m_impl->strategyCommands.push_back({Impl::StrategyCommand::Kind::Reload, id, {}, {}, false});
}

void PaperSession::requestTradingState(risk::TradingState state, std::string reason)
{
    std::lock_guard lock(m_impl->commandMutex);
    m_impl->stateRequest.emplace(state, std::move(reason));
}

} // namespace meridian::runtime
