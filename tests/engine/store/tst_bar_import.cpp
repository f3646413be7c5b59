// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Importing real kline and daily files from ../shared/data into a real database, checked against the
// sanity facts in that folder's README (computed there with a separate script), and refusing bad files
// without touching what is stored.
#include "core/timestamp.h"
#include "store/bar_import.h"
#include "store/migrations.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace meridian;
using namespace meridian::store;

namespace {

const QString kData = QStringLiteral(MERIDIAN_TEST_DATA);

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
    if (!s || !s->step().value_or(false))
        return std::nan("");
    return s->columnDouble(0);
}

std::string dataFile(const char *relative)
{
    return (kData + QLatin1Char('/') + QLatin1String(relative)).toStdString();
}

bool haveData(const char *relative)
{
    return QFile::exists(QString::fromStdString(dataFile(relative)));
}

#define REQUIRE_DATA(relative)                                                                                         \
    if (!haveData(relative))                                                                                           \
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)")                          \
                             .arg(QString::fromStdString(dataFile(relative)))));

void write(const QString &path, const QByteArray &content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
}

} // namespace

class TestBarImport : public QObject
{
    Q_OBJECT
private slots:
    void binanceMonthWithHeaderAndAllTwelveColumns();
    void binanceDailyFileWithoutHeader();
    void microsecondTimesMeanTheSameBars();
    void hourlyOhlcvWithItsGaps();
    void aShareDailyInLocalTime();
    void aBadFileIsRefusedWholeNamingItsLines();
    void duplicatesAndChangedRows();
};

