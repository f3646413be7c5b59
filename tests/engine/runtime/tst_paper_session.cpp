// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The paper session: adaptive_mm trades in the normal scenario through pre-trade risk and the OMS; every
// order, state change and fill is in the journal, every published signal in the signal journal, and the
// session's end leaves no order open. The same seed gives the same trading however the run is sliced. The
// kill switch halts, cancels the open orders and refuses new ones; a refused order reaches the strategy as
// a rejection naming the rule; bad configuration is refused with its name.
#include "runtime/paper_session.h"
#include "store/database.h"
#include "support/paper_config.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <map>
#include <set>

using namespace meridian;
using namespace meridian::runtime;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

PaperConfig config(const QString &journal)
{
    // Quoting after 5 s of samples.
    PaperConfig c = test::btcPaperConfig(ADAPTIVE_MM, R"({"sample_ms": 100, "refresh_ms": 200})", 7);
    c.startTimeNs = 1'790'000'000'000'000'000; // fixed: journal times do not depend on the wall clock
    c.journalPath = journal.toStdString();
    return c;
}

std::int64_t count(store::Database &db, const char *sql)
{
    auto n = db.queryInt64(sql);
    if (!n || !*n)
        return -1;
    return **n;
}

} // namespace

class TestPaperSession : public QObject
{
    Q_OBJECT
private slots:
    void runsTheWholeChainAndJournalsIt();
    void sameSeedSameTradingHoweverSliced();
    void theKillSwitchHaltsAndCancels();
    void aRefusedOrderReachesTheStrategy();
    void refusesBadConfiguration();
    void runsOnItsOwnThreadAndStops();
    void pausesAndSteps();
    void managesSeveralStrategies();
    void reloadsARunningStrategyFromANewBuild();
    void tradesSeveralInstruments();
};

void TestPaperSession::runsTheWholeChainAndJournalsIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("paper.sqlite"));
    {
        auto session = PaperSession::create(config(path));
        QVERIFY2(session, session ? "" : session.error().message.c_str());
        QVERIFY((*session)->runFor(120 * kSecond));
        const PaperSnapshot s = (*session)->feed().snapshot();
        qInfo("after 120 s: %llu orders, %llu refused, %llu fills, %llu market trades, %llu signals, position %.3f, "
              "pnl %.2f",
              static_cast<unsigned long long>(s.ordersSubmitted), static_cast<unsigned long long>(s.ordersRefused),
              static_cast<unsigned long long>(s.fills), static_cast<unsigned long long>(s.marketTrades),
              static_cast<unsigned long long>(s.signalsPublished), s.position, s.pnl);
        QCOMPARE(s.elapsedNs, 120 * kSecond);
        QVERIFY(s.failure.empty());
        QVERIFY(s.strategyError.empty());
        QVERIFY(s.ordersSubmitted > 10);
        QVERIFY(s.fills > 0);
        QVERIFY(s.marketTrades > 0);
        QVERIFY(s.signalsPublished > 0);
        QVERIFY(s.bid > 0 && s.ask > s.bid);
        QCOMPARE(s.state, risk::TradingState::Active);
        QVERIFY(qAbs(s.equity - s.pnl - 1'000'000) < 1e-6);
        QVERIFY(!s.strategies.at(0).variables.empty()); // adaptive_mm's live variables
        // The market's agents by kind: those the scenario builds for the same market.
        const PaperConfig c = config(path);
        auto market = sim::buildMarket(*sim::presetScenario("normal"), {c.market}, c.seed, c.durationNs);
        QVERIFY(market);
        std::map<std::string, int> expected, published;
        for (sim::AgentId a = 0; a < (*market)->agentCount(); ++a)
            ++expected[(*market)->agent(a).kind()];
        for (const auto &[kind, count] : s.agents)
            published[kind] = count;
        QCOMPARE(published, expected);
        QCOMPARE((*session)->feed().takeSignals().size(),
                 std::min<std::size_t>(s.signalsPublished, PaperFeed::kMaxQueued));
        QVERIFY((*session)->feed().takeSignals().empty()); // taken

        (*session)->stop();
        const PaperSnapshot end = (*session)->feed().snapshot();
        QVERIFY(end.finished);

        auto db = store::Database::open(path.toStdString());
        QVERIFY(db);
        const std::string session_ = (*session)->sessionId();
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM orders"), static_cast<std::int64_t>(end.ordersSubmitted));
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM orders WHERE client_order_id NOT LIKE 'paper-%'"), 0);
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM fills"), static_cast<std::int64_t>(end.fills));
        // Nothing is left open: the session cancelled what it had.
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM orders WHERE status IN ('new', 'pending', 'accepted', "
                            "'partially_filled')"),
                 0);
        QVERIFY(count(*db, "SELECT COUNT(*) FROM order_events") > count(*db, "SELECT COUNT(*) FROM orders"));
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM signals"), static_cast<std::int64_t>(end.signalsPublished));
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM signals WHERE published_ns < received_ns"), 0);
        QCOMPARE(count(*db, "SELECT MIN(created_at) >= 1790000000000000000 FROM orders"), 1);
    }
}

