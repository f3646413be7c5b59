// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Candles at every zoom: trades build base candles and every coarser level agrees with aggregating the base
// by hand; a level's range covers exactly the candles that overlap it; the chart never draws more than one
// candle per three pixels (it picks a coarser level when zoomed out, the base when zoomed in); the
// crosshair reads out the candle under it; it follows new data until the user pans away.
#include "core/rng.h"
#include "widgets/candle_series.h"
#include "widgets/price_chart.h"

#include <QMouseEvent>
#include <QtTest>

#include <qcustomplot.h>

#include <map>

using namespace meridian;
using namespace meridian::ui;

namespace {

constexpr std::int64_t kMinute = 60'000'000'000;
constexpr std::int64_t kT0 = 1'700'000'000LL * 1'000'000'000; // bars() starts at the week boundary before it

std::vector<Candle> bars(std::size_t n, std::uint64_t seed = 1)
{
    Rng rng(seed);
    std::vector<Candle> out;
    double price = 100;
    const std::int64_t start = kT0 - kT0 % (7 * 1440 * kMinute);
    for (std::size_t i = 0; i < n; ++i) {
        const double open = price;
        price *= std::exp(rng.normal(0, 0.001));
        out.push_back({start + static_cast<std::int64_t>(i) * kMinute, open, std::max(open, price) * 1.0005,
                       std::min(open, price) * 0.9995, price, static_cast<double>(rng.uniformInt(1, 100))});
    }
    return out;
}

} // namespace

class TestPriceChart : public QObject
{
    Q_OBJECT
private slots:
    void tradesBuildCandlesAtEveryLevel();
    void rangeAndLevelFor();
    void theChartDrawsAtMostOneCandlePerThreePixels();
    void crosshairAndFollowing();
};

void TestPriceChart::tradesBuildCandlesAtEveryLevel()
{
    CandleSeries s(kMinute);
    Rng rng(5);
    std::map<std::int64_t, Candle> hourly; // by hand
    std::int64_t t = 0;
    for (int i = 0; i < 20'000; ++i) {
        t += rng.uniformInt(1, 20) * 1'000'000'000;
        const double price = 100 + rng.uniformInt(-50, 50) * 0.01, quantity = 0.1 * rng.uniformInt(1, 9);
        s.addTrade(t, price, quantity);
        const std::int64_t hour = t - t % (60 * kMinute);
        auto [it, fresh] = hourly.try_emplace(hour, Candle{hour, price, price, price, price, 0});
        Candle &c = it->second;
        c.high = std::max(c.high, price);
        c.low = std::min(c.low, price);
        c.close = price;
        c.volume += quantity;
    }
    s.addTrade(t - 2 * kMinute, 1, 1); // out of order: refused and counted
    QCOMPARE(s.outOfOrder(), std::uint64_t(1));
    QCOMPARE(s.interval(3), 60 * kMinute);
    const auto level = s.all(3);
    QCOMPARE(level.size(), hourly.size());
    std::size_t i = 0;
    for (const auto &[hour, c] : hourly) {
        const Candle &got = level[i++];
        QCOMPARE(got.time, hour);
        QCOMPARE(got.open, c.open);
        QCOMPARE(got.high, c.high);
        QCOMPARE(got.low, c.low);
        QCOMPARE(got.close, c.close);
        QVERIFY(std::abs(got.volume - c.volume) < 1e-9);
    }
}

void TestPriceChart::rangeAndLevelFor()
{
    CandleSeries s(kMinute);
    s.setBars(bars(10'000));
    const auto base = s.all(0);
    const std::int64_t from = base[100].time + kMinute / 2, to = base[199].time + kMinute / 2;
    const auto r = s.range(0, from, to);
    QCOMPARE(r.size(), std::size_t(100)); // 100 .. 199: the first overlaps from, the last starts before to
    QCOMPARE(r.front().time, base[100].time);
    QCOMPARE(r.back().time, base[199].time);
    QCOMPARE(s.levelFor(base.front().time, base.back().time, 100'000), std::size_t(0));
    const std::size_t coarse = s.levelFor(base.front().time, base.back().time, 500);
    QVERIFY(coarse > 0);
    QVERIFY(s.range(coarse, base.front().time, base.back().time).size() <= 500);
    QVERIFY(s.range(coarse - 1, base.front().time, base.back().time).size() > 500);
}

void TestPriceChart::theChartDrawsAtMostOneCandlePerThreePixels()
{
    PriceChart chart;
    chart.resize(900, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.series().setBars(bars(200'000));
    chart.fitAll();
    const double width = chart.plot()->axisRect()->width();
    QVERIFY(chart.visibleCandles() > 0);
    QVERIFY2(chart.visibleCandles() <= width / 3 + 1, qPrintable(QString::number(chart.visibleCandles())));
    QVERIFY(chart.visibleInterval() > kMinute);
    // Zoomed in to two hours: one-minute candles.
    const auto base = chart.series().all(0);
    chart.setRange(base[1000].time, base[1120].time);
    QCOMPARE(chart.visibleInterval(), kMinute);
    QVERIFY(chart.visibleCandles() >= 119 && chart.visibleCandles() <= 122);
    chart.redraw();
    if (const QByteArray out = qgetenv("MERIDIAN_SCREENSHOT_DIR"); !out.isEmpty())
        chart.grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/chart.png"));
}

void TestPriceChart::crosshairAndFollowing()
{
    PriceChart chart;
    chart.resize(900, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    auto data = bars(500);
    chart.series().setBars(data);
    chart.setRange(data[400].time, data[499].time + kMinute); // the newest in sight: following
    chart.redraw();
    QCPAxis *x = chart.plot()->xAxis;
    const double key = (static_cast<double>(data[450].time) + kMinute / 2.0) / 1e9;
    const QPoint at(static_cast<int>(x->coordToPixel(key)), chart.plot()->axisRect()->center().y());
    QMouseEvent move(QEvent::MouseMove, at, chart.plot()->mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(chart.plot(), &move);
    const QString readout = chart.readout();
    QVERIFY2(readout.contains(QLocale().toString(data[450].open, 'f', 2)), qPrintable(readout));
    QVERIFY(readout.contains(QLocale().toString(data[450].close, 'f', 2)));

    // New data moves the view while it shows the newest candle…
    const double rightBefore = x->range().upper;
    chart.series().addTrade(data.back().time + 10 * kMinute, 101, 1);
    chart.redraw();
    QVERIFY(x->range().upper > rightBefore);
    // …and not once the user has panned back.
    chart.setRange(data[100].time, data[200].time);
    chart.series().addTrade(data.back().time + 20 * kMinute, 101, 1);
    chart.redraw();
    QCOMPARE(x->range().upper, static_cast<double>(data[200].time) / 1e9);
}

QTEST_MAIN(TestPriceChart)
#include "tst_price_chart.moc"
