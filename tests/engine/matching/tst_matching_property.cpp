// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Property test: a seeded random stream of operations (orders of every type and time in force, bad input,
// cancels and modifies of live, finished and unknown ids, time going forward and backward) runs through
// MatchingEngine and through the slow ReferenceMatcher. After every step the events and the books must be
// identical; every 1,000 steps the queues order by order and the book's integrity are checked too.
#include "core/rng.h"
#include "matching/matching_engine.h"
#include "reference_matcher.h"

#include <QtTest>

#include <map>

using namespace meridian;
using namespace meridian::matching;
using meridian::matching::testing::ReferenceMatcher;

namespace {

constexpr std::int64_t kMaxQuantity = 1000;
constexpr std::int64_t kMaxPrice = 100000;

struct VectorSink final : EventSink
{
    std::vector<Event> events;
    void onEvent(const Event &event) override { events.push_back(event); }
};

Instrument testInstrument()
{
    InstrumentSpec spec;
    spec.symbol = "TEST";
    spec.venue = "SIM";
    spec.tickSize = Decimal(1, 2);
    spec.lotSize = Decimal(1, 0);
    spec.minQuantity = Decimal(2, 0); // so that one lot is below the minimum
    return *Instrument::create(spec);
}

QString describe(const Event &e)
{
    return QStringLiteral("{type %1 side %2 reason %3 kept %4 order %5 owner %6 maker %7/%8 price %9 qty %10 "
                          "remaining %11 makerRemaining %12 time %13}")
        .arg(int(e.type))
        .arg(int(e.side))
        .arg(QLatin1String(reasonName(e.reason)))
        .arg(e.keptPriority)
        .arg(e.orderId)
        .arg(e.owner)
        .arg(e.makerId)
        .arg(e.makerOwner)
        .arg(e.price.value())
        .arg(e.quantity.value())
        .arg(e.remaining.value())
        .arg(e.makerRemaining.value())
        .arg(e.time.nanoseconds());
}

// Draws one operation and applies it to both matchers; returns a description for failure messages.
class Driver
{
public:
    Driver(std::uint64_t seed, MatchingEngine &engine, ReferenceMatcher &reference)
        : m_rng(seed), m_engine(engine), m_reference(reference)
    {}

    QString step()
    {
        std::int64_t now = m_now;
        if (m_rng.uniform() < 0.003)
            now -= 1 + m_rng.uniformInt(0, 999); // a caller whose clock went backwards
        else
            m_now = now = m_now + m_rng.uniformInt(0, 2) * 1000;
        const double op = m_rng.uniform();
        if (op < 0.58)
            return submit(now);
        if (op < 0.78) {
            const OrderId id = pickLiveId();
            m_engine.cancel(id, Timestamp::fromNanoseconds(now));
            m_reference.cancel(id, now);
            return QStringLiteral("cancel %1 at %2").arg(id).arg(now);
        }
        if (op < 0.95) {
            const OrderId id = pickLiveId();
            const std::int64_t price = m_rng.uniform() < 0.01 ? -m_rng.uniformInt(0, 5) : priceNearMid();
            const std::int64_t quantity = quantityDraw();
            m_engine.modify(id, Price(price), Quantity(quantity), Timestamp::fromNanoseconds(now));
            m_reference.modify(id, price, quantity, now);
            return QStringLiteral("modify %1 to %2x%3 at %4").arg(id).arg(price).arg(quantity).arg(now);
        }
        const bool moved = m_engine.advanceTime(Timestamp::fromNanoseconds(now));
        const bool movedReference = m_reference.advanceTime(now);
        return QStringLiteral("advance to %1%2").arg(now).arg(moved == movedReference ? "" : " (results differ)");
    }

private:
    std::int64_t priceNearMid() { return 1000 + m_rng.uniformInt(-20, 20); }
    // Mostly passive prices (a buy below 1000, a sell above), sometimes crossing: a deep, moving book.
    std::int64_t priceFor(Side side)
    {
        // Keep the book around a few hundred orders: beyond that, cross more often.
        const std::int64_t offset =
            m_engine.book().orderCount() < 300 ? m_rng.uniformInt(-3, 25) : m_rng.uniformInt(-12, 12);
        return side == Side::Sell ? 1000 + offset : 1000 - offset;
    }

    std::int64_t quantityDraw()
    {
        const double u = m_rng.uniform();
        if (u < 0.01)
            return 0;
        if (u < 0.02)
            return -m_rng.uniformInt(1, 10);
        if (u < 0.025)
            return kMaxQuantity + m_rng.uniformInt(1, 10);
        return m_rng.uniformInt(1, 25);
    }

    // Mostly a live order (so that cancels and modifies act), sometimes a finished or unknown one.
    OrderId pickLiveId()
    {
        OrderId id = pickId();
        for (int attempt = 0; attempt < 8 && !m_engine.isLive(id); ++attempt)
            id = pickId();
        return id;
    }

