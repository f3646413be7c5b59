// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "book/order_book.h"

#include <QtTest>

using namespace meridian;
using meridian::book::LevelView;
using meridian::book::OrderBook;
using meridian::book::OrderId;

namespace {

void checkIntegrity(const OrderBook &book)
{
    const auto ok = book.checkIntegrity();
    QVERIFY2(ok.has_value(), ok ? "" : ok.error().message.c_str());
}

} // namespace

class TestOrderBook : public QObject
{
    Q_OBJECT
private slots:
    void addRestsOrderAtPriceInFifo();
    void bestPricesFollowTheTop();
    void cancelRemovesEmptyLevel();
    void reduceKeepsQueuePlace();
    void addFrontJumpsTheQueue();
    void refusesBadInput();
    void depthIsBestFirst();
    void averageFillPriceWalksTheBook();
    void removeLevelDropsEveryOrder();
    void poolReusesSlots();
    void modifyKeepsPriorityOnlyWhenShrinking();
    void handlesWalkTheQueue();
};

void TestOrderBook::addRestsOrderAtPriceInFifo()
{
    OrderBook book;
    QVERIFY(book.add(1, Side::Buy, Price(100), Quantity(5)));
    QVERIFY(book.add(2, Side::Buy, Price(100), Quantity(7)));
    QVERIFY(book.add(3, Side::Buy, Price(100), Quantity(1)));
    checkIntegrity(book);
    QCOMPARE(book.volumeAt(Side::Buy, Price(100)).value(), 13);
    QCOMPARE(book.queueAhead(1)->value(), 0);
    QCOMPARE(book.queueAhead(2)->value(), 5);
    QCOMPARE(book.queueAhead(3)->value(), 12);
    QCOMPARE(book.orderCount(), std::size_t(3));
}

void TestOrderBook::bestPricesFollowTheTop()
{
    OrderBook book;
    QVERIFY(!book.bestBid());
    QVERIFY(!book.bestAsk());
    for (int p : {100, 98, 101, 99})
        QVERIFY(book.add(OrderId(p), Side::Buy, Price(p), Quantity(1)));
    for (int p : {105, 103, 110})
        QVERIFY(book.add(OrderId(1000 + p), Side::Sell, Price(p), Quantity(1)));
    checkIntegrity(book);
    QCOMPARE(book.bestBid()->value(), 101);
    QCOMPARE(book.bestAsk()->value(), 103);
    QVERIFY(book.cancel(101));
    QCOMPARE(book.bestBid()->value(), 100);
    QVERIFY(book.cancel(1103));
    QCOMPARE(book.bestAsk()->value(), 105);
    QVERIFY(!book.isCrossed());
}

void TestOrderBook::cancelRemovesEmptyLevel()
{
    OrderBook book;
    QVERIFY(book.add(1, Side::Sell, Price(200), Quantity(3)));
    QVERIFY(book.add(2, Side::Sell, Price(201), Quantity(3)));
    QVERIFY(book.cancel(1));
    checkIntegrity(book);
    QCOMPARE(book.levelCount(Side::Sell), std::size_t(1));
    QCOMPARE(book.volumeAt(Side::Sell, Price(200)).value(), 0);
    const auto again = book.cancel(1);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::NotFound);
}

void TestOrderBook::reduceKeepsQueuePlace()
{
    OrderBook book;
    QVERIFY(book.add(1, Side::Buy, Price(50), Quantity(10)));
    QVERIFY(book.add(2, Side::Buy, Price(50), Quantity(10)));
    QVERIFY(book.reduce(1, Quantity(4)));
    checkIntegrity(book);
    QCOMPARE(book.quantityOf(1)->value(), 6);
    QCOMPARE(book.queueAhead(2)->value(), 6);
    QVERIFY(book.execute(1, Quantity(6)));
    QVERIFY(!book.contains(1));
    QCOMPARE(book.queueAhead(2)->value(), 0);
    QVERIFY(!book.reduce(2, Quantity(11)));
    QVERIFY(!book.reduce(2, Quantity(0)));
    QCOMPARE(book.quantityOf(2)->value(), 10);
    checkIntegrity(book);
}

