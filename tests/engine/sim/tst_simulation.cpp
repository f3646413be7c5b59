// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The simulator's kernel: message order and latency, accounting, determinism and random streams, run with
// scripted agents and with the background population.
#include "sim/agents.h"
#include "sim/simulation.h"

#include <QtTest>

#include <functional>

using namespace meridian;
using namespace meridian::sim;

namespace {

constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kSecond = 1'000'000'000;

InstrumentSetup instrument(const char *symbol = "SIMUSD", double price = 10000)
{
    InstrumentSetup s;
    s.spec.id = 1;
    s.spec.symbol = symbol;
    s.spec.venue = "SIM";
    s.spec.tickSize = Decimal(1, 2);
    s.initialPrice = price;
    return s;
}

/// An agent whose behaviour the test writes: callbacks are recorded with the time they arrived.
struct Scripted final : Agent
{
    std::function<void(const AgentContext &)> onStart;
    std::function<void(const AgentContext &, std::uint64_t)> onWakeup;
    std::vector<std::pair<std::int64_t, OrderNotice>> notices;
    std::vector<std::pair<std::int64_t, BookSnapshot>> books;
    std::vector<std::pair<std::int64_t, TradeTick>> trades;
    const char *kind() const override { return "scripted"; }
    void start(const AgentContext &ctx) override
    {
        if (onStart)
            onStart(ctx);
    }
    void wakeup(const AgentContext &ctx, std::uint64_t tag) override
    {
        if (onWakeup)
            onWakeup(ctx, tag);
    }
    void notice(const AgentContext &ctx, const OrderNotice &n) override { notices.emplace_back(ctx.now(), n); }
    void book(const AgentContext &ctx, const BookSnapshot &b) override { books.emplace_back(ctx.now(), b); }
    void trade(const AgentContext &ctx, const TradeTick &t) override { trades.emplace_back(ctx.now(), t); }
};

/// The background population on one instrument.
void populate(Simulation &sim, std::size_t scale = 1)
{
    const Latency entry{2 * kMs, 3 * kMs};
    for (std::size_t i = 0; i < 10 * scale; ++i)
        sim.addAgent(
            std::make_unique<ZeroIntelligenceAgent>(ZeroIntelligenceAgent::Parameters{0, 0.5, 0.05, 0.02, 20, 2, 1}),
            entry);
    for (std::size_t i = 0; i < 2; ++i)
        sim.addAgent(std::make_unique<MarketMakerAgent>(MarketMakerAgent::Parameters{}), entry);
    for (std::size_t i = 0; i < 5 * scale; ++i)
        sim.addAgent(std::make_unique<ValueAgent>(ValueAgent::Parameters{0, 0.05, 0.001, 0.5, 1, 50}), entry);
    for (std::size_t i = 0; i < 2; ++i)
        sim.addAgent(std::make_unique<MomentumAgent>(MomentumAgent::Parameters{}), entry);
    for (std::size_t i = 0; i < 20 * scale; ++i)
        sim.addAgent(std::make_unique<NoiseAgent>(NoiseAgent::Parameters{0, 0.01, 0.3, 5, 5, 60 * kSecond}), entry);
}

struct TradeRecord
{
    std::int64_t time, price, quantity;
    AgentId buyer, seller;
    friend bool operator==(const TradeRecord &, const TradeRecord &) = default;
};

std::vector<TradeRecord> runAndRecord(std::uint64_t seed, std::int64_t duration)
{
    SimulationConfig config;
    config.seed = seed;
    config.durationNs = duration;
    config.instruments.push_back(instrument());
    auto sim = Simulation::create(config);
    std::vector<TradeRecord> trades;
    if (!sim)
        return trades;
    populate(**sim);
    struct Recorder final : Simulation::Observer
    {
        std::vector<TradeRecord> *trades;
        void traded(const TradeTick &t, AgentId buyer, std::uint64_t, AgentId seller, std::uint64_t) override
        {
            trades->push_back({t.time, t.price, t.quantity, buyer, seller});
        }
    } recorder;
    recorder.trades = &trades;
    (*sim)->setObserver(&recorder);
    (*sim)->run();
    return trades;
}

} // namespace

class TestSimulation : public QObject
{
    Q_OBJECT
private slots:
    void ordersAndNoticesTravelWithLatency();
    void marketDataArrivesLateAndInOrder();
    void conflatedBooksAreNeverFromTheFuture();
    void backgroundMarketKeepsItsInvariants();
    void sameSeedSameTrades();
    void addingAnAgentLeavesTheOthersDrawsAlone();
    void shockMovesTheFundamentalAndDrainsLiquidity();
    void refusesABadConfiguration();
};

