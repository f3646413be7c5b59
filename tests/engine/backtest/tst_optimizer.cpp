// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The optimiser over ma_cross backtests on Binance BTCUSDT hourly bars of 2024: every grid point equals a
// backtest run on its own, one and two threads agree, random search is seeded, NSGA-II returns a front no
// member of which dominates another, and cancelling stops the search.
#include "backtest/optimizer.h"

#include <QFile>
#include <QtTest>

#include <barrier>
#include <cmath>
#include <memory>
#include <optional>
#include <thread>

using namespace meridian;
using namespace meridian::backtest;

namespace {

constexpr std::int64_t kHour = 3'600'000'000'000;
constexpr const char *kFile = MERIDIAN_TEST_DATA "/binance/klines/BTCUSDT_1h_2018-02-09_2025-03-31_ohlcv.csv";
constexpr const char *kBase = R"({"order_size": 10, "stop_loss": 0, "take_profit": 0})";

BarSeries bitcoin2024()
{
    InstrumentSpec spec;
    spec.id = 1;
    spec.symbol = "BTCUSDT";
    spec.venue = "BINANCE";
    spec.quoteCurrency = "USDT";
    spec.tickSize = Decimal(1, 2);
    spec.lotSize = Decimal(1, 3);
    BarSeries s{*Instrument::create(spec), kHour, {}};
    QFile file(QString::fromUtf8(kFile));
    if (!file.open(QIODevice::ReadOnly))
        return s;
    file.readLine();
    while (!file.atEnd()) {
        const QList<QByteArray> f = file.readLine().trimmed().split(',');
        if (!f[0].startsWith("2024"))
            continue;
        const auto ticks = [&](int i) { return std::llround(f[i].toDouble() * 100); };
        const QDateTime t = QDateTime::fromString(QString::fromLatin1(f[0]), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        s.bars.push_back({QDateTime(t.date(), t.time(), Qt::UTC).toMSecsSinceEpoch() * 1'000'000, ticks(1), ticks(2),
                          ticks(3), ticks(4), 0});
    }
    return s;
}

std::vector<ParameterRange> maRanges()
{
    return {{"fast_period", 5, 15, 5, true, {}}, {"slow_period", 20, 40, 10, true, {}}};
}

bool sameResults(const OptimizeResult &a, const OptimizeResult &b)
{
    if (a.evaluations.size() != b.evaluations.size() || a.best != b.best)
        return false;
    for (std::size_t i = 0; i < a.evaluations.size(); ++i)
        if (a.evaluations[i].parametersJson != b.evaluations[i].parametersJson ||
            a.evaluations[i].objectives != b.evaluations[i].objectives ||
            a.evaluations[i].rank != b.evaluations[i].rank)
            return false;
    return true;
}

/// Processes stood in for by threads of this test: each calls optimize() with its own ThreadDistribution,
/// and exchange() meets the others at a barrier, passing shares as the bytes encodeEvaluations makes, as
/// the MPI exchange of meridian-cli does between real processes.
class Exchange
{
public:
    explicit Exchange(std::size_t processes) : m_parts(processes), m_barrier(static_cast<std::ptrdiff_t>(processes)) {}
    std::vector<std::string> &parts() { return m_parts; }
    std::barrier<> &barrier() { return m_barrier; }

private:
    std::vector<std::string> m_parts;
    std::barrier<> m_barrier;
};

class ThreadDistribution : public Distribution
{
public:
    ThreadDistribution(Exchange &exchange, std::size_t rank) : m_exchange(exchange), m_rank(rank) {}
    std::size_t rank() const override { return m_rank; }
    std::size_t size() const override { return m_exchange.parts().size(); }
    Result<std::vector<Evaluation>> exchange(const std::vector<Evaluation> &share, std::size_t batch) override
    {
        ++exchanges;
        m_exchange.parts()[m_rank] = encodeEvaluations(share);
        m_exchange.barrier().arrive_and_wait();
        std::vector<Evaluation> whole(batch);
        Result<std::vector<Evaluation>> out = std::move(whole);
        for (std::size_t r = 0; r < size(); ++r) {
            auto part = decodeEvaluations(m_exchange.parts()[r]);
            if (!part) {
                out = tl::unexpected(part.error());
                break;
            }
            for (std::size_t k = 0; k < part->size(); ++k)
                (*out)[r + k * size()] = std::move((*part)[k]);
        }
        m_exchange.barrier().arrive_and_wait(); // nobody writes a slot before everyone has read them all
        return out;
    }
    std::size_t exchanges = 0;

private:
    Exchange &m_exchange;
    std::size_t m_rank;
};

} // namespace

class TestOptimizer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void gridPointsAreTheirOwnBacktests();
    void oneAndTwoThreadsAgree();
    void randomSearchIsSeeded();
    void processesShareTheWork();
    void evaluationsSurviveTheExchange();
    void geneticSearchReturnsAParetoFront();
    void cancellingStops();
    void refusesBadRanges();
    void walkForwardTestsOutOfSample();

private:
    std::vector<BarSeries> m_series; // one: BarSeries has no default (an Instrument is always valid)
};

