// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The calibrate job into a real SQLite database: a LOBSTER day becomes the active parameter set of its
// symbol and scenario, with the fitted population, the data's range and the goodness of fit; a second run
// keeps the first, inactive; the active set gives back a scenario that builds and runs. Bars (Binance
// BTCUSDT 1h) give GARCH, jumps, the volume profile and, with March 2020 as the stressed window, a volatility
// factor above 1. Bad data writes nothing.
#include "book/lobster.h"
#include "sim/calibration/calibrate_job.h"
#include "sim/calibration/calibration_store.h"
#include "store/bar_import.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace meridian;
using namespace meridian::sim;
using namespace meridian::sim::calibration;

class TestCalibrateJob : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void orderFlowBecomesTheActiveSet();
    void badDataWritesNothing();
    void barsGiveGarchJumpsAndFactors();

private:
    std::int64_t rows(const char *where);
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::vector<book::LobsterMessage> m_messages;
    book::LobsterBook m_book;
};

namespace {

const QString kLobster =
    QStringLiteral(MERIDIAN_TEST_DATA "/lobster/AMZN_2012-06-21_34200000_57600000_%1_1.resaved.csv");
const QString kBars = QStringLiteral(MERIDIAN_TEST_DATA "/binance/klines/BTCUSDT_1h_2018-02-09_2025-03-31_ohlcv.csv");
constexpr std::int64_t kDay = 1'340'236'800'000'000'000; // 2012-06-21T00:00:00Z

FitOptions quickFit()
{
    FitOptions o;
    o.seeds = 2;
    return o;
}

} // namespace

void TestCalibrateJob::initTestCase()
{
    for (const QString &f : {kLobster.arg(QStringLiteral("message")), kLobster.arg(QStringLiteral("orderbook")), kBars})
        if (!QFile::exists(f))
            QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(f)));
    auto db = store::Database::open(m_dir.filePath(QStringLiteral("calibration.sqlite")).toStdString());
    QVERIFY(db);
    m_db = std::make_unique<store::Database>(std::move(*db));
    auto messages = book::readLobsterMessages(kLobster.arg(QStringLiteral("message")).toStdString());
    auto rows = book::readLobsterBook(kLobster.arg(QStringLiteral("orderbook")).toStdString());
    QVERIFY(messages && rows);
    m_messages = std::move(*messages);
    m_book = std::move(*rows);
}

std::int64_t TestCalibrateJob::rows(const char *where)
{
    auto s = m_db->prepare(std::string("SELECT count(*) FROM calibration_params WHERE ") + where);
    return s && s->step().value_or(false) ? s->columnInt64(0) : -1;
}

