// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "core/instrument.h"
#include "metrics/statistics.h"
#include "strategy/strategy_runner.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// A bar backtest: a strategy plugin replayed over bars of one or more instruments, event by event.
//
// Time: the strategy sees a bar at its close (open time + duration), bars of all instruments in time order
// (ties by instrument order), and never anything later. An order it places while seeing bar k can fill from
// bar k + 1 on, the first bar that opens after it.
// Fill model (per bar, for each working order, in the order placed):
//   market       fills at the bar's open, plus slippageTicks against the order;
//   limit buy    fills when low ≤ price, at min(price, open) (a gap down fills at the better open);
//   limit sell   fills when high ≥ price, at max(price, open);
//   stop buy     triggers when high ≥ stop, at max(stop, open) (a gap up fills at the worse open), plus
//                slippage; stop-limit becomes a limit at its price when triggered, and may fill in the
//                same bar;
//   stop sell    the mirror image.
// Orders fill in full (bars carry no depth). A limit order that could trade at the last close when it
// arrives pays the taker fee (it took liquidity); resting limits pay the maker fee; market and stop orders
// the taker fee. Fees are a fraction of the notional plus a fixed amount per lot. IOC and FOK limits that do
// not fill on their first bar are cancelled; GTD orders expire at their time; post-only limits that would
// take are rejected.
// Accounting: cash in the quote currency; positions per instrument with average price and realised profit;
// equity is marked at each bar's close; a day is a UTC day of bar closes; a round trip ends when a position
// returns to flat or flips (a ClosedTrade for the statistics).
namespace meridian::backtest {

struct Bar
{
    std::int64_t openTime = 0;                           // ns, UTC
    std::int64_t open = 0, high = 0, low = 0, close = 0; // ticks
    std::int64_t volume = 0;                             // lots
};

struct BarSeries
{
    Instrument instrument;
    std::int64_t durationNs = 0; // of every bar
    std::vector<Bar> bars;       // in time order
};

struct BarBacktestConfig
{
    double initialCapital = 100'000; // quote currency
    double makerFee = 0;             // fraction of notional (0.0002 = 2 bp); negative: a rebate
    double takerFee = 0;
    double feePerLot = 0;           // quote currency per lot traded
    std::int64_t slippageTicks = 0; // market and stop orders
    double annualDays = 365;
    std::size_t equityPoints = 1000; // samples in the equity series (0: every bar)
    /// Margin, for all instruments, as fractions of notional. initialMargin 0 turns it off: cash may go below
    /// zero (unlimited buying power). Otherwise holding a position needs initialMargin × its notional at the
    /// mark (1: fully paid, 0.1: ten times leverage); an order is rejected ("insufficient margin") when the
    /// position it could lead to — the position plus every working order on its side, this one included, at
    /// its limit or stop price (market: the last close) — together with the other positions at their marks
    /// would need more than the equity. Orders that only reduce a position always pass. When the equity falls
    /// below maintenanceMargin × the notional of all positions at a bar's close, every position is closed at
    /// that close (taker fee; fills with order id 0) and the working orders are cancelled. 0: never.
    double initialMargin = 0;
    double maintenanceMargin = 0; // at most initialMargin
};

struct BacktestFill
{
    std::int64_t time = 0; // ns: the bar's open time (when the fill happened)
    std::size_t instrument = 0;
    std::uint64_t orderId = 0;
    meridian_side side = 0;
    std::int64_t price = 0;    // ticks
    std::int64_t quantity = 0; // lots
    double fee = 0;            // quote currency
    bool maker = false;
};

struct BarBacktestResult
{
    std::vector<BacktestFill> fills;
    std::vector<metrics::DailyResult> days;
    std::vector<metrics::ClosedTrade> trades;
    std::vector<std::pair<std::int64_t, double>> equity; // (time, equity) at bar closes
    std::optional<metrics::Statistics> statistics;       // absent when they are undefined (an account ruined)
    std::string statisticsError;                         // why they are absent
    double finalEquity = 0;
    std::uint64_t bars = 0;
    std::uint64_t orders = 0, rejected = 0;
    std::uint64_t marginRejections = 0;                    // of the rejected, those for insufficient margin
    std::uint64_t liquidations = 0;                        // margin calls that closed every position
    std::string strategyError;                             // why the strategy stopped early, "" when it ran to the end
    std::vector<std::pair<std::string, double>> variables; // the last value of each live variable
};

/// For a run in a worker: progress reports (bars done, bars in all; every progressEvery bars and at the
/// end, on the running thread) and a cancel flag, looked at every 1,024 bars.
/// The statistics of a finished run into result.statistics, or why there are none into
/// result.statisticsError (a bar or an order-book backtest's result).
template <class RunResult>
void computeRunStatistics(RunResult &result, double initialCapital, double annualDays)
{
    auto statistics = metrics::computeStatistics(result.days, initialCapital, result.trades,
                                                 metrics::StatisticsOptions{annualDays, 0});
    if (statistics)
        result.statistics = *statistics;
    else
        result.statisticsError = statistics.error().message;
}

struct BacktestControl
{
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;
    std::uint64_t progressEvery = 16'384;
    const std::atomic<bool> *cancel = nullptr;
};

/// Runs the strategy plugin at pluginPath with parametersJson over the series. Errors: InvalidArgument for
/// no series, an empty or unordered series, a bad config; the plugin's errors as StrategyRunner reports them;
/// Cancelled (saying how far it got) when control.cancel was set.
Result<BarBacktestResult> runBarBacktest(const std::vector<BarSeries> &series, const std::string &pluginPath,
                                         const std::string &parametersJson, const BarBacktestConfig &config = {},
                                         const BacktestControl &control = {});

} // namespace meridian::backtest
