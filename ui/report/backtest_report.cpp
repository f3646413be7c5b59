// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "report/backtest_report.h"

#include "backtest/bar_backtest.h"
#include "backtest/l2_backtest.h"
#include "backtest/optimizer.h"
#include "widgets/theme.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace meridian::ui {

namespace {

constexpr int kWidth = 1000, kHeight = 360;

QVector<double> toVector(const std::vector<double> &v)
{
    return QVector<double>(v.begin(), v.end());
}

void timeAxis(QCustomPlot &plot)
{
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
    ticker->setDateTimeSpec(Qt::UTC);
    plot.xAxis->setTicker(ticker);
}

bool save(QCustomPlot &plot, const QString &path)
{
    plot.rescaleAxes();
    plot.resize(kWidth, kHeight);
    return plot.savePng(path, kWidth, kHeight);
}

/// A writer's failure: why, where the caller asked for it, and the empty path.
QString failure(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return {};
}

QString escape(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

namespace {

/// What every backtest report shows, from what every backtest gives.
struct ReportInputs
{
    QString title;
    const std::string &parametersJson;
    const std::optional<metrics::Statistics> &statistics;
    const std::string &statisticsError, &strategyError;
    const std::vector<std::pair<std::int64_t, double>> &equity;
    const std::vector<metrics::DailyResult> &days;
    double initialCapital;
    const std::vector<backtest::BacktestFill> &fills;
    double tick;
};

BacktestReportData reportOf(const ReportInputs &in)
{
    BacktestReportData d;
    d.title = in.title;
    const QJsonObject parameters = QJsonDocument::fromJson(QByteArray::fromStdString(in.parametersJson)).object();
    for (auto it = parameters.begin(); it != parameters.end(); ++it)
        d.parameters.emplace_back(it.key(), it.value().toVariant().toString());
    if (in.statistics) {
        const metrics::Statistics &s = *in.statistics;
        const auto percent = [](double x) { return QStringLiteral("%1%").arg(x * 100, 0, 'f', 2); };
        const auto number = [](double x) { return QString::number(x, 'f', 3); };
        d.statistics = {{BacktestReport::tr("Days"), QString::number(s.totalDays)},
                        {BacktestReport::tr("End balance"), QString::number(s.endBalance, 'f', 2)},
                        {BacktestReport::tr("Total return"), percent(s.totalReturn)},
                        {BacktestReport::tr("Annual return"), percent(s.annualReturn)},
                        {BacktestReport::tr("CAGR"), percent(s.cagr)},
                        {BacktestReport::tr("Volatility"), percent(s.volatility)},
                        {BacktestReport::tr("Sharpe ratio"), number(s.sharpeRatio)},
                        {BacktestReport::tr("Sortino ratio"), number(s.sortinoRatio)},
                        {BacktestReport::tr("Calmar ratio"), number(s.calmarRatio)},
                        {BacktestReport::tr("Max drawdown"), percent(s.maxDrawdownPercent)},
                        {BacktestReport::tr("Max drawdown duration (days)"), QString::number(s.maxDrawdownDuration)},
                        {BacktestReport::tr("VaR 95%"), percent(s.var95)},
                        {BacktestReport::tr("CVaR 95%"), percent(s.cvar95)},
                        {BacktestReport::tr("Commission"), QString::number(s.totalCommission, 'f', 2)},
                        {BacktestReport::tr("Fills"), QString::number(s.totalTrades)},
                        {BacktestReport::tr("Round trips"), QString::number(s.closedTrades)},
                        {BacktestReport::tr("Win rate"), percent(s.winRate)},
                        {BacktestReport::tr("Profit factor"), number(s.profitFactor)}};
    } else {
        d.statistics = {{BacktestReport::tr("No statistics"), QString::fromStdString(in.statisticsError)}};
    }
    if (!in.strategyError.empty())
        d.statistics.emplace_back(BacktestReport::tr("The strategy stopped early"),
                                  QString::fromStdString(in.strategyError));
    for (const auto &[time, equity] : in.equity) {
        d.equityTime.push_back(static_cast<double>(time) / 1e9);
        d.equity.push_back(equity);
    }
    double previous = in.initialCapital;
    for (const metrics::DailyResult &day : in.days) {
        d.dayTime.push_back(static_cast<double>(day.date) * 86400.0);
        d.dayReturn.push_back(day.balance / previous - 1);
        previous = day.balance;
    }
    for (const backtest::BacktestFill &f : in.fills) {
        const bool buy = f.side == MERIDIAN_SIDE_BUY;
        (buy ? d.buyTime : d.sellTime).push_back(static_cast<double>(f.time) / 1e9);
        (buy ? d.buyPrice : d.sellPrice).push_back(static_cast<double>(f.price) * in.tick);
    }
    return d;
}

} // namespace

BacktestReportData BacktestReport::fromBarBacktest(const backtest::BarSeries &bars,
                                                   const backtest::BarBacktestResult &r, const std::string &strategyId,
                                                   const std::string &parametersJson,
                                                   const backtest::BarBacktestConfig &config)
{
    const double tick = bars.instrument.tickSize().toDouble();
    BacktestReportData d = reportOf(
        {tr("%1 on %2").arg(QString::fromStdString(strategyId), QString::fromStdString(bars.instrument.symbol())),
         parametersJson, r.statistics, r.statisticsError, r.strategyError, r.equity, r.days, config.initialCapital,
         r.fills, tick});
    const std::size_t every = std::max<std::size_t>(1, bars.bars.size() / 5000);
    for (std::size_t i = 0; i < bars.bars.size(); i += every) {
        d.priceTime.push_back(static_cast<double>(bars.bars[i].openTime + bars.durationNs) / 1e9);
        d.price.push_back(static_cast<double>(bars.bars[i].close) * tick);
    }
    return d;
}

BacktestReportData BacktestReport::fromL2Backtest(const Instrument &instrument,
                                                  const std::vector<backtest::DepthEvent> &events,
                                                  const backtest::L2BacktestResult &r, const std::string &strategyId,
                                                  const std::string &parametersJson,
                                                  const backtest::L2BacktestConfig &config)
{
    const double tick = instrument.tickSize().toDouble();
    BacktestReportData d =
        reportOf({tr("%1 on %2 (order book)")
                      .arg(QString::fromStdString(strategyId), QString::fromStdString(instrument.symbol())),
                  parametersJson, r.statistics, r.statisticsError, r.strategyError, r.equity, r.days,
                  config.initialCapital, r.fills, tick});
    // The price: the data's trades, at most 5,000 of them evenly taken.
    std::size_t trades = 0;
    for (const backtest::DepthEvent &e : events)
        trades += e.kind == backtest::DepthEvent::Kind::Trade ? 1 : 0;
    const std::size_t every = std::max<std::size_t>(1, trades / 5000);
    std::size_t n = 0;
    for (const backtest::DepthEvent &e : events)
        if (e.kind == backtest::DepthEvent::Kind::Trade && n++ % every == 0) {
            d.priceTime.push_back(static_cast<double>(e.time) / 1e9);
            d.price.push_back(static_cast<double>(e.price) * tick);
        }
    return d;
}

OptimizationReportData BacktestReport::fromOptimization(const std::string &strategyId, const std::string &symbol,
                                                        const std::vector<backtest::ParameterRange> &ranges,
                                                        const backtest::OptimizeConfig &config,
                                                        const backtest::OptimizeResult &r, std::size_t shown)
{
    OptimizationReportData d;
    d.title = tr("Optimisation of %1 on %2").arg(QString::fromStdString(strategyId), QString::fromStdString(symbol));
    d.objective = QString::fromStdString(config.objectives.front().name);
    if (ranges.size() >= 2 && ranges[0].choices.empty() && ranges[1].choices.empty() && ranges[0].step > 0 &&
        ranges[1].step > 0) {
        d.xName = QString::fromStdString(ranges[0].name);
        d.yName = QString::fromStdString(ranges[1].name);
        for (double v = ranges[0].min; v <= ranges[0].max + 1e-9 * ranges[0].step; v += ranges[0].step)
            d.xValues.push_back(v);
        for (double v = ranges[1].min; v <= ranges[1].max + 1e-9 * ranges[1].step; v += ranges[1].step)
            d.yValues.push_back(v);
        d.z.assign(d.xValues.size() * d.yValues.size(), std::nan(""));
        for (const backtest::Evaluation &e : r.evaluations) {
            if (e.values.size() < 2 || e.objectives.empty())
                continue;
            const auto i = static_cast<std::size_t>(std::llround((e.values[0] - ranges[0].min) / ranges[0].step));
            const auto j = static_cast<std::size_t>(std::llround((e.values[1] - ranges[1].min) / ranges[1].step));
            if (i < d.xValues.size() && j < d.yValues.size())
                d.z[j * d.xValues.size() + i] = e.objectives.front();
        }
    }
    for (const backtest::ParameterRange &range : ranges)
        d.header << QString::fromStdString(range.name);
    for (const backtest::Objective &o : config.objectives)
        d.header << QString::fromStdString(o.name);
    d.header << tr("Error");
    for (std::size_t i = 0; i < r.best.size() && i < shown; ++i) {
        const backtest::Evaluation &e = r.evaluations[r.best[i]];
        QStringList row;
        for (std::size_t k = 0; k < ranges.size(); ++k) {
            const double v = k < e.values.size() ? e.values[k] : std::nan("");
            const auto choice = static_cast<std::size_t>(v);
            row << (ranges[k].choices.empty()           ? QString::number(v, 'g', 8)
                    : choice < ranges[k].choices.size() ? QString::fromStdString(ranges[k].choices[choice])
                                                        : QString());
        }
        for (const double v : e.objectives)
            row << QString::number(v, 'g', 5);
        row << QString::fromStdString(e.error);
        d.rows.push_back(row);
    }
    return d;
}

void BacktestReport::plotEquity(QCustomPlot &plot, const BacktestReportData &data)
{
    timeAxis(plot);
    plot.addGraph()->setData(toVector(data.equityTime), toVector(data.equity), true);
    plot.graph(0)->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1.5));
    plot.graph(0)->setName(tr("Equity"));
    plot.yAxis->setLabel(tr("Equity"));
    plot.rescaleAxes();
}

