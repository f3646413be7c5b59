// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The order-book backtest's queue model, event by event on hand-made streams (worked in the comments), with
// latency, and fixed_spread_mm replayed over the real LOBSTER AAPL sample.
#include "backtest/l2_backtest.h"

#include <QFile>
#include <QtTest>

using namespace meridian;
using namespace meridian::backtest;

namespace {

Instrument toy()
{
    InstrumentSpec spec;
    spec.id = 1;
    spec.symbol = "TOY";
    spec.venue = "TEST";
    spec.tickSize = Decimal(1, 0);
    spec.lotSize = Decimal(1, 0);
    return *Instrument::create(spec);
}

DepthEvent level(std::int64_t t, Side side, std::int64_t price, std::int64_t quantity)
{
    return {t, DepthEvent::Kind::Level, side, price, quantity};
}

DepthEvent trade(std::int64_t t, Side side, std::int64_t price, std::int64_t quantity)
{
    return {t, DepthEvent::Kind::Trade, side, price, quantity};
}

std::string script(const std::string &entries)
{
    return "{\"script\": \"" + entries + "\"}";
}

} // namespace

class TestL2Backtest : public QObject
{
    Q_OBJECT
private slots:
    void queuePositionDecidesTheFills();
    void aMarketableLimitTakesTheDisplayedDepth();
    void latencyDelaysTheArrival();
    void fixedSpreadMarketMakerOnLobsterAapl();
    void refusesEventsOutOfOrder();
    void twoInstrumentsReplayMergedInTimeOrder();
    void reportsProgressEquityStatisticsAndCancels();
};

void TestL2Backtest::queuePositionDecidesTheFills()
{
    // Our bid of 5 at 100 joins 10 displayed there: 10 ahead. A trade of 4 leaves 6 ahead, and the level's
    // fall to 6 is that trade, not cancellations. Its fall to 3 is 3 cancelled of 6: half the queue, so 3
    // ahead. A trade of 5 takes those 3 and 2 of ours (maker). The ask then comes down to 100: the rest, 3,
    // fills at our price.
    const std::vector<DepthEvent> events = {level(1, Side::Buy, 100, 10), level(2, Side::Sell, 101, 10),
                                            trade(3, Side::Buy, 100, 4),  level(3, Side::Buy, 100, 6),
                                            level(4, Side::Buy, 100, 3),  trade(5, Side::Buy, 100, 5),
                                            level(5, Side::Buy, 100, 0),  level(6, Side::Sell, 100, 7)};
    const auto r = runL2Backtest(toy(), events, ORDERS, script("0:buy:limit:100:0:5:gtc"));
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QVERIFY2(r->strategyError.empty(), r->strategyError.c_str());
    QCOMPARE(r->fills.size(), std::size_t(2));
    QCOMPARE(r->fills[0].time, std::int64_t(5));
    QCOMPARE(r->fills[0].quantity, 2);
    QVERIFY(r->fills[0].maker);
    QCOMPARE(r->fills[1].time, std::int64_t(6));
    QCOMPARE(r->fills[1].quantity, 3);
    QCOMPARE(r->fills[1].price, 100);
    QCOMPARE(r->orders, std::uint64_t(1));
}

void TestL2Backtest::aMarketableLimitTakesTheDisplayedDepth()
{
    // Bids 100 × 3 and 99 × 4. Seeing the second book, the script sells 5 at 99: 3 at 100 and 2 at 99 (taker),
    // nothing left to rest. A post-only sell at 100 sent on the same book would take, so it is rejected.
    const std::vector<DepthEvent> events = {level(1, Side::Buy, 99, 4), level(2, Side::Buy, 100, 3),
                                            level(3, Side::Sell, 102, 1)};
    const auto r = runL2Backtest(toy(), events, ORDERS, script("1:sell:limit:99:0:5:gtc;1:sell:limit:100:0:1:post"));
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(r->fills.size(), std::size_t(2));
    QCOMPARE(r->fills[0].price, 100);
    QCOMPARE(r->fills[0].quantity, 3);
    QCOMPARE(r->fills[1].price, 99);
    QCOMPARE(r->fills[1].quantity, 2);
    QVERIFY(!r->fills[0].maker && !r->fills[1].maker);
    const auto status = [&](const char *name) {
        for (const auto &[n, v] : r->variables)
            if (n == name)
                return v;
        return -1.0;
    };
    QCOMPARE(status("status_2"), double(MERIDIAN_ORDER_REJECTED));
}

