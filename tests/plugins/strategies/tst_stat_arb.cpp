// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The built-in stat_arb plugin, loaded as a real library and run by StrategyRunner on hand-built bars and
// books; its market orders are filled at the sampled price. The z-scores it publishes are checked against a
// two-pass mean and population deviation of the same window, computed here.
#include "strategy/strategy_runner.h"
#include "support/recording_services.h"

#include <QtTest>

#include <cmath>
#include <deque>

using namespace meridian;
using namespace meridian::strategy;
using meridian::testing::RecordingServices;

namespace {

meridian_bar bar(std::int64_t minute, std::int64_t close)
{
    meridian_bar b{};
    b.struct_size = sizeof b;
    b.instrument = 1;
    b.open_time_ns = minute * 60'000'000'000;
    b.open = b.high = b.low = b.close = close;
    return b;
}

/// Two-pass z-score of the newest of values.
double zScore(const std::deque<double> &values)
{
    double mean = 0;
    for (const double v : values)
        mean += v;
    mean /= static_cast<double>(values.size());
    double variance = 0;
    for (const double v : values)
        variance += (v - mean) * (v - mean);
    const double sd = std::sqrt(variance / static_cast<double>(values.size()));
    return sd > 0 ? (values.back() - mean) / sd : 0;
}

struct Harness
{
    RecordingServices services;
    StrategyRunner runner{services};
    InstanceId id = 0;
    std::int64_t minute = 0;
    std::deque<double> window;
    std::size_t lookback = 0;

    bool start(const char *parameters, std::size_t n)
    {
        lookback = n;
        const auto added = runner.addInstance(STAT_ARB, parameters);
        if (!added)
            return false;
        id = *added;
        return static_cast<bool>(runner.start(id));
    }
    /// Feeds one bar; returns the z-score expected from the last lookback closes (0 before the window fills).
    double feed(std::int64_t close)
    {
        runner.onBar(bar(minute++, close));
        services.fillMarketOrders(runner, close);
        window.push_back(static_cast<double>(close));
        if (window.size() > lookback)
            window.pop_front();
        return window.size() == lookback ? zScore(window) : 0;
    }
    std::int64_t position() { return services.orderedPosition(id, 1); }
    double variable(const char *name) { return services.variables[{id, name}]; }
};

} // namespace

class TestStatArb : public QObject
{
    Q_OBJECT
private slots:
    void entersOnDeviationAndExitsOnReversion();
    void stopLossWaitsUntilTheDeviationCalms();
    void samplesTheBookAtMostOncePerInterval();
    void refusesThresholdsOutOfOrder();
};

void TestStatArb::entersOnDeviationAndExitsOnReversion()
{
    Harness h;
    QVERIFY(h.start(R"({"lookback": 5, "entry_threshold": 1.5, "exit_threshold": 0.5, "stop_loss": 0,
        "position_size": 4})",
                    5));
    for (const std::int64_t close : {100, 101, 100, 101, 100})
        h.feed(close);
    QCOMPARE(h.position(), 0);

    double z = h.feed(104); // z = 1.905: rich, so short
    QVERIFY(std::fabs(h.variable("zscore") - z) < 1e-9);
    QVERIFY(z > 1.5);
    QCOMPARE(h.position(), -4);
    QCOMPARE(h.variable("position"), -4.0);
    QCOMPARE(h.services.published.back().direction, -1);

    z = h.feed(103); // still away from the fair value: hold
    QVERIFY(std::fabs(z) > 0.5);
    QCOMPARE(h.services.orders.size(), std::size_t(1));

    z = h.feed(102); // back to the fair value (the window's mean is 102): flat
    QVERIFY(std::fabs(h.variable("zscore") - z) < 1e-9);
    QVERIFY(std::fabs(z) <= 0.5);
    QCOMPARE(h.position(), 0);
    QCOMPARE(h.services.orders.back().second.side, MERIDIAN_SIDE_BUY);
    QVERIFY(std::fabs(h.variable("fair_value") - 102.0) < 1e-9);
}

void TestStatArb::stopLossWaitsUntilTheDeviationCalms()
{
    Harness h;
    QVERIFY(h.start(R"({"lookback": 5, "entry_threshold": 1.2, "exit_threshold": 0.3, "stop_loss": 1.7,
        "position_size": 1})",
                    5));
    for (const std::int64_t close : {100, 101, 100, 101, 100})
        h.feed(close);
    QVERIFY(std::fabs(h.feed(102) - 1.604) < 1e-3); // entry
    QCOMPARE(h.position(), -1);
    QVERIFY(h.feed(106) >= 1.7); // it kept diverging: stopped out
    QCOMPARE(h.position(), 0);
    QCOMPARE(h.services.published.back().reason, std::string("stop loss: the deviation kept growing"));
    QVERIFY(h.feed(110) >= 1.2); // still beyond the entry threshold: stays out
    QCOMPARE(h.services.orders.size(), std::size_t(2));
    QVERIFY(std::fabs(h.feed(108)) < 1.2); // calmed down
    QCOMPARE(h.services.orders.size(), std::size_t(2));
    const double z = h.feed(97); // cheap (z = −1.64), within the stop: long
    QVERIFY(z <= -1.2 && z > -1.7);
    QCOMPARE(h.position(), 1);
}

void TestStatArb::samplesTheBookAtMostOncePerInterval()
{
    Harness h;
    QVERIFY(h.start(R"({"lookback": 3, "sample_ms": 1000})", 3));
    const auto book = [&](std::int64_t ms, std::int64_t bid, std::int64_t ask) {
        const meridian_level b{bid, 1}, a{ask, 1};
        meridian_book_view v{};
        v.struct_size = sizeof v;
        v.instrument = 1;
        v.bids = &b;
        v.bid_count = 1;
        v.asks = &a;
        v.ask_count = 1;
        h.services.now = ms * 1'000'000;
        h.runner.onBook(v);
    };
    book(0, 99, 101);
    QCOMPARE(h.variable("price"), 100.0);
    book(400, 103, 105); // within the interval: not sampled
    QCOMPARE(h.variable("price"), 100.0);
    book(1000, 104, 105);
    QCOMPARE(h.variable("price"), 104.5);
    book(1999, 90, 92);
    QCOMPARE(h.variable("price"), 104.5);
    book(2000, 90, 92);
    QCOMPARE(h.variable("price"), 91.0);
}

void TestStatArb::refusesThresholdsOutOfOrder()
{
    for (const char *parameters :
         {R"({"entry_threshold": 1.0, "exit_threshold": 1.5})", R"({"entry_threshold": 2.0, "stop_loss": 1.5})"}) {
        RecordingServices services;
        StrategyRunner runner(services);
        const auto id = runner.addInstance(STAT_ARB, parameters);
        QVERIFY(!id || !runner.start(*id));
        const std::string error = id ? runner.lastError(*id) : id.error().message;
        QVERIFY2(error.find("must be") != std::string::npos, error.c_str());
    }
}

QTEST_APPLESS_MAIN(TestStatArb)
#include "tst_stat_arb.moc"
