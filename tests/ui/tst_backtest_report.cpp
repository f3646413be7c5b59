// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The backtest report, rendered offscreen: four charts of the right size with something drawn on them, and
// the monthly table compounding the daily returns.
#include "report/backtest_report.h"

#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace meridian::ui;

class TestBacktestReport : public QObject
{
    Q_OBJECT
private slots:
    void writesTheReportAndItsCharts();
    void refusesAFolderItCannotMake();
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

QTEST_MAIN(TestBacktestReport)
#include "tst_backtest_report.moc"
