// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "matching/matching_engine.h"

#include <QtTest>

#include <set>
#include <string>

using namespace meridian;
using namespace meridian::matching;

namespace {

struct Recorder final : EventSink
{
    std::vector<Event> events;
    void onEvent(const Event &event) override { events.push_back(event); }
    std::vector<Event> take()
    {
        std::vector<Event> out;
        out.swap(events);
        return out;
    }
    // Returns the events of one type, in order.
    std::vector<Event> of(EventType type) const
    {
        std::vector<Event> out;
        for (const Event &e : events)
            if (e.type == type)
                out.push_back(e);
        return out;
    }
};

Instrument instrument()
{
    InstrumentSpec spec;
    spec.symbol = "TEST";
    spec.venue = "SIM";
    spec.tickSize = Decimal(5, 2); // 0.05
    spec.lotSize = Decimal(1, 1);  // 0.1
    spec.minQuantity = Decimal(2, 1);
    return *Instrument::create(spec);
}

OrderRequest limit(OrderId id, Side side, std::int64_t price, std::int64_t quantity,
                   TimeInForce tif = TimeInForce::GoodTillCancel, OwnerId owner = 0)
{
    OrderRequest r;
    r.id = id;
    r.owner = owner == 0 ? static_cast<OwnerId>(id) : owner;
    r.side = side;
    r.type = OrderType::Limit;
    r.timeInForce = tif;
    r.price = Price(price);
    r.quantity = Quantity(quantity);
    return r;
}

OrderRequest market(OrderId id, Side side, std::int64_t quantity)
{
    OrderRequest r = limit(id, side, 0, quantity, TimeInForce::ImmediateOrCancel);
    r.type = OrderType::Market;
    return r;
}

OrderRequest stop(OrderId id, Side side, std::int64_t stopPrice, std::int64_t quantity, std::int64_t limitPrice = 0)
{
    OrderRequest r = limit(id, side, limitPrice, quantity);
    r.type = limitPrice == 0 ? OrderType::StopMarket : OrderType::StopLimit;
    r.stopPrice = Price(stopPrice);
    return r;
}

Timestamp at(std::int64_t ms)
{
    return Timestamp::fromMilliseconds(ms);
}

void checkIntegrity(const MatchingEngine &engine)
{
    const auto ok = engine.book().checkIntegrity();
    QVERIFY2(ok.has_value(), ok ? "" : ok.error().message.c_str());
}

} // namespace

class TestMatchingEngine : public QObject
{
    Q_OBJECT
private slots:
    void matchesInPriceThenTimeOrder();
    void fillOrKillWithPartialLiquidityDoesNotTrade();
    void postOnlyThatWouldTakeIsRejected();
    void stopTriggeredByATrade();
    void stopAlreadyThroughTheMarketIsRejected();
    void cancelOfUnknownIdIsRejected();
    void badQuantitiesAndPricesAreRejected_data();
    void badQuantitiesAndPricesAreRejected();
    void decimalOrdersOffTheGridAreRejected();
    void modifyKeepsPriorityOnlyWhenShrinking();
    void modifyOfAFilledOrderIsRejected();
    void modifyThatCrossesTrades();
    void selfTradePrevention_data();
    void selfTradePrevention();
    void goodTillDateExpires();
    void marketAndIocRemaindersAreCancelled();
    void timeGoingBackwardsIsRejected();
    void reasonNamesAreDistinct();
};

void TestMatchingEngine::matchesInPriceThenTimeOrder()
{
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    engine.submit(limit(1, Side::Sell, 101, 5), at(1));
    engine.submit(limit(2, Side::Sell, 100, 5), at(2));
    engine.submit(limit(3, Side::Sell, 100, 5), at(3));
    rec.take();

    engine.submit(limit(4, Side::Buy, 101, 12), at(4));

    const auto trades = rec.of(EventType::Trade);
    QCOMPARE(trades.size(), std::size_t(3));
    // Best price first, then arrival; each at the resting price; the buyer is the aggressor.
    QCOMPARE(trades[0].makerId, OrderId(2));
    QCOMPARE(trades[0].price.value(), 100);
    QCOMPARE(trades[1].makerId, OrderId(3));
    QCOMPARE(trades[2].makerId, OrderId(1));
    QCOMPARE(trades[2].price.value(), 101);
    QCOMPARE(trades[2].quantity.value(), 2);
    QCOMPARE(trades[2].remaining.value(), 0);
    QCOMPARE(trades[2].makerRemaining.value(), 3);
    for (const Event &t : trades) {
        QCOMPARE(t.orderId, OrderId(4));
        QCOMPARE(t.side, Side::Buy);
        QCOMPARE(t.time, at(4));
    }
    QCOMPARE(rec.events.front().type, EventType::Accepted);
    // The level at 100 emptied, 101 holds what is left.
    const auto changes = rec.of(EventType::BookChanged);
    QCOMPARE(changes.back().price.value(), 101);
    QCOMPARE(changes.back().quantity.value(), 3);
    QCOMPARE(engine.book().bestAsk()->value(), 101);
    QVERIFY(!engine.book().bestBid());
    QCOMPARE(engine.lastTradePrice()->value(), 101);
    checkIntegrity(engine);
}

