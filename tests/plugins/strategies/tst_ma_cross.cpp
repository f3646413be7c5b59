// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The built-in ma_cross plugin, loaded as a real library and run by StrategyRunner on hand-built bars; its
// market orders are filled at the bar's close.
#include "strategy/strategy_runner.h"
#include "support/recording_services.h"

#include <QtTest>

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
    b.duration_ns = 60'000'000'000;
    b.open = b.high = b.low = b.close = close;
    b.volume = 10;
    return b;
}

/// Feeds closes one bar a minute from minute `from` on, filling market orders at each close.
void feed(StrategyRunner &runner, RecordingServices &services, std::int64_t &minute,
          std::initializer_list<std::int64_t> closes)
{
    for (const std::int64_t close : closes) {
        runner.onBar(bar(minute++, close));
        services.fillMarketOrders(runner, close);
    }
}

} // namespace

class TestMaCross : public QObject
{
    Q_OBJECT
private slots:
    void followsCrossesLongThenShort();
    void stopLossClosesAndWaitsForTheNextCross();
    void takeProfitCloses();
    void fastMustBeShorterThanSlow();
};

void TestMaCross::followsCrossesLongThenShort()
{
    RecordingServices services;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(
        MA_CROSS, R"({"fast_period": 2, "slow_period": 4, "order_size": 3, "stop_loss": 0, "take_profit": 0})");
    QVERIFY2(id, id ? "" : id.error().message.c_str());
    QVERIFY(runner.start(*id));

    std::int64_t minute = 0;
    // Falling: the fast SMA stays below the slow one once both are ready; no cross, no order.
    feed(runner, services, minute, {110, 108, 106, 104, 102});
    QVERIFY(services.orders.empty());
    // Turning up: at 108 both averages are 105 (no regime change); at 114 SMA2 = 111 > SMA4 = 107, a cross.
    feed(runner, services, minute, {108, 114});
    QCOMPARE(services.orders.size(), std::size_t(1));
    QCOMPARE(services.orders[0].second.side, MERIDIAN_SIDE_BUY);
    QCOMPARE(services.orders[0].second.type, MERIDIAN_ORDER_MARKET);
    QCOMPARE(services.orders[0].second.quantity, 3);
    QCOMPARE((services.variables[{*id, "position"}]), 3.0);
    QCOMPARE((services.variables[{*id, "entry_price"}]), 114.0);
    QCOMPARE(services.published.size(), std::size_t(1));
    QCOMPARE(services.published[0].direction, 1);

    // Still rising: no new order.
    feed(runner, services, minute, {116, 118});
    QCOMPARE(services.orders.size(), std::size_t(1));
    // Falling hard: the fast average crosses below; from +3 to −3 is one sell of 6.
    feed(runner, services, minute, {100, 90});
    QCOMPARE(services.orders.size(), std::size_t(2));
    QCOMPARE(services.orders[1].second.side, MERIDIAN_SIDE_SELL);
    QCOMPARE(services.orders[1].second.quantity, 6);
    QCOMPARE((services.variables[{*id, "position"}]), -3.0);
    QCOMPARE(services.published.back().direction, -1);
    QCOMPARE(runner.state(*id), InstanceState::Running);
}

void TestMaCross::stopLossClosesAndWaitsForTheNextCross()
{
    RecordingServices services;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(MA_CROSS, R"({"fast_period": 2, "slow_period": 5, "order_size": 1,
        "allow_short": false, "stop_loss": 0.05, "take_profit": 0})");
    QVERIFY(id);
    QVERIFY(runner.start(*id));
    std::int64_t minute = 0;
    feed(runner, services, minute, {100, 99, 98, 97, 96, 110}); // SMA2 103 > SMA5 100 after a down regime
    QCOMPARE(services.orderedPosition(*id, 1), 1);
    QCOMPARE((services.variables[{*id, "entry_price"}]), 110.0);

    feed(runner, services, minute, {106}); // −3.6%, and SMA2 108 > SMA5 101.4: hold
    QCOMPARE(services.orders.size(), std::size_t(1));
    feed(runner, services, minute, {104}); // 104 ≤ 110 × 0.95 = 104.5 with SMA2 still above: stopped out
    QCOMPARE(services.orders.size(), std::size_t(2));
    QCOMPARE(services.orderedPosition(*id, 1), 0);
    QCOMPARE((services.variables[{*id, "position"}]), 0.0);

    // No re-entry while the fast average is still above: only a new cross re-enters.
    feed(runner, services, minute, {120, 121});
    QCOMPARE(services.orders.size(), std::size_t(2));
    feed(runner, services, minute, {60, 50, 130}); // a cross down: flat already (no shorts)
    QCOMPARE(services.orders.size(), std::size_t(2));
    feed(runner, services, minute, {140}); // SMA2 135 > SMA5 100.2: a cross up again
    QCOMPARE(services.orders.size(), std::size_t(3));
    QCOMPARE(services.orderedPosition(*id, 1), 1);
}

void TestMaCross::takeProfitCloses()
{
    RecordingServices services;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(MA_CROSS, R"({"fast_period": 2, "slow_period": 3, "order_size": 2,
        "stop_loss": 0, "take_profit": 0.1})");
    QVERIFY(id);
    QVERIFY(runner.start(*id));
    std::int64_t minute = 0;
    feed(runner, services, minute, {100, 99, 98, 104});
    QCOMPARE(services.orderedPosition(*id, 1), 2);
    feed(runner, services, minute, {110, 114}); // 114 < 104 × 1.1 = 114.4
    QCOMPARE(services.orders.size(), std::size_t(1));
    feed(runner, services, minute, {115}); // ≥ 114.4: take the profit
    QCOMPARE(services.orderedPosition(*id, 1), 0);
    QCOMPARE(services.orders.back().second.side, MERIDIAN_SIDE_SELL);
}

void TestMaCross::fastMustBeShorterThanSlow()
{
    RecordingServices services;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(MA_CROSS, R"({"fast_period": 30, "slow_period": 10})");
    QVERIFY(!id || !runner.start(*id));
    const std::string error = id ? runner.lastError(*id) : id.error().message;
    QVERIFY2(error.find("fast_period (30) must be shorter than slow_period (10)") != std::string::npos, error.c_str());
}

QTEST_APPLESS_MAIN(TestMaCross)
#include "tst_ma_cross.moc"
