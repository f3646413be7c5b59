// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "sim/agents.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <utility>

namespace meridian::sim {

namespace {

constexpr double kNsPerSecond = 1e9;

/// The time of the next event of a Poisson process with this rate (per second), or never.
std::int64_t nextArrival(const AgentContext &ctx, double rate)
{
    if (!(rate > 0))
        return std::numeric_limits<std::int64_t>::max();
    const double wait = ctx.rng().exponential(rate) * kNsPerSecond;
    return ctx.now() + std::max<std::int64_t>(1, static_cast<std::int64_t>(std::min(wait, 1e18)));
}

bool finished(const OrderNotice &n)
{
    switch (n.kind) {
    case OrderNotice::Kind::Rejected:
    case OrderNotice::Kind::Cancelled:
    case OrderNotice::Kind::Expired:
        return true;
    case OrderNotice::Kind::Filled:
        return n.remaining == 0;
    default:
        return false;
    }
}

/// Rounds price to a multiple of grid, away from the market: a buy down, a sell up (grid ≤ 1: unchanged).
std::int64_t onGrid(std::int64_t price, Side side, std::int64_t grid)
{
    if (grid <= 1)
        return price;
    const std::int64_t down = price >= 0 ? price / grid * grid : -((-price + grid - 1) / grid * grid);
    return side == Side::Buy || down == price ? down : down + grid;
}

Side randomSide(const AgentContext &ctx)
{
    return ctx.rng().bernoulli(0.5) ? Side::Buy : Side::Sell;
}

void wakeUnlessNever(const AgentContext &ctx, std::int64_t at)
{
    if (at != std::numeric_limits<std::int64_t>::max())
        ctx.wakeAt(at);
}

} // namespace

// ---- LiveOrders ----------------------------------------------------------------------------------------

void LiveOrders::add(std::uint64_t id)
{
    m_index.insert(id, static_cast<std::uint32_t>(m_ids.size()));
    m_ids.push_back(id);
}

bool LiveOrders::update(const OrderNotice &notice)
{
    if (!finished(notice))
        return false;
    remove(notice.orderId);
    return true;
}

void LiveOrders::remove(std::uint64_t id)
{
    const std::uint32_t *found = m_index.find(id);
    if (!found)
        return;
    const std::uint32_t at = *found;
    m_index.erase(id);
    if (at + 1 != m_ids.size()) {
        m_ids[at] = m_ids.back();
        *m_index.find(m_ids[at]) = at;
    }
    m_ids.pop_back();
}

void LiveOrders::clear()
{
    for (const std::uint64_t id : m_ids)
        m_index.erase(id);
    m_ids.clear();
}

// ---- ZeroIntelligenceAgent -----------------------------------------------------------------------------

void ZeroIntelligenceAgent::scheduleNext(const AgentContext &ctx)
{
    const double liquidity = ctx.liquidity();
    const double rate =
        liquidity * (m_p.limitRate + m_p.marketRate) + m_p.cancelRate * static_cast<double>(m_live.size());
    wakeUnlessNever(ctx, nextArrival(ctx, rate));
}

ZeroIntelligenceAgent::ZeroIntelligenceAgent(Parameters p) : m_p(std::move(p))
{
    double total = 0;
    for (const double w : m_p.offsetWeights)
        total += std::max(0.0, w);
    if (total > 0)
        for (const double w : m_p.offsetWeights)
            m_cumulative.push_back((m_cumulative.empty() ? 0 : m_cumulative.back()) + std::max(0.0, w) / total);
}

std::int64_t ZeroIntelligenceAgent::drawOffset(const AgentContext &ctx) const
{
    if (m_cumulative.empty())
        return ctx.rng().uniformInt(1, m_p.priceRange);
    const double u = ctx.rng().uniform();
    const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), u);
    return 1 + std::min<std::int64_t>(static_cast<std::int64_t>(std::distance(m_cumulative.begin(), it)),
                                      static_cast<std::int64_t>(m_cumulative.size()) - 1);
}

