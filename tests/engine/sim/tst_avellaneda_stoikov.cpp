// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Reproduces Avellaneda & Stoikov (2008), "High-frequency trading in a limit order book", Quantitative
// Finance 8(3), section 4, Tables 1–3 (the published version): the adaptive_mm plugin (the inventory
// strategy) and the fixed_spread_mm plugin quoting around the mid at the inventory strategy's average spread
// (the symmetric strategy), 1000 paths each, in the IntensityMarket with the paper's parameters
// (s0 = 100, sigma = 2, T = 1, dt = 0.005, A = 140, k = 1.5).
//
// Bands: a mean is compared with the table within 3 standard errors of the difference of two 1000-path
// estimates (sqrt(2)·std/sqrt(1000)), widened 1.5× for the symmetric strategy's fat-tailed profit; a
// standard deviation within 3 of its standard errors (sqrt(2) · std/sqrt(2·1000) for the difference).
#include "sim/intensity_market.h"

#include <QtTest>

#include <cmath>
#include <cstdio>
#include <string>

using namespace meridian;
using namespace meridian::sim;

namespace {

constexpr double kTick = 1e-4; // price units per tick: fine enough that rounding to ticks does not matter
constexpr std::uint64_t kPaths = 1000;
constexpr std::uint64_t kSeed = 20080401;

struct Stats
{
    double profit = 0, profitStd = 0, finalQ = 0, finalQStd = 0, spread = 0;
};

Stats summarise(const std::vector<IntensityPath> &paths)
{
    Stats s;
    const auto n = static_cast<double>(paths.size());
    for (const IntensityPath &p : paths) {
        s.profit += p.profit / n;
        s.finalQ += static_cast<double>(p.finalInventory) / n;
        s.spread += p.averageSpread / n;
    }
    for (const IntensityPath &p : paths) {
        s.profitStd += (p.profit - s.profit) * (p.profit - s.profit) / (n - 1);
        const double q = static_cast<double>(p.finalInventory) - s.finalQ;
        s.finalQStd += q * q / (n - 1);
    }
    s.profitStd = std::sqrt(s.profitStd);
    s.finalQStd = std::sqrt(s.finalQStd);
    return s;
}

struct Row
{
    double spread, profit, profitStd, finalQ, finalQStd;
};

std::string inventoryParameters(double gamma)
{
    // Prices are in ticks of kTick: gamma and k are per tick, sigma in ticks.
    return "{\"model\": \"avellaneda_stoikov\", \"gamma\": " + std::to_string(gamma * kTick) +
           ", \"intensity_a\": 140, \"intensity_k\": " + std::to_string(1.5 * kTick) +
           ", \"horizon_s\": 1, \"volatility\": " + std::to_string(2.0 / kTick) +
           ", \"order_size\": 1, \"max_inventory\": 1000000000, \"min_spread_ticks\": 1, \"refresh_ms\": 0, "
           "\"stay_passive\": false}";
}

std::string symmetricParameters(double spread)
{
    return "{\"half_spread_ticks\": " + std::to_string(std::llround(spread / 2 / kTick)) +
           ", \"levels\": 1, \"order_size\": 1, \"max_inventory\": 1000000000, \"refresh_ms\": 0}";
}

bool within(const char *what, double got, double expected, double band)
{
    std::printf("  %-28s %9.3f  table %7.2f  band ±%6.3f  ratio %.3f\n", what, got, expected, band,
                expected != 0 ? got / expected : 0.0);
    return std::fabs(got - expected) <= band;
}

} // namespace

Q_DECLARE_METATYPE(Row)

class TestAvellanedaStoikov : public QObject
{
    Q_OBJECT
private slots:
    void reproducesTheTables_data();
    void reproducesTheTables();
    void sameSeedSameResultsOnAnyNumberOfThreads();
    void refusesABadModel();
};

void TestAvellanedaStoikov::reproducesTheTables_data()
{
    QTest::addColumn<double>("gamma");
    QTest::addColumn<Row>("inventory");
    QTest::addColumn<Row>("symmetric");
    QTest::newRow("gamma 0.1") << 0.1 << Row{1.49, 65.0, 6.6, 0.08, 2.9} << Row{1.49, 68.4, 12.7, 0.26, 8.4};
    QTest::newRow("gamma 0.01") << 0.01 << Row{1.35, 68.6, 8.7, 0.12, 5.1} << Row{1.35, 68.8, 12.8, 0.09, 8.7};
    QTest::newRow("gamma 1") << 1.0 << Row{3.02, 31.4, 5.0, 0.02, 1.7} << Row{3.02, 44.0, 11.0, 0.00, 5.1};
}

