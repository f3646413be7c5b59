// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/clock.h"
#include "risk/pre_trade.h"
#include "signal/features.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// The live signal pipeline: market events → rolling features → signal rules → aggregation into
// opportunities → risk guard → publishing.
//
// Every signal carries its instrument, direction, strength and confidence (0–1), reason and source, and the
// time it passed each stage (read from the pipeline's Clock), so the latency of each stage is visible.
// Aggregation: a signal for an instrument and direction that has an opportunity updated within
// `mergeWindowNs` joins it: the sources are listed, the confidence combines as independent evidence,
// 1 − Π(1 − cᵢ), the strength is the strongest; otherwise it opens a new opportunity. Opportunities not
// updated for `mergeWindowNs` expire. Risk guard: in HALTED nothing passes; in REDUCING only opportunities
// that would reduce the instrument's position; below `minConfidence` nothing passes. What passes goes to
// every sink.
//
// Thread: one owner. A pipeline per thread scales across instruments (the rules are per instrument).
namespace meridian::signal {

enum class Direction : std::int8_t { Short = -1, Long = 1 };

struct StageTimes
{
    std::int64_t received = 0, featured = 0, evaluated = 0, aggregated = 0, guarded = 0, published = 0;
};

struct Signal
{
    InstrumentId instrument = 0;
    Direction direction = Direction::Long;
    double strength = 0, confidence = 0;
    std::string source, reason;
};

struct Opportunity
{
    std::uint64_t id = 0;
    InstrumentId instrument = 0;
    Direction direction = Direction::Long;
    double strength = 0, confidence = 0;
    std::vector<std::string> sources; // each rule once, in the order they joined
    std::string reason;               // the latest signal's
    std::size_t signalCount = 0;      // merged into it
    std::int64_t openedNs = 0, updatedNs = 0;
    StageTimes stages; // of the latest signal
};

/// A rule: features in, at most one signal out.
class SignalRule
{
public:
    virtual ~SignalRule() = default;
    virtual const std::string &name() const = 0;
    virtual std::optional<Signal> evaluate(const Features &features) = 0;
};

/// Momentum: the move over the window beyond `threshold` standard deviations of it (volatility × √ticks).
std::unique_ptr<SignalRule> momentumRule(double threshold = 2.0, std::size_t ticks = 50);
/// Order-book imbalance beyond `threshold` (0–1), in its direction.
std::unique_ptr<SignalRule> imbalanceRule(double threshold = 0.6);
/// Reversion to the VWAP: the mid further than `threshold` (a fraction) from it, towards it.
std::unique_ptr<SignalRule> vwapReversionRule(double threshold = 0.002);

class SignalSink
{
public:
    virtual ~SignalSink() = default;
    virtual void publish(const Opportunity &opportunity) = 0;
};

struct PipelineConfig
{
    FeatureConfig features;
    std::int64_t mergeWindowNs = 1'000'000'000; // 1 s
    double minConfidence = 0;
};

struct PipelineCounters
{
    std::uint64_t events = 0, signalCount = 0, merged = 0, opened = 0, expired = 0, blocked = 0, published = 0;
};

class SignalPipeline
{
public:
    explicit SignalPipeline(const Clock &clock, PipelineConfig config = {});
    ~SignalPipeline();

    /// A rule for one instrument (its features are kept from then on).
    void addRule(InstrumentId instrument, std::unique_ptr<SignalRule> rule);
    void addSink(SignalSink *sink) { m_sinks.push_back(sink); }
    /// The risk engine whose trading state and positions the guard reads (none: everything passes).
    void setRisk(const risk::PreTradeRisk *risk) { m_risk = risk; }
    /// Or a view the owner keeps up to date (a pipeline on another thread than the risk engine): the guard
    /// then reads this trading state and these positions.
    void setTradingState(risk::TradingState state)
    {
        m_localGuard = true;
        m_state = state;
    }
    void setPosition(InstrumentId instrument, std::int64_t quantity)
    {
        m_localGuard = true;
        m_positions[instrument] = quantity;
    }

    void onBook(InstrumentId instrument, std::int64_t timeNs, std::int64_t bid, std::int64_t bidSize, std::int64_t ask,
                std::int64_t askSize);
    void onTrade(InstrumentId instrument, std::int64_t timeNs, std::int64_t price, std::int64_t quantity);
    /// A signal a strategy plugin published at timeNs (event time): it joins aggregation like a rule's.
    /// A flat signal (direction 0, an exit) closes the instrument's open opportunities instead.
    void onSignal(InstrumentId instrument, int direction, double strength, double confidence, std::string source,
                  std::string reason, std::int64_t timeNs);

    const PipelineCounters &counters() const noexcept { return m_counters; }
    /// The open opportunities (after expiring the stale ones at timeNs).
    std::vector<Opportunity> opportunities(std::int64_t timeNs);
    const Features *features(InstrumentId instrument) const;

private:
    struct Instrument_
    {
        explicit Instrument_(InstrumentId id, const FeatureConfig &config) : features(id, config) {}
        RollingFeatures features;
        std::vector<std::unique_ptr<SignalRule>> rules;
    };
    void evaluate(Instrument_ &instrument, std::int64_t received);
    void aggregate(Signal &&signal, std::int64_t timeNs, StageTimes stages);
    void expire(std::int64_t timeNs);
    bool allowed(const Opportunity &o) const;

    const Clock &m_clock;
    PipelineConfig m_config;
    std::map<InstrumentId, std::unique_ptr<Instrument_>> m_instruments;
    std::map<std::pair<InstrumentId, Direction>, Opportunity> m_open;
    std::vector<SignalSink *> m_sinks;
    const risk::PreTradeRisk *m_risk = nullptr;
    bool m_localGuard = false;
    risk::TradingState m_state = risk::TradingState::Active;
    std::map<InstrumentId, std::int64_t> m_positions;
    std::uint64_t m_nextId = 1;
    PipelineCounters m_counters;
};

} // namespace meridian::signal
