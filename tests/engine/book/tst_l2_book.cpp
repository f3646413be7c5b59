// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "book/l2_book.h"

#include <QtTest>

using namespace meridian;
using meridian::book::L2Book;
using meridian::book::LevelView;

namespace {

void checkIntegrity(const L2Book &book)
{
    const auto ok = book.checkIntegrity();
    QVERIFY2(ok.has_value(), ok ? "" : ok.error().message.c_str());
}

} // namespace

class TestL2Book : public QObject
{
    Q_OBJECT
private slots:
    void addAndReduceAggregateAtPrice();
    void setReplacesOrRemovesALevel();
    void exchangeReturnsWhatWasThere();
    void modifyMovesQuantity();
    void depthBestFirstAndWalk();
    void refusesBadInput();
    void integrityFindsACrossedBook();
};

void TestL2Book::addAndReduceAggregateAtPrice()
{
    L2Book book;
    QVERIFY(book.add(Side::Buy, Price(100), Quantity(5)));
    QVERIFY(book.add(Side::Buy, Price(100), Quantity(3)));
    QVERIFY(book.add(Side::Buy, Price(99), Quantity(1)));
    QCOMPARE(book.volumeAt(Side::Buy, Price(100)).value(), 8);
    QCOMPARE(book.queueAhead(Side::Buy, Price(100)).value(), 8);
    QVERIFY(book.execute(Side::Buy, Price(100), Quantity(6)));
    QVERIFY(book.cancel(Side::Buy, Price(100), Quantity(2)));
    QCOMPARE(book.levelCount(Side::Buy), std::size_t(1));
    QCOMPARE(book.bestBid()->value(), 99);
    QVERIFY(!book.bestAsk());
    checkIntegrity(book);
}

void TestL2Book::setReplacesOrRemovesALevel()
{
    L2Book book;
    QVERIFY(book.set(Side::Sell, Price(105), Quantity(7)));
    QVERIFY(book.set(Side::Sell, Price(105), Quantity(2)));
    QCOMPARE(book.volumeAt(Side::Sell, Price(105)).value(), 2);
    QVERIFY(book.set(Side::Sell, Price(105), Quantity(0)));
    QCOMPARE(book.levelCount(Side::Sell), std::size_t(0));
    QVERIFY(book.set(Side::Sell, Price(200), Quantity(0))); // removing an absent level is not an error
    checkIntegrity(book);
}

void TestL2Book::modifyMovesQuantity()
{
    L2Book book;
    QVERIFY(book.add(Side::Sell, Price(110), Quantity(10)));
    QVERIFY(book.modify(Side::Sell, Price(110), Quantity(4), Price(111), Quantity(6)));
    QCOMPARE(book.volumeAt(Side::Sell, Price(110)).value(), 6);
    QCOMPARE(book.volumeAt(Side::Sell, Price(111)).value(), 6);
    // Nothing changes when the old quantity is not there.
    QVERIFY(!book.modify(Side::Sell, Price(110), Quantity(7), Price(112), Quantity(1)));
    QVERIFY(!book.modify(Side::Sell, Price(110), Quantity(1), Price(112), Quantity(0)));
    QCOMPARE(book.volumeAt(Side::Sell, Price(110)).value(), 6);
    QCOMPARE(book.levelCount(Side::Sell), std::size_t(2));
}

void TestL2Book::depthBestFirstAndWalk()
{
    L2Book book;
    for (int i = 0; i < 5; ++i) {
        QVERIFY(book.add(Side::Sell, Price(101 + i), Quantity(10)));
        QVERIFY(book.add(Side::Buy, Price(99 - i), Quantity(10)));
    }
    const auto asks = book.depth(Side::Sell, 3);
    QCOMPARE(asks.size(), std::size_t(3));
    QCOMPARE(asks[0], (LevelView{Price(101), Quantity(10), 0}));
    QCOMPARE(asks[2].price.value(), 103);
    QCOMPARE(book.depth(Side::Buy, 10).back().price.value(), 95);
    // Taking 15 from the asks: 10 at 101 and 5 at 102.
    QCOMPARE(*book.averageFillPrice(Side::Sell, Quantity(15)), (10.0 * 101 + 5.0 * 102) / 15.0);
    QVERIFY(!book.averageFillPrice(Side::Sell, Quantity(51)));
    QVERIFY(!book.averageFillPrice(Side::Sell, Quantity(0)));
    checkIntegrity(book);
}

void TestL2Book::refusesBadInput()
{
    L2Book book;
    QCOMPARE(book.add(Side::Invalid, Price(1), Quantity(1)).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(book.add(Side::Buy, Price(1), Quantity(0)).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(book.set(Side::Buy, Price(1), Quantity(-1)).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(book.reduce(Side::Buy, Price(1), Quantity(1)).error().code, ErrorCode::NotFound);
    QVERIFY(book.add(Side::Buy, Price(1), Quantity(2)));
    QCOMPARE(book.reduce(Side::Buy, Price(1), Quantity(3)).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(book.volumeAt(Side::Buy, Price(1)).value(), 2);
}

void TestL2Book::integrityFindsACrossedBook()
{
    L2Book book;
    QVERIFY(book.set(Side::Buy, Price(100), Quantity(1)));
    QVERIFY(book.set(Side::Sell, Price(100), Quantity(1)));
    QVERIFY(book.isCrossed());
    QCOMPARE(book.checkIntegrity().error().code, ErrorCode::CorruptData);
}

void TestL2Book::exchangeReturnsWhatWasThere()
{
    L2Book book;
    QCOMPARE(book.exchange(Side::Buy, Price(100), Quantity(5))->value(), 0); // a new level
    QCOMPARE(book.exchange(Side::Buy, Price(100), Quantity(8))->value(), 5);
    QCOMPARE(book.exchange(Side::Buy, Price(99), Quantity(2))->value(), 0);
    QCOMPARE(book.exchange(Side::Buy, Price(100), Quantity(0))->value(), 8); // removed
    QCOMPARE(book.levelCount(Side::Buy), std::size_t(1));
    QCOMPARE(book.bestBid()->value(), 99);
    QCOMPARE(book.exchange(Side::Sell, Price(101), Quantity(0))->value(), 0); // nothing to remove
    QVERIFY(!book.exchange(Side::Sell, Price(101), Quantity(-1)));
    QVERIFY(!book.exchange(Side::Invalid, Price(101), Quantity(1)));
    QVERIFY(book.checkIntegrity());
}

QTEST_APPLESS_MAIN(TestL2Book)
#include "tst_l2_book.moc"
