// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The pipeline: the aggregator merges duplicates (same instrument and direction within the window) and
// combines their confidence, keeps directions apart and expires stale opportunities; the risk guard blocks
// everything in HALTED and lets only reducing opportunities through in REDUCING; each stage's time is
// stamped in order; the built-in rules fire on what they describe.
#include "signal/pipeline.h"

#include <QtTest>

using namespace meridian;
using namespace meridian::signal;

namespace {

constexpr std::int64_t kMs = 1'000'000;

/// A rule that says what the test tells it to.
class Scripted final : public SignalRule
{
public:
    explicit Scripted(std::string name) : m_name(std::move(name)) {}
    const std::string &name() const override { return m_name; }
    std::optional<Signal> evaluate(const Features &f) override
    {
        if (!next)
            return std::nullopt;
        Signal s = *next;
        s.instrument = f.instrument;
        s.source = m_name;
        next.reset();
        return s;
    }
    std::optional<Signal> next;

private:
    std::string m_name;
};

class Collect final : public SignalSink
{
public:
    void publish(const Opportunity &o) override { published.push_back(o); }
    std::vector<Opportunity> published;
};

Signal says(Direction direction, double confidence)
{
    return Signal{0, direction, confidence, confidence, "", "scripted"};
}

} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT
private slots:
    void theAggregatorMergesDuplicates();
    void theRiskGuardFollowsTheTradingState();
    void stagesAreStampedInOrder();
    void builtInRulesFireOnWhatTheyDescribe();
};

