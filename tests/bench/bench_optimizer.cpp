// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// bench_optimizer: a grid of 1,000 ma_cross parameter sets (fast 2–41 × slow 50–170 by 5), each backtested
// over one year of 1-hour bars (8,760, a seeded random walk), on 1 thread and then on 2; the figure is the
// 2-thread wall time, and it prints the speed-up. Both runs must give the same results.
#include "backtest/optimizer.h"
#include "core/rng.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace meridian;
using namespace meridian::backtest;

namespace {

BarSeries makeBars()
{
    InstrumentSpec spec;
    spec.id = 1;
    spec.symbol = "BTCUSDT";
    spec.venue = "BENCH";
    spec.quoteCurrency = "USDT";
    spec.tickSize = Decimal(1, 2);
    spec.lotSize = Decimal(1, 3);
    BarSeries s{*Instrument::create(spec), 3'600'000'000'000, {}};
    Rng rng(7);
    double price = 3'000'000;
    for (std::int64_t i = 0; i < 8760; ++i) {
        const double open = price;
        price *= std::exp(rng.normal(0, 0.006));
        const double high = std::max(open, price) * (1 + std::fabs(rng.normal(0, 0.002)));
        const double low = std::min(open, price) * (1 - std::fabs(rng.normal(0, 0.002)));
        s.bars.push_back({i * 3'600'000'000'000, std::llround(open), std::llround(high), std::llround(low),
                          std::llround(price), 1000});
    }
    return s;
}

double timeRun(const std::vector<BarSeries> &series, unsigned threads, OptimizeResult &out)
{
    OptimizeConfig config;
    config.threads = threads;
    config.backtest.takerFee = 0.0004;
    const std::vector<ParameterRange> ranges = {{"fast_period", 2, 41, 1, true, {}},
                                                {"slow_period", 50, 170, 5, true, {}}};
    const auto start = std::chrono::steady_clock::now();
    auto r = optimize(series, MA_CROSS, R"({"order_size": 10, "stop_loss": 0, "take_profit": 0})", ranges, config);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!r) {
        std::fprintf(stderr, "bench_optimizer: %s\n", r.error().message.c_str());
        std::exit(1);
    }
    out = std::move(*r);
    return seconds;
}

} // namespace

int main()
{
    const std::vector<BarSeries> series{makeBars()};
    OptimizeResult one, two;
    const double t1 = timeRun(series, 1, one);
    const double t2 = timeRun(series, 2, two);
    bool same = one.evaluations.size() == two.evaluations.size();
    for (std::size_t i = 0; same && i < one.evaluations.size(); ++i)
        same = one.evaluations[i].objectives == two.evaluations[i].objectives;
    if (!same) {
        std::fprintf(stderr, "bench_optimizer: 1 and 2 threads disagree\n");
        return 1;
    }
    std::printf("%zu ma_cross backtests over 8,760 hourly bars: 1 thread %.2f s, 2 threads %.2f s, speed-up %.2fx\n",
                two.evaluations.size(), t1, t2, t1 / t2);
    std::printf("bench_optimizer: %.2f s\n", t2);
    return 0;
}
