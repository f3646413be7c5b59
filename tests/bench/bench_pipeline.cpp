// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// bench_pipeline: the live signal pipeline under a sustained feed. A producer thread replays the AMZN
// LOBSTER day (top of book after every message, executions as trades) at a fixed rate, 100,000 ticks/s
// by default, stamping each tick as it sends it; the consumer thread takes ticks from a lock-free
// single-producer queue and runs them through features → 3 rules (momentum, imbalance, VWAP reversion) →
// aggregation → risk guard (a PreTradeRisk in ACTIVE) → a sink. Tick-to-signal latency is the time from
// the producer's stamp to the sink receiving the opportunity, so it includes the queue hop and any
// backlog: if the consumer cannot keep up, the backlog shows in the tail.
//
// Prints the achieved rate, whether the feed was sustained (at least 99% of the target rate over the run,
// the queue never full, every tick processed; the producer's worst lag behind its schedule is shown, since
// on a virtual machine either thread can lose its core for milliseconds), p50 / p99 / p99.9 / max
// tick-to-signal latency, the mean time in each stage, and last "bench_pipeline: <p99> us". Exit status 2
// when the feed was not sustained.
//
// Usage: bench_pipeline [--rate TICKS_PER_S] [--seconds S] [message.csv orderbook.csv]
#include "bench_support.h"
#include "book/lobster.h"
#include "core/spsc_queue.h"
#include "risk/pre_trade.h"
#include "signal/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

using namespace meridian;
using meridian::bench::percentile;
using namespace meridian::signal;

namespace {

constexpr InstrumentId kInstrument = 1;

struct Tick
{
    std::int64_t timeNs = 0; // event time
    std::int64_t bid = 0, bidSize = 0, ask = 0, askSize = 0;
    std::int64_t tradePrice = 0, tradeSize = 0; // an execution before the book update, if size > 0
    std::int64_t sentNs = 0;                    // stamped by the producer
};

std::int64_t steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// The pipeline's stage stamps on the same time base as the producer's.
class SteadyClock final : public Clock
{
public:
    Timestamp now() const noexcept override { return Timestamp::fromNanoseconds(steadyNs()); }
};

using TickQueue = SpscQueue<Tick>;

struct LatencySink final : SignalSink
{
    const Tick *current = nullptr;
    std::vector<std::int64_t> tickToSignal;
    StageTimes sums; // summed stage durations (each field the time spent reaching that stage)
    void publish(const Opportunity &o) override
    {
        const std::int64_t now = steadyNs();
        tickToSignal.push_back(now - current->sentNs);
        sums.featured += o.stages.featured - o.stages.received;
        sums.evaluated += o.stages.evaluated - o.stages.featured;
        sums.aggregated += o.stages.aggregated - o.stages.evaluated;
        sums.guarded += o.stages.guarded - o.stages.aggregated;
        sums.published += o.stages.published - o.stages.guarded;
        sums.received += o.stages.received - current->sentNs; // the queue hop
    }
};

std::vector<Tick> loadTicks(const std::string &messagesPath, const std::string &bookPath)
{
    auto messages = book::readLobsterMessages(messagesPath);
    if (!messages) {
        std::fprintf(stderr, "bench_pipeline: %s\n", messages.error().message.c_str());
        std::exit(1);
    }
    auto rows = book::readLobsterBook(bookPath);
    if (!rows) {
        std::fprintf(stderr, "bench_pipeline: %s\n", rows.error().message.c_str());
        std::exit(1);
    }
    std::vector<Tick> ticks;
    ticks.reserve(messages->size());
    for (std::size_t i = 0; i < messages->size() && i < rows->size(); ++i) {
        const book::LobsterMessage &m = (*messages)[i];
        const book::LobsterBookRow row = (*rows)[i];
        if (row.bids.empty() || row.asks.empty())
            continue;
        Tick t;
        t.timeNs = m.timeNs;
        t.bid = row.bids.front().price.value();
        t.bidSize = row.bids.front().quantity.value();
        t.ask = row.asks.front().price.value();
        t.askSize = row.asks.front().quantity.value();
        if (m.type == 4 || m.type == 5) {
            t.tradePrice = m.price;
            t.tradeSize = m.size;
        }
        ticks.push_back(t);
    }
    return ticks;
}

struct ProducerReport
{
    std::uint64_t sent = 0, queueFull = 0;
    std::int64_t worstLagNs = 0; // behind schedule
    double seconds = 0;
};

[[gnu::noinline]] ProducerReport produce(TickQueue &queue, const std::vector<Tick> &ticks, double rate,
                                         std::uint64_t count, std::atomic<bool> &done)
{
    ProducerReport r;
    const std::int64_t dayNs = ticks.back().timeNs - ticks.front().timeNs + 1;
    const double interval = 1e9 / rate;
    const std::int64_t start = steadyNs();
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::int64_t due = start + std::int64_t(double(i) * interval);
        std::int64_t now = steadyNs();
        while (now < due) { // yield the core while waiting, so the kernel's work lands here, not on the consumer
            std::this_thread::yield();
            now = steadyNs();
        }
        r.worstLagNs = std::max(r.worstLagNs, now - due);
        Tick t = ticks[i % ticks.size()];
        t.timeNs += std::int64_t(i / ticks.size()) * dayNs; // later passes continue in event time
        t.sentNs = steadyNs();
        while (!queue.push(t))
            ++r.queueFull;
        ++r.sent;
    }
    r.seconds = double(steadyNs() - start) / 1e9;
    done.store(true, std::memory_order_release);
    return r;
}