void TestBarImport::binanceMonthWithHeaderAndAllTwelveColumns()
{
    REQUIRE_DATA("binance/klines/LINKUSDT-1m-2023-02.csv");
    Database db = openDatabase();
    BarImportOptions o;
    o.symbol = "LINKUSDT";
    o.venue = "BINANCE";
    const auto r = importBars(db, dataFile("binance/klines/LINKUSDT-1m-2023-02.csv"), o);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(r->rows, std::int64_t(40320));
    QCOMPARE(r->inserted, std::int64_t(40320));
    QCOMPARE(r->interval, std::string("1m"));
    QCOMPARE(r->missingBars, std::int64_t(0));
    QCOMPARE(r->firstTime, std::int64_t(1675209600000) * 1'000'000);
    // The README's sanity facts.
    QCOMPARE(queryReal(db, "SELECT max(high) FROM market_data"), 8.408);
    QCOMPARE(queryReal(db, "SELECT min(low) FROM market_data"), 6.411);
    QVERIFY(std::fabs(queryReal(db, "SELECT sum(volume) FROM market_data") - 1'277'407'180.05) < 1e-3);
    QVERIFY(std::fabs(queryReal(db, "SELECT sum(quote_volume) FROM market_data") - 9'442'659'097.42) < 1e-2);
    QCOMPARE(queryReal(db, "SELECT sum(trade_count) FROM market_data"), 17'362'393.0);
    // Again: nothing changes.
    const auto again = importBars(db, dataFile("binance/klines/LINKUSDT-1m-2023-02.csv"), o);
    QVERIFY(again);
    QCOMPARE(again->inserted, std::int64_t(0));
    QCOMPARE(again->updated, std::int64_t(0));
    QCOMPARE(again->unchanged, std::int64_t(40320));
    QCOMPARE(queryReal(db, "SELECT count(*) FROM market_data"), 40320.0);
}

void TestBarImport::binanceDailyFileWithoutHeader()
{
    REQUIRE_DATA("binance/klines/ADABTC-1m-2021-11-27.csv");
    Database db = openDatabase();
    BarImportOptions o;
    o.symbol = "ADABTC";
    const auto r = importBars(db, dataFile("binance/klines/ADABTC-1m-2021-11-27.csv"), o);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(r->rows, std::int64_t(10));
    QCOMPARE(queryReal(db, "SELECT sum(volume) FROM market_data"), 384968.0);
    QCOMPARE(queryReal(db, "SELECT sum(trade_count) FROM market_data"), 566.0);
    auto s = db.prepare("SELECT source FROM market_data LIMIT 1");
    QVERIFY(s && *s->step());
    QCOMPARE(s->columnText(0), std::string("ADABTC-1m-2021-11-27.csv"));
}

void TestBarImport::microsecondTimesMeanTheSameBars()
{
    REQUIRE_DATA("binance/klines/ADABTC-1m-2021-11-27.csv");
    QFile original(QString::fromStdString(dataFile("binance/klines/ADABTC-1m-2021-11-27.csv")));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray micro;
    for (const QByteArray &line : original.readAll().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QList<QByteArray> f = line.trimmed().split(',');
        f[0] += "000"; // data.binance.vision's spot files from 2025 on
        f[6] += "000";
        micro += f.join(',') + '\n';
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ADABTC-us.csv"));
    write(path, micro);
    Database db = openDatabase();
    BarImportOptions o;
    o.symbol = "ADABTC";
    const auto ms = importBars(db, dataFile("binance/klines/ADABTC-1m-2021-11-27.csv"), o);
    const auto us = importBars(db, path.toStdString(), o);
    QVERIFY(ms && us);
    QCOMPARE(us->firstTime, ms->firstTime);
    QCOMPARE(us->inserted, std::int64_t(0)); // the very same bars
    QCOMPARE(us->unchanged, std::int64_t(10));
}

void TestBarImport::hourlyOhlcvWithItsGaps()
{
    REQUIRE_DATA("binance/klines/BTCUSDT_1h_2018-02-09_2025-03-31_ohlcv.csv");
    Database db = openDatabase();
    BarImportOptions o;
    o.format = BarImportOptions::Format::Ohlcv;
    o.symbol = "BTCUSDT";
    o.venue = "BINANCE";
    const auto r = importBars(db, dataFile("binance/klines/BTCUSDT_1h_2018-02-09_2025-03-31_ohlcv.csv"), o);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(r->rows, std::int64_t(62482));
    QCOMPARE(r->interval, std::string("1h"));
    std::int64_t gaps = 0, duplicates = 0;
    for (const ImportIssue &i : r->issues) {
        gaps += i.kind == ImportIssue::Kind::Gap;
        duplicates += i.kind == ImportIssue::Kind::Duplicate;
    }
    QCOMPARE(gaps, std::int64_t(25)); // each a known Binance maintenance or halt
    QCOMPARE(duplicates, std::int64_t(0));
    const auto halt = std::find_if(r->issues.begin(), r->issues.end(), [](const ImportIssue &i) {
        return i.detail.find("2018-06-26T01:00:00Z and 2018-06-26T12:00:00Z") != std::string::npos;
    });
    QVERIFY(halt != r->issues.end());
    QCOMPARE(halt->detail.substr(0, 15), std::string("10 bars missing"));
    QCOMPARE(queryReal(db, "SELECT max(high) FROM market_data"), 109588.0);
    QCOMPARE(queryReal(db, "SELECT min(low) FROM market_data"), 3156.26);
    QVERIFY(std::fabs(queryReal(db, "SELECT sum(volume) FROM market_data") - 184'201'045.760004) < 1e-3);
}

void TestBarImport::aShareDailyInLocalTime()
{
    REQUIRE_DATA("cn_ashare/600519.SH_daily_baostock_qfq_2001-2020.csv");
    Database db = openDatabase();
    BarImportOptions o;
    o.format = BarImportOptions::Format::Ohlcv;
    o.symbol = "600519.SH";
    o.venue = "SSE";
    o.utcOffsetMinutes = 480; // Beijing time
    const auto r = importBars(db, dataFile("cn_ashare/600519.SH_daily_baostock_qfq_2001-2020.csv"), o);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(r->interval, std::string("1d"));
    // 2001-08-27 00:00 in Beijing is 2001-08-26 16:00 UTC.
    QCOMPARE(Timestamp::fromNanoseconds(r->firstTime).toIso8601(0), std::string("2001-08-26T16:00:00Z"));
    // Weekends are not gaps; holidays (missing weekdays) are reported.
    for (const ImportIssue &i : r->issues)
        if (i.kind == ImportIssue::Kind::Gap)
            QVERIFY(i.detail.find("missing between") != std::string::npos);
    qInfo("600519.SH: %lld days, %lld missing weekdays in %zu gaps", (long long)r->rows, (long long)r->missingBars,
          r->issues.size());
    QVERIFY(r->rows > 4000);
}

void TestBarImport::aBadFileIsRefusedWholeNamingItsLines()
{
    REQUIRE_DATA("binance/klines/ADABTC-1m-2021-11-27.csv");
    Database db = openDatabase();
    BarImportOptions o;
    o.symbol = "ADABTC";
    QVERIFY(importBars(db, dataFile("binance/klines/ADABTC-1m-2021-11-27.csv"), o));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.csv"));
    write(path, "1637971800000,0.1,0.2,0.1,0.15,10,1637971859999,1,1,1,1,0\n"
                "1637971860000,0.1,0.05,0.1,0.1,10,1637971919999,1,1,1,1,0\n" // high below low
                "1637971920000,0.1,0.2,0.1,0.1,-3,1637971979999,1,1,1,1,0\n"  // negative volume
                "1637971980000,0.1,x,0.1,0.1,10,1637972039999,1,1,1,1,0\n"    // not a number
                "1637972040000,0.1,0.2,0.1\n");                               // too short
    const auto r = importBars(db, path.toStdString(), o);
    QVERIFY(!r);
    const std::string &m = r.error().message;
    QVERIFY2(m.find("nothing imported") != std::string::npos && m.find("4 bad lines") != std::string::npos, m.c_str());
    QVERIFY2(m.find("line 2: high 0.05 is below low 0.1") != std::string::npos, m.c_str());
    QVERIFY(m.find("line 3: negative volume -3") != std::string::npos);
    QVERIFY(m.find("line 4: a price, volume or count is not a number") != std::string::npos);
    QVERIFY(m.find("line 5: 4 fields, expected 12") != std::string::npos);
    // The good first line was not imported, and what was there is intact.
    QCOMPARE(queryReal(db, "SELECT count(*) FROM market_data"), 10.0);
    QVERIFY(!importBars(db, dir.filePath(QStringLiteral("absent.csv")).toStdString(), o));
    o.symbol.clear();
    QVERIFY(!importBars(db, dataFile("binance/klines/ADABTC-1m-2021-11-27.csv"), o));
}

void TestBarImport::duplicatesAndChangedRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dup.csv"));
    write(path, "date,open,high,low,close,volume\n"
                "2024-01-02,10,11,9,10.5,100\n"
                "2024-01-01,10,11,9,10,100\n"   // out of order
                "2024-01-02,10,11,9,10.5,100\n" // the same bar twice
                "2024-01-03,10.5,12,10,11,100\n");
    Database db = openDatabase();
    BarImportOptions o;
    o.format = BarImportOptions::Format::Ohlcv;
    o.symbol = "TEST";
    const auto r = importBars(db, path.toStdString(), o);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(r->rows, std::int64_t(3));
    QCOMPARE(r->issues.size(), std::size_t(2));
    QCOMPARE(r->issues[0].kind, ImportIssue::Kind::OutOfOrder);
    QCOMPARE(r->issues[0].line, std::int64_t(3));
    QCOMPARE(r->issues[1].kind, ImportIssue::Kind::Duplicate);
    QCOMPARE(r->issues[1].line, std::int64_t(4));

    write(path, "date,open,high,low,close,volume\n2024-01-02,10,11,9,10.6,100\n2024-01-02,10,11,9,10.5,100\n");
    const auto conflict = importBars(db, path.toStdString(), o);
    QVERIFY(!conflict);
    QVERIFY2(conflict.error().message.find("line 3: time 2024-01-02T00:00:00Z again (line 2) with other values") !=
                 std::string::npos,
             conflict.error().message.c_str());

    write(path, "date,open,high,low,close,volume\n2024-01-02,10,11,9,10.6,100\n");
    QVERIFY(!importBars(db, path.toStdString(), o)); // one bar: the interval cannot be inferred
    o.interval = "1d";
    const auto changed = importBars(db, path.toStdString(), o);
    QVERIFY(changed);
    QCOMPARE(changed->updated, std::int64_t(1));
    QCOMPARE(queryReal(db, "SELECT close FROM market_data WHERE ts = 1704153600000000000"), 10.6);
}

QTEST_APPLESS_MAIN(TestBarImport)
#include "tst_bar_import.moc"
