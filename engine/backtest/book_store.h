// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "book/lobster.h"
#include "core/error.h"
#include "store/bar_import.h"
#include "store/database.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

// Order-book messages in the database (table book_messages): LOBSTER's message and orderbook files of a
// trading day imported side by side, one row per message with the visible book after it, and read back for
// replay.
//
// Times: LOBSTER gives seconds after midnight, exchange local time; they are stored as nanoseconds since the
// epoch, UTC: the day (from the file name, or given) at midnight, plus the time, minus the exchange's UTC
// offset on that day (New York: −4 h in summer, −5 h in winter).
//
// As for bars: one transaction for the pair of files; a malformed row refuses both files, naming the file and
// the line; files of different lengths are refused. What is legal but suspicious is reported and imported:
// times going backwards (OutOfOrder), book rows where the best bid reaches the best ask (Outlier). Importing
// the same files again changes nothing; each import that changes rows moves the book data set's version.
namespace meridian::backtest {

struct LobsterImportOptions
{
    std::string symbol;                  // required
    std::string venue;                   // may be empty
    std::string date;                    // YYYY-MM-DD; empty: the first such date in the message file's name
    std::optional<int> utcOffsetMinutes; // required: the exchange's offset from UTC on that day
    std::string source;                  // default: the message file's name
};

/// Errors: InvalidArgument for bad options or refused files (naming the file and line); Io when a file
/// cannot be read; Database (rolled back: nothing of the files stays).
Result<store::BarImportReport> importLobster(store::Database &db, const std::string &messagePath,
                                             const std::string &orderbookPath, const LobsterImportOptions &options);

/// Messages and book rows of one symbol in [fromNs, toNs), in time order. Message times are relative to
/// dayStartNs, the UTC midnight before the first message, as LOBSTER's own files and
/// depthEventsFromLobster() expect.
struct StoredBookMessages
{
    std::vector<book::LobsterMessage> messages;
    book::LobsterBook book;
    std::int64_t dayStartNs = 0;
};

/// Errors: NotFound when there is no message in the range; CorruptData for a stored row whose book does not
/// parse; Database.
Result<StoredBookMessages> loadBookMessages(store::Database &db, const std::string &symbol, const std::string &venue,
                                            std::int64_t fromNs = std::numeric_limits<std::int64_t>::min(),
                                            std::int64_t toNs = std::numeric_limits<std::int64_t>::max());

} // namespace meridian::backtest
