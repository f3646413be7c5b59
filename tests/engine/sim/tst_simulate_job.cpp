// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The simulate job and the scenarios: a real strategy plugin trading in each preset market, the figures it
// reports, determinism on one and two threads, and the refusals of bad input.
#include "sim/scenario.h"
#include "sim/simulate_job.h"
#include "sim/strategy_agent.h"

#include <QtTest>

#include <cmath>
#include <thread>

using namespace meridian;
using namespace meridian::sim;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

MarketSetup market()
{
    MarketSetup m;
    m.instrument.spec.id = 1;
    m.instrument.spec.symbol = "BTCUSDT";
    m.instrument.spec.venue = "SIM";
    m.instrument.spec.quoteCurrency = "USDT";
    m.instrument.spec.tickSize = Decimal(1, 2);
    m.instrument.spec.lotSize = Decimal(1, 3);
    m.instrument.initialPrice = 3'000'000; // 30 000.00
    return m;
}

SimulateRequest request(std::uint64_t seed = 7, const char *scenario = "normal")
{
    SimulateRequest r;
    r.market = market();
    r.scenario = scenario;
    r.durationNs = 1800 * kSecond;
    r.strategyPath = FIXED_SPREAD_MM;
    r.strategyParams = R"({"half_spread_ticks": 150, "levels": 2, "level_spacing_ticks": 100, "order_size": 2,
        "max_inventory": 20, "refresh_ms": 2000})";
    r.seed = seed;
    r.initialCapital = 10'000;
    return r;
}

bool same(const SimulateResult &a, const SimulateResult &b)
{
    return a.slippage == b.slippage && a.fillProbability == b.fillProbability && a.priceImpact == b.priceImpact &&
           a.totalReturn == b.totalReturn && a.maxDrawdown == b.maxDrawdown && a.sharpeRatio == b.sharpeRatio &&
           a.orderCount == b.orderCount && a.tradeCount == b.tradeCount && a.messages == b.messages &&
           a.series.pnl == b.series.pnl && a.series.mid == b.series.mid;
}

} // namespace

class TestSimulateJob : public QObject
{
    Q_OBJECT
private slots:
    void parsesPeriods();
    void aStrategyTradesAndIsMeasured();
    void sameSeedsSameResultsOnOneAndTwoThreads();
    void everyScenarioKeepsTheInvariants_data();
    void everyScenarioKeepsTheInvariants();
    void blackSwanDropsThePriceAndThinsTheBook();
    void refusesBadInput();
    void barStrategiesGetBarsFromTheTrades();
    void runsOfDaysGetTheFullStatistics();
    void instrumentsMoveTogetherAndAPairTradesThem();
};

void TestSimulateJob::parsesPeriods()
{
    QCOMPARE(*parsePeriod("90s"), 90 * kSecond);
    QCOMPARE(*parsePeriod("15m"), 900 * kSecond);
    QCOMPARE(*parsePeriod("1h"), 3600 * kSecond);
    QCOMPARE(*parsePeriod("30d"), 30 * 86400 * kSecond);
    for (const char *bad : {"", "d", "7", "7w", "-1h", "0h", "1.5h", "h1", "367d", "99999999999999999999d"}) {
        const auto r = parsePeriod(bad);
        QVERIFY2(!r, bad);
        QVERIFY(r.error().message.find(std::string("'") + bad + "'") != std::string::npos);
    }
}