void TestSimulation::ordersAndNoticesTravelWithLatency()
{
    SimulationConfig config;
    config.durationNs = kSecond;
    config.instruments.push_back(instrument());
    auto sim = Simulation::create(config);
    QVERIFY(sim);
    auto *maker = new Scripted;
    auto *taker = new Scripted;
    std::uint64_t resting = 0;
    maker->onStart = [&](const AgentContext &ctx) { resting = ctx.sendLimit(0, Side::Sell, 10001, 5); };
    taker->onStart = [&](const AgentContext &ctx) { ctx.wakeAt(100 * kMs); };
    taker->onWakeup = [&](const AgentContext &ctx, std::uint64_t) { ctx.sendMarket(0, Side::Buy, 3); };
    const AgentId m = (*sim)->addAgent(std::unique_ptr<Agent>(maker), Latency{5 * kMs, 0});
    const AgentId t = (*sim)->addAgent(std::unique_ptr<Agent>(taker), Latency{20 * kMs, 0});
    (*sim)->run();

    // The maker's order reaches the exchange at 5 ms; the acceptance is back at 10 ms.
    QCOMPARE(maker->notices.at(0).first, 10 * kMs);
    QCOMPARE(maker->notices.at(0).second.kind, OrderNotice::Kind::Accepted);
    QCOMPARE(maker->notices.at(0).second.orderId, resting);
    // The taker sends at 100 ms; the exchange trades at 120 ms; the maker hears at 125, the taker at 140.
    QCOMPARE(maker->notices.at(1).first, 125 * kMs);
    QCOMPARE(maker->notices.at(1).second.kind, OrderNotice::Kind::Filled);
    QVERIFY(maker->notices.at(1).second.maker);
    QCOMPARE(maker->notices.at(1).second.remaining, 2);
    QCOMPARE(maker->notices.at(1).second.time, 120 * kMs);
    const auto fill = std::find_if(taker->notices.begin(), taker->notices.end(),
                                   [](const auto &n) { return n.second.kind == OrderNotice::Kind::Filled; });
    QVERIFY(fill != taker->notices.end());
    QCOMPARE(fill->first, 140 * kMs);
    QCOMPARE(fill->second.price, 10001);
    // Cash and positions moved between the two and nowhere else.
    QCOMPARE((*sim)->position(t, 0), 3);
    QCOMPARE((*sim)->position(m, 0), -3);
    QCOMPARE((*sim)->cash(t, 0), -3 * 10001);
    QCOMPARE((*sim)->cash(m, 0), 3 * 10001);
    QCOMPARE((*sim)->now(), kSecond);
}

void TestSimulation::marketDataArrivesLateAndInOrder()
{
    SimulationConfig config;
    config.durationNs = kSecond;
    config.instruments.push_back(instrument());
    auto sim = Simulation::create(config);
    QVERIFY(sim);
    auto *watcher = new Scripted;
    auto *trader = new Scripted;
    watcher->onStart = [](const AgentContext &ctx) { ctx.subscribe(0); };
    trader->onStart = [](const AgentContext &ctx) {
        ctx.sendLimit(0, Side::Buy, 9999, 1);
        ctx.sendLimit(0, Side::Sell, 10002, 4);
        ctx.wakeAt(50 * kMs);
    };
    trader->onWakeup = [](const AgentContext &ctx, std::uint64_t) { ctx.sendLimit(0, Side::Buy, 10002, 1); };
    (*sim)->addAgent(std::unique_ptr<Agent>(watcher), Latency{}, Latency{7 * kMs, 3 * kMs});
    (*sim)->addAgent(std::unique_ptr<Agent>(trader), Latency{1 * kMs, 0});
    (*sim)->run();

    // Three books (after each order at 1 ms and the trade at 51 ms) and one trade, each 7–10 ms late.
    QCOMPARE(watcher->books.size(), std::size_t(3));
    for (const auto &[at, b] : watcher->books) {
        QVERIFY(at - b.time >= 7 * kMs && at - b.time <= 10 * kMs);
    }
    QVERIFY(watcher->books[0].first <= watcher->books[1].first); // in order, whatever the jitter
    const BookSnapshot &last = watcher->books.back().second;
    QCOMPARE(last.bidCount, 1u);
    QCOMPARE(last.bidPrice[0], 9999);
    QCOMPARE(last.askQuantity[0], 3);
    QCOMPARE(watcher->trades.size(), std::size_t(1));
    QCOMPARE(watcher->trades[0].second.time, 51 * kMs);
    QCOMPARE(watcher->trades[0].second.aggressor, Side::Buy);
    QVERIFY(watcher->trades[0].first >= 58 * kMs && watcher->trades[0].first <= 61 * kMs);
}

