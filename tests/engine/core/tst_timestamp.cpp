// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "core/rng.h"
#include "core/timestamp.h"

#include <QtTest>

using meridian::ErrorCode;
using meridian::Timestamp;

class TestTimestamp : public QObject
{
    Q_OBJECT
private slots:
    void parsesIso8601_data();
    void parsesIso8601();
    void refusesMalformedText_data();
    void refusesMalformedText();
    void formatsWithChosenPrecision();
    void roundTripsEveryNanosecond();
    void agreesWithQtOnRandomDates();
    void refusesOutOfRange();
};

void TestTimestamp::parsesIso8601_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("nanoseconds");
    QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << qint64(0);
    QTest::newRow("date only") << "2012-06-21" << qint64(1340236800) * 1000000000;
    QTest::newRow("lobster open") << "2012-06-21T09:30:00-04:00" << qint64(1340285400) * 1000000000;
    QTest::newRow("space and fraction") << "2023-03-01 00:00:00.5" << qint64(1677628800) * 1000000000 + 500000000;
    QTest::newRow("nanoseconds") << "2026-11-22T21:05:11.123456789Z" << qint64(1795381511123456789LL);
    QTest::newRow("offset +hhmm") << "2026-11-22T08:00:00+0800" << qint64(1795305600) * 1000000000;
    QTest::newRow("offset +hh") << "2026-11-22T08:00+08" << qint64(1795305600) * 1000000000;
    QTest::newRow("leap day") << "2024-02-29T12:00:00Z" << qint64(1709208000) * 1000000000;
    QTest::newRow("before epoch") << "1969-12-31T23:59:59.999999999Z" << qint64(-1);
    QTest::newRow("no seconds") << "2026-01-01T00:01" << qint64(1767225660) * 1000000000;
}

void TestTimestamp::parsesIso8601()
{
    QFETCH(QString, text);
    QFETCH(qint64, nanoseconds);

    const auto t = Timestamp::parseIso8601(text.toStdString());

    QVERIFY2(t.has_value(), t ? "" : t.error().message.c_str());
    QCOMPARE(t->nanoseconds(), nanoseconds);
}

void TestTimestamp::refusesMalformedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("month 13") << "2026-13-01";
    QTest::newRow("feb 30") << "2026-02-30";
    QTest::newRow("not a leap year") << "2023-02-29";
    QTest::newRow("hour 24") << "2026-01-01T24:00:00";
    QTest::newRow("garbage suffix") << "2026-01-01T00:00:00Zjunk";
    QTest::newRow("ten fraction digits") << "2026-01-01T00:00:00.1234567890";
    QTest::newRow("empty fraction") << "2026-01-01T00:00:00.";
    QTest::newRow("slashes") << "2026/01/01";
}

void TestTimestamp::refusesMalformedText()
{
    QFETCH(QString, text);

    const auto t = Timestamp::parseIso8601(text.toStdString());

    QVERIFY(!t.has_value());
    QCOMPARE(t.error().code, ErrorCode::InvalidArgument);
    QVERIFY(t.error().message.find(text.toStdString()) != std::string::npos);
}

void TestTimestamp::formatsWithChosenPrecision()
{
    const Timestamp t = Timestamp::fromNanoseconds(1795381511123456789LL);
    QCOMPARE(t.toIso8601(), std::string("2026-11-22T21:05:11.123456789Z"));
    QCOMPARE(t.toIso8601(6), std::string("2026-11-22T21:05:11.123456Z"));
    QCOMPARE(t.toIso8601(3), std::string("2026-11-22T21:05:11.123Z"));
    QCOMPARE(t.toIso8601(0), std::string("2026-11-22T21:05:11Z"));
    QCOMPARE(Timestamp::fromNanoseconds(-1).toIso8601(), std::string("1969-12-31T23:59:59.999999999Z"));
    QCOMPARE(Timestamp::fromNanoseconds(-1).milliseconds(), -1);
}

void TestTimestamp::roundTripsEveryNanosecond()
{
    meridian::Rng rng(20261122);
    for (int i = 0; i < 100000; ++i) {
        const auto t = Timestamp::fromNanoseconds(static_cast<std::int64_t>(rng.next()));
        const auto back = Timestamp::parseIso8601(t.toIso8601());
        QVERIFY2(back.has_value(), t.toIso8601().c_str());
        QCOMPARE(back->nanoseconds(), t.nanoseconds());
    }
}

void TestTimestamp::agreesWithQtOnRandomDates()
{
    // QDateTime is an independent implementation of the civil calendar.
    meridian::Rng rng(7);
    for (int i = 0; i < 20000; ++i) {
        const std::int64_t seconds = rng.uniformInt(-9000000000LL, 9000000000LL);
        const auto t = Timestamp::fromNanoseconds(seconds * 1000000000);
        const QString expected = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
        QCOMPARE(QString::fromStdString(t.toIso8601(0)), expected);
    }
}

void TestTimestamp::refusesOutOfRange()
{
    QCOMPARE(Timestamp::parseIso8601("2300-01-01").error().code, ErrorCode::OutOfRange);
    QCOMPARE(Timestamp::parseIso8601("1600-01-01").error().code, ErrorCode::OutOfRange);
}

QTEST_APPLESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
