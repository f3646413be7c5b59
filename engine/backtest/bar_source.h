// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "backtest/bar_backtest.h"
#include "store/database.h"

#include <cstdint>
#include <string_view>

namespace meridian::backtest {

/// Bars of one instrument from market_data (as imported), in time order: those of the symbol, venue (any
/// when empty) and interval whose open time is in [fromNs, toNs). Prices are rounded to the instrument's
/// ticks and volumes to its lots. Errors: NotFound naming what was asked for when there are none;
/// InvalidArgument for an unknown interval or a bar that is not a bar (high below low …), naming its time;
/// Database.
Result<BarSeries> loadBars(store::Database &db, const Instrument &instrument, std::string_view venue,
                           std::string_view interval, std::int64_t fromNs, std::int64_t toNs);

} // namespace meridian::backtest