    OrderId pickId()
    {
        if (m_issued.empty() || m_rng.uniform() < 0.03)
            return 1'000'000'000 + static_cast<OrderId>(m_rng.uniformInt(0, 1000)); // never issued
        // Mostly recent ids (likely live), sometimes old ones (likely filled or cancelled).
        const std::size_t n = m_issued.size();
        const std::size_t back = static_cast<std::size_t>(
            m_rng.uniform() < 0.8 ? m_rng.uniformInt(0, std::min<std::int64_t>(std::int64_t(n) - 1, 3000))
                                  : m_rng.uniformInt(0, std::int64_t(n) - 1));
        return m_issued[n - 1 - back];
    }

    QString submit(std::int64_t now)
    {
        OrderRequest r;
        const double idDraw = m_rng.uniform();
        if (idDraw < 0.003)
            r.id = ~OrderId(0);
        else if (idDraw < 0.03 && !m_issued.empty())
            r.id = pickId(); // a live id (duplicate) or a finished one (reused)
        else {
            r.id = m_nextId++;
            m_issued.push_back(r.id);
        }
        r.owner = static_cast<OwnerId>(m_rng.uniformInt(1, 4));
        r.side = m_rng.uniform() < 0.005 ? Side::Invalid : (m_rng.uniform() < 0.5 ? Side::Buy : Side::Sell);
        const double typeDraw = m_rng.uniform();
        r.type = typeDraw < 0.005  ? static_cast<OrderType>(7)
                 : typeDraw < 0.62 ? OrderType::Limit
                 : typeDraw < 0.78 ? OrderType::Market
                 : typeDraw < 0.89 ? OrderType::StopMarket
                                   : OrderType::StopLimit;
        const double tifDraw = m_rng.uniform();
        if (r.type == OrderType::Market || (r.type == OrderType::StopMarket && tifDraw < 0.1))
            r.timeInForce = m_rng.uniform() < 0.7 ? TimeInForce::ImmediateOrCancel : TimeInForce::FillOrKill;
        else if (tifDraw < 0.4)
            r.timeInForce = TimeInForce::GoodTillCancel;
        else if (tifDraw < 0.55)
            r.timeInForce = TimeInForce::ImmediateOrCancel;
        else if (tifDraw < 0.67)
            r.timeInForce = TimeInForce::FillOrKill;
        else if (tifDraw < 0.84)
            r.timeInForce = TimeInForce::GoodTillDate;
        else if (tifDraw < 0.995)
            r.timeInForce = TimeInForce::PostOnly;
        else
            r.timeInForce = static_cast<TimeInForce>(m_rng.uniformInt(0, 9));
        const double stpDraw = m_rng.uniform();
        r.selfTrade = stpDraw < 0.005 ? SelfTradePrevention::Invalid
                      : stpDraw < 0.4 ? SelfTradePrevention::Off
                                      : static_cast<SelfTradePrevention>(m_rng.uniformInt(2, 4));
        r.quantity = Quantity(quantityDraw());
        const double priceDraw = m_rng.uniform();
        r.price = Price(priceDraw < 0.005   ? -m_rng.uniformInt(0, 3)
                        : priceDraw < 0.008 ? kMaxPrice + 1
                                            : priceFor(r.side));
        r.stopPrice = Price(m_rng.uniform() < 0.005 ? 0 : priceNearMid());
        r.expiry = Timestamp::fromNanoseconds(now + m_rng.uniformInt(-1, 6) * 1000);
        m_engine.submit(r, Timestamp::fromNanoseconds(now));
        m_reference.submit(r, now);
        return QStringLiteral("submit id %1 owner %2 side %3 type %4 tif %5 stp %6 qty %7 price %8 stop %9 "
                              "expiry %10 at %11")
            .arg(r.id)
            .arg(r.owner)
            .arg(int(r.side))
            .arg(int(r.type))
            .arg(int(r.timeInForce))
            .arg(int(r.selfTrade))
            .arg(r.quantity.value())
            .arg(r.price.value())
            .arg(r.stopPrice.value())
            .arg(r.expiry.nanoseconds())
            .arg(now);
    }

    Rng m_rng;
    MatchingEngine &m_engine;
    ReferenceMatcher &m_reference;
    std::int64_t m_now = 1'000'000;
    OrderId m_nextId = 1;
    std::vector<OrderId> m_issued;
};

std::vector<book::LevelView> referenceDepth(const ReferenceMatcher &reference, Side side)
{
    std::vector<book::LevelView> levels;
    for (const auto &o : reference.side(side)) {
        if (levels.empty() || levels.back().price.value() != o.price)
            levels.push_back(book::LevelView{Price(o.price), Quantity(0), 0});
        levels.back().quantity += Quantity(o.quantity);
        ++levels.back().orderCount;
    }
    return levels;
}

bool sameQueues(const book::OrderBook &book, const ReferenceMatcher &reference, Side side)
{
    const auto &orders = reference.side(side);
    std::size_t i = 0;
    for (std::size_t rank = 0; rank < book.levelCount(side); ++rank) {
        for (auto h = book.levelFront(side, rank); h != book::OrderBook::kNoOrder; h = book.next(h), ++i) {
            if (i >= orders.size() || orders[i].id != book.orderId(h) ||
                orders[i].quantity != book.orderQuantity(h).value() || orders[i].owner != book.orderOwner(h))
                return false;
        }
    }
    return i == orders.size();
}

} // namespace

