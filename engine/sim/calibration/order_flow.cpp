// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "sim/calibration/order_flow.h"

#include "metrics/statistics.h"
#include "sim/simulation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

namespace meridian::sim::calibration {

namespace {

constexpr std::int64_t kMinute = 60'000'000'000;

/// Time-weighted spread and 1-minute mids of a book that changes at known times.
class FigureMeter
{
public:
    explicit FigureMeter(std::int64_t start) : m_start(start), m_last(start), m_nextMinute(start + kMinute) {}

    /// The book is (bid, ask) from time on; 0 for a side without quotes.
    void book(std::int64_t time, double bid, double ask)
    {
        advance(time);
        m_bid = bid;
        m_ask = ask;
    }
    void trade() { ++m_trades; }
    MarketFigures finish(std::int64_t end)
    {
        advance(end);
        MarketFigures f;
        f.durationSeconds = static_cast<double>(end - m_start) / 1e9;
        f.meanSpreadTicks = m_quotedNs > 0 ? m_spreadTime / m_quotedNs : 0;
        f.trades = m_trades;
        std::vector<double> changes;
        for (std::size_t i = 1; i < m_minuteMids.size(); ++i)
            if (m_minuteMids[i] > 0 && m_minuteMids[i - 1] > 0)
                changes.push_back(std::log(m_minuteMids[i] / m_minuteMids[i - 1]));
        f.minuteVolatility = metrics::sampleStd(changes);
        f.minutes = changes.size();
        return f;
    }

private:
    void advance(std::int64_t time)
    {
        // Minute marks passed: the mid in force at each (the last one quoted on both sides).
        while (time >= m_nextMinute) {
            m_minuteMids.push_back(mid());
            m_nextMinute += kMinute;
        }
        if (time > m_last && m_bid > 0 && m_ask > m_bid) {
            const auto span = static_cast<double>(time - m_last);
            m_spreadTime += span * (m_ask - m_bid);
            m_quotedNs += span;
        }
        if (m_bid > 0 && m_ask > m_bid)
            m_lastMid = (m_bid + m_ask) / 2;
        m_last = std::max(m_last, time);
    }
    double mid() const { return m_bid > 0 && m_ask > m_bid ? (m_bid + m_ask) / 2 : m_lastMid; }

