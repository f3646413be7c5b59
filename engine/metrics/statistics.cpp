// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "metrics/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace meridian::metrics {

double mean(std::span<const double> x)
{
    double s = 0;
    for (const double v : x)
        s += v;
    return x.empty() ? 0 : s / static_cast<double>(x.size());
}

double sampleStd(std::span<const double> x)
{
    if (x.size() < 2)
        return 0;
    const double m = mean(x);
    double s = 0;
    for (const double v : x)
        s += (v - m) * (v - m);
    return std::sqrt(s / static_cast<double>(x.size() - 1));
}

double quantile(std::span<const double> sorted, double q)
{
    const double position = static_cast<double>(sorted.size() - 1) * q;
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double weight = position - static_cast<double>(below);
    return sorted[below] + (sorted[above] - sorted[below]) * weight;
}

Result<Statistics> computeStatistics(const std::vector<DailyResult> &days, double capital,
                                     const std::vector<ClosedTrade> &trades, StatisticsOptions options)
{
    if (days.empty())
        return fail(ErrorCode::InvalidArgument, "statistics: no days");
    if (!(capital > 0) || !std::isfinite(capital))
        return fail(ErrorCode::InvalidArgument, "statistics: the capital must be positive");
    if (!(options.annualDays > 0))
        return fail(ErrorCode::InvalidArgument, "statistics: annualDays must be positive");
    for (std::size_t i = 0; i < days.size(); ++i) {
        if (!(days[i].balance > 0) || !std::isfinite(days[i].balance))
            return fail(ErrorCode::InvalidArgument, "statistics: the balance of day " + std::to_string(days[i].date) +
                                                        " is not positive; returns are undefined past ruin");
        if (i > 0 && days[i].date <= days[i - 1].date)
            return fail(ErrorCode::InvalidArgument, "statistics: day " + std::to_string(days[i].date) +
                                                        " does not come after day " + std::to_string(days[i - 1].date));
    }
    Statistics s;
    const auto n = static_cast<double>(days.size());
    const double a = options.annualDays;
    s.startDate = days.front().date;
    s.endDate = days.back().date;
    s.totalDays = static_cast<std::int64_t>(days.size());
    s.capital = capital;
    s.endBalance = days.back().balance;

    std::vector<double> returns;
    double previous = capital, peak = capital;
    std::size_t peakDay = 0; // index + 1 of the day of the peak (0: before the first day)
    for (std::size_t i = 0; i < days.size(); ++i) {
        const DailyResult &d = days[i];
        returns.push_back(d.balance / previous - 1);
        previous = d.balance;
        if (d.netPnl > 0)
            ++s.profitDays;
        else if (d.netPnl < 0)
            ++s.lossDays;
        s.totalNetPnl += d.netPnl;
        s.totalCommission += d.commission;
        s.totalSlippage += d.slippage;
        s.totalTurnover += d.turnover;
        s.totalTrades += d.trades;
        if (d.balance >= peak) {
            peak = d.balance;
            peakDay = i + 1;
        }
        const double drawdown = peak - d.balance;
        if (drawdown > s.maxDrawdown) {
            s.maxDrawdown = drawdown;
            s.maxDrawdownPercent = drawdown / peak;
            s.maxDrawdownDuration = static_cast<std::int64_t>(i + 1 - peakDay);
        }
    }
    s.dailyNetPnl = s.totalNetPnl / n;
    s.dailyCommission = s.totalCommission / n;
    s.dailySlippage = s.totalSlippage / n;
    s.dailyTurnover = s.totalTurnover / n;
    s.dailyTrades = static_cast<double>(s.totalTrades) / n;

    s.totalReturn = s.endBalance / capital - 1;
    s.annualReturn = s.totalReturn * a / n;
    s.cagr = std::pow(s.endBalance / capital, a / n) - 1;
    s.dailyReturn = mean(returns);
    const double sd = sampleStd(returns);
    s.volatility = sd * std::sqrt(a);
    const double excess = s.dailyReturn - options.riskFree / a;
    s.sharpeRatio = sd > 0 ? excess / sd * std::sqrt(a) : 0;
    double downside = 0;
    for (const double r : returns)
        downside += std::min(r, 0.0) * std::min(r, 0.0);
    downside = std::sqrt(downside / n);
    s.sortinoRatio = downside > 0 ? excess / downside * std::sqrt(a) : 0;
    s.calmarRatio = s.maxDrawdownPercent > 0 ? s.cagr / s.maxDrawdownPercent : 0;
    s.returnDrawdownRatio = s.maxDrawdownPercent > 0 ? s.totalReturn / s.maxDrawdownPercent : 0;

    std::vector<double> sorted = returns;
    std::sort(sorted.begin(), sorted.end());
    const double q = quantile(sorted, 0.05);
    s.var95 = -q;
    double tail = 0;
    std::size_t tailCount = 0;
    for (const double r : sorted) {
        if (r > q)
            break;
        tail += r;
        ++tailCount;
    }
    s.cvar95 = tailCount ? -tail / static_cast<double>(tailCount) : s.var95;
    double m2 = 0, m3 = 0, m4 = 0;
    for (const double r : returns) {
        const double d = r - s.dailyReturn;
        m2 += d * d / n;
        m3 += d * d * d / n;
        m4 += d * d * d * d / n;
    }
    s.skew = m2 > 0 ? m3 / std::pow(m2, 1.5) : 0;
    s.kurtosis = m2 > 0 ? m4 / (m2 * m2) - 3 : 0;

    s.closedTrades = static_cast<std::int64_t>(trades.size());
    if (!trades.empty()) {
        double wins = 0, losses = 0, winSum = 0, lossSum = 0, total = 0, longs = 0;
        s.largestWinner = 0;
        s.largestLoser = 0;
        for (const ClosedTrade &t : trades) {
            total += t.pnl;
            if (t.isLong)
                ++longs;
            if (t.pnl > 0) {
                ++wins;
                winSum += t.pnl;
                s.largestWinner = std::max(s.largestWinner, t.pnl);
            } else if (t.pnl < 0) {
                ++losses;
                lossSum += t.pnl;
                s.largestLoser = std::min(s.largestLoser, t.pnl);
            }
        }
        const auto count = static_cast<double>(trades.size());
        s.winRate = wins / count;
        s.expectancy = total / count;
        s.averageWinner = wins > 0 ? winSum / wins : 0;
        s.averageLoser = losses > 0 ? lossSum / losses : 0;
        s.profitFactor = lossSum < 0 ? winSum / -lossSum : (winSum > 0 ? std::numeric_limits<double>::infinity() : 0);
        s.longRatio = longs / count;
    }
    return s;
}