class TestMatchingProperty : public QObject
{
    Q_OBJECT
private slots:
    void engineMatchesReference_data();
    void engineMatchesReference();
};

void TestMatchingProperty::engineMatchesReference_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("steps");
    QTest::newRow("seed 1, 1,000,000 operations") << quint64(1) << 1'000'000;
    QTest::newRow("seed 20261122, 100,000 operations") << quint64(20261122) << 100'000;
}

void TestMatchingProperty::engineMatchesReference()
{
    QFETCH(quint64, seed);
    QFETCH(int, steps);
    VectorSink sink;
    EngineConfig config;
    config.maxQuantity = Quantity(kMaxQuantity);
    config.maxPrice = Price(kMaxPrice);
    config.expectedOrders = 1024;
    MatchingEngine engine(testInstrument(), sink, config);
    ReferenceMatcher reference(2, kMaxQuantity, kMaxPrice);
    Driver driver(seed, engine, reference);

    std::size_t trades = 0, rejects = 0, stopsTriggered = 0, expired = 0, selfTrades = 0, modifies = 0;
    std::size_t maxOrders = 0;
    std::map<Reason, std::size_t> rejectReasons;
    for (int step = 0; step < steps; ++step) {
        sink.events.clear();
        reference.events.clear();
        const QString what = driver.step();
        QVERIFY2(!what.endsWith(QLatin1String("(results differ)")), qPrintable(what));
        if (sink.events != reference.events) {
            QString detail;
            const std::size_t n = std::max(sink.events.size(), reference.events.size());
            for (std::size_t i = 0; i < n; ++i) {
                const QString ours = i < sink.events.size() ? describe(sink.events[i]) : QStringLiteral("-");
                const QString theirs =
                    i < reference.events.size() ? describe(reference.events[i]) : QStringLiteral("-");
                detail += QStringLiteral("\n  %1 engine    %2\n  %1 reference %3").arg(i).arg(ours, theirs);
            }
            QFAIL(qPrintable(QStringLiteral("step %1 (%2): events differ%3").arg(step).arg(what, detail)));
        }
        for (const Side side : {Side::Buy, Side::Sell}) {
            if (engine.book().depth(side, engine.book().levelCount(side)) != referenceDepth(reference, side))
                QFAIL(qPrintable(QStringLiteral("step %1 (%2): %3 levels differ")
                                     .arg(step)
                                     .arg(what, side == Side::Buy ? QStringLiteral("bid") : QStringLiteral("ask"))));
        }
        QCOMPARE(engine.pendingStopCount(), reference.stopCount());
        if (step % 1000 == 999 || step == steps - 1) {
            QVERIFY2(sameQueues(engine.book(), reference, Side::Buy), qPrintable(what));
            QVERIFY2(sameQueues(engine.book(), reference, Side::Sell), qPrintable(what));
            const auto integrity = engine.book().checkIntegrity();
            QVERIFY2(integrity, integrity ? "" : integrity.error().message.c_str());
        }
        for (const Event &e : sink.events) {
            trades += e.type == EventType::Trade;
            rejects += e.type == EventType::Rejected;
            if (e.type == EventType::Rejected)
                ++rejectReasons[e.reason];
            stopsTriggered += e.type == EventType::Triggered;
            expired += e.type == EventType::Expired;
            selfTrades += e.reason == Reason::SelfTrade;
            modifies += e.type == EventType::Modified;
        }
        maxOrders = std::max(maxOrders, engine.book().orderCount());
    }
    qInfo("%d operations identical: %zu trades, %zu rejects, %zu stops triggered, %zu expired, %zu self-trade "
          "cancels, %zu modifies; at most %zu resting orders",
          steps, trades, rejects, stopsTriggered, expired, selfTrades, modifies, maxOrders);
    QString reasons;
    for (const auto &[reason, count] : rejectReasons)
        reasons += QStringLiteral(" %1=%2").arg(QLatin1String(reasonName(reason))).arg(count);
    qInfo("rejects by reason:%s", qPrintable(reasons));
    // The stream must really exercise every path, or the comparison proves little.
    QVERIFY(trades > std::size_t(steps) / 20);
    QVERIFY(stopsTriggered > 100 && expired > 100 && selfTrades > 100 && modifies > 1000 && rejects > 1000);
}

QTEST_APPLESS_MAIN(TestMatchingProperty)
#include "tst_matching_property.moc"
