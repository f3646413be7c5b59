// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The ladder: levels land in the rows of their price (bids rounded down, asks up when ticks are grouped),
// own orders and traded volume beside them, the last trade marked; automatic grouping shows ten levels a
// side; scrolling moves away from the mid and centre() comes back; it paints.
#include "widgets/ladder_view.h"

#include <QAccessible>
#include <QKeyEvent>
#include <QtTest>

using namespace meridian::ui;

namespace {

LadderData sample()
{
    LadderData d;
    d.tick = 0.5;
    d.last = 100.5;
    d.bids = {{100.0, 3, 1}, {99.5, 2, 0}, {99.0, 7, 0}};
    d.asks = {{100.5, 4, 0}, {101.0, 1, 0.5}, {102.5, 6, 0}};
    d.traded = {{100.0, 10}, {100.5, 2.5}};
    return d;
}

const LadderView::Row *rowAt(const std::vector<LadderView::Row> &rows, double price)
{
    for (const LadderView::Row &r : rows)
        if (std::abs(r.price - price) < 1e-9)
            return &r;
    return nullptr;
}

} // namespace

class TestLadderView : public QObject
{
    Q_OBJECT
private slots:
    void levelsLandInTheirRows();
    void groupingSumsLevels();
    void autoGroupingShowsTenLevels();
    void scrollsAndCentres();
    void paints();
    void clickToTrade();
    void readsAsATableToScreenReaders();
};

void TestLadderView::levelsLandInTheirRows()
{
    LadderView ladder;
    ladder.resize(360, 600);
    ladder.setGrouping(1);
    ladder.setData(sample());
    const auto rows = ladder.visibleRows();
    // Highest price first, one tick apart.
    for (std::size_t i = 1; i < rows.size(); ++i)
        QCOMPARE(rows[i - 1].price - rows[i].price, 0.5);
    const LadderView::Row *best = rowAt(rows, 100.0);
    QVERIFY(best);
    QCOMPARE(best->bid, 3.0);
    QCOMPARE(best->ownBid, 1.0);
    QCOMPARE(best->traded, 10.0);
    QCOMPARE(rowAt(rows, 101.0)->ownAsk, 0.5);
    QCOMPARE(rowAt(rows, 102.5)->ask, 6.0);
    QVERIFY(rowAt(rows, 100.5)->last);
    QVERIFY(!rowAt(rows, 100.0)->last);
    QCOMPARE(rowAt(rows, 101.5)->ask, 0.0); // an empty price keeps its row
}

void TestLadderView::groupingSumsLevels()
{
    LadderView ladder;
    ladder.resize(360, 600);
    ladder.setGrouping(4); // 2.0 a row
    ladder.setData(sample());
    const auto rows = ladder.visibleRows();
    // Bids 99.0, 99.5 and 100.0 round down to 98.0 and 100.0; asks round up to 102.0 and 104.0.
    QCOMPARE(rowAt(rows, 100.0)->bid, 3.0);
    QCOMPARE(rowAt(rows, 98.0)->bid, 9.0);
    QCOMPARE(rowAt(rows, 102.0)->ask, 5.0);
    QCOMPARE(rowAt(rows, 104.0)->ask, 6.0);
    double bids = 0, asks = 0;
    for (const auto &r : rows) {
        bids += r.bid;
        asks += r.ask;
    }
    QCOMPARE(bids, 12.0);
    QCOMPARE(asks, 11.0);
}

void TestLadderView::autoGroupingShowsTenLevels()
{
    LadderData d;
    d.tick = 0.01;
    for (int i = 0; i < 20; ++i) {
        d.bids.push_back({100.0 - 3.0 * i, 1, 0}); // levels 300 ticks apart
        d.asks.push_back({100.03 + 3.0 * i, 1, 0});
    }
    LadderView ladder;
    ladder.resize(360, 600);
    ladder.setData(d);
    QVERIFY(ladder.step() > 1);
    const auto rows = ladder.visibleRows();
    int bidRows = 0, askRows = 0;
    for (const auto &r : rows) {
        bidRows += r.bid > 0;
        askRows += r.ask > 0;
    }
    QVERIFY2(bidRows >= 10 && askRows >= 10, qPrintable(QStringLiteral("%1 %2").arg(bidRows).arg(askRows)));
    // A round step: 1, 2 or 5 times a power of ten.
    std::int64_t step = ladder.step();
    while (step % 10 == 0)
        step /= 10;
    QVERIFY2(step == 1 || step == 2 || step == 5, qPrintable(QString::number(ladder.step())));
    // And the smallest that does it: the next smaller round step would not fit ten levels a side.
    QVERIFY(ladder.step() >= 50);
}

void TestLadderView::scrollsAndCentres()
{
    LadderView ladder;
    ladder.resize(360, 600);
    ladder.setGrouping(1);
    ladder.setData(sample());
    const double top = ladder.visibleRows().front().price;
    QKeyEvent up(QEvent::KeyPress, Qt::Key_Up, Qt::NoModifier);
    QApplication::sendEvent(&ladder, &up);
    QVERIFY(!ladder.centred());
    QCOMPARE(ladder.visibleRows().front().price, top + 0.5);
    LadderData moved = sample();
    for (auto &l : moved.bids)
        l.price += 5;
    for (auto &l : moved.asks)
        l.price += 5;
    ladder.setData(moved);
    ladder.centre();
    QVERIFY(ladder.centred());
    QCOMPARE(ladder.visibleRows().front().price, top + 5);
}