void TestMatchingEngine::fillOrKillWithPartialLiquidityDoesNotTrade()
{
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    engine.submit(limit(1, Side::Sell, 100, 5), at(1));
    engine.submit(limit(2, Side::Sell, 102, 5), at(1));
    rec.take();

    engine.submit(limit(3, Side::Buy, 101, 6, TimeInForce::FillOrKill), at(2)); // only 5 within 101

    QCOMPARE(rec.events.size(), std::size_t(2));
    QCOMPARE(rec.events[1].type, EventType::Cancelled);
    QCOMPARE(rec.events[1].reason, Reason::FillOrKillUnfillable);
    QCOMPARE(rec.events[1].quantity.value(), 6);
    QCOMPARE(engine.book().volumeAt(Side::Sell, Price(100)).value(), 5);

    rec.take();
    engine.submit(limit(4, Side::Buy, 102, 6, TimeInForce::FillOrKill), at(3)); // 10 within 102
    QCOMPARE(rec.of(EventType::Trade).size(), std::size_t(2));
    QVERIFY(rec.of(EventType::Cancelled).empty());
    QVERIFY(!engine.isLive(4));
}

void TestMatchingEngine::postOnlyThatWouldTakeIsRejected()
{
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    engine.submit(limit(1, Side::Sell, 100, 5), at(1));
    rec.take();

    engine.submit(limit(2, Side::Buy, 100, 5, TimeInForce::PostOnly), at(2));
    engine.submit(limit(3, Side::Buy, 99, 5, TimeInForce::PostOnly), at(2));

    QCOMPARE(rec.events[0].type, EventType::Rejected);
    QCOMPARE(rec.events[0].reason, Reason::PostOnlyWouldTake);
    QCOMPARE(rec.events[1].type, EventType::Accepted);
    QVERIFY(rec.of(EventType::Trade).empty());
    QCOMPARE(engine.book().bestBid()->value(), 99);
}

void TestMatchingEngine::stopTriggeredByATrade()
{
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    engine.submit(limit(1, Side::Sell, 100, 6), at(1));
    engine.submit(limit(2, Side::Sell, 103, 5), at(1));
    engine.submit(stop(10, Side::Buy, 100, 4), at(1));      // stop-market
    engine.submit(stop(11, Side::Buy, 101, 3, 102), at(1)); // stop-limit at 102, triggers at 101
    QCOMPARE(engine.pendingStopCount(), std::size_t(2));
    rec.take();

    engine.submit(limit(3, Side::Buy, 100, 2), at(2)); // prints 100: the first stop triggers

    const auto triggered = rec.of(EventType::Triggered);
    QCOMPARE(triggered.size(), std::size_t(1));
    QCOMPARE(triggered[0].orderId, OrderId(10));
    // It bought the other 4 at 100; nothing traded at 101 or above, so the stop-limit waits.
    const auto trades = rec.of(EventType::Trade);
    QCOMPARE(trades.size(), std::size_t(2));
    QCOMPARE(trades[1].orderId, OrderId(10));
    QCOMPARE(trades[1].quantity.value(), 4);
    QCOMPARE(engine.pendingStopCount(), std::size_t(1));

    rec.take();
    engine.submit(market(4, Side::Buy, 2), at(3)); // prints 103: the stop-limit triggers and rests at 102
    QCOMPARE(rec.of(EventType::Triggered).size(), std::size_t(1));
    QCOMPARE(engine.pendingStopCount(), std::size_t(0));
    QCOMPARE(engine.book().bestBid()->value(), 102);
    QCOMPARE(engine.book().volumeAt(Side::Buy, Price(102)).value(), 3);
    checkIntegrity(engine);
}

