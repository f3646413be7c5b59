// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// engine/metrics on a real series: holding BTC through 2024, marked at each UTC day's last hourly close of
// Binance spot BTCUSDT (binance/klines/BTCUSDT_1h_2018-02-09_2025-03-31_ohlcv.csv), with a commission
// charged on the first day; the closed trades are the 52 weekly round trips of a buy-at-Monday-open rule on
// the same closes. Every expected value is computed here independently, in long double, in the plainest
// way: the drawdown by trying every (peak, trough) pair, the quantile from its definition, the moments
// two-pass.
#include "metrics/statistics.h"

#include <QFile>
#include <QtTest>

#include <cmath>
#include <map>

using namespace meridian;
using namespace meridian::metrics;

namespace {

constexpr const char *kFile = MERIDIAN_TEST_DATA "/binance/klines/BTCUSDT_1h_2018-02-09_2025-03-31_ohlcv.csv";
constexpr double kCapital = 100'000;
constexpr double kCommission = 50;

using Real = long double;

bool close(double got, Real expected, const char *what)
{
    const Real tolerance = 1e-9L * std::max<Real>(1, std::fabs(expected));
    if (std::fabs(static_cast<Real>(got) - expected) <= tolerance)
        return true;
    qWarning("%s: got %.15g, expected %.15Lg", what, got, expected);
    return false;
}

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void holdingBitcoinThrough2024();
    void refusesDaysItCannotMeasure();
    void marketMaking();

private:
    std::vector<std::pair<std::int64_t, double>> m_closes; // yyyymmdd, last close of the day
};

void TestStatistics::initTestCase()
{
    QFile file(QString::fromUtf8(kFile));
    if (!file.exists())
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(kFile)));
    QVERIFY(file.open(QIODevice::ReadOnly));
    std::map<std::int64_t, double> lastClose;
    file.readLine(); // header
    while (!file.atEnd()) {
        const QList<QByteArray> f = file.readLine().trimmed().split(',');
        QCOMPARE(f.size(), 6);
        const QByteArray day = f[0].left(10); // "2024-01-01"
        if (!day.startsWith("2024"))
            continue;
        const std::int64_t key = QByteArray(day).replace("-", "").toLongLong();
        lastClose[key] = f[4].toDouble(); // rows are in time order: the last one wins
    }
    m_closes.assign(lastClose.begin(), lastClose.end());
    QCOMPARE(m_closes.size(), std::size_t(366)); // 2024 is a leap year and the file has every day
}

