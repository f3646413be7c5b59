// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// LOBSTER files imported into the database and read back: the messages and book rows come back exactly, at
// the right UTC times; the depth events a replay makes from them equal those made from the files; importing
// again changes nothing; bad files are refused naming the file and line, and leave the database as it was.
#include "backtest/book_store.h"
#include "backtest/l2_backtest.h"
#include "core/timestamp.h"
#include "store/datasets.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace meridian;
using namespace meridian::backtest;

namespace {

const std::string kMessages = MERIDIAN_TEST_DATA "/lobster/AAPL_2012-06-21_34200000_57600000_message_10.rows1-999.csv";
const std::string kBook = MERIDIAN_TEST_DATA "/lobster/AAPL_2012-06-21_34200000_57600000_orderbook_10.rows1-999.csv";
const std::string kOtherBook = MERIDIAN_TEST_DATA "/lobster/AMZN_2012-06-21_34200000_57600000_orderbook_1.resaved.csv";
constexpr int kNewYorkSummer = -240; // EDT, UTC−4, on 2012-06-21

std::int64_t count(store::Database &db)
{
    return **db.queryInt64("SELECT count(*) FROM book_messages");
}

} // namespace

class TestBookStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void importsAndReadsBackExactly();
    void importingAgainChangesNothing();
    void refusesBadFilesAndKeepsWhatIsStored();

private:
    std::optional<store::Database> m_db;
};

void TestBookStore::initTestCase()
{
    for (const std::string &f : {kMessages, kBook, kOtherBook})
        if (!QFile::exists(QString::fromStdString(f)))
            QSKIP(qPrintable(
                QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(QString::fromStdString(f))));
    auto db = store::Database::openInMemory();
    QVERIFY(db);
    m_db.emplace(std::move(*db));
}

void TestBookStore::importsAndReadsBackExactly()
{
    LobsterImportOptions options{"AAPL", "NASDAQ", "", kNewYorkSummer, ""};
    const auto report = importLobster(*m_db, kMessages, kBook, options);
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QCOMPARE(report->rows, std::int64_t(999));
    QCOMPARE(report->inserted, std::int64_t(999));
    // 34,200 s after midnight in New York is 13:30 UTC; the date comes from the file name.
    QCOMPARE(Timestamp::fromNanoseconds(report->firstTime).toIso8601(0), std::string("2012-06-21T13:30:00Z"));
    QCOMPARE(*store::datasetVersion(*m_db, "AAPL", "NASDAQ", store::DatasetKind::Book), std::int64_t(1));

    const auto messages = book::readLobsterMessages(kMessages);
    const auto rows = book::readLobsterBook(kBook);
    QVERIFY(messages && rows);
    const auto stored = loadBookMessages(*m_db, "AAPL", "NASDAQ");
    QVERIFY2(stored, stored ? "" : stored.error().message.c_str());
    QCOMPARE(stored->messages.size(), messages->size());
    QCOMPARE(stored->book.levels(), 10);
    // dayStartNs is UTC midnight, so stored times run 4 hours later than New York's.
    const std::int64_t shift = 4 * 3'600'000'000'000LL;
    for (std::size_t i = 0; i < messages->size(); ++i) {
        const book::LobsterMessage &a = (*messages)[i], &b = stored->messages[i];
        QCOMPARE(b.timeNs, a.timeNs + shift);
        QCOMPARE(b.type, a.type);
        QCOMPARE(b.orderId, a.orderId);
        QCOMPARE(b.size, a.size);
        QCOMPARE(b.price, a.price);
        QCOMPARE(b.direction, a.direction);
        QCOMPARE(stored->book.columns(i), rows->columns(i));
    }
    // The replay's events are the same from the database as from the files, at the same instants.
    const std::int64_t newYorkMidnight = 15'512LL * 86'400'000'000'000LL + shift; // 2012-06-21 is day 15,512
    const auto fromFiles = depthEventsFromLobster(*messages, *rows, newYorkMidnight);
    const auto fromDb = depthEventsFromLobster(stored->messages, stored->book, stored->dayStartNs);
    QCOMPARE(fromDb.size(), fromFiles.size());
    for (std::size_t i = 0; i < fromDb.size(); ++i) {
        QCOMPARE(fromDb[i].time, fromFiles[i].time);
        QCOMPARE(fromDb[i].kind, fromFiles[i].kind);
        QCOMPARE(fromDb[i].side, fromFiles[i].side);
        QCOMPARE(fromDb[i].price, fromFiles[i].price);
        QCOMPARE(fromDb[i].quantity, fromFiles[i].quantity);
    }
    // A period: the messages of the first ten seconds only (the sample covers 49 s).
    const auto minute =
        loadBookMessages(*m_db, "AAPL", "NASDAQ", report->firstTime, report->firstTime + 10'000'000'000);
    QVERIFY(minute);
    QVERIFY(minute->messages.size() > 0 && minute->messages.size() < messages->size());
    const auto none = loadBookMessages(*m_db, "MSFT", "NASDAQ");
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::NotFound);
    QVERIFY(none.error().message.find("import them first") != std::string::npos);
}

