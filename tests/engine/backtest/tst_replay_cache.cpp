// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The replay cache over real data (Tardis BTCUSDT trades, LOBSTER AAPL): the first load builds the file from
// the database, the next reads it and gets the same events; a new import, a damaged, cut or foreign file
// makes it rebuild; an unwritable cache folder costs nothing but speed; an order-book backtest over cached
// events equals one over the events made from the LOBSTER files.
#include "backtest/book_store.h"
#include "backtest/replay_cache.h"
#include "store/trade_import.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace meridian;
using namespace meridian::backtest;

namespace {

const std::string kTrades =
    MERIDIAN_TEST_DATA "/binance/trades/tardis_binance-futures_trades_BTCUSDT_2020-02-22_first9999.csv";
const std::string kMessages = MERIDIAN_TEST_DATA "/lobster/AAPL_2012-06-21_34200000_57600000_message_10.rows1-999.csv";
const std::string kBook = MERIDIAN_TEST_DATA "/lobster/AAPL_2012-06-21_34200000_57600000_orderbook_10.rows1-999.csv";

bool same(const std::vector<DepthEvent> &a, const std::vector<DepthEvent> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].time != b[i].time || a[i].kind != b[i].kind || a[i].side != b[i].side || a[i].price != b[i].price ||
            a[i].quantity != b[i].quantity)
            return false;
    return true;
}

ReplayRequest tradesOf(const std::string &symbol)
{
    ReplayRequest r;
    r.symbol = symbol;
    r.venue = "BINANCE_FUTURES";
    r.kind = store::DatasetKind::Trades;
    r.ticksPerPrice = 100;    // 0.01 USDT
    r.lotsPerQuantity = 1000; // 0.001 BTC
    return r;
}

} // namespace

class TestReplayCache : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tradesComeBackFromTheCache();
    void aNewImportRebuildsIt();
    void damagedFilesAreRebuilt();
    void anUnwritableFolderCostsOnlySpeed();
    void bookBacktestFromTheCacheEqualsTheFiles();

private:
    std::optional<store::Database> m_db;
    QTemporaryDir m_folder;
    std::string m_cache;
    std::vector<DepthEvent> m_trades; // the first load, from the database
};

void TestReplayCache::initTestCase()
{
    for (const std::string &f : {kTrades, kMessages, kBook})
        if (!QFile::exists(QString::fromStdString(f)))
            QSKIP(qPrintable(
                QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(QString::fromStdString(f))));
    QVERIFY(m_folder.isValid());
    auto db = store::Database::open(m_folder.filePath(QStringLiteral("replay.sqlite")).toStdString());
    QVERIFY(db);
    m_db.emplace(std::move(*db));
    m_cache = m_folder.filePath(QStringLiteral("cache")).toStdString();
    store::TradeImportOptions options;
    options.symbol = "BTCUSDT";
    options.venue = "BINANCE_FUTURES";
    QVERIFY(store::importTrades(*m_db, kTrades, options));
}

