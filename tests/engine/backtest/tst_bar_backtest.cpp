// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The bar backtester with real plugins: ma_cross on a small case checked by hand (worked in the comments),
// ma_cross on every hourly bar of Binance BTCUSDT 2018–2025 against the plainest possible implementation
// written here (moving averages summed afresh at every bar), a look-ahead probe over the same bars, and the
// fill model's rules one by one.
#include "backtest/bar_backtest.h"

#include <QFile>
#include <QtTest>

#include <cmath>

using namespace meridian;
using namespace meridian::backtest;

namespace {

constexpr std::int64_t kHour = 3'600'000'000'000;
constexpr const char *kFile = MERIDIAN_TEST_DATA "/binance/klines/BTCUSDT_1h_2018-02-09_2025-03-31_ohlcv.csv";

Instrument instrument(const char *symbol, Decimal tick, Decimal lot)
{
    InstrumentSpec spec;
    spec.id = 1;
    spec.symbol = symbol;
    spec.venue = "TEST";
    spec.quoteCurrency = "USDT";
    spec.tickSize = tick;
    spec.lotSize = lot;
    return *Instrument::create(spec);
}

/// Bars from closes: each opens at the previous close, and its range just covers open and close.
BarSeries fromCloses(const std::vector<std::int64_t> &closes)
{
    BarSeries s{instrument("TOY", Decimal(1, 0), Decimal(1, 0)), kHour, {}};
    std::int64_t previous = closes.front();
    for (std::size_t i = 0; i < closes.size(); ++i) {
        const std::int64_t open = previous;
        s.bars.push_back({static_cast<std::int64_t>(i) * kHour, open, std::max(open, closes[i]),
                          std::min(open, closes[i]), closes[i], 10});
        previous = closes[i];
    }
    return s;
}

BarSeries readBitcoin()
{
    BarSeries s{instrument("BTCUSDT", Decimal(1, 2), Decimal(1, 3)), kHour, {}};
    QFile file(QString::fromUtf8(kFile));
    if (!file.open(QIODevice::ReadOnly))
        return s;
    file.readLine();
    while (!file.atEnd()) {
        const QList<QByteArray> f = file.readLine().trimmed().split(',');
        const auto ticks = [&](int i) { return std::llround(f[i].toDouble() * 100); };
        const QDateTime t = QDateTime::fromString(QString::fromLatin1(f[0]), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const std::int64_t open = QDateTime(t.date(), t.time(), Qt::UTC).toMSecsSinceEpoch() * 1'000'000;
        s.bars.push_back({open, ticks(1), ticks(2), ticks(3), ticks(4), std::llround(f[5].toDouble() * 1000)});
    }
    return s;
}

} // namespace

class TestBarBacktest : public QObject
{
    Q_OBJECT
private slots:
    void maCrossSmallCaseByHand();
    void maCrossOnSevenYearsMatchesThePlainestImplementation();
    void aLookAheadProbeSeesNothingFromItsFuture();
    void refusesBadSeries();
    void reportsProgressAndCancels();
    void fillModelRules();
    void marginRejectsAndLiquidates();
    void pairsTradingOnGoogleShareClasses();
};

void TestBarBacktest::maCrossSmallCaseByHand()
{
    // Closes, one bar an hour, each bar opening at the previous close:
    //   bar:    0    1   2   3   4   5    6    7    8   9   10  11
    //   close: 100  99  98  97  96  110  112  111  95  90  92  94
    // SMA(2) against SMA(3) from bar 2: below through bar 4; at bar 5, 103 > 101: a cross up, so buy 1,
    // filled at bar 6's open, 110. Above through bar 7 (111.5 > 111). At bar 8, 103 < 106: a cross down, so
    // from +1 to −1 sell 2, filled at bar 9's open, 95. Below at bars 9 and 10; at bar 11, 93 > 92: a cross
    // up, a buy of 2 placed at the last close, which no bar is left to fill.
    // Cash: 100 000 − 110 + 2 × 95 = 100 080; short 1 marked at 94: equity 99 986. Round trip: long
    // 110 → 95, −15. Fees at 0.1% of notional: 0.110 + 0.190.
    BarBacktestConfig config;
    config.initialCapital = 100'000;
    config.takerFee = 0.001;
    const auto r = runBarBacktest({fromCloses({100, 99, 98, 97, 96, 110, 112, 111, 95, 90, 92, 94})}, MA_CROSS,
                                  R"({"fast_period": 2, "slow_period": 3, "order_size": 1, "stop_loss": 0,
                                      "take_profit": 0})",
                                  config);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QVERIFY2(r->strategyError.empty(), r->strategyError.c_str());
    QCOMPARE(r->fills.size(), std::size_t(2));
    QCOMPARE(r->fills[0].time, 6 * kHour);
    QCOMPARE(r->fills[0].side, MERIDIAN_SIDE_BUY);
    QCOMPARE(r->fills[0].price, 110);
    QCOMPARE(r->fills[0].quantity, 1);
    QCOMPARE(r->fills[1].time, 9 * kHour);
    QCOMPARE(r->fills[1].side, MERIDIAN_SIDE_SELL);
    QCOMPARE(r->fills[1].price, 95);
    QCOMPARE(r->fills[1].quantity, 2);
    QVERIFY(std::fabs(r->fills[0].fee - 0.110) < 1e-12 && std::fabs(r->fills[1].fee - 0.190) < 1e-12);
    QVERIFY(std::fabs(r->finalEquity - (99'986 - 0.300)) < 1e-9);
    QCOMPARE(r->trades.size(), std::size_t(1));
    QVERIFY(r->trades[0].isLong);
    QVERIFY(std::fabs(r->trades[0].pnl - (-15 - 0.110 - 0.190)) < 1e-9); // both fills' fees go to the round trip
    QCOMPARE(r->orders, std::uint64_t(3));
    QCOMPARE(r->days.size(), std::size_t(1)); // twelve hours, one UTC day
    QVERIFY(r->statistics);
    QVERIFY(std::fabs(r->statistics->totalReturn - (99'986 - 0.300 - 100'000) / 100'000) < 1e-12);
}

void TestBarBacktest::maCrossOnSevenYearsMatchesThePlainestImplementation()
{
    if (!QFile::exists(QString::fromUtf8(kFile)))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(kFile)));
    const BarSeries btc = readBitcoin();
    QCOMPARE(btc.bars.size(), std::size_t(62482));
    const std::size_t fast = 10, slow = 30;
    const std::int64_t size = 10; // 0.01 BTC
    BarBacktestConfig config;
    config.initialCapital = 10'000;
    config.takerFee = 0.001;
    const auto r = runBarBacktest({btc}, MA_CROSS,
                                  R"({"fast_period": 10, "slow_period": 30, "order_size": 10, "stop_loss": 0,
                                      "take_profit": 0, "allow_short": true})",
                                  config);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QVERIFY2(r->strategyError.empty(), r->strategyError.c_str());
    QVERIFY2(r->statistics, r->statisticsError.c_str());

    // The plainest way: at each close, both averages summed afresh; a change of sign (ignoring equality)
    // sets the target ±size; the order fills at the next bar's open at 0.1% fee.
    const auto &bars = btc.bars;
    std::vector<std::pair<std::size_t, std::int64_t>> expectedFills; // bar index, signed quantity
    int regime = 0;
    std::int64_t position = 0;
    for (std::size_t i = slow - 1; i < bars.size(); ++i) {
        double f = 0, s = 0;
        for (std::size_t k = 0; k < fast; ++k)
            f += static_cast<double>(bars[i - k].close);
        for (std::size_t k = 0; k < slow; ++k)
            s += static_cast<double>(bars[i - k].close);
        f /= fast;
        s /= slow;
        const int now = f > s ? 1 : (f < s ? -1 : 0);
        if (regime != 0 && now != 0 && now != regime && i + 1 < bars.size()) {
            const std::int64_t target = now * size;
            expectedFills.emplace_back(i + 1, target - position);
            position = target;
        }
        if (now != 0)
            regime = now;
    }
    QCOMPARE(r->fills.size(), expectedFills.size());
    double cash = 10'000;
    std::int64_t held = 0;
    for (std::size_t k = 0; k < expectedFills.size(); ++k) {
        const auto &[bar, quantity] = expectedFills[k];
        const BacktestFill &got = r->fills[k];
        QCOMPARE(got.time, bars[bar].openTime);
        QCOMPARE(got.price, bars[bar].open);
        QCOMPARE(got.side == MERIDIAN_SIDE_BUY ? got.quantity : -got.quantity, quantity);
        const double notional =
            static_cast<double>(bars[bar].open) * 0.01 * static_cast<double>(std::abs(quantity)) * 0.001;
        cash -= static_cast<double>(quantity) * static_cast<double>(bars[bar].open) * 0.01 * 0.001 + notional * 0.001;
        held += quantity;
    }
    const double equity = cash + static_cast<double>(held) * static_cast<double>(bars.back().close) * 0.01 * 0.001;
    qInfo("ma_cross 10/30 on BTCUSDT 1h 2018-2025: %zu fills, final equity %.2f (independent %.2f), Sharpe %.3f, "
          "max drawdown %.3f",
          r->fills.size(), r->finalEquity, equity, r->statistics->sharpeRatio, r->statistics->maxDrawdownPercent);
    QVERIFY(std::fabs(r->finalEquity - equity) < 1e-6);
    QCOMPARE(r->days.size(), std::size_t(2608)); // UTC days with a bar closing in them
}

