// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "book/id_map.h"
#include "book/ladder.h"
#include "core/error.h"
#include "core/instrument.h"
#include "core/price.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace meridian::book {

using OrderId = std::uint64_t;

/// One aggregated price level as seen from outside the book.
struct LevelView
{
    Price price;
    Quantity quantity;
    std::uint32_t orderCount = 0;
    friend bool operator==(const LevelView &, const LevelView &) = default;
};

/// Level-3 limit order book for one instrument: every order, FIFO within each price level.
///
/// Orders live in a pool and are linked per level by index, and the id index is an open-addressing table,
/// so adding and removing an order does not allocate once the pool has grown to the working size. Each side keeps its
/// levels in a vector sorted with the best price at the back: the best price is O(1), and changes near the top (where
/// nearly all activity is) move few elements. Thread: owned by one Node; not thread-safe.
class OrderBook final
{
public:
    /// Preconditions: expectedOrders is a hint for the order pool size.
    explicit OrderBook(std::size_t expectedOrders = 1 << 16);

    /// Handle of a resting order: stable while the order rests, reused after it leaves.
    using Handle = std::uint32_t;
    static constexpr Handle kNoOrder = 0xffffffffu;

    /// Adds a resting order at the back of its level's queue. owner and flags are carried for the caller
    /// (the matching engine keeps the owner for self-trade prevention and its order flags there).
    /// Returns the quantity resting at the level afterwards.
    /// Errors: AlreadyExists for a known id; InvalidArgument for a non-positive quantity, an invalid side
    /// or the reserved id IdMap::kEmpty.
    Result<Quantity> add(OrderId id, Side side, Price price, Quantity quantity, std::uint32_t owner = 0,
                         std::uint8_t flags = 0);
    /// Adds a resting order at the front of its level's queue (orders that were resting before anything
    /// this book has seen, such as a feed's initial snapshot). Same errors as add().
    Result<Quantity> addFront(OrderId id, Side side, Price price, Quantity quantity);
    /// Removes an order. Errors: NotFound.
    Result<void> cancel(OrderId id);
    /// Reduces an order by quantity, keeping its place in the queue; removes it when nothing is left.
    /// Errors: NotFound; InvalidArgument when quantity is not positive or exceeds what is left.
    Result<void> reduce(OrderId id, Quantity quantity);
    /// Executes quantity of an order (as reduce(), for a trade against it).
    Result<void> execute(OrderId id, Quantity quantity) { return reduce(id, quantity); }
    /// Changes an order's price and quantity. A price change or a larger quantity sends it to the back of
    /// the queue at its (new) price; a smaller quantity at the same price keeps its place.
    /// Errors: NotFound; InvalidArgument for a non-positive quantity.
    Result<void> modify(OrderId id, Price price, Quantity quantity);
    /// Removes every order at a price level. Returns how many orders were removed.
    std::size_t removeLevel(Side side, Price price);

    bool contains(OrderId id) const { return m_index.contains(id); }
    /// Returns the quantity left of an order, or std::nullopt.
    std::optional<Quantity> quantityOf(OrderId id) const;
    std::optional<Price> bestBid() const;
    std::optional<Price> bestAsk() const;
    /// Returns up to levels levels of a side, best first.
    std::vector<LevelView> depth(Side side, std::size_t levels) const;
    /// Appends up to levels levels of a side to out, best first (no allocation when out has capacity).
    void depth(Side side, std::size_t levels, std::vector<LevelView> &out) const;
    /// Returns the level rank places from the best. Preconditions: rank < levelCount(side).
    LevelView levelAt(Side side, std::size_t rank) const;
    /// Returns the total quantity resting at a price (zero when there is no level).
    Quantity volumeAt(Side side, Price price) const;
    /// Returns the quantity ahead of an order in its level's queue, or std::nullopt for an unknown id.
    std::optional<Quantity> queueAhead(OrderId id) const;
    /// Returns the average price, in ticks, of taking quantity from a side (walking the book), or
    /// std::nullopt when the side holds less than quantity.
    std::optional<double> averageFillPrice(Side side, Quantity quantity) const;
    std::size_t orderCount() const { return m_index.size(); }
    std::size_t levelCount(Side side) const;
    /// Checks every invariant (sorted levels, totals, counts, links, not crossed). Errors: CorruptData
    /// naming the first broken one.
    Result<void> checkIntegrity() const;
    /// Returns true when the best bid is at or above the best ask.
    bool isCrossed() const;

    // Handle access for the matching engine: walking a level's queue and filling from it without a
    // lookup per step.
    /// Returns the handle of an order, or kNoOrder.
    Handle find(OrderId id) const
    {
        const std::uint32_t *index = m_index.find(id);
        return index ? *index : kNoOrder;
    }
    /// Returns the first order of the level rank places from the best (0 = best), or kNoOrder.
    Handle levelFront(Side side, std::size_t rank = 0) const
    {
        const Ladder &levels = ladder(side);
        return rank < levels.size() ? levels.fromBest(rank).head : kNoOrder;
    }
    /// Returns the order after h in its level's queue, or kNoOrder.
    Handle next(Handle h) const { return m_nodes[h].next; }
    OrderId orderId(Handle h) const { return m_nodes[h].id; }
    Side orderSide(Handle h) const { return m_nodes[h].side; }
    Price orderPrice(Handle h) const { return Price(m_nodes[h].price); }
    Quantity orderQuantity(Handle h) const { return Quantity(m_nodes[h].quantity); }
    std::uint32_t orderOwner(Handle h) const { return m_nodes[h].owner; }
    std::uint8_t orderFlags(Handle h) const { return m_nodes[h].flags; }
    /// Takes quantity from an order, keeping its place; removes it when nothing is left.
    /// Returns the quantity left at its level afterwards.
    /// Preconditions: 0 < quantity <= what the order holds.
    Quantity take(Handle h, Quantity quantity);
    /// Removes an order. Returns the quantity left at its level afterwards.
    Quantity remove(Handle h);

private:
    static constexpr std::uint32_t kNone = 0xffffffffu;

    struct Node
    {
        OrderId id = 0;
        std::int64_t quantity = 0;
        std::int64_t price = 0;
        std::uint32_t prev = kNone;
        std::uint32_t next = kNone;
        Side side = Side::Invalid;
        std::uint8_t flags = 0;
        std::uint32_t owner = 0;
    };
    struct Level
    {
        std::int64_t price = 0;
        std::int64_t quantity = 0;
        std::uint32_t count = 0;
        std::uint32_t head = kNone;
        std::uint32_t tail = kNone;
    };
    using Ladder = detail::Ladder<Level>;

    Result<Quantity> insert(OrderId id, Side side, Price price, Quantity quantity, bool atFront, std::uint32_t owner,
                            std::uint8_t flags);
    Ladder &ladder(Side side) { return side == Side::Buy ? m_bids : m_asks; }
    const Ladder &ladder(Side side) const { return side == Side::Buy ? m_bids : m_asks; }
    void unlink(std::uint32_t index, Level &level);
    // Removes the order at index from its level and the index; drops the level when it empties.
    // Returns the quantity left at the level.
    std::int64_t removeAt(std::uint32_t index);
    std::uint32_t allocate();

    std::vector<Node> m_nodes;
    std::vector<std::uint32_t> m_free;
    IdMap<std::uint32_t> m_index;
    Ladder m_bids{Side::Buy};
    Ladder m_asks{Side::Sell};
};

} // namespace meridian::book