    std::int64_t m_start, m_last, m_nextMinute;
    double m_bid = 0, m_ask = 0, m_lastMid = 0;
    double m_spreadTime = 0, m_quotedNs = 0;
    std::uint64_t m_trades = 0;
    std::vector<double> m_minuteMids;
};

double bestPrice(std::span<const book::LevelView> levels)
{
    return levels.empty() ? 0 : static_cast<double>(levels.front().price.value());
}

} // namespace

Result<OrderFlowEstimate> estimateOrderFlow(std::span<const book::LobsterMessage> messages,
                                            const book::LobsterBook &book, double tickUnits)
{
    if (!(tickUnits > 0))
        return fail(ErrorCode::InvalidArgument, "calibration: the tick must be positive");
    if (messages.empty())
        return fail(ErrorCode::InvalidArgument, "calibration: there are no messages");
    if (book.size() != messages.size())
        return fail(ErrorCode::InvalidArgument, "calibration: the order book has " + std::to_string(book.size()) +
                                                    " rows for " + std::to_string(messages.size()) +
                                                    " messages; LOBSTER pairs them row by row");
    for (std::size_t i = 1; i < messages.size(); ++i)
        if (messages[i].timeNs < messages[i - 1].timeNs)
            return fail(ErrorCode::InvalidArgument, "calibration: message " + std::to_string(i + 1) +
                                                        " is earlier than the one before it (time is not monotonic)");
    const std::int64_t start = messages.front().timeNs, end = messages.back().timeNs;
    const double seconds = static_cast<double>(end - start) / 1e9;
    if (seconds < 600)
        return fail(ErrorCode::InvalidArgument, "calibration: the data covers " +
                                                    std::to_string(static_cast<int>(seconds)) +
                                                    " s; at least 10 minutes are needed for 1-minute volatility");

    OrderFlowEstimate e;
    e.tickUnits = tickUnits;
    FigureMeter meter(start);
    std::map<int, std::uint64_t> byDistance, byOpposite;
    std::vector<double> sizes;
    std::uint64_t limits = 0, cancels = 0, deletions = 0, marketOrders = 0;
    std::vector<std::int64_t> tradeTimes, midTimes;
    std::vector<double> tradePrices, mids;
    const auto levels = static_cast<std::size_t>(std::max(1, book.levels()));
    std::vector<double> depthSum(levels, 0);
    std::size_t depthRows = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const book::LobsterMessage &m = messages[i];
        const book::LobsterBookRow row = book[i];
        if (i > 0) {
            const book::LobsterBookRow before = book[i - 1];
            const double bid = bestPrice(before.bids), ask = bestPrice(before.asks);
            const bool buy = m.direction == 1;
            if (m.type == 1) {
                ++limits;
                sizes.push_back(static_cast<double>(m.size));
                const auto price = static_cast<double>(m.price);
                if (bid > 0 && ask > bid) {
                    const double own = buy ? bid - price : price - ask;
                    const double opposite = buy ? ask - price : price - bid;
                    ++byDistance[static_cast<int>(std::lround(own / tickUnits))];
                    ++byOpposite[static_cast<int>(std::lround(opposite / tickUnits))];
                }
            } else if (m.type == 4 || m.type == 5) {
                // One market order may fill several resting orders: the same time and side.
                const book::LobsterMessage &p = messages[i - 1];
                if (!((p.type == 4 || p.type == 5) && p.timeNs == m.timeNs && p.direction == m.direction))
                    ++marketOrders;
                if (bid > 0 && ask > bid) {
                    tradeTimes.push_back(m.timeNs);
                    tradePrices.push_back(static_cast<double>(m.price) / tickUnits);
                }
            }
        } else if (m.type == 4 || m.type == 5) {
            ++marketOrders;
        }
        if (m.type == 2)
            ++cancels;
        if (m.type == 3) {
            ++cancels;
            ++deletions;
        }
        if (m.type == 4 || m.type == 5)
            meter.trade();
        const double bid = bestPrice(row.bids), ask = bestPrice(row.asks);
        meter.book(m.timeNs, bid / tickUnits, ask / tickUnits);
        if (bid > 0 && ask > bid) {
            quoted = true;
            if (e.firstMid == 0)
                e.firstMid = (bid + ask) / 2 / tickUnits;
            midTimes.push_back(m.timeNs);
            mids.push_back((bid + ask) / 2 / tickUnits);
            for (std::size_t k = 0; k < levels; ++k) {
                const double b = k < row.bids.size() ? static_cast<double>(row.bids[k].quantity.value()) : 0;
                const double a = k < row.asks.size() ? static_cast<double>(row.asks[k].quantity.value()) : 0;
                depthSum[k] += (a + b) / 2;
            }
            ++depthRows;
        }
    }
    if (!quoted)
        return fail(ErrorCode::InvalidArgument, "calibration: the book is never quoted on both sides without crossing");
    e.market = meter.finish(end);
    if (e.market.trades == 0)
        return fail(ErrorCode::InvalidArgument, "calibration: the data has no trades (no execution messages)");
    e.limitRate = static_cast<double>(limits) / seconds;
    e.marketRate = static_cast<double>(marketOrders) / seconds;
    e.cancelRate = static_cast<double>(cancels) / seconds;
    e.cancelRatio = limits > 0 ? static_cast<double>(deletions) / static_cast<double>(limits) : 0;
    for (const auto &[d, n] : byDistance)
        e.limitRateByDistance.emplace_back(d, static_cast<double>(n) / seconds);
    for (const auto &[d, n] : byOpposite)
        e.limitRateByOppositeDistance.emplace_back(d, static_cast<double>(n) / seconds);
    if (!sizes.empty()) {
        e.meanSize = metrics::mean(sizes);
        e.sizeStd = metrics::sampleStd(sizes);
        std::sort(sizes.begin(), sizes.end());
        e.medianSize = metrics::quantile(sizes, 0.5);
        for (const double q : {0.1, 0.25, 0.5, 0.75, 0.9})
            e.sizeQuantiles.push_back(metrics::quantile(sizes, q));
    }
    for (const double s : depthSum)
        e.depth.push_back(depthRows > 0 ? s / static_cast<double>(depthRows) : 0);
    // lambda(delta): how often a trade reached delta ticks from the mid, for delta beyond the half-spread.
    for (double delta = 1; delta <= 100; delta += 1)
        e.intensityDeltas.push_back(delta);
    e.intensityRates = empiricalIntensity(tradeTimes, tradePrices, midTimes, mids, e.intensityDeltas, seconds);
    std::vector<double> deltas, rates;
    for (std::size_t i = 0; i < e.intensityDeltas.size(); ++i)
        if (e.intensityDeltas[i] >= e.market.meanSpreadTicks / 2 && e.intensityRates[i] > 0) {
            deltas.push_back(e.intensityDeltas[i]);
            rates.push_back(e.intensityRates[i]);
        }
    if (auto fit = fitIntensity(deltas, rates)) {
        e.intensity = *fit;
        e.intensityFitted = true;
    }
    return e;
}