void TestCalibrateJob::orderFlowBecomesTheActiveSet()
{
    const auto first = calibrateOrderFlow(*m_db, "AMZN", "normal", m_messages, m_book, "lobster AMZN 2012-06-21", kDay,
                                          1'000, quickFit());
    QVERIFY2(first, first ? "" : first.error().message.c_str());
    QVERIFY(first->fit.converged);
    QCOMPARE(rows("symbol = 'AMZN' AND scenario = 'normal' AND is_active = 1"), std::int64_t(1));
    auto active = activeCalibration(*m_db, "AMZN", "normal");
    QVERIFY(active && *active);
    QCOMPARE((*active)->id, first->calibrationId);
    QVERIFY((*active)->model.has_value());
    QVERIFY((*active)->model->population.instrumentTicks);
    QVERIFY(!(*active)->model->population.zeroIntelligenceParameters.offsetWeights.empty());
    QVERIFY(std::fabs((*active)->price - 223.95) < 0.5);
    QVERIFY((*active)->factors.baseSlippage > 0 && (*active)->factors.baseSlippage < 0.001);
    // The data's range and the goodness of fit are stored with it.
    auto s = m_db->prepare("SELECT data_from, data_to, json_extract(goodness_of_fit, '$.spread_ratio'), "
                           "json_extract(params, '$.estimates.fill_intensity.r2') FROM calibration_params WHERE "
                           "calibration_id = ?1");
    QVERIFY(s && s->bind(1, first->calibrationId) && s->step().value_or(false));
    QCOMPARE(s->columnInt64(0), kDay + m_messages.front().timeNs);
    QCOMPARE(s->columnInt64(1), kDay + m_messages.back().timeNs);
    QVERIFY(std::fabs(s->columnDouble(2) - first->fit.spreadRatio()) < 1e-12);
    QVERIFY(s->columnDouble(3) > 0);

    // The stored model builds and runs as it was fitted.
    const auto again =
        measureScenario(*(*active)->model, lobsterMarket("AMZN", (*active)->price * 100), 3'600'000'000'000, 7);
    QVERIFY(again && again->trades > 0);

    // A second calibration: the first is kept, inactive.
    const auto second =
        calibrateOrderFlow(*m_db, "AMZN", "normal", m_messages, m_book, "again", kDay, 2'000, quickFit());
    QVERIFY(second);
    QCOMPARE(rows("symbol = 'AMZN' AND scenario = 'normal'"), std::int64_t(2));
    QCOMPARE(rows("symbol = 'AMZN' AND scenario = 'normal' AND is_active = 1"), std::int64_t(1));
    active = activeCalibration(*m_db, "AMZN", "normal");
    QCOMPARE((*active)->id, second->calibrationId);
    QCOMPARE((*active)->dataSource, std::string("again"));

    // Listed newest first; the earlier one made active again.
    const auto listed = listCalibrations(*m_db, "AMZN");
    QVERIFY(listed && listed->size() == 2);
    QCOMPARE(listed->at(0).id, second->calibrationId);
    QVERIFY(listed->at(0).active && !listed->at(1).active && listed->at(0).hasModel);
    QVERIFY(listed->at(1).goodnessOfFitJson.find("spread_ratio") != std::string::npos);
    QVERIFY(activateCalibration(*m_db, first->calibrationId));
    active = activeCalibration(*m_db, "AMZN", "normal");
    QCOMPARE((*active)->id, first->calibrationId);
    QCOMPARE(rows("symbol = 'AMZN' AND scenario = 'normal' AND is_active = 1"), std::int64_t(1));
    const auto missing = activateCalibration(*m_db, 999999);
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.find("999999") != std::string::npos, missing.error().message.c_str());
    QCOMPARE((*activeCalibration(*m_db, "AMZN", "normal"))->id, first->calibrationId); // unchanged
}

void TestCalibrateJob::badDataWritesNothing()
{
    const std::int64_t before = rows("1");
    std::vector<book::LobsterMessage> backwards = m_messages;
    std::swap(backwards[10].timeNs, backwards[5000].timeNs);
    const auto r = calibrateOrderFlow(*m_db, "AMZN", "high_volatility", backwards, m_book, "bad", kDay, 3'000);
    QVERIFY(!r);
    QVERIFY2(r.error().message.find("not monotonic") != std::string::npos, r.error().message.c_str());
    const std::vector<BarSample> few(20, BarSample{0, 101, 99, 100, 5});
    const auto b = calibrateBars(*m_db, "BTCUSDT", "normal", few, "bad", std::nullopt, 3'000);
    QVERIFY(!b);
    QVERIFY2(b.error().message.find("too few") != std::string::npos, b.error().message.c_str());
    QCOMPARE(rows("1"), before);
}

void TestCalibrateJob::barsGiveGarchJumpsAndFactors()
{
    store::BarImportOptions o;
    o.format = store::BarImportOptions::Format::Ohlcv;
    o.symbol = "BTCUSDT";
    QVERIFY(store::importBars(*m_db, kBars.toStdString(), o));
    auto s = m_db->prepare("SELECT ts, high, low, close, volume FROM market_data WHERE symbol = 'BTCUSDT' AND "
                           "interval = '1h' AND ts >= 1577836800000000000 AND ts < 1609459200000000000 ORDER BY ts");
    QVERIFY(s);
    std::vector<BarSample> bars; // 2020
    while (s->step().value_or(false))
        bars.push_back(
            {s->columnInt64(0), s->columnDouble(1), s->columnDouble(2), s->columnDouble(3), s->columnDouble(4)});
    QVERIFY(bars.size() > 8000);
    // The COVID crash, 2020-03-09 to 2020-03-20, as the stressed window.
    const auto r =
        calibrateBars(*m_db, "BTCUSDT", "black_swan", bars, "binance BTCUSDT 1h 2020",
                      std::pair{std::int64_t(1583712000000000000), std::int64_t(1584662400000000000)}, 4'000);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    qInfo("BTCUSDT 2020 1h: volatility %.5f; GARCH omega %.3g alpha %.3f beta %.3f; %zu jumps; stressed March: "
          "volatility x%.2f, liquidity x%.2f, base slippage %.5f",
          r->volatility, r->garch.omega, r->garch.alpha, r->garch.beta, r->jumps.jumps, r->factors->volatilityFactor,
          r->factors->liquidityFactor, r->factors->baseSlippage);
    QVERIFY(r->garch.persistence() < 1 && r->garch.alpha > 0);
    QVERIFY(r->factors->volatilityFactor > 1.5); // the crash moved more than the rest of the year
    double share = 0;
    for (const double v : r->volumeProfile)
        share += v;
    QVERIFY(std::fabs(share - 1) < 1e-9);
    const auto active = activeCalibration(*m_db, "BTCUSDT", "black_swan");
    QVERIFY(active && *active);
    QCOMPARE((*active)->id, r->calibrationId);
    QVERIFY(!(*active)->model); // bars fit factors, not a population
    QVERIFY(std::fabs((*active)->factors.volatilityFactor - r->factors->volatilityFactor) < 1e-12);
}

QTEST_GUILESS_MAIN(TestCalibrateJob)
#include "tst_calibrate_job.moc"
