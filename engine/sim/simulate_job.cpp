// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "sim/simulate_job.h"

#include "sim/strategy_agent.h"

#include <algorithm>

#include <charconv>
#include <cmath>
#include <unordered_map>

namespace meridian::sim {

namespace {

constexpr double kSecondsPerYear = 365.0 * 86400.0;

/// Collects the strategy's orders and fills as the exchange sees them.
class Recorder final : public Simulation::Observer
{
public:
    explicit Recorder(AgentId strategy) : m_strategy(strategy) {}

    void orderArrived(AgentId agent, std::uint16_t, const matching::OrderRequest &r, double mid) override
    {
        if (agent != m_strategy)
            return;
        const bool limit = r.type == matching::OrderType::Limit || r.type == matching::OrderType::StopLimit;
        m_orders.emplace(r.id, Order{mid, limit});
        if (limit)
            submittedLimit += static_cast<double>(r.quantity.value());
    }

    void traded(const TradeTick &t, AgentId buyer, std::uint64_t buyOrder, AgentId seller,
                std::uint64_t sellOrder) override
    {
        if (buyer != m_strategy && seller != m_strategy)
            return;
        // Both sides at once would be a self-trade: no net effect on the strategy; count each side.
        for (const auto &[agent, order, sign] :
             {std::tuple{buyer, buyOrder, 1.0}, std::tuple{seller, sellOrder, -1.0}}) {
            if (agent != m_strategy)
                continue;
            ++fills;
            ++dayFills;
            const auto q = static_cast<double>(t.quantity);
            intervalVolume += sign * q;
            dayNotional += q * static_cast<double>(t.price);
            filled += q;
            // The strategy made the market when the aggressor was the other side.
            ((t.aggressor == Side::Buy) == (sign > 0) ? takerQuantity : makerQuantity) += q;
            const auto it = m_orders.find(order);
            if (it == m_orders.end())
                continue;
            if (it->second.limit)
                filledLimit += q;
            if (it->second.mid > 0) {
                slippageSum += q * sign * (static_cast<double>(t.price) - it->second.mid) / it->second.mid;
                slippageQuantity += q;
            }
        }
    }

    double submittedLimit = 0, filledLimit = 0;
    double slippageSum = 0, slippageQuantity = 0;
    double intervalVolume = 0; // signed lots since the last sample
    std::uint64_t fills = 0;
    std::int64_t dayFills = 0; // since the last day's end
    double dayNotional = 0;    // ticks × lots, since the last day's end
    double filled = 0, makerQuantity = 0, takerQuantity = 0;

private:
    struct Order
    {
        double mid;
        bool limit;
    };
    AgentId m_strategy;
    std::unordered_map<std::uint64_t, Order> m_orders;
};

/// The least-squares slope of y on x; 0 when x does not vary.
double slope(const std::vector<double> &x, const std::vector<double> &y)
{
    const auto n = static_cast<double>(x.size());
    if (x.size() < 2)
        return 0;
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mx += x[i] / n;
        my += y[i] / n;
    }
    double sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    return sxx > 0 ? sxy / sxx : 0;
}

} // namespace

Result<std::int64_t> parsePeriod(std::string_view text)
{
    const auto bad = [&](const char *why) {
        return fail(ErrorCode::InvalidArgument, "period '" + std::string(text) + "': " + why +
                                                    " (write a number and a unit s, m, h or d: 90s, 15m, 1h, 7d)");
    };
    if (text.size() < 2)
        return bad("too short");
    const char unit = text.back();
    std::int64_t perUnit = 0;
    switch (unit) {
    case 's':
        perUnit = 1'000'000'000;
        break;
    case 'm':
        perUnit = 60'000'000'000;
        break;
    case 'h':
        perUnit = 3'600'000'000'000;
        break;
    case 'd':
        perUnit = 86'400'000'000'000;
        break;
    default:
        return bad("unknown unit");
    }
    std::int64_t count = 0;
    const char *first = text.data(), *last = text.data() + text.size() - 1;
    const auto [end, ec] = std::from_chars(first, last, count);
    if (ec != std::errc() || end != last)
        return bad("not a whole number");
    if (count <= 0)
        return bad("not positive");
    if (count > 366 * 86'400'000'000'000 / perUnit)
        return bad("longer than 366 days");
    return count * perUnit;
}

