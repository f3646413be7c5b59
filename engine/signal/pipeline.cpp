// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "signal/pipeline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace meridian::signal {

namespace {

std::string fixed(double v, int decimals)
{
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

/// How far a value goes past its threshold, as a confidence in (0, 1): 1 − e^−(excess / threshold).
double confidenceBeyond(double value, double threshold)
{
    return 1 - std::exp(-(value - threshold) / threshold);
}

class Momentum final : public SignalRule
{
public:
    Momentum(double threshold, std::size_t ticks) : m_threshold(threshold), m_scale(std::sqrt(double(ticks))) {}
    const std::string &name() const override { return m_name; }
    std::optional<Signal> evaluate(const Features &f) override
    {
        if (!f.ready || f.volatility <= 0)
            return std::nullopt;
        const double z = f.momentum / (f.volatility * m_scale);
        if (std::fabs(z) < m_threshold)
            return std::nullopt;
        return Signal{f.instrument,
                      z > 0 ? Direction::Long : Direction::Short,
                      std::min(1.0, std::fabs(z) / (2 * m_threshold)),
                      confidenceBeyond(std::fabs(z), m_threshold),
                      m_name,
                      "move of " + fixed(z, 2) + " sd over the window (threshold " + fixed(m_threshold, 2) + ")"};
    }

private:
    std::string m_name = "momentum";
    double m_threshold, m_scale;
};

class Imbalance final : public SignalRule
{
public:
    explicit Imbalance(double threshold) : m_threshold(threshold) {}
    const std::string &name() const override { return m_name; }
    std::optional<Signal> evaluate(const Features &f) override
    {
        if (std::fabs(f.imbalance) < m_threshold)
            return std::nullopt;
        return Signal{f.instrument,
                      f.imbalance > 0 ? Direction::Long : Direction::Short,
                      std::fabs(f.imbalance),
                      std::min(1.0, confidenceBeyond(std::fabs(f.imbalance), m_threshold)),
                      m_name,
                      "top-of-book imbalance " + fixed(f.imbalance, 2) + " (threshold " + fixed(m_threshold, 2) + ")"};
    }

private:
    std::string m_name = "imbalance";
    double m_threshold;
};

class VwapReversion final : public SignalRule
{
public:
    explicit VwapReversion(double threshold) : m_threshold(threshold) {}
    const std::string &name() const override { return m_name; }
    std::optional<Signal> evaluate(const Features &f) override
    {
        if (f.vwap <= 0)
            return std::nullopt;
        const double deviation = (f.mid - f.vwap) / f.vwap;
        if (std::fabs(deviation) < m_threshold)
            return std::nullopt;
        return Signal{f.instrument,
                      deviation > 0 ? Direction::Short : Direction::Long,
                      std::min(1.0, std::fabs(deviation) / (2 * m_threshold)),
                      confidenceBeyond(std::fabs(deviation), m_threshold),
                      m_name,
                      "mid " + fixed(deviation * 100, 4) + "% from the VWAP (threshold " + fixed(m_threshold * 100, 4) +
                          "%)"};
    }

private:
    std::string m_name = "vwap_reversion";
    double m_threshold;
};

} // namespace

std::unique_ptr<SignalRule> momentumRule(double threshold, std::size_t ticks)
{
    return std::make_unique<Momentum>(threshold, ticks);
}

std::unique_ptr<SignalRule> imbalanceRule(double threshold)
{
    return std::make_unique<Imbalance>(threshold);
}

std::unique_ptr<SignalRule> vwapReversionRule(double threshold)
{
    return std::make_unique<VwapReversion>(threshold);
}

SignalPipeline::SignalPipeline(const Clock &clock, PipelineConfig config) : m_clock(clock), m_config(config) {}

SignalPipeline::~SignalPipeline() = default;

void SignalPipeline::addRule(InstrumentId instrument, std::unique_ptr<SignalRule> rule)
{
    auto &slot = m_instruments[instrument];
    if (!slot)
        slot = std::make_unique<Instrument_>(instrument, m_config.features);
    slot->rules.push_back(std::move(rule));
}

const Features *SignalPipeline::features(InstrumentId instrument) const
{
    const auto it = m_instruments.find(instrument);
    return it == m_instruments.end() ? nullptr : &it->second->features.features();
}

void SignalPipeline::onBook(InstrumentId instrument, std::int64_t timeNs, std::int64_t bid, std::int64_t bidSize,
                            std::int64_t ask, std::int64_t askSize)
{
    const std::int64_t received = m_clock.now().nanoseconds();
    ++m_counters.events;
    const auto it = m_instruments.find(instrument);
    if (it == m_instruments.end())
        return;
    if (!it->second->features.onBook(timeNs, bid, bidSize, ask, askSize))
        return;
    evaluate(*it->second, received);
}

void SignalPipeline::onTrade(InstrumentId instrument, std::int64_t timeNs, std::int64_t price, std::int64_t quantity)
{
    ++m_counters.events;
    const auto it = m_instruments.find(instrument);
    if (it != m_instruments.end())
        it->second->features.onTrade(timeNs, price, quantity);
}

void SignalPipeline::expire(std::int64_t timeNs)
{
    for (auto it = m_open.begin(); it != m_open.end();) {
        if (it->second.updatedNs <= timeNs - m_config.mergeWindowNs) {
            it = m_open.erase(it);
            ++m_counters.expired;
        } else {
            ++it;
        }
    }
}

std::vector<Opportunity> SignalPipeline::opportunities(std::int64_t timeNs)
{
    expire(timeNs);
    std::vector<Opportunity> out;
    for (const auto &[key, o] : m_open)
        out.push_back(o);
    return out;
}

bool SignalPipeline::allowed(const Opportunity &o) const
{
    if (o.confidence < m_config.minConfidence)
        return false;
    if (!m_risk && !m_localGuard)
        return true;
    switch (m_risk ? m_risk->state() : m_state) {
    case risk::TradingState::Active:
        return true;
    case risk::TradingState::Halted:
        return false;
    case risk::TradingState::Reducing: {
        std::int64_t position = 0;
        if (m_risk) {
            position = m_risk->position(o.instrument);
        } else if (const auto it = m_positions.find(o.instrument); it != m_positions.end()) {
            position = it->second;
        }
        return position != 0 && (position > 0) == (o.direction == Direction::Short);
    }
    }
    return false;
}

void SignalPipeline::evaluate(Instrument_ &instrument, std::int64_t received)
{
    const Features &f = instrument.features.features();
    StageTimes stages;
    stages.received = received;
    stages.featured = m_clock.now().nanoseconds();
    for (const auto &rule : instrument.rules) {
        std::optional<Signal> s = rule->evaluate(f);
        if (!s)
            continue;
        ++m_counters.signalCount;
        stages.evaluated = m_clock.now().nanoseconds();
        aggregate(std::move(*s), f.timeNs, stages);
    }
}

void SignalPipeline::onSignal(InstrumentId instrument, int direction, double strength, double confidence,
                              std::string source, std::string reason, std::int64_t timeNs)
{
    StageTimes stages;
    stages.received = stages.featured = stages.evaluated = m_clock.now().nanoseconds();
    ++m_counters.events;
    ++m_counters.signalCount;
    if (direction == 0) {
        for (const Direction d : {Direction::Long, Direction::Short})
            m_counters.expired += m_open.erase({instrument, d});
        return;
    }
    aggregate(Signal{instrument, direction > 0 ? Direction::Long : Direction::Short, std::clamp(strength, 0.0, 1.0),
                     confidence, std::move(source), std::move(reason)},
              timeNs, stages);
}

void SignalPipeline::aggregate(Signal &&s, std::int64_t timeNs, StageTimes stages)
{
    // Aggregation, in event time.
    expire(timeNs);
    const auto key = std::pair{s.instrument, s.direction};
    auto open = m_open.find(key);
    if (open == m_open.end()) {
        Opportunity o;
        o.id = m_nextId++;
        o.instrument = s.instrument;
        o.direction = s.direction;
        o.openedNs = timeNs;
        open = m_open.emplace(key, std::move(o)).first;
        ++m_counters.opened;
    } else {
        ++m_counters.merged;
    }
    Opportunity &o = open->second;
    o.strength = std::max(o.strength, s.strength);
    o.confidence = 1 - (1 - o.confidence) * (1 - std::clamp(s.confidence, 0.0, 1.0));
    if (std::find(o.sources.begin(), o.sources.end(), s.source) == o.sources.end())
        o.sources.push_back(s.source);
    o.reason = std::move(s.reason);
    ++o.signalCount;
    o.updatedNs = timeNs;
    stages.aggregated = m_clock.now().nanoseconds();
    const bool pass = allowed(o);
    stages.guarded = m_clock.now().nanoseconds();
    if (!pass) {
        ++m_counters.blocked;
        return;
    }
    o.stages = stages;
    o.stages.published = m_clock.now().nanoseconds();
    for (SignalSink *sink : m_sinks)
        sink->publish(o);
    ++m_counters.published;
}

} // namespace meridian::signal