void BacktestReport::plotDrawdown(QCustomPlot &plot, const BacktestReportData &data)
{
    // From the running peak, in percent.
    std::vector<double> drawdown;
    double peak = 0;
    for (const double e : data.equity) {
        peak = std::max(peak, e);
        drawdown.push_back(peak > 0 ? (e / peak - 1) * 100 : 0);
    }
    timeAxis(plot);
    QCPGraph *g = plot.addGraph();
    g->setData(toVector(data.equityTime), toVector(drawdown), true);
    g->setPen(QPen(QColor(0xd6, 0x27, 0x28)));
    g->setBrush(QColor(0xd6, 0x27, 0x28, 60));
    g->setName(tr("Drawdown"));
    plot.yAxis->setLabel(tr("Drawdown (%)"));
    plot.rescaleAxes();
}

void BacktestReport::plotDailyReturns(QCustomPlot &plot, const BacktestReportData &data)
{
    // A histogram in percent, 40 bins.
    auto *bars = new QCPBars(plot.xAxis, plot.yAxis);
    if (!data.dayReturn.empty()) {
        const auto [lo, hi] = std::minmax_element(data.dayReturn.begin(), data.dayReturn.end());
        const double low = *lo * 100, high = *hi * 100;
        const double width = high > low ? (high - low) / 40 : 1;
        QVector<double> centres, counts(40, 0);
        for (int i = 0; i < 40; ++i)
            centres.push_back(low + (i + 0.5) * width);
        for (const double r : data.dayReturn)
            counts[std::clamp(static_cast<int>((r * 100 - low) / width), 0, 39)] += 1;
        bars->setWidth(width);
        bars->setData(centres, counts);
    }
    bars->setBrush(QColor(0x2c, 0xa0, 0x2c, 160));
    plot.xAxis->setLabel(tr("Daily return (%)"));
    plot.yAxis->setLabel(tr("Days"));
    plot.rescaleAxes();
}

