// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "backtest/optimizer.h"
#include "store/database.h"

#include <cstdint>
#include <string>

namespace meridian::backtest {

/// What a stored search was about.
struct OptimizationRun
{
    std::string strategy, symbol, interval;
    std::string baseParametersJson = "{}";
    std::int64_t dataFrom = 0, dataTo = 0;
};

/// Stores a search and all its evaluations in one transaction (optimization_runs, optimization_results);
/// returns the run's id. Errors: Database (nothing stored).
Result<std::int64_t> saveOptimization(store::Database &db, const OptimizationRun &run,
                                      const std::vector<ParameterRange> &ranges, const OptimizeConfig &config,
                                      const OptimizeResult &result, std::int64_t nowNs);

} // namespace meridian::backtest
