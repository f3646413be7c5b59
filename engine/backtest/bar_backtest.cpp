// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "backtest/bar_backtest.h"

#include "backtest/backtest_host.h"

#include <algorithm>
#include <cmath>

namespace meridian::backtest {

namespace {

constexpr std::int64_t kDay = 86'400'000'000'000;

std::vector<Instrument> instrumentsOf(const std::vector<BarSeries> &series)
{
    std::vector<Instrument> out;
    for (const BarSeries &s : series)
        out.push_back(s.instrument);
    return out;
}

/// The backtest: the strategy's host (StrategyServices) and the event loop.
class Engine final : public BacktestHost
{
public:
    Engine(const std::vector<BarSeries> &series, const BarBacktestConfig &config)
        : BacktestHost(instrumentsOf(series), config.initialCapital,
                       Account::Fees{config.makerFee, config.takerFee, config.feePerLot}),
          m_series(series),
          m_config(config),
          m_runner(*this)
    {}

    Result<BarBacktestResult> run(const std::string &pluginPath, const std::string &parametersJson,
                                  const BacktestControl &control)
    {
        auto id = m_runner.addInstance(pluginPath, parametersJson);
        if (!id)
            return tl::unexpected(id.error());
        m_id = *id;
        if (auto started = m_runner.start(m_id); !started)
            return fail(ErrorCode::ExternalFailure, "the strategy did not start: " + m_runner.lastError(m_id));
        flush(m_runner, m_id);

        // Bars in the order of their close, ties by instrument.
        std::vector<std::size_t> cursor(m_series.size(), 0);
        std::size_t total = 0;
        for (const BarSeries &s : m_series)
            total += s.bars.size();
        const std::size_t every = m_config.equityPoints ? std::max<std::size_t>(1, total / m_config.equityPoints) : 1;
        std::uint64_t nextProgress = 0;
        for (std::size_t processed = 0; processed < total; ++processed) {
            std::size_t next = m_series.size();
            std::int64_t nextClose = 0;
            for (std::size_t i = 0; i < m_series.size(); ++i) {
                if (cursor[i] == m_series[i].bars.size())
                    continue;
                const std::int64_t close = m_series[i].bars[cursor[i]].openTime + m_series[i].durationNs;
                if (next == m_series.size() || close < nextClose) {
                    next = i;
                    nextClose = close;
                }
            }
            if (control.cancel && (processed & 1023) == 0 && control.cancel->load(std::memory_order_relaxed)) {
                (void)m_runner.stop(m_id);
                return fail(ErrorCode::Cancelled, "backtest: cancelled after " + std::to_string(processed) + " of " +
                                                      std::to_string(total) + " bars");
            }
            if (control.progress && processed >= nextProgress) { // no division on the bar loop
                control.progress(processed, total);
                nextProgress += std::max<std::uint64_t>(1, control.progressEvery);
            }
            const Bar &bar = m_series[next].bars[cursor[next]++];
            step(next, bar, nextClose);
            if (processed % every == 0 || processed + 1 == total)
                m_result.equity.emplace_back(nextClose, m_account.equity());
            if (!m_failed && m_runner.state(m_id) != strategy::InstanceState::Running) {
                m_failed = true;
                m_result.strategyError = m_runner.lastError(m_id);
            }
        }
        m_account.closeDay();
        (void)m_runner.stop(m_id);
        if (control.progress)
            control.progress(total, total);
        m_result.bars = total;
        m_result.variables = m_variables.values();
        m_result.finalEquity = m_account.equity();
        m_result.days = m_account.days();
        m_result.trades = m_account.trades();
        computeRunStatistics(m_result, m_config.initialCapital, m_config.annualDays);
        return std::move(m_result);
    }

private:
    struct Order
    {
        std::uint64_t id;
        std::size_t instrument;
        meridian_order_request request;
        std::int64_t placedAt;
        bool taker;     // a limit that could trade when it arrived
        bool triggered; // a stop-limit whose stop was hit
    };

    // ---- the event loop ----------------------------------------------------------------------------------

