// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Importing the real Tardis trades file from ../shared/data, checked against its README's sanity facts, and a
// Binance trades file made from it; bad files are refused whole.
#include "store/migrations.h"
#include "store/trade_import.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace meridian;
using namespace meridian::store;

namespace {

const QString kFile =
    QStringLiteral(MERIDIAN_TEST_DATA "/binance/trades/tardis_binance-futures_trades_BTCUSDT_2020-02-22_first9999.csv");

Database openDatabase()
{
    auto db = Database::openInMemory();
    if (!db || !db->migrate(schemaMigrations()))
        qFatal("cannot open a test database");
    return std::move(*db);
}

double queryReal(Database &db, const std::string &sql)
{
    auto s = db.prepare(sql);
    return s && s->step().value_or(false) ? s->columnDouble(0) : std::nan("");
}

void write(const QString &path, const QByteArray &content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
}

} // namespace

class TestTradeImport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tardisTradesMatchTheirFacts();
    void binanceTradesFile();
    void badTradesAreRefusedWhole();
};

void TestTradeImport::initTestCase()
{
    if (!QFile::exists(kFile))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(kFile)));
}

void TestTradeImport::tardisTradesMatchTheirFacts()
{
    Database db = openDatabase();
    TradeImportOptions o;
    o.symbol = "BTCUSDT";
    o.venue = "BINANCE_FUTURES";
    const auto r = importTrades(db, kFile.toStdString(), o);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(r->rows, std::int64_t(9999));
    QCOMPARE(r->missingBars, std::int64_t(0)); // ids 42377944..42387942, no gaps
    QVERIFY(r->issues.empty());
    QCOMPARE(r->firstTime, std::int64_t(1582329602111000) * 1000);
    // README: VWAP of all trades 9683.355188 on 4024.301; 5,267 buys; prices 9653.07 to 9710.7.
    QVERIFY(std::fabs(queryReal(db, "SELECT sum(price * quantity) / sum(quantity) FROM trades") - 9683.355188) < 1e-6);
    QVERIFY(std::fabs(queryReal(db, "SELECT sum(quantity) FROM trades") - 4024.301) < 1e-6);
    QCOMPARE(queryReal(db, "SELECT count(*) FROM trades WHERE aggressor = 'buy'"), 5267.0);
    QCOMPARE(queryReal(db, "SELECT min(price) FROM trades"), 9653.07);
    QCOMPARE(queryReal(db, "SELECT max(price) FROM trades"), 9710.7);
    const auto again = importTrades(db, kFile.toStdString(), o);
    QVERIFY(again);
    QCOMPARE(again->inserted, std::int64_t(0));
    QCOMPARE(again->unchanged, std::int64_t(9999));
}

void TestTradeImport::binanceTradesFile()
{
    // The first rows of the Tardis file in Binance's layout (no header): id, price, qty, quote_qty, time (ms),
    // is_buyer_maker, is_best_match; a buy aggressor is a buyer that was not the maker.
    QFile source(kFile);
    QVERIFY(source.open(QIODevice::ReadOnly));
    source.readLine();
    QByteArray binance;
    for (int i = 0; i < 100; ++i) {
        const QList<QByteArray> f = source.readLine().trimmed().split(',');
        const double price = f[6].toDouble(), qty = f[7].toDouble();
        binance += f[4] + ',' + f[6] + ',' + f[7] + ',' + QByteArray::number(price * qty, 'f', 8) + ',' +
                   QByteArray::number(f[2].toLongLong() / 1000) + ',' + (f[5] == "buy" ? "false" : "true") + ",true\n";
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("BTCUSDT-trades.csv"));
    write(path, binance);
    Database db = openDatabase();
    TradeImportOptions tardis;
    tardis.symbol = "BTCUSDT";
    QVERIFY(importTrades(db, kFile.toStdString(), tardis));
    TradeImportOptions o;
    o.format = TradeImportOptions::Format::BinanceTrades;
    o.symbol = "BTCUSDT";
    const auto r = importTrades(db, path.toStdString(), o);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(r->rows, std::int64_t(100));
    QCOMPARE(r->unchanged, std::int64_t(100)); // the very trades, aggressors included, already there
}

void TestTradeImport::badTradesAreRefusedWhole()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.csv"));
    write(path, "exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n"
                "x,BTCUSDT,1582329602111000,0,10,buy,9682,0.1\n"
                "x,BTCUSDT,1582329602112000,0,11,hold,9682,0.1\n"
                "x,BTCUSDT,1582329602113000,0,12,sell,-1,0.1\n"
                "x,BTCUSDT,1582329602114000,0,10,sell,9000,0.1\n"
                "x,BTCUSDT,1582329602115000,0,15,sell,9682,0.1\n");
    Database db = openDatabase();
    TradeImportOptions o;
    o.symbol = "BTCUSDT";
    const auto r = importTrades(db, path.toStdString(), o);
    QVERIFY(!r);
    const std::string &m = r.error().message;
    QVERIFY2(m.find("line 3: side 'hold' is neither buy nor sell") != std::string::npos, m.c_str());
    QVERIFY(m.find("line 4: the price and the quantity must be positive") != std::string::npos);
    QVERIFY(m.find("line 5: trade id 10 again (line 2) with other values") != std::string::npos);
    QCOMPARE(queryReal(db, "SELECT count(*) FROM trades"), 0.0);
    // The good rows alone import, and the ids missing between 10 and 15 are reported.
    write(path, "exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n"
                "x,BTCUSDT,1582329602111000,0,10,buy,9682,0.1\n"
                "x,BTCUSDT,1582329602115000,0,15,sell,9682,0.1\n");
    const auto good = importTrades(db, path.toStdString(), o);
    QVERIFY(good);
    QCOMPARE(good->missingBars, std::int64_t(4));
    QCOMPARE(good->issues.size(), std::size_t(1));
}

QTEST_APPLESS_MAIN(TestTradeImport)
#include "tst_trade_import.moc"
