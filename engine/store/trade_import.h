// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "store/bar_import.h"
#include "store/database.h"

#include <string>

// Importing trades (ticks) from CSV files into the trades table.
//
// Formats:
//  * Tardis: the header exchange, symbol, timestamp, local_timestamp, id, side, price, amount; times in
//    microseconds; side is the aggressor's (buy or sell).
//  * BinanceTrades: data.binance.vision's trades files, id, price, qty, quote_qty, time, is_buyer_maker
//    [, is_best_match], with or without a header; times in milliseconds or microseconds; the aggressor is
//    the seller when the buyer was the maker.
// As for bars: one transaction per file; a bad row (not a number, a price or quantity not positive, an
// unknown side, an id repeated with other values) refuses the whole file naming its lines; what is legal but
// suspicious is reported: ids missing between two trades (Gap), times going backwards (OutOfOrder), the same
// trade twice (Duplicate). Importing again changes nothing. The report's interval is empty.
namespace meridian::store {

struct TradeImportOptions
{
    enum class Format { Tardis, BinanceTrades };
    Format format = Format::Tardis;
    std::string symbol; // required
    std::string venue;
    std::string source; // default: the file name
};

/// Errors: as importBars.
Result<BarImportReport> importTrades(Database &db, const std::string &path, const TradeImportOptions &options);

} // namespace meridian::store