void TestPaperSession::sameSeedSameTradingHoweverSliced()
{
    QTemporaryDir dir;
    auto a = PaperSession::create(config(dir.filePath(QStringLiteral("a.sqlite"))));
    auto b = PaperSession::create(config(dir.filePath(QStringLiteral("b.sqlite"))));
    QVERIFY(a && b);
    QVERIFY((*a)->runFor(60 * kSecond));
    for (int i = 0; i < 12; ++i)
        QVERIFY((*b)->runFor(5 * kSecond));
    const PaperSnapshot x = (*a)->feed().snapshot(), y = (*b)->feed().snapshot();
    QCOMPARE(x.elapsedNs, y.elapsedNs);
    QCOMPARE(x.ordersSubmitted, y.ordersSubmitted);
    QCOMPARE(x.fills, y.fills);
    QCOMPARE(x.marketTrades, y.marketTrades);
    QCOMPARE(x.position, y.position);
    QCOMPARE(x.equity, y.equity);
    QCOMPARE(x.signalsPublished, y.signalsPublished);
}

void TestPaperSession::theKillSwitchHaltsAndCancels()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("paper.sqlite"));
    auto session = PaperSession::create(config(path));
    QVERIFY(session);
    QVERIFY((*session)->runFor(30 * kSecond));
    const PaperSnapshot before = (*session)->feed().snapshot();
    QCOMPARE(before.ordersRefused, 0u);
    (*session)->requestTradingState(risk::TradingState::Halted, "kill switch (test)");
    QVERIFY((*session)->runFor(10 * kSecond));
    const PaperSnapshot after = (*session)->feed().snapshot();
    QCOMPARE(after.state, risk::TradingState::Halted);
    QVERIFY(after.ordersRefused > 0); // adaptive_mm kept quoting; risk refused
    QVERIFY2(after.lastRefusal.find("HALTED") != std::string::npos, after.lastRefusal.c_str());
    {
        auto db = store::Database::open(path.toStdString());
        QVERIFY(db);
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM trading_state_log WHERE to_state = 'HALTED'"), 1);
        // The halt cancelled every open order.
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM orders WHERE status IN ('new', 'pending', 'accepted', "
                            "'partially_filled')"),
                 0);
    }
    (*session)->requestTradingState(risk::TradingState::Active, "released (test)");
    QVERIFY((*session)->runFor(10 * kSecond));
    const PaperSnapshot released = (*session)->feed().snapshot();
    QCOMPARE(released.state, risk::TradingState::Active);
    QVERIFY(released.ordersSubmitted - released.ordersRefused > after.ordersSubmitted - after.ordersRefused);
}

