// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The built-in pairs_trading plugin, loaded as a real library and run by StrategyRunner on hand-built pairs
// of bars (Y = 2·X + 10 plus a small deterministic residual, in ticks); market orders fill at the bar's
// close. The hedge ratio and z-score it publishes are checked against a two-pass least-squares fit of the
// same window, computed here.
#include "strategy/strategy_runner.h"
#include "support/recording_services.h"

#include <QtTest>

#include <cmath>
#include <deque>

using namespace meridian;
using namespace meridian::strategy;
using meridian::testing::RecordingServices;

namespace {

constexpr meridian_instrument_id kY = 1, kX = 2;
constexpr std::size_t kLookback = 20;

meridian_bar bar(meridian_instrument_id instrument, std::int64_t minute, std::int64_t close)
{
    meridian_bar b{};
    b.struct_size = sizeof b;
    b.instrument = instrument;
    b.open_time_ns = minute * 60'000'000'000;
    b.open = b.high = b.low = b.close = close;
    return b;
}

struct Fit
{
    double beta;
    double z;
};

/// Two-pass least squares of y on x; z is the newest residual over the population residual deviation.
Fit fit(const std::deque<std::pair<double, double>> &xy)
{
    const auto n = static_cast<double>(xy.size());
    double mx = 0, my = 0;
    for (const auto &[x, y] : xy) {
        mx += x / n;
        my += y / n;
    }
    double sxx = 0, sxy = 0;
    for (const auto &[x, y] : xy) {
        sxx += (x - mx) * (x - mx);
        sxy += (x - mx) * (y - my);
    }
    const double beta = sxy / sxx, alpha = my - beta * mx;
    double sse = 0;
    for (const auto &[x, y] : xy)
        sse += (y - alpha - beta * x) * (y - alpha - beta * x);
    const auto &[x, y] = xy.back();
    return {beta, (y - alpha - beta * x) / std::sqrt(sse / n)};
}

struct Harness
{
    RecordingServices services;
    StrategyRunner runner{services};
    InstanceId id = 0;
    std::int64_t minute = 0;
    double xTick = 1; // price of one tick of X
    std::deque<std::pair<double, double>> window;
    std::string error; // why start() failed

    Harness()
    {
        services.instruments["AAA"] = kY;
        services.instruments["BBB"] = kX;
    }
    bool start(const char *parameters)
    {
        const auto added = runner.addInstance(PAIRS_TRADING, parameters);
        if (!added) {
            error = added.error().message;
            return false;
        }
        id = *added;
        if (!runner.start(id)) {
            error = runner.lastError(id);
            return false;
        }
        return true;
    }
    /// Feeds one pair of bars; returns the expected fit once the window is full.
    Fit feed(std::int64_t x, std::int64_t y)
    {
        runner.onBar(bar(kY, minute, y));
        runner.onBar(bar(kX, minute, x));
        ++minute;
        services.fillMarketOrdersAt(runner, [&](meridian_instrument_id i) { return i == kY ? y : x; });
        window.emplace_back(static_cast<double>(x) * xTick, static_cast<double>(y));
        if (window.size() > kLookback)
            window.pop_front();
        return window.size() == kLookback ? fit(window) : Fit{0, 0};
    }
    /// A calm stretch: Y = 2·X + 10 ± 1.
    Fit warmUp()
    {
        Fit last{};
        for (int i = 0; i < static_cast<int>(kLookback); ++i) {
            const std::int64_t x = 100 + (i * 7) % 11;
            last = feed(x, 2 * x + 10 + (i % 3) - 1);
        }
        return last;
    }
    double variable(const char *name) { return services.variables[{id, name}]; }
};

} // namespace

class TestPairsTrading : public QObject
{
    Q_OBJECT
private slots:
    void opensAndClosesTheSpreadWithTheHedgeRatio();
    void hedgeRatioIsInPricesNotTicks();
    void bothSymbolsMustBeKnown();
};