void TestLadderView::paints()
{
    LadderView ladder;
    ladder.resize(360, 400);
    ladder.setData(sample());
    const QImage image = ladder.grab().toImage();
    QCOMPARE(image.size(), ladder.size() * image.devicePixelRatio());
    // The bid and ask bars are drawn in their colours somewhere.
    bool blue = false, orange = false;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            blue = blue || (c.blue() > c.red() + 40);
            orange = orange || (c.red() > c.blue() + 60);
        }
    QVERIFY(blue && orange);
}

void TestLadderView::clickToTrade()
{
    LadderView ladder;
    ladder.resize(400, 600);
    ladder.setGrouping(1);
    ladder.setData(sample());
    ladder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ladder));
    QSignalSpy orders(&ladder, &LadderView::orderRequested);
    QSignalSpy cancels(&ladder, &LadderView::cancelRequested);
    const auto rows = ladder.visibleRows();
    const int rowHeight = ladder.fontMetrics().height() + 4;
    const auto at = [&](int row, double columnCentre) {
        return QPoint(static_cast<int>(columnCentre * ladder.width()), (row + 1) * rowHeight + rowHeight / 2);
    };
    QTest::mouseClick(&ladder, Qt::LeftButton, {}, at(5, 0.20));               // bid column
    QTest::mouseClick(&ladder, Qt::LeftButton, {}, at(2, 0.60));               // ask column
    QTest::mouseClick(&ladder, Qt::LeftButton, {}, at(7, 0.05));               // own bids: cancel
    QTest::mouseClick(&ladder, Qt::RightButton, {}, at(3, 0.40));              // right click on the price: cancel
    QTest::mouseClick(&ladder, Qt::LeftButton, {}, QPoint(50, rowHeight / 2)); // the header: nothing
    QCOMPARE(orders.count(), 2);
    QCOMPARE(orders.at(0).at(0).toBool(), true);
    QCOMPARE(orders.at(0).at(1).toDouble(), rows[5].price);
    QCOMPARE(orders.at(1).at(0).toBool(), false);
    QCOMPARE(orders.at(1).at(1).toDouble(), rows[2].price);
    QCOMPARE(cancels.count(), 2);
    QCOMPARE(cancels.at(0).at(0).toDouble(), rows[7].price);
    QCOMPARE(cancels.at(1).at(0).toDouble(), rows[3].price);
}

void TestLadderView::readsAsATableToScreenReaders()
{
    LadderView ladder;
    ladder.resize(360, 600);
    ladder.setGrouping(1);
    ladder.setData(sample());
    ladder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ladder));
    QAccessibleInterface *a = QAccessible::queryAccessibleInterface(&ladder);
    QVERIFY(a);
    QCOMPARE(a->role(), QAccessible::Table);
    QAccessibleTableInterface *table = a->tableInterface();
    QVERIFY(table);
    const auto rows = ladder.visibleRows();
    QCOMPARE(table->rowCount(), static_cast<int>(rows.size()));
    QCOMPARE(table->columnCount(), 6);
    QCOMPARE(table->columnDescription(1), QStringLiteral("Bid size"));
    QCOMPARE(a->childCount(), table->rowCount() * 6);
    // The best bid's row: its cells read the book, each with its column's name.
    int best = -1;
    for (int r = 0; r < static_cast<int>(rows.size()); ++r)
        if (rows[static_cast<std::size_t>(r)].price == 100.0)
            best = r;
    QVERIFY(best >= 0);
    QCOMPARE(table->rowDescription(best), QLocale().toString(100.0, 'g', 12));
    QAccessibleInterface *bid = table->cellAt(best, 1);
    QVERIFY(bid && bid->isValid());
    QCOMPARE(bid->role(), QAccessible::Cell);
    QCOMPARE(bid->text(QAccessible::Name), QStringLiteral("Bid size: 3"));
    QCOMPARE(bid->text(QAccessible::Value), QStringLiteral("3"));
    QCOMPARE(table->cellAt(best, 0)->text(QAccessible::Value), QStringLiteral("1"));
    QCOMPARE(table->cellAt(best, 5)->text(QAccessible::Name), QStringLiteral("Traded volume: 10"));
    QAccessibleTableCellInterface *cell = bid->tableCellInterface();
    QVERIFY(cell);
    QCOMPARE(cell->rowIndex(), best);
    QCOMPARE(cell->columnIndex(), 1);
    QCOMPARE(a->indexOfChild(bid), best * 6 + 1);
    QCOMPARE(table->cellAt(best, 1), bid); // kept, not made again
    // Where it is on screen, and found again from there.
    const QRect r = bid->rect();
    QVERIFY(QRect(ladder.mapToGlobal(QPoint(0, 0)), ladder.size()).contains(r));
    QCOMPARE(a->childAt(r.center().x(), r.center().y()), bid);
    // The row of the last trade says so.
    for (int row = 0; row < static_cast<int>(rows.size()); ++row)
        if (rows[static_cast<std::size_t>(row)].last)
            QVERIFY(table->cellAt(row, 2)->text(QAccessible::Name).contains(QStringLiteral("last trade")));
}

QTEST_MAIN(TestLadderView)
#include "tst_ladder_view.moc"