void TestAvellanedaStoikov::reproducesTheTables()
{
    QFETCH(double, gamma);
    QFETCH(Row, inventory);
    QFETCH(Row, symmetric);
    IntensityModel model;
    model.tickSize = kTick;

    const auto inv = IntensityMarket::runPaths(model, ADAPTIVE_MM, inventoryParameters(gamma), kSeed, kPaths, 2);
    QVERIFY2(inv, inv ? "" : inv.error().message.c_str());
    const Stats a = summarise(*inv);
    const auto sym =
        IntensityMarket::runPaths(model, FIXED_SPREAD_MM, symmetricParameters(a.spread), kSeed + 1, kPaths, 2);
    QVERIFY2(sym, sym ? "" : sym.error().message.c_str());
    const Stats b = summarise(*sym);

    const double root = std::sqrt(static_cast<double>(kPaths));
    const auto meanBand = [&](double sd, double widen) { return widen * 3 * std::sqrt(2.0) * sd / root; };
    const auto stdBand = [&](double sd) { return 3 * std::sqrt(2.0) * sd / std::sqrt(2.0 * kPaths); };
    bool ok = true;
    std::printf("gamma %g, inventory strategy\n", gamma);
    within("average spread (reported)", a.spread, inventory.spread, 0);
    ok &= within("profit", a.profit, inventory.profit, meanBand(inventory.profitStd, 1.0));
    ok &= within("std(profit)", a.profitStd, inventory.profitStd, stdBand(inventory.profitStd));
    ok &= within("final q", a.finalQ, inventory.finalQ, meanBand(inventory.finalQStd, 1.0));
    ok &= within("std(final q)", a.finalQStd, inventory.finalQStd, stdBand(inventory.finalQStd));
    std::printf("gamma %g, symmetric strategy\n", gamma);
    ok &= within("profit", b.profit, symmetric.profit, meanBand(symmetric.profitStd, 1.5));
    ok &= within("std(profit)", b.profitStd, symmetric.profitStd, 1.5 * stdBand(symmetric.profitStd));
    ok &= within("final q", b.finalQ, symmetric.finalQ, meanBand(symmetric.finalQStd, 1.0));
    ok &= within("std(final q)", b.finalQStd, symmetric.finalQStd, stdBand(symmetric.finalQStd));
    QVERIFY2(ok, "a figure is outside its band (see the lines above)");
}

void TestAvellanedaStoikov::sameSeedSameResultsOnAnyNumberOfThreads()
{
    IntensityModel model;
    model.tickSize = kTick;
    const std::string parameters = inventoryParameters(0.1);
    const auto one = IntensityMarket::runPaths(model, ADAPTIVE_MM, parameters, 7, 64, 1);
    const auto two = IntensityMarket::runPaths(model, ADAPTIVE_MM, parameters, 7, 64, 2);
    const auto again = IntensityMarket::runPaths(model, ADAPTIVE_MM, parameters, 7, 64, 2);
    const auto other = IntensityMarket::runPaths(model, ADAPTIVE_MM, parameters, 8, 64, 2);
    QVERIFY(one && two && again && other);
    const auto same = [](const std::vector<IntensityPath> &x, const std::vector<IntensityPath> &y) {
        for (std::size_t i = 0; i < x.size(); ++i)
            if (x[i].profit != y[i].profit || x[i].finalInventory != y[i].finalInventory || x[i].fills != y[i].fills)
                return false;
        return x.size() == y.size();
    };
    QVERIFY(same(*one, *two));
    QVERIFY(same(*two, *again));
    QVERIFY(!same(*one, *other));
}

void TestAvellanedaStoikov::refusesABadModel()
{
    IntensityModel model;
    model.sigma = -1;
    const auto r = IntensityMarket::runPaths(model, ADAPTIVE_MM, "{}", 1, 1, 1);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(r.error().message.find("sigma must be positive") != std::string::npos, r.error().message.c_str());
}

QTEST_APPLESS_MAIN(TestAvellanedaStoikov)
#include "tst_avellaneda_stoikov.moc"