void TestPairsTrading::opensAndClosesTheSpreadWithTheHedgeRatio()
{
    Harness h;
    QVERIFY(h.start(R"({"symbol_y": "AAA", "symbol_x": "BBB", "lookback": 20, "entry_threshold": 2.0,
        "exit_threshold": 0.5, "stop_loss": 0, "position_size": 10})"));
    const Fit calmFit = h.warmUp();
    QVERIFY(h.services.orders.empty());
    QVERIFY(std::fabs(h.variable("beta") - calmFit.beta) < 1e-9);
    QVERIFY(std::fabs(calmFit.beta - 2.0) < 0.1); // 1.93: the ±1 residuals lean a little on x

    // Y jumps 8 ticks above its fair relation: the spread is rich, so sell Y and buy beta × 10 of X.
    const Fit rich = h.feed(103, 2 * 103 + 10 + 8);
    QVERIFY2(rich.z >= 2.0, qPrintable(QString::number(rich.z)));
    QVERIFY(std::fabs(h.variable("zscore") - rich.z) < 1e-9);
    QVERIFY(std::fabs(h.variable("beta") - rich.beta) < 1e-9);
    QCOMPARE(h.services.orders.size(), std::size_t(2));
    QCOMPARE(h.services.orderedPosition(h.id, kY), -10);
    QCOMPARE(h.services.orderedPosition(h.id, kX), std::llround(rich.beta * 10));
    QCOMPARE(h.variable("position_y"), -10.0);

    // Back on the relation: both legs flat.
    Fit calm{};
    for (std::int64_t x = 104; x < 120 && h.services.orderedPosition(h.id, kY) != 0; ++x)
        calm = h.feed(x, 2 * x + 10);
    QVERIFY(std::fabs(calm.z) <= 0.5);
    QCOMPARE(h.services.orderedPosition(h.id, kY), 0);
    QCOMPARE(h.services.orderedPosition(h.id, kX), 0);
    QCOMPARE(h.services.orders.size(), std::size_t(4));
    QVERIFY(h.variable("pnl") > 0); // sold Y rich, bought it back at its fair value
}

void TestPairsTrading::hedgeRatioIsInPricesNotTicks()
{
    Harness h;
    // X's tick is 0.5 of the price unit, Y's is 1: y = 2·x_ticks + 10 = 4·x_price + 10.
    h.services.infos[kX] = meridian_instrument_info{};
    h.services.infos[kX].struct_size = sizeof(meridian_instrument_info);
    h.services.infos[kX].tick_size = meridian_decimal{5, 1, 0};
    h.services.infos[kX].lot_size = meridian_decimal{1, 0, 0};
    h.xTick = 0.5;
    QVERIFY(h.start(R"({"symbol_y": "AAA", "symbol_x": "BBB", "lookback": 20, "stop_loss": 0,
        "position_size": 10})"));
    const Fit calmFit = h.warmUp();
    QVERIFY(std::fabs(h.variable("beta") - calmFit.beta) < 1e-9);
    QVERIFY(std::fabs(calmFit.beta - 4.0) < 0.2);
    const Fit rich = h.feed(103, 2 * 103 + 10 + 8);
    QVERIFY(rich.z >= 2.0);
    QCOMPARE(h.services.orderedPosition(h.id, kX), std::llround(rich.beta * 10));
}

void TestPairsTrading::bothSymbolsMustBeKnown()
{
    const std::pair<const char *, const char *> cases[] = {
        {R"({"symbol_y": "AAA"})", "symbol_y and symbol_x must both name an instrument"},
        {R"({"symbol_y": "AAA", "symbol_x": "ZZZ"})", "instrument ZZZ is unknown to the host"},
        {R"({"symbol_y": "AAA", "symbol_x": "AAA"})", "the same instrument"}};
    for (const auto &[parameters, message] : cases) {
        Harness h;
        QVERIFY(!h.start(parameters));
        QVERIFY2(h.error.find(message) != std::string::npos, h.error.c_str());
    }
}

QTEST_APPLESS_MAIN(TestPairsTrading)
#include "tst_pairs_trading.moc"
