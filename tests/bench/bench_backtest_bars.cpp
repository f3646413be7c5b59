// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// bench_backtest_bars: the ma_cross plugin backtested over one year of 1-minute bars (525,600), through the
// plugin ABI as in the product. The bars are a seeded random walk around 30,000.00 (0.01 ticks) with
// realistic ranges; the figure is the wall time of the backtest alone (the bars are made first), the best
// of 5 runs.
//
// Usage: bench_backtest_bars [--bars N]
#include "backtest/bar_backtest.h"
#include "core/rng.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace meridian;
using namespace meridian::backtest;

namespace {

BarSeries makeBars(std::size_t count)
{
    InstrumentSpec spec;
    spec.id = 1;
    spec.symbol = "BTCUSDT";
    spec.venue = "BENCH";
    spec.quoteCurrency = "USDT";
    spec.tickSize = Decimal(1, 2);
    spec.lotSize = Decimal(1, 3);
    BarSeries s{*Instrument::create(spec), 60'000'000'000, {}};
    s.bars.reserve(count);
    Rng rng(42);
    double price = 3'000'000;
    for (std::size_t i = 0; i < count; ++i) {
        const double open = price;
        price *= std::exp(rng.normal(0, 0.0008));
        const double close = price;
        const double high = std::max(open, close) * (1 + std::fabs(rng.normal(0, 0.0003)));
        const double low = std::min(open, close) * (1 - std::fabs(rng.normal(0, 0.0003)));
        s.bars.push_back({static_cast<std::int64_t>(i) * 60'000'000'000, std::llround(open), std::llround(high),
                          std::llround(low), std::llround(close), 1000});
    }
    return s;
}

double timeOnce(const BarSeries &bars, std::size_t &fills)
{
    BarBacktestConfig config;
    config.takerFee = 0.0004;
    const auto start = std::chrono::steady_clock::now();
    const auto r = runBarBacktest({bars}, MA_CROSS,
                                  R"({"fast_period": 20, "slow_period": 60, "order_size": 10, "stop_loss": 0.02,
                                      "take_profit": 0.04})",
                                  config);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!r) {
        std::fprintf(stderr, "bench_backtest_bars: %s\n", r.error().message.c_str());
        std::exit(1);
    }
    fills = r->fills.size();
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    std::size_t count = 525'600;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::strcmp(argv[i], "--bars") == 0)
            count = std::strtoull(argv[i + 1], nullptr, 10);
    const BarSeries bars = makeBars(count);
    double best = 1e300;
    std::size_t fills = 0;
    for (int round = 0; round < 5; ++round)
        best = std::min(best, timeOnce(bars, fills));
    std::printf("ma_cross 20/60 over %zu one-minute bars: %zu fills, best of 5: %.1f ms (%.1f ns a bar)\n", count,
                fills, best, best * 1e6 / static_cast<double>(count));
    std::printf("bench_backtest_bars: %.1f ms\n", best);
    return 0;
}
