// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// bench_backtest_l2: an order-book backtest of fixed_spread_mm (quoting passively, two levels a side,
// re-quoting at most every 100 ms) over a seeded stream of depth updates and trades: ten levels a side
// around a random-walk mid, 10,000,000 events over about 28 simulated hours. The figure is events per
// second of wall time for the replay alone (the stream is made first), the best of 3 runs.
//
// Usage: bench_backtest_l2 [--events N]
#include "backtest/l2_backtest.h"
#include "core/rng.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace meridian;
using namespace meridian::backtest;

namespace {

std::vector<DepthEvent> makeEvents(std::size_t count)
{
    std::vector<DepthEvent> events;
    events.reserve(count);
    Rng rng(5);
    std::int64_t mid = 3'000'000, t = 0;
    for (std::int64_t k = 1; k <= 10; ++k) {
        events.push_back({t, DepthEvent::Kind::Level, Side::Buy, mid - k, 10});
        events.push_back({t, DepthEvent::Kind::Level, Side::Sell, mid + k, 10});
    }
    while (events.size() < count) {
        t += rng.uniformInt(1, 20'000'000); // 10 ms apart on average
        const double u = rng.uniform();
        if (u < 0.02) { // the mid moves a tick: a level empties, one appears on the other side
            const bool up = rng.bernoulli(0.5);
            // The book keeps ten levels a side at mid ± 1 … mid ± 10.
            if (up) {
                events.push_back({t, DepthEvent::Kind::Trade, Side::Sell, mid + 1, 10});
                events.push_back({t, DepthEvent::Kind::Level, Side::Sell, mid + 1, 0});
                events.push_back({t, DepthEvent::Kind::Level, Side::Sell, mid + 11, 10});
                events.push_back({t, DepthEvent::Kind::Level, Side::Buy, mid, 10});
                events.push_back({t, DepthEvent::Kind::Level, Side::Buy, mid - 10, 0});
                ++mid;
            } else {
                events.push_back({t, DepthEvent::Kind::Trade, Side::Buy, mid - 1, 10});
                events.push_back({t, DepthEvent::Kind::Level, Side::Buy, mid - 1, 0});
                events.push_back({t, DepthEvent::Kind::Level, Side::Buy, mid - 11, 10});
                events.push_back({t, DepthEvent::Kind::Level, Side::Sell, mid, 10});
                events.push_back({t, DepthEvent::Kind::Level, Side::Sell, mid + 10, 0});
                --mid;
            }
        } else if (u < 0.10) { // a small trade at the touch
            const bool bid = rng.bernoulli(0.5);
            events.push_back({t, DepthEvent::Kind::Trade, bid ? Side::Buy : Side::Sell, bid ? mid - 1 : mid + 1, 1});
        } else { // a level's size changes
            const bool bid = rng.bernoulli(0.5);
            const std::int64_t depth = rng.uniformInt(1, 10);
            events.push_back({t, DepthEvent::Kind::Level, bid ? Side::Buy : Side::Sell, bid ? mid - depth : mid + depth,
                              rng.uniformInt(1, 30)});
        }
    }
    return events;
}

double timeOnce(const Instrument &instrument, const std::vector<DepthEvent> &events, std::size_t &fills,
                std::uint64_t &callbacks)
{
    L2BacktestConfig config;
    config.makerFee = -0.0001;
    const auto start = std::chrono::steady_clock::now();
    const auto r = runL2Backtest(instrument, events, FIXED_SPREAD_MM,
                                 R"({"half_spread_ticks": 1, "levels": 2, "order_size": 1, "max_inventory": 50,
                                     "refresh_ms": 100})",
                                 config);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!r) {
        std::fprintf(stderr, "bench_backtest_l2: %s\n", r.error().message.c_str());
        std::exit(1);
    }
    if (!r->strategyError.empty()) {
        std::fprintf(stderr, "bench_backtest_l2: the strategy stopped: %s\n", r->strategyError.c_str());
        std::exit(1);
    }
    fills = r->fills.size();
    callbacks = r->bookCallbacks;
    return seconds;
}

} // namespace

int main(int argc, char **argv)
{
    std::size_t count = 10'000'000;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::strcmp(argv[i], "--events") == 0)
            count = std::strtoull(argv[i + 1], nullptr, 10);
    InstrumentSpec spec;
    spec.id = 1;
    spec.symbol = "BTCUSDT";
    spec.venue = "BENCH";
    spec.tickSize = Decimal(1, 2);
    spec.lotSize = Decimal(1, 3);
    const Instrument instrument = *Instrument::create(spec);
    const std::vector<DepthEvent> events = makeEvents(count);
    double best = 1e300;
    std::size_t fills = 0;
    std::uint64_t callbacks = 0;
    for (int round = 0; round < 3; ++round)
        best = std::min(best, timeOnce(instrument, events, fills, callbacks));
    const double rate = static_cast<double>(events.size()) / best;
    std::printf("fixed_spread_mm over %zu depth events: %llu book callbacks, %zu fills, best of 3 %.3f s\n",
                events.size(), static_cast<unsigned long long>(callbacks), fills, best);
    std::printf("bench_backtest_l2: %.0f events/s\n", rate);
    return 0;
}
