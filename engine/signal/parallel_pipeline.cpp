// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "signal/parallel_pipeline.h"

namespace meridian::signal {

struct ParallelPipeline::Shard final : SignalSink
{
    Shard(const Clock &clock, const PipelineConfig &config, std::size_t capacity)
        : pipeline(clock, config), inputs(capacity)
    {
        pipeline.addSink(this);
    }
    void publish(const Opportunity &o) override
    {
        std::lock_guard lock(outputMutex);
        outputs.push_back(o);
    }

    SignalPipeline pipeline;
    SpscQueue<Input> inputs;
    std::mutex outputMutex;
    std::vector<Opportunity> outputs;
    std::thread thread;
    mutable std::mutex countersMutex;
    PipelineCounters counters; // copied from the pipeline's whenever the shard is idle, for readers elsewhere
};

ParallelPipeline::ParallelPipeline(const Clock &clock, PipelineConfig config, std::size_t threads,
                                   std::size_t queueCapacity)
{
    for (std::size_t i = 0; i < std::max<std::size_t>(1, threads); ++i)
        m_shards.push_back(std::make_unique<Shard>(clock, config, queueCapacity));
}

ParallelPipeline::~ParallelPipeline()
{
    stop();
}

void ParallelPipeline::addRule(InstrumentId instrument, std::unique_ptr<SignalRule> rule)
{
    m_shards[shardOf(instrument)]->pipeline.addRule(instrument, std::move(rule));
}

void ParallelPipeline::start()
{
    if (m_started)
        return;
    m_started = true;
    m_stopping.store(false);
    for (auto &shard : m_shards) {
        Shard *s = shard.get();
        s->thread = std::thread([this, s] { run(*s, m_stopping); });
    }
}

void ParallelPipeline::stop()
{
    if (!m_started)
        return;
    m_stopping.store(true, std::memory_order_release);
    for (auto &shard : m_shards)
        if (shard->thread.joinable())
            shard->thread.join();
    m_started = false;
}

void ParallelPipeline::run(Shard &shard, const std::atomic<bool> &stopping)
{
    Input in;
    bool published = true; // the counters readers see are the pipeline's
    for (;;) {
        if (!shard.inputs.pop(in)) {
            // Idle: the moment to show the counters (not per event: a lock on the hot path).
            if (!published) {
                std::lock_guard lock(shard.countersMutex);
                shard.counters = shard.pipeline.counters();
                published = true;
            }
            if (stopping.load(std::memory_order_acquire) && shard.inputs.size() == 0)
                return; // everything fed before stop() has been processed
            std::this_thread::yield();
            continue;
        }
        published = false;
        SignalPipeline &p = shard.pipeline;
        switch (in.kind) {
        case Input::Kind::Book:
            p.onBook(in.instrument, in.time, in.a, in.b, in.c, in.d);
            break;
        case Input::Kind::Trade:
            p.onTrade(in.instrument, in.time, in.a, in.b);
            break;
        case Input::Kind::Signal:
            p.onSignal(in.instrument, static_cast<int>(in.a), in.strength, in.confidence, std::move(in.source),
                       std::move(in.reason), in.time);
            break;
        case Input::Kind::State:
            p.setTradingState(in.state);
            break;
        case Input::Kind::Position:
            p.setPosition(in.instrument, in.a);
            break;
        }
    }
}

void ParallelPipeline::push(Shard &shard, const Input &input)
{
    while (!shard.inputs.push(input))
        std::this_thread::yield(); // the shard is behind: wait rather than lose an event
}

void ParallelPipeline::onBook(InstrumentId instrument, std::int64_t timeNs, std::int64_t bid, std::int64_t bidSize,
                              std::int64_t ask, std::int64_t askSize)
{
    Input in;
    in.kind = Input::Kind::Book;
    in.instrument = instrument;
    in.time = timeNs;
    in.a = bid;
    in.b = bidSize;
    in.c = ask;
    in.d = askSize;
    push(*m_shards[shardOf(instrument)], in);
}

void ParallelPipeline::onTrade(InstrumentId instrument, std::int64_t timeNs, std::int64_t price, std::int64_t quantity)
{
    Input in;
    in.kind = Input::Kind::Trade;
    in.instrument = instrument;
    in.time = timeNs;
    in.a = price;
    in.b = quantity;
    push(*m_shards[shardOf(instrument)], in);
}

void ParallelPipeline::onSignal(InstrumentId instrument, int direction, double strength, double confidence,
                                std::string source, std::string reason, std::int64_t timeNs)
{
    Input in;
    in.kind = Input::Kind::Signal;
    in.instrument = instrument;
    in.time = timeNs;
    in.a = direction;
    in.strength = strength;
    in.confidence = confidence;
    in.source = std::move(source);
    in.reason = std::move(reason);
    push(*m_shards[shardOf(instrument)], in);
}

void ParallelPipeline::setTradingState(risk::TradingState state)
{
    Input in;
    in.kind = Input::Kind::State;
    in.state = state;
    for (auto &shard : m_shards)
        push(*shard, in);
}

void ParallelPipeline::setPosition(InstrumentId instrument, std::int64_t quantity)
{
    Input in;
    in.kind = Input::Kind::Position;
    in.instrument = instrument;
    in.a = quantity;
    push(*m_shards[shardOf(instrument)], in);
}

std::size_t ParallelPipeline::drain(SignalSink &sink)
{
    std::size_t count = 0;
    std::vector<Opportunity> batch;
    for (auto &shard : m_shards) {
        {
            std::lock_guard lock(shard->outputMutex);
            batch.swap(shard->outputs);
        }
        for (const Opportunity &o : batch)
            sink.publish(o);
        count += batch.size();
        batch.clear();
    }
    return count;
}

PipelineCounters ParallelPipeline::counters() const
{
    PipelineCounters total;
    for (const auto &shard : m_shards) {
        std::lock_guard lock(shard->countersMutex);
        const PipelineCounters &c = shard->counters;
        total.events += c.events;
        total.signalCount += c.signalCount;
        total.merged += c.merged;
        total.opened += c.opened;
        total.expired += c.expired;
        total.blocked += c.blocked;
        total.published += c.published;
    }
    return total;
}

} // namespace meridian::signal
