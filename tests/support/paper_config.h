// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "runtime/paper_session.h"

#include <string>

namespace meridian::test {

/// A paper session on BTCUSDT (0.01 and 0.001, from 30 000.00) with a strategy plugin, as fast as possible,
/// the journal in memory and the default paper limits; tests change what they are about.
inline runtime::PaperConfig btcPaperConfig(const std::string &strategyPath, std::string strategyParams,
                                           std::uint64_t seed)
{
    runtime::PaperConfig c;
    c.market.instrument.spec.id = 1;
    c.market.instrument.spec.symbol = "BTCUSDT";
    c.market.instrument.spec.venue = "SIM";
    c.market.instrument.spec.quoteCurrency = "USDT";
    c.market.instrument.spec.tickSize = Decimal(1, 2);
    c.market.instrument.spec.lotSize = Decimal(1, 3);
    c.market.instrument.initialPrice = 3'000'000; // 30 000.00
    c.strategyPath = strategyPath;
    c.strategyParams = std::move(strategyParams);
    c.seed = seed;
    c.speed = 0;
    c.limits = runtime::defaultPaperLimits(c.initialCapital);
    return c;
}

} // namespace meridian::test