void TestMatchingEngine::stopAlreadyThroughTheMarketIsRejected()
{
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    engine.submit(limit(1, Side::Sell, 100, 5), at(1));
    engine.submit(market(2, Side::Buy, 2), at(1)); // last trade 100
    rec.take();
    engine.submit(stop(3, Side::Sell, 100, 2), at(2)); // a sell stop at or above the last trade
    engine.submit(stop(4, Side::Sell, 99, 2), at(2));
    QCOMPARE(rec.events[0].reason, Reason::StopWouldTriggerNow);
    QCOMPARE(rec.events[1].type, EventType::Accepted);
}

void TestMatchingEngine::cancelOfUnknownIdIsRejected()
{
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    engine.submit(limit(1, Side::Buy, 99, 5), at(1));
    rec.take();
    engine.cancel(42, at(2));
    engine.cancel(1, at(2));
    engine.cancel(1, at(3)); // already cancelled
    QCOMPARE(rec.events[0].type, EventType::Rejected);
    QCOMPARE(rec.events[0].reason, Reason::UnknownOrder);
    QCOMPARE(rec.events[0].orderId, OrderId(42));
    QCOMPARE(rec.events[1].type, EventType::Cancelled);
    QCOMPARE(rec.events[1].reason, Reason::Requested);
    QCOMPARE(rec.events[2].type, EventType::BookChanged);
    QCOMPARE(rec.events[2].quantity.value(), 0);
    QCOMPARE(rec.events[3].reason, Reason::UnknownOrder);
}

void TestMatchingEngine::badQuantitiesAndPricesAreRejected_data()
{
    QTest::addColumn<qint64>("quantity");
    QTest::addColumn<qint64>("price");
    QTest::addColumn<int>("tif");
    QTest::addColumn<int>("reason");
    const int gtc = int(TimeInForce::GoodTillCancel);
    QTest::newRow("zero quantity") << qint64(0) << qint64(100) << gtc << int(Reason::NonPositiveQuantity);
    QTest::newRow("negative quantity") << qint64(-3) << qint64(100) << gtc << int(Reason::NonPositiveQuantity);
    QTest::newRow("below the minimum") << qint64(1) << qint64(100) << gtc << int(Reason::QuantityBelowMinimum);
    QTest::newRow("above the maximum") << (qint64(1) << 50) << qint64(100) << gtc << int(Reason::QuantityAboveMaximum);
    QTest::newRow("zero price") << qint64(5) << qint64(0) << gtc << int(Reason::PriceNotPositive);
    QTest::newRow("negative price") << qint64(5) << qint64(-1) << gtc << int(Reason::PriceNotPositive);
    QTest::newRow("price above the maximum") << qint64(5) << (qint64(1) << 50) << gtc << int(Reason::PriceAboveMaximum);
    QTest::newRow("invalid time in force") << qint64(5) << qint64(100) << 0 << int(Reason::InvalidTimeInForce);
}

void TestMatchingEngine::badQuantitiesAndPricesAreRejected()
{
    QFETCH(qint64, quantity);
    QFETCH(qint64, price);
    QFETCH(int, tif);
    QFETCH(int, reason);
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    engine.submit(limit(1, Side::Buy, price, quantity, static_cast<TimeInForce>(tif)), at(1));
    QCOMPARE(rec.events.size(), std::size_t(1));
    QCOMPARE(rec.events[0].type, EventType::Rejected);
    QCOMPARE(int(rec.events[0].reason), reason);
    QCOMPARE(engine.book().orderCount(), std::size_t(0));
}

void TestMatchingEngine::decimalOrdersOffTheGridAreRejected()
{
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    DecimalOrderRequest r;
    r.id = 1;
    r.side = Side::Buy;
    r.type = OrderType::Limit;
    r.timeInForce = TimeInForce::GoodTillCancel;
    r.price = *Decimal::parse("100.03"); // tick 0.05
    r.quantity = *Decimal::parse("1.5");
    engine.submit(r, at(1));
    r.price = *Decimal::parse("100.05");
    r.quantity = *Decimal::parse("1.55"); // lot 0.1
    engine.submit(r, at(1));
    r.quantity = *Decimal::parse("1.5");
    engine.submit(r, at(1));

    QCOMPARE(rec.events[0].reason, Reason::PriceOffTick);
    QCOMPARE(rec.events[1].reason, Reason::QuantityOffLot);
    QCOMPARE(rec.events[2].type, EventType::Accepted);
    QCOMPARE(rec.events[2].price.value(), 2001); // 100.05 / 0.05
    QCOMPARE(rec.events[2].quantity.value(), 15);
}

