// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "metrics/statistics.h"
#include "sim/scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The simulate job: one strategy plugin trading in a scenario's market for a period of simulated time, and
// what it did there. Pure computation; storing tasks and results is simulation_store's part.
namespace meridian::sim {

/// Parses a period of simulated time: a positive number and a unit, s, m, h or d ("90s", "15m", "1h",
/// "7d", "30d"), at most 366 days. Errors: InvalidArgument naming the text.
Result<std::int64_t> parsePeriod(std::string_view text);

struct SimulateRequest
{
    MarketSetup market;                 // the symbol's instrument and initial price (ticks)
    std::string scenario = "normal";    // a preset's name, unless definition is given
    std::optional<Scenario> definition; // a scenario the caller resolved (a user's, from SQLite)
    CalibrationFactors calibration;
    std::int64_t durationNs = 3'600'000'000'000;
    std::string strategyPath; // the plugin file; empty: the market alone
    std::string strategyParams = "{}";
    std::uint64_t seed = 1;
    double initialCapital = 1'000'000; // in the instrument's quote currency
    Latency strategyEntry{500'000, 500'000};
    Latency strategyMarketData{500'000, 500'000};
    std::int64_t strategyBookIntervalNs = 100'000'000; // books conflated to one per 100 ms, like Binance's depth stream
    std::int64_t strategyBarIntervalNs = 60'000'000'000; // 1-minute bars from the trades, for bar strategies
    std::size_t seriesPoints = 500; // samples of the chart series (and of the equity for the statistics)
};

struct SimulateSeries
{
    std::vector<std::int64_t> time; // ns since the start
    std::vector<double> mid;        // price (not ticks)
    std::vector<double> spread;     // price
    std::vector<double> inventory;  // units of the instrument
    std::vector<double> pnl;        // quote currency
};

/// What the job returns. Definitions:
///   slippage: Σ q·s·(fill − mid at arrival)/mid at arrival over the strategy's fills, / Σ q, with s = +1 for
///     a buy and −1 for a sell (positive: a cost); mid at arrival is the book's mid when the order reached
///     the exchange.
///   fill_probability: quantity filled / quantity submitted, over the strategy's limit orders.
///   price_impact: the least-squares slope of (Δmid / mid) on the strategy's signed traded quantity (lots)
///     per series interval: the relative price move per lot traded.
///   total_return: final equity / initial capital − 1; equity = capital + cash + position marked at the mid.
///   max_drawdown: the largest fall of equity from a running peak, as a fraction of that peak.
///   sharpe_ratio: mean / standard deviation of the equity's returns per series interval, annualised by
///     sqrt(intervals in 365 days) (markets that trade every day); 0 when the equity never moved.
struct SimulateResult
{
    double slippage = 0;
    double fillProbability = 0;
    double priceImpact = 0;
    double totalReturn = 0;
    double maxDrawdown = 0;
    double sharpeRatio = 0;
    double finalEquity = 0;
    double executionTimeS = 0;       // filled in by the caller, who owns a clock
    std::uint64_t orderCount = 0;    // the strategy's orders
    std::uint64_t tradeCount = 0;    // the strategy's fills
    std::uint64_t rejectedCount = 0; // the strategy's orders the exchange rejected
    std::string lastRejection;       // the reason of the last
    std::uint64_t marketTrades = 0;
    std::uint64_t messages = 0;
    std::int64_t shockTime = -1; // ns since the start; −1 without a shock
    std::string strategyError;   // why the strategy stopped early ("" when it ran to the end)
    /// engine/metrics' statistics of the strategy's daily balance (runs of two days or more), and its
    /// market-making figures (fill ratio of limit orders, maker share, inventory; a strategy run).
    std::optional<metrics::Statistics> statistics;
    std::optional<metrics::MarketMakingStatistics> marketMaking;
    SimulateSeries series;
};

/// Runs the job. Errors: NotFound for an unknown scenario; InvalidArgument for a bad calibration, period or
/// strategy parameter (naming it); ExternalFailure when the plugin cannot be loaded or created.
Result<SimulateResult> runSimulate(const SimulateRequest &request);

} // namespace meridian::sim
