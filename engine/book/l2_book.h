// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "book/ladder.h"
#include "book/order_book.h"
#include "core/error.h"
#include "core/instrument.h"
#include "core/price.h"

#include <optional>
#include <vector>

namespace meridian::book {

/// Level-2 order book for one instrument: the total quantity resting at each price, without orders.
///
/// What a market-data feed delivers (snapshot plus level updates) and what a LOBSTER message file can be
/// replayed into when individual queues do not matter. Shares its level storage with OrderBook, so the
/// best price is O(1) and changes near the top move few elements.
/// Thread: owned by one Node; not thread-safe.
class L2Book final
{
public:
    L2Book() = default;

    /// Sets the quantity at a price (what feeds send); zero removes the level.
    /// Errors: InvalidArgument for a negative quantity or an invalid side.
    Result<void> set(Side side, Price price, Quantity quantity);
    /// As set, returning the quantity the level had (0 when there was none), with one search.
    Result<Quantity> exchange(Side side, Price price, Quantity quantity);
    /// Adds quantity at a price (a new order joins the level).
    /// Errors: InvalidArgument for a non-positive quantity or an invalid side.
    Result<void> add(Side side, Price price, Quantity quantity);
    /// Takes quantity from a price (a cancel, partial cancel or execution); removes the level when nothing
    /// is left. Errors: NotFound when no level rests there; InvalidArgument when quantity is not positive or
    /// exceeds the level.
    Result<void> reduce(Side side, Price price, Quantity quantity);
    Result<void> cancel(Side side, Price price, Quantity quantity) { return reduce(side, price, quantity); }
    Result<void> execute(Side side, Price price, Quantity quantity) { return reduce(side, price, quantity); }
    /// Moves an order of fromQuantity at from to toQuantity at to (an order modified by its owner).
    /// Same errors as reduce() and add(); nothing changes on error.
    Result<void> modify(Side side, Price from, Quantity fromQuantity, Price to, Quantity toQuantity);
    void clear();

    std::optional<Price> bestBid() const;
    std::optional<Price> bestAsk() const;
    /// Returns up to levels levels of a side, best first.
    std::vector<LevelView> depth(Side side, std::size_t levels) const;
    /// Appends up to levels levels of a side to out, best first.
    void depth(Side side, std::size_t levels, std::vector<LevelView> &out) const;
    /// Returns the level rank places from the best. Preconditions: rank < levelCount(side).
    LevelView levelAt(Side side, std::size_t rank) const
    {
        const Level &level = ladder(side).fromBest(rank);
        return LevelView{Price(level.price), Quantity(level.quantity), 0};
    }
    Quantity volumeAt(Side side, Price price) const;
    /// Returns the quantity an order joining the level at price now would wait behind: all of it.
    Quantity queueAhead(Side side, Price price) const { return volumeAt(side, price); }
    /// Returns the average price, in ticks, of taking quantity from a side, or std::nullopt when the side
    /// holds less than quantity.
    std::optional<double> averageFillPrice(Side side, Quantity quantity) const;
    std::size_t levelCount(Side side) const { return ladder(side).size(); }
    /// Checks the invariants (sorted levels, positive quantities, not crossed). Errors: CorruptData.
    Result<void> checkIntegrity() const;
    bool isCrossed() const;

private:
    struct Level
    {
        std::int64_t price = 0;
        std::int64_t quantity = 0;
    };
    using Ladder = detail::Ladder<Level>;

    static Result<void> checkSide(Side side);
    Ladder &ladder(Side side) { return side == Side::Buy ? m_bids : m_asks; }
    const Ladder &ladder(Side side) const { return side == Side::Buy ? m_bids : m_asks; }

    Ladder m_bids{Side::Buy};
    Ladder m_asks{Side::Sell};
};

} // namespace meridian::book