void TestMatchingEngine::modifyKeepsPriorityOnlyWhenShrinking()
{
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    engine.submit(limit(1, Side::Buy, 99, 5), at(1));
    engine.submit(limit(2, Side::Buy, 99, 5), at(1));
    rec.take();

    engine.modify(1, Price(99), Quantity(3), at(2));
    QCOMPARE(rec.events[0].type, EventType::Modified);
    QVERIFY(rec.events[0].keptPriority);
    QCOMPARE(engine.book().queueAhead(1)->value(), 0);

    engine.modify(1, Price(99), Quantity(4), at(3)); // larger: to the back
    QCOMPARE(engine.book().queueAhead(1)->value(), 5);
    engine.modify(2, Price(98), Quantity(5), at(4)); // new price: to the back of 98
    QVERIFY(!rec.events.back().keptPriority || rec.events.back().type != EventType::Modified);
    QCOMPARE(engine.book().volumeAt(Side::Buy, Price(98)).value(), 5);
    QCOMPARE(engine.book().queueAhead(1)->value(), 0);
    checkIntegrity(engine);
}

void TestMatchingEngine::modifyOfAFilledOrderIsRejected()
{
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    engine.submit(limit(1, Side::Sell, 100, 5), at(1));
    engine.submit(market(2, Side::Buy, 5), at(1));
    rec.take();
    engine.modify(1, Price(100), Quantity(3), at(2));
    QCOMPARE(rec.events.size(), std::size_t(1));
    QCOMPARE(rec.events[0].type, EventType::Rejected);
    QCOMPARE(rec.events[0].reason, Reason::UnknownOrder);

    engine.submit(stop(3, Side::Buy, 105, 2), at(3));
    engine.modify(3, Price(106), Quantity(2), at(3));
    QCOMPARE(rec.events.back().reason, Reason::NotModifiable);
}

void TestMatchingEngine::modifyThatCrossesTrades()
{
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    engine.submit(limit(1, Side::Sell, 100, 5), at(1));
    engine.submit(limit(2, Side::Buy, 98, 8), at(1));
    engine.submit(limit(3, Side::Buy, 97, 8, TimeInForce::PostOnly), at(1));
    rec.take();

    engine.modify(3, Price(100), Quantity(8), at(2)); // post-only: refused, unchanged
    QCOMPARE(rec.events.back().reason, Reason::PostOnlyWouldTake);
    QCOMPARE(engine.book().volumeAt(Side::Buy, Price(97)).value(), 8);

    engine.modify(2, Price(100), Quantity(8), at(3)); // trades 5, rests 3 at 100
    const auto trades = rec.of(EventType::Trade);
    QCOMPARE(trades.size(), std::size_t(1));
    QCOMPARE(trades[0].orderId, OrderId(2));
    QCOMPARE(trades[0].quantity.value(), 5);
    QCOMPARE(engine.book().bestBid()->value(), 100);
    QCOMPARE(engine.book().volumeAt(Side::Buy, Price(100)).value(), 3);
    checkIntegrity(engine);
}

void TestMatchingEngine::selfTradePrevention_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("restingCancelled");
    QTest::addColumn<bool>("incomingCancelled");
    QTest::addColumn<qint64>("traded");
    QTest::newRow("off: trades with itself") << int(SelfTradePrevention::Off) << false << false << qint64(4);
    QTest::newRow("cancel newest") << int(SelfTradePrevention::CancelNewest) << false << true << qint64(0);
    QTest::newRow("cancel oldest") << int(SelfTradePrevention::CancelOldest) << true << false << qint64(4);
    QTest::newRow("cancel both") << int(SelfTradePrevention::CancelBoth) << true << true << qint64(0);
}

