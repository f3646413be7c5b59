// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// bench_plugin_call: the cost of a strategy callback through the plugin C ABI (function pointer, exception
// barrier, virtual call, in a library loaded with dlopen) against a direct virtual call to the same class
// built into this program. Prints both and the overhead per callback.
//
// Usage: bench_plugin_call [--calls N]
#include "bench_plugin_strategy.h"
#include "strategy/plugin_library.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace {

// Kept out of line so the compiler cannot see which class it returns and devirtualise the direct calls.
[[gnu::noinline]] std::unique_ptr<meridian::sdk::Strategy> makeDirect()
{
    return std::make_unique<CountingStrategy>();
}

[[gnu::noinline]] double timeDirect(meridian::sdk::Strategy &strategy, std::int64_t calls)
{
    meridian_trade trade{};
    trade.struct_size = sizeof trade;
    trade.quantity = 1;
    const auto begin = std::chrono::steady_clock::now();
    for (std::int64_t i = 0; i < calls; ++i) {
        trade.price = i;
        strategy.onTrade(trade);
    }
    return std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - begin).count() /
           static_cast<double>(calls);
}

[[gnu::noinline]] double timeAbi(const meridian_strategy_api *api, meridian_instance *instance, std::int64_t calls,
                                 int &failures)
{
    meridian_trade trade{};
    trade.struct_size = sizeof trade;
    trade.quantity = 1;
    const auto begin = std::chrono::steady_clock::now();
    for (std::int64_t i = 0; i < calls; ++i) {
        trade.price = i;
        failures += api->on_trade(instance, &trade) != MERIDIAN_STATUS_OK;
    }
    return std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - begin).count() /
           static_cast<double>(calls);
}

} // namespace

int main(int argc, char **argv)
{
    std::int64_t calls = 100'000'000;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::string(argv[i]) == "--calls")
            calls = std::max<std::int64_t>(1, std::strtoll(argv[i + 1], nullptr, 10));

    auto plugin = meridian::strategy::PluginLibrary::load(BENCH_PLUGIN);
    if (!plugin) {
        std::fprintf(stderr, "bench_plugin_call: %s\n", plugin.error().message.c_str());
        return 2;
    }
    const meridian_strategy_api *api = (*plugin)->descriptor().strategy;
    meridian_instance *instance = nullptr;
    if (api->create(nullptr, nullptr, &instance) != MERIDIAN_STATUS_OK) {
        std::fprintf(stderr, "bench_plugin_call: the plugin could not create an instance\n");
        return 2;
    }
    auto direct = makeDirect();

    // Best of five rounds each, interleaved, so that a busy moment on the machine does not decide.
    double bestDirect = 1e9, bestAbi = 1e9;
    int failures = 0;
    for (int round = 0; round < 5; ++round) {
        bestDirect = std::min(bestDirect, timeDirect(*direct, calls));
        bestAbi = std::min(bestAbi, timeAbi(api, instance, calls, failures));
    }
    api->destroy(instance);
    if (failures != 0) {
        std::fprintf(stderr, "bench_plugin_call: %d callbacks failed\n", failures);
        return 1;
    }
    std::printf("callbacks per round: %lld, best of 5 rounds\n", static_cast<long long>(calls));
    std::printf("direct virtual call: %.2f ns (%.0f callbacks/s)\n", bestDirect, 1e9 / bestDirect);
    std::printf("through the C ABI:   %.2f ns (%.0f callbacks/s)\n", bestAbi, 1e9 / bestAbi);
    std::printf("bench_plugin_call: %.2f ns\n", bestAbi - bestDirect);
    return 0;
}
