// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "core/rng.h"

#include <QtTest>

#include <cmath>
#include <thread>
#include <vector>

using meridian::Rng;

namespace {

std::vector<std::uint64_t> draw(Rng rng, int count)
{
    std::vector<std::uint64_t> values;
    for (int i = 0; i < count; ++i)
        values.push_back(rng.next());
    return values;
}

} // namespace

class TestRng : public QObject
{
    Q_OBJECT
private slots:
    void sameSeedSameSequence();
    void knownFirstValuesPinTheAlgorithm();
    void streamsAreIndependentOfEachOther();
    void sameResultOnAnyThread();
    void uniformIntStaysInRangeWithoutBias();
    void distributionsHaveTheirMoments();
};

void TestRng::sameSeedSameSequence()
{
    QCOMPARE(draw(Rng(42), 1000), draw(Rng(42), 1000));
    QVERIFY(draw(Rng(42), 10) != draw(Rng(43), 10));
}

void TestRng::knownFirstValuesPinTheAlgorithm()
{
    // Values from an independent Python transcription of SplitMix64 seeding + xoshiro256**. A change here
    // changes every seeded simulation and backtest.
    Rng rng(1);
    const std::uint64_t first = rng.next();
    const std::uint64_t second = rng.next();
    Rng again(1);
    QCOMPARE(again.next(), first);
    QCOMPARE(again.next(), second);
    QCOMPARE(first, 0xef75d62a19ba94edULL);
    QCOMPARE(second, 0x8e9490536375f270ULL);
}

void TestRng::streamsAreIndependentOfEachOther()
{
    const Rng master(2026);
    // Drawing from stream 1 does not change stream 2's numbers, and streams differ.
    Rng one = master.stream(1);
    for (int i = 0; i < 100; ++i)
        one.next();
    QCOMPARE(draw(master.stream(2), 100), draw(Rng(2026, 2), 100));
    QVERIFY(draw(master.stream(1), 10) != draw(master.stream(2), 10));
    QVERIFY(draw(master.stream(0), 10) == draw(Rng(2026), 10));
}

void TestRng::sameResultOnAnyThread()
{
    std::vector<std::uint64_t> fromThread;
    std::thread worker([&] { fromThread = draw(Rng(9, 3), 1000); });
    worker.join();
    QCOMPARE(fromThread, draw(Rng(9, 3), 1000));
}

void TestRng::uniformIntStaysInRangeWithoutBias()
{
    Rng rng(5);
    int counts[6] = {};
    const int n = 600000;
    for (int i = 0; i < n; ++i) {
        const auto v = rng.uniformInt(-2, 3);
        QVERIFY(v >= -2 && v <= 3);
        ++counts[v + 2];
    }
    // Each bucket expects 100000 ± 5 standard deviations (sd ≈ 289).
    for (int c : counts)
        QVERIFY2(std::abs(c - n / 6) < 1500, QByteArray::number(c));
    QCOMPARE(rng.uniformInt(7, 7), 7);
    const auto full =
        rng.uniformInt(std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
    Q_UNUSED(full);
}

void TestRng::distributionsHaveTheirMoments()
{
    Rng rng(11);
    const int n = 200000;
    double sum = 0, sumSquares = 0, expSum = 0, poissonSmall = 0, poissonLarge = 0, uniformSum = 0;
    for (int i = 0; i < n; ++i) {
        const double z = rng.normal(1.0, 2.0);
        sum += z;
        sumSquares += (z - 1.0) * (z - 1.0);
        expSum += rng.exponential(4.0);
        poissonSmall += static_cast<double>(rng.poisson(3.5));
        poissonLarge += static_cast<double>(rng.poisson(120.0));
        const double u = rng.uniform();
        QVERIFY(u >= 0.0 && u < 1.0);
        uniformSum += u;
    }
    QVERIFY(std::abs(sum / n - 1.0) < 0.03);
    QVERIFY(std::abs(std::sqrt(sumSquares / n) - 2.0) < 0.03);
    QVERIFY(std::abs(expSum / n - 0.25) < 0.005);
    QVERIFY(std::abs(poissonSmall / n - 3.5) < 0.03);
    QVERIFY(std::abs(poissonLarge / n - 120.0) < 0.2);
    QVERIFY(std::abs(uniformSum / n - 0.5) < 0.005);
}

QTEST_APPLESS_MAIN(TestRng)
#include "tst_rng.moc"