void TestOptimizer::initTestCase()
{
    if (!QFile::exists(QString::fromUtf8(kFile)))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(kFile)));
    m_series = {bitcoin2024()};
    QCOMPARE(m_series[0].bars.size(), std::size_t(8784)); // 366 days × 24 hours, no gap in 2024
}

void TestOptimizer::gridPointsAreTheirOwnBacktests()
{
    OptimizeConfig config;
    config.threads = 2;
    const auto r = optimize(m_series, MA_CROSS, kBase, maRanges(), config);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(r->gridSize, std::size_t(9));
    QCOMPARE(r->evaluations.size(), std::size_t(9));
    QCOMPARE(r->evaluations[0].values, (std::vector<double>{5, 20}));
    QCOMPARE(r->evaluations[8].values, (std::vector<double>{15, 40}));
    for (const Evaluation &e : r->evaluations) {
        QVERIFY2(e.error.empty(), e.error.c_str());
        const auto alone = runBarBacktest(m_series, MA_CROSS, e.parametersJson);
        QVERIFY(alone && alone->statistics);
        QCOMPARE(e.objectives[0], alone->statistics->sharpeRatio);
    }
    // best is ordered by Sharpe, highest first.
    for (std::size_t i = 1; i < r->best.size(); ++i)
        QVERIFY(r->evaluations[r->best[i - 1]].objectives[0] >= r->evaluations[r->best[i]].objectives[0]);
    const Evaluation &top = r->evaluations[r->best.front()];
    qInfo("best of 9 by Sharpe: %s, Sharpe %.3f", top.parametersJson.c_str(), top.objectives[0]);
}

void TestOptimizer::oneAndTwoThreadsAgree()
{
    OptimizeConfig config;
    config.method = OptimizeConfig::Method::Genetic;
    config.objectives = {{"sharpe_ratio", true}, {"max_drawdown", false}};
    config.population = 8;
    config.generations = 3;
    config.seed = 11;
    const std::vector<ParameterRange> ranges = {{"fast_period", 2, 40, 1, true, {}},
                                                {"slow_period", 41, 200, 1, true, {}}};
    config.threads = 1;
    const auto one = optimize(m_series, MA_CROSS, kBase, ranges, config);
    config.threads = 2;
    const auto two = optimize(m_series, MA_CROSS, kBase, ranges, config);
    QVERIFY(one && two);
    QVERIFY(sameResults(*one, *two));
}

void TestOptimizer::processesShareTheWork()
{
    // A genetic search on three "processes" (more than the population divides evenly) gives each of them the
    // result of the search run alone, evaluation for evaluation.
    OptimizeConfig config;
    config.method = OptimizeConfig::Method::Genetic;
    config.objectives = {{"sharpe_ratio", true}, {"max_drawdown", false}};
    config.population = 8;
    config.generations = 3;
    config.seed = 5;
    config.threads = 1;
    const std::vector<ParameterRange> ranges = {{"fast_period", 2, 40, 1, true, {}},
                                                {"slow_period", 41, 200, 1, true, {}}};
    const auto alone = optimize(m_series, MA_CROSS, kBase, ranges, config);
    QVERIFY(alone);
    constexpr std::size_t kProcesses = 3;
    Exchange exchange(kProcesses);
    std::vector<std::unique_ptr<ThreadDistribution>> distributions;
    std::vector<std::optional<Result<OptimizeResult>>> results(kProcesses);
    for (std::size_t r = 0; r < kProcesses; ++r)
        distributions.push_back(std::make_unique<ThreadDistribution>(exchange, r));
    {
        std::vector<std::jthread> processes;
        for (std::size_t r = 0; r < kProcesses; ++r)
            processes.emplace_back([&, r] {
                OptimizeConfig mine = config;
                mine.distribution = distributions[r].get();
                results[r] = optimize(m_series, MA_CROSS, kBase, ranges, mine);
            });
    }
    for (std::size_t r = 0; r < kProcesses; ++r) {
        QVERIFY2(*results[r], (*results[r]) ? "" : (*results[r]).error().message.c_str());
        QVERIFY2(sameResults(*alone, **results[r]), qPrintable(QStringLiteral("process %1 differs").arg(r)));
        QCOMPARE(distributions[r]->exchanges, config.generations + 1); // one exchange per batch
    }
}

