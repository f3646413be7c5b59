// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Replays real LOBSTER message files into the L3 and the L2 book and compares both with LOBSTER's own
// orderbook file at every row, every level present in the file.
#include "book/lobster.h"

#include <QtTest>

using namespace meridian;
using namespace meridian::book;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(MERIDIAN_TEST_DATA "/lobster/") + QLatin1String(name);
}

QString describe(std::span<const LevelView> levels)
{
    QStringList parts;
    for (const auto &l : levels)
        parts << QStringLiteral("%1x%2").arg(l.price.value()).arg(l.quantity.value());
    return parts.join(QLatin1Char(' '));
}

// Our levels without order counts, to compare with a file that has none.
std::vector<LevelView> withoutCounts(std::vector<LevelView> levels)
{
    for (auto &l : levels)
        l.orderCount = 0;
    return levels;
}

} // namespace

class TestLobsterReplay : public QObject
{
    Q_OBJECT
private slots:
    void matchesOrderbookFileAtEveryRow_data();
    void matchesOrderbookFileAtEveryRow();
    void readerNamesFileAndLineOfBadRows();
};

void TestLobsterReplay::matchesOrderbookFileAtEveryRow_data()
{
    QTest::addColumn<QString>("messages");
    QTest::addColumn<QString>("orderbook");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("levels");
    QTest::newRow("AAPL level 10, first 999 events")
        << dataFile("AAPL_2012-06-21_34200000_57600000_message_10.rows1-999.csv")
        << dataFile("AAPL_2012-06-21_34200000_57600000_orderbook_10.rows1-999.csv") << 999 << 10;
    QTest::newRow("AMZN level 1, whole day")
        << dataFile("AMZN_2012-06-21_34200000_57600000_message_1.resaved.csv")
        << dataFile("AMZN_2012-06-21_34200000_57600000_orderbook_1.resaved.csv") << 57515 << 1;
}

void TestLobsterReplay::matchesOrderbookFileAtEveryRow()
{
    QFETCH(QString, messages);
    QFETCH(QString, orderbook);
    QFETCH(int, rows);
    QFETCH(int, levels);
    for (const QString &file : {messages, orderbook})
        if (!QFile::exists(file))
            QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(file)));

    const auto parsedMessages = readLobsterMessages(messages.toStdString());
    const auto parsedBook = readLobsterBook(orderbook.toStdString());
    QVERIFY2(parsedMessages, parsedMessages ? "" : parsedMessages.error().message.c_str());
    QVERIFY2(parsedBook, parsedBook ? "" : parsedBook.error().message.c_str());
    QCOMPARE(int(parsedMessages->size()), rows);
    QCOMPARE(int(parsedBook->size()), rows);
    QCOMPARE(parsedBook->levels(), levels);

    LobsterReplay replay(levels);
    LobsterL2Replay replayL2(levels);
    QVERIFY(replay.start(parsedMessages->front(), parsedBook->front()));
    QVERIFY(replayL2.start(parsedMessages->front(), parsedBook->front()));
    int compared = 0;
    for (std::size_t i = 1; i < parsedMessages->size(); ++i) {
        const auto applied = replay.apply((*parsedMessages)[i], (*parsedBook)[i]);
        QVERIFY2(
            applied,
            qPrintable(QStringLiteral("row %1: %2").arg(i + 1).arg(QString::fromStdString(applied.error().message))));
        const LobsterBookRow expected = (*parsedBook)[i];
        const auto same = [](const std::vector<LevelView> &ours, std::span<const LevelView> file) {
            return std::equal(ours.begin(), ours.end(), file.begin(), file.end());
        };
        const auto bids = withoutCounts(replay.book().depth(Side::Buy, std::size_t(levels)));
        const auto asks = withoutCounts(replay.book().depth(Side::Sell, std::size_t(levels)));
        if (!same(bids, expected.bids) || !same(asks, expected.asks))
            QFAIL(
                qPrintable(QStringLiteral("row %1 differs\n  ours asks %2 | bids %3\n  file asks %4 | bids %5")
                               .arg(i + 1)
                               .arg(describe(asks), describe(bids), describe(expected.asks), describe(expected.bids))));
        const auto integrity = replay.book().checkIntegrity();
        QVERIFY2(integrity, integrity ? "" : integrity.error().message.c_str());

        const auto appliedL2 = replayL2.apply((*parsedMessages)[i], (*parsedBook)[i]);
        QVERIFY2(
            appliedL2,
            qPrintable(
                QStringLiteral("L2 row %1: %2").arg(i + 1).arg(QString::fromStdString(appliedL2.error().message))));
        const auto bidsL2 = replayL2.book().depth(Side::Buy, std::size_t(levels));
        const auto asksL2 = replayL2.book().depth(Side::Sell, std::size_t(levels));
        if (!same(bidsL2, expected.bids) || !same(asksL2, expected.asks))
            QFAIL(qPrintable(
                QStringLiteral("L2 row %1 differs\n  ours asks %2 | bids %3\n  file asks %4 | bids %5")
                    .arg(i + 1)
                    .arg(describe(asksL2), describe(bidsL2), describe(expected.asks), describe(expected.bids))));
        const auto integrityL2 = replayL2.book().checkIntegrity();
        QVERIFY2(integrityL2, integrityL2 ? "" : integrityL2.error().message.c_str());
        ++compared;
    }
    QCOMPARE(compared, rows - 1);
    const auto &s = replay.stats();
    qInfo("%d rows matched exactly; adds %zu, cancels %zu, executions %zu, hidden executions %zu, cross trades %zu, "
          "halts %zu, unknown-id reductions %zu, levels taken from the orderbook file %zu",
          compared + 1, s.adds, s.cancels, s.executions, s.hiddenExecutions, s.crossTrades, s.halts,
          s.unknownIdReductions, s.resyncedLevels);
    qInfo("L2 replay: levels taken from the orderbook file %zu", replayL2.stats().resyncedLevels);
    QCOMPARE(replayL2.stats().messages, s.messages);
    QCOMPARE(replayL2.halted(), replay.halted());
}

void TestLobsterReplay::readerNamesFileAndLineOfBadRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad_message.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Time,Type,OrderId,Size,Price,Direction\r\n34200.1,1,5,10,2238100,1\r\n34200.2,9,5,10,2238100,1");
    file.close();

    const auto result = readLobsterMessages(path.toStdString());

    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(result.error().message.find(path.toStdString() + ":3:") != std::string::npos,
             result.error().message.c_str());
    QVERIFY(result.error().message.find("event type") != std::string::npos);
    QCOMPARE(readLobsterMessages(dir.filePath(QStringLiteral("absent.csv")).toStdString()).error().code, ErrorCode::Io);
}

QTEST_APPLESS_MAIN(TestLobsterReplay)
#include "tst_lobster_replay.moc"
