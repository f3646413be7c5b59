// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Every pre-trade rule refuses what it should, naming itself and the numbers, and lets through what it
// should (the order at the limit passes, the one past it does not); switched off it lets everything
// through; the trading states: HALTED refuses orders and accepts cancels, REDUCING takes only reducing orders.
#include "risk/pre_trade.h"

#include <QtTest>

using namespace meridian;
using namespace meridian::risk;

namespace {

constexpr InstrumentId kBtc = 1, kEth = 2;
constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kT0 = 1'700'000'000LL * kSecond; // 2023-11-14T22:13:20Z

OrderIntent buy(std::int64_t quantity, std::int64_t price = 30'000, InstrumentId instrument = kBtc,
                std::string strategy = "mm")
{
    return OrderIntent{std::move(strategy), instrument, Side::Buy, false, price, quantity};
}

OrderIntent sell(std::int64_t quantity, std::int64_t price = 30'000, InstrumentId instrument = kBtc,
                 std::string strategy = "mm")
{
    return OrderIntent{std::move(strategy), instrument, Side::Sell, false, price, quantity};
}

bool refusedBy(const RiskDecision &d, Rule rule)
{
    return !d.accepted && d.rule == rule && d.reason.find(ruleName(rule)) == 0;
}

/// A risk engine whose BTC reference is 30,000 ticks of 1 (value 1 per tick and lot).
PreTradeRisk withReference(RiskLimits limits)
{
    PreTradeRisk risk(std::move(limits));
    risk.setReference(kBtc, 30'000, 1.0);
    risk.setReference(kEth, 2'000, 1.0);
    return risk;
}

} // namespace

class TestPreTrade : public QObject
{
    Q_OBJECT
private slots:
    void positionLimit();
    void totalPositionLimit();
    void orderSizeAndNotional();
    void priceBand();
    void orderRates();
    void cancelRate();
    void duplicateOrders();
    void dailyLoss();
    void strategyQuotas();
    void switchedOffRulesLetEverythingThrough();
    void haltedRefusesOrdersAcceptsCancels();
    void reducingTakesOnlyReducingOrders();
};

void TestPreTrade::positionLimit()
{
    RiskLimits limits;
    limits.maxPosition = 10;
    PreTradeRisk risk = withReference(limits);
    QVERIFY(risk.submit(buy(10), kT0));
    risk.onFill("mm", kBtc, Side::Buy, 10);
    const RiskDecision d = risk.submit(buy(1), kT0 + 1);
    QVERIFY(refusedBy(d, Rule::PositionLimit));
    QVERIFY2(d.reason.find("would be 11 lots, limit 10") != std::string::npos, d.reason.c_str());
    QVERIFY(refusedBy(risk.submit(sell(21), kT0 + 2), Rule::PositionLimit)); // through flat to −11
    QVERIFY(risk.submit(sell(20), kT0 + 3));                                 // to −10: at the limit
    QVERIFY(!risk.submit(buy(0), kT0 + 4));                                  // malformed
    QCOMPARE(risk.counters(Rule::PositionLimit).refused, std::uint64_t(2));
}

void TestPreTrade::totalPositionLimit()
{
    RiskLimits limits;
    limits.maxTotalNotional = 100'000;
    PreTradeRisk risk = withReference(limits);
    risk.onFill("mm", kEth, Side::Buy, 20); // 40,000 of ETH
    QVERIFY(risk.submit(buy(2), kT0));      // + 60,000 of BTC: 100,000, at the limit
    const RiskDecision d = risk.submit(buy(3), kT0 + 1);
    QVERIFY(refusedBy(d, Rule::TotalPositionLimit));
    QVERIFY2(d.reason.find("130000.00, limit 100000.00") != std::string::npos, d.reason.c_str());
}

void TestPreTrade::orderSizeAndNotional()
{
    RiskLimits limits;
    limits.maxOrderQuantity = 5;
    limits.maxOrderNotional = 120'000;
    PreTradeRisk risk = withReference(limits);
    QVERIFY(risk.submit(buy(4), kT0));
    QVERIFY(refusedBy(risk.submit(buy(6), kT0 + 1), Rule::OrderSize));
    const RiskDecision d = risk.submit(buy(5, 30'000), kT0 + 2); // 150,000
    QVERIFY(refusedBy(d, Rule::OrderNotional));
    QVERIFY2(d.reason.find("notional 150000.00, limit 120000.00") != std::string::npos, d.reason.c_str());
    // A market order is valued at the reference; without one it cannot be valued.
    OrderIntent market = buy(4);
    market.market = true;
    QVERIFY(risk.submit(market, kT0 + 3));
    market.instrument = 99;
    QVERIFY(refusedBy(risk.submit(market, kT0 + 4), Rule::OrderNotional));
}

void TestPreTrade::priceBand()
{
    RiskLimits limits;
    limits.priceBand = 0.05;
    PreTradeRisk risk = withReference(limits);
    QVERIFY(risk.submit(buy(1, 31'500), kT0)); // exactly 5% away
    const RiskDecision d = risk.submit(buy(1, 33'000), kT0 + 1);
    QVERIFY(refusedBy(d, Rule::PriceBand));
    QVERIFY2(d.reason.find("10.00% from the reference 30000, band 5.00%") != std::string::npos, d.reason.c_str());
    QVERIFY(refusedBy(risk.submit(sell(1, 27'000), kT0 + 2), Rule::PriceBand));
    QVERIFY(refusedBy(risk.submit(buy(1, 100, 99), kT0 + 3), Rule::PriceBand)); // no reference
}

void TestPreTrade::orderRates()
{
    RiskLimits limits;
    limits.maxOrdersPerSecond = 3;
    limits.maxOrdersPerDay = 5;
    PreTradeRisk risk = withReference(limits);
    for (int i = 0; i < 3; ++i)
        QVERIFY(risk.submit(buy(1), kT0 + i));
    const RiskDecision d = risk.submit(buy(1), kT0 + kSecond / 2);
    QVERIFY(refusedBy(d, Rule::OrderRateSecond));
    QVERIFY2(d.reason.find("3 orders in the last second, limit 3") != std::string::npos, d.reason.c_str());
    QVERIFY(risk.submit(buy(1), kT0 + kSecond)); // the first has left the window
    QVERIFY(risk.submit(buy(1), kT0 + 3 * kSecond));
    QVERIFY(refusedBy(risk.submit(buy(1), kT0 + 5 * kSecond), Rule::OrderRateDay));
    // A new UTC day starts the count again.
    QVERIFY(risk.submit(buy(1), kT0 + 86'400 * kSecond));
}

void TestPreTrade::cancelRate()
{
    RiskLimits limits;
    limits.maxCancelsPerSecond = 2;
    PreTradeRisk risk = withReference(limits);
    QVERIFY(risk.cancel("mm", kT0));
    QVERIFY(risk.cancel("mm", kT0 + 1));
    QVERIFY(refusedBy(risk.cancel("mm", kT0 + 2), Rule::CancelRate));
    QVERIFY(risk.cancel("mm", kT0 + kSecond + 1));
}

void TestPreTrade::duplicateOrders()
{
    RiskLimits limits;
    limits.duplicateWindowNs = 500'000'000; // 500 ms
    PreTradeRisk risk = withReference(limits);
    QVERIFY(risk.submit(buy(2), kT0));
    const RiskDecision d = risk.submit(buy(2), kT0 + 100'000'000);
    QVERIFY(refusedBy(d, Rule::DuplicateOrder));
    QVERIFY2(d.reason.find("accepted 100 ms ago") != std::string::npos, d.reason.c_str());
    QVERIFY(risk.submit(buy(3), kT0 + 100'000'001));                        // another quantity
    QVERIFY(risk.submit(buy(2, 30'000, kBtc, "other"), kT0 + 100'000'002)); // another strategy
    QVERIFY(risk.submit(buy(2), kT0 + 500'000'000));                        // out of the window
}

void TestPreTrade::dailyLoss()
{
    RiskLimits limits;
    limits.maxDailyLoss = 5'000;
    PreTradeRisk risk = withReference(limits);
    risk.setEquity(100'000, kT0);
    risk.onFill("mm", kBtc, Side::Buy, 3);
    risk.setEquity(95'001, kT0 + 1);
    QVERIFY(risk.submit(buy(1), kT0 + 2));
    risk.setEquity(95'000, kT0 + 3);
    const RiskDecision d = risk.submit(buy(1), kT0 + 4);
    QVERIFY(refusedBy(d, Rule::DailyLoss));
    QVERIFY2(d.reason.find("loss is 5000.00, limit 5000.00") != std::string::npos, d.reason.c_str());
    QVERIFY(risk.submit(sell(2), kT0 + 5)); // reducing is still allowed
    // The next UTC day starts from the equity it opens with.
    risk.setEquity(95'000, kT0 + 86'400 * kSecond);
    QCOMPARE(risk.startOfDayEquity(), 95'000.0);
    QVERIFY(risk.submit(buy(1), kT0 + 86'400 * kSecond + 1));
}

void TestPreTrade::strategyQuotas()
{
    RiskLimits limits;
    limits.strategies["mm"] = StrategyQuota{4, 3};
    PreTradeRisk risk = withReference(limits);
    risk.onFill("mm", kBtc, Side::Buy, 4);
    risk.onFill("arb", kBtc, Side::Sell, 4); // the account is flat, the strategy is not
    const RiskDecision d = risk.submit(buy(1), kT0);
    QVERIFY(refusedBy(d, Rule::StrategyPosition));
    QVERIFY2(d.reason.find("strategy mm would hold 5 lots") != std::string::npos, d.reason.c_str());
    QVERIFY(risk.submit(buy(1, 30'000, kBtc, "arb"), kT0)); // no quota for arb
    QVERIFY(risk.submit(sell(1), kT0 + 1));
    QVERIFY(risk.submit(sell(1, 29'999), kT0 + 2));
    QVERIFY(risk.submit(sell(1, 29'998), kT0 + 3));
    const RiskDecision quota = risk.submit(sell(1, 29'997), kT0 + 4);
    QVERIFY(refusedBy(quota, Rule::StrategyOrders));
    QVERIFY2(quota.reason.find("sent 3 orders today, quota 3") != std::string::npos, quota.reason.c_str());
}

void TestPreTrade::switchedOffRulesLetEverythingThrough()
{
    RiskLimits limits;
    limits.maxOrderQuantity = 1;
    limits.priceBand = 0.01;
    PreTradeRisk risk = withReference(limits);
    QVERIFY(!risk.submit(buy(5, 40'000), kT0));
    risk.setEnabled(Rule::OrderSize, false);
    risk.setEnabled(Rule::PriceBand, false);
    QVERIFY(risk.submit(buy(5, 40'000), kT0 + 1));
    QVERIFY(!risk.counters(Rule::OrderSize).enabled);
    QCOMPARE(risk.counters(Rule::OrderSize).checked, std::uint64_t(1)); // only while it was on
    QCOMPARE(ruleFromName("price_band"), std::optional<Rule>(Rule::PriceBand));
    QVERIFY(!ruleFromName("no_such_rule"));
}

void TestPreTrade::haltedRefusesOrdersAcceptsCancels()
{
    RiskLimits limits;
    limits.maxCancelsPerSecond = 1;
    PreTradeRisk risk = withReference(limits);
    risk.onFill("mm", kBtc, Side::Buy, 2);
    const auto change = risk.setState(TradingState::Halted, "kill switch", kT0);
    QVERIFY(change);
    QCOMPARE(change->from, TradingState::Active);
    QCOMPARE(change->to, TradingState::Halted);
    QVERIFY(!risk.setState(TradingState::Halted, "again", kT0)); // no change, nothing to log
    const RiskDecision d = risk.submit(buy(1), kT0 + 1);
    QCOMPARE(d.rule, Rule::TradingState);
    QVERIFY(d.reason.find("HALTED") != std::string::npos);
    QVERIFY(!risk.submit(sell(1), kT0 + 2)); // not even a reduction
    for (int i = 0; i < 5; ++i)
        QVERIFY(risk.cancel("mm", kT0 + 3 + i)); // cancels always pass, whatever the cancel rate
}

void TestPreTrade::reducingTakesOnlyReducingOrders()
{
    PreTradeRisk risk = withReference({});
    risk.onFill("mm", kBtc, Side::Buy, 5);
    QVERIFY(risk.setState(TradingState::Reducing, "drawdown", kT0));
    QVERIFY(risk.submit(sell(3), kT0));
    QVERIFY(risk.submit(sell(5), kT0 + 1));              // to flat
    QVERIFY(!risk.submit(sell(6), kT0 + 2));             // through flat: a new short
    QVERIFY(!risk.submit(buy(1), kT0 + 3));              // adds
    QVERIFY(!risk.submit(buy(1, 2'000, kEth), kT0 + 4)); // no ETH position to reduce
    QVERIFY(risk.setState(TradingState::Active, "cleared", kT0 + 5));
    QVERIFY(risk.submit(buy(1), kT0 + 6));
}

QTEST_APPLESS_MAIN(TestPreTrade)
#include "tst_pre_trade.moc"
