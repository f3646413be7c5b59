// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

class QCustomPlot;

namespace meridian {
class Instrument;
}

namespace meridian::backtest {
struct BarSeries;
struct BarBacktestResult;
struct BarBacktestConfig;
struct DepthEvent;
struct L2BacktestResult;
struct L2BacktestConfig;
struct ParameterRange;
struct OptimizeConfig;
struct OptimizeResult;
} // namespace meridian::backtest

namespace meridian::ui {

/// What a backtest report shows. Times are seconds since the epoch (UTC); returns are fractions.
struct BacktestReportData
{
    QString title;
    std::vector<std::pair<QString, QString>> parameters; // name, value
    std::vector<std::pair<QString, QString>> statistics; // label, formatted value
    std::vector<double> equityTime, equity;
    std::vector<double> dayTime, dayReturn;
    std::vector<double> priceTime, price;
    std::vector<double> buyTime, buyPrice, sellTime, sellPrice; // fills
};

/// What an optimisation report shows: the best results, and a heatmap of the objective over two parameters.
struct OptimizationReportData
{
    QString title;
    QString objective;                    // the heatmap's
    QString xName, yName;                 // the two parameters (empty: no heatmap)
    std::vector<double> xValues, yValues; // the grid's values of each
    std::vector<double> z;                // objective at (x[i], y[j]) at index j × xValues.size() + i; NaN: none
    QStringList header;                   // of the results table
    std::vector<QStringList> rows;
};

/// Writes an HTML report and its charts (PNG, rendered offscreen with QCustomPlot) into a folder: equity,
/// drawdown, a histogram of daily returns, the price with the fills marked, and a table of monthly returns.
/// Needs a QApplication (on a machine without a display, run with QT_QPA_PLATFORM=offscreen).
class BacktestReport
{
    Q_DECLARE_TR_FUNCTIONS(BacktestReport)
public:
    /// What a bar backtest of strategyId with parametersJson gave, as the report shows it.
    static BacktestReportData fromBarBacktest(const backtest::BarSeries &bars,
                                              const backtest::BarBacktestResult &result, const std::string &strategyId,
                                              const std::string &parametersJson,
                                              const backtest::BarBacktestConfig &config);
    /// What an order-book (or trade) backtest gave: the same report, the price line from the data's trades.
    static BacktestReportData fromL2Backtest(const Instrument &instrument,
                                             const std::vector<backtest::DepthEvent> &events,
                                             const backtest::L2BacktestResult &result, const std::string &strategyId,
                                             const std::string &parametersJson,
                                             const backtest::L2BacktestConfig &config);
    /// An optimisation's best `shown` results; the heatmap over the first two ranges when both are numeric.
    static OptimizationReportData fromOptimization(const std::string &strategyId, const std::string &symbol,
                                                   const std::vector<backtest::ParameterRange> &ranges,
                                                   const backtest::OptimizeConfig &config,
                                                   const backtest::OptimizeResult &result, std::size_t shown);

    /// The charts, drawn into a plot that has nothing else (the workstation's report view and the files).
    static void plotEquity(QCustomPlot &plot, const BacktestReportData &data);
    static void plotDrawdown(QCustomPlot &plot, const BacktestReportData &data);
    static void plotDailyReturns(QCustomPlot &plot, const BacktestReportData &data);
    static void plotPriceAndFills(QCustomPlot &plot, const BacktestReportData &data);
    /// Returns whether there was a heatmap to draw.
    static bool plotHeatmap(QCustomPlot &plot, const OptimizationReportData &data);
    /// The daily returns compounded within each calendar month (UTC): year → month (1–12) → return.
    static std::map<int, std::map<int, double>> monthlyReturns(const BacktestReportData &data);

    /// Returns the path of the HTML file, or an empty string and why.
    static QString write(const QString &folder, const BacktestReportData &data, QString *error);
    /// Writes optimization.html (and heatmap.png) into folder; returns its path, or an empty string and why.
    static QString writeOptimization(const QString &folder, const OptimizationReportData &data, QString *error);
};

} // namespace meridian::ui
