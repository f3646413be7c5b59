// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The calibration estimators on series generated with known parameters: the fill intensity
// lambda(delta) = A·exp(−k·delta) and GARCH(1,1) are recovered (within 5% and 10%), jumps are found by the
// threshold method, the intraday volume profile adds up, and the scenario factors of a period with twice the
// volatility and the same volume say so. Bad input is refused with a message saying what is wrong.
#include "core/rng.h"
#include "sim/calibration/estimators.h"

#include <QtTest>

#include <cmath>

using namespace meridian;
using namespace meridian::sim::calibration;

class TestEstimators : public QObject
{
    Q_OBJECT
private slots:
    void recoversTheFillIntensity();
    void recoversGarch();
    void findsJumps();
    void volumeProfileAddsUp();
    void scenarioFactorsOfAStressedPeriod();
    void refusesBadInput();
};

void TestEstimators::recoversTheFillIntensity()
{
    // Trades at exponentially distributed distances from a constant mid: the number reaching delta is
    // N·exp(−k·delta), so lambda(delta) = (N / T)·exp(−k·delta).
    const double k = 0.8, seconds = 3600;
    const std::size_t n = 200'000;
    Rng rng(7);
    std::vector<std::int64_t> times;
    std::vector<double> prices;
    for (std::size_t i = 0; i < n; ++i) {
        times.push_back(static_cast<std::int64_t>(i) * 10'000'000);
        const double away = rng.exponential(k);
        prices.push_back(rng.bernoulli(0.5) ? 100 + away : 100 - away);
    }
    const std::vector<std::int64_t> midTimes{0};
    const std::vector<double> mids{100};
    std::vector<double> deltas;
    for (double d = 0.1; d <= 4.0001; d += 0.1)
        deltas.push_back(d);
    const std::vector<double> rates = empiricalIntensity(times, prices, midTimes, mids, deltas, seconds);
    const auto fit = fitIntensity(deltas, rates);
    QVERIFY(fit);
    const double a = static_cast<double>(n) / seconds;
    qInfo("lambda(delta): A %.3f (true %.3f), k %.4f (true %.4f), R² %.5f", fit->a, a, fit->k, k, fit->r2);
    QVERIFY(std::fabs(fit->a / a - 1) < 0.05);
    QVERIFY(std::fabs(fit->k / k - 1) < 0.05);
    QVERIFY(fit->r2 > 0.99);
}

void TestEstimators::recoversGarch()
{
    const double omega = 2e-6, alpha = 0.1, beta = 0.85;
    Rng rng(11);
    std::vector<double> r;
    double variance = omega / (1 - alpha - beta), previous = 0;
    for (int t = 0; t < 100'000; ++t) {
        variance = omega + alpha * previous * previous + beta * variance;
        previous = std::sqrt(variance) * rng.normal();
        r.push_back(previous);
    }
    const auto fit = fitGarch11(r);
    QVERIFY(fit);
    qInfo("GARCH(1,1): omega %.3g (true %.3g), alpha %.4f (true %.2f), beta %.4f (true %.2f), %zu iterations",
          fit->omega, omega, fit->alpha, alpha, fit->beta, beta, fit->iterations);
    QVERIFY(std::fabs(fit->omega / omega - 1) < 0.10);
    QVERIFY(std::fabs(fit->alpha / alpha - 1) < 0.10);
    QVERIFY(std::fabs(fit->beta / beta - 1) < 0.10);
    QVERIFY(fit->persistence() < 1);
}

void TestEstimators::findsJumps()
{
    // Diffusion of 1%, and on 1% of the returns a jump of +8% ± 1%.
    Rng rng(3);
    std::vector<double> r;
    std::size_t planted = 0;
    for (int t = 0; t < 50'000; ++t) {
        double x = rng.normal(0, 0.01);
        if (rng.bernoulli(0.01)) {
            x += rng.normal(0.08, 0.01);
            ++planted;
        }
        r.push_back(x);
    }
    const JumpFit f = detectJumps(r);
    qInfo("jumps: %zu found of %zu planted; mean %.4f, std %.4f, diffusion %.4f", f.jumps, planted, f.mean, f.std,
          f.diffusion);
    QVERIFY(std::fabs(static_cast<double>(f.jumps) / static_cast<double>(planted) - 1) < 0.10);
    QVERIFY(std::fabs(f.mean / 0.08 - 1) < 0.05);
    QVERIFY(std::fabs(f.diffusion / 0.01 - 1) < 0.05);
}