void TestReplayCache::tradesComeBackFromTheCache()
{
    const auto first = loadReplay(*m_db, m_cache, tradesOf("BTCUSDT"));
    QVERIFY2(first, first ? "" : first.error().message.c_str());
    QVERIFY(!first->fromCache);
    QVERIFY2(first->cacheProblem.empty(), first->cacheProblem.c_str());
    QCOMPARE(first->events.size(), std::size_t(9999));
    QVERIFY(QFile::exists(QString::fromStdString(first->file)));
    // Trades in time order, the resting side opposite the aggressor: 5,267 buys (data README) hit asks.
    std::size_t askHits = 0;
    for (std::size_t i = 0; i < first->events.size(); ++i) {
        QVERIFY(i == 0 || first->events[i].time >= first->events[i - 1].time);
        askHits += first->events[i].side == Side::Sell;
    }
    QCOMPARE(askHits, std::size_t(5267));
    QCOMPARE(first->events.front().kind, DepthEvent::Kind::Trade);
    m_trades = first->events;

    const auto second = loadReplay(*m_db, m_cache, tradesOf("BTCUSDT"));
    QVERIFY(second);
    QVERIFY(second->fromCache);
    QVERIFY(same(second->events, m_trades));
    // Without a cache folder the same events come straight from the database.
    const auto direct = loadReplay(*m_db, "", tradesOf("BTCUSDT"));
    QVERIFY(direct && !direct->fromCache && same(direct->events, m_trades));
    // Another scale is another cache entry.
    ReplayRequest coarse = tradesOf("BTCUSDT");
    coarse.ticksPerPrice = 10;
    const auto other = loadReplay(*m_db, m_cache, coarse);
    QVERIFY(other && !other->fromCache);
    QCOMPARE(other->events.front().price * 10, m_trades.front().price);
    QCOMPARE(**m_db->queryInt64("SELECT count(*) FROM replay_cache"), std::int64_t(2));
    // Nothing imported for that symbol: said so.
    const auto none = loadReplay(*m_db, m_cache, tradesOf("ETHUSDT"));
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::NotFound);
}

void TestReplayCache::aNewImportRebuildsIt()
{
    // The same file again changes no row: the cache stays valid.
    store::TradeImportOptions options;
    options.symbol = "BTCUSDT";
    options.venue = "BINANCE_FUTURES";
    QVERIFY(store::importTrades(*m_db, kTrades, options));
    auto r = loadReplay(*m_db, m_cache, tradesOf("BTCUSDT"));
    QVERIFY(r && r->fromCache);
    // One more trade: the data set's version moves and the cache is rebuilt with it.
    const std::string extra = m_folder.filePath(QStringLiteral("extra.csv")).toStdString();
    {
        std::ofstream out(extra);
        out << "exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n"
               "binance-futures,BTCUSDT,1582416000000000,1582416000001000,999999999,buy,9700.5,0.25\n";
    }
    QVERIFY(store::importTrades(*m_db, extra, options));
    r = loadReplay(*m_db, m_cache, tradesOf("BTCUSDT"));
    QVERIFY(r);
    QVERIFY(!r->fromCache);
    QVERIFY2(r->cacheProblem.find("imported again") != std::string::npos, r->cacheProblem.c_str());
    QCOMPARE(r->events.size(), m_trades.size() + 1);
    QCOMPARE(r->events.back().price, std::int64_t(970050));
    r = loadReplay(*m_db, m_cache, tradesOf("BTCUSDT"));
    QVERIFY(r && r->fromCache && r->events.size() == m_trades.size() + 1);
    m_trades = r->events;
}

void TestReplayCache::damagedFilesAreRebuilt()
{
    auto r = loadReplay(*m_db, m_cache, tradesOf("BTCUSDT"));
    QVERIFY(r && r->fromCache);
    const QString file = QString::fromStdString(r->file);
    // One flipped byte in the middle of the events.
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(32 + 32 * 100 + 9);
        char c = 0;
        f.getChar(&c);
        f.seek(32 + 32 * 100 + 9);
        f.putChar(static_cast<char>(c ^ 0x40));
    }
    r = loadReplay(*m_db, m_cache, tradesOf("BTCUSDT"));
    QVERIFY(r && !r->fromCache);
    QVERIFY2(r->cacheProblem.find("damaged") != std::string::npos, r->cacheProblem.c_str());
    QVERIFY(same(r->events, m_trades));
    // Cut short.
    QVERIFY(QFile::resize(file, QFileInfo(file).size() - 32));
    r = loadReplay(*m_db, m_cache, tradesOf("BTCUSDT"));
    QVERIFY(r && !r->fromCache);
    QVERIFY2(r->cacheProblem.find("cut short") != std::string::npos, r->cacheProblem.c_str());
    // Not a cache file at all.
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("date,open,high,low,close\n");
    }
    r = loadReplay(*m_db, m_cache, tradesOf("BTCUSDT"));
    QVERIFY(r && !r->fromCache);
    QVERIFY2(r->cacheProblem.find("not a replay cache file") != std::string::npos, r->cacheProblem.c_str());
    QVERIFY(same(r->events, m_trades));
    // Removed: rebuilt too; and then good again.
    QVERIFY(QFile::remove(file));
    r = loadReplay(*m_db, m_cache, tradesOf("BTCUSDT"));
    QVERIFY(r && !r->fromCache && same(r->events, m_trades));
    r = loadReplay(*m_db, m_cache, tradesOf("BTCUSDT"));
    QVERIFY(r && r->fromCache && same(r->events, m_trades));
}