    void step(std::size_t instrument, const Bar &bar, std::int64_t closeTime)
    {
        m_account.day(closeTime / kDay);
        m_now = bar.openTime;
        fillAgainst(instrument, bar);
        flush(m_runner, m_id);
        m_now = closeTime;
        m_account.mark(instrument, bar.close);
        if (m_config.maintenanceMargin > 0)
            checkMaintenance();
        flush(m_runner, m_id);
        if (m_failed)
            return;
        meridian_bar b{};
        b.struct_size = sizeof b;
        b.instrument = static_cast<meridian_instrument_id>(instrument) + 1;
        b.open_time_ns = bar.openTime;
        b.duration_ns = m_series[instrument].durationNs;
        b.open = bar.open;
        b.high = bar.high;
        b.low = bar.low;
        b.close = bar.close;
        b.volume = bar.volume;
        m_runner.onBar(b);
        flush(m_runner, m_id);
    }

    void fillAgainst(std::size_t instrument, const Bar &bar)
    {
        for (std::size_t k = 0; k < m_orders.size();) {
            Order &o = m_orders[k];
            if (o.instrument != instrument || o.placedAt > bar.openTime) {
                ++k;
                continue;
            }
            const meridian_order_request &r = o.request;
            const bool buy = r.side == MERIDIAN_SIDE_BUY;
            if (r.time_in_force == MERIDIAN_TIF_GTD && r.expiry_ns <= bar.openTime) {
                notify(o, MERIDIAN_ORDER_EXPIRED, 0, 0, "expired");
                m_orders.erase(m_orders.begin() + static_cast<std::ptrdiff_t>(k));
                continue;
            }
            std::int64_t price = 0;
            bool fills = false, maker = false;
            const std::int64_t slip = buy ? m_config.slippageTicks : -m_config.slippageTicks;
            switch (r.type) {
            case MERIDIAN_ORDER_MARKET:
                fills = true;
                price = bar.open + slip;
                break;
            case MERIDIAN_ORDER_STOP_MARKET:
            case MERIDIAN_ORDER_STOP_LIMIT: {
                if (!o.triggered) {
                    const bool hit = buy ? bar.high >= r.stop_price : bar.low <= r.stop_price;
                    if (!hit)
                        break;
                    o.triggered = true;
                    if (r.type == MERIDIAN_ORDER_STOP_MARKET) {
                        fills = true;
                        price = (buy ? std::max(r.stop_price, bar.open) : std::min(r.stop_price, bar.open)) + slip;
                        break;
                    }
                }
                [[fallthrough]];
            }
            case MERIDIAN_ORDER_LIMIT:
                if (buy ? bar.low <= r.price : bar.high >= r.price) {
                    fills = true;
                    price = buy ? std::min(r.price, bar.open) : std::max(r.price, bar.open);
                    maker = !o.taker && r.type == MERIDIAN_ORDER_LIMIT;
                }
                break;
            default:
                break;
            }
            if (fills) {
                fill(o, std::max<std::int64_t>(1, price), maker);
                m_orders.erase(m_orders.begin() + static_cast<std::ptrdiff_t>(k));
                continue;
            }
            if (r.time_in_force == MERIDIAN_TIF_IOC || r.time_in_force == MERIDIAN_TIF_FOK) {
                notify(o, MERIDIAN_ORDER_CANCELLED, 0, 0, "not filled on its first bar (IOC/FOK)");
                m_orders.erase(m_orders.begin() + static_cast<std::ptrdiff_t>(k));
                continue;
            }
            ++k;
        }
    }

    /// A margin call: equity below the maintenance margin of the positions closes them all at their marks.
    void checkMaintenance()
    {
        const double gross = m_account.grossExposure();
        if (gross <= 0 || m_account.equity() >= gross * m_config.maintenanceMargin)
            return;
        ++m_result.liquidations;
        for (const Order &o : m_orders)
            notify(o, MERIDIAN_ORDER_CANCELLED, 0, 0, "margin call: positions liquidated");
        m_orders.clear();
        for (std::size_t i = 0; i < m_account.instruments(); ++i) {
            const std::int64_t position = m_account.position(i);
            const std::int64_t mark = m_account.markOf(i);
            if (position == 0 || mark <= 0)
                continue;
            const double fee = m_account.fill(i, -position, mark, false);
            m_result.fills.push_back({m_now, i, 0, position > 0 ? MERIDIAN_SIDE_SELL : MERIDIAN_SIDE_BUY, mark,
                                      std::abs(position), fee, false});
        }
    }

