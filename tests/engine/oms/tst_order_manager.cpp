// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The OMS against the simulated venue: the state machine; every change journalled before it is reported;
// client ids idempotent; pre-trade risk refusals journalled; retries with backoff; cancels; recovery that
// reconciles with the venue (missed fills and states, orders unknown to us); and the crash test: a child
// process killed after journalling an order and before its acknowledgement (and before it was sent) loses
// nothing and sends nothing twice.
#include "oms/order_manager.h"
#include "oms/sim_venue.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace meridian;
using namespace meridian::oms;

namespace {

constexpr std::int64_t kT0 = 1'700'000'000'000'000'000;
constexpr std::int64_t kMs = 1'000'000;

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

OrderSpec buy(std::string id, std::int64_t quantity = 250, std::int64_t price = 3'000'000)
{
    OrderSpec s;
    s.clientOrderId = std::move(id);
    s.strategy = "mm";
    s.instrument = bitcoin();
    s.side = Side::Buy;
    s.price = price;
    s.quantity = quantity;
    return s;
}

std::string statusInJournal(store::Database &db, const std::string &client)
{
    auto s = db.prepare("SELECT status FROM orders WHERE client_order_id = ?1");
    if (!s || !s->bind(1, std::string_view(client)) || !s->step().value_or(false))
        return "";
    return s->columnText(0);
}

std::vector<std::string> transitions(store::Database &db, const std::string &client)
{
    auto s = db.prepare("SELECT e.from_status || '>' || e.to_status FROM order_events e JOIN orders o ON "
                        "o.order_id = e.order_id WHERE o.client_order_id = ?1 ORDER BY e.event_id");
    std::vector<std::string> out;
    if (!s || !s->bind(1, std::string_view(client)))
        return out;
    while (s->step().value_or(false))
        out.push_back(s->columnText(0));
    return out;
}

std::int64_t count(store::Database &db, const char *sql)
{
    return db.queryInt64(sql).value_or(std::optional<std::int64_t>()).value_or(-1);
}

} // namespace

class TestOrderManager : public QObject
{
    Q_OBJECT
private slots:
    void theStateMachine();
    void changesAreJournalledBeforeTheyAreReported();
    void clientIdsAreIdempotent();
    void riskRefusalsAreJournalled();
    void transientFailuresAreRetriedWithBackoff();
    void cancelsReachTheVenue();
    void recoveryReconcilesWithTheVenue();
    void crashAfterJournallingBeforeSending();
    void crashAfterSendingBeforeTheAcknowledgement();
};

void TestOrderManager::theStateMachine()
{
    using S = OrderStatus;
    QVERIFY(canMove(S::New, S::Pending));
    QVERIFY(canMove(S::Pending, S::Accepted));
    QVERIFY(canMove(S::Pending, S::Filled)); // a fill before the acknowledgement
    QVERIFY(canMove(S::Accepted, S::PartiallyFilled));
    QVERIFY(canMove(S::PartiallyFilled, S::Filled));
    QVERIFY(canMove(S::PartiallyFilled, S::Cancelled));
    QVERIFY(!canMove(S::Accepted, S::Pending));
    QVERIFY(!canMove(S::Filled, S::Cancelled));
    QVERIFY(!canMove(S::Rejected, S::Accepted));
    QVERIFY(!canMove(S::New, S::Accepted));
    QVERIFY(!canMove(S::Accepted, S::Accepted));
    for (const char *name :
         {"new", "pending", "accepted", "partially_filled", "filled", "cancelled", "rejected", "expired"}) {
        S s{};
        QVERIFY(statusFromName(name, s));
        QCOMPARE(statusName(s), std::string_view(name));
    }
}