void BacktestReport::plotPriceAndFills(QCustomPlot &plot, const BacktestReportData &data)
{
    timeAxis(plot);
    plot.addGraph()->setData(toVector(data.priceTime), toVector(data.price), true);
    plot.graph(0)->setPen(QPen(Qt::darkGray));
    plot.graph(0)->setName(tr("Price"));
    for (const auto &[times, prices, colour, shape, name] :
         {std::tuple{&data.buyTime, &data.buyPrice, buyColour(), QCPScatterStyle::ssTriangle, tr("Buys")},
          std::tuple{&data.sellTime, &data.sellPrice, sellColour(), QCPScatterStyle::ssTriangleInverted,
                     tr("Sells")}}) {
        QCPGraph *g = plot.addGraph();
        g->setData(toVector(*times), toVector(*prices), true);
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(shape, colour, colour, 7));
        g->setName(name);
    }
    plot.yAxis->setLabel(tr("Price"));
    plot.rescaleAxes();
}

bool BacktestReport::plotHeatmap(QCustomPlot &plot, const OptimizationReportData &data)
{
    if (data.xName.isEmpty() || data.yName.isEmpty() || data.xValues.empty() || data.yValues.empty() ||
        data.z.size() != data.xValues.size() * data.yValues.size())
        return false;
    auto *map = new QCPColorMap(plot.xAxis, plot.yAxis);
    const int nx = static_cast<int>(data.xValues.size()), ny = static_cast<int>(data.yValues.size());
    map->data()->setSize(nx, ny);
    map->data()->setRange(QCPRange(data.xValues.front(), data.xValues.back()),
                          QCPRange(data.yValues.front(), data.yValues.back()));
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i)
            map->data()->setCell(i, j, data.z[static_cast<std::size_t>(j) * data.xValues.size() + i]);
    auto *scale = new QCPColorScale(&plot);
    plot.plotLayout()->addElement(0, 1, scale);
    scale->axis()->setLabel(data.objective);
    map->setColorScale(scale);
    map->setGradient(QCPColorGradient::gpThermal);
    map->setInterpolate(false); // one cell a grid point: nothing shown that was not evaluated
    map->rescaleDataRange(true);
    plot.xAxis->setLabel(data.xName);
    plot.yAxis->setLabel(data.yName);
    plot.rescaleAxes();
    // The values are the cells' centres: half a cell more on each side shows the edge cells whole.
    const auto widen = [](QCPAxis *axis, const std::vector<double> &values) {
        const double half = values.size() > 1 ? (values.back() - values.front()) / double(values.size() - 1) / 2 : 0.5;
        axis->setRange(values.front() - half, values.back() + half);
    };
    widen(plot.xAxis, data.xValues);
    widen(plot.yAxis, data.yValues);
    return true;
}

