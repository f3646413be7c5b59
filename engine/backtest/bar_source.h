// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "backtest/bar_backtest.h"
#include "store/database.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace meridian::backtest {

/// Bars of one instrument from market_data (as imported), in time order: those of the symbol, venue (any
/// when empty) and interval whose open time is in [fromNs, toNs). Prices are rounded to the instrument's
/// ticks and volumes to its lots. Errors: NotFound naming what was asked for when there are none;
/// InvalidArgument for an unknown interval or a bar that is not a bar (high below low …), naming its time;
/// Database. progress, when given, is told the bars read so far every 16,384 bars, and stops the load by
/// returning false (Cancelled).
Result<BarSeries> loadBars(store::Database &db, const Instrument &instrument, std::string_view venue,
                           std::string_view interval, std::int64_t fromNs, std::int64_t toNs,
                           const std::function<bool(std::size_t bars)> &progress = {});

/// One set of imported bars: a symbol at a venue in one interval, how many, and the first and last open
/// times (ns).
struct BarSet
{
    std::string symbol, venue, interval;
    std::int64_t bars = 0;
    std::int64_t firstNs = 0, lastNs = 0;
};

/// Every bar set in market_data, by symbol, venue and interval. Reads the whole table: call it off the GUI
/// thread. Errors: Database.
Result<std::vector<BarSet>> listBarSets(store::Database &db);

/// The instrument a symbol stands for: from the instruments table when it is there (fromDatabase), otherwise
/// a default (BTCUSDT and ETHUSDT: ticks of 0.01 and lots of 0.001 in USDT; others 0.01 and 1 in USD).
/// lastPrice is the last close in market_data, 0 when there is none.
struct ResolvedInstrument
{
    InstrumentSpec spec;
    bool fromDatabase = false;
    double lastPrice = 0;
};
ResolvedInstrument resolveInstrument(store::Database &db, const std::string &symbol);

} // namespace meridian::backtest
