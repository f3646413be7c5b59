// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "core/instrument.h"

#include <QtTest>

using namespace meridian;

namespace {

Instrument btc()
{
    InstrumentSpec spec;
    spec.id = 1;
    spec.symbol = "BTCUSDT";
    spec.tickSize = Decimal(1, 2);    // 0.01
    spec.lotSize = Decimal(1, 5);     // 0.00001
    spec.minQuantity = Decimal(1, 4); // 0.0001
    return *Instrument::create(spec);
}

Instrument quarterTick()
{
    InstrumentSpec spec;
    spec.symbol = "ES";
    spec.assetClass = AssetClass::Future;
    spec.tickSize = Decimal(25, 2); // 0.25
    spec.lotSize = Decimal(1, 0);
    spec.multiplier = Decimal(50, 0);
    return *Instrument::create(spec);
}

} // namespace

class TestInstrument : public QObject
{
    Q_OBJECT
private slots:
    void priceRoundsToTickAsAsked_data();
    void priceRoundsToTickAsAsked();
    void exactRefusesOffGridPriceNamingIt();
    void quantityRoundsTowardZero();
    void passiveRoundingNeverImprovesPrice();
    void roundTripThroughDecimal();
    void notionalIsExact();
    void createRefusesBadSpecs_data();
    void createRefusesBadSpecs();
    void minimumQuantityInLots();
};

void TestInstrument::priceRoundsToTickAsAsked_data()
{
    QTest::addColumn<QString>("price");
    QTest::addColumn<int>("rounding");
    QTest::addColumn<qint64>("ticks");
    QTest::newRow("on grid exact") << "27123.45" << int(Rounding::Exact) << qint64(2712345);
    QTest::newRow("down") << "27123.459" << int(Rounding::Down) << qint64(2712345);
    QTest::newRow("up") << "27123.451" << int(Rounding::Up) << qint64(2712346);
    QTest::newRow("half even tie to even") << "27123.445" << int(Rounding::HalfEven) << qint64(2712344);
    QTest::newRow("half even above tie") << "27123.4451" << int(Rounding::HalfEven) << qint64(2712345);
    QTest::newRow("negative down") << "-0.015" << int(Rounding::Down) << qint64(-2);
    QTest::newRow("coarser scale") << "27123.4" << int(Rounding::Exact) << qint64(2712340);
}

void TestInstrument::priceRoundsToTickAsAsked()
{
    QFETCH(QString, price);
    QFETCH(int, rounding);
    QFETCH(qint64, ticks);

    const auto result = btc().parsePrice(price.toStdString(), static_cast<Rounding>(rounding));

    QVERIFY2(result.has_value(), result ? "" : result.error().message.c_str());
    QCOMPARE(result->value(), ticks);
}

void TestInstrument::exactRefusesOffGridPriceNamingIt()
{
    const auto result = quarterTick().parsePrice("4500.10", Rounding::Exact);

    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    QVERIFY(result.error().message.find("4500.10") != std::string::npos);
    QVERIFY(result.error().message.find("ES") != std::string::npos);
    QVERIFY(result.error().message.find("0.25") != std::string::npos);
    QCOMPARE(quarterTick().parsePrice("4500.10", Rounding::Down)->value(), 18000);
    QCOMPARE(quarterTick().parsePrice("4500.10", Rounding::Up)->value(), 18001);
}

void TestInstrument::quantityRoundsTowardZero()
{
    QCOMPARE(btc().parseQuantity("0.123456", Rounding::TowardZero)->value(), 12345);
    QCOMPARE(btc().parseQuantity("-0.123456", Rounding::TowardZero)->value(), -12345);
    QVERIFY(!btc().parseQuantity("0.123456", Rounding::Exact));
    QVERIFY(!btc().parseQuantity("0.1", Rounding::Invalid));
}

void TestInstrument::passiveRoundingNeverImprovesPrice()
{
    const Instrument es = quarterTick();
    const Price buy = *es.parsePrice("4500.10", passiveRounding(Side::Buy));
    const Price sell = *es.parsePrice("4500.10", passiveRounding(Side::Sell));

    QCOMPARE(es.formatPrice(buy), std::string("4500.00"));
    QCOMPARE(es.formatPrice(sell), std::string("4500.25"));
}

void TestInstrument::roundTripThroughDecimal()
{
    const Instrument instrument = btc();
    for (std::int64_t ticks :
         {std::int64_t(0), std::int64_t(1), std::int64_t(-7), std::int64_t(2712345), std::int64_t(999999999999)}) {
        const Decimal value = instrument.toDecimal(Price(ticks));
        QCOMPARE(instrument.toPrice(value, Rounding::Exact)->value(), ticks);
        QCOMPARE(instrument.parsePrice(value.toString(), Rounding::Exact)->value(), ticks);
    }
    QCOMPARE(instrument.formatQuantity(Quantity(12345)), std::string("0.12345"));
}

void TestInstrument::notionalIsExact()
{
    // 27123.45 × 0.12345 = 3348.3899025 USDT
    const Instrument instrument = btc();
    QCOMPARE(instrument.notional(Price(2712345), Quantity(12345))->units(), 334838990250LL);
    // ES: 4500.25 × 2 contracts × 50 = 450025
    QCOMPARE(quarterTick().notional(Price(18001), Quantity(2))->units(), 45002500000000LL);
    QCOMPARE(instrument.notional(Price::max(), Quantity::max()).error().code, ErrorCode::OutOfRange);
}

void TestInstrument::createRefusesBadSpecs_data()
{
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("tick");
    QTest::addColumn<QString>("lot");
    QTest::addColumn<QString>("minimum");
    QTest::newRow("empty symbol") << ""
                                  << "0.01"
                                  << "1"
                                  << "0";
    QTest::newRow("zero tick") << "X"
                               << "0"
                               << "1"
                               << "0";
    QTest::newRow("negative lot") << "X"
                                  << "0.01"
                                  << "-1"
                                  << "0";
    QTest::newRow("minimum off lot grid") << "X"
                                          << "0.01"
                                          << "0.1"
                                          << "0.15";
}

void TestInstrument::createRefusesBadSpecs()
{
    QFETCH(QString, symbol);
    QFETCH(QString, tick);
    QFETCH(QString, lot);
    QFETCH(QString, minimum);
    InstrumentSpec spec;
    spec.symbol = symbol.toStdString();
    spec.tickSize = *Decimal::parse(tick.toStdString());
    spec.lotSize = *Decimal::parse(lot.toStdString());
    spec.minQuantity = *Decimal::parse(minimum.toStdString());

    const auto result = Instrument::create(spec);

    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
}

void TestInstrument::minimumQuantityInLots()
{
    QCOMPARE(btc().minQuantity().value(), 10);
    QCOMPARE(quarterTick().minQuantity().value(), 1);
}

QTEST_APPLESS_MAIN(TestInstrument)
#include "tst_instrument.moc"
