// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// TWAP and iceberg against the simulated venue through the OMS: TWAP sends each slice on schedule, rolls the
// unfilled part of a slice into the next, never runs ahead of its schedule nor beyond its quantity, and stops
// at its end time; an iceberg never shows more than its display and refills until the quantity is done;
// a rejected child fails the algorithm with the reason; cancel cancels the open child; bad parameters are
// refused by name. Every child is an ordinary journalled order named after its parent.
#include "oms/exec_algo.h"
#include "oms/sim_venue.h"

#include <QtTest>

using namespace meridian;
using namespace meridian::oms;

namespace {

constexpr std::int64_t kT0 = 1'700'000'000'000'000'000;
constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kPrice = 3'000'000;

Instrument bitcoin()
{
    InstrumentSpec spec;
    spec.id = 1;
    spec.symbol = "BTCUSDT";
    spec.venue = "SIM";
    spec.tickSize = Decimal(1, 2);
    spec.lotSize = Decimal(1, 3);
    return *Instrument::create(spec);
}

AlgoSpec buying(std::string id, std::int64_t quantity, std::int64_t limit = kPrice)
{
    AlgoSpec s;
    s.id = std::move(id);
    s.strategy = "exec";
    s.instrument = bitcoin();
    s.side = Side::Buy;
    s.quantity = quantity;
    s.limitPrice = limit;
    return s;
}

struct Fixture
{
    Fixture() : db(*store::Database::openInMemory()), venue(std::move(*SimulatedVenue::open("SIM", &db))) {}
    explicit Fixture(risk::RiskLimits limits) : Fixture() { risk.setLimits(std::move(limits)); }
    store::Database db;
    std::unique_ptr<SimulatedVenue> venue;
    SimulatedClock clock{Timestamp::fromNanoseconds(kT0)};
    risk::PreTradeRisk risk;
    OrderManager oms{db, *venue, clock, &risk};
    AlgoEngine algos{oms};

    void at(std::int64_t offset)
    {
        clock.advanceTo(Timestamp::fromNanoseconds(kT0 + offset));
        algos.poll(kT0 + offset);
    }
    void sell(std::int64_t quantity, std::int64_t price = kPrice)
    {
        venue->addLiquidity(bitcoin(), Side::Sell, price, quantity, clock.now().nanoseconds());
    }
    std::int64_t childQuantity(const std::string &id) const { return oms.find(id)->spec.quantity; }
    std::int64_t shown() const
    {
        std::int64_t total = 0;
        for (const Order &o : oms.openOrders())
            total += o.spec.quantity - o.filled;
        return total;
    }
};

} // namespace

class TestExecAlgo : public QObject
{
    Q_OBJECT
private slots:
    void twapSlicesOnScheduleAndRollsOver();
    void twapNeverExceedsItsQuantity();
    void twapStopsAtItsEndTime();
    void icebergShowsOnlyItsDisplay();
    void aRejectedChildFailsTheAlgorithm();
    void cancelCancelsTheOpenChild();
    void refusesBadParameters();
};

void TestExecAlgo::twapSlicesOnScheduleAndRollsOver()
{
    Fixture f;
    auto made = twap(f.oms, buying("twap-1", 10), kT0 + 10 * kSecond, 50 * kSecond, 5);
    QVERIFY(made);
    ExecAlgo &algo = f.algos.add(std::move(*made));
    f.at(0);
    QVERIFY(algo.children().empty()); // not started yet
    f.at(10 * kSecond);
    QCOMPARE(algo.children(), std::vector<std::string>{"twap-1.1"});
    QCOMPARE(f.childQuantity("twap-1.1"), std::int64_t(2));
    f.sell(1); // half of the first slice fills
    QCOMPARE(algo.filled(), std::int64_t(1));
    f.at(15 * kSecond); // between slices: nothing new
    QCOMPARE(algo.children().size(), std::size_t(1));
    f.at(20 * kSecond);
    // The first child is cancelled and its unfilled lot joins the second slice: 4 due − 1 filled = 3.
    QCOMPARE(f.oms.find("twap-1.1")->status, OrderStatus::Cancelled);
    QCOMPARE(f.childQuantity("twap-1.2"), std::int64_t(3));
    f.sell(100); // plenty: the child fills, the rest rests on the book
    QCOMPARE(algo.filled(), std::int64_t(4));
    for (int slice = 3; slice <= 5; ++slice) {
        f.at((10 + 10 * (slice - 1)) * kSecond);
        QCOMPARE(f.childQuantity("twap-1." + std::to_string(slice)), std::int64_t(2));
        QCOMPARE(algo.filled(), std::int64_t(2 * slice)); // resting asks fill each slice at once
    }
    f.at(55 * kSecond);
    QCOMPARE(algo.state(), AlgoState::Done);
    QCOMPARE(algo.filled(), std::int64_t(10));
    QCOMPARE(f.db.queryInt64("SELECT COUNT(*) FROM orders WHERE client_order_id LIKE 'twap-1.%'")->value_or(0),
             std::int64_t(5));
}