std::int64_t ZeroIntelligenceAgent::drawSize(const AgentContext &ctx) const
{
    if (m_p.sizeJitter <= 0)
        return m_p.size;
    return std::max<std::int64_t>(1, ctx.rng().uniformInt(m_p.size - m_p.sizeJitter, m_p.size + m_p.sizeJitter));
}

void ZeroIntelligenceAgent::wakeup(const AgentContext &ctx, std::uint64_t)
{
    const double liquidity = ctx.liquidity();
    const double limit = liquidity * m_p.limitRate;
    const double market = liquidity * m_p.marketRate;
    const double cancel = m_p.cancelRate * static_cast<double>(m_live.size());
    const double u = ctx.rng().uniform() * (limit + market + cancel);
    const std::uint16_t instrument = m_p.instrument;
    if (u < limit) {
        const Side side = randomSide(ctx);
        const std::int64_t offset = drawOffset(ctx);
        std::int64_t opposite = side == Side::Buy ? ctx.bestAsk(instrument) : ctx.bestBid(instrument);
        if (opposite == 0) {
            // No opposite quote: price against the reference, as if it sat one tick beyond it.
            const double ref = ctx.reference(instrument);
            opposite = side == Side::Buy ? static_cast<std::int64_t>(std::ceil(ref)) + 1
                                         : static_cast<std::int64_t>(std::floor(ref)) - 1;
        }
        const std::int64_t price = onGrid(side == Side::Buy ? opposite - offset : opposite + offset, side, m_p.grid);
        if (price > 0)
            m_live.add(ctx.sendLimit(instrument, side, price, drawSize(ctx)));
    } else if (u < limit + market) {
        ctx.sendMarket(instrument, randomSide(ctx), drawSize(ctx));
    } else if (!m_live.empty()) {
        const auto pick =
            static_cast<std::size_t>(ctx.rng().uniformInt(0, static_cast<std::int64_t>(m_live.size()) - 1));
        const std::uint64_t id = m_live.at(pick);
        m_live.remove(id); // its Cancelled notice (or a fill that raced it) will find it gone
        ctx.cancel(instrument, id);
    }
    scheduleNext(ctx);
}

// ---- ValueAgent ----------------------------------------------------------------------------------------

void ValueAgent::scheduleNext(const AgentContext &ctx)
{
    wakeUnlessNever(ctx, nextArrival(ctx, m_p.wakeRate));
}

void ValueAgent::wakeup(const AgentContext &ctx, std::uint64_t)
{
    const std::uint16_t instrument = m_p.instrument;
    for (const std::uint64_t id : m_live.ids())
        ctx.cancel(instrument, id);
    m_live.clear();

    const double value = ctx.fundamental(instrument);
    const double estimate = value * (1 + ctx.rng().normal(0, m_p.observationNoise));
    const std::int64_t bid = ctx.bestBid(instrument), ask = ctx.bestAsk(instrument);
    const std::int64_t position = ctx.position(instrument);
    const bool take = ctx.rng().uniform() < m_p.aggressiveness;
    const auto at = static_cast<std::int64_t>(std::llround(estimate));
    std::int64_t size = m_p.size;
    if (bid > 0 && ask > 0 && m_p.urgency > 0) {
        const double mispricing = std::fabs(estimate / (static_cast<double>(bid + ask) / 2.0) - 1);
        size = std::llround(static_cast<double>(m_p.size) * std::min(20.0, 1 + mispricing / m_p.urgency));
    }
    if (ask > 0 && estimate > static_cast<double>(ask) && position < m_p.maxPosition) {
        // Taking: buy everything offered up to the estimate, and bid the rest there.
        const std::int64_t price = take ? at : (bid > 0 ? bid : ask - 1);
        if (price > 0)
            m_live.add(ctx.sendLimit(instrument, Side::Buy, price, std::min(size, m_p.maxPosition - position)));
    } else if (bid > 0 && estimate < static_cast<double>(bid) && position > -m_p.maxPosition) {
        const std::int64_t price = take ? std::max<std::int64_t>(at, 1) : (ask > 0 ? ask : bid + 1);
        m_live.add(ctx.sendLimit(instrument, Side::Sell, price, std::min(size, m_p.maxPosition + position)));
    } else if (bid == 0 || ask == 0) {
        // A one-sided or empty book: post at the estimate on the empty side, to give the market a price.
        if (ask == 0 && at > bid && position - m_p.size >= -m_p.maxPosition)
            m_live.add(ctx.sendLimit(instrument, Side::Sell, std::max<std::int64_t>(at, bid + 1), m_p.size));
        else if (bid == 0 && at > 0 && position + m_p.size <= m_p.maxPosition)
            m_live.add(ctx.sendLimit(instrument, Side::Buy, ask > 0 ? std::min(at, ask - 1) : at, m_p.size));
    }
    scheduleNext(ctx);
}