void TestPaperSession::aRefusedOrderReachesTheStrategy()
{
    QTemporaryDir dir;
    PaperConfig c = config(dir.filePath(QStringLiteral("paper.sqlite")));
    c.limits.maxOrderNotional = 1; // USDT: every quote is larger
    auto session = PaperSession::create(c);
    QVERIFY(session);
    QVERIFY((*session)->runFor(20 * kSecond));
    const PaperSnapshot s = (*session)->feed().snapshot();
    QVERIFY(s.ordersSubmitted > 0);
    QCOMPARE(s.ordersRefused, s.ordersSubmitted);
    QCOMPARE(s.fills, 0u);
    QCOMPARE(s.position, 0.0);
    QVERIFY2(s.lastRefusal.find("order_notional") != std::string::npos, s.lastRefusal.c_str());
    QVERIFY(s.strategyError.empty()); // a refusal is an answer, not a failure
}

void TestPaperSession::refusesBadConfiguration()
{
    QTemporaryDir dir;
    PaperConfig c = config(dir.filePath(QStringLiteral("paper.sqlite")));
    c.scenario = "no_such_scenario";
    auto r = PaperSession::create(c);
    QVERIFY(!r);
    QVERIFY2(r.error().message.find("no_such_scenario") != std::string::npos, r.error().message.c_str());

    c = config(dir.filePath(QStringLiteral("paper.sqlite")));
    c.speed = -1;
    r = PaperSession::create(c);
    QVERIFY(!r);
    QVERIFY(r.error().message.find("speed") != std::string::npos);

    c = config(dir.filePath(QStringLiteral("paper.sqlite")));
    c.strategyParams = R"({"gamma": -5})";
    r = PaperSession::create(c);
    QVERIFY(!r);
    QVERIFY2(r.error().message.find("gamma") != std::string::npos, r.error().message.c_str());

    c = config(dir.filePath(QStringLiteral("no/such/folder/paper.sqlite")));
    r = PaperSession::create(c);
    QVERIFY(!r);
}

void TestPaperSession::runsOnItsOwnThreadAndStops()
{
    QTemporaryDir dir;
    PaperConfig c = config(dir.filePath(QStringLiteral("paper.sqlite")));
    c.speed = 100; // 100 simulated seconds per wall second
    auto session = PaperSession::create(c);
    QVERIFY(session);
    (*session)->start();
    QTRY_VERIFY_WITH_TIMEOUT((*session)->feed().snapshot().elapsedNs >= 5 * kSecond, 20000);
    (*session)->stop();
    const PaperSnapshot s = (*session)->feed().snapshot();
    QVERIFY(s.finished);
    QVERIFY(s.elapsedNs >= 5 * kSecond);
    QVERIFY(!(*session)->runFor(kSecond)); // a stopped session stays stopped
}

void TestPaperSession::pausesAndSteps()
{
    QTemporaryDir dir;
    PaperConfig c = config(dir.filePath(QStringLiteral("paper.sqlite")));
    c.speed = 50;
    auto session = PaperSession::create(c);
    QVERIFY(session);
    (*session)->start();
    QTRY_VERIFY_WITH_TIMEOUT((*session)->feed().snapshot().elapsedNs >= kSecond, 20000);
    (*session)->setPaused(true);
    QTRY_VERIFY_WITH_TIMEOUT((*session)->feed().snapshot().paused, 5000);
    const std::int64_t held = (*session)->feed().snapshot().elapsedNs;
    QTest::qWait(300); // at 50× that would be 15 s of simulated time
    QCOMPARE((*session)->feed().snapshot().elapsedNs, held);
    (*session)->step(2 * kSecond);
    QTRY_COMPARE_WITH_TIMEOUT((*session)->feed().snapshot().elapsedNs, held + 2 * kSecond, 5000);
    (*session)->setPaused(false);
    QTRY_VERIFY_WITH_TIMEOUT((*session)->feed().snapshot().elapsedNs > held + 3 * kSecond, 20000);
    QVERIFY(!(*session)->feed().snapshot().paused);
    QCOMPARE((*session)->feed().snapshot().scenario, std::string("normal"));
    (*session)->stop();
}

namespace {

const PaperStrategy *strategyById(const PaperSnapshot &s, std::uint32_t id)
{
    for (const PaperStrategy &row : s.strategies)
        if (row.id == id)
            return &row;
    return nullptr;
}

} // namespace

