// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The rolling features against plain recomputations from the whole history at every step: momentum,
// volatility, imbalance, spread, VWAP and trade rate on a seeded random walk of 5,000 books and trades.
#include "core/rng.h"
#include "signal/features.h"

#include <QtTest>

#include <cmath>

using namespace meridian;
using namespace meridian::signal;

class TestFeatures : public QObject
{
    Q_OBJECT
private slots:
    void matchPlainRecomputation();
    void crossedOrEmptyBooksAreIgnored();
};

void TestFeatures::matchPlainRecomputation()
{
    constexpr std::size_t kTicks = 20;
    constexpr std::int64_t kWindow = 2'000'000'000;
    RollingFeatures rolling(7, FeatureConfig{kTicks, kWindow});
    Rng rng(42);
    std::vector<double> mids;
    std::vector<std::tuple<std::int64_t, double, double>> trades; // time, price, quantity
    std::int64_t bid = 100'000;
    for (int i = 0; i < 5'000; ++i) {
        const std::int64_t t = std::int64_t(i) * 100'000'000; // every 100 ms
        bid += rng.uniformInt(-3, 3);
        const std::int64_t ask = bid + rng.uniformInt(1, 4);
        const std::int64_t bidSize = rng.uniformInt(1, 50), askSize = rng.uniformInt(1, 50);
        QVERIFY(rolling.onBook(t, bid, bidSize, ask, askSize));
        mids.push_back((double(bid) + double(ask)) / 2);
        if (rng.bernoulli(0.5)) {
            const std::int64_t price = rng.bernoulli(0.5) ? bid : ask, quantity = rng.uniformInt(1, 9);
            rolling.onTrade(t, price, quantity);
            trades.emplace_back(t, double(price), double(quantity));
        }
        const Features &f = rolling.features();
        QCOMPARE(f.ready, mids.size() > kTicks);
        QCOMPARE(f.mid, mids.back());
        QCOMPARE(f.spread, double(ask - bid));
        QVERIFY(std::fabs(f.imbalance - double(bidSize - askSize) / double(bidSize + askSize)) < 1e-15);
        if (f.ready) {
            const std::size_t n = mids.size();
            QVERIFY(std::fabs(f.momentum - std::log(mids[n - 1] / mids[n - 1 - kTicks])) < 1e-12);
            double squares = 0;
            for (std::size_t k = n - kTicks; k < n; ++k)
                squares += std::pow(std::log(mids[k] / mids[k - 1]), 2);
            QVERIFY2(std::fabs(f.volatility - std::sqrt(squares / kTicks)) < 1e-9,
                     qPrintable(QStringLiteral("step %1").arg(i)));
        }
        double notional = 0, quantity = 0, count = 0;
        for (const auto &[time, price, q] : trades)
            if (time > t - kWindow) {
                notional += price * q;
                quantity += q;
                ++count;
            }
        QVERIFY(std::fabs(f.vwap - (quantity > 0 ? notional / quantity : 0)) < 1e-6);
        QCOMPARE(f.tradeRate, count / 2.0);
    }
}

void TestFeatures::crossedOrEmptyBooksAreIgnored()
{
    RollingFeatures rolling(1);
    QVERIFY(!rolling.onBook(0, 100, 1, 100, 1)); // locked
    QVERIFY(!rolling.onBook(0, 101, 1, 100, 1)); // crossed
    QVERIFY(!rolling.onBook(0, 0, 0, 100, 1));   // no bid
    QCOMPARE(rolling.features().updates, std::uint64_t(0));
    QVERIFY(rolling.onBook(0, 99, 1, 100, 3));
    QCOMPARE(rolling.features().imbalance, -0.5);
}

QTEST_APPLESS_MAIN(TestFeatures)
#include "tst_features.moc"