    /// Whether the account can carry the position this order could lead to (see BarBacktestConfig).
    bool marginAllows(const Order &o) const
    {
        const meridian_order_request &r = o.request;
        const bool buy = r.side == MERIDIAN_SIDE_BUY;
        std::int64_t working = r.quantity;
        for (const Order &w : m_orders)
            if (w.instrument == o.instrument && w.request.side == r.side)
                working += w.request.quantity;
        const std::int64_t position = m_account.position(o.instrument);
        const std::int64_t worst = position + (buy ? working : -working);
        if (std::abs(worst) <= std::abs(position))
            return true;
        const std::int64_t mark = m_account.markOf(o.instrument);
        std::int64_t price = r.type == MERIDIAN_ORDER_MARKET        ? mark
                             : r.type == MERIDIAN_ORDER_STOP_MARKET ? r.stop_price
                                                                    : r.price;
        if (price <= 0)
            price = mark;
        if (price <= 0)
            return true; // nothing to value it at before the first bar: the first fill will be checked by the
                         // maintenance margin
        double required = m_account.notional(o.instrument, worst, price) * m_config.initialMargin;
        for (std::size_t i = 0; i < m_account.instruments(); ++i)
            if (i != o.instrument)
                required += m_account.notional(i, m_account.position(i), m_account.markOf(i)) * m_config.initialMargin;
        return required <= m_account.equity();
    }

    void fill(const Order &o, std::int64_t price, bool maker)
    {
        const std::int64_t quantity = o.request.quantity;
        const std::int64_t signedQuantity = o.request.side == MERIDIAN_SIDE_BUY ? quantity : -quantity;
        const double fee = m_account.fill(o.instrument, signedQuantity, price, maker);
        m_result.fills.push_back({m_now, o.instrument, o.id, o.request.side, price, quantity, fee, maker});
        notify(o, MERIDIAN_ORDER_FILLED, price, quantity, "", maker);
    }

    /// Queues an order update; flush() delivers the queue once the strategy's callback has returned.
    void notify(const Order &o, meridian_order_status status, std::int64_t fillPrice, std::int64_t fillQuantity,
                const char *reason, bool maker = false)
    {
        meridian_order_update u{};
        u.struct_size = sizeof u;
        u.instrument = o.request.instrument;
        u.order_id = o.id;
        u.client_tag = o.request.client_tag;
        u.status = status;
        u.side = o.request.side;
        u.time_ns = m_now;
        u.price = o.request.price;
        u.quantity = o.request.quantity;
        u.filled_quantity = fillQuantity;
        u.fill_price = fillPrice;
        u.fill_quantity = fillQuantity;
        if (fillQuantity > 0)
            u.liquidity = maker ? MERIDIAN_LIQUIDITY_MAKER : MERIDIAN_LIQUIDITY_TAKER;
        u.reason = {reason, std::char_traits<char>::length(reason)};
        queue(u);
    }

    // ---- StrategyServices ----------------------------------------------------------------------------------

    meridian_status placeOrder(strategy::InstanceId, const meridian_order_request &r, std::uint64_t &orderId) override
    {
        if (r.instrument == 0 || r.instrument > m_series.size())
            return MERIDIAN_STATUS_NOT_FOUND;
        if (r.quantity <= 0 || (r.side != MERIDIAN_SIDE_BUY && r.side != MERIDIAN_SIDE_SELL))
            return MERIDIAN_STATUS_INVALID_ARGUMENT;
        const bool limit = r.type == MERIDIAN_ORDER_LIMIT;
        const bool stop = r.type == MERIDIAN_ORDER_STOP_MARKET || r.type == MERIDIAN_ORDER_STOP_LIMIT;
        if (!limit && !stop && r.type != MERIDIAN_ORDER_MARKET)
            return MERIDIAN_STATUS_INVALID_ARGUMENT;
        if ((limit || r.type == MERIDIAN_ORDER_STOP_LIMIT) && r.price <= 0)
            return MERIDIAN_STATUS_INVALID_ARGUMENT;
        const std::size_t i = r.instrument - 1;
        orderId = m_nextOrderId++;
        ++m_result.orders;
        const std::int64_t last = m_account.markOf(i);
        const bool marketable = limit && last > 0 && (r.side == MERIDIAN_SIDE_BUY ? r.price >= last : r.price <= last);
        Order o{orderId, i, r, m_now, marketable, false};
        if (r.time_in_force == MERIDIAN_TIF_POST_ONLY && marketable) {
            ++m_result.rejected;
            notify(o, MERIDIAN_ORDER_REJECTED, 0, 0, "post-only order would take");
            return MERIDIAN_STATUS_OK;
        }
        if (m_config.initialMargin > 0 && !marginAllows(o)) {
            ++m_result.rejected;
            ++m_result.marginRejections;
            notify(o, MERIDIAN_ORDER_REJECTED, 0, 0, "insufficient margin");
            return MERIDIAN_STATUS_OK;
        }
        notify(o, MERIDIAN_ORDER_ACCEPTED, 0, 0, "");
        m_orders.push_back(o);
        return MERIDIAN_STATUS_OK;
    }