void TestMatchingEngine::selfTradePrevention()
{
    QFETCH(int, mode);
    QFETCH(bool, restingCancelled);
    QFETCH(bool, incomingCancelled);
    QFETCH(qint64, traded);
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    engine.submit(limit(1, Side::Sell, 100, 4, TimeInForce::GoodTillCancel, 7), at(1)); // owner 7
    engine.submit(limit(2, Side::Sell, 101, 4, TimeInForce::GoodTillCancel, 8), at(1)); // someone else
    rec.take();
    OrderRequest r = limit(3, Side::Buy, 101, 4, TimeInForce::ImmediateOrCancel, 7);
    r.selfTrade = static_cast<SelfTradePrevention>(mode);
    engine.submit(r, at(2));

    bool sawResting = false, sawIncoming = false;
    for (const Event &e : rec.of(EventType::Cancelled)) {
        sawResting = sawResting || (e.orderId == 1 && e.reason == Reason::SelfTrade);
        sawIncoming = sawIncoming || (e.orderId == 3 && e.reason == Reason::SelfTrade);
    }
    QCOMPARE(sawResting, restingCancelled);
    QCOMPARE(sawIncoming, incomingCancelled);
    qint64 total = 0;
    for (const Event &e : rec.of(EventType::Trade)) {
        total += e.quantity.value();
        if (mode != int(SelfTradePrevention::Off))
            QVERIFY(e.makerOwner != e.owner);
    }
    QCOMPARE(total, traded);
    checkIntegrity(engine);
}

void TestMatchingEngine::goodTillDateExpires()
{
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    OrderRequest r = limit(1, Side::Buy, 99, 5, TimeInForce::GoodTillDate);
    r.expiry = at(10);
    engine.submit(r, at(1));
    OrderRequest past = limit(2, Side::Buy, 99, 5, TimeInForce::GoodTillDate);
    past.expiry = at(1);
    engine.submit(past, at(1));
    QCOMPARE(rec.events.back().reason, Reason::ExpiryNotInFuture);
    rec.take();

    QVERIFY(engine.advanceTime(at(9)));
    QVERIFY(rec.events.empty());
    engine.cancel(77, at(12)); // any call at or after the expiry expires it first

    QCOMPARE(rec.events[0].type, EventType::Expired);
    QCOMPARE(rec.events[0].orderId, OrderId(1));
    QCOMPARE(rec.events[0].time, at(10));
    QCOMPARE(rec.events[0].quantity.value(), 5);
    QCOMPARE(rec.events[1].type, EventType::BookChanged);
    QCOMPARE(rec.events[2].reason, Reason::UnknownOrder);
    QCOMPARE(engine.book().orderCount(), std::size_t(0));
}

void TestMatchingEngine::marketAndIocRemaindersAreCancelled()
{
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    engine.submit(market(1, Side::Buy, 5), at(1)); // nothing to buy
    QCOMPARE(rec.events.back().type, EventType::Cancelled);
    QCOMPARE(rec.events.back().reason, Reason::ImmediateRemainder);
    QCOMPARE(rec.events.back().quantity.value(), 5);

    engine.submit(limit(2, Side::Sell, 100, 3), at(2));
    rec.take();
    engine.submit(limit(3, Side::Buy, 100, 5, TimeInForce::ImmediateOrCancel), at(3));
    QCOMPARE(rec.of(EventType::Trade).size(), std::size_t(1));
    QCOMPARE(rec.events.back().type, EventType::Cancelled);
    QCOMPARE(rec.events.back().quantity.value(), 2);
    QCOMPARE(engine.book().orderCount(), std::size_t(0));

    OrderRequest gtcMarket = market(4, Side::Buy, 5);
    gtcMarket.timeInForce = TimeInForce::GoodTillCancel;
    engine.submit(gtcMarket, at(3));
    QCOMPARE(rec.events.back().reason, Reason::InvalidTimeInForce);
}

void TestMatchingEngine::timeGoingBackwardsIsRejected()
{
    Recorder rec;
    MatchingEngine engine(instrument(), rec);
    engine.submit(limit(1, Side::Buy, 99, 5), at(5));
    engine.submit(limit(2, Side::Buy, 99, 5), at(4));
    QCOMPARE(rec.events.back().reason, Reason::TimeWentBackwards);
    QVERIFY(!engine.advanceTime(at(3)));
    QCOMPARE(engine.time(), at(5));
}

void TestMatchingEngine::reasonNamesAreDistinct()
{
    std::set<std::string> names;
    for (int r = 0; r <= int(Reason::Expired); ++r)
        QVERIFY(names.insert(reasonName(static_cast<Reason>(r))).second);
    QCOMPARE(std::string(reasonName(Reason::PostOnlyWouldTake)), std::string("post_only_would_take"));
}

QTEST_APPLESS_MAIN(TestMatchingEngine)
#include "tst_matching_engine.moc"