// ---- MomentumAgent -------------------------------------------------------------------------------------

MomentumAgent::MomentumAgent(Parameters p) : m_p(p), m_samples(std::max<std::size_t>(p.longWindow, 1)) {}

void MomentumAgent::start(const AgentContext &ctx)
{
    ctx.wakeAt(ctx.rng().uniformInt(0, m_p.intervalNs));
}

void MomentumAgent::wakeup(const AgentContext &ctx, std::uint64_t)
{
    const std::uint16_t instrument = m_p.instrument;
    const std::int64_t bid = ctx.bestBid(instrument), ask = ctx.bestAsk(instrument);
    if (bid > 0 && ask > 0) {
        m_samples[m_count % m_samples.size()] = static_cast<double>(bid + ask) / 2.0;
        ++m_count;
    }
    if (m_count >= m_samples.size() && m_p.shortWindow < m_samples.size()) {
        double shortMean = 0, longMean = 0;
        for (std::size_t i = 0; i < m_samples.size(); ++i) {
            const double x = m_samples[(m_count - 1 - i) % m_samples.size()];
            longMean += x;
            if (i < m_p.shortWindow)
                shortMean += x;
        }
        shortMean /= static_cast<double>(m_p.shortWindow);
        longMean /= static_cast<double>(m_samples.size());
        const std::int64_t position = ctx.position(instrument);
        if (shortMean > longMean * (1 + m_p.threshold) && position + m_p.size <= m_p.maxPosition)
            ctx.sendMarket(instrument, Side::Buy, m_p.size);
        else if (shortMean < longMean * (1 - m_p.threshold) && position - m_p.size >= -m_p.maxPosition)
            ctx.sendMarket(instrument, Side::Sell, m_p.size);
    }
    const double liquidity = std::max(ctx.liquidity(), 0.01);
    const auto interval = static_cast<std::int64_t>(static_cast<double>(m_p.intervalNs) / liquidity);
    ctx.wakeAt(ctx.now() + interval + ctx.rng().uniformInt(-interval / 2, interval / 2) + 1);
}

// ---- NoiseAgent ----------------------------------------------------------------------------------------

void NoiseAgent::scheduleNext(const AgentContext &ctx)
{
    wakeUnlessNever(ctx, nextArrival(ctx, ctx.liquidity() * m_p.wakeRate));
}