void TestBookStore::importingAgainChangesNothing()
{
    const auto again = importLobster(*m_db, kMessages, kBook, {"AAPL", "NASDAQ", "", kNewYorkSummer, ""});
    QVERIFY(again);
    QCOMPARE(again->inserted, std::int64_t(0));
    QCOMPARE(again->updated, std::int64_t(0));
    QCOMPARE(again->unchanged, std::int64_t(999));
    QCOMPARE(*store::datasetVersion(*m_db, "AAPL", "NASDAQ", store::DatasetKind::Book), std::int64_t(1));
}

void TestBookStore::refusesBadFilesAndKeepsWhatIsStored()
{
    const std::int64_t before = count(*m_db);
    // Files of different lengths.
    auto r = importLobster(*m_db, kMessages, kOtherBook, {"AAPL", "X", "", kNewYorkSummer, ""});
    QVERIFY(!r);
    QVERIFY2(r.error().message.find("999 messages") != std::string::npos, r.error().message.c_str());
    QVERIFY(r.error().message.find(kOtherBook) != std::string::npos);
    // No offset, no date.
    r = importLobster(*m_db, kMessages, kBook, {"AAPL", "X", "", std::nullopt, ""});
    QVERIFY(!r);
    QVERIFY(r.error().message.find("UTC offset") != std::string::npos);
    QTemporaryDir folder;
    const std::string undated = folder.filePath(QStringLiteral("messages.csv")).toStdString();
    QVERIFY(QFile::copy(QString::fromStdString(kMessages), QString::fromStdString(undated)));
    r = importLobster(*m_db, undated, kBook, {"AAPL", "X", "", kNewYorkSummer, ""});
    QVERIFY(!r);
    QVERIFY2(r.error().message.find("no YYYY-MM-DD date") != std::string::npos, r.error().message.c_str());
    // A malformed row: named by file and line, and nothing of the pair is stored.
    const std::string broken = folder.filePath(QStringLiteral("AAPL_2012-06-22_message.csv")).toStdString();
    {
        std::ifstream in(kMessages);
        std::ofstream out(broken);
        std::string line;
        for (int n = 1; std::getline(in, line); ++n)
            out << (n == 500 ? std::string("34713.1,9,1,100,5850000,1") : line) << '\n';
    }
    r = importLobster(*m_db, broken, kBook, {"AAPL", "NASDAQ", "", kNewYorkSummer, ""});
    QVERIFY(!r);
    QVERIFY2(r.error().message.find(broken) != std::string::npos, r.error().message.c_str());
    QVERIFY2(r.error().message.find("500") != std::string::npos, r.error().message.c_str());
    QCOMPARE(count(*m_db), before);
    QCOMPARE(*store::datasetVersion(*m_db, "AAPL", "NASDAQ", store::DatasetKind::Book), std::int64_t(1));
}

QTEST_GUILESS_MAIN(TestBookStore)
#include "tst_book_store.moc"