void TestPaperSession::managesSeveralStrategies()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("paper.sqlite"));
    auto made = PaperSession::create(config(path));
    QVERIFY(made);
    PaperSession &session = **made;
    QVERIFY(session.runFor(10 * kSecond));
    QCOMPARE(session.feed().snapshot().strategies.size(), std::size_t(1));

    const std::string quotes = R"({"half_spread_ticks": 3, "order_size": 2, "refresh_ms": 500})";
    session.addStrategy(FIXED_SPREAD_MM, quotes);
    session.addStrategy(FIXED_SPREAD_MM, quotes, /*start=*/false);
    session.addStrategy("/nonexistent/plugin.so", "{}");
    QVERIFY(session.runFor(30 * kSecond));
    PaperSnapshot s = session.feed().snapshot();
    QCOMPARE(s.strategies.size(), std::size_t(3));
    const PaperStrategy first = s.strategies[0], second = s.strategies[1], third = s.strategies[2];
    QCOMPARE(first.name, std::string("adaptive_mm"));
    QCOMPARE(second.name, std::string("fixed_spread_mm"));
    QCOMPARE(third.name, "fixed_spread_mm#" + std::to_string(third.id));
    QCOMPARE(first.state, std::string("running"));
    QCOMPARE(second.state, std::string("running"));
    QCOMPARE(third.state, std::string("initialised"));
    QVERIFY(second.ordersSent > 0);
    QCOMPARE(third.ordersSent, 0u);
    // The account is the instances together: no manual orders, so its position is theirs summed.
    QVERIFY(qAbs(s.position - (first.positions.at(0) + second.positions.at(0) + third.positions.at(0))) < 1e-9);
    auto notices = session.feed().takeNotices();
    QCOMPARE(notices.size(), std::size_t(1));
    QVERIFY(notices[0].error);
    QVERIFY2(notices[0].text.find("/nonexistent/plugin.so") != std::string::npos, notices[0].text.c_str());

    // A refused change names the parameter and changes nothing.
    const std::uint32_t id = second.id, idle = third.id;
    session.reconfigureStrategy(id, R"({"levels": 500})");
    QVERIFY(session.runFor(kSecond));
    notices = session.feed().takeNotices();
    QCOMPARE(notices.size(), std::size_t(1));
    QVERIFY2(notices[0].text.find("levels") != std::string::npos, notices[0].text.c_str());
    QCOMPARE(notices[0].strategy, id);
    s = session.feed().snapshot();
    QCOMPARE(strategyById(s, id)->state, std::string("running"));
    QVERIFY(strategyById(s, id)->parameters.find("\"half_spread_ticks\":3") != std::string::npos);

    // Stopped: its orders are cancelled, the others keep trading.
    session.stopStrategy(id);
    QVERIFY(session.runFor(5 * kSecond));
    s = session.feed().snapshot();
    QCOMPARE(strategyById(s, id)->state, std::string("stopped"));
    QCOMPARE(strategyById(s, id)->openOrders, 0u);
    const std::uint64_t sentWhenStopped = strategyById(s, id)->ordersSent;
    const std::uint64_t firstSent = strategyById(s, first.id)->ordersSent;
    QVERIFY(session.runFor(10 * kSecond));
    s = session.feed().snapshot();
    QCOMPARE(strategyById(s, id)->ordersSent, sentWhenStopped);
    QVERIFY(strategyById(s, first.id)->ordersSent > firstSent);

    // Edited while stopped, started, and the idle one removed.
    session.reconfigureStrategy(id, R"({"half_spread_ticks": 5, "order_size": 1})");
    session.startStrategy(id);
    session.removeStrategy(idle);
    QVERIFY(session.runFor(10 * kSecond));
    s = session.feed().snapshot();
    QCOMPARE(s.strategies.size(), std::size_t(2));
    QVERIFY(!strategyById(s, idle));
    QCOMPARE(strategyById(s, id)->state, std::string("running"));
    QVERIFY(strategyById(s, id)->parameters.find("\"half_spread_ticks\":5") != std::string::npos);
    QVERIFY(strategyById(s, id)->ordersSent > sentWhenStopped);
    QVERIFY(session.feed().takeNotices().empty());
    session.stop();

    // The journal names each instance's orders, and the stopped one left none open.
    auto db = store::Database::open(path.toStdString());
    QVERIFY(db);
    QCOMPARE(count(*db, "SELECT COUNT(DISTINCT strategy) FROM orders"), 2);
    QVERIFY(count(*db, "SELECT COUNT(*) FROM orders WHERE strategy = 'fixed_spread_mm'") > 0);
    QCOMPARE(count(*db, "SELECT COUNT(*) FROM orders WHERE status IN ('new', 'pending', 'accepted', "
                        "'partially_filled')"),
             0);
}