void TestStatistics::holdingBitcoinThrough2024()
{
    // Buy on the first close with all the capital less the commission.
    const double units = (kCapital - kCommission) / m_closes.front().second;
    std::vector<DailyResult> days;
    double previous = kCapital;
    for (std::size_t i = 0; i < m_closes.size(); ++i) {
        DailyResult d;
        d.date = m_closes[i].first;
        d.balance = units * m_closes[i].second;
        d.netPnl = d.balance - previous;
        d.commission = i == 0 ? kCommission : 0;
        d.turnover = i == 0 ? kCapital - kCommission : 0;
        d.trades = i == 0 ? 1 : 0;
        previous = d.balance;
        days.push_back(d);
    }
    // Weekly round trips, Monday to Sunday by index: long when the previous week rose, short otherwise.
    std::vector<ClosedTrade> trades;
    for (std::size_t w = 1; w * 7 + 6 < m_closes.size(); ++w) {
        const bool isLong = m_closes[w * 7 - 1].second > m_closes[w * 7 - 7].second;
        const double move = m_closes[w * 7 + 6].second - m_closes[w * 7].second;
        trades.push_back({isLong ? move : -move, isLong});
    }
    const auto s = computeStatistics(days, kCapital, trades, StatisticsOptions{365, 0.02});
    QVERIFY2(s, s ? "" : s.error().message.c_str());

    // Independently: returns, moments, drawdown, quantile.
    const auto n = static_cast<Real>(days.size());
    std::vector<Real> r;
    Real prev = kCapital;
    for (const DailyResult &d : days) {
        r.push_back(static_cast<Real>(d.balance) / prev - 1);
        prev = d.balance;
    }
    Real mean = 0;
    for (const Real x : r)
        mean += x;
    mean /= n;
    Real ss = 0, m2 = 0, m3 = 0, m4 = 0, down = 0;
    for (const Real x : r) {
        ss += (x - mean) * (x - mean);
        m2 += std::pow(x - mean, 2) / n;
        m3 += std::pow(x - mean, 3) / n;
        m4 += std::pow(x - mean, 4) / n;
        down += x < 0 ? x * x : 0;
    }
    const Real sd = std::sqrt(ss / (n - 1));
    const Real excess = mean - 0.02L / 365;
    Real worst = 0, worstPercent = 0;
    std::int64_t duration = 0;
    std::vector<Real> balances{kCapital};
    for (const DailyResult &d : days)
        balances.push_back(d.balance);
    for (std::size_t i = 0; i < balances.size(); ++i)
        for (std::size_t j = i + 1; j < balances.size(); ++j) {
            bool peak = true; // i must be a running peak: nothing before it higher
            for (std::size_t k = 0; k < i; ++k)
                peak = peak && balances[k] <= balances[i];
            if (peak && balances[i] - balances[j] > worst) {
                worst = balances[i] - balances[j];
                worstPercent = worst / balances[i];
                duration = static_cast<std::int64_t>(j - i);
            }
        }
    std::vector<Real> sorted = r;
    std::sort(sorted.begin(), sorted.end());
    const Real position = (n - 1) * 0.05L;
    const auto lo = static_cast<std::size_t>(position);
    const Real q = sorted[lo] + (sorted[lo + 1] - sorted[lo]) * (position - static_cast<Real>(lo));
    Real tail = 0;
    int tailCount = 0;
    for (const Real x : sorted)
        if (x <= q) {
            tail += x;
            ++tailCount;
        }
    const Real end = days.back().balance;
    const Real cagr = std::pow(end / kCapital, 365 / n) - 1;

    bool ok = true;
    ok &= close(s->totalReturn, end / kCapital - 1, "total return");
    ok &= close(s->annualReturn, (end / kCapital - 1) * 365 / n, "annual return");
    ok &= close(s->cagr, cagr, "CAGR");
    ok &= close(s->dailyReturn, mean, "daily return");
    ok &= close(s->volatility, sd * std::sqrt(365.0L), "volatility");
    ok &= close(s->sharpeRatio, excess / sd * std::sqrt(365.0L), "Sharpe");
    ok &= close(s->sortinoRatio, excess / std::sqrt(down / n) * std::sqrt(365.0L), "Sortino");
    ok &= close(s->maxDrawdown, worst, "max drawdown");
    ok &= close(s->maxDrawdownPercent, worstPercent, "max drawdown %");
    ok &= close(s->calmarRatio, cagr / worstPercent, "Calmar");
    ok &= close(s->var95, -q, "VaR 95%");
    ok &= close(s->cvar95, -tail / tailCount, "CVaR 95%");
    ok &= close(s->skew, m3 / std::pow(m2, 1.5L), "skew");
    ok &= close(s->kurtosis, m4 / (m2 * m2) - 3, "kurtosis");
    QVERIFY(ok);
    QCOMPARE(s->maxDrawdownDuration, duration);
    QCOMPARE(s->totalDays, std::int64_t(366));
    QCOMPARE(s->startDate, std::int64_t(20240101));
    QCOMPARE(s->endDate, std::int64_t(20241231));
    QCOMPARE(s->profitDays + s->lossDays, std::int64_t(366)); // BTC never closed two days at the same price
    QCOMPARE(s->totalCommission, kCommission);
    QCOMPARE(s->totalTrades, std::int64_t(1));
    QVERIFY(close(s->totalNetPnl, end - kCapital, "total net PnL"));
    qInfo("2024 buy and hold: return %.4f, CAGR %.4f, Sharpe %.3f, max drawdown %.4f over %lld days, VaR95 %.4f",
          s->totalReturn, s->cagr, s->sharpeRatio, s->maxDrawdownPercent, (long long)s->maxDrawdownDuration, s->var95);

    // The trades.
    Real wins = 0, losses = 0, winSum = 0, lossSum = 0, longs = 0, best = 0, worstTrade = 0;
    for (const ClosedTrade &t : trades) {
        (t.pnl > 0 ? wins : losses) += 1;
        (t.pnl > 0 ? winSum : lossSum) += t.pnl;
        longs += t.isLong;
        best = std::max<Real>(best, t.pnl);
        worstTrade = std::min<Real>(worstTrade, t.pnl);
    }
    QCOMPARE(s->closedTrades, std::int64_t(trades.size()));
    QVERIFY(close(s->winRate, wins / trades.size(), "win rate"));
    QVERIFY(close(s->profitFactor, winSum / -lossSum, "profit factor"));
    QVERIFY(close(s->expectancy, (winSum + lossSum) / trades.size(), "expectancy"));
    QVERIFY(close(s->averageWinner, winSum / wins, "average winner"));
    QVERIFY(close(s->averageLoser, lossSum / losses, "average loser"));
    QVERIFY(close(s->largestWinner, best, "largest winner"));
    QVERIFY(close(s->largestLoser, worstTrade, "largest loser"));
    QVERIFY(close(s->longRatio, longs / trades.size(), "long ratio"));
}

void TestStatistics::refusesDaysItCannotMeasure()
{
    QVERIFY(!computeStatistics({}, 100));
    QVERIFY(!computeStatistics({{1, 100}}, 0));
    const auto ruined = computeStatistics({{20240101, 100}, {20240102, 0}}, 100);
    QVERIFY(!ruined);
    QVERIFY(ruined.error().message.find("20240102") != std::string::npos);
    const auto unordered = computeStatistics({{20240102, 100}, {20240101, 101}}, 100);
    QVERIFY(!unordered);
    QVERIFY(unordered.error().message.find("20240101 does not come after day 20240102") != std::string::npos);
    // One flat day: no spread of returns, so the ratios are 0 rather than infinite.
    const auto flat = computeStatistics({{1, 100}}, 100);
    QVERIFY(flat);
    QCOMPARE(flat->sharpeRatio, 0.0);
    QCOMPARE(flat->maxDrawdown, 0.0);
}

void TestStatistics::marketMaking()
{
    // Inventory 0 for 1 s, 4 for 3 s, −2 for 6 s: time-weighted |q| = (0 + 12 + 12) / 10 = 2.4.
    const auto m =
        computeMarketMaking(100, 40, 30, 10, {{0, 0}, {1'000'000'000, 4}, {4'000'000'000, -2}, {10'000'000'000, -2}});
    QVERIFY(m);
    QCOMPARE(m->fillRatio, 0.4);
    QCOMPARE(m->makerShare, 0.75);
    QCOMPARE(m->maxInventory, 4.0);
    QCOMPARE(m->meanInventory, 2.0);
    QVERIFY(std::fabs(m->timeWeightedInventory - 2.4) < 1e-12);
    QVERIFY(!computeMarketMaking(-1, 0, 0, 0, {}));
    QVERIFY(!computeMarketMaking(1, 1, 1, 0, {{5, 1}, {4, 1}}));
}

QTEST_APPLESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