void TestOptimizer::evaluationsSurviveTheExchange()
{
    Evaluation e;
    e.values = {5, 0.25};
    e.parametersJson = R"({"fast_period":5})";
    e.objectives = {1.5, std::nan("")};
    e.error = "no statistics: fewer than two days";
    e.rank = 3;
    const std::string bytes = encodeEvaluations({e, Evaluation{}});
    const auto back = decodeEvaluations(bytes);
    QVERIFY(back);
    QCOMPARE(back->size(), std::size_t(2));
    QCOMPARE((*back)[0].values, e.values);
    QCOMPARE((*back)[0].parametersJson, e.parametersJson);
    QCOMPARE((*back)[0].objectives[0], 1.5);
    QVERIFY(std::isnan((*back)[0].objectives[1]));
    QCOMPARE((*back)[0].error, e.error);
    QCOMPARE((*back)[0].rank, std::size_t(3));
    QVERIFY((*back)[1].parametersJson.empty());
    // Cut short anywhere, or with bytes left over, it is refused.
    for (std::size_t n = 0; n < bytes.size(); n += 7)
        QVERIFY(!decodeEvaluations(std::string_view(bytes).substr(0, n)));
    QVERIFY(!decodeEvaluations(bytes + "x"));
}

void TestOptimizer::randomSearchIsSeeded()
{
    OptimizeConfig config;
    config.method = OptimizeConfig::Method::Random;
    config.samples = 6;
    config.threads = 2;
    const std::vector<ParameterRange> ranges = {{"fast_period", 2, 40, 1, true, {}},
                                                {"slow_period", 41, 200, 1, true, {}},
                                                {"ma_type", 0, 0, 1, true, {"sma", "ema"}}};
    config.seed = 3;
    const auto a = optimize(m_series, MA_CROSS, kBase, ranges, config);
    const auto b = optimize(m_series, MA_CROSS, kBase, ranges, config);
    config.seed = 4;
    const auto c = optimize(m_series, MA_CROSS, kBase, ranges, config);
    QVERIFY(a && b && c);
    QCOMPARE(a->evaluations.size(), std::size_t(6));
    QVERIFY(sameResults(*a, *b));
    QVERIFY(!sameResults(*a, *c));
    for (const Evaluation &e : a->evaluations)
        QVERIFY2(e.parametersJson.find("\"ma_type\":\"sma\"") != std::string::npos ||
                     e.parametersJson.find("\"ma_type\":\"ema\"") != std::string::npos,
                 e.parametersJson.c_str());
}

void TestOptimizer::geneticSearchReturnsAParetoFront()
{
    OptimizeConfig config;
    config.method = OptimizeConfig::Method::Genetic;
    config.objectives = {{"sharpe_ratio", true}, {"max_drawdown", false}};
    config.population = 12;
    config.generations = 4;
    config.threads = 2;
    const std::vector<ParameterRange> ranges = {{"fast_period", 2, 40, 1, true, {}},
                                                {"slow_period", 41, 200, 1, true, {}}};
    const auto r = optimize(m_series, MA_CROSS, kBase, ranges, config);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QVERIFY(r->evaluations.size() > 12);
    QVERIFY(!r->best.empty());
    // No member of the front is beaten on both objectives by any evaluation.
    for (const std::size_t f : r->best) {
        const Evaluation &a = r->evaluations[f];
        QCOMPARE(a.rank, std::size_t(0));
        for (const Evaluation &b : r->evaluations) {
            const bool beaten = b.objectives[0] >= a.objectives[0] && b.objectives[1] <= a.objectives[1] &&
                                (b.objectives[0] > a.objectives[0] || b.objectives[1] < a.objectives[1]);
            QVERIFY2(!beaten, a.parametersJson.c_str());
        }
    }
    qInfo("NSGA-II: %zu evaluations, front of %zu", r->evaluations.size(), r->best.size());
}