std::map<int, std::map<int, double>> BacktestReport::monthlyReturns(const BacktestReportData &data)
{
    std::map<int, std::map<int, double>> monthly; // year → month → growth, then return
    for (std::size_t i = 0; i < data.dayTime.size() && i < data.dayReturn.size(); ++i) {
        const QDate d = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(data.dayTime[i]), Qt::UTC).date();
        auto &growth = monthly[d.year()].try_emplace(d.month(), 1.0).first->second;
        growth *= 1 + data.dayReturn[i];
    }
    for (auto &[year, months] : monthly)
        for (auto &[month, growth] : months)
            growth -= 1;
    return monthly;
}

QString BacktestReport::write(const QString &folder, const BacktestReportData &data, QString *error)
{
    const auto failed = [&](const QString &why) { return failure(error, why); };
    if (!QDir().mkpath(folder))
        return failed(tr("cannot create the folder %1").arg(folder));
    const QDir dir(folder);
    for (const auto &[file, draw] : {std::pair{"equity.png", &BacktestReport::plotEquity},
                                     std::pair{"drawdown.png", &BacktestReport::plotDrawdown},
                                     std::pair{"returns.png", &BacktestReport::plotDailyReturns},
                                     std::pair{"price.png", &BacktestReport::plotPriceAndFills}}) {
        QCustomPlot plot;
        draw(plot, data);
        if (!save(plot, dir.filePath(QLatin1String(file))))
            return failed(tr("cannot write %1").arg(dir.filePath(QLatin1String(file))));
    }
    const std::map<int, std::map<int, double>> monthly = monthlyReturns(data);

    const QString path = dir.filePath(QStringLiteral("report.html"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return failed(tr("cannot write %1: %2").arg(path, file.errorString()));
    QTextStream html(&file);
    html << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" << escape(data.title)
         << "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
            "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}"
            "td.label{text-align:left}</style></head><body>\n";
    html << "<h1>" << escape(data.title) << "</h1>\n";
    html << "<h2>" << escape(tr("Parameters")) << "</h2>\n<table>\n";
    for (const auto &[name, value] : data.parameters)
        html << "<tr><td class=\"label\">" << escape(name) << "</td><td>" << escape(value) << "</td></tr>\n";
    html << "</table>\n<h2>" << escape(tr("Statistics")) << "</h2>\n<table>\n";
    for (const auto &[label, value] : data.statistics)
        html << "<tr><td class=\"label\">" << escape(label) << "</td><td>" << escape(value) << "</td></tr>\n";
    html << "</table>\n";
    for (const auto &[image, caption] :
         {std::pair{"equity.png", tr("Equity")}, std::pair{"drawdown.png", tr("Drawdown")},
          std::pair{"returns.png", tr("Daily returns")}, std::pair{"price.png", tr("Price and fills")}})
        html << "<h2>" << escape(caption) << "</h2>\n<img src=\"" << image << "\" alt=\"" << escape(caption)
             << "\" width=\"" << kWidth << "\">\n";
    html << "<h2>" << escape(tr("Monthly returns (%)")) << "</h2>\n<table>\n<tr><th>" << escape(tr("Year")) << "</th>";
    for (int m = 1; m <= 12; ++m)
        html << "<th>" << m << "</th>";
    html << "<th>" << escape(tr("Year")) << "</th></tr>\n";
    for (const auto &[year, months] : monthly) {
        html << "<tr><th>" << year << "</th>";
        double yearGrowth = 1;
        for (int m = 1; m <= 12; ++m) {
            const auto it = months.find(m);
            if (it == months.end()) {
                html << "<td></td>";
                continue;
            }
            yearGrowth *= 1 + it->second;
            html << "<td>" << QString::number(it->second * 100, 'f', 2) << "</td>";
        }
        html << "<td>" << QString::number((yearGrowth - 1) * 100, 'f', 2) << "</td></tr>\n";
    }
    html << "</table>\n</body></html>\n";
    html.flush();
    if (file.error() != QFile::NoError)
        return failed(tr("cannot write %1: %2").arg(path, file.errorString()));
    return path;
}

QString BacktestReport::writeOptimization(const QString &folder, const OptimizationReportData &data, QString *error)
{
    const auto failed = [&](const QString &why) { return failure(error, why); };
    if (!QDir().mkpath(folder))
        return failed(tr("cannot create the folder %1").arg(folder));
    const QDir dir(folder);
    const bool heatmap = !data.xName.isEmpty() && !data.yName.isEmpty() && !data.xValues.empty() &&
                         !data.yValues.empty() && data.z.size() == data.xValues.size() * data.yValues.size();
    if (heatmap) {
        QCustomPlot plot;
        plotHeatmap(plot, data);
        plot.resize(kWidth, 600);
        if (!plot.savePng(dir.filePath(QStringLiteral("heatmap.png")), kWidth, 600))
            return failed(tr("cannot write %1").arg(dir.filePath(QStringLiteral("heatmap.png"))));
    }
    const QString path = dir.filePath(QStringLiteral("optimization.html"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return failed(tr("cannot write %1: %2").arg(path, file.errorString()));
    QTextStream html(&file);
    html
        << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" << escape(data.title)
        << "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
           "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}</style></head><body>\n";
    html << "<h1>" << escape(data.title) << "</h1>\n";
    if (heatmap)
        html << "<h2>" << escape(tr("%1 over %2 and %3").arg(data.objective, data.xName, data.yName))
             << "</h2>\n<img src=\"heatmap.png\" width=\"" << kWidth << "\">\n";
    html << "<h2>" << escape(tr("Best results")) << "</h2>\n<table>\n<tr>";
    for (const QString &h : data.header)
        html << "<th>" << escape(h) << "</th>";
    html << "</tr>\n";
    for (const QStringList &row : data.rows) {
        html << "<tr>";
        for (const QString &cell : row)
            html << "<td>" << escape(cell) << "</td>";
        html << "</tr>\n";
    }
    html << "</table>\n</body></html>\n";
    html.flush();
    if (file.error() != QFile::NoError)
        return failed(tr("cannot write %1: %2").arg(path, file.errorString()));
    return path;
}

} // namespace meridian::ui
