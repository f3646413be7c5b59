// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/instrument.h"
#include "core/price.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace meridian::book::detail {

/// The price levels of one side of a book, in a vector sorted with the best price at the back.
///
/// The best level is O(1), and since nearly all activity is within a few levels of the top, inserting and
/// erasing there moves few elements. Lookups try the best few levels before a binary search.
/// Level is any struct with a std::int64_t price member.
/// Thread: owned by one Node; not thread-safe.
template <class Level>
class Ladder final
{
public:
    explicit Ladder(Side side, std::size_t reserve = 1024) : m_side(side) { m_levels.reserve(reserve); }

    Side side() const { return m_side; }
    bool empty() const { return m_levels.empty(); }
    std::size_t size() const { return m_levels.size(); }
    /// Returns the level rank places from the best (0 = best). Preconditions: rank < size().
    Level &fromBest(std::size_t rank) { return m_levels[m_levels.size() - 1 - rank]; }
    const Level &fromBest(std::size_t rank) const { return m_levels[m_levels.size() - 1 - rank]; }
    /// Returns the best price, or std::nullopt when the side is empty.
    std::optional<Price> bestPrice() const
    {
        return m_levels.empty() ? std::nullopt : std::optional<Price>(Price(m_levels.back().price));
    }
    /// Returns the levels from worst to best.
    const std::vector<Level> &levels() const { return m_levels; }

    /// Returns true when price a is better than b on this side.
    bool better(std::int64_t a, std::int64_t b) const { return m_side == Side::Buy ? a > b : a < b; }

    Level *find(std::int64_t price)
    {
        const std::size_t at = locate(price);
        return at < m_levels.size() && m_levels[at].price == price ? &m_levels[at] : nullptr;
    }
    const Level *find(std::int64_t price) const { return const_cast<Ladder *>(this)->find(price); }

    /// Returns the level at price, inserting a value-initialised one when there is none. The reference is
    /// valid until the next insert or erase.
    Level &findOrInsert(std::int64_t price)
    {
        const std::size_t at = locate(price);
        if (at < m_levels.size() && m_levels[at].price == price)
            return m_levels[at];
        Level level{};
        level.price = price;
        return *m_levels.insert(m_levels.begin() + static_cast<std::ptrdiff_t>(at), level);
    }

    /// Sets the quantity at price with one search (0 erases the level) and returns the quantity it had (0 when
    /// there was no level). For ladders whose Level has a quantity member.
    std::int64_t assign(std::int64_t price, std::int64_t quantity)
    {
        const std::size_t at = locate(price);
        const bool found = at < m_levels.size() && m_levels[at].price == price;
        const std::int64_t before = found ? m_levels[at].quantity : 0;
        if (quantity == 0) {
            if (found)
                m_levels.erase(m_levels.begin() + static_cast<std::ptrdiff_t>(at));
        } else if (found) {
            m_levels[at].quantity = quantity;
        } else {
            Level level{};
            level.price = price;
            level.quantity = quantity;
            m_levels.insert(m_levels.begin() + static_cast<std::ptrdiff_t>(at), level);
        }
        return before;
    }

    /// Erases the level at price, if there is one.
    void erase(std::int64_t price)
    {
        if (!m_levels.empty() && m_levels.back().price == price) {
            m_levels.pop_back();
            return;
        }
        const std::size_t at = locate(price);
        if (at < m_levels.size() && m_levels[at].price == price)
            m_levels.erase(m_levels.begin() + static_cast<std::ptrdiff_t>(at));
    }

    void clear() { m_levels.clear(); }

    /// Returns true when the levels are strictly ordered, worst to best.
    bool isSorted() const
    {
        for (std::size_t i = 1; i < m_levels.size(); ++i)
            if (!better(m_levels[i].price, m_levels[i - 1].price))
                return false;
        return true;
    }

private:
    // Returns the position of price, or where it would be inserted. Nearly every price is within a few
    // levels of the best, where a short linear scan (well predicted) beats a binary search (a mispredicted
    // branch per step); deeper prices fall back to the search.
    std::size_t locate(std::int64_t price) const
    {
        constexpr std::size_t kScan = 16;
        const std::size_t size = m_levels.size();
        const std::size_t stop = size > kScan ? size - kScan : 0;
        // The answer is the first position whose level is as good as price or better.
        for (std::size_t i = size; i > stop; --i) {
            if (better(price, m_levels[i - 1].price))
                return i;
        }
        return stop == 0 ? 0 : lowerBound(price);
    }

    std::size_t lowerBound(std::int64_t price) const
    {
        const auto worse = [this](const Level &level, std::int64_t p) { return better(p, level.price); };
        return static_cast<std::size_t>(std::lower_bound(m_levels.begin(), m_levels.end(), price, worse) -
                                        m_levels.begin());
    }

    Side m_side;
    std::vector<Level> m_levels; // sorted so the best level is at the back
};

/// Returns true when the best bid is at or above the best ask.
template <class Level>
bool isCrossed(const Ladder<Level> &bids, const Ladder<Level> &asks)
{
    return !bids.empty() && !asks.empty() && bids.fromBest(0).price >= asks.fromBest(0).price;
}

/// Returns the average price, in ticks, of taking quantity from a ladder (walking it from the best level),
/// or std::nullopt when quantity is not positive or the ladder holds less. Level needs a quantity member.
template <class Level>
std::optional<double> averageFillPrice(const Ladder<Level> &ladder, std::int64_t quantity)
{
    if (quantity <= 0)
        return std::nullopt;
    std::int64_t remaining = quantity;
    double cost = 0.0;
    for (std::size_t i = 0; i < ladder.size() && remaining > 0; ++i) {
        const Level &level = ladder.fromBest(i);
        const std::int64_t take = std::min(remaining, level.quantity);
        cost += static_cast<double>(take) * static_cast<double>(level.price);
        remaining -= take;
    }
    if (remaining > 0)
        return std::nullopt;
    return cost / static_cast<double>(quantity);
}

} // namespace meridian::book::detail