[[gnu::noinline]] std::uint64_t consume(TickQueue &queue, SignalPipeline &pipeline, LatencySink &sink,
                                        const std::atomic<bool> &done)
{
    std::uint64_t processed = 0;
    Tick t;
    for (;;) {
        if (!queue.pop(t)) {
            if (!done.load(std::memory_order_acquire))
                continue;
            if (!queue.pop(t))
                break; // the producer has finished and the queue is drained
        }
        sink.current = &t;
        if (t.tradeSize > 0)
            pipeline.onTrade(kInstrument, t.timeNs, t.tradePrice, t.tradeSize);
        pipeline.onBook(kInstrument, t.timeNs, t.bid, t.bidSize, t.ask, t.askSize);
        ++processed;
    }
    return processed;
}

} // namespace

int main(int argc, char **argv)
{
    std::string messages = MERIDIAN_TEST_DATA "/lobster/AMZN_2012-06-21_34200000_57600000_message_1.resaved.csv";
    std::string orderbook = MERIDIAN_TEST_DATA "/lobster/AMZN_2012-06-21_34200000_57600000_orderbook_1.resaved.csv";
    double rate = 100'000;
    double seconds = 10;
    int positional = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--rate" && i + 1 < argc)
            rate = std::max(1.0, std::atof(argv[++i]));
        else if (arg == "--seconds" && i + 1 < argc)
            seconds = std::max(0.1, std::atof(argv[++i]));
        else if (positional++ == 0)
            messages = arg;
        else
            orderbook = arg;
    }

    const std::vector<Tick> ticks = loadTicks(messages, orderbook);
    if (ticks.empty()) {
        std::fprintf(stderr, "bench_pipeline: no two-sided book rows in %s\n", orderbook.c_str());
        return 1;
    }

    SteadyClock clock;
    risk::PreTradeRisk risk; // ACTIVE, no position: the guard runs its full check and lets signals through
    PipelineConfig config;
    config.mergeWindowNs = 1'000'000'000;
    SignalPipeline pipeline(clock, config);
    pipeline.addRule(kInstrument, momentumRule(2.0, 50));
    pipeline.addRule(kInstrument, imbalanceRule(0.6));
    pipeline.addRule(kInstrument, vwapReversionRule(0.0005));
    pipeline.setRisk(&risk);
    LatencySink sink;
    const auto count = std::uint64_t(rate * seconds);
    sink.tickToSignal.reserve(count * 3);
    pipeline.addSink(&sink);

    TickQueue queue(1 << 16);
    std::atomic<bool> done{false};
    ProducerReport produced;
    std::thread producer([&] { produced = produce(queue, ticks, rate, count, done); });
    const std::uint64_t processed = consume(queue, pipeline, sink, done);
    producer.join();

    const PipelineCounters &c = pipeline.counters();
    const double achieved = double(produced.sent) / produced.seconds;
    const bool sustained = achieved >= 0.99 * rate && produced.queueFull == 0 && processed == count;
    std::printf("feed: %zu ticks of %s, %llu sent in %.2f s (%.0f ticks/s, target %.0f)\n", ticks.size(),
                messages.c_str(), static_cast<unsigned long long>(produced.sent), produced.seconds, achieved, rate);
    std::printf("sustained: %s (producer at most %.1f us behind schedule, queue full %llu times, %llu processed)\n",
                sustained ? "yes" : "no", double(produced.worstLagNs) / 1e3,
                static_cast<unsigned long long>(produced.queueFull), static_cast<unsigned long long>(processed));
    std::printf("pipeline: %llu events, %llu signals, %llu merged, %llu opened, %llu expired, %llu blocked, "
                "%llu published\n",
                static_cast<unsigned long long>(c.events), static_cast<unsigned long long>(c.signalCount),
                static_cast<unsigned long long>(c.merged), static_cast<unsigned long long>(c.opened),
                static_cast<unsigned long long>(c.expired), static_cast<unsigned long long>(c.blocked),
                static_cast<unsigned long long>(c.published));
    const double n = double(std::max<std::size_t>(1, sink.tickToSignal.size()));
    std::printf("mean per stage (ns): queue %.0f, features %.0f, rules %.0f, aggregation %.0f, guard %.0f, "
                "publish %.0f\n",
                double(sink.sums.received) / n, double(sink.sums.featured) / n, double(sink.sums.evaluated) / n,
                double(sink.sums.aggregated) / n, double(sink.sums.guarded) / n, double(sink.sums.published) / n);
    std::vector<std::int64_t> &l = sink.tickToSignal;
    if (l.empty()) {
        std::fprintf(stderr, "bench_pipeline: no signal was published\n");
        return 1;
    }
    const auto us = [&l](double p) { return static_cast<double>(percentile(l, p)) / 1e3; };
    const double p50 = us(0.50), p99 = us(0.99), p999 = us(0.999);
    const double worst = double(*std::max_element(l.begin(), l.end())) / 1e3;
    const auto slow = std::count_if(l.begin(), l.end(), [](std::int64_t ns) { return ns > 100'000; });
    std::printf("signals later than 100 us: %lld (%.3f%%)\n", static_cast<long long>(slow),
                100.0 * double(slow) / double(l.size()));
    std::printf("tick-to-signal over %zu signals: p50 %.2f us, p99 %.2f us, p99.9 %.2f us, max %.1f us\n", l.size(),
                p50, p99, p999, worst);
    std::printf("bench_pipeline: %.2f us\n", p99);
    return sustained ? 0 : 2;
}
