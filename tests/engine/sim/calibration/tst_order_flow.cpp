// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Calibration on a real LOBSTER day (AMZN, 2012-06-21, level 1, the whole session): the order-flow figures
// agree with a count made here from the raw rows; a population of zero-intelligence agents is fitted to the
// day's spread, trades and 1-minute volatility; then a simulation of the same duration with the fitted
// parameters and a seed the fit never used comes within 20% of the mean spread, 15% of the number of trades
// and 25% of the 1-minute volatility (the acceptance; each ratio is printed). The fill intensity
// lambda(delta) is fitted on the day's trades and reports R². Bad data — too short, no trades, time going
// backwards — is refused with a message saying so.
#include "book/lobster.h"
#include "sim/calibration/order_flow.h"

#include <QFile>
#include <QtTest>

#include <cmath>

using namespace meridian;
using namespace meridian::sim;
using namespace meridian::sim::calibration;

class TestOrderFlow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void figuresAgreeWithTheRawRows();
    void fittedMarketMatchesTheDay();
    void refusesBadData();

private:
    std::vector<book::LobsterMessage> m_messages;
    book::LobsterBook m_book;
};

namespace {

const QString kMessages =
    QStringLiteral(MERIDIAN_TEST_DATA "/lobster/AMZN_2012-06-21_34200000_57600000_message_1.resaved.csv");
const QString kBook =
    QStringLiteral(MERIDIAN_TEST_DATA "/lobster/AMZN_2012-06-21_34200000_57600000_orderbook_1.resaved.csv");

} // namespace

void TestOrderFlow::initTestCase()
{
    for (const QString &f : {kMessages, kBook})
        if (!QFile::exists(f))
            QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(f)));
    auto messages = book::readLobsterMessages(kMessages.toStdString());
    QVERIFY(messages);
    auto rows = book::readLobsterBook(kBook.toStdString());
    QVERIFY(rows);
    m_messages = std::move(*messages);
    m_book = std::move(*rows);
}

void TestOrderFlow::figuresAgreeWithTheRawRows()
{
    const auto e = estimateOrderFlow(m_messages, m_book);
    QVERIFY2(e, e ? "" : e.error().message.c_str());
    // Counted here, straight from the rows.
    std::size_t adds = 0, executions = 0, cancels = 0;
    double spreadTime = 0;
    for (std::size_t i = 0; i < m_messages.size(); ++i) {
        const int type = m_messages[i].type;
        adds += type == 1;
        executions += type == 4 || type == 5;
        cancels += type == 2 || type == 3;
        if (i + 1 < m_messages.size()) {
            const auto row = m_book[i];
            const double spread = static_cast<double>(row.asks[0].price.value() - row.bids[0].price.value()) / 100;
            spreadTime += spread * static_cast<double>(m_messages[i + 1].timeNs - m_messages[i].timeNs);
        }
    }
    const double seconds = static_cast<double>(m_messages.back().timeNs - m_messages.front().timeNs) / 1e9;
    QCOMPARE(e->market.trades, std::uint64_t(executions));
    QVERIFY(std::fabs(e->market.durationSeconds - seconds) < 1e-6);
    QVERIFY(std::fabs(e->market.meanSpreadTicks - spreadTime / 1e9 / seconds) < 1e-9);
    QVERIFY(std::fabs(e->limitRate - static_cast<double>(adds) / seconds) < 1e-12);
    QVERIFY(std::fabs(e->cancelRate - static_cast<double>(cancels) / seconds) < 1e-12);
    QVERIFY(e->marketRate > 0 && e->marketRate <= static_cast<double>(executions) / seconds);
    QCOMPARE(e->market.minutes, std::size_t(388)); // 389 minute marks in the 6.5 hours, 388 changes between them
    QVERIFY(e->medianSize > 0 && e->sizeQuantiles.size() == 5);
    QVERIFY(!e->limitRateByDistance.empty() && !e->limitRateByOppositeDistance.empty());
    QVERIFY(e->depth.size() == 1 && e->depth[0] > 0);
    QVERIFY(e->intensityFitted);
    qInfo("AMZN: spread %.2f ticks, %llu trades, 1-minute volatility %.3g; lambda(delta) = %.3f·exp(−%.4f·delta), "
          "delta in ticks, R² %.3f over %zu distances",
          e->market.meanSpreadTicks, static_cast<unsigned long long>(e->market.trades), e->market.minuteVolatility,
          e->intensity.a, e->intensity.k, e->intensity.r2, e->intensity.points);
    QVERIFY(e->intensity.k > 0 && e->intensity.r2 > 0 && e->intensity.r2 <= 1);
}

