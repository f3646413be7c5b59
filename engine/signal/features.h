// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/instrument.h"

#include <cstdint>
#include <deque>
#include <vector>

// Rolling features of one instrument, each updated in O(1) per event (amortised for the time windows):
//   mid, spread (ticks) and relative spread (spread / mid) from the top of the book;
//   imbalance        (bid size − ask size) / (bid size + ask size) at the top, in [−1, 1];
//   momentum         ln(mid / the mid `ticks` book updates ago);
//   volatility       √(mean of the squared log mid changes over the last `ticks` book updates);
//   vwap             Σ price × quantity / Σ quantity of the trades in the last `windowNs`;
//   tradeRate        trades per second over the last `windowNs`.
// Prices are in ticks. ready() once `ticks` book updates have been seen.
namespace meridian::signal {

struct FeatureConfig
{
    std::size_t ticks = 50;                // book updates in the momentum and volatility windows
    std::int64_t windowNs = 5'000'000'000; // trades in the VWAP and rate window (5 s)
};

struct Features
{
    InstrumentId instrument = 0;
    std::int64_t timeNs = 0;
    double mid = 0, spread = 0, relativeSpread = 0, imbalance = 0;
    double momentum = 0, volatility = 0;
    double vwap = 0, tradeRate = 0;
    std::uint64_t updates = 0;
    bool ready = false;
};

class RollingFeatures
{
public:
    explicit RollingFeatures(InstrumentId instrument, FeatureConfig config = {});

    /// A new top of book. Ignored (returns false) when a side is empty or crossed.
    bool onBook(std::int64_t timeNs, std::int64_t bid, std::int64_t bidSize, std::int64_t ask, std::int64_t askSize);
    void onTrade(std::int64_t timeNs, std::int64_t price, std::int64_t quantity);
    const Features &features() const noexcept { return m_features; }

private:
    void expireTrades(std::int64_t timeNs);

    FeatureConfig m_config;
    Features m_features;
    std::vector<double> m_mids;    // ring of the last ticks + 1 mids
    std::vector<double> m_squares; // ring of the last ticks squared log changes
    std::size_t m_at = 0;          // next slot in both rings
    double m_sumSquares = 0;
    struct Trade
    {
        std::int64_t time;
        double notional, quantity;
    };
    std::deque<Trade> m_trades;
    double m_notional = 0, m_quantity = 0;
};

} // namespace meridian::signal
