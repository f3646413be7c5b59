// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "book/l2_book.h"
#include "book/order_book.h"
#include "core/error.h"

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace meridian::book {

/// One row of a LOBSTER message file. Prices are in units of $0.0001 (LOBSTER's own), sizes in shares.
struct LobsterMessage
{
    std::int64_t timeNs = 0; ///< nanoseconds after midnight (exchange local time)
    int type = 0;            ///< 1 add, 2 partial cancel, 3 delete, 4 visible execution, 5 hidden execution,
                             ///< 6 cross trade, 7 trading halt
    OrderId orderId = 0;
    std::int64_t size = 0;
    std::int64_t price = 0;
    int direction = 0; ///< 1 buy order, -1 sell order
};

/// One row of a LOBSTER orderbook file: the visible levels after the message of the same row.
struct LobsterBookRow
{
    std::span<const LevelView> asks; ///< best first; empty levels left out
    std::span<const LevelView> bids;
};

/// A whole LOBSTER orderbook file, stored flat (one array of levels and a row index) so that replaying
/// millions of rows streams through memory instead of chasing a pointer per row.
class LobsterBook final
{
public:
    /// The number of levels per side the file shows (1, 5, 10, …).
    int levels() const { return m_levels; }
    std::size_t size() const { return m_rows.size(); }
    bool empty() const { return m_rows.empty(); }
    LobsterBookRow operator[](std::size_t row) const
    {
        const Row &r = m_rows[row];
        return LobsterBookRow{std::span<const LevelView>(m_data.data() + r.offset, r.asks),
                              std::span<const LevelView>(m_data.data() + r.offset + r.asks, r.bids)};
    }
    LobsterBookRow front() const { return (*this)[0]; }

    /// Appends a row given as LOBSTER's columns: ask price, ask size, bid price, bid size per level, empty
    /// levels as LOBSTER writes them (±9999999999 and size 0). The first row sets levels(). Errors:
    /// InvalidArgument when the count is not a positive multiple of 4, or not the first row's.
    Result<void> appendRow(std::span<const std::int64_t> columns);
    /// The row in LOBSTER's columns again (what appendRow took), levels() × 4 values.
    std::vector<std::int64_t> columns(std::size_t row) const;

private:
    friend Result<LobsterBook> readLobsterBook(const std::string &path);
    struct Row
    {
        std::uint64_t offset;
        std::uint32_t asks;
        std::uint32_t bids;
    };
    int m_levels = 0;
    std::vector<LevelView> m_data;
    std::vector<Row> m_rows;
};

/// Reads a LOBSTER message file. Tolerates a header line, CRLF line ends, no final newline and times
/// rounded to fewer decimals. Errors: Io when the file cannot be read; InvalidArgument naming the file, the
/// line and the field for a malformed row.
Result<std::vector<LobsterMessage>> readLobsterMessages(const std::string &path);

/// Reads a LOBSTER orderbook file (4 columns per level: ask price, ask size, bid price, bid size).
/// Empty levels (LOBSTER's ±9999999999 dummy prices) are left out. Same tolerance and errors as
/// readLobsterMessages; every row must have the same number of columns, a multiple of 4.
Result<LobsterBook> readLobsterBook(const std::string &path);

/// What a LOBSTER replay counted.
struct LobsterStats
{
    std::size_t messages = 0;
    std::size_t adds = 0;
    std::size_t cancels = 0;
    std::size_t executions = 0;
    std::size_t hiddenExecutions = 0;
    std::size_t crossTrades = 0;
    std::size_t halts = 0;
    std::size_t unknownIdReductions = 0; ///< taken from a synthetic order (L3 only)
    std::size_t resyncedLevels = 0;      ///< levels taken from the orderbook file
};

namespace detail {

/// The part of each side a LOBSTER replay knows exactly, and the levels to take from the orderbook file
/// when that part widens (see LobsterReplay).
class LobsterView final
{
public:
    explicit LobsterView(int levels) : m_levels(levels) {}

    /// Starts from the first orderbook row.
    void seed(const LobsterBookRow &row);
    /// After a message: calls set(price, quantity) for every level of book's side that rowAfter newly
    /// uncovers (quantity zero: drop the level), then moves the known range to rowAfter's.
    /// Book needs levelCount(side) and levelAt(side, rank).
    template <class Book, class SetLevel>
    void resync(const Book &book, Side side, std::span<const LevelView> shown, SetLevel &&set)
    {
        Bound &previous = side == Side::Buy ? m_bid : m_ask;
        const Bound next = boundOf(shown);
        if (!previous.all) {
            // Levels the view uncovers now: drop what we hold there that the row does not show…
            for (std::size_t rank = 0; rank < book.levelCount(side);) {
                const Price price = book.levelAt(side, rank).price;
                if (!known(next, side, price.value()))
                    break; // best first: every later level is outside the view too
                if (known(previous, side, price.value()) || shows(shown, price)) {
                    ++rank;
                    continue;
                }
                set(price, Quantity(0)); // the next level moves up to this rank
            }
            // …and take the sizes it shows.
            for (const LevelView &level : shown)
                if (!known(previous, side, level.price.value()))
                    set(level.price, level.quantity);
        }
        previous = next;
    }

private:
    struct Bound
    {
        bool all = true;        // the previous row showed the whole side
        std::int64_t price = 0; // else the worst price it showed
    };
    Bound boundOf(std::span<const LevelView> levels) const;
    static bool known(const Bound &bound, Side side, std::int64_t price);
    static bool shows(std::span<const LevelView> levels, Price price);

    int m_levels;
    Bound m_bid;
    Bound m_ask;
};

/// What a message does to the visible book.
enum class LobsterAction : std::uint8_t { Invalid = 0, Add, Reduce, None };

/// Counts a message in stats, updates halted (type 7 halts, an add or a visible execution means trading
/// resumed) and returns what the message does to the visible book: Add (type 1), Reduce (2, 3, 4 with a
/// positive size), None (5, 6, 7, or a reduction of nothing), Invalid (an unknown type).
LobsterAction countLobsterMessage(const LobsterMessage &message, LobsterStats &stats, bool &halted);

} // namespace detail

/// Rebuilds an order-level book from a LOBSTER message file and its orderbook file.
///
/// How the data is treated:
///  - LOBSTER's message file holds only the events inside the requested number of visible levels at the
///    time. A level that is pushed out of view changes without messages, and orders that were resting
///    before the file starts are unknown. So the replay knows a side exactly only inside the range the
///    previous orderbook row showed (all of it when that row showed fewer than the requested levels).
///    When the visible range widens, the newly uncovered prices are taken from the orderbook row: the level
///    is replaced by one synthetic order of the shown size, at the front of the queue. Which orders make up
///    such a level is unknown even when its total happens to agree with ours. Every level that stays in
///    view must then follow the messages exactly.
///  - The first row seeds the book the same way (its message is then only registered).
///  - A cancel or execution of an unknown order id (placed before the file or while its level was out of
///    view) is taken from the synthetic order at that price.
///  - Type 5 (hidden execution) and type 6 (cross trade) do not change the visible book; type 7 (halt) marks
///    the book halted until the next add or visible execution (trading resumed). They are counted.
/// Thread: owned by one Node; not thread-safe.
class LobsterReplay final
{
public:
    using Stats = LobsterStats;

    /// levels: the number of levels the orderbook file shows (1, 5, 10, …).
    explicit LobsterReplay(int levels);

    /// Seeds the book from the first orderbook row, after the first message.
    Result<void> start(const LobsterMessage &first, const LobsterBookRow &rowAfter);
    /// Applies one message, then takes the levels the view newly uncovers from rowAfter.
    /// Errors: CorruptData naming the message when it cannot apply (unknown level, more than is resting).
    Result<void> apply(const LobsterMessage &message, const LobsterBookRow &rowAfter);

    const OrderBook &book() const { return m_book; }
    const Stats &stats() const { return m_stats; }
    bool halted() const { return m_halted; }

private:
    Result<void> reduceUnknown(const LobsterMessage &message, Side side);
    void setLevel(Side side, Price price, Quantity quantity);

    detail::LobsterView m_view;
    OrderBook m_book;
    Stats m_stats;
    bool m_halted = false;
    OrderId m_nextSynthetic = (OrderId(1) << 63);
    std::unordered_map<std::int64_t, OrderId> m_syntheticBid;
    std::unordered_map<std::int64_t, OrderId> m_syntheticAsk;
};

/// Rebuilds a level book from a LOBSTER message file and its orderbook file, with the same treatment of
/// the data as LobsterReplay: exact within the range the previous row showed, newly uncovered levels taken
/// from the orderbook file, types 5 and 6 counted only, type 7 halts. Without order ids a cancel or
/// execution simply takes its size from its price level.
/// Thread: owned by one Node; not thread-safe.
class LobsterL2Replay final
{
public:
    explicit LobsterL2Replay(int levels) : m_view(levels) {}

    /// Seeds the book from the first orderbook row, after the first message.
    Result<void> start(const LobsterMessage &first, const LobsterBookRow &rowAfter);
    /// Applies one message, then takes the levels the view newly uncovers from rowAfter.
    /// Errors: CorruptData naming the message when it cannot apply.
    Result<void> apply(const LobsterMessage &message, const LobsterBookRow &rowAfter);

    const L2Book &book() const { return m_book; }
    const LobsterStats &stats() const { return m_stats; }
    bool halted() const { return m_halted; }

private:
    detail::LobsterView m_view;
    L2Book m_book;
    LobsterStats m_stats;
    bool m_halted = false;
};

} // namespace meridian::book
