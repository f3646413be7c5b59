// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "book/id_map.h"
#include "sim/simulation.h"

#include <cstdint>
#include <vector>

// The background population of the simulated market. Each agent is one documented model; rates are per
// second of simulated time, prices and distances in ticks, sizes in lots. The liquidity providers' rates are
// scaled by the market's liquidity() (1 normally, lower after a scenario's shock). They forget an order when
// they cancel it, so they ask only for fills and rejections.
namespace meridian::sim {

/// The orders an agent has at the exchange (sent and not yet known to be finished).
class LiveOrders
{
public:
    void add(std::uint64_t id);
    /// Forgets the order when the notice finishes it; returns true if it did.
    bool update(const OrderNotice &notice);
    void remove(std::uint64_t id);
    std::size_t size() const { return m_ids.size(); }
    bool empty() const { return m_ids.empty(); }
    bool contains(std::uint64_t id) const { return m_index.contains(id); }
    std::uint64_t at(std::size_t i) const { return m_ids[i]; }
    const std::vector<std::uint64_t> &ids() const { return m_ids; }
    void clear();

private:
    std::vector<std::uint64_t> m_ids;
    book::IdMap<std::uint32_t> m_index; // id -> position in m_ids
};

/// The zero-intelligence order flow of the Santa Fe model (Daniels, Farmer, Gillemot, Iori & Smith 2003;
/// Farmer, Patelli & Zovko 2005; their alpha, mu and delta are limitRate, marketRate and cancelRate here):
/// limit orders arrive at rate limitRate, each a buy or a sell with equal
/// probability, priced uniformly at 1 … priceRange ticks behind the opposite best quote (a buy at
/// best ask − U{1, priceRange}, so some land inside the spread); market orders arrive at rate marketRate;
/// each of the agent's resting orders is cancelled at rate cancelRate. Sizes are uniform in
/// [size − sizeJitter, size + sizeJitter]. When the opposite side is empty, prices are set against the
/// market's reference price. Prices are rounded away from the market to a multiple of grid ticks: on an
/// instrument with a fine tick, people quote on a coarser grid (and the book keeps fewer levels).
class ZeroIntelligenceAgent final : public Agent
{
public:
    struct Parameters
    {
        std::uint16_t instrument = 0;
        double limitRate = 1.0;
        double marketRate = 0.1;
        double cancelRate = 0.01;
        std::int64_t priceRange = 20;
        std::int64_t size = 1;
        std::int64_t sizeJitter = 0;
        std::int64_t grid = 1; // prices are multiples of this many ticks
        /// When not empty, the offsets' distribution instead of the uniform one: offset k + 1 ticks behind the
        /// opposite quote has weight offsetWeights[k] (an empirical placement profile, from calibration);
        /// priceRange is then unused.
        std::vector<double> offsetWeights{};
    };
    explicit ZeroIntelligenceAgent(Parameters p);
    unsigned notices() const override
    {
        return noticeBit(OrderNotice::Kind::Filled) | noticeBit(OrderNotice::Kind::Rejected);
    }
    const char *kind() const override { return "zero_intelligence"; }
    void start(const AgentContext &ctx) override { scheduleNext(ctx); }
    void wakeup(const AgentContext &ctx, std::uint64_t tag) override;
    void notice(const AgentContext &, const OrderNotice &n) override { m_live.update(n); }

private:
    void scheduleNext(const AgentContext &ctx);
    std::int64_t drawSize(const AgentContext &ctx) const;
    std::int64_t drawOffset(const AgentContext &ctx) const;
    Parameters m_p;
    std::vector<double> m_cumulative; // of offsetWeights, normalised to end at 1
    LiveOrders m_live;
};

/// A value (fundamental) trader, after the value agents of ABIDES (Byrd, Hybinette & Balch 2020): it wakes
/// at rate wakeRate, observes the fundamental with Gaussian noise of observationNoise (a fraction of the
/// value), cancels what it has resting, and trades toward its estimate when the estimate is beyond the
/// touch: a buy if it exceeds the best ask, a sell if below the best bid. With probability aggressiveness
/// it takes — a limit at its estimate, which trades through every better price and rests the rest there —
/// otherwise it joins its own side's best. Its size grows with the mispricing: size × (1 + |estimate / mid − 1|
/// / urgency), at most 20 × size; its position stays within ±maxPosition. It reacts to news, so unlike the
/// liquidity providers its rate is not scaled by the market's liquidity.
/// The informed trader is this model with a small observationNoise and aggressiveness 1.
class ValueAgent final : public Agent
{
public:
    struct Parameters
    {
        std::uint16_t instrument = 0;
        double wakeRate = 0.01;
        double observationNoise = 0.001;
        double aggressiveness = 0.5;
        std::int64_t size = 1;
        std::int64_t maxPosition = 100;
        double urgency = 0.01;
    };
    explicit ValueAgent(Parameters p, const char *kind = "value") : m_p(p), m_kind(kind) {}
    unsigned notices() const override
    {
        return noticeBit(OrderNotice::Kind::Filled) | noticeBit(OrderNotice::Kind::Rejected);
    }
    const char *kind() const override { return m_kind; }
    void start(const AgentContext &ctx) override { scheduleNext(ctx); }
    void wakeup(const AgentContext &ctx, std::uint64_t tag) override;
    void notice(const AgentContext &, const OrderNotice &n) override { m_live.update(n); }

private:
    void scheduleNext(const AgentContext &ctx);
    Parameters m_p;
    const char *m_kind;
    LiveOrders m_live;
};

/// A trend follower: every interval (± up to half an interval of jitter) it samples the mid; when the mean
/// of the last shortWindow samples exceeds the mean of the last longWindow by more than threshold (a
/// fraction), it buys size lots at market, and sells when it is below by as much, within ±maxPosition.
class MomentumAgent final : public Agent
{
public:
    struct Parameters
    {
        std::uint16_t instrument = 0;
        std::int64_t intervalNs = 60'000'000'000;
        std::size_t shortWindow = 5;
        std::size_t longWindow = 20;
        double threshold = 0.0005;
        std::int64_t size = 1;
        std::int64_t maxPosition = 20;
    };
    explicit MomentumAgent(Parameters p);
    const char *kind() const override { return "momentum"; }
    void start(const AgentContext &ctx) override;
    void wakeup(const AgentContext &ctx, std::uint64_t tag) override;

private:
    Parameters m_p;
    std::vector<double> m_samples; // ring of the last longWindow mids
    std::size_t m_count = 0;
};

/// Noise: at rate wakeRate it buys or sells (equal odds) a size uniform in 1 … maxSize: at market with
/// probability marketProbability, otherwise a limit order on its own side 0 … priceRange ticks behind its
/// side's best, which it cancels after lifetimeNs.
class NoiseAgent final : public Agent
{
public:
    struct Parameters
    {
        std::uint16_t instrument = 0;
        double wakeRate = 0.001;
        double marketProbability = 0.3;
        std::int64_t priceRange = 5;
        std::int64_t maxSize = 5;
        std::int64_t lifetimeNs = 300'000'000'000;
        std::int64_t grid = 1; // limit prices are multiples of this many ticks
    };
    explicit NoiseAgent(Parameters p) : m_p(p) {}
    unsigned notices() const override
    {
        return noticeBit(OrderNotice::Kind::Filled) | noticeBit(OrderNotice::Kind::Rejected);
    }
    const char *kind() const override { return "noise"; }
    void start(const AgentContext &ctx) override { scheduleNext(ctx); }
    void wakeup(const AgentContext &ctx, std::uint64_t tag) override;
    void notice(const AgentContext &, const OrderNotice &n) override { m_live.update(n); }

private:
    void scheduleNext(const AgentContext &ctx);
    Parameters m_p;
    LiveOrders m_live;
};

/// A background market maker: every intervalNs it quotes levels quotes a side, the first halfSpread ticks
/// from the mid and then every spacing ticks, size lots each (scaled by the market's liquidity), shifted
/// against its inventory by skew ticks per lot held. A quote within tolerance ticks of a wanted price stays
/// (keeping its place in the queue); the others are cancelled and the missing ones placed. When the mid's
/// volatility exceeds withdrawVolatility (ticks per √second) it pulls its quotes and stays out for
/// cooldownNs: the makers that vanish in a crash.
class MarketMakerAgent final : public Agent
{
public:
    struct Parameters
    {
        std::uint16_t instrument = 0;
        std::int64_t intervalNs = 1'000'000'000;
        std::int64_t halfSpread = 2;
        std::int64_t spacing = 1;
        std::size_t levels = 3;
        std::int64_t size = 5;
        double skew = 0.1;
        double withdrawVolatility = 1e9;
        std::int64_t cooldownNs = 60'000'000'000;
        std::int64_t tolerance = 0;
        std::int64_t grid = 1;  // quote prices are multiples of this many ticks
        bool keepQuotes = true; // false: cancel and replace the whole ladder every interval (as ABIDES's do)
    };
    explicit MarketMakerAgent(Parameters p) : m_p(p) {}
    unsigned notices() const override
    {
        return noticeBit(OrderNotice::Kind::Filled) | noticeBit(OrderNotice::Kind::Rejected);
    }
    const char *kind() const override { return "market_maker"; }
    void start(const AgentContext &ctx) override;
    void wakeup(const AgentContext &ctx, std::uint64_t tag) override;
    void notice(const AgentContext &, const OrderNotice &n) override { m_live.update(n); }
    bool withdrawn() const { return m_withdrawnUntil > 0; }

private:
    struct Quote
    {
        std::uint64_t id;
        Side side;
        std::int64_t price;
    };
    void cancelAll(const AgentContext &ctx);
    Parameters m_p;
    LiveOrders m_live;
    std::vector<Quote> m_quotes; // what was placed; m_live says which are still there
    std::vector<Quote> m_wanted; // scratch
    std::int64_t m_withdrawnUntil = 0;
};

} // namespace meridian::sim