void TestReplayCache::anUnwritableFolderCostsOnlySpeed()
{
    // The cache "folder" is a file: nothing can be created under it.
    const std::string blocked = m_folder.filePath(QStringLiteral("blocked")).toStdString();
    std::ofstream(blocked) << "x";
    const std::int64_t entries = **m_db->queryInt64("SELECT count(*) FROM replay_cache");
    ReplayRequest other = tradesOf("BTCUSDT");
    other.fromNs = 0;
    const auto r = loadReplay(*m_db, blocked + "/cache", other);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QVERIFY(!r->fromCache);
    QVERIFY2(r->cacheProblem.find("cannot create the cache folder") != std::string::npos, r->cacheProblem.c_str());
    QVERIFY(same(r->events, m_trades));
    QCOMPARE(**m_db->queryInt64("SELECT count(*) FROM replay_cache"), entries);
}

void TestReplayCache::bookBacktestFromTheCacheEqualsTheFiles()
{
    QVERIFY(importLobster(*m_db, kMessages, kBook, {"AAPL", "NASDAQ", "", -240, ""}));
    ReplayRequest request;
    request.symbol = "AAPL";
    request.venue = "NASDAQ";
    request.kind = store::DatasetKind::Book;
    QVERIFY(loadReplay(*m_db, m_cache, request));
    const auto cached = loadReplay(*m_db, m_cache, request);
    QVERIFY(cached && cached->fromCache);
    const auto messages = book::readLobsterMessages(kMessages);
    const auto rows = book::readLobsterBook(kBook);
    QVERIFY(messages && rows);
    const std::int64_t newYorkMidnight = 15'512LL * 86'400'000'000'000LL + 4 * 3'600'000'000'000LL;
    const std::vector<DepthEvent> fromFiles = depthEventsFromLobster(*messages, *rows, newYorkMidnight);
    QVERIFY(same(cached->events, fromFiles));

    InstrumentSpec spec;
    spec.id = 1;
    spec.symbol = "AAPL";
    spec.venue = "NASDAQ";
    spec.tickSize = Decimal(1, 4);
    spec.lotSize = Decimal(1, 0);
    const Instrument aapl = *Instrument::create(spec);
    L2BacktestConfig config;
    config.entryLatencyNs = config.marketDataLatencyNs = 100'000;
    const char *params = R"({"half_spread_ticks": 100, "order_size": 100, "max_inventory": 1000, "refresh_ms": 100})";
    const auto a = runL2Backtest(aapl, cached->events, FIXED_SPREAD_MM, params, config);
    const auto b = runL2Backtest(aapl, fromFiles, FIXED_SPREAD_MM, params, config);
    QVERIFY(a && b);
    QVERIFY(a->fills.size() > 0);
    QCOMPARE(a->fills.size(), b->fills.size());
    for (std::size_t i = 0; i < a->fills.size(); ++i) {
        QCOMPARE(a->fills[i].time, b->fills[i].time);
        QCOMPARE(a->fills[i].price, b->fills[i].price);
        QCOMPARE(a->fills[i].quantity, b->fills[i].quantity);
    }
    QCOMPARE(a->finalEquity, b->finalEquity);
}

QTEST_GUILESS_MAIN(TestReplayCache)
#include "tst_replay_cache.moc"