void TestOrderManager::changesAreJournalledBeforeTheyAreReported()
{
    auto db = store::Database::openInMemory();
    QVERIFY(db);
    auto venue = SimulatedVenue::open("SIM", &*db);
    QVERIFY(venue);
    SimulatedClock clock(Timestamp::fromNanoseconds(kT0));
    OrderManager oms(*db, **venue, clock);
    std::vector<std::string> reported;
    oms.setListener([&](const Order &o) {
        // By the time anyone hears of a state, the journal has it.
        QCOMPARE(statusInJournal(*db, o.spec.clientOrderId), std::string(statusName(o.status)));
        reported.emplace_back(statusName(o.status));
    });
    const auto order = oms.submit(buy("o-1"));
    QVERIFY2(order, order ? "" : order.error().message.c_str());
    QCOMPARE(order->status, OrderStatus::Accepted); // the simulated venue answers at once
    (*venue)->addLiquidity(bitcoin(), Side::Sell, 3'000'000, 100, kT0 + kMs);
    QCOMPARE(oms.find("o-1")->status, OrderStatus::PartiallyFilled);
    QCOMPARE(oms.find("o-1")->filled, std::int64_t(100));
    (*venue)->addLiquidity(bitcoin(), Side::Sell, 2'999'000, 400, kT0 + 2 * kMs);
    QCOMPARE(oms.find("o-1")->status, OrderStatus::Filled);
    QCOMPARE(reported, (std::vector<std::string>{"pending", "accepted", "partially_filled", "filled"}));
    QCOMPARE(transitions(*db, "o-1"),
             (std::vector<std::string>{"new>pending", "pending>accepted", "accepted>partially_filled",
                                       "partially_filled>filled"}));
    QCOMPARE(count(*db, "SELECT count(*) FROM fills"), std::int64_t(2));
    QCOMPARE(count(*db, "SELECT count(*) FROM fills WHERE price = '30000.00' AND liquidity = 'maker'"),
             std::int64_t(2)); // our resting bid was the maker both times, at its own price
    auto filled = db->prepare("SELECT filled_quantity FROM orders WHERE client_order_id = 'o-1'");
    QVERIFY(filled && filled->step().value_or(false));
    QCOMPARE(filled->columnText(0), std::string("0.250"));
    QVERIFY(oms.openOrders().empty());
}

void TestOrderManager::clientIdsAreIdempotent()
{
    auto db = store::Database::openInMemory();
    auto venue = SimulatedVenue::open("SIM", &*db);
    SimulatedClock clock(Timestamp::fromNanoseconds(kT0));
    OrderManager oms(*db, **venue, clock);
    const auto first = oms.submit(buy("same"));
    const auto again = oms.submit(buy("same", 999)); // the id decides, not the content
    QVERIFY(first && again);
    QCOMPARE(again->id, first->id);
    QCOMPARE(again->spec.quantity, std::int64_t(250));
    QCOMPARE((*venue)->received(), std::size_t(1));
    QCOMPARE(count(*db, "SELECT count(*) FROM orders"), std::int64_t(1));
    // A new OMS on the same journal also knows it.
    OrderManager later(*db, **venue, clock);
    const auto third = later.submit(buy("same"));
    QVERIFY(third);
    QCOMPARE(third->id, first->id);
    QCOMPARE((*venue)->received(), std::size_t(1));
    // Empty client ids get their own.
    const auto a = oms.submit(buy("")), b = oms.submit(buy(""));
    QVERIFY(a && b && a->spec.clientOrderId != b->spec.clientOrderId);
    QVERIFY(!oms.submit(buy("bad", 0))); // malformed
}

void TestOrderManager::riskRefusalsAreJournalled()
{
    auto db = store::Database::openInMemory();
    auto venue = SimulatedVenue::open("SIM", &*db);
    SimulatedClock clock(Timestamp::fromNanoseconds(kT0));
    risk::RiskLimits limits;
    limits.maxOrderQuantity = 100;
    risk::PreTradeRisk risk(limits);
    OrderManager oms(*db, **venue, clock, &risk);
    const auto refused = oms.submit(buy("big", 250));
    QVERIFY(refused);
    QCOMPARE(refused->status, OrderStatus::Rejected);
    QVERIFY2(refused->reason.find("order_size: quantity 250 lots, limit 100") == 0, refused->reason.c_str());
    QCOMPARE(statusInJournal(*db, "big"), std::string("rejected"));
    QCOMPARE((*venue)->received(), std::size_t(0));
    QVERIFY(oms.submit(buy("small", 100)));
    (*venue)->addLiquidity(bitcoin(), Side::Sell, 3'000'000, 100, kT0 + kMs);
    QCOMPARE(risk.position(1), std::int64_t(100)); // fills move the risk engine's positions
    // HALTED: new orders refused, cancels still go through.
    QVERIFY(oms.submit(buy("resting", 50, 2'900'000)));
    risk.setState(risk::TradingState::Halted, "kill switch", kT0 + 2 * kMs);
    const auto halted = oms.submit(buy("after-halt", 10));
    QVERIFY(halted && halted->status == OrderStatus::Rejected);
    QVERIFY(halted->reason.find("HALTED") != std::string::npos);
    QVERIFY(oms.cancel("resting"));
    QCOMPARE(oms.find("resting")->status, OrderStatus::Cancelled);
}