Result<SimulateResult> runSimulate(const SimulateRequest &request)
{
    if (request.durationNs <= 0)
        return fail(ErrorCode::InvalidArgument, "simulate: the period must be positive");
    if (!(request.initialCapital > 0))
        return fail(ErrorCode::InvalidArgument, "simulate: the initial capital must be positive");
    if (request.seriesPoints < 2)
        return fail(ErrorCode::InvalidArgument, "simulate: at least two series points");
    auto scenario = request.definition ? Result<Scenario>(*request.definition) : presetScenario(request.scenario);
    if (!scenario)
        return tl::unexpected(scenario.error());
    auto calibrated = applyCalibration(*scenario, request.calibration, request.market.instrument.initialPrice);
    if (!calibrated)
        return tl::unexpected(calibrated.error());
    auto built = buildMarket(*calibrated, {request.market}, request.seed, request.durationNs);
    if (!built)
        return tl::unexpected(built.error());
    Simulation &sim = **built;

    const InstrumentSpec &spec = sim.instrument(0).spec();
    const double tick = spec.tickSize.toDouble(), lot = spec.lotSize.toDouble();
    const double perTickLot = tick * lot * spec.multiplier.toDouble(); // quote currency
    StrategyAgent *strategy = nullptr;
    AgentId strategyId = kNoAgent;
    if (!request.strategyPath.empty()) {
        auto agent = StrategyAgent::create(sim, request.strategyPath, request.strategyParams,
                                           std::llround(request.initialCapital * 1e8), request.strategyBookIntervalNs,
                                           request.strategyBarIntervalNs);
        if (!agent)
            return tl::unexpected(agent.error());
        strategy = agent->get();
        strategyId = sim.addAgent(std::move(*agent), request.strategyEntry, request.strategyMarketData);
    }
    Recorder recorder(strategyId);
    sim.setObserver(&recorder);

    SimulateResult result;
    SimulateSeries &series = result.series;
    std::vector<double> impactX, impactY, equity;
    double lastMid = request.market.instrument.initialPrice * tick;
    const std::size_t points = request.seriesPoints;
    // The run stops at each series point and at each day's end (for the daily statistics), in time order.
    constexpr std::int64_t kDay = 86'400'000'000'000;
    std::vector<std::pair<std::int64_t, bool>> stops; // time, true for a series point
    for (std::size_t k = 1; k <= points; ++k)
        stops.emplace_back(static_cast<std::int64_t>(static_cast<double>(request.durationNs) * static_cast<double>(k) /
                                                     static_cast<double>(points)),
                           true);
    for (std::int64_t day = kDay; day <= request.durationNs; day += kDay)
        stops.emplace_back(day, false);
    std::stable_sort(stops.begin(), stops.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
    std::vector<metrics::DailyResult> days;
    std::vector<metrics::InventorySample> inventory;
    double lastBalance = request.initialCapital;
    for (const auto &[t, seriesPoint] : stops) {
        sim.run(t);
        const auto bid = sim.book(0).bestBid(), ask = sim.book(0).bestAsk();
        double mid = lastMid, spread = 0;
        if (bid && ask) {
            mid = static_cast<double>(bid->value() + ask->value()) / 2.0 * tick;
            spread = static_cast<double>(ask->value() - bid->value()) * tick;
        } else if (sim.lastTrade(0) > 0) {
            mid = static_cast<double>(sim.lastTrade(0)) * tick;
        }
        double position = 0, cash = 0;
        if (strategyId != kNoAgent) {
            position = static_cast<double>(sim.position(strategyId, 0));
            cash = static_cast<double>(sim.cash(strategyId, 0)) * perTickLot;
        }
        const double value = request.initialCapital + cash + position * lot * mid * spec.multiplier.toDouble();
        if (!seriesPoint) {
            metrics::DailyResult d;
            d.date = t / kDay;
            d.balance = value;
            d.netPnl = value - lastBalance;
            d.turnover = recorder.dayNotional * perTickLot;
            d.trades = recorder.dayFills;
            days.push_back(d);
            lastBalance = value;
            recorder.dayNotional = 0;
            recorder.dayFills = 0;
            continue;
        }
        series.time.push_back(t);
        series.mid.push_back(mid);
        series.spread.push_back(spread);
        series.inventory.push_back(position * lot);
        series.pnl.push_back(value - request.initialCapital);
        inventory.push_back({t, position * lot});
        equity.push_back(value);
        if (lastMid > 0) {
            impactX.push_back(recorder.intervalVolume);
            impactY.push_back((mid - lastMid) / lastMid);
        }
        recorder.intervalVolume = 0;
        lastMid = mid;
    }
    // The full statistics need whole days with a positive balance; a shorter run reports the figures above.
    if (days.size() >= 2) {
        auto statistics = metrics::computeStatistics(days, request.initialCapital);
        if (statistics)
            result.statistics = *statistics;
    }
    if (strategyId != kNoAgent) {
        auto mm = metrics::computeMarketMaking(recorder.submittedLimit, recorder.filledLimit, recorder.makerQuantity,
                                               recorder.takerQuantity, inventory);
        if (mm)
            result.marketMaking = *mm;
    }
    sim.finish();

    result.messages = sim.stats().messages;
    result.marketTrades = sim.stats().trades;
    result.shockTime = sim.config().shock.time;
    if (strategy) {
        result.orderCount = strategy->ordersSent();
        result.rejectedCount = strategy->ordersRejected();
        result.lastRejection = strategy->lastRejection();
        if (strategy->failed())
            result.strategyError = strategy->error();
    }
    result.tradeCount = recorder.fills;
    result.slippage = recorder.slippageQuantity > 0 ? recorder.slippageSum / recorder.slippageQuantity : 0;
    result.fillProbability = recorder.submittedLimit > 0 ? recorder.filledLimit / recorder.submittedLimit : 0;
    result.priceImpact = slope(impactX, impactY);
    result.finalEquity = equity.back();
    result.totalReturn = result.finalEquity / request.initialCapital - 1;
    double peak = request.initialCapital;
    for (const double e : equity) {
        peak = std::max(peak, e);
        result.maxDrawdown = std::max(result.maxDrawdown, peak > 0 ? (peak - e) / peak : 0);
    }
    std::vector<double> returns;
    double previous = request.initialCapital;
    for (const double e : equity) {
        returns.push_back(e / previous - 1);
        previous = e;
    }
    double mean = 0, variance = 0;
    for (const double r : returns)
        mean += r / static_cast<double>(returns.size());
    for (const double r : returns)
        variance += (r - mean) * (r - mean) / static_cast<double>(returns.size() - 1);
    const double intervalS = static_cast<double>(request.durationNs) / 1e9 / static_cast<double>(points);
    result.sharpeRatio = variance > 0 ? mean / std::sqrt(variance) * std::sqrt(kSecondsPerYear / intervalS) : 0;
    return result;
}

} // namespace meridian::sim