void TestOrderBook::addFrontJumpsTheQueue()
{
    OrderBook book;
    QVERIFY(book.add(1, Side::Sell, Price(70), Quantity(2)));
    QVERIFY(book.addFront(2, Side::Sell, Price(70), Quantity(3)));
    checkIntegrity(book);
    QCOMPARE(book.queueAhead(2)->value(), 0);
    QCOMPARE(book.queueAhead(1)->value(), 3);
}

void TestOrderBook::refusesBadInput()
{
    OrderBook book;
    QVERIFY(book.add(1, Side::Buy, Price(10), Quantity(1)));
    QCOMPARE(book.add(1, Side::Buy, Price(11), Quantity(1)).error().code, ErrorCode::AlreadyExists);
    QCOMPARE(book.add(2, Side::Buy, Price(10), Quantity(0)).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(book.add(3, Side::Sell, Price(10), Quantity(-4)).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(book.add(4, Side::Invalid, Price(10), Quantity(1)).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(book.add(~OrderId(0), Side::Buy, Price(10), Quantity(1)).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(book.modify(99, Price(10), Quantity(1)).error().code, ErrorCode::NotFound);
    QCOMPARE(book.modify(1, Price(10), Quantity(0)).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(book.orderCount(), std::size_t(1));
    checkIntegrity(book);
}

void TestOrderBook::depthIsBestFirst()
{
    OrderBook book;
    QVERIFY(book.add(1, Side::Buy, Price(99), Quantity(1)));
    QVERIFY(book.add(2, Side::Buy, Price(100), Quantity(2)));
    QVERIFY(book.add(3, Side::Buy, Price(100), Quantity(3)));
    QVERIFY(book.add(4, Side::Buy, Price(97), Quantity(4)));
    QVERIFY(book.add(5, Side::Sell, Price(102), Quantity(5)));
    QVERIFY(book.add(6, Side::Sell, Price(101), Quantity(6)));
    const auto bids = book.depth(Side::Buy, 2);
    const auto asks = book.depth(Side::Sell, 10);
    QCOMPARE(bids.size(), std::size_t(2));
    QCOMPARE(bids[0], (LevelView{Price(100), Quantity(5), 2}));
    QCOMPARE(bids[1], (LevelView{Price(99), Quantity(1), 1}));
    QCOMPARE(asks.size(), std::size_t(2));
    QCOMPARE(asks[0], (LevelView{Price(101), Quantity(6), 1}));
}

void TestOrderBook::averageFillPriceWalksTheBook()
{
    OrderBook book;
    QVERIFY(book.add(1, Side::Sell, Price(100), Quantity(10)));
    QVERIFY(book.add(2, Side::Sell, Price(102), Quantity(10)));
    QCOMPARE(*book.averageFillPrice(Side::Sell, Quantity(10)), 100.0);
    QCOMPARE(*book.averageFillPrice(Side::Sell, Quantity(20)), 101.0);
    QCOMPARE(*book.averageFillPrice(Side::Sell, Quantity(15)), (1000.0 + 510.0) / 15.0);
    QVERIFY(!book.averageFillPrice(Side::Sell, Quantity(21)));
    QVERIFY(!book.averageFillPrice(Side::Buy, Quantity(1)));
}

void TestOrderBook::removeLevelDropsEveryOrder()
{
    OrderBook book;
    QVERIFY(book.add(1, Side::Buy, Price(10), Quantity(1)));
    QVERIFY(book.add(2, Side::Buy, Price(10), Quantity(1)));
    QVERIFY(book.add(3, Side::Buy, Price(9), Quantity(1)));
    QCOMPARE(book.removeLevel(Side::Buy, Price(10)), std::size_t(2));
    QCOMPARE(book.removeLevel(Side::Buy, Price(42)), std::size_t(0));
    checkIntegrity(book);
    QVERIFY(!book.contains(1));
    QCOMPARE(book.bestBid()->value(), 9);
}

void TestOrderBook::poolReusesSlots()
{
    OrderBook book(16);
    for (int round = 0; round < 100; ++round) {
        for (OrderId id = 1; id <= 10; ++id)
            QVERIFY(book.add(id, id % 2 ? Side::Buy : Side::Sell, Price(id % 2 ? 100 - long(id) : 200 + long(id)),
                             Quantity(1)));
        for (OrderId id = 1; id <= 10; ++id)
            QVERIFY(book.cancel(id));
    }
    checkIntegrity(book);
    QCOMPARE(book.orderCount(), std::size_t(0));
    QCOMPARE(book.levelCount(Side::Buy), std::size_t(0));
}

void TestOrderBook::modifyKeepsPriorityOnlyWhenShrinking()
{
    OrderBook book;
    QVERIFY(book.add(1, Side::Sell, Price(70), Quantity(5)));
    QVERIFY(book.add(2, Side::Sell, Price(70), Quantity(5)));
    QVERIFY(book.add(3, Side::Sell, Price(70), Quantity(5)));
    // A smaller size keeps the place…
    QVERIFY(book.modify(1, Price(70), Quantity(2)));
    QCOMPARE(book.queueAhead(1)->value(), 0);
    QCOMPARE(book.queueAhead(2)->value(), 2);
    // …a larger one goes to the back…
    QVERIFY(book.modify(2, Price(70), Quantity(6)));
    QCOMPARE(book.queueAhead(2)->value(), 2 + 5);
    QCOMPARE(book.volumeAt(Side::Sell, Price(70)).value(), 2 + 5 + 6);
    // …and so does a new price, which moves the quantity between levels.
    QVERIFY(book.modify(3, Price(71), Quantity(4)));
    QCOMPARE(book.volumeAt(Side::Sell, Price(70)).value(), 2 + 6);
    QCOMPARE(book.volumeAt(Side::Sell, Price(71)).value(), 4);
    QCOMPARE(book.queueAhead(3)->value(), 0);
    // The same size at the same price changes nothing.
    QVERIFY(book.modify(1, Price(70), Quantity(2)));
    QCOMPARE(book.queueAhead(1)->value(), 0);
    checkIntegrity(book);
}

void TestOrderBook::handlesWalkTheQueue()
{
    OrderBook book;
    QVERIFY(book.add(1, Side::Buy, Price(50), Quantity(3), 7, 0x5));
    QVERIFY(book.add(2, Side::Buy, Price(50), Quantity(4), 8));
    QVERIFY(book.add(3, Side::Buy, Price(49), Quantity(5)));
    OrderBook::Handle h = book.levelFront(Side::Buy);
    QCOMPARE(book.orderId(h), OrderId(1));
    QCOMPARE(book.orderOwner(h), 7u);
    QCOMPARE(book.orderFlags(h), std::uint8_t(0x5));
    h = book.next(h);
    QCOMPARE(book.orderId(h), OrderId(2));
    QCOMPARE(book.next(h), OrderBook::kNoOrder);
    QCOMPARE(book.orderId(book.levelFront(Side::Buy, 1)), OrderId(3));
    QCOMPARE(book.levelFront(Side::Buy, 2), OrderBook::kNoOrder);
    QCOMPARE(book.levelFront(Side::Sell), OrderBook::kNoOrder);
    // take() reports what is left at the level and removes a filled order.
    QCOMPARE(book.take(book.find(1), Quantity(1)).value(), 2 + 4);
    QCOMPARE(book.take(book.find(1), Quantity(2)).value(), 4);
    QVERIFY(!book.contains(1));
    QCOMPARE(book.remove(book.find(2)).value(), 0);
    QCOMPARE(book.bestBid()->value(), 49);
    QCOMPARE(book.find(2), OrderBook::kNoOrder);
    checkIntegrity(book);
}

QTEST_APPLESS_MAIN(TestOrderBook)
#include "tst_order_book.moc"