void TestL2Backtest::latencyDelaysTheArrival()
{
    // The order is sent on the first book (t = 10) and reaches the book 5 later; by then the level has grown
    // from 2 to 9, all of it ahead. A trade of 9 at t = 20 only clears the queue; one of 3 at t = 30 fills 3.
    // The strategy saw the first book 2 late: at 12, so its order arrives at 17.
    const std::vector<DepthEvent> events = {level(10, Side::Buy, 100, 2), level(16, Side::Buy, 100, 9),
                                            trade(20, Side::Buy, 100, 9), level(20, Side::Buy, 100, 0),
                                            trade(30, Side::Buy, 100, 3)};
    L2BacktestConfig config;
    config.entryLatencyNs = 5;
    config.marketDataLatencyNs = 2;
    const auto r = runL2Backtest(toy(), events, ORDERS, script("0:buy:limit:100:0:3:gtc"), config);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(r->fills.size(), std::size_t(1));
    QCOMPARE(r->fills[0].time, std::int64_t(30));
    QCOMPARE(r->fills[0].quantity, 3);
}

void TestL2Backtest::fixedSpreadMarketMakerOnLobsterAapl()
{
    const QString base =
        QStringLiteral(MERIDIAN_TEST_DATA "/lobster/AAPL_2012-06-21_34200000_57600000_%1_10.rows1-999.csv");
    if (!QFile::exists(base.arg(QStringLiteral("message"))))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)")
                             .arg(base.arg(QStringLiteral("message")))));
    const auto messages = book::readLobsterMessages(base.arg(QStringLiteral("message")).toStdString());
    const auto levels = book::readLobsterBook(base.arg(QStringLiteral("orderbook")).toStdString());
    QVERIFY(messages && levels);
    const std::vector<DepthEvent> events = depthEventsFromLobster(*messages, *levels);
    QVERIFY(events.size() > 999);
    InstrumentSpec spec;
    spec.id = 1;
    spec.symbol = "AAPL";
    spec.venue = "NASDAQ";
    spec.tickSize = Decimal(1, 4); // LOBSTER prices are in ten-thousandths of a dollar
    spec.lotSize = Decimal(1, 0);
    L2BacktestConfig config;
    config.entryLatencyNs = 100'000;
    config.marketDataLatencyNs = 100'000;
    const auto r = runL2Backtest(*Instrument::create(spec), events, FIXED_SPREAD_MM,
                                 R"({"half_spread_ticks": 100, "order_size": 100, "max_inventory": 1000,
                                     "refresh_ms": 100})",
                                 config);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QVERIFY2(r->strategyError.empty(), r->strategyError.c_str());
    qInfo("fixed_spread_mm on LOBSTER AAPL (%zu events): %llu book callbacks, %llu orders, %zu fills", events.size(),
          (unsigned long long)r->bookCallbacks, (unsigned long long)r->orders, r->fills.size());
    QVERIFY(r->bookCallbacks > 100);
    QVERIFY(r->orders > 2);
    for (const BacktestFill &f : r->fills)
        QVERIFY(f.maker); // post-only quotes
}

void TestL2Backtest::reportsProgressEquityStatisticsAndCancels()
{
    // Three days of a book whose bid and ask walk together; a bought position is marked as they move.
    constexpr std::int64_t kMinute = 60'000'000'000;
    std::vector<DepthEvent> events;
    std::int64_t previous = 0;
    for (std::int64_t i = 0; i < 3 * 24 * 60; ++i) {
        const std::int64_t price = 100 + (i / 60) % 7; // moves every hour
        if (previous != 0 && previous != price) {      // the old levels go
            events.push_back(level(i * kMinute, Side::Buy, previous, 0));
            events.push_back(level(i * kMinute, Side::Sell, previous + 1, 0));
        }
        events.push_back(level(i * kMinute, Side::Buy, price, 10 + i % 2)); // sizes change: an update a minute
        events.push_back(level(i * kMinute, Side::Sell, price + 1, 10 + i % 2));
        previous = price;
    }
    std::vector<std::pair<std::uint64_t, std::uint64_t>> seen;
    BacktestControl control;
    control.progressEvery = 2048;
    control.progress = [&](std::uint64_t done, std::uint64_t total) { seen.emplace_back(done, total); };
    L2BacktestConfig config;
    config.equityPoints = 100;
    const auto r = runL2Backtest(toy(), events, ORDERS, script("2:buy:market:0:0:3:ioc"), config, control);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QVERIFY(seen.size() >= events.size() / 2048);
    QCOMPARE(seen.back(), (std::pair<std::uint64_t, std::uint64_t>(events.size(), events.size())));
    for (std::size_t i = 1; i < seen.size(); ++i)
        QVERIFY(seen[i].first >= seen[i - 1].first);
    // The equity: about equityPoints samples in time order, ending at the final equity, moving with the mark.
    QVERIFY(r->equity.size() >= 90 && r->equity.size() <= 102);
    for (std::size_t i = 1; i < r->equity.size(); ++i)
        QVERIFY(r->equity[i].first > r->equity[i - 1].first);
    QCOMPARE(r->equity.back().second, r->finalEquity);
    double low = r->equity.front().second, high = low;
    for (const auto &[time, equity] : r->equity) {
        low = std::min(low, equity);
        high = std::max(high, equity);
    }
    // 3 units held while the mid swings over 6 ticks, sampled often enough to see most of it.
    QVERIFY2(high - low >= 3 * 5 - 1e-9, qPrintable(QString::number(high - low)));
    QVERIFY2(r->statistics, r->statisticsError.c_str());
    QCOMPARE(r->statistics->totalDays, static_cast<int>(r->days.size()));

    // Cancelled at the first progress report: refused, saying how far it got.
    std::atomic<bool> cancel{false};
    control.cancel = &cancel;
    control.progress = [&](std::uint64_t, std::uint64_t) { cancel = true; };
    const auto stopped = runL2Backtest(toy(), events, ORDERS, script("2:buy:market:0:0:3:ioc"), config, control);
    QVERIFY(!stopped);
    QCOMPARE(stopped.error().code, ErrorCode::Cancelled);
    QVERIFY2(stopped.error().message.find("cancelled after 4096 of") != std::string::npos,
             stopped.error().message.c_str());
}