void NoiseAgent::wakeup(const AgentContext &ctx, std::uint64_t tag)
{
    const std::uint16_t instrument = m_p.instrument;
    if (tag != 0) { // a limit order's lifetime is over
        if (m_live.contains(tag)) {
            m_live.remove(tag);
            ctx.cancel(instrument, tag);
        }
        return;
    }
    const Side side = randomSide(ctx);
    const std::int64_t size = ctx.rng().uniformInt(1, std::max<std::int64_t>(1, m_p.maxSize));
    if (ctx.rng().uniform() < m_p.marketProbability) {
        ctx.sendMarket(instrument, side, size);
    } else {
        const std::int64_t own = side == Side::Buy ? ctx.bestBid(instrument) : ctx.bestAsk(instrument);
        const double ref = ctx.reference(instrument);
        const std::int64_t base = own > 0 ? own : static_cast<std::int64_t>(std::llround(ref));
        const std::int64_t offset = ctx.rng().uniformInt(0, m_p.priceRange);
        const std::int64_t price = onGrid(side == Side::Buy ? base - offset : base + offset, side, m_p.grid);
        if (price > 0) {
            const std::uint64_t id = ctx.sendLimit(instrument, side, price, size);
            m_live.add(id);
            ctx.wakeAt(ctx.now() + m_p.lifetimeNs, id);
        }
    }
    scheduleNext(ctx);
}

// ---- MarketMakerAgent ----------------------------------------------------------------------------------

void MarketMakerAgent::start(const AgentContext &ctx)
{
    ctx.wakeAt(ctx.rng().uniformInt(0, m_p.intervalNs));
}

void MarketMakerAgent::cancelAll(const AgentContext &ctx)
{
    for (const std::uint64_t id : m_live.ids())
        ctx.cancel(m_p.instrument, id);
    m_live.clear();
    m_quotes.clear();
}

void MarketMakerAgent::wakeup(const AgentContext &ctx, std::uint64_t)
{
    const std::uint16_t instrument = m_p.instrument;
    ctx.wakeAt(ctx.now() + m_p.intervalNs);
    if (ctx.volatility(instrument) > m_p.withdrawVolatility) {
        cancelAll(ctx);
        m_withdrawnUntil = ctx.now() + m_p.cooldownNs;
        return;
    }
    if (ctx.now() < m_withdrawnUntil)
        return;
    m_withdrawnUntil = 0;
    const auto size = static_cast<std::int64_t>(std::llround(static_cast<double>(m_p.size) * ctx.liquidity()));
    if (size <= 0) {
        cancelAll(ctx);
        return;
    }
    const double centre =
        ctx.reference(instrument) - m_p.skew * static_cast<double>(ctx.position(instrument)); // lean off inventory
    const auto bid0 = onGrid(static_cast<std::int64_t>(std::floor(centre)) - m_p.halfSpread, Side::Buy, m_p.grid);
    const auto ask0 = onGrid(static_cast<std::int64_t>(std::ceil(centre)) + m_p.halfSpread, Side::Sell, m_p.grid);
    m_wanted.clear();
    for (std::size_t k = 0; k < m_p.levels; ++k) {
        const std::int64_t step = static_cast<std::int64_t>(k) * m_p.spacing;
        if (bid0 - step > 0)
            m_wanted.push_back({0, Side::Buy, bid0 - step});
        m_wanted.push_back({0, Side::Sell, ask0 + step});
    }
    if (!m_p.keepQuotes)
        cancelAll(ctx);
    // Keep the quotes still resting at a wanted price; cancel the rest.
    std::size_t kept = 0;
    for (const Quote &q : m_quotes) {
        if (!m_live.contains(q.id))
            continue;
        const auto want = std::find_if(m_wanted.begin(), m_wanted.end(), [&](const Quote &w) {
            return w.id == 0 && w.side == q.side && std::abs(w.price - q.price) <= m_p.tolerance;
        });
        if (want != m_wanted.end()) {
            want->id = q.id;
            m_quotes[kept++] = q;
        } else {
            m_live.remove(q.id);
            ctx.cancel(instrument, q.id);
        }
    }
    m_quotes.resize(kept);
    for (const Quote &w : m_wanted) {
        if (w.id != 0)
            continue;
        const std::uint64_t id = ctx.sendLimit(instrument, w.side, w.price, size, matching::TimeInForce::PostOnly);
        m_live.add(id);
        m_quotes.push_back({id, w.side, w.price});
    }
}

} // namespace meridian::sim