void TestPipeline::theAggregatorMergesDuplicates()
{
    SimulatedClock clock;
    SignalPipeline pipeline(clock, PipelineConfig{FeatureConfig{5, 1'000 * kMs}, 500 * kMs, 0});
    auto a = std::make_unique<Scripted>("a"), b = std::make_unique<Scripted>("b");
    Scripted *ruleA = a.get(), *ruleB = b.get();
    pipeline.addRule(1, std::move(a));
    pipeline.addRule(1, std::move(b));
    Collect sink;
    pipeline.addSink(&sink);
    // Two rules agree on the same book: one opportunity, two sources, confidence 1 − 0.5 × 0.5.
    ruleA->next = says(Direction::Long, 0.5);
    ruleB->next = says(Direction::Long, 0.5);
    pipeline.onBook(1, 0, 100, 5, 101, 5);
    QCOMPARE(sink.published.size(), std::size_t(2));  // opened, then updated
    const Opportunity merged = sink.published.back(); // a copy: the sink's vector grows below
    QCOMPARE(merged.id, sink.published.front().id);
    QCOMPARE(merged.sources, (std::vector<std::string>{"a", "b"}));
    QCOMPARE(merged.signalCount, std::size_t(2));
    QCOMPARE(merged.confidence, 0.75);
    // 400 ms later a agrees again: still the same opportunity; confidence 1 − 0.25 × 0.8.
    ruleA->next = says(Direction::Long, 0.2);
    pipeline.onBook(1, 400 * kMs, 100, 5, 101, 5);
    QCOMPARE(sink.published.back().id, merged.id);
    QVERIFY(std::fabs(sink.published.back().confidence - 0.8) < 1e-12);
    // The other direction is another opportunity.
    ruleB->next = says(Direction::Short, 0.3);
    pipeline.onBook(1, 450 * kMs, 100, 5, 101, 5);
    QVERIFY(sink.published.back().id != merged.id);
    QCOMPARE(pipeline.opportunities(450 * kMs).size(), std::size_t(2));
    // Nothing for 500 ms: both expire; the next signal opens a new one.
    QCOMPARE(pipeline.opportunities(950 * kMs).size(), std::size_t(0));
    ruleA->next = says(Direction::Long, 0.5);
    pipeline.onBook(1, 1'000 * kMs, 100, 5, 101, 5);
    QVERIFY(sink.published.back().id > merged.id + 1);
    QCOMPARE(sink.published.back().signalCount, std::size_t(1));
    const PipelineCounters &c = pipeline.counters();
    QCOMPARE(c.signalCount, std::uint64_t(5));
    QCOMPARE(c.merged, std::uint64_t(2));
    QCOMPARE(c.opened, std::uint64_t(3));
    QCOMPARE(c.expired, std::uint64_t(2));
}

void TestPipeline::theRiskGuardFollowsTheTradingState()
{
    SimulatedClock clock;
    SignalPipeline pipeline(clock);
    auto rule = std::make_unique<Scripted>("r");
    Scripted *r = rule.get();
    pipeline.addRule(1, std::move(rule));
    Collect sink;
    pipeline.addSink(&sink);
    risk::PreTradeRisk risk;
    pipeline.setRisk(&risk);
    risk.onFill("", 1, Side::Buy, 3); // long 3
    risk.setState(risk::TradingState::Halted, "test", 0);
    r->next = says(Direction::Short, 0.9);
    pipeline.onBook(1, 0, 100, 5, 101, 5);
    QCOMPARE(sink.published.size(), std::size_t(0));
    risk.setState(risk::TradingState::Reducing, "test", 0);
    r->next = says(Direction::Long, 0.9); // would add to the long
    pipeline.onBook(1, 10 * kMs, 100, 5, 101, 5);
    QCOMPARE(sink.published.size(), std::size_t(0));
    r->next = says(Direction::Short, 0.9); // reduces it
    pipeline.onBook(1, 20 * kMs, 100, 5, 101, 5);
    QCOMPARE(sink.published.size(), std::size_t(1));
    QCOMPARE(pipeline.counters().blocked, std::uint64_t(2));
    // Below the minimum confidence nothing passes either.
    SignalPipeline strict(clock, PipelineConfig{{}, 1'000 * kMs, 0.5});
    auto weak = std::make_unique<Scripted>("w");
    Scripted *w = weak.get();
    strict.addRule(1, std::move(weak));
    strict.addSink(&sink);
    w->next = says(Direction::Long, 0.4);
    strict.onBook(1, 0, 100, 5, 101, 5);
    QCOMPARE(sink.published.size(), std::size_t(1));
}

void TestPipeline::stagesAreStampedInOrder()
{
    WallClock clock;
    SignalPipeline pipeline(clock);
    auto rule = std::make_unique<Scripted>("r");
    Scripted *r = rule.get();
    pipeline.addRule(1, std::move(rule));
    Collect sink;
    pipeline.addSink(&sink);
    r->next = says(Direction::Long, 0.5);
    pipeline.onBook(1, 0, 100, 5, 101, 5);
    QCOMPARE(sink.published.size(), std::size_t(1));
    const StageTimes &s = sink.published[0].stages;
    QVERIFY(s.received > 0);
    QVERIFY(s.received <= s.featured && s.featured <= s.evaluated && s.evaluated <= s.aggregated &&
            s.aggregated <= s.guarded && s.guarded <= s.published);
}

void TestPipeline::builtInRulesFireOnWhatTheyDescribe()
{
    SimulatedClock clock;
    SignalPipeline pipeline(clock, PipelineConfig{FeatureConfig{10, 10'000 * kMs}, 1 * kMs, 0});
    pipeline.addRule(1, momentumRule(2.0, 10));
    pipeline.addRule(2, imbalanceRule(0.6));
    pipeline.addRule(3, vwapReversionRule(0.002));
    Collect sink;
    pipeline.addSink(&sink);
    // A steady climb with small wiggles: momentum says long.
    std::int64_t t = 0;
    for (int i = 0; i < 30; ++i, t += 10 * kMs)
        pipeline.onBook(1, t, 10'000 + 3 * i + (i % 2), 5, 10'002 + 3 * i + (i % 2), 5);
    QVERIFY(!sink.published.empty());
    QCOMPARE(sink.published.back().direction, Direction::Long);
    QCOMPARE(sink.published.back().sources, std::vector<std::string>{"momentum"});
    // 45 on the bid, 5 on the ask: imbalance 0.8, long.
    sink.published.clear();
    pipeline.onBook(2, t, 100, 45, 101, 5);
    QCOMPARE(sink.published.size(), std::size_t(1));
    QCOMPARE(sink.published[0].direction, Direction::Long);
    QVERIFY2(sink.published[0].reason.find("imbalance 0.80") != std::string::npos, sink.published[0].reason.c_str());
    // Trades at 10,000 then the mid at 10,050 (0.5% above the VWAP): short, back towards it.
    sink.published.clear();
    pipeline.onTrade(3, t, 10'000, 10);
    pipeline.onBook(3, t, 10'049, 5, 10'051, 5);
    QCOMPARE(sink.published.size(), std::size_t(1));
    QCOMPARE(sink.published[0].direction, Direction::Short);
    // Instruments without rules are not tracked.
    pipeline.onBook(9, t, 100, 1, 101, 1);
    QVERIFY(pipeline.features(9) == nullptr);
}

QTEST_APPLESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
