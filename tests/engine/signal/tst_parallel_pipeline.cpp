// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The pipeline spread over threads publishes, for every instrument, exactly what one pipeline publishes, in
// the same order, whatever the number of threads; the trading state and positions fed between events reach
// the guard between the same events; stop() processes everything fed before it.
#include "core/rng.h"
#include "signal/parallel_pipeline.h"

#include <QtTest>

#include <map>
#include <tuple>

using namespace meridian;
using namespace meridian::signal;

namespace {

constexpr std::int64_t kMs = 1'000'000;
constexpr InstrumentId kInstruments[] = {1, 2, 3, 4, 5};

/// A seeded multi-instrument stream: random-walk mids with a noisy imbalance, and trades.
struct Event
{
    bool trade = false;
    InstrumentId instrument = 0;
    std::int64_t time = 0, price = 0, bidSize = 0, askSize = 0, quantity = 0;
    std::optional<risk::TradingState> state; // a change of trading state before this event
};

std::vector<Event> stream(std::size_t count)
{
    Rng rng(42);
    std::map<InstrumentId, std::int64_t> mid;
    for (InstrumentId i : kInstruments)
        mid[i] = 100'000 + 1'000 * i;
    std::vector<Event> out;
    for (std::size_t k = 0; k < count; ++k) {
        Event e;
        e.instrument = kInstruments[rng.uniformInt(0, 4)];
        e.time = static_cast<std::int64_t>(k) * kMs;
        std::int64_t &m = mid[e.instrument];
        m += rng.uniformInt(-3, 3);
        e.price = m;
        if (rng.bernoulli(0.2)) {
            e.trade = true;
            e.quantity = rng.uniformInt(1, 20);
        } else {
            e.bidSize = rng.uniformInt(1, 100);
            e.askSize = rng.uniformInt(1, 100);
        }
        if (k == count / 2)
            e.state = risk::TradingState::Halted;
        if (k == count * 3 / 4)
            e.state = risk::TradingState::Active;
        out.push_back(e);
    }
    return out;
}

using Row = std::tuple<int, double, double, std::size_t, std::vector<std::string>, std::string, std::int64_t>;

struct Collect final : SignalSink
{
    std::map<InstrumentId, std::vector<Row>> byInstrument;
    std::size_t total = 0;
    void publish(const Opportunity &o) override
    {
        byInstrument[o.instrument].emplace_back(static_cast<int>(o.direction), o.strength, o.confidence, o.signalCount,
                                                o.sources, o.reason, o.updatedNs);
        ++total;
    }
};

template <class Pipeline>
void addRules(Pipeline &p)
{
    for (InstrumentId i : kInstruments) {
        p.addRule(i, momentumRule(1.5, 20));
        p.addRule(i, imbalanceRule(0.5));
        p.addRule(i, vwapReversionRule(0.0002));
    }
}

template <class Pipeline>
void feed(Pipeline &p, const std::vector<Event> &events)
{
    for (const Event &e : events) {
        if (e.state)
            p.setTradingState(*e.state);
        if (e.trade)
            p.onTrade(e.instrument, e.time, e.price, e.quantity);
        else
            p.onBook(e.instrument, e.time, e.price - 1, e.bidSize, e.price + 1, e.askSize);
    }
}

} // namespace

class TestParallelPipeline : public QObject
{
    Q_OBJECT
private slots:
    void publishesWhatOnePipelinePublishes_data();
    void publishesWhatOnePipelinePublishes();
};

void TestParallelPipeline::publishesWhatOnePipelinePublishes_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("1 thread") << 1;
    QTest::newRow("2 threads") << 2;
    QTest::newRow("3 threads") << 3;
}

void TestParallelPipeline::publishesWhatOnePipelinePublishes()
{
    QFETCH(int, threads);
    const std::vector<Event> events = stream(60'000);
    SimulatedClock clock;
    PipelineConfig config;
    config.features.ticks = 20;
    config.mergeWindowNs = 200 * kMs;

    SignalPipeline one(clock, config);
    addRules(one);
    Collect expected;
    one.addSink(&expected);
    feed(one, events);

    ParallelPipeline many(clock, config, static_cast<std::size_t>(threads), 1024);
    addRules(many);
    many.start();
    Collect got;
    feed(many, events);
    many.drain(got); // some now, the rest after stop: the order within an instrument holds either way
    many.stop();
    many.drain(got);

    qInfo("%zu opportunities published, %llu blocked", expected.total,
          static_cast<unsigned long long>(one.counters().blocked));
    QVERIFY(expected.total > 100);
    QVERIFY(one.counters().blocked > 0); // the halt in the middle blocked some
    QCOMPARE(got.total, expected.total);
    for (InstrumentId i : kInstruments)
        QVERIFY2(got.byInstrument[i] == expected.byInstrument[i], qPrintable(QString::number(i)));
    const PipelineCounters a = one.counters(), b = many.counters();
    QCOMPARE(b.events, a.events);
    QCOMPARE(b.signalCount, a.signalCount);
    QCOMPARE(b.published, a.published);
    QCOMPARE(b.blocked, a.blocked);
    QCOMPARE(b.merged, a.merged);
}

QTEST_GUILESS_MAIN(TestParallelPipeline)
#include "tst_parallel_pipeline.moc"