void TestEstimators::volumeProfileAddsUp()
{
    constexpr std::int64_t kHour = 3'600'000'000'000;
    std::vector<std::int64_t> times;
    std::vector<double> volumes;
    for (int day = 0; day < 3; ++day)
        for (int h = 0; h < 24; ++h) {
            times.push_back((day * 24 + h) * kHour);
            volumes.push_back(h == 14 ? 10 : 1); // the afternoon session trades ten times more
        }
    const std::vector<double> profile = intradayVolumeProfile(times, volumes, 24);
    QCOMPARE(profile.size(), std::size_t(24));
    double sum = 0;
    for (const double s : profile)
        sum += s;
    QVERIFY(std::fabs(sum - 1) < 1e-12);
    QVERIFY(std::fabs(profile[14] - 10.0 / 33.0) < 1e-12);
    QVERIFY(std::fabs(profile[3] - 1.0 / 33.0) < 1e-12);
}

void TestEstimators::scenarioFactorsOfAStressedPeriod()
{
    const auto bars = [](double sigma, std::uint64_t seed) {
        Rng rng(seed);
        std::vector<BarSample> out;
        double close = 100;
        for (int i = 0; i < 2000; ++i) {
            const double open = close;
            close = open * std::exp(rng.normal(0, sigma));
            const double high = std::max(open, close) * (1 + sigma / 2), low = std::min(open, close) * (1 - sigma / 2);
            out.push_back({static_cast<std::int64_t>(i) * 60'000'000'000, high, low, close, 1000});
        }
        return out;
    };
    const auto normal = bars(0.001, 1), stressed = bars(0.002, 2);
    const auto f = scenarioFactors(normal, stressed);
    QVERIFY(f);
    qInfo("scenario factors: volatility %.3f, liquidity %.3f, base slippage %.5f", f->volatilityFactor,
          f->liquidityFactor, f->baseSlippage);
    QVERIFY(std::fabs(f->volatilityFactor / 2 - 1) < 0.1);
    QVERIFY(std::fabs(f->liquidityFactor / 0.5 - 1) < 0.1); // twice the move for the same volume
    QVERIFY(f->baseSlippage >= 0 && f->baseSlippage < 0.01);
}

void TestEstimators::refusesBadInput()
{
    const std::vector<double> few(50, 0.01);
    auto g = fitGarch11(few);
    QVERIFY(!g);
    QVERIFY2(g.error().message.find("too few") != std::string::npos, g.error().message.c_str());
    g = fitGarch11(std::vector<double>(500, 0.0));
    QVERIFY(!g);
    QVERIFY2(g.error().message.find("zero") != std::string::npos, g.error().message.c_str());
    std::vector<double> withNan(500, 0.01);
    withNan[42] = std::nan("");
    g = fitGarch11(withNan);
    QVERIFY(!g);
    QVERIFY2(g.error().message.find("42") != std::string::npos, g.error().message.c_str());
    const std::vector<double> d{1, 2, 3}, zero{0, 0, 1};
    const auto i = fitIntensity(d, zero);
    QVERIFY(!i);
    QVERIFY2(i.error().message.find("fewer than 3") != std::string::npos, i.error().message.c_str());
    const std::vector<BarSample> short_(5, BarSample{0, 101, 99, 100, 10});
    const auto f = scenarioFactors(short_, short_);
    QVERIFY(!f);
    QVERIFY2(f.error().message.find("at least 20") != std::string::npos, f.error().message.c_str());
}

QTEST_GUILESS_MAIN(TestEstimators)
#include "tst_estimators.moc"
