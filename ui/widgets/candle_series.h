// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace meridian::ui {

struct Candle
{
    std::int64_t time = 0; // the interval's start, ns
    double open = 0, high = 0, low = 0, close = 0, volume = 0;
};

/// Candles at every zoom: the base interval's candles and coarser ones aggregated from them (intervals of
/// 1, 5, 15, 60, 240, 1,440 and 10,080 base intervals: minute bars become 5-minute, 15-minute, hourly,
/// 4-hour, daily and weekly ones), all kept up to date as trades or bars arrive. A chart asks for the
/// finest level that puts at most so many candles in its visible range, so that a frame never draws more
/// candles than the plot has room for, however much history there is (candles have no adaptive sampling:
/// 50,000 visible ones cost about 150 ms a frame).
/// Buckets are aligned to multiples of their interval since the epoch. Bounded: at most `cap` base candles
/// are kept (the oldest go, from every level).
class CandleSeries
{
public:
    explicit CandleSeries(std::int64_t baseIntervalNs = 60'000'000'000, std::size_t cap = 2'000'000);

    /// A trade at timeNs (not before the last one: an earlier trade is ignored and counted).
    void addTrade(std::int64_t timeNs, double price, double quantity);
    /// Replaces everything with base-interval bars, oldest first.
    void setBars(std::vector<Candle> bars);
    void clear();

    std::size_t levels() const { return m_levels.size(); }
    std::int64_t interval(std::size_t level) const { return m_levels[level].interval; }
    /// The finest level with at most maxCandles candles in [from, to] (the coarsest when none has).
    std::size_t levelFor(std::int64_t from, std::int64_t to, std::size_t maxCandles) const;
    /// The candles of a level that overlap [from, to], oldest first.
    std::span<const Candle> range(std::size_t level, std::int64_t from, std::int64_t to) const;
    std::span<const Candle> all(std::size_t level) const { return m_levels[level].candles; }
    bool empty() const { return m_levels.front().candles.empty(); }
    std::uint64_t outOfOrder() const { return m_outOfOrder; }

private:
    struct Level
    {
        std::int64_t interval;
        std::vector<Candle> candles;
    };
    void fold(Level &level, const Candle &base);
    void trim();

    std::vector<Level> m_levels;
    std::size_t m_cap;
    std::uint64_t m_outOfOrder = 0;
};

} // namespace meridian::ui
