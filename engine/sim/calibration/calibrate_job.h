// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "book/lobster.h"
#include "core/error.h"
#include "sim/calibration/estimators.h"
#include "sim/calibration/order_flow.h"
#include "store/database.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>

// The calibrate job: estimate from data, fit, store as the active set of a symbol and scenario. Shared by
// `meridian-cli calibrate` and the workstation. Nothing is stored unless everything succeeded.
namespace meridian::sim::calibration {

struct OrderFlowCalibration
{
    std::int64_t calibrationId = 0;
    OrderFlowEstimate estimate;
    ZeroIntelligenceFit fit;
};

/// From LOBSTER messages and their book rows (prices in 1/10,000 of the quote currency, ticks of 0.01): the
/// order flow, a fitted population, stored for (symbol, scenario) with base_slippage the mean half-spread as
/// a fraction of the mid and neutral volatility and liquidity factors (the population carries the market's
/// own). dayStartNs dates the data (LOBSTER's times are after midnight). Errors: as estimateOrderFlow and
/// fitZeroIntelligence; as saveCalibration.
Result<OrderFlowCalibration> calibrateOrderFlow(store::Database &db, const std::string &symbol,
                                                const std::string &scenario,
                                                std::span<const book::LobsterMessage> messages,
                                                const book::LobsterBook &book, const std::string &dataSource,
                                                std::int64_t dayStartNs, std::int64_t nowNs,
                                                const FitOptions &options = {});

struct BarCalibration
{
    std::int64_t calibrationId = 0;
    double volatility = 0; // of log close-to-close returns, per bar
    GarchFit garch;
    JumpFit jumps;
    std::vector<double> volumeProfile; // 24 hourly shares (UTC)
    std::optional<ScenarioFactors> factors;
};

/// From bars: realised volatility, GARCH(1,1) on the demeaned log returns, jumps and the intraday volume
/// profile; with a stressed window [stressedFrom, stressedTo) the scenario factors of its bars against the
/// others' (otherwise neutral factors). Errors: InvalidArgument for fewer than 100 bars or a bad window (as
/// fitGarch11 and scenarioFactors); as saveCalibration.
Result<BarCalibration> calibrateBars(store::Database &db, const std::string &symbol, const std::string &scenario,
                                     std::span<const BarSample> bars, const std::string &dataSource,
                                     std::optional<std::pair<std::int64_t, std::int64_t>> stressed, std::int64_t nowNs);

} // namespace meridian::sim::calibration
