// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "backtest/l2_backtest.h"
#include "core/error.h"
#include "store/database.h"
#include "store/datasets.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

// The replay cache: depth events of an imported data set, kept as a flat binary file beside the database so
// that a replay reads them at the speed of the disk instead of stepping through SQLite rows
// (bench_store_replay: SQLite gives about 0.9M trades/s, an order-book backtest consumes over 10M events/s).
//
// SQLite stays the catalogue (table replay_cache): which data set, range, scale and data set version each
// file holds, its event count and checksum. A file is used only when all of them match and it reads back
// whole; otherwise it is rebuilt from the database. A cache that cannot be written (a full disk, a read-only
// folder) costs speed, never data: the events come from the database and the reason is returned.
//
// File: "MRDRPLY1", format version, event count, checksum (8 bytes each), then 32 bytes per event: time,
// price, quantity (little-endian int64), kind, side, six zero bytes.
namespace meridian::backtest {

struct ReplayRequest
{
    std::string symbol;
    std::string venue;
    store::DatasetKind kind = store::DatasetKind::Trades;
    std::int64_t fromNs = std::numeric_limits<std::int64_t>::min();
    std::int64_t toNs = std::numeric_limits<std::int64_t>::max();
    /// Trades: ticks per unit of price and lots per unit of quantity (the instrument's 1 / tick size and
    /// 1 / lot size); prices and quantities are rounded to them. Book messages are in LOBSTER's units already.
    double ticksPerPrice = 100;
    double lotsPerQuantity = 1000;
};

struct ReplayData
{
    std::vector<DepthEvent> events;
    bool fromCache = false;
    std::string file;         // the cache file used or written ("" when none)
    std::string cacheProblem; // why the cache was not used or not written ("" when all was well)
};

/// An imported order-book (LOBSTER messages) or trade data set, as listed for a choice.
struct ReplaySet
{
    std::string symbol, venue;
    store::DatasetKind kind = store::DatasetKind::Trades;
    std::int64_t rows = 0;
    std::int64_t firstNs = 0, lastNs = 0;
};

/// Every book_messages and trades data set, by symbol and venue (books first). Reads the tables whole: call
/// it off the GUI thread. Errors: Database.
Result<std::vector<ReplaySet>> listReplaySets(store::Database &db);

/// The instrument a replay of a data set trades (as the database knows it; LOBSTER data is in ten-thousandths
/// of a dollar and shares) with the id given, and the request that reads the set over [fromNs, toNs).
struct ReplaySource
{
    Instrument instrument;
    ReplayRequest request;
};
Result<ReplaySource> replaySource(store::Database &db, const std::string &symbol, const std::string &venue,
                                  store::DatasetKind kind, std::int64_t fromNs, std::int64_t toNs, InstrumentId id = 1);

/// The replay cache's folder: "replay-cache" beside the database file.
std::string replayCacheFolder(const std::string &databasePath);

/// The events of a data set: trades as Trade events (the resting side is the aggressor's opposite), book
/// messages as depthEventsFromLobster() makes them. cacheFolder empty: no cache.
/// Errors: NotFound when the data set has nothing in the range; InvalidArgument for bad scales; the
/// database's errors.
Result<ReplayData> loadReplay(store::Database &db, const std::string &cacheFolder, const ReplayRequest &request);

} // namespace meridian::backtest
