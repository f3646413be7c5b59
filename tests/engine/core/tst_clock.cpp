// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "core/clock.h"

#include <QtTest>

using namespace meridian;
using namespace std::chrono_literals;

class TestClock : public QObject
{
    Q_OBJECT
private slots:
    void simulatedClockMovesOnlyWhenTold();
    void wallClockIsCloseToSystemTime();
};

void TestClock::simulatedClockMovesOnlyWhenTold()
{
    SimulatedClock clock(Timestamp::fromMilliseconds(1000));
    const Clock &asClock = clock;
    QCOMPARE(asClock.now().milliseconds(), 1000);
    clock.advanceBy(250ms);
    QCOMPARE(asClock.now().milliseconds(), 1250);
    clock.advanceTo(Timestamp::fromMilliseconds(2000));
    QCOMPARE(asClock.now().milliseconds(), 2000);
    clock.advanceTo(Timestamp::fromMilliseconds(2000));
    QCOMPARE(asClock.now().milliseconds(), 2000);
}

void TestClock::wallClockIsCloseToSystemTime()
{
    WallClock clock;
    const qint64 qtMs = QDateTime::currentMSecsSinceEpoch();
    const std::int64_t ours = clock.now().milliseconds();
    QVERIFY(std::llabs(ours - qtMs) < 60000);
}

QTEST_APPLESS_MAIN(TestClock)
#include "tst_clock.moc"