void TestPaperSession::reloadsARunningStrategyFromANewBuild()
{
    QTemporaryDir dir;
    const std::string plugin = dir.filePath(QStringLiteral("versioned.so")).toStdString();
    std::filesystem::copy_file(FIXTURE_VERSIONED_1, plugin);
    PaperConfig c = config({});
    c.strategyPath = plugin;
    c.strategyParams = R"({"size": 7})";
    auto made = PaperSession::create(c);
    QVERIFY(made);
    PaperSession &session = **made;
    QVERIFY(session.runFor(120 * kSecond));
    PaperSnapshot s = session.feed().snapshot();
    QCOMPARE(s.strategies.size(), std::size_t(1));
    const auto variable = [](const PaperStrategy &row, const char *name) {
        for (const auto &[key, value] : row.variables)
            if (key == name)
                return value;
        return -1.0;
    };
    QCOMPARE(variable(s.strategies[0], "version"), 1.0);
    QVERIFY2(variable(s.strategies[0], "trades") > 0, std::to_string(s.marketTrades).c_str());
    QVERIFY(variable(s.strategies[0], "trades") <= double(s.marketTrades)); // it sees them late

    // A new build replaces the file, as a linker does.
    std::filesystem::remove(plugin);
    std::filesystem::copy_file(FIXTURE_VERSIONED_2, plugin);
    session.reloadStrategy(s.strategies[0].id);
    QVERIFY(session.runFor(kSecond));
    s = session.feed().snapshot();
    QCOMPARE(s.strategies[0].state, std::string("running"));
    QCOMPARE(s.strategies[0].version, std::string("2.0.0"));
    QCOMPARE(variable(s.strategies[0], "version"), 2.0);
    QCOMPARE(variable(s.strategies[0], "size"), 7.0); // with its parameters
    const auto notices = session.feed().takeNotices();
    QCOMPARE(notices.size(), std::size_t(1));
    QVERIFY(!notices[0].error);
    QVERIFY2(notices[0].text.find("version 1.0.0 -> 2.0.0") != std::string::npos, notices[0].text.c_str());

    // A build that does not load: refused with the reason, the instance Failed and listed.
    std::filesystem::remove(plugin);
    {
        std::FILE *f = std::fopen(plugin.c_str(), "w");
        QVERIFY(f);
        std::fputs("not a shared library", f);
        std::fclose(f);
    }
    session.reloadStrategy(s.strategies[0].id);
    QVERIFY(session.runFor(kSecond));
    s = session.feed().snapshot();
    QCOMPARE(s.strategies[0].state, std::string("failed"));
    QVERIFY2(s.strategies[0].error.find("reload refused") != std::string::npos, s.strategies[0].error.c_str());
    QVERIFY(session.feed().takeNotices().front().error);
}

