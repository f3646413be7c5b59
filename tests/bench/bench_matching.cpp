// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// bench_matching: a seeded stream of operations (60% passive limit orders, 30% cancels of live orders,
// 10% marketable IOC orders) against one book of realistic depth (seeded with 50 levels a side of 10
// orders; the stream then holds it near 5,000 orders), with book-change events on.
//
// The stream is generated first by driving a separate engine (so that cancels name live orders), then
// replayed into a fresh engine twice: once untimed for throughput, once with a clock read around every
// operation for the latency distribution. Both replays must end in the same state.
//
// Usage: bench_matching [--operations N] [--seed S]
#include "bench_support.h"
#include "core/rng.h"
#include "matching/matching_engine.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace meridian;
using namespace meridian::matching;

namespace {

enum class Kind : std::uint8_t { Add, Cancel, Take };

struct Operation
{
    Kind kind;
    Side side;
    OrderId id;
    std::int64_t price;
    std::int64_t quantity;
};

struct CountingSink final : EventSink
{
    std::uint64_t events = 0;
    std::uint64_t trades = 0;
    std::uint64_t tradedQuantity = 0;
    void onEvent(const Event &event) override
    {
        ++events;
        if (event.type == EventType::Trade) {
            ++trades;
            tradedQuantity += static_cast<std::uint64_t>(event.quantity.value());
        }
    }
};

Instrument benchInstrument()
{
    InstrumentSpec spec;
    spec.symbol = "BENCH";
    spec.venue = "SIM";
    spec.tickSize = Decimal(1, 2);
    spec.lotSize = Decimal(1, 0);
    return *Instrument::create(spec);
}

constexpr std::int64_t kMid = 100000;
constexpr std::size_t kTargetOrders = 5000;

void apply(MatchingEngine &engine, const Operation &op, Timestamp now)
{
    switch (op.kind) {
    case Kind::Add:
    case Kind::Take: {
        OrderRequest r;
        r.id = op.id;
        r.owner = static_cast<OwnerId>(op.id & 7);
        r.side = op.side;
        r.type = OrderType::Limit;
        r.timeInForce = op.kind == Kind::Add ? TimeInForce::GoodTillCancel : TimeInForce::ImmediateOrCancel;
        r.price = Price(op.price);
        r.quantity = Quantity(op.quantity);
        engine.submit(r, now);
        break;
    }
    case Kind::Cancel:
        engine.cancel(op.id, now);
        break;
    }
}

std::vector<Operation> seedBook()
{
    std::vector<Operation> ops;
    OrderId id = 1;
    for (int level = 1; level <= 50; ++level)
        for (int k = 0; k < 10; ++k) {
            ops.push_back(Operation{Kind::Add, Side::Buy, id++, kMid - level, 1 + (level + k) % 10});
            ops.push_back(Operation{Kind::Add, Side::Sell, id++, kMid + level, 1 + (level * 3 + k) % 10});
        }
    return ops;
}

std::vector<Operation> generate(std::size_t count, std::uint64_t seed, const std::vector<Operation> &seedOps)
{
    CountingSink sink;
    MatchingEngine engine(benchInstrument(), sink);
    std::vector<OrderId> live;
    for (const Operation &op : seedOps) {
        apply(engine, op, Timestamp());
        live.push_back(op.id);
    }
    Rng rng(seed);
    OrderId nextId = 1'000'000;
    std::vector<Operation> ops;
    ops.reserve(count);
    while (ops.size() < count) {
        const double u = rng.uniform();
        const Side side = rng.uniform() < 0.5 ? Side::Buy : Side::Sell;
        const auto bid = engine.book().bestBid();
        const auto ask = engine.book().bestAsk();
        Operation op{};
        if (u < 0.6) {
            // A passive order behind the best of its side, most often near it, sometimes improving it:
            // a geometric distance with mean about 8 ticks.
            const std::int64_t offset =
                rng.uniform() < 0.1 ? -1 : static_cast<std::int64_t>(rng.exponential(1.0 / 8.0));
            const std::int64_t bestOwn =
                side == Side::Buy ? (bid ? bid->value() : kMid - 1) : (ask ? ask->value() : kMid + 1);
            std::int64_t price = side == Side::Buy ? bestOwn - offset : bestOwn + offset;
            if (side == Side::Buy && ask && price >= ask->value())
                price = ask->value() - 1;
            if (side == Side::Sell && bid && price <= bid->value())
                price = bid->value() + 1;
            op = Operation{Kind::Add, side, nextId++, price, rng.uniformInt(1, 10)};
            live.push_back(op.id);
        } else if (u < 0.9) {
            OrderId id = 0;
            while (!live.empty()) {
                const std::size_t i = static_cast<std::size_t>(rng.uniformInt(0, std::int64_t(live.size()) - 1));
                id = live[i];
                live[i] = live.back();
                live.pop_back();
                if (engine.isLive(id))
                    break;
                id = 0;
            }
            if (id == 0)
                continue;
            op = Operation{Kind::Cancel, Side::Buy, id, 0, 0};
        } else {
            // Marketable: an IOC limit two ticks through the opposite best.
            const std::int64_t price =
                side == Side::Buy ? (ask ? ask->value() + 2 : kMid + 2) : (bid ? bid->value() - 2 : kMid - 2);
            // Sizes keep the book near kTargetOrders: a stationary book of realistic depth rather than
            // one that drains or piles up over ten million operations.
            const std::int64_t largest = engine.book().orderCount() > kTargetOrders ? 40 : 12;
            op = Operation{Kind::Take, side, nextId++, price, rng.uniformInt(1, largest)};
        }
        apply(engine, op, Timestamp());
        ops.push_back(op);
    }
    return ops;
}

// The timed loops live outside main(): GCC optimises main(), which runs once, for size, and with
// link-time optimisation everything would be inlined into it.
[[gnu::noinline]] void replay(MatchingEngine &engine, const std::vector<Operation> &ops)
{
    for (const Operation &op : ops)
        apply(engine, op, Timestamp());
}

[[gnu::noinline]] void replayTimed(MatchingEngine &engine, const std::vector<Operation> &ops,
                                   std::vector<std::uint32_t> &latency)
{
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        apply(engine, ops[i], Timestamp());
        const auto t1 = std::chrono::steady_clock::now();
        latency[i] = static_cast<std::uint32_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count());
    }
}

} // namespace

