// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "core/instrument.h"
#include "core/price.h"

#include <cstdint>
#include <optional>
#include <unordered_map>
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
/// Orders live in a pool and are linked per level by index, so adding and removing an order does not
/// allocate once the pool has grown to the working size. Each side keeps its levels in a vector sorted
/// with the best price at the back: the best price is O(1), and changes near the top (where nearly all
/// activity is) move few elements.
/// Thread: owned by one Node; not thread-safe.
class OrderBook final
{
public:
    /// Preconditions: expectedOrders is a hint for the pool and index sizes.
    explicit OrderBook(std::size_t expectedOrders = 1 << 16);

    /// Adds a resting order at the back of its level's queue.
    /// Errors: AlreadyExists for a known id; InvalidArgument for a non-positive quantity or an invalid side.
    Result<void> add(OrderId id, Side side, Price price, Quantity quantity);
    /// Adds a resting order at the front of its level's queue (orders that were resting before anything
    /// this book has seen, such as a feed's initial snapshot). Same errors as add().
    Result<void> addFront(OrderId id, Side side, Price price, Quantity quantity);
    /// Removes an order. Errors: NotFound.
    Result<void> cancel(OrderId id);
    /// Reduces an order by quantity, keeping its place in the queue; removes it when nothing is left.
    /// Errors: NotFound; InvalidArgument when quantity is not positive or exceeds what is left.
    Result<void> reduce(OrderId id, Quantity quantity);
    /// Executes quantity of an order (as reduce(), for a trade against it).
    Result<void> execute(OrderId id, Quantity quantity) { return reduce(id, quantity); }
    /// Removes every order at a price level. Returns how many orders were removed.
    std::size_t removeLevel(Side side, Price price);

    bool contains(OrderId id) const { return m_index.find(id) != m_index.end(); }
    /// Returns the quantity left of an order, or std::nullopt.
    std::optional<Quantity> quantityOf(OrderId id) const;
    std::optional<Price> bestBid() const;
    std::optional<Price> bestAsk() const;
    /// Returns up to levels levels of a side, best first.
    std::vector<LevelView> depth(Side side, std::size_t levels) const;
    /// Appends up to levels levels of a side to out, best first (no allocation when out has capacity).
    void depth(Side side, std::size_t levels, std::vector<LevelView> &out) const;
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
    };
    struct Level
    {
        std::int64_t price = 0;
        std::int64_t quantity = 0;
        std::uint32_t count = 0;
        std::uint32_t head = kNone;
        std::uint32_t tail = kNone;
    };
    using Ladder = std::vector<Level>; // sorted so the best level is at the back

    Result<void> insert(OrderId id, Side side, Price price, Quantity quantity, bool atFront);
    Ladder &ladder(Side side) { return side == Side::Buy ? m_bids : m_asks; }
    const Ladder &ladder(Side side) const { return side == Side::Buy ? m_bids : m_asks; }
    // Returns the position of price in the ladder, or where it would be inserted.
    static std::size_t lowerBound(const Ladder &ladder, Side side, std::int64_t price);
    Level *findLevel(Side side, std::int64_t price);
    const Level *findLevel(Side side, std::int64_t price) const;
    void unlink(std::uint32_t index, Level &level);
    void eraseLevelIfEmpty(Side side, std::int64_t price);
    std::uint32_t allocate();

    std::vector<Node> m_nodes;
    std::vector<std::uint32_t> m_free;
    std::unordered_map<OrderId, std::uint32_t> m_index;
    Ladder m_bids; // ascending price: best bid at the back
    Ladder m_asks; // descending price: best ask at the back
};

} // namespace meridian::book