void TestSimulateJob::aStrategyTradesAndIsMeasured()
{
    const auto r = runSimulate(request());
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QVERIFY2(r->strategyError.empty(), r->strategyError.c_str());
    qInfo("orders %llu, fills %llu, fill probability %.4f, slippage %.6f, impact %.3g, return %.6f, drawdown %.6f, "
          "sharpe %.3f, messages %llu, market trades %llu",
          (unsigned long long)r->orderCount, (unsigned long long)r->tradeCount, r->fillProbability, r->slippage,
          r->priceImpact, r->totalReturn, r->maxDrawdown, r->sharpeRatio, (unsigned long long)r->messages,
          (unsigned long long)r->marketTrades);
    QVERIFY(r->orderCount > 10);
    QVERIFY(r->tradeCount > 0);
    QVERIFY(r->fillProbability > 0 && r->fillProbability <= 1);
    // A passive market maker is paid the spread: its fills are on the good side of the mid at arrival.
    QVERIFY(r->slippage < 0);
    QVERIFY(r->maxDrawdown >= 0 && r->maxDrawdown < 1);
    QVERIFY(!r->statistics); // half an hour: no whole days
    QVERIFY(r->marketMaking);
    QCOMPARE(r->marketMaking->fillRatio, r->fillProbability);
    QCOMPARE(r->marketMaking->makerShare, 1.0); // post-only quotes only ever make
    QVERIFY(r->marketMaking->maxInventory <= 0.024 + 1e-9);
    QCOMPARE(r->series.time.size(), std::size_t(500));
    QCOMPARE(r->series.time.back(), 1800 * kSecond);
    QVERIFY(std::fabs(r->series.pnl.back() - (r->finalEquity - 10'000)) < 1e-6);
    QVERIFY(std::fabs(r->totalReturn - r->series.pnl.back() / 10'000) < 1e-12);
    for (std::size_t i = 0; i < r->series.mid.size(); ++i) {
        QVERIFY(r->series.mid[i] > 25000 && r->series.mid[i] < 35000);
        QVERIFY(r->series.spread[i] >= 0);
        QVERIFY(std::fabs(r->series.inventory[i]) <= 20 * 0.001 + 1e-9 + 4 * 0.001); // the limit, plus quotes in flight
    }
}

void TestSimulateJob::sameSeedsSameResultsOnOneAndTwoThreads()
{
    const std::uint64_t seeds[] = {1, 2, 3, 4};
    std::vector<SimulateResult> serial, parallel(std::size(seeds));
    for (const std::uint64_t seed : seeds) {
        auto r = runSimulate(request(seed));
        QVERIFY(r);
        serial.push_back(*r);
    }
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < 2; ++t)
        threads.emplace_back([&, t] {
            for (std::size_t i = t; i < std::size(seeds); i += 2)
                parallel[i] = *runSimulate(request(seeds[i]));
        });
    for (std::thread &t : threads)
        t.join();
    for (std::size_t i = 0; i < std::size(seeds); ++i)
        QVERIFY2(same(serial[i], parallel[i]), qPrintable(QStringLiteral("seed %1").arg(seeds[i])));
    QVERIFY(!same(serial[0], serial[1]));
}

void TestSimulateJob::everyScenarioKeepsTheInvariants_data()
{
    QTest::addColumn<QString>("name");
    for (const std::string &name : scenarioNames())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TestSimulateJob::everyScenarioKeepsTheInvariants()
{
    QFETCH(QString, name);
    const auto scenario = presetScenario(name.toStdString());
    QVERIFY(scenario);
    auto built = buildMarket(*scenario, {market()}, 5, 3600 * kSecond);
    QVERIFY2(built, built ? "" : built.error().message.c_str());
    Simulation &sim = **built;
    std::uint64_t steps = 0;
    while (sim.step()) {
        if (sim.book(0).isCrossed())
            QFAIL(qPrintable(QStringLiteral("crossed at %1 ns").arg(sim.now())));
        if (++steps % 2000 == 0) {
            QVERIFY(sim.book(0).checkIntegrity());
            std::int64_t cash = 0, position = 0;
            for (AgentId a = 0; a < sim.agentCount(); ++a) {
                cash += sim.cash(a, 0);
                position += sim.position(a, 0);
            }
            QCOMPARE(cash, 0);
            QCOMPARE(position, 0);
        }
    }
    QVERIFY(sim.book(0).checkIntegrity());
    qInfo("%s: %llu messages, %llu trades in 1 h", qPrintable(name), (unsigned long long)sim.stats().messages,
          (unsigned long long)sim.stats().trades);
    QVERIFY(sim.stats().trades > 50);
}

void TestSimulateJob::blackSwanDropsThePriceAndThinsTheBook()
{
    const auto scenario = presetScenario("black_swan");
    QVERIFY(scenario);
    auto built = buildMarket(*scenario, {market()}, 5, 8 * 3600 * kSecond);
    QVERIFY(built);
    Simulation &sim = **built;
    const std::int64_t shock = sim.config().shock.time;
    QVERIFY(shock >= 0.3 * 8 * 3600 * kSecond && shock <= 0.7 * 8 * 3600 * kSecond);
    QVERIFY(shock + 7200 * kSecond <= sim.duration());
    const auto depth = [&] { // resting quantity within 1% of the mid
        const double m = static_cast<double>(sim.book(0).bestBid()->value() + sim.book(0).bestAsk()->value()) / 2;
        std::int64_t total = 0;
        for (const Side side : {Side::Buy, Side::Sell})
            for (const auto &level : sim.book(0).depth(side, 1000))
                if (std::fabs(static_cast<double>(level.price.value()) / m - 1) <= 0.01)
                    total += level.quantity.value();
        return total;
    };
    const auto mid = [&] {
        return static_cast<double>(sim.book(0).bestBid()->value() + sim.book(0).bestAsk()->value()) / 2;
    };
    sim.run(shock - 60 * kSecond);
    const double before = mid();
    const std::int64_t depthBefore = depth();
    sim.run(shock + 300 * kSecond);
    const std::int64_t depthAfter = depth();
    sim.run(shock + 1800 * kSecond);
    const double after = mid();
    // Liquidity recovers with a half-life of 5% of the run (24 minutes here): after two hours, most is back.
    sim.run(shock + 7200 * kSecond);
    const std::int64_t depthRecovered = depth();
    qInfo("mid %.0f -> %.0f; depth (within 1%%) %lld -> %lld -> %lld two hours later", before, after,
          (long long)depthBefore, (long long)depthAfter, (long long)depthRecovered);
    QVERIFY(after < before * 0.8); // a 30% fall in the fundamental, which the market follows
    QVERIFY(depthAfter < depthBefore / 2);
    QVERIFY(depthRecovered > depthBefore / 2);
}

void TestSimulateJob::refusesBadInput()
{
    SimulateRequest r = request();
    r.scenario = "meteor";
    auto unknown = runSimulate(r);
    QVERIFY(!unknown);
    QVERIFY(unknown.error().message.find("unknown scenario 'meteor'") != std::string::npos);

    r = request();
    r.strategyParams = R"({"order_size": 0})";
    auto outOfRange = runSimulate(r);
    QVERIFY(!outOfRange);
    QVERIFY2(outOfRange.error().message.find("order_size") != std::string::npos, outOfRange.error().message.c_str());

    r = request();
    r.strategyParams = R"({"spread": 3})";
    auto unknownParameter = runSimulate(r);
    QVERIFY(!unknownParameter);
    QVERIFY2(unknownParameter.error().message.find("spread") != std::string::npos,
             unknownParameter.error().message.c_str());

    r = request();
    r.strategyPath = "/nonexistent/plugin.so";
    auto missing = runSimulate(r);
    QVERIFY(!missing);
    QVERIFY(missing.error().message.find("/nonexistent/plugin.so") != std::string::npos);

    r = request();
    r.calibration.liquidityFactor = 0;
    auto calibration = runSimulate(r);
    QVERIFY(!calibration);
    QVERIFY(calibration.error().message.find("liquidity_factor") != std::string::npos);
}

void TestSimulateJob::barStrategiesGetBarsFromTheTrades()
{
    SimulateRequest r = request(3, "trending");
    r.durationNs = 4 * 3600 * kSecond;
    r.strategyPath = MA_CROSS;
    r.strategyParams = R"({"fast_period": 3, "slow_period": 10, "order_size": 5})";
    const auto result = runSimulate(r);
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    QVERIFY2(result->strategyError.empty(), result->strategyError.c_str());
    qInfo("ma_cross on 1-minute bars: %llu orders, %llu fills", (unsigned long long)result->orderCount,
          (unsigned long long)result->tradeCount);
    QVERIFY(result->orderCount >= 2); // crosses happened, on bars built in the simulator
    QVERIFY(result->tradeCount >= result->orderCount);
}

void TestSimulateJob::instrumentsMoveTogetherAndAPairTradesThem()
{
    std::vector<MarketSetup> markets(2, market());
    markets[0].instrument.spec.symbol = "AAA";
    markets[1].instrument.spec.symbol = "BBB";
    markets[1].instrument.spec.id = 2;
    markets[1].instrument.initialPrice = 1'500'000;
    markets[0].commonLoading = markets[1].commonLoading = 1.0;
    Scenario scenario = *presetScenario("normal");
    scenario.fundamental.sigma = 2e-5; // idiosyncratic
    CommonFactorParameters factor;
    factor.sigma = 2e-4; // shared: ten times the idiosyncratic volatility
    auto built = buildMarket(scenario, markets, 21, 8 * 3600 * kSecond, factor);
    QVERIFY(built);
    Simulation &sim = **built;
    auto pair = StrategyAgent::create(sim, PAIRS_TRADING,
                                      R"({"symbol_y": "AAA", "symbol_x": "BBB", "lookback": 60, "sample_ms": 60000,
                                          "entry_threshold": 1.5, "exit_threshold": 0.3, "stop_loss": 0,
                                          "position_size": 5})");
    QVERIFY2(pair, pair ? "" : pair.error().message.c_str());
    StrategyAgent *agent = pair->get();
    sim.addAgent(std::move(*pair), Latency{500'000, 0}, Latency{500'000, 0});
    std::vector<double> ra, rb;
    double lastA = 0, lastB = 0;
    for (std::int64_t t = 600 * kSecond; t <= sim.duration(); t += 600 * kSecond) {
        sim.run(t);
        const auto mid = [&](std::uint16_t i) {
            return static_cast<double>(sim.book(i).bestBid()->value() + sim.book(i).bestAsk()->value()) / 2;
        };
        const double ma = std::log(mid(0)), mb = std::log(mid(1));
        if (lastA != 0) {
            ra.push_back(ma - lastA);
            rb.push_back(mb - lastB);
        }
        lastA = ma;
        lastB = mb;
    }
    sim.finish();
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < ra.size(); ++i) {
        ma += ra[i] / static_cast<double>(ra.size());
        mb += rb[i] / static_cast<double>(rb.size());
    }
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < ra.size(); ++i) {
        sab += (ra[i] - ma) * (rb[i] - mb);
        saa += (ra[i] - ma) * (ra[i] - ma);
        sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    const double correlation = sab / std::sqrt(saa * sbb);
    qInfo("10-minute mid returns: correlation %.3f; the pair sent %llu orders", correlation,
          (unsigned long long)agent->ordersSent());
    QVERIFY(correlation > 0.5);
    QVERIFY2(!agent->failed(), agent->error().c_str());
    QVERIFY(agent->ordersSent() > 0);
    // Both legs traded: the strategy's positions moved in both instruments.
    const auto instances = agent->instances();
    QCOMPARE(instances.size(), std::size_t(1));
    const auto &v = instances.front().variables;
    const auto has = [&](const char *name) {
        return std::any_of(v.begin(), v.end(), [&](const auto &p) { return p.first == name; });
    };
    QVERIFY(has("beta") && has("zscore") && has("position_x"));
}

void TestSimulateJob::runsOfDaysGetTheFullStatistics()
{
    SimulateRequest r = request(4);
    r.durationNs = 3 * 86400 * kSecond;
    const auto result = runSimulate(r);
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    QVERIFY(result->statistics);
    const metrics::Statistics &s = *result->statistics;
    QCOMPARE(s.totalDays, std::int64_t(3));
    QCOMPARE(s.startDate, std::int64_t(1)); // days counted from the run's start
    QCOMPARE(s.capital, 10'000.0);
    // The last day's balance is the run's final equity, and the statistics' return is the job's.
    QVERIFY(std::fabs(s.endBalance - result->finalEquity) < 1e-9);
    QVERIFY(std::fabs(s.totalReturn - result->totalReturn) < 1e-12);
    QVERIFY(s.totalTrades == static_cast<std::int64_t>(result->tradeCount));
}

QTEST_APPLESS_MAIN(TestSimulateJob)
#include "tst_simulate_job.moc"
