// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "core/decimal.h"

#include <QtTest>

using meridian::Decimal;
using meridian::ErrorCode;
using meridian::Rounding;

class TestDecimal : public QObject
{
    Q_OBJECT
private slots:
    void parseKeepsWrittenScale_data();
    void parseKeepsWrittenScale();
    void parseRefusesMalformedText_data();
    void parseRefusesMalformedText();
    void parseRefusesOverflow();
    void compareAcrossScales();
    void normalizedDropsTrailingZeros();
    void rescaledRoundsAsAsked_data();
    void rescaledRoundsAsAsked();
};

void TestDecimal::parseKeepsWrittenScale_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("mantissa");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QString>("formatted");
    QTest::newRow("integer") << "123" << qint64(123) << 0 << "123";
    QTest::newRow("fraction") << "27123.45" << qint64(2712345) << 2 << "27123.45";
    QTest::newRow("trailing zeros") << "1.50" << qint64(150) << 2 << "1.50";
    QTest::newRow("negative") << "-0.001" << qint64(-1) << 3 << "-0.001";
    QTest::newRow("plus sign") << "+7" << qint64(7) << 0 << "7";
    QTest::newRow("leading point") << ".5" << qint64(5) << 1 << "0.5";
    QTest::newRow("exponent") << "1e-8" << qint64(1) << 8 << "0.00000001";
    QTest::newRow("positive exponent") << "2.5E3" << qint64(2500) << 0 << "2500";
    QTest::newRow("zero") << "0.000" << qint64(0) << 3 << "0.000";
    QTest::newRow("max") << "9223372036854775807" << qint64(9223372036854775807LL) << 0 << "9223372036854775807";
    QTest::newRow("long zero fraction") << "1.000000000000000000000" << qint64(1000000000000000000LL) << 18
                                        << "1.000000000000000000";
}

void TestDecimal::parseKeepsWrittenScale()
{
    QFETCH(QString, text);
    QFETCH(qint64, mantissa);
    QFETCH(int, scale);
    QFETCH(QString, formatted);

    const auto value = Decimal::parse(text.toStdString());

    QVERIFY2(value.has_value(), value ? "" : value.error().message.c_str());
    QCOMPARE(value->mantissa(), mantissa);
    QCOMPARE(value->scale(), scale);
    QCOMPARE(QString::fromStdString(value->toString()), formatted);
}

void TestDecimal::parseRefusesMalformedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("sign only") << "-";
    QTest::newRow("point only") << ".";
    QTest::newRow("letters") << "12a";
    QTest::newRow("two points") << "1.2.3";
    QTest::newRow("space") << " 1";
    QTest::newRow("exponent without digits") << "1e";
    QTest::newRow("comma") << "1,5";
}

void TestDecimal::parseRefusesMalformedText()
{
    QFETCH(QString, text);

    const auto value = Decimal::parse(text.toStdString());

    QVERIFY(!value.has_value());
    QCOMPARE(value.error().code, ErrorCode::InvalidArgument);
    QVERIFY(value.error().message.find(text.toStdString()) != std::string::npos);
}

void TestDecimal::parseRefusesOverflow()
{
    QCOMPARE(Decimal::parse("9223372036854775808").error().code, ErrorCode::OutOfRange);
    QCOMPARE(Decimal::parse("0.0000000000000000001").error().code, ErrorCode::OutOfRange);
    QCOMPARE(Decimal::parse("1e30").error().code, ErrorCode::OutOfRange);
    QCOMPARE(Decimal::parse(std::string(60, '9')).error().code, ErrorCode::OutOfRange);
}

void TestDecimal::compareAcrossScales()
{
    QVERIFY(Decimal(150, 2) == Decimal(15, 1));
    QVERIFY(Decimal(1, 2) < Decimal(1, 1));
    QVERIFY(Decimal(-1, 0) < Decimal(1, 18));
    QVERIFY(Decimal(9223372036854775807LL, 0) > Decimal(9223372036854775807LL, 18));
}

void TestDecimal::normalizedDropsTrailingZeros()
{
    QCOMPARE(Decimal(1500, 3).normalized().toString(), std::string("1.5"));
    QCOMPARE(Decimal(0, 5).normalized().scale(), 0);
    QCOMPARE(Decimal(100, 0).normalized().toString(), std::string("100"));
}

void TestDecimal::rescaledRoundsAsAsked_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("scale");
    QTest::addColumn<int>("rounding");
    QTest::addColumn<QString>("expected");
    const int down = int(Rounding::Down), up = int(Rounding::Up), zero = int(Rounding::TowardZero),
              even = int(Rounding::HalfEven);
    QTest::newRow("down positive") << "1.259" << 2 << down << "1.25";
    QTest::newRow("down negative") << "-1.251" << 2 << down << "-1.26";
    QTest::newRow("up positive") << "1.251" << 2 << up << "1.26";
    QTest::newRow("up negative") << "-1.259" << 2 << up << "-1.25";
    QTest::newRow("toward zero negative") << "-1.259" << 2 << zero << "-1.25";
    QTest::newRow("half even down") << "1.245" << 2 << even << "1.24";
    QTest::newRow("half even up") << "1.255" << 2 << even << "1.26";
    QTest::newRow("half even negative") << "-1.255" << 2 << even << "-1.26";
    QTest::newRow("widen") << "1.2" << 4 << down << "1.2000";
}

void TestDecimal::rescaledRoundsAsAsked()
{
    QFETCH(QString, text);
    QFETCH(int, scale);
    QFETCH(int, rounding);
    QFETCH(QString, expected);

    const auto value = Decimal::parse(text.toStdString())->rescaled(scale, static_cast<Rounding>(rounding));

    QVERIFY(value.has_value());
    QCOMPARE(QString::fromStdString(value->toString()), expected);
}

QTEST_APPLESS_MAIN(TestDecimal)
#include "tst_decimal.moc"
