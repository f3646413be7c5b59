// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// bench_sim: the simulator's speed, three ways.
//  1. Throughput: the `normal` scenario's agent mix scaled to 1000 agents on one instrument, run for
//     simulated hours until at least --events kernel messages; messages per wall-clock second.
//  2. The 30-day `black_swan` simulate job with the adaptive_mm plugin trading (the command-line default
//     instrument BTCUSDT at 30,000 with 0.01 ticks); its wall time and event density.
//  3. A trading day (6.5 h) with the agent mix of ABIDES's RMSC04 configuration: 1000 noise traders that
//     trade about once a day, 102 value traders, 12 momentum traders, 2 market makers that replace their
//     10-level ladders every second, one exchange; its
//     wall time and message count (ABIDES needs 73–142 s for that day, about 475,000 messages).
//
// Usage: bench_sim [--events N] [--seed S]
#include "sim/scenario.h"
#include "sim/simulate_job.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace meridian;
using namespace meridian::sim;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

MarketSetup btc()
{
    MarketSetup m;
    m.instrument.spec.id = 1;
    m.instrument.spec.symbol = "BTCUSDT";
    m.instrument.spec.venue = "SIM";
    m.instrument.spec.quoteCurrency = "USDT";
    m.instrument.spec.tickSize = Decimal(1, 2);
    m.instrument.spec.lotSize = Decimal(1, 3);
    m.instrument.initialPrice = 3'000'000;
    return m;
}

struct Throughput
{
    std::uint64_t messages;
    double seconds;
    std::int64_t simulatedNs;
    std::size_t agents;
};

Throughput throughput(std::uint64_t minEvents, std::uint64_t seed)
{
    Scenario s = *presetScenario("normal");
    Population &p = s.population;
    // The normal mix, scaled to 1000 agents.
    p.zeroIntelligence = 200;
    p.value = 300;
    p.informed = 20;
    p.momentum = 60;
    p.noise = 400;
    p.marketMakers = 20;
    const std::int64_t hours = 3600 * kSecond;
    auto built = buildMarket(s, {btc()}, seed, 1000 * hours);
    if (!built) {
        std::fprintf(stderr, "bench_sim: %s\n", built.error().message.c_str());
        std::exit(1);
    }
    Simulation &sim = **built;
    const auto start = Clock::now();
    std::int64_t until = 0;
    while (sim.stats().messages < minEvents && !sim.done()) {
        until += hours / 4;
        sim.run(until);
    }
    return {sim.stats().messages, secondsSince(start), sim.now(), sim.agentCount()};
}

struct JobTiming
{
    double seconds;
    SimulateResult result;
};

JobTiming blackSwan30Days(std::uint64_t seed)
{
    SimulateRequest r;
    r.market = btc();
    r.scenario = "black_swan";
    r.durationNs = 30 * 86400 * kSecond;
    r.strategyPath = ADAPTIVE_MM;
    r.strategyParams = R"({"gamma": 0.1})";
    r.seed = seed;
    const auto start = Clock::now();
    auto result = runSimulate(r);
    const double seconds = secondsSince(start);
    if (!result) {
        std::fprintf(stderr, "bench_sim: %s\n", result.error().message.c_str());
        std::exit(1);
    }
    return {seconds, *result};
}

Throughput rmsc04Day(std::uint64_t seed)
{
    Scenario s = *presetScenario("normal");
    Population &p = s.population;
    const double day = 6.5 * 3600;
    p.zeroIntelligence = 0;
    p.noise = 1000;
    p.noiseParameters.wakeRate = 1.0 / day; // about one order each in the day
    p.value = 102;
    p.valueParameters.wakeRate = 1.0 / 175; // ABIDES: lambda_a = 5.7e-12 per ns
    p.informed = 0;
    p.momentum = 12;
    p.momentumParameters.intervalNs = 60 * kSecond;
    p.marketMakers = 2;
    p.marketMakerParameters.intervalNs = kSecond;
    p.marketMakerParameters.levels = 10;
    p.marketMakerParameters.keepQuotes = false; // like ABIDES's market makers: the whole ladder anew each wake-up
    auto built = buildMarket(s, {btc()}, seed, static_cast<std::int64_t>(day * 1e9));
    if (!built) {
        std::fprintf(stderr, "bench_sim: %s\n", built.error().message.c_str());
        std::exit(1);
    }
    Simulation &sim = **built;
    const auto start = Clock::now();
    sim.run();
    sim.finish();
    return {sim.stats().messages, secondsSince(start), sim.now(), sim.agentCount()};
}

} // namespace

int main(int argc, char **argv)
{
    std::uint64_t events = 5'000'000, seed = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--events") == 0)
            events = std::strtoull(argv[i + 1], nullptr, 10);
        else if (std::strcmp(argv[i], "--seed") == 0)
            seed = std::strtoull(argv[i + 1], nullptr, 10);
    }

    const JobTiming swan = blackSwan30Days(seed);
    const double simulatedS = 30 * 86400.0;
    std::printf("30-day black_swan simulate (adaptive_mm): %.2f s wall, %llu messages (%.2f per simulated second), "
                "%llu market trades, %llu strategy orders\n",
                swan.seconds, static_cast<unsigned long long>(swan.result.messages),
                static_cast<double>(swan.result.messages) / simulatedS,
                static_cast<unsigned long long>(swan.result.marketTrades),
                static_cast<unsigned long long>(swan.result.orderCount));

    const Throughput day = rmsc04Day(seed);
    std::printf("RMSC04-like day (%zu agents, 6.5 h): %.3f s wall, %llu messages\n", day.agents, day.seconds,
                static_cast<unsigned long long>(day.messages));

    const Throughput t = throughput(events, seed);
    const double rate = static_cast<double>(t.messages) / t.seconds;
    std::printf("normal, %zu agents: %llu messages in %.2f s wall for %.1f simulated hours\n", t.agents,
                static_cast<unsigned long long>(t.messages), t.seconds, static_cast<double>(t.simulatedNs) / 3.6e12);
    std::printf("bench_sim: %.0f events/s\n", rate);
    return 0;
}