int main(int argc, char **argv)
{
    std::size_t count = 10'000'000;
    std::uint64_t seed = 7;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--operations")
            count = std::strtoull(argv[i + 1], nullptr, 10);
        else if (arg == "--seed")
            seed = std::strtoull(argv[i + 1], nullptr, 10);
    }
    const std::vector<Operation> seedOps = seedBook();
    const std::vector<Operation> ops = generate(count, seed, seedOps);
    std::size_t adds = 0, cancels = 0, takes = 0;
    for (const Operation &op : ops)
        (op.kind == Kind::Add ? adds : op.kind == Kind::Cancel ? cancels : takes) += 1;

    // Throughput: no clock inside the loop.
    CountingSink sink;
    EngineConfig config;
    MatchingEngine engine(benchInstrument(), sink, config);
    for (const Operation &op : seedOps)
        apply(engine, op, Timestamp());
    const std::uint64_t seedEvents = sink.events;
    const auto begin = std::chrono::steady_clock::now();
    replay(engine, ops);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();

    // Latency: a fresh engine, the same stream, the clock read around every operation.
    CountingSink timedSink;
    MatchingEngine timed(benchInstrument(), timedSink, config);
    for (const Operation &op : seedOps)
        apply(timed, op, Timestamp());
    std::vector<std::uint32_t> latency(ops.size());
    replayTimed(timed, ops, latency);
    // What the clock reads cost by themselves, to read the percentiles against.
    std::vector<std::uint32_t> empty(100'000);
    for (auto &e : empty) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto t1 = std::chrono::steady_clock::now();
        e = static_cast<std::uint32_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count());
    }
    using bench::percentile;
    if (timedSink.events != sink.events || timed.book().orderCount() != engine.book().orderCount()) {
        std::fprintf(stderr, "bench_matching: the two replays diverged\n");
        return 1;
    }

    std::printf("operations: %zu (add %zu, cancel %zu, marketable %zu), seed %llu\n", ops.size(), adds, cancels, takes,
                static_cast<unsigned long long>(seed));
    std::printf("events: %llu, trades: %llu, traded quantity: %llu\n",
                static_cast<unsigned long long>(sink.events - seedEvents), static_cast<unsigned long long>(sink.trades),
                static_cast<unsigned long long>(sink.tradedQuantity));
    std::printf("book at the end: %zu orders, %zu bid levels, %zu ask levels\n", engine.book().orderCount(),
                engine.book().levelCount(Side::Buy), engine.book().levelCount(Side::Sell));
    std::printf("seconds: %.3f, ns per operation: %.1f\n", seconds, seconds * 1e9 / static_cast<double>(ops.size()));
    std::printf("latency per operation (ns, clock reads included): p50 %u, p99 %u, p99.9 %u, max %u\n",
                percentile(latency, 0.5), percentile(latency, 0.99), percentile(latency, 0.999),
                *std::max_element(latency.begin(), latency.end()));
    std::printf("clock read pair alone (ns): p50 %u\n", percentile(empty, 0.5));
    std::printf("bench_matching: %.0f operations/s\n", static_cast<double>(ops.size()) / seconds);
    return 0;
}