void TestPaperSession::tradesSeveralInstruments()
{
    // BTCUSDT and ETHUSDT moving together, a pairs strategy trading the spread between them.
    PaperConfig c = test::btcPaperConfig(PAIRS_TRADING,
                                         R"({"symbol_y": "BTCUSDT", "symbol_x": "ETHUSDT", "lookback": 30,
                                             "sample_ms": 2000, "entry_threshold": 1.0, "exit_threshold": 0.2,
                                             "stop_loss": 0, "position_size": 5})",
                                         5);
    sim::MarketSetup eth = c.market;
    eth.instrument.spec.symbol = "ETHUSDT"; // same id as BTCUSDT: the session gives it another
    eth.instrument.initialPrice = 200'000;  // 2 000.00
    c.market.commonLoading = eth.commonLoading = 1;
    c.commonFactor.sigma = 2e-4;
    c.moreMarkets.push_back(eth);
    // A pair is one position in two instruments: the monitor's concentration rule (meant for a book of many)
    // would halt it; this test is about the instruments.
    c.monitor.concentration = {2, 2};
    auto made = PaperSession::create(c);
    QVERIFY2(made, made ? "" : made.error().message.c_str());
    PaperSession &session = **made;
    QVERIFY(session.runFor(600 * kSecond));
    PaperSnapshot s = session.feed().snapshot();
    QCOMPARE(s.markets.size(), std::size_t(2));
    QCOMPARE(s.markets[0].symbol, std::string("BTCUSDT"));
    QCOMPARE(s.markets[1].symbol, std::string("ETHUSDT"));
    QCOMPARE(s.markets[0].bid, s.bid); // the first is also the snapshot's own
    for (const PaperMarket &m : s.markets) {
        QVERIFY2(!m.bids.empty() && !m.asks.empty() && m.bid < m.ask, m.symbol.c_str());
        QVERIFY(m.last > 0);
    }
    QVERIFY(s.markets[1].mid > 1000 && s.markets[1].mid < 4000); // ETH's own prices, not BTC's
    // Both legs traded, and each instrument's trades and fills name it.
    QVERIFY2(s.strategyError.empty(), s.strategyError.c_str());
    const PaperStrategy &pair = s.strategies.at(0);
    QCOMPARE(pair.positions.size(), std::size_t(2));
    QVERIFY(pair.ordersSent > 0);
    QVERIFY(qAbs(pair.positions[0] - s.markets[0].position) < 1e-9);
    QVERIFY(qAbs(pair.positions[1] - s.markets[1].position) < 1e-9);
    std::set<std::string> traded, filled;
    for (const PaperTrade &t : session.feed().takeTrades())
        traded.insert(t.symbol);
    for (const PaperFill &f : session.feed().takeFills())
        filled.insert(f.symbol);
    QCOMPARE(traded, (std::set<std::string>{"BTCUSDT", "ETHUSDT"}));
    QCOMPARE(filled, (std::set<std::string>{"BTCUSDT", "ETHUSDT"}));

    // A trader's order in the second instrument rests at its level there, and only there.
    const double price = s.markets[1].bid - 20 * s.markets[1].tick;
    session.submitManual(Side::Buy, price, 0.5, "ETHUSDT");
    session.submitManual(Side::Buy, price, 0.5, "XRPUSDT");
    QVERIFY(session.runFor(kSecond));
    s = session.feed().snapshot();
    QVERIFY2(s.lastRefusal.find("XRPUSDT") != std::string::npos, s.lastRefusal.c_str());
    double own = 0;
    for (const PaperLevel &l : s.markets[1].bids)
        own += qAbs(l.price - price) < 1e-9 ? l.own : 0;
    QCOMPARE(own, 0.5);
    for (const PaperLevel &l : s.markets[0].bids)
        QVERIFY(qAbs(l.price - price) > 1e-9 || l.own == 0);
    bool seen = false;
    for (const PaperOrder &o : session.feed().takeOrders())
        seen = seen || (o.strategy == "manual" && o.symbol == "ETHUSDT");
    QVERIFY(seen);

    // Twice the same symbol is refused.
    c.moreMarkets.push_back(c.market);
    const auto twice = PaperSession::create(c);
    QVERIFY(!twice);
    QVERIFY2(twice.error().message.find("BTCUSDT is in the session twice") != std::string::npos,
             twice.error().message.c_str());
}

QTEST_GUILESS_MAIN(TestPaperSession)
#include "tst_paper_session.moc"