void TestL2Backtest::refusesEventsOutOfOrder()
{
    const auto r = runL2Backtest(toy(), {level(5, Side::Buy, 100, 1), level(4, Side::Buy, 100, 2)}, ORDERS, "{}");
    QVERIFY(!r);
    QVERIFY(r.error().message.find("event 1 is earlier") != std::string::npos);
}

void TestL2Backtest::twoInstrumentsReplayMergedInTimeOrder()
{
    // A's and B's streams interleave in time: books are seen A@1, B@2, B@3, A@5. On the first (A@1) the script
    // offers 2 of A at 101, where nothing is displayed yet: nothing ahead. On the third (B@3) it bids 3 for B
    // at 50 behind 5. B's trade of 8 at 50 (t = 6) clears the 5 and fills our 3; A's trade of 4 at 101 (t = 7)
    // fills our 2. One account holds both.
    InstrumentSpec spec;
    spec.id = 2;
    spec.symbol = "TOYB";
    spec.venue = "TEST";
    spec.tickSize = Decimal(1, 0);
    spec.lotSize = Decimal(1, 0);
    const std::vector<Instrument> instruments{toy(), *Instrument::create(spec)};
    const std::vector<DepthEvent> a = {level(1, Side::Buy, 100, 10), level(5, Side::Sell, 101, 10),
                                       trade(7, Side::Sell, 101, 4)};
    const std::vector<DepthEvent> b = {level(2, Side::Buy, 50, 5), level(3, Side::Sell, 52, 5),
                                       trade(6, Side::Buy, 50, 8)};
    const auto r = runL2Backtest(instruments, {std::span<const DepthEvent>(a), std::span<const DepthEvent>(b)}, ORDERS,
                                 script("0:sell:limit:101:0:2:gtc:0:1;2:buy:limit:50:0:3:gtc:0:2"));
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QVERIFY2(r->strategyError.empty(), r->strategyError.c_str());
    QCOMPARE(r->events, std::uint64_t(6));
    QCOMPARE(r->fills.size(), std::size_t(2));
    QCOMPARE(r->fills[0].time, std::int64_t(6));
    QCOMPARE(r->fills[0].instrument, std::size_t(1));
    QCOMPARE(r->fills[0].price, 50);
    QCOMPARE(r->fills[0].quantity, 3);
    QVERIFY(r->fills[0].maker);
    QCOMPARE(r->fills[1].time, std::int64_t(7));
    QCOMPARE(r->fills[1].instrument, std::size_t(0));
    QCOMPARE(r->fills[1].price, 101);
    QCOMPARE(r->fills[1].quantity, 2);
    QCOMPARE(r->finalEquity, 100'000.0); // both marked at the trade prices they filled at
    // One stream per instrument, or it is refused; an unordered stream is named by its instrument.
    QVERIFY(!runL2Backtest(instruments, {std::span<const DepthEvent>(a)}, ORDERS, script("")));
    const std::vector<DepthEvent> backwards = {level(3, Side::Buy, 50, 5), level(2, Side::Buy, 50, 6)};
    const auto bad = runL2Backtest(
        instruments, {std::span<const DepthEvent>(a), std::span<const DepthEvent>(backwards)}, ORDERS, script(""));
    QVERIFY(!bad);
    QVERIFY2(bad.error().message.find("event 1 of TOYB") != std::string::npos, bad.error().message.c_str());
}

QTEST_APPLESS_MAIN(TestL2Backtest)
#include "tst_l2_backtest.moc"
