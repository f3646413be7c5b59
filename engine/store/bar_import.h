// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "store/database.h"

#include <cstdint>
#include <string>
#include <vector>

// Importing bars (klines, OHLCV) from CSV files into market_data.
//
// Formats:
//  * BinanceKline: the data.binance.vision layout, 12 columns (open time, open, high, low, close, volume,
//    close time, quote volume, trades, taker buy base, taker buy quote, ignore), with or without a header;
//    times in milliseconds, or microseconds (spot files from 2025), told apart by their size.
//  * Ohlcv: a CSV with a header; the columns are found by name (case-insensitive): time from date, datetime,
//    time, timestamp or open_time; then open, high, low, close and volume (others are ignored). Times are
//    ISO 8601 dates or date-times (a date is the bar's open at 00:00), or epoch seconds / milliseconds /
//    microseconds; a time without a zone is local to utcOffsetMinutes (A-share files: +480).
//
// One transaction per file: a file with a bad row — not a number, high below low, open or close outside
// [low, high], a negative volume, the same time twice with different values — is refused whole, and the
// error names every bad line (the first twenty). What is legal but suspicious is reported and imported:
// gaps (missing bars; for daily bars, missing weekdays), times out of order, exact duplicate rows (kept
// once) and outliers (a close-to-close move beyond 10 robust standard deviations and 5%). Importing the same
// file again changes nothing; a row whose values changed is updated and counted.
namespace meridian::store {

struct BarImportOptions
{
    enum class Format { BinanceKline, Ohlcv };
    Format format = Format::BinanceKline;
    std::string symbol;   // required
    std::string venue;    // "BINANCE", "SSE", …; may be empty
    std::string interval; // "1m", "1h", "1d", …; empty: inferred from the most common spacing
    std::string source;   // stored with each row; default: the file name
    int utcOffsetMinutes = 0;
};

struct ImportIssue
{
    enum class Kind { Gap, OutOfOrder, Duplicate, Outlier };
    Kind kind;
    std::int64_t line;  // in the file, from 1
    std::string detail; // for people
};

struct BarImportReport
{
    std::string interval;                     // as stored
    std::int64_t rows = 0;                    // bars read
    std::int64_t inserted = 0;                // new in the database
    std::int64_t updated = 0;                 // there with other values
    std::int64_t unchanged = 0;               // there already, identical
    std::int64_t firstTime = 0, lastTime = 0; // ns since the epoch, UTC
    std::int64_t missingBars = 0;             // over all gaps
    std::vector<ImportIssue> issues;
};

/// Errors: InvalidArgument for bad options or a refused file (naming the lines); Io when the file cannot be
/// read; Database (the transaction is rolled back: nothing of the file stays).
Result<BarImportReport> importBars(Database &db, const std::string &path, const BarImportOptions &options);

/// "1m" → 60 s, "4h", "1d", "1w" → ns; 0 when the text is not an interval.
std::int64_t intervalNanoseconds(std::string_view interval);

} // namespace meridian::store
