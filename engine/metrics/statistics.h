// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"

#include <cstdint>
#include <span>
#include <vector>

// Performance statistics of a backtest, a simulation or a live account: pure functions of the daily
// results and the closed trades. Amounts are in the account's currency; returns and drawdowns are fractions
// (0.05 = 5%).
//
// Definitions (n days, balance B_i at the end of day i, B_0 the capital before the first day):
//   daily return r_i      = B_i / B_(i−1) − 1 (simple returns)
//   total return          = B_n / B_0 − 1
//   annual return         = total return × A / n, A = annualDays (365 for markets that trade every day,
//                           252 for exchanges that close at weekends)
//   CAGR                  = (B_n / B_0)^(A / n) − 1
//   volatility            = sample standard deviation of r × sqrt(A)
//   Sharpe ratio          = (mean r − riskFree / A) / sample std of r × sqrt(A)
//   Sortino ratio         = (mean r − riskFree / A) / downside deviation × sqrt(A), the downside deviation
//                           being sqrt(Σ min(r_i, 0)² / n)
//   max drawdown          = the largest fall of B from its running peak (the peak includes B_0); in money and
//                           as a fraction of that peak; its duration is the number of days from the peak to
//                           the day the fall was deepest
//   Calmar ratio          = CAGR / max drawdown (fraction)
//   return / drawdown     = total return / max drawdown (fraction)
//   VaR 95%               = −(the 5% quantile of r), the quantile by linear interpolation between order
//                           statistics (position (n − 1) × 0.05); CVaR 95% = −(mean of the r at or below that
//                           quantile)
//   skew                  = the sample skewness m3 / m2^1.5 (population moments), kurtosis = m4 / m2² − 3
//                           (excess)
//   win rate              = winning trades / trades; profit factor = Σ wins / |Σ losses| (infinity with wins
//                           and no losses, 0 without wins); expectancy = mean trade result; average winner and
//                           loser = mean of the wins and of the losses; long ratio = long trades / trades
// Days with no trading still count (a flat day is a zero return).
namespace meridian::metrics {

struct DailyResult
{
    std::int64_t date = 0; // any day key, increasing (days since the epoch, or yyyymmdd)
    double balance = 0;    // at the end of the day, marked to market
    double netPnl = 0;     // the day's profit after costs
    double commission = 0;
    double slippage = 0;
    double turnover = 0;     // traded notional
    std::int64_t trades = 0; // fills
};

struct ClosedTrade
{
    double pnl = 0; // after costs
    bool isLong = true;
};

struct StatisticsOptions
{
    double annualDays = 365;
    double riskFree = 0; // a yearly rate
};

struct Statistics
{
    std::int64_t startDate = 0, endDate = 0;
    std::int64_t totalDays = 0, profitDays = 0, lossDays = 0;
    double capital = 0, endBalance = 0;
    double totalReturn = 0, annualReturn = 0, dailyReturn = 0, cagr = 0;
    double volatility = 0, sharpeRatio = 0, sortinoRatio = 0, calmarRatio = 0, returnDrawdownRatio = 0;
    double maxDrawdown = 0, maxDrawdownPercent = 0;
    std::int64_t maxDrawdownDuration = 0;
    double var95 = 0, cvar95 = 0, skew = 0, kurtosis = 0;
    double totalNetPnl = 0, dailyNetPnl = 0, totalCommission = 0, dailyCommission = 0, totalSlippage = 0,
           dailySlippage = 0, totalTurnover = 0, dailyTurnover = 0;
    std::int64_t totalTrades = 0;
    double dailyTrades = 0;
    // From the closed trades:
    std::int64_t closedTrades = 0;
    double winRate = 0, profitFactor = 0, expectancy = 0, averageWinner = 0, averageLoser = 0, largestWinner = 0,
           largestLoser = 0, longRatio = 0;
};

/// Errors: InvalidArgument when there are no days, the capital or a balance is not positive, or the dates
/// do not increase (naming the day).
/// Arithmetic mean; 0 for no values.
double mean(std::span<const double> x);
/// Sample standard deviation (n − 1 in the denominator); 0 for fewer than two values.
double sampleStd(std::span<const double> x);
/// The q-quantile of sorted values, interpolating between order statistics at position (n − 1) × q.
/// Precondition: sorted is not empty.
double quantile(std::span<const double> sorted, double q);

Result<Statistics> computeStatistics(const std::vector<DailyResult> &days, double capital,
                                     const std::vector<ClosedTrade> &trades = {}, StatisticsOptions options = {});

/// Market making: how the quotes fared and how much inventory the strategy carried.
struct InventorySample
{
    std::int64_t time = 0; // ns
    double inventory = 0;  // signed, in units
};
struct MarketMakingStatistics
{
    double fillRatio = 0;     // filled / submitted quantity of the strategy's limit orders
    double makerShare = 0;    // maker fills' quantity / all fills' quantity
    double meanInventory = 0; // mean of |inventory| over the samples
    double maxInventory = 0;  // largest |inventory|
    double timeWeightedInventory =
        0; // Σ |q_i| × (t_(i+1) − t_i) / (t_last − t_first): each sample holds until the next
};
/// Errors: InvalidArgument for negative quantities or samples out of time order.
Result<MarketMakingStatistics> computeMarketMaking(double submittedQuantity, double filledQuantity,
                                                   double makerQuantity, double takerQuantity,
                                                   const std::vector<InventorySample> &inventory);

} // namespace meridian::metrics
