// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/spsc_queue.h"
#include "signal/pipeline.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

// The signal pipeline spread over threads: instruments are sharded (instrument id modulo the thread count),
// each shard a SignalPipeline of its own on its own thread, fed through a lock-free single-producer queue.
// Every stage of the pipeline is per instrument (features, rules, aggregation by instrument and direction,
// the guard's reading of a position), so a shard publishes exactly what one pipeline would for its
// instruments, in the same order; only the interleaving across instruments differs.
// The guard reads a view the feed keeps current (setTradingState, setPosition), carried through the same
// queues, so each shard sees a change between the same two events as the feed sent it.
//
// Thread: the feed methods from one thread (the producer), drain() from one thread (the consumer); rules
// are added before start().
namespace meridian::signal {

class ParallelPipeline
{
public:
    /// threads ≥ 1; queueCapacity events per shard (the feed waits while a shard's queue is full).
    ParallelPipeline(const Clock &clock, PipelineConfig config, std::size_t threads,
                     std::size_t queueCapacity = 1 << 16);
    ~ParallelPipeline(); // stop()
    ParallelPipeline(const ParallelPipeline &) = delete;
    ParallelPipeline &operator=(const ParallelPipeline &) = delete;

    void addRule(InstrumentId instrument, std::unique_ptr<SignalRule> rule);
    void start();
    /// Processes every event already fed, then stops the threads. Idempotent.
    void stop();

    // ---- the feed ----
    void onBook(InstrumentId instrument, std::int64_t timeNs, std::int64_t bid, std::int64_t bidSize, std::int64_t ask,
                std::int64_t askSize);
    void onTrade(InstrumentId instrument, std::int64_t timeNs, std::int64_t price, std::int64_t quantity);
    void onSignal(InstrumentId instrument, int direction, double strength, double confidence, std::string source,
                  std::string reason, std::int64_t timeNs);
    void setTradingState(risk::TradingState state);
    void setPosition(InstrumentId instrument, std::int64_t quantity);

    /// Hands the opportunities published since the last drain to sink (each shard's in its order); returns
    /// how many.
    std::size_t drain(SignalSink &sink);
    std::size_t shardOf(InstrumentId instrument) const { return instrument % m_shards.size(); }
    std::size_t threads() const { return m_shards.size(); }
    /// Summed over the shards as they stood when each was last idle; exact after stop().
    PipelineCounters counters() const;

private:
    struct Input
    {
        enum class Kind : std::uint8_t { Book, Trade, Signal, State, Position } kind = Kind::Book;
        InstrumentId instrument = 0;
        std::int64_t time = 0, a = 0, b = 0, c = 0, d = 0;
        double strength = 0, confidence = 0;
        risk::TradingState state = risk::TradingState::Active;
        std::string source, reason;
    };
    struct Shard;
    void push(Shard &shard, const Input &input);
    static void run(Shard &shard, const std::atomic<bool> &stopping);

    std::vector<std::unique_ptr<Shard>> m_shards;
    std::atomic<bool> m_stopping{false};
    bool m_started = false;
};

} // namespace meridian::signal