void TestExecAlgo::twapNeverExceedsItsQuantity()
{
    Fixture f;
    f.sell(1000);
    auto made = twap(f.oms, buying("twap-2", 7, 0), kT0, 30 * kSecond, 3); // market children
    QVERIFY(made);
    ExecAlgo &algo = f.algos.add(std::move(*made));
    std::int64_t previous = 0;
    for (std::int64_t t = 0; t <= 40; ++t) {
        f.at(t * kSecond);
        QVERIFY(algo.filled() >= previous);
        QVERIFY(algo.filled() <= 7);
        // Never ahead of the schedule: 3 lots by the first slice, 5 by the second, 7 by the third.
        const std::int64_t due = t < 10 ? 3 : t < 20 ? 5 : 7;
        QVERIFY2(algo.filled() <= due, qPrintable(QString::number(t)));
        previous = algo.filled();
    }
    QCOMPARE(algo.filled(), std::int64_t(7));
    QCOMPARE(algo.state(), AlgoState::Done);
    QCOMPARE(algo.children().size(), std::size_t(3));
}

void TestExecAlgo::twapStopsAtItsEndTime()
{
    Fixture f;
    auto made = twap(f.oms, buying("twap-3", 6), kT0, 30 * kSecond, 3);
    QVERIFY(made);
    ExecAlgo &algo = f.algos.add(std::move(*made));
    f.at(0);
    f.sell(1);
    f.at(10 * kSecond);
    f.at(20 * kSecond);
    QCOMPARE(f.shown(), std::int64_t(5)); // nothing else filled: the last child asks for all that is left
    f.at(30 * kSecond);
    QCOMPARE(algo.state(), AlgoState::Done);
    QCOMPARE(algo.filled(), std::int64_t(1));
    QCOMPARE(f.shown(), std::int64_t(0)); // the open child was cancelled
}

void TestExecAlgo::icebergShowsOnlyItsDisplay()
{
    Fixture f;
    auto made = iceberg(f.oms, buying("ice-1", 10), 3);
    QVERIFY(made);
    ExecAlgo &algo = f.algos.add(std::move(*made));
    const std::int64_t sells[] = {3, 5, 1, 4, 2, 6};
    std::int64_t t = 0;
    f.at(t);
    for (const std::int64_t quantity : sells) {
        QVERIFY(f.shown() <= 3);
        f.sell(quantity);
        QVERIFY(f.shown() <= 3);
        f.at(++t * kSecond);
        QVERIFY(f.shown() <= 3);
    }
    QCOMPARE(algo.filled(), std::int64_t(10));
    QCOMPARE(algo.state(), AlgoState::Done);
    for (const std::string &child : algo.children())
        QVERIFY(f.childQuantity(child) <= 3);
    QCOMPARE(f.shown(), std::int64_t(0));
}

void TestExecAlgo::aRejectedChildFailsTheAlgorithm()
{
    risk::RiskLimits limits;
    limits.maxOrderQuantity = 1;
    Fixture f(limits);
    auto made = twap(f.oms, buying("twap-4", 6), kT0, 30 * kSecond, 3);
    QVERIFY(made);
    ExecAlgo &algo = f.algos.add(std::move(*made));
    f.at(0);
    QCOMPARE(algo.state(), AlgoState::Failed);
    QVERIFY2(algo.error().find("twap-4.1") != std::string::npos && algo.error().find("order_size") != std::string::npos,
             algo.error().c_str());
    f.at(10 * kSecond);
    QCOMPARE(algo.children().size(), std::size_t(1)); // nothing more is sent
}

void TestExecAlgo::cancelCancelsTheOpenChild()
{
    Fixture f;
    auto made = iceberg(f.oms, buying("ice-2", 9), 4);
    QVERIFY(made);
    ExecAlgo &algo = f.algos.add(std::move(*made));
    f.at(0);
    QCOMPARE(f.shown(), std::int64_t(4));
    algo.cancel();
    QCOMPARE(algo.state(), AlgoState::Cancelled);
    QCOMPARE(f.shown(), std::int64_t(0));
    QCOMPARE(f.oms.find("ice-2.1")->status, OrderStatus::Cancelled);
    f.at(kSecond);
    QCOMPARE(algo.children().size(), std::size_t(1));
}

void TestExecAlgo::refusesBadParameters()
{
    Fixture f;
    const auto refused = [](const auto &r, const char *named) {
        if (r)
            return false;
        if (r.error().message.find(named) == std::string::npos)
            qWarning("%s", r.error().message.c_str());
        return r.error().message.find(named) != std::string::npos;
    };
    QVERIFY(refused(twap(f.oms, buying("t", 10), kT0, 10 * kSecond, 0), "slices"));
    QVERIFY(refused(twap(f.oms, buying("t", 10), kT0, 10 * kSecond, 11), "slices"));
    QVERIFY(refused(twap(f.oms, buying("t", 10), kT0, 0, 2), "duration"));
    QVERIFY(refused(twap(f.oms, buying("t", 0), kT0, 10 * kSecond, 2), "quantity"));
    QVERIFY(refused(iceberg(f.oms, buying("i", 10, 0), 2), "limit price"));
    QVERIFY(refused(iceberg(f.oms, buying("i", 10), 11), "displayed quantity"));
    QVERIFY(refused(iceberg(f.oms, buying("", 10), 2), "id"));
}

QTEST_GUILESS_MAIN(TestExecAlgo)
#include "tst_exec_algo.moc"
