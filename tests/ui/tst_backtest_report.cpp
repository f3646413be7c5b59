// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The backtest report, rendered offscreen: four charts of the right size with something drawn on them, and
// the monthly table compounding the daily returns.
#include "report/backtest_report.h"

#include <QImage>

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace meridian::ui;

class TestBacktestReport : public QObject
{
    Q_OBJECT
private slots:
    void writesTheReportAndItsCharts();
    void refusesAFolderItCannotMake();
    void optimizationHeatmapAndTable();
};

void TestBacktestReport::writesTheReportAndItsCharts()
{
    BacktestReportData d;
    d.title = QStringLiteral("ma_cross on BTCUSDT");
    d.parameters = {{QStringLiteral("fast_period"), QStringLiteral("10")}};
    d.statistics = {{QStringLiteral("Sharpe ratio"), QStringLiteral("1.234")}};
    // January 2024: +1% then −1% a day for 30 days and one more +1%; February: +0.5% a day for 29 days.
    const double jan1 = 1704067200; // 2024-01-01T00:00:00Z
    double equity = 100'000, january = 1, february = 1;
    for (int i = 0; i < 60; ++i) {
        const double r = i < 31 ? (i % 2 == 0 ? 0.01 : -0.01) : 0.005;
        (i < 31 ? january : february) *= 1 + r;
        equity *= 1 + r;
        d.dayTime.push_back(jan1 + i * 86400.0);
        d.dayReturn.push_back(r);
        d.equityTime.push_back(jan1 + i * 86400.0);
        d.equity.push_back(equity);
        d.priceTime.push_back(jan1 + i * 86400.0);
        d.price.push_back(40000 + 100 * i);
    }
    d.buyTime = {jan1 + 86400};
    d.buyPrice = {40100};
    d.sellTime = {jan1 + 10 * 86400};
    d.sellPrice = {41000};

    QTemporaryDir dir;
    QString error;
    const QString path = BacktestReport::write(dir.filePath(QStringLiteral("report")), d, &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    for (const char *chart : {"equity.png", "drawdown.png", "returns.png", "price.png"}) {
        const QImage image(dir.filePath(QStringLiteral("report/%1").arg(QLatin1String(chart))));
        QVERIFY2(!image.isNull(), chart);
        QCOMPARE(image.size(), QSize(1000, 360));
        // Not blank: the plot drew more than one colour.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 3, chart);
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    QVERIFY(html.contains(QStringLiteral("ma_cross on BTCUSDT")));
    QVERIFY(html.contains(QStringLiteral("<td class=\"label\">Sharpe ratio</td><td>1.234</td>")));
    QVERIFY(html.contains(QStringLiteral("<th>2024</th>")));
    QVERIFY2(html.contains(QString::number((january - 1) * 100, 'f', 2)), qPrintable(html));
    QVERIFY(html.contains(QString::number((february - 1) * 100, 'f', 2)));
    QVERIFY(html.contains(QString::number((january * february - 1) * 100, 'f', 2))); // the year
}

void TestBacktestReport::refusesAFolderItCannotMake()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QString error;
    QVERIFY(BacktestReport::write(dir.filePath(QStringLiteral("file/report")), BacktestReportData{}, &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("file/report")));
}

void TestBacktestReport::optimizationHeatmapAndTable()
{
    OptimizationReportData d;
    d.title = QStringLiteral("Optimisation of ma_cross");
    d.objective = QStringLiteral("sharpe_ratio");
    d.xName = QStringLiteral("fast_period");
    d.yName = QStringLiteral("slow_period");
    d.xValues = {5, 10, 15};
    d.yValues = {20, 30};
    d.z = {0.1, 0.5, 0.9, -0.2, std::nan(""), 1.5}; // one point never evaluated
    d.header = {QStringLiteral("Parameters"), QStringLiteral("sharpe_ratio")};
    d.rows = {{QStringLiteral("{\"fast_period\":15,\"slow_period\":30}"), QStringLiteral("1.5")}};
    QTemporaryDir dir;
    QString error;
    const QString path = BacktestReport::writeOptimization(dir.path(), d, &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    const QImage heatmap(dir.filePath(QStringLiteral("heatmap.png")));
    QCOMPARE(heatmap.size(), QSize(1000, 600));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    QVERIFY(html.contains(QStringLiteral("heatmap.png")));
    QVERIFY(html.contains(QStringLiteral("<td>1.5</td>")));
    // Without two numeric parameters there is no heatmap, only the table.
    d.yName.clear();
    QTemporaryDir other;
    QVERIFY(!BacktestReport::writeOptimization(other.path(), d, &error).isEmpty());
    QVERIFY(!QFile::exists(other.filePath(QStringLiteral("heatmap.png"))));
}

QTEST_MAIN(TestBacktestReport)
#include "tst_backtest_report.moc"