void TestOptimizer::cancellingStops()
{
    std::atomic<bool> cancel{false};
    std::size_t calls = 0;
    OptimizeConfig config;
    config.threads = 1;
    const std::vector<ParameterRange> ranges = {{"fast_period", 2, 10, 1, true, {}},
                                                {"slow_period", 41, 60, 1, true, {}}};
    const auto r = optimize(
        m_series, MA_CROSS, kBase, ranges, config,
        [&](std::size_t done, std::size_t total) {
            ++calls;
            QCOMPARE(total, std::size_t(180));
            if (done == 3)
                cancel = true;
        },
        &cancel);
    QVERIFY(r);
    QVERIFY(r->cancelled);
    QCOMPARE(r->evaluations.size(), std::size_t(3));
    QCOMPARE(calls, std::size_t(3));
}

void TestOptimizer::refusesBadRanges()
{
    OptimizeConfig config;
    const auto backwards = optimize(m_series, MA_CROSS, kBase, {{"fast_period", 10, 5, 1, true, {}}}, config);
    QVERIFY(!backwards);
    QVERIFY(backwards.error().message.find("fast_period") != std::string::npos);
    config.objectives = {{"happiness", true}};
    const auto objective = optimize(m_series, MA_CROSS, kBase, maRanges(), config);
    QVERIFY(!objective);
    QVERIFY(objective.error().message.find("happiness") != std::string::npos);
    QVERIFY(!optimize(m_series, MA_CROSS, "[1]", maRanges(), OptimizeConfig{}));
    // A parameter the plugin does not have fails each evaluation with the plugin's words.
    const auto unknown = optimize(m_series, MA_CROSS, kBase, {{"speed", 1, 2, 1, true, {}}}, OptimizeConfig{});
    QVERIFY(unknown);
    QVERIFY(unknown->evaluations[0].error.find("speed") != std::string::npos);
}

void TestOptimizer::walkForwardTestsOutOfSample()
{
    constexpr std::int64_t kDay = 24 * kHour;
    WalkForwardConfig config;
    config.inSampleNs = 60 * kDay;
    config.outOfSampleNs = 30 * kDay;
    config.optimize.threads = 2;
    const auto r = walkForward(m_series, MA_CROSS, kBase, maRanges(), config);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(r->windows.size(), std::size_t(10)); // (366 − 60) / 30 whole windows in 2024
    double growth = 1;
    for (std::size_t i = 0; i < r->windows.size(); ++i) {
        const WalkForwardWindow &w = r->windows[i];
        QVERIFY2(w.error.empty(), w.error.c_str());
        QCOMPARE(w.inEnd, w.outStart); // out of sample starts where in sample ends: nothing seen twice
        QCOMPARE(w.outEnd - w.outStart, 30 * kDay);
        if (i > 0)
            QCOMPARE(w.inStart, r->windows[i - 1].inStart + 30 * kDay);
        // The out-of-sample figures are those of a backtest of that month alone with the chosen parameters.
        std::vector<BarSeries> month{BarSeries{m_series[0].instrument, kHour, {}}};
        for (const Bar &b : m_series[0].bars)
            if (b.openTime >= w.outStart && b.openTime < w.outEnd)
                month[0].bars.push_back(b);
        const auto alone = runBarBacktest(month, MA_CROSS, w.parametersJson);
        QVERIFY(alone);
        QVERIFY(std::fabs(w.outOfSampleReturn - (alone->finalEquity / 100'000 - 1)) < 1e-12);
        growth *= 1 + w.outOfSampleReturn;
    }
    QVERIFY(std::fabs(r->compoundedReturn - (growth - 1)) < 1e-12);
    qInfo("walk-forward 60/30 days over 2024: compounded out-of-sample return %.4f", r->compoundedReturn);
    config.outOfSampleNs = 400 * kDay;
    QVERIFY(!walkForward(m_series, MA_CROSS, kBase, maRanges(), config));
}

QTEST_APPLESS_MAIN(TestOptimizer)
#include "tst_optimizer.moc"