MarketSetup lobsterMarket(const std::string &symbol, double midTicks)
{
    MarketSetup m;
    m.instrument.spec.id = 1;
    m.instrument.spec.symbol = symbol;
    m.instrument.spec.venue = "SIM";
    m.instrument.spec.tickSize = Decimal(1, 2);
    m.instrument.spec.lotSize = Decimal(1, 0);
    m.instrument.initialPrice = std::round(midTicks);
    return m;
}

Result<MarketFigures> measureScenario(const Scenario &scenario, const MarketSetup &market, std::int64_t durationNs,
                                      std::uint64_t seed)
{
    auto built = buildMarket(scenario, {market}, seed, durationNs);
    if (!built)
        return tl::unexpected(built.error());
    Simulation &sim = **built;
    FigureMeter meter(0);
    std::uint64_t trades = 0;
    const auto price = [](std::optional<Price> p) { return p ? static_cast<double>(p->value()) : 0.0; };
    double bid = 0, ask = 0;
    while (sim.step()) {
        const double b = price(sim.book(0).bestBid()), a = price(sim.book(0).bestAsk());
        for (; trades < sim.stats().trades; ++trades)
            meter.trade();
        if (b != bid || a != ask) {
            meter.book(sim.now(), b, a);
            bid = b;
            ask = a;
        }
    }
    sim.finish();
    return meter.finish(durationNs);
}

namespace {

/// The knobs the fit turns, in logs: the market-order rate, the cancellation rate per resting order, and the
/// stretch of the placement profile.
using Point = std::array<double, 3>;
using Matrix = std::array<Point, 3>;

/// How far behind the opposite quote 95% of the data's new orders went (ticks).
std::int64_t placementRange(const OrderFlowEstimate &e)
{
    double total = 0, reached = 0;
    for (const auto &[d, rate] : e.limitRateByOppositeDistance)
        total += d >= 1 ? rate : 0;
    std::int64_t range = 1;
    for (const auto &[d, rate] : e.limitRateByOppositeDistance) {
        if (d < 1)
            continue;
        reached += rate;
        range = d;
        if (reached >= 0.95 * total)
            break;
    }
    return range;
}

} // namespace