void TestSimulation::conflatedBooksAreNeverFromTheFuture()
{
    SimulationConfig config;
    config.durationNs = kSecond;
    config.instruments.push_back(instrument());
    auto sim = Simulation::create(config);
    QVERIFY(sim);
    auto *watcher = new Scripted;
    auto *trader = new Scripted;
    watcher->onStart = [](const AgentContext &ctx) { ctx.subscribe(0, 100 * kMs); };
    // Twenty orders 10 ms apart, 10 000 … 10 019 on the bid: twenty book changes in 200 ms.
    trader->onStart = [](const AgentContext &ctx) { ctx.wakeAt(0); };
    trader->onWakeup = [](const AgentContext &ctx, std::uint64_t n) {
        ctx.sendLimit(0, Side::Buy, 10000 + static_cast<std::int64_t>(n), 1);
        if (n < 19)
            ctx.wakeAt(ctx.now() + 10 * kMs, n + 1);
    };
    (*sim)->addAgent(std::unique_ptr<Agent>(watcher), Latency{}, Latency{2 * kMs, 0});
    (*sim)->addAgent(std::unique_ptr<Agent>(trader), Latency{});
    (*sim)->run();
    // The first change is sent at once, then one book per 100 ms, each showing the book at its own time.
    QCOMPARE(watcher->books.size(), std::size_t(3));
    std::int64_t previous = -1;
    for (const auto &[at, b] : watcher->books) {
        QCOMPARE(at, b.time + 2 * kMs); // the latency after the snapshot: nothing from the future
        QVERIFY(b.time >= previous + 100 * kMs || previous < 0);
        previous = b.time;
        // The first book shows the first order; a book at an interval's end shows the orders that arrived
        // before that instant (an order arriving at the same instant is processed after the book).
        QCOMPARE(b.bidPrice[0], 10000 + (b.time == 0 ? 0 : (b.time - 1) / (10 * kMs)));
    }
    QCOMPARE(watcher->books.back().second.bidPrice[0], 10019); // the last state is delivered
}

void TestSimulation::backgroundMarketKeepsItsInvariants()
{
    SimulationConfig config;
    config.seed = 11;
    config.durationNs = 3600 * kSecond;
    config.instruments.push_back(instrument());
    auto created = Simulation::create(config);
    QVERIFY(created);
    Simulation &sim = **created;
    populate(sim);
    std::uint64_t steps = 0;
    while (sim.step()) {
        const book::OrderBook &b = sim.book(0);
        if (b.isCrossed())
            QFAIL(qPrintable(QStringLiteral("crossed book at %1 ns").arg(sim.now())));
        if (++steps % 5000 == 0) {
            const auto integrity = b.checkIntegrity();
            QVERIFY2(integrity, integrity ? "" : integrity.error().message.c_str());
            std::int64_t cash = 0, position = 0;
            for (AgentId a = 0; a < sim.agentCount(); ++a) {
                cash += sim.cash(a, 0);
                position += sim.position(a, 0);
            }
            QCOMPARE(cash, 0);
            QCOMPARE(position, 0);
        }
    }
    sim.finish();
    QCOMPARE(sim.now(), 3600 * kSecond);
    const SimulationStats &stats = sim.stats();
    qInfo("1 h: %llu messages, %llu orders, %llu trades, %llu cancels", (unsigned long long)stats.messages,
          (unsigned long long)stats.orders, (unsigned long long)stats.trades, (unsigned long long)stats.cancels);
    QVERIFY(stats.trades > 100);
    QVERIFY(sim.book(0).bestBid() && sim.book(0).bestAsk());
    // The price stayed anchored near the fundamental (value traders, market makers).
    const double mid = static_cast<double>(sim.book(0).bestBid()->value() + sim.book(0).bestAsk()->value()) / 2;
    const double fundamental = sim.fundamental(0);
    QVERIFY2(std::fabs(mid / fundamental - 1) < 0.01,
             qPrintable(QStringLiteral("mid %1, fundamental %2").arg(mid).arg(fundamental)));
}

