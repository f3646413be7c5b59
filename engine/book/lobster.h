// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "book/order_book.h"
#include "core/error.h"

#include <cstdint>
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
    std::vector<LevelView> asks; ///< best first; empty levels left out
    std::vector<LevelView> bids;
};

/// Reads a LOBSTER message file. Tolerates a header line, CRLF line ends, no final newline and times
/// rounded to fewer decimals. Errors: Io when the file cannot be read; InvalidArgument naming the file, the
/// line and the field for a malformed row.
Result<std::vector<LobsterMessage>> readLobsterMessages(const std::string &path);

/// Reads a LOBSTER orderbook file (4 columns per level: ask price, ask size, bid price, bid size).
/// Empty levels (LOBSTER's ±9999999999 dummy prices) are left out. Same tolerance and errors as
/// readLobsterMessages; every row must have the same number of columns, a multiple of 4.
Result<std::vector<LobsterBookRow>> readLobsterBook(const std::string &path, int *levels = nullptr);

/// Rebuilds an order-level book from a LOBSTER message file and its orderbook file.
///
/// How the data is treated:
///  - LOBSTER's message file holds only the events inside the requested number of visible levels at the
///    time. A level that is pushed out of view changes without messages, and orders that were resting
///    before the file starts are unknown. So the replay knows a side exactly only inside the range the
///    previous orderbook row showed (all of it when that row showed fewer than the requested levels).
///    When the visible range widens, the newly uncovered prices are taken from the orderbook row: the level
///    is replaced by one synthetic order of the shown size, at the front of the queue. Every level that
///    stays in view must then follow the messages exactly.
///  - The first row seeds the book the same way (its message is then only registered).
///  - A cancel or execution of an unknown order id (placed before the file or while its level was out of
///    view) is taken from the synthetic order at that price.
///  - Type 5 (hidden execution) and type 6 (cross trade) do not change the visible book; type 7 (halt) marks
///    the book halted until the next add or visible execution (trading resumed). They are counted.
/// Thread: owned by one Node; not thread-safe.
class LobsterReplay final
{
public:
    struct Stats
    {
        std::size_t messages = 0;
        std::size_t adds = 0;
        std::size_t cancels = 0;
        std::size_t executions = 0;
        std::size_t hiddenExecutions = 0;
        std::size_t crossTrades = 0;
        std::size_t halts = 0;
        std::size_t unknownIdReductions = 0; ///< taken from a synthetic order
        std::size_t resyncedLevels = 0;      ///< levels taken from the orderbook file
    };

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
    struct Bound
    {
        bool all = true;        // the previous row showed the whole side
        std::int64_t price = 0; // else the worst price it showed
    };
    static Bound boundOf(const std::vector<LevelView> &levels, int depth);
    static bool known(const Bound &bound, Side side, std::int64_t price);
    Result<void> reduceUnknown(const LobsterMessage &message, Side side);
    void setLevel(Side side, Price price, Quantity quantity);
    void resync(Side side, const std::vector<LevelView> &shown);

    int m_levels;
    OrderBook m_book;
    Stats m_stats;
    Bound m_bidBound;
    Bound m_askBound;
    bool m_halted = false;
    OrderId m_nextSynthetic = (OrderId(1) << 63);
    std::unordered_map<std::int64_t, OrderId> m_syntheticBid;
    std::unordered_map<std::int64_t, OrderId> m_syntheticAsk;
    std::vector<LevelView> m_scratch;
};

} // namespace meridian::book
