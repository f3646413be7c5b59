// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "report/backtest_report.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTextStream>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <map>

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

QString escape(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString BacktestReport::write(const QString &folder, const BacktestReportData &data, QString *error)
{
    const auto failed = [&](const QString &why) {
        if (error)
            *error = why;
        return QString();
    };
    if (!QDir().mkpath(folder))
        return failed(tr("cannot create the folder %1").arg(folder));
    const QDir dir(folder);

    { // Equity.
        QCustomPlot plot;
        timeAxis(plot);
        plot.addGraph()->setData(toVector(data.equityTime), toVector(data.equity), true);
        plot.graph(0)->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1.5));
        plot.yAxis->setLabel(tr("Equity"));
        if (!save(plot, dir.filePath(QStringLiteral("equity.png"))))
            return failed(tr("cannot write %1").arg(dir.filePath(QStringLiteral("equity.png"))));
    }
    { // Drawdown from the running peak, in percent.
        std::vector<double> drawdown;
        double peak = 0;
        for (const double e : data.equity) {
            peak = std::max(peak, e);
            drawdown.push_back(peak > 0 ? (e / peak - 1) * 100 : 0);
        }
        QCustomPlot plot;
        timeAxis(plot);
        QCPGraph *g = plot.addGraph();
        g->setData(toVector(data.equityTime), toVector(drawdown), true);
        g->setPen(QPen(QColor(0xd6, 0x27, 0x28)));
        g->setBrush(QColor(0xd6, 0x27, 0x28, 60));
        plot.yAxis->setLabel(tr("Drawdown (%)"));
        if (!save(plot, dir.filePath(QStringLiteral("drawdown.png"))))
            return failed(tr("cannot write %1").arg(dir.filePath(QStringLiteral("drawdown.png"))));
    }
    { // Histogram of daily returns, in percent, 40 bins.
        QCustomPlot plot;
        QCPBars *bars = new QCPBars(plot.xAxis, plot.yAxis);
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
        if (!save(plot, dir.filePath(QStringLiteral("returns.png"))))
            return failed(tr("cannot write %1").arg(dir.filePath(QStringLiteral("returns.png"))));
    }
    { // Price with the fills.
        QCustomPlot plot;
        timeAxis(plot);
        plot.addGraph()->setData(toVector(data.priceTime), toVector(data.price), true);
        plot.graph(0)->setPen(QPen(Qt::darkGray));
        for (const auto &[times, prices, colour, shape] :
             {std::tuple{&data.buyTime, &data.buyPrice, QColor(0x2c, 0xa0, 0x2c), QCPScatterStyle::ssTriangle},
              std::tuple{&data.sellTime, &data.sellPrice, QColor(0xd6, 0x27, 0x28),
                         QCPScatterStyle::ssTriangleInverted}}) {
            QCPGraph *g = plot.addGraph();
            g->setData(toVector(*times), toVector(*prices), true);
            g->setLineStyle(QCPGraph::lsNone);
            g->setScatterStyle(QCPScatterStyle(shape, colour, colour, 7));
        }
        plot.yAxis->setLabel(tr("Price"));
        if (!save(plot, dir.filePath(QStringLiteral("price.png"))))
            return failed(tr("cannot write %1").arg(dir.filePath(QStringLiteral("price.png"))));
    }

    // Monthly returns: the daily returns compounded within each calendar month (UTC).
    std::map<int, std::map<int, double>> monthly; // year → month → growth
    for (std::size_t i = 0; i < data.dayTime.size() && i < data.dayReturn.size(); ++i) {
        const QDate d = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(data.dayTime[i]), Qt::UTC).date();
        auto &growth = monthly[d.year()].try_emplace(d.month(), 1.0).first->second;
        growth *= 1 + data.dayReturn[i];
    }

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
            yearGrowth *= it->second;
            html << "<td>" << QString::number((it->second - 1) * 100, 'f', 2) << "</td>";
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
    const auto failed = [&](const QString &why) {
        if (error)
            *error = why;
        return QString();
    };
    if (!QDir().mkpath(folder))
        return failed(tr("cannot create the folder %1").arg(folder));
    const QDir dir(folder);
    const bool heatmap = !data.xName.isEmpty() && !data.yName.isEmpty() && !data.xValues.empty() &&
                         !data.yValues.empty() && data.z.size() == data.xValues.size() * data.yValues.size();
    if (heatmap) {
        QCustomPlot plot;
        QCPColorMap *map = new QCPColorMap(plot.xAxis, plot.yAxis);
        const int nx = static_cast<int>(data.xValues.size()), ny = static_cast<int>(data.yValues.size());
        map->data()->setSize(nx, ny);
        map->data()->setRange(QCPRange(data.xValues.front(), data.xValues.back()),
                              QCPRange(data.yValues.front(), data.yValues.back()));
        for (int j = 0; j < ny; ++j)
            for (int i = 0; i < nx; ++i)
                map->data()->setCell(i, j, data.z[static_cast<std::size_t>(j) * data.xValues.size() + i]);
        QCPColorScale *scale = new QCPColorScale(&plot);
        plot.plotLayout()->addElement(0, 1, scale);
        scale->axis()->setLabel(data.objective);
        map->setColorScale(scale);
        map->setGradient(QCPColorGradient::gpThermal);
        map->setInterpolate(false); // one cell a grid point: nothing shown that was not evaluated
        map->rescaleDataRange(true);
        plot.xAxis->setLabel(data.xName);
        plot.yAxis->setLabel(data.yName);
        plot.rescaleAxes();
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