    meridian_status cancelOrder(strategy::InstanceId, std::uint64_t orderId) override
    {
        const auto it = std::find_if(m_orders.begin(), m_orders.end(), [&](const Order &o) { return o.id == orderId; });
        if (it == m_orders.end())
            return MERIDIAN_STATUS_NOT_FOUND;
        notify(*it, MERIDIAN_ORDER_CANCELLED, 0, 0, "cancelled by the strategy");
        m_orders.erase(it);
        return MERIDIAN_STATUS_OK;
    }

    meridian_status modifyOrder(strategy::InstanceId, std::uint64_t orderId, std::int64_t price,
                                std::int64_t quantity) override
    {
        const auto it = std::find_if(m_orders.begin(), m_orders.end(), [&](const Order &o) { return o.id == orderId; });
        if (it == m_orders.end())
            return MERIDIAN_STATUS_NOT_FOUND;
        if (quantity <= 0 || price <= 0)
            return MERIDIAN_STATUS_INVALID_ARGUMENT;
        it->request.price = price;
        it->request.quantity = quantity;
        it->placedAt = m_now; // a changed order is a new one for the fill model: from the next bar
        notify(*it, MERIDIAN_ORDER_MODIFIED, 0, 0, "");
        return MERIDIAN_STATUS_OK;
    }

    const std::vector<BarSeries> &m_series;
    BarBacktestConfig m_config;
    strategy::StrategyRunner m_runner;
    strategy::InstanceId m_id = 0;
    std::vector<Order> m_orders; // working, in the order placed
    std::uint64_t m_nextOrderId = 1;
    bool m_failed = false;
    BarBacktestResult m_result;
};

} // namespace

Result<BarBacktestResult> runBarBacktest(const std::vector<BarSeries> &series, const std::string &pluginPath,
                                         const std::string &parametersJson, const BarBacktestConfig &config,
                                         const BacktestControl &control)
{
    if (series.empty())
        return fail(ErrorCode::InvalidArgument, "backtest: no bars");
    if (!(config.initialCapital > 0))
        return fail(ErrorCode::InvalidArgument, "backtest: the initial capital must be positive");
    if (!(config.initialMargin >= 0 && config.initialMargin <= 10) ||
        !(config.maintenanceMargin >= 0 && config.maintenanceMargin <= config.initialMargin))
        return fail(ErrorCode::InvalidArgument,
                    "backtest: the initial margin must be between 0 and 10 and the maintenance margin between 0 and "
                    "the initial margin");
    for (const BarSeries &s : series) {
        if (s.bars.empty())
            return fail(ErrorCode::InvalidArgument, "backtest: no bars of " + s.instrument.symbol());
        if (s.durationNs <= 0)
            return fail(ErrorCode::InvalidArgument,
                        "backtest: the bar duration of " + s.instrument.symbol() + " must be positive");
        for (std::size_t i = 0; i < s.bars.size(); ++i) {
            const Bar &b = s.bars[i];
            if (i > 0 && b.openTime <= s.bars[i - 1].openTime)
                return fail(ErrorCode::InvalidArgument, "backtest: bar " + std::to_string(i) + " of " +
                                                            s.instrument.symbol() +
                                                            " does not come after the one before");
            if (b.low > b.high || b.open < b.low || b.open > b.high || b.close < b.low || b.close > b.high ||
                b.low <= 0)
                return fail(ErrorCode::InvalidArgument,
                            "backtest: bar " + std::to_string(i) + " of " + s.instrument.symbol() + " is inconsistent");
        }
    }
    Engine engine(series, config);
    return engine.run(pluginPath, parametersJson, control);
}

} // namespace meridian::backtest