Result<MarketMakingStatistics> computeMarketMaking(double submittedQuantity, double filledQuantity,
                                                   double makerQuantity, double takerQuantity,
                                                   const std::vector<InventorySample> &inventory)
{
    if (submittedQuantity < 0 || filledQuantity < 0 || makerQuantity < 0 || takerQuantity < 0)
        return fail(ErrorCode::InvalidArgument, "market-making statistics: a quantity is negative");
    for (std::size_t i = 1; i < inventory.size(); ++i)
        if (inventory[i].time < inventory[i - 1].time)
            return fail(ErrorCode::InvalidArgument, "market-making statistics: inventory sample " + std::to_string(i) +
                                                        " is earlier than the one before");
    MarketMakingStatistics m;
    m.fillRatio = submittedQuantity > 0 ? filledQuantity / submittedQuantity : 0;
    m.makerShare = makerQuantity + takerQuantity > 0 ? makerQuantity / (makerQuantity + takerQuantity) : 0;
    double weighted = 0;
    for (std::size_t i = 0; i < inventory.size(); ++i) {
        const double q = std::fabs(inventory[i].inventory);
        m.meanInventory += q / static_cast<double>(inventory.size());
        m.maxInventory = std::max(m.maxInventory, q);
        if (i + 1 < inventory.size())
            weighted += q * static_cast<double>(inventory[i + 1].time - inventory[i].time);
    }
    const double span = inventory.size() >= 2 ? static_cast<double>(inventory.back().time - inventory.front().time) : 0;
    m.timeWeightedInventory = span > 0 ? weighted / span : m.meanInventory;
    return m;
}

} // namespace meridian::metrics
