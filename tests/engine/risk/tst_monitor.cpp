// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Risk metrics and alerts: each fires at its threshold (not below it), once per level, and comes back to
// info when the metric falls; stop-loss and take-profit trigger once per position; a critical alert halts
// trading, and the alerts and the change are in the journal before they are reported, so the state
// survives a restart.
#include "risk/risk_store.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace meridian;
using namespace meridian::risk;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kT0 = 1'700'000'000LL * kSecond;

AccountSnapshot account(std::int64_t t, double equity, std::vector<PositionSnapshot> positions = {})
{
    return AccountSnapshot{t, equity, std::move(positions)};
}

PositionSnapshot holding(InstrumentId id, std::int64_t quantity, std::int64_t mark, double average = 0)
{
    return PositionSnapshot{id, quantity, average > 0 ? average : static_cast<double>(mark), mark, 1.0};
}

bool has(const std::vector<Alert> &alerts, Metric metric, AlertLevel level)
{
    for (const Alert &a : alerts)
        if (a.metric == metric && a.level == level)
            return true;
    return false;
}

} // namespace

class TestMonitor : public QObject
{
    Q_OBJECT
private slots:
    void drawdownAlertsAtItsThresholdsOnce();
    void exposureDailyLossAndConcentration();
    void stopLossAndTakeProfitTriggerOncePerPosition();
    void aCriticalAlertHaltsTradingAndIsJournalled();
};