void TestSimulation::sameSeedSameTrades()
{
    const auto a = runAndRecord(5, 600 * kSecond);
    const auto b = runAndRecord(5, 600 * kSecond);
    const auto c = runAndRecord(6, 600 * kSecond);
    QVERIFY(a.size() > 10);
    QVERIFY(a == b);
    QVERIFY(a != c);
}

void TestSimulation::addingAnAgentLeavesTheOthersDrawsAlone()
{
    const auto firstDraws = [](bool extra) {
        SimulationConfig config;
        config.seed = 3;
        config.durationNs = kSecond;
        config.instruments.push_back(instrument());
        auto sim = Simulation::create(config);
        std::vector<std::uint64_t> draws;
        auto *probe = new Scripted;
        probe->onStart = [&](const AgentContext &ctx) {
            for (int i = 0; i < 4; ++i)
                draws.push_back(ctx.rng().next());
        };
        (*sim)->addAgent(std::make_unique<NoiseAgent>(NoiseAgent::Parameters{}));
        if (extra)
            (*sim)->addAgent(std::make_unique<NoiseAgent>(NoiseAgent::Parameters{}));
        (*sim)->addAgent(std::make_unique<MarketMakerAgent>(MarketMakerAgent::Parameters{}));
        // The probe's stream is its id's: same id, same draws, whatever else is in the market.
        (*sim)->addAgent(std::unique_ptr<Agent>(probe));
        (*sim)->run();
        return std::make_pair(draws, (*sim)->agentCount());
    };
    const auto [without, n1] = firstDraws(false);
    const auto [with, n2] = firstDraws(true);
    QCOMPARE(n2, n1 + 1);
    // The probe's id differs (2 vs 3), so its draws differ; agent 0's stream is Rng(seed, 1) either way.
    QVERIFY(without != with);
    Rng agent0(3, 1), again(3, 1);
    QCOMPARE(agent0.next(), again.next());
    // And the fundamental does not depend on the agents at all.
    SimulationConfig config;
    config.seed = 3;
    config.instruments.push_back(instrument());
    auto one = Simulation::create(config), two = Simulation::create(config);
    populate(**two);
    (*one)->run(600 * kSecond);
    (*two)->run(600 * kSecond);
    QCOMPARE((*one)->fundamental(0), (*two)->fundamental(0));
}

void TestSimulation::shockMovesTheFundamentalAndDrainsLiquidity()
{
    SimulationConfig config;
    config.seed = 9;
    config.durationNs = 3600 * kSecond;
    config.instruments.push_back(instrument());
    config.instruments[0].fundamental.sigma = 0;
    config.shock = Shock{1800 * kSecond, std::log(0.8), 0, 0.9, 600 * kSecond};
    auto sim = Simulation::create(config);
    QVERIFY(sim);
    (*sim)->run(1799 * kSecond);
    QCOMPARE((*sim)->fundamental(0), 10000.0);
    QCOMPARE((*sim)->liquidity(), 1.0);
    (*sim)->run(1800 * kSecond + 1);
    QVERIFY(std::fabs((*sim)->fundamental(0) - 8000.0) < 1e-6);
    QVERIFY(std::fabs((*sim)->liquidity() - 0.1) < 1e-6);
    (*sim)->run(2400 * kSecond);
    QVERIFY(std::fabs((*sim)->liquidity() - 0.55) < 1e-6);      // half recovered after one half-life
    QVERIFY(std::fabs((*sim)->fundamental(0) - 8000.0) < 1e-6); // a permanent jump

    // A flash crash: the same jump fading back with a half-life of 100 s.
    config.shock.jumpHalfLifeNs = 100 * kSecond;
    auto flash = Simulation::create(config);
    (*flash)->run(1900 * kSecond);
    QVERIFY(std::fabs((*flash)->fundamental(0) - 10000.0 * std::exp(std::log(0.8) / 2)) < 1e-6);
}

void TestSimulation::refusesABadConfiguration()
{
    SimulationConfig config;
    auto none = Simulation::create(config);
    QVERIFY(!none);
    QVERIFY(none.error().message.find("no instrument") != std::string::npos);
    config.instruments.push_back(instrument());
    config.durationNs = 0;
    auto zero = Simulation::create(config);
    QVERIFY(!zero);
    QVERIFY(zero.error().message.find("duration") != std::string::npos);
    config.durationNs = kSecond;
    config.instruments[0].spec.symbol.clear();
    QVERIFY(!Simulation::create(config));
}

QTEST_APPLESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