void TestBarBacktest::aLookAheadProbeSeesNothingFromItsFuture()
{
    if (!QFile::exists(QString::fromUtf8(kFile)))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(kFile)));
    BarSeries btc = readBitcoin();
    btc.bars.resize(5000);
    const auto r = runBarBacktest({btc}, LOOKAHEAD_PROBE, "{}");
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QVERIFY2(r->strategyError.empty(), r->strategyError.c_str());
    QCOMPARE(r->fills.size(), std::size_t(4999)); // every order but the last filled, on the next bar
    for (std::size_t i = 0; i < r->fills.size(); ++i)
        QCOMPARE(r->fills[i].time, btc.bars[i + 1].openTime);
}

void TestBarBacktest::reportsProgressAndCancels()
{
    std::vector<std::int64_t> closes;
    for (int i = 0; i < 50'000; ++i)
        closes.push_back(100 + (i * 7919) % 23);
    const BarSeries s = fromCloses(closes);
    // Progress: from 0 to the total, rising, every progressEvery bars and once at the end.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> reports;
    BacktestControl control;
    control.progressEvery = 10'000;
    control.progress = [&](std::uint64_t done, std::uint64_t total) { reports.emplace_back(done, total); };
    QVERIFY(runBarBacktest({s}, MA_CROSS, "{}", {}, control));
    QCOMPARE(reports.size(), std::size_t(6)); // 0, 10k, 20k, 30k, 40k, and the end
    QCOMPARE(reports.front(), (std::pair<std::uint64_t, std::uint64_t>{0, 50'000}));
    QCOMPARE(reports.back(), (std::pair<std::uint64_t, std::uint64_t>{50'000, 50'000}));
    // Cancel: set from the progress callback half-way; the run stops within 1,024 bars and says where.
    std::atomic<bool> cancel{false};
    control.cancel = &cancel;
    control.progress = [&](std::uint64_t done, std::uint64_t) {
        if (done >= 20'000)
            cancel = true;
    };
    const auto cancelled = runBarBacktest({s}, MA_CROSS, "{}", {}, control);
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    QVERIFY2(cancelled.error().message.find("of 50000 bars") != std::string::npos, cancelled.error().message.c_str());
}

void TestBarBacktest::refusesBadSeries()
{
    QVERIFY(!runBarBacktest({}, MA_CROSS, "{}"));
    BarSeries s = fromCloses({100, 101, 102});
    std::swap(s.bars[1].openTime, s.bars[2].openTime);
    const auto unordered = runBarBacktest({s}, MA_CROSS, "{}");
    QVERIFY(!unordered);
    QVERIFY2(unordered.error().message.find("bar 2 of TOY does not come after") != std::string::npos,
             unordered.error().message.c_str());
    BarSeries broken = fromCloses({100, 101});
    broken.bars[1].high = 50;
    QVERIFY(!runBarBacktest({broken}, MA_CROSS, "{}"));
    const auto badParameter = runBarBacktest({fromCloses({100, 101})}, MA_CROSS, R"({"fast_period": 0})");
    QVERIFY(!badParameter);
    QVERIFY(badParameter.error().message.find("fast_period") != std::string::npos);
}

void TestBarBacktest::fillModelRules()
{
    // Five bars (open, high, low, close): a dip, a gap down, a gap up.
    BarSeries s{instrument("TOY", Decimal(1, 0), Decimal(1, 0)), kHour, {}};
    s.bars = {{0, 100, 101, 99, 100, 10},
              {kHour, 100, 102, 95, 96, 10},
              {2 * kHour, 90, 92, 88, 91, 10},
              {3 * kHour, 95, 110, 94, 108, 10},
              {4 * kHour, 108, 109, 107, 108, 10}};
    // Each entry: the bar it is sent on, then side, type, price, stop, quantity, time in force.
    const std::string script = "0:buy:limit:96:0:1:gtc;"   // 1: rests; bar 1's low reaches it: 96, maker
                               "0:buy:limit:93:0:1:gtc;"   // 2: bar 2 gaps below it: the better open, 90
                               "0:sell:stop:0:97:1:gtc;"   // 3: bar 1 trades through 97: 97
                               "1:sell:stop:0:93:1:gtc;"   // 4: bar 2 gaps through 93: the worse open, 90
                               "2:buy:stop:0:93:1:gtc;"    // 5: bar 3 gaps up through 93: 95
                               "0:buy:limit:90:0:1:ioc;"   // 6: not filled on bar 1: cancelled
                               "0:buy:limit:101:0:1:post;" // 7: would take at 100: rejected
                               "0:buy:limit:101:0:1:gtc;"  // 8: marketable: bar 1's open, 100, taker
                               "0:sell:limit:200:0:1:gtd:" +
                               std::to_string(3 * kHour) +
                               ";"                              // 9: expires at bar 3
                               "3:buy:market:0:0:1:gtc;"        // 10: bar 4's open, 108
                               "0:buy:stoplimit:101:100:1:gtc"; // 11: triggered in bar 1, fills as a limit: 100
    const auto r = runBarBacktest({s}, ORDERS, "{\"script\": \"" + script + "\"}");
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QVERIFY2(r->strategyError.empty(), r->strategyError.c_str());
    const auto variable = [&](const std::string &name) {
        for (const auto &[n, v] : r->variables)
            if (n == name)
                return v;
        return -1.0;
    };
    const double expectedFill[] = {96, 90, 97, 90, 95, -1, -1, 100, -1, 108, 100};
    const int expectedStatus[] = {MERIDIAN_ORDER_FILLED,   MERIDIAN_ORDER_FILLED, MERIDIAN_ORDER_FILLED,
                                  MERIDIAN_ORDER_FILLED,   MERIDIAN_ORDER_FILLED, MERIDIAN_ORDER_CANCELLED,
                                  MERIDIAN_ORDER_REJECTED, MERIDIAN_ORDER_FILLED, MERIDIAN_ORDER_EXPIRED,
                                  MERIDIAN_ORDER_FILLED,   MERIDIAN_ORDER_FILLED};
    for (int n = 1; n <= 11; ++n) {
        const std::string k = std::to_string(n);
        QVERIFY2(variable("fill_" + k) == expectedFill[n - 1],
                 qPrintable(QStringLiteral("order %1 filled at %2").arg(n).arg(variable("fill_" + k))));
        QVERIFY2(variable("status_" + k) == expectedStatus[n - 1],
                 qPrintable(QStringLiteral("order %1 status %2").arg(n).arg(variable("status_" + k))));
    }
    const auto makerOf = [&](std::int64_t price, std::int64_t time) {
        for (const BacktestFill &f : r->fills)
            if (f.price == price && f.time == time)
                return f.maker;
        return false;
    };
    QVERIFY(makerOf(96, kHour));   // a resting limit
    QVERIFY(!makerOf(97, kHour));  // a stop
    QVERIFY(!makerOf(100, kHour)); // a marketable limit and a stop-limit
    QCOMPARE(r->rejected, std::uint64_t(1));
}

void TestBarBacktest::marginRejectsAndLiquidates()
{
    // 1,000 of capital, 50% initial margin (2,000 of buying power), 25% maintenance. Worked by hand:
    //  order 1, buy 25 at 100: needs 1,250 > 1,000: rejected;
    //  order 2, buy 15 at 100: needs 750: accepted, fills at bar 1's open (cash 1,000 − 1,500 = −500);
    //  order 3, buy 6 at 99: with order 2 still working, 21 lots need 1,050: rejected;
    //  order 4 (bar 2), sell 5 at 120: only reduces the position: accepted, rests;
    //  bar 2 closes at 90: equity −500 + 1,350 = 850 ≥ 15 × 90 × 25% = 337.5;
    //  bar 3 closes at 40: equity 100 < 150: margin call; the 15 are sold at 40 (cash 100), order 4 is cancelled.
    BarSeries s{instrument("TOY", Decimal(1, 0), Decimal(1, 0)), kHour, {}};
    s.bars = {{0, 100, 101, 99, 100, 10},
              {kHour, 100, 101, 99, 100, 10},
              {2 * kHour, 100, 100, 90, 90, 10},
              {3 * kHour, 50, 55, 35, 40, 10},
              {4 * kHour, 40, 45, 38, 42, 10}};
    const std::string script = "0:buy:limit:100:0:25:gtc;0:buy:limit:100:0:15:gtc;0:buy:limit:99:0:6:gtc;"
                               "2:sell:limit:120:0:5:gtc";
    BarBacktestConfig config;
    config.initialCapital = 1000;
    config.initialMargin = 0.5;
    config.maintenanceMargin = 0.25;
    const auto r = runBarBacktest({s}, ORDERS, "{\"script\": \"" + script + "\"}", config);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    const auto variable = [&](const std::string &name) {
        for (const auto &[n, v] : r->variables)
            if (n == name)
                return v;
        return -1.0;
    };
    QCOMPARE(variable("status_1"), double(MERIDIAN_ORDER_REJECTED));
    QCOMPARE(variable("status_2"), double(MERIDIAN_ORDER_FILLED));
    QCOMPARE(variable("status_3"), double(MERIDIAN_ORDER_REJECTED));
    QCOMPARE(variable("status_4"), double(MERIDIAN_ORDER_CANCELLED));
    QCOMPARE(r->marginRejections, std::uint64_t(2));
    QCOMPARE(r->liquidations, std::uint64_t(1));
    QCOMPARE(r->fills.size(), std::size_t(2));
    const BacktestFill &liquidation = r->fills[1];
    QCOMPARE(liquidation.orderId, std::uint64_t(0));
    QCOMPARE(liquidation.side, meridian_side(MERIDIAN_SIDE_SELL));
    QCOMPARE(liquidation.price, std::int64_t(40));
    QCOMPARE(liquidation.quantity, std::int64_t(15));
    QCOMPARE(liquidation.time, 4 * kHour); // bar 3's close
    QCOMPARE(r->finalEquity, 100.0);
    // Without margin the same script buys 46 lots on credit and rides them down.
    const auto unlimited = runBarBacktest({s}, ORDERS, "{\"script\": \"" + script + "\"}", {1000});
    QVERIFY(unlimited);
    QCOMPARE(unlimited->liquidations, std::uint64_t(0));
    QVERIFY(unlimited->finalEquity < 0);
    // Out of range.
    config.maintenanceMargin = 0.6;
    const auto bad = runBarBacktest({s}, ORDERS, "{}", config);
    QVERIFY(!bad);
    QVERIFY(bad.error().message.find("maintenance margin") != std::string::npos);
}

void TestBarBacktest::pairsTradingOnGoogleShareClasses()
{
    // LEAN daily bars of GOOG (class C) and GOOGL (class A), 2014-04-03 to 2021-03-31; prices in
    // ten-thousandths of a dollar, which are the ticks here.
    const QString folder = QStringLiteral(MERIDIAN_TEST_DATA "/pairs/");
    const auto read = [&](const char *symbol, const QString &name) {
        BarSeries s{instrument(symbol, Decimal(1, 4), Decimal(1, 0)), 24 * kHour, {}};
        QFile file(folder + name);
        if (!file.open(QIODevice::ReadOnly))
            return s;
        while (!file.atEnd()) {
            const QList<QByteArray> f = file.readLine().trimmed().split(',');
            const QDate d = QDate::fromString(QString::fromLatin1(f[0].left(8)), QStringLiteral("yyyyMMdd"));
            s.bars.push_back({QDateTime(d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1'000'000, f[1].toLongLong(),
                              f[2].toLongLong(), f[3].toLongLong(), f[4].toLongLong(), f[5].toLongLong()});
        }
        return s;
    };
    const QString goog = QStringLiteral("GOOG_daily_lean_20140403_20210331.csv");
    if (!QFile::exists(folder + goog))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(folder + goog)));
    std::vector<BarSeries> pair{read("GOOG", goog),
                                read("GOOGL", QStringLiteral("GOOGL_daily_lean_20140403_20210331.csv"))};
    QCOMPARE(pair[0].bars.size(), std::size_t(1761));
    QCOMPARE(pair[1].bars.size(), std::size_t(1761));
    BarBacktestConfig config;
    config.initialCapital = 1'000'000;
    config.feePerLot = 0.005; // half a cent a share
    const auto r = runBarBacktest(pair, PAIRS_TRADING,
                                  R"({"symbol_y": "GOOGL", "symbol_x": "GOOG", "lookback": 60, "entry_threshold": 2.0,
                                      "exit_threshold": 0.5, "stop_loss": 4.0, "position_size": 100})",
                                  config);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QVERIFY2(r->strategyError.empty(), r->strategyError.c_str());
    std::size_t y = 0, x = 0;
    for (const BacktestFill &f : r->fills)
        (f.instrument == 1 ? y : x) += 1;
    const auto variable = [&](const char *name) {
        for (const auto &[n, v] : r->variables)
            if (n == name)
                return v;
        return std::nan("");
    };
    qInfo("pairs_trading GOOGL/GOOG daily 2014-2021: %zu GOOGL and %zu GOOG fills, %zu round trips, final equity "
          "%.2f, last beta %.4f",
          y, x, r->trades.size(), r->finalEquity, variable("beta"));
    QVERIFY(y >= 4 && x >= 4); // both legs, in and out more than once
    QCOMPARE(y, x);            // each signal moves both legs
    // The two share classes track each other: the rolling hedge ratio stays near one.
    QVERIFY(std::fabs(variable("beta") - 1.0) < 0.25);
    QVERIFY(r->statistics);
}

QTEST_APPLESS_MAIN(TestBarBacktest)
#include "tst_bar_backtest.moc"