Scenario calibratedScenario(const OrderFlowEstimate &e, const std::string &name, const std::array<double, 3> &x,
                            std::size_t agents)
{
    const double stretch = std::exp(x[2]);
    const auto priceRange = std::max<std::int64_t>(1, std::llround(static_cast<double>(placementRange(e)) * stretch));
    Scenario s;
    s.name = name;
    s.description = "Zero-intelligence order flow and value traders calibrated on order-level data";
    // The value the traders anchor to: a random walk with the data's 1-minute volatility.
    s.fundamental.kappa = 0;
    s.fundamental.sigma = e.market.minuteVolatility / std::sqrt(60.0);
    Population &p = s.population;
    p.instrumentTicks = true;
    p.zeroIntelligence = agents;
    auto &zi = p.zeroIntelligenceParameters;
    const auto n = static_cast<double>(agents);
    zi.marketRate = std::exp(x[0]) / n;
    zi.limitRate = e.limitRate / n; // the data's own: the new orders it shows are the ones placed near the quotes
    zi.cancelRate = std::exp(x[1]); // per resting order: not shared
    zi.priceRange = priceRange;
    // Where the data's new orders went, as offsets 1, 2, … ticks behind the opposite quote, stretched.
    for (const auto &[d, rate] : e.limitRateByOppositeDistance) {
        const auto at = std::max<std::int64_t>(1, std::llround(static_cast<double>(d) * stretch));
        if (d >= 1 && at <= priceRange) {
            if (zi.offsetWeights.size() < static_cast<std::size_t>(at))
                zi.offsetWeights.resize(static_cast<std::size_t>(at), 0);
            zi.offsetWeights[static_cast<std::size_t>(at - 1)] += rate;
        }
    }
    zi.size = std::max<std::int64_t>(1, std::llround(e.medianSize));
    zi.sizeJitter = std::clamp<std::int64_t>(std::llround(e.sizeStd), 0, zi.size - 1);
    // Value traders pull the price back to the value; how often they look sets how much of the order flow's
    // noise survives to the minute.
    p.value = agents;
    auto &v = p.valueParameters;
    v.wakeRate = e.marketRate / 3 / n; // an anchor: a third of the market orders' rate
    v.observationNoise = e.market.meanSpreadTicks / 2 / std::max(1.0, e.firstMid); // half a spread
    v.size = zi.size;
    v.maxPosition = 50 * zi.size;
    return s;
}

namespace {

Result<Point> evaluate(const OrderFlowEstimate &e, const MarketSetup &market, const Scenario &s, std::int64_t duration,
                       const FitOptions &o, MarketFigures &figures)
{
    MarketFigures sum;
    for (std::size_t k = 0; k < o.seeds; ++k) {
        auto f = measureScenario(s, market, duration, o.seed + k);
        if (!f)
            return tl::unexpected(f.error());
        sum.meanSpreadTicks += f->meanSpreadTicks / static_cast<double>(o.seeds);
        sum.trades += f->trades;
        sum.minuteVolatility += f->minuteVolatility / static_cast<double>(o.seeds);
        sum.minutes = f->minutes;
        sum.durationSeconds = f->durationSeconds;
    }
    sum.trades /= o.seeds;
    figures = sum;
    // Residuals in logs; a market that never trades or never moves is far off, not undefined.
    const auto logOf = [](double v) { return std::log(std::max(v, 1e-12)); };
    return Point{logOf(sum.meanSpreadTicks) - logOf(e.market.meanSpreadTicks),
                 logOf(static_cast<double>(sum.trades)) - logOf(static_cast<double>(e.market.trades)),
                 logOf(sum.minuteVolatility) - logOf(e.market.minuteVolatility)};
}

/// Solves J·d = −r by Gaussian elimination with partial pivoting; false when J is singular.
bool solve(Matrix j, Point r, Point &d)
{
    for (std::size_t c = 0; c < 3; ++c) {
        std::size_t pivot = c;
        for (std::size_t i = c + 1; i < 3; ++i)
            if (std::fabs(j[i][c]) > std::fabs(j[pivot][c]))
                pivot = i;
        if (std::fabs(j[pivot][c]) < 1e-9)
            return false;
        std::swap(j[c], j[pivot]);
        std::swap(r[c], r[pivot]);
        for (std::size_t i = c + 1; i < 3; ++i) {
            const double f = j[i][c] / j[c][c];
            for (std::size_t k = c; k < 3; ++k)
                j[i][k] -= f * j[c][k];
            r[i] -= f * r[c];
        }
    }
    for (std::size_t c = 3; c-- > 0;) {
        double v = -r[c];
        for (std::size_t k = c + 1; k < 3; ++k)
            v -= j[c][k] * d[k];
        d[c] = v / j[c][c];
    }
    return true;
}

} // namespace

