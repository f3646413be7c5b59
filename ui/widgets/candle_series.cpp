// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "widgets/candle_series.h"

#include <algorithm>

namespace meridian::ui {

namespace {

std::int64_t bucketOf(std::int64_t time, std::int64_t interval)
{
    const std::int64_t q = time / interval;
    return (q - (time % interval < 0 ? 1 : 0)) * interval;
}

} // namespace

CandleSeries::CandleSeries(std::int64_t baseIntervalNs, std::size_t cap) : m_cap(std::max<std::size_t>(cap, 16))
{
    for (const std::int64_t multiple : {1, 5, 15, 60, 240, 1440, 10080})
        m_levels.push_back(Level{baseIntervalNs * multiple, {}});
}

void CandleSeries::clear()
{
    for (Level &l : m_levels)
        l.candles.clear();
    m_outOfOrder = 0;
}

void CandleSeries::fold(Level &level, const Candle &base)
{
    const std::int64_t bucket = bucketOf(base.time, level.interval);
    std::vector<Candle> &c = level.candles;
    if (c.empty() || c.back().time < bucket) {
        Candle fresh = base;
        fresh.time = bucket;
        c.push_back(fresh);
        return;
    }
    Candle &last = c.back(); // same bucket: base candles arrive in time order
    last.high = std::max(last.high, base.high);
    last.low = std::min(last.low, base.low);
    last.close = base.close;
    last.volume += base.volume;
}

void CandleSeries::addTrade(std::int64_t timeNs, double price, double quantity)
{
    Level &base = m_levels.front();
    const std::int64_t bucket = bucketOf(timeNs, base.interval);
    if (!base.candles.empty() && bucket < base.candles.back().time) {
        ++m_outOfOrder;
        return;
    }
    // Every level takes the trade as a one-trade candle folded into its bucket.
    const Candle tick{timeNs, price, price, price, price, quantity};
    for (Level &level : m_levels)
        fold(level, tick);
    trim();
}

void CandleSeries::setBars(std::vector<Candle> bars)
{
    clear();
    std::sort(bars.begin(), bars.end(), [](const Candle &a, const Candle &b) { return a.time < b.time; });
    m_levels.front().candles.reserve(bars.size());
    for (const Candle &bar : bars)
        for (Level &level : m_levels)
            fold(level, bar);
    trim();
}

void CandleSeries::trim()
{
    std::vector<Candle> &base = m_levels.front().candles;
    if (base.size() <= m_cap)
        return;
    // Drop a tenth at a time, so that trimming is rare; coarser levels drop what starts before the base.
    base.erase(base.begin(), base.begin() + static_cast<std::ptrdiff_t>(base.size() - m_cap + m_cap / 10));
    const std::int64_t first = base.front().time;
    for (std::size_t i = 1; i < m_levels.size(); ++i) {
        std::vector<Candle> &c = m_levels[i].candles;
        const auto keep = std::lower_bound(c.begin(), c.end(), first - m_levels[i].interval + 1,
                                           [](const Candle &x, std::int64_t t) { return x.time < t; });
        c.erase(c.begin(), keep);
    }
}

std::size_t CandleSeries::levelFor(std::int64_t from, std::int64_t to, std::size_t maxCandles) const
{
    for (std::size_t i = 0; i < m_levels.size(); ++i)
        if (range(i, from, to).size() <= maxCandles)
            return i;
    return m_levels.size() - 1;
}

std::span<const Candle> CandleSeries::range(std::size_t level, std::int64_t from, std::int64_t to) const
{
    const Level &l = m_levels[level];
    const auto begin = std::lower_bound(l.candles.begin(), l.candles.end(), from - l.interval + 1,
                                        [](const Candle &x, std::int64_t t) { return x.time < t; });
    const auto end =
        std::upper_bound(begin, l.candles.end(), to, [](std::int64_t t, const Candle &x) { return t < x.time; });
    return {begin, end};
}

} // namespace meridian::ui