void TestOrderManager::transientFailuresAreRetriedWithBackoff()
{
    auto db = store::Database::openInMemory();
    auto venue = SimulatedVenue::open("SIM", &*db);
    SimulatedClock clock(Timestamp::fromNanoseconds(kT0));
    OrderManager oms(*db, **venue, clock, nullptr, OmsConfig{3, 100 * kMs, 2});
    (*venue)->failNextSends(2);
    const auto order = oms.submit(buy("busy"));
    QVERIFY(order);
    QCOMPARE(order->status, OrderStatus::Pending); // first attempt: busy; the next is due at +100 ms
    clock.advanceTo(Timestamp::fromNanoseconds(kT0 + 99 * kMs));
    oms.poll();
    QCOMPARE((*venue)->received(), std::size_t(0));
    clock.advanceTo(Timestamp::fromNanoseconds(kT0 + 100 * kMs));
    oms.poll(); // second attempt: busy again; the third is due 200 ms later
    QCOMPARE(oms.find("busy")->status, OrderStatus::Pending);
    clock.advanceTo(Timestamp::fromNanoseconds(kT0 + 299 * kMs));
    oms.poll();
    QCOMPARE((*venue)->received(), std::size_t(0));
    clock.advanceTo(Timestamp::fromNanoseconds(kT0 + 300 * kMs));
    oms.poll();
    QCOMPARE(oms.find("busy")->status, OrderStatus::Accepted);
    QCOMPARE((*venue)->received(), std::size_t(1));
    // Past the attempts allowed: rejected, saying why.
    (*venue)->failNextSends(10);
    QVERIFY(oms.submit(buy("never")));
    for (int i = 1; i <= 3; ++i) {
        clock.advanceBy(Duration(1'000 * kMs));
        oms.poll();
    }
    QCOMPARE(oms.find("never")->status, OrderStatus::Rejected);
    QVERIFY2(oms.find("never")->reason.find("did not take it after 3 attempts") != std::string::npos,
             oms.find("never")->reason.c_str());
    // A pending order waiting for a retry is cancelled here: the venue never had it.
    (*venue)->failNextSends(1);
    QVERIFY(oms.submit(buy("withdrawn")));
    QVERIFY(oms.cancel("withdrawn"));
    QCOMPARE(oms.find("withdrawn")->status, OrderStatus::Cancelled);
}

void TestOrderManager::cancelsReachTheVenue()
{
    auto db = store::Database::openInMemory();
    auto venue = SimulatedVenue::open("SIM", &*db);
    SimulatedClock clock(Timestamp::fromNanoseconds(kT0));
    OrderManager oms(*db, **venue, clock);
    QVERIFY(oms.submit(buy("c-1")));
    QVERIFY(oms.cancel("c-1"));
    QCOMPARE(oms.find("c-1")->status, OrderStatus::Cancelled);
    QCOMPARE(statusInJournal(*db, "c-1"), std::string("cancelled"));
    const auto twice = oms.cancel("c-1");
    QVERIFY(!twice);
    QVERIFY(twice.error().message.find("is cancelled") != std::string::npos);
    QCOMPARE(oms.cancel("nope").error().code, ErrorCode::NotFound);
    // Nothing can trade with a cancelled order.
    (*venue)->addLiquidity(bitcoin(), Side::Sell, 3'000'000, 100, kT0 + kMs);
    QCOMPARE(count(*db, "SELECT count(*) FROM fills"), std::int64_t(0));
}

void TestOrderManager::recoveryReconcilesWithTheVenue()
{
    QTemporaryDir folder;
    const std::string path = folder.filePath(QStringLiteral("journal.sqlite")).toStdString();
    SimulatedClock clock(Timestamp::fromNanoseconds(kT0));
    {
        auto db = store::Database::open(path);
        auto venue = SimulatedVenue::open("SIM", &*db);
        QVERIFY(db && venue);
        {
            OrderManager oms(*db, **venue, clock);
            QVERIFY(oms.submit(buy("r-1")));
            QVERIFY(oms.submit(buy("r-2", 100, 2'900'000)));
        }                                                                         // the OMS stops; the venue goes on
        (*venue)->addLiquidity(bitcoin(), Side::Sell, 3'000'000, 250, kT0 + kMs); // fills r-1 unheard
        Order stranger;
        stranger.spec = buy("placed-elsewhere");
        QCOMPARE((*venue)->send(stranger, kT0 + 2 * kMs).status, SendStatus::Sent);
    }
    auto db = store::Database::open(path);
    auto venue = SimulatedVenue::open("SIM", &*db); // the venue's kept orders go back into its book
    QVERIFY(db && venue);
    OrderManager oms(*db, **venue, clock);
    const auto report = oms.recover();
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QCOMPARE(report->openOrders, std::size_t(2));
    QCOMPARE(report->missedFills, std::size_t(1));
    QCOMPARE(report->updated, std::size_t(1)); // r-1: accepted → filled
    QCOMPARE(report->resent, std::size_t(0));
    QCOMPARE(report->unknownToUs, std::vector<std::string>{"placed-elsewhere"});
    QCOMPARE(oms.find("r-1")->status, OrderStatus::Filled);
    QCOMPARE(oms.find("r-2")->status, OrderStatus::Accepted);
    // r-2 rests again in the reopened venue's book, behind the better bid placed elsewhere: a sell of 350
    // takes that one's 250, then r-2's 100, and the OMS hears it.
    (*venue)->addLiquidity(bitcoin(), Side::Sell, 2'900'000, 350, kT0 + 3 * kMs);
    QCOMPARE(oms.find("r-2")->status, OrderStatus::Filled);
    QCOMPARE(count(*db, "SELECT count(*) FROM fills"), std::int64_t(2));
    // Recovering again finds nothing new.
    OrderManager again(*db, **venue, clock);
    const auto second = again.recover();
    QVERIFY(second && second->openOrders == 0 && second->missedFills == 0);
}

namespace {

/// Runs the child to its checkpoint, where it kills itself.
bool crashAt(const QString &journal, const QString &point)
{
    QProcess child;
    child.start(QStringLiteral(OMS_CRASH_CHILD), {journal, point});
    if (!child.waitForFinished(30000))
        return false;
    return child.exitStatus() == QProcess::CrashExit;
}

} // namespace

void TestOrderManager::crashAfterJournallingBeforeSending()
{
    QTemporaryDir folder;
    const QString journal = folder.filePath(QStringLiteral("crash.sqlite"));
    QVERIFY2(crashAt(journal, QStringLiteral("journalled")), "the child did not die at its checkpoint");
    auto db = store::Database::open(journal.toStdString());
    QVERIFY(db);
    QCOMPARE(statusInJournal(*db, "crash-1"), std::string("pending"));
    QCOMPARE(count(*db, "SELECT count(*) FROM sim_venue_orders"), std::int64_t(0)); // never sent
    auto venue = SimulatedVenue::open("SIM", &*db);
    QVERIFY(venue);
    SimulatedClock clock(Timestamp::fromNanoseconds(kT0 + 1'000 * kMs));
    OrderManager oms(*db, **venue, clock);
    const auto report = oms.recover();
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QCOMPARE(report->resent, std::size_t(1));
    QCOMPARE(oms.find("crash-1")->status, OrderStatus::Accepted);
    QCOMPARE(count(*db, "SELECT count(*) FROM sim_venue_orders"), std::int64_t(1));
    // Submitting it again, as a strategy restarting might, sends nothing.
    const auto again = oms.submit(buy("crash-1"));
    QVERIFY(again && again->status == OrderStatus::Accepted);
    QCOMPARE((*venue)->received(), std::size_t(1));
    QCOMPARE(count(*db, "SELECT count(*) FROM orders"), std::int64_t(1));
}

void TestOrderManager::crashAfterSendingBeforeTheAcknowledgement()
{
    QTemporaryDir folder;
    const QString journal = folder.filePath(QStringLiteral("crash.sqlite"));
    QVERIFY2(crashAt(journal, QStringLiteral("before_ack")), "the child did not die at its checkpoint");
    auto db = store::Database::open(journal.toStdString());
    QVERIFY(db);
    QCOMPARE(statusInJournal(*db, "crash-1"), std::string("pending"));              // the acknowledgement was lost
    QCOMPARE(count(*db, "SELECT count(*) FROM sim_venue_orders"), std::int64_t(1)); // the venue has it
    auto venue = SimulatedVenue::open("SIM", &*db);
    QVERIFY(venue);
    SimulatedClock clock(Timestamp::fromNanoseconds(kT0 + 1'000 * kMs));
    OrderManager oms(*db, **venue, clock);
    const auto report = oms.recover();
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QCOMPARE(report->resent, std::size_t(0)); // not sent twice
    QCOMPARE(report->updated, std::size_t(1));
    QCOMPARE(oms.find("crash-1")->status, OrderStatus::Accepted);
    QCOMPARE((*venue)->received(), std::size_t(0));
    QCOMPARE(count(*db, "SELECT count(*) FROM sim_venue_orders"), std::int64_t(1));
    QCOMPARE(transitions(*db, "crash-1"), (std::vector<std::string>{"new>pending", "pending>accepted"}));
    // The recovered order is live at the venue: it trades.
    (*venue)->addLiquidity(bitcoin(), Side::Sell, 3'000'000, 250, kT0 + 2'000 * kMs);
    QCOMPARE(oms.find("crash-1")->status, OrderStatus::Filled);
}

QTEST_GUILESS_MAIN(TestOrderManager)
#include "tst_order_manager.moc"