Result<ZeroIntelligenceFit> fitZeroIntelligence(const OrderFlowEstimate &e, const MarketSetup &market,
                                                const std::string &name, const FitOptions &o)
{
    if (!(e.market.durationSeconds > 0) || e.market.trades == 0 || !(e.market.meanSpreadTicks > 0) ||
        !(e.market.minuteVolatility > 0))
        return fail(ErrorCode::InvalidArgument,
                    "calibration: the data's spread, trades and 1-minute volatility must all be positive to fit them");
    if (o.agents == 0 || o.seeds == 0)
        return fail(ErrorCode::InvalidArgument, "calibration: at least one agent and one run per evaluation");
    const auto duration = static_cast<std::int64_t>(e.market.durationSeconds * 1e9);
    // The start: the data's own rates (its cancels spread over the orders resting at the quotes).
    const double resting = std::max(1.0, e.depth.empty() ? 1.0 : 2 * e.depth.front() / std::max(1.0, e.medianSize));
    Point x{std::log(std::max(e.marketRate, 1e-4)), std::log(std::max(e.cancelRate / resting, 1e-6)), 0};
    ZeroIntelligenceFit fit;
    fit.target = e.market;
    const auto within = [&](const Point &r) {
        return std::fabs(std::expm1(r[0])) <= o.spreadTolerance && std::fabs(std::expm1(r[1])) <= o.tradesTolerance &&
               std::fabs(std::expm1(r[2])) <= o.volatilityTolerance;
    };
    const auto norm = [](const Point &r) { return std::sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]); };
    MarketFigures figures;
    auto r = evaluate(e, market, calibratedScenario(e, name, x, o.agents), duration, o, figures);
    if (!r)
        return tl::unexpected(r.error());
    fit.simulations += o.seeds;
    Point bestX = x, bestR = *r;
    MarketFigures bestFigures = figures;
    fit.initial = figures;
    // The Jacobian by forward differences of 0.2 in log (about 22%).
    Matrix j{};
    for (std::size_t c = 0; c < 3; ++c) {
        Point xc = x;
        xc[c] += 0.2;
        MarketFigures ignored;
        auto rc = evaluate(e, market, calibratedScenario(e, name, xc, o.agents), duration, o, ignored);
        if (!rc)
            return tl::unexpected(rc.error());
        fit.simulations += o.seeds;
        for (std::size_t i = 0; i < 3; ++i)
            j[i][c] = ((*rc)[i] - (*r)[i]) / 0.2;
    }
    Point current = *r;
    for (; fit.iterations < o.maxIterations && !within(bestR); ++fit.iterations) {
        Point d{};
        if (!solve(j, current, d))
            break;
        // Steps of at most 0.7 in log (a factor of two), so that a poor Jacobian cannot throw it far.
        const double length = norm(d);
        if (length > 0.7)
            for (double &v : d)
                v *= 0.7 / length;
        Point next = x;
        for (std::size_t c = 0; c < 3; ++c)
            next[c] += d[c];
        auto rn = evaluate(e, market, calibratedScenario(e, name, next, o.agents), duration, o, figures);
        if (!rn)
            return tl::unexpected(rn.error());
        fit.simulations += o.seeds;
        // Broyden's update: J += (Δr − J·Δx) Δxᵀ / |Δx|².
        Point jd{};
        for (std::size_t i = 0; i < 3; ++i)
            for (std::size_t c = 0; c < 3; ++c)
                jd[i] += j[i][c] * d[c];
        const double dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
        if (dd > 0)
            for (std::size_t i = 0; i < 3; ++i)
                for (std::size_t c = 0; c < 3; ++c)
                    j[i][c] += ((*rn)[i] - current[i] - jd[i]) * d[c] / dd;
        x = next;
        current = *rn;
        if (norm(current) < norm(bestR)) {
            bestX = x;
            bestR = current;
            bestFigures = figures;
        }
    }
    fit.converged = within(bestR);
    fit.scenario = calibratedScenario(e, name, bestX, o.agents);
    fit.simulated = bestFigures;
    return fit;
}

} // namespace meridian::sim::calibration