void TestMonitor::drawdownAlertsAtItsThresholdsOnce()
{
    MonitorConfig config;           // drawdown: warning 20%, critical 30%
    config.dailyLoss = {0.9, 0.95}; // out of the way: every fall here is also the day's loss
    RiskMonitor monitor(config);
    QVERIFY(monitor.update(account(kT0, 100'000)).empty());
    QVERIFY(monitor.update(account(kT0 + 1, 120'000)).empty()); // a new peak
    QVERIFY(monitor.update(account(kT0 + 2, 96'001)).empty());  // 19.999%: below
    auto alerts = monitor.update(account(kT0 + 3, 96'000));     // 20.0%: warning
    QCOMPARE(alerts.size(), std::size_t(1));
    QCOMPARE(alerts[0].metric, Metric::Drawdown);
    QCOMPARE(alerts[0].level, AlertLevel::Warning);
    QCOMPARE(alerts[0].value, 0.2);
    QVERIFY2(alerts[0].message == "drawdown 20.0% is above 20.0%", alerts[0].message.c_str());
    QVERIFY(monitor.update(account(kT0 + 4, 95'000)).empty()); // still a warning: no repeat
    alerts = monitor.update(account(kT0 + 5, 84'000));         // 30%: critical
    QVERIFY(has(alerts, Metric::Drawdown, AlertLevel::Critical));
    QVERIFY(monitor.update(account(kT0 + 6, 90'000)).empty()); // 25%: lower, but not back to normal
    alerts = monitor.update(account(kT0 + 7, 100'000));        // 16.7%: back below the warning
    QVERIFY(has(alerts, Metric::Drawdown, AlertLevel::Info));
    QVERIFY(has(monitor.update(account(kT0 + 8, 90'000)), Metric::Drawdown, AlertLevel::Warning)); // armed again
    QCOMPARE(monitor.metrics().peakEquity, 120'000.0);
}

void TestMonitor::exposureDailyLossAndConcentration()
{
    MonitorConfig config;
    config.drawdown = {0.9, 0.95}; // out of the way
    RiskMonitor monitor(config);
    // 80,000 of BTC on 100,000: exposure 80% (warning); one position: no concentration.
    auto alerts = monitor.update(account(kT0, 100'000, {holding(1, 8, 10'000)}));
    QVERIFY(has(alerts, Metric::Exposure, AlertLevel::Warning));
    QCOMPARE(alerts.size(), std::size_t(1));
    // Add 20,000 of ETH: 100% (critical); BTC is 80% of the positions (critical concentration ≥ 75%).
    alerts = monitor.update(account(kT0 + 1, 100'000, {holding(1, 8, 10'000), holding(2, 10, 2'000)}));
    QVERIFY(has(alerts, Metric::Exposure, AlertLevel::Critical));
    QVERIFY(has(alerts, Metric::Concentration, AlertLevel::Critical));
    QCOMPARE(monitor.metrics().concentration, 0.8);
    // The day started at 100,000; 95,000 is a 5% daily loss (warning).
    alerts = monitor.update(account(kT0 + 2, 95'000, {holding(1, 8, 10'000), holding(2, 10, 2'000)}));
    QVERIFY(has(alerts, Metric::DailyLoss, AlertLevel::Warning));
    // The next UTC day starts from 95,000: no daily loss.
    monitor.update(account(kT0 + 86'400 * kSecond, 95'000, {}));
    QCOMPARE(monitor.metrics().startOfDayEquity, 95'000.0);
    QCOMPARE(monitor.metrics().dailyLoss, 0.0);
    // Equity at or below zero with positions: exposure is infinite, critical.
    RiskMonitor ruined(config);
    QVERIFY(has(ruined.update(account(kT0, -10, {holding(1, 1, 100)})), Metric::Exposure, AlertLevel::Critical));
}

void TestMonitor::stopLossAndTakeProfitTriggerOncePerPosition()
{
    MonitorConfig config;
    config.stopLoss = 0.05;
    config.takeProfit = 0.10;
    config.exposure = {100, 200};
    RiskMonitor monitor(config);
    QVERIFY(monitor.update(account(kT0, 1'000'000, {holding(1, 2, 9'600, 10'000)})).empty());  // −4%
    auto alerts = monitor.update(account(kT0 + 1, 1'000'000, {holding(1, 2, 9'500, 10'000)})); // −5%
    QVERIFY(has(alerts, Metric::StopLoss, AlertLevel::Warning));
    QCOMPARE(alerts.back().instrument, InstrumentId(1));
    QVERIFY(monitor.update(account(kT0 + 2, 1'000'000, {holding(1, 2, 9'000, 10'000)})).empty()); // once
    monitor.update(account(kT0 + 3, 1'000'000, {holding(1, 0, 9'000)}));                          // closed
    // A short gains when the price falls: 10% down is its take-profit.
    alerts = monitor.update(account(kT0 + 4, 1'000'000, {holding(1, -3, 9'000, 10'000)}));
    QVERIFY(has(alerts, Metric::TakeProfit, AlertLevel::Info));
    QVERIFY(!has(alerts, Metric::StopLoss, AlertLevel::Warning));
}

void TestMonitor::aCriticalAlertHaltsTradingAndIsJournalled()
{
    QTemporaryDir folder;
    const std::string path = folder.filePath(QStringLiteral("risk.sqlite")).toStdString();
    {
        auto db = store::Database::open(path);
        QVERIFY(db);
        MonitorConfig config;
        config.dailyLoss = {0.9, 0.95}; // only the drawdown speaks here
        RiskMonitor monitor(config);
        PreTradeRisk risk;
        auto outcome = watch(*db, monitor, risk, account(kT0, 100'000));
        QVERIFY(outcome && outcome->alerts.empty() && !outcome->change);
        outcome = watch(*db, monitor, risk, account(kT0 + 1, 75'000)); // 25% drawdown: warning only
        QVERIFY(outcome && outcome->alerts.size() == 1 && !outcome->change);
        QCOMPARE(risk.state(), TradingState::Active);
        outcome = watch(*db, monitor, risk, account(kT0 + 2, 65'000)); // 35% drawdown: critical
        QVERIFY2(outcome, outcome ? "" : outcome.error().message.c_str());
        QVERIFY(outcome->change);
        QCOMPARE(outcome->change->to, TradingState::Halted);
        QVERIFY2(outcome->change->reason.find("drawdown 35.0% is above 30.0%") != std::string::npos,
                 outcome->change->reason.c_str());
        QCOMPARE(risk.state(), TradingState::Halted);
        QVERIFY(!risk.submit(OrderIntent{"mm", 1, Side::Buy, false, 100, 1}, kT0 + 3));
        QVERIFY(risk.cancel("mm", kT0 + 3));
        // Acknowledging an alert takes it off the open list; twice is an error naming it.
        auto open = openAlerts(*db);
        QVERIFY(open && open->size() == 2); // the warning, then the critical alert
        QVERIFY(acknowledgeAlert(*db, open->front().id, kT0 + 4));
        const auto again = acknowledgeAlert(*db, open->front().id, kT0 + 5);
        QVERIFY(!again);
        QVERIFY(again.error().message.find("acknowledged already") != std::string::npos);
    }
    // After a restart the state and the unacknowledged alerts are what they were.
    auto db = store::Database::open(path);
    QVERIFY(db);
    QCOMPARE(*lastTradingState(*db), TradingState::Halted);
    const auto open = openAlerts(*db);
    QVERIFY(open);
    QCOMPARE(open->size(), std::size_t(1));
    QVERIFY(open->back().alert.level == AlertLevel::Critical);
    QCOMPARE(open->back().alert.metric, Metric::Drawdown);
    QCOMPARE(**db->queryInt64("SELECT count(*) FROM trading_state_log"), std::int64_t(1));
}

QTEST_GUILESS_MAIN(TestMonitor)
#include "tst_monitor.moc"