void TestOrderFlow::fittedMarketMatchesTheDay()
{
    const auto e = estimateOrderFlow(m_messages, m_book);
    QVERIFY(e);
    const MarketSetup market = lobsterMarket("AMZN", e->firstMid);
    const auto fit = fitZeroIntelligence(*e, market, "normal");
    QVERIFY2(fit, fit ? "" : fit.error().message.c_str());
    qInfo("fit: %zu iterations, %zu simulations, converged %s; spread %.3f, trades %.3f, volatility %.3f of the data",
          fit->iterations, fit->simulations, fit->converged ? "yes" : "no", fit->spreadRatio(), fit->tradesRatio(),
          fit->volatilityRatio());
    qInfo("at the data's own rates: spread %.2f ticks, %llu trades, volatility %.3g", fit->initial.meanSpreadTicks,
          static_cast<unsigned long long>(fit->initial.trades), fit->initial.minuteVolatility);
    const auto &zi = fit->scenario.population.zeroIntelligenceParameters;
    qInfo("fitted: %zu agents, market %.4f/s, limit %.4f/s each; cancel %.5f/s per order; price range %lld ticks, "
          "size %lld ± %lld",
          fit->scenario.population.zeroIntelligence, zi.marketRate, zi.limitRate, zi.cancelRate,
          static_cast<long long>(zi.priceRange), static_cast<long long>(zi.size),
          static_cast<long long>(zi.sizeJitter));

    // The acceptance: the same duration, a seed the fit never ran.
    const auto duration = static_cast<std::int64_t>(e->market.durationSeconds * 1e9);
    const auto simulated = measureScenario(fit->scenario, market, duration, 4242);
    QVERIFY(simulated);
    const double spread = simulated->meanSpreadTicks / e->market.meanSpreadTicks;
    const double trades = static_cast<double>(simulated->trades) / static_cast<double>(e->market.trades);
    const double volatility = simulated->minuteVolatility / e->market.minuteVolatility;
    qInfo("simulated / real with seed 4242: mean spread %.3f (%.2f / %.2f ticks), trades %.3f (%llu / %llu), "
          "1-minute volatility %.3f (%.3g / %.3g)",
          spread, simulated->meanSpreadTicks, e->market.meanSpreadTicks, trades,
          static_cast<unsigned long long>(simulated->trades), static_cast<unsigned long long>(e->market.trades),
          volatility, simulated->minuteVolatility, e->market.minuteVolatility);
    QVERIFY(std::fabs(spread - 1) <= 0.20);
    QVERIFY(std::fabs(trades - 1) <= 0.15);
    QVERIFY(std::fabs(volatility - 1) <= 0.25);
}

void TestOrderFlow::refusesBadData()
{
    // Too short: the first five minutes.
    std::size_t n = 0;
    while (n < m_messages.size() && m_messages[n].timeNs - m_messages.front().timeNs < 300'000'000'000)
        ++n;
    book::LobsterBook shortBook;
    for (std::size_t i = 0; i < n; ++i)
        QVERIFY(shortBook.appendRow(m_book.columns(i)));
    const std::vector<book::LobsterMessage> shortMessages(m_messages.begin(), m_messages.begin() + n);
    auto e = estimateOrderFlow(shortMessages, shortBook);
    QVERIFY(!e);
    QVERIFY2(e.error().message.find("at least 10 minutes") != std::string::npos, e.error().message.c_str());

    // Time going backwards.
    std::vector<book::LobsterMessage> backwards = m_messages;
    std::swap(backwards[100].timeNs, backwards[200].timeNs);
    e = estimateOrderFlow(backwards, m_book);
    QVERIFY(!e);
    QVERIFY2(e.error().message.find("not monotonic") != std::string::npos, e.error().message.c_str());

    // No trades: the executions left out (with their book rows).
    std::vector<book::LobsterMessage> quiet;
    book::LobsterBook quietBook;
    for (std::size_t i = 0; i < m_messages.size(); ++i)
        if (m_messages[i].type != 4 && m_messages[i].type != 5) {
            quiet.push_back(m_messages[i]);
            QVERIFY(quietBook.appendRow(m_book.columns(i)));
        }
    e = estimateOrderFlow(quiet, quietBook);
    QVERIFY(!e);
    QVERIFY2(e.error().message.find("no trades") != std::string::npos, e.error().message.c_str());

    // A book of another length.
    e = estimateOrderFlow(quiet, m_book);
    QVERIFY(!e);
    QVERIFY2(e.error().message.find("rows") != std::string::npos, e.error().message.c_str());
}

QTEST_GUILESS_MAIN(TestOrderFlow)
#include "tst_order_flow.moc"
