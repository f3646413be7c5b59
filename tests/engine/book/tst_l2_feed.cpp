// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "book/l2_feed.h"

#include <QtTest>

using namespace meridian;
using namespace meridian::book;

namespace {

LevelUpdate bid(std::int64_t price, std::int64_t quantity)
{
    return LevelUpdate{Side::Buy, Price(price), Quantity(quantity)};
}

LevelUpdate ask(std::int64_t price, std::int64_t quantity)
{
    return LevelUpdate{Side::Sell, Price(price), Quantity(quantity)};
}

const std::vector<LevelUpdate> kSnapshot = {bid(99, 10), bid(98, 5), ask(101, 7), ask(102, 3)};

L2Update range(std::uint64_t first, std::uint64_t last, const std::vector<LevelUpdate> &changes)
{
    return L2Update{first, last, 0, changes};
}

L2Update chained(std::uint64_t previous, std::uint64_t id, const std::vector<LevelUpdate> &changes)
{
    return L2Update{0, id, previous, changes};
}

} // namespace

class TestL2Feed : public QObject
{
    Q_OBJECT
private slots:
    void rangeRuleBuffersThenDropsWhatTheSnapshotCovers();
    void rangeRuleGapAsksForResync();
    void rangeRuleDropsDuplicates();
    void chainedRuleAppliesDropsAndDetectsGaps();
    void chainedRuleResetIsRejected();
    void malformedAndCrossedUpdatesForceResync();
    void badSnapshotIsRefused();
};

void TestL2Feed::rangeRuleBuffersThenDropsWhatTheSnapshotCovers()
{
    L2FeedBuilder feed(SequenceRule::Range);
    const std::vector<LevelUpdate> a = {bid(99, 1)}, b = {ask(101, 0)}, c = {bid(100, 4)};
    QCOMPARE(feed.update(range(90, 95, a)), UpdateOutcome::Buffered);
    QCOMPARE(feed.update(range(96, 103, b)), UpdateOutcome::Buffered);
    QCOMPARE(feed.update(range(104, 104, c)), UpdateOutcome::Buffered);
    QCOMPARE(feed.state(), FeedState::AwaitingSnapshot);

    QVERIFY(feed.snapshot(100, kSnapshot));

    QCOMPARE(feed.state(), FeedState::Synced);
    QCOMPARE(feed.sequence(), 104u);
    QCOMPARE(feed.stats().stale, std::size_t(1)); // 90..95 is inside the snapshot
    QCOMPARE(feed.stats().applied, std::size_t(2));
    QCOMPARE(feed.book().volumeAt(Side::Buy, Price(99)).value(), 10); // the stale update did not apply
    QCOMPARE(feed.book().bestAsk()->value(), 102);
    QCOMPARE(feed.book().bestBid()->value(), 100);
}

void TestL2Feed::rangeRuleGapAsksForResync()
{
    L2FeedBuilder feed(SequenceRule::Range);
    int resyncs = 0;
    feed.setResyncHandler([&] { ++resyncs; });
    QVERIFY(feed.snapshot(100, kSnapshot));
    const std::vector<LevelUpdate> a = {bid(99, 1)}, b = {bid(97, 2)};
    QCOMPARE(feed.update(range(101, 102, a)), UpdateOutcome::Applied);
    QCOMPARE(feed.update(range(104, 105, b)), UpdateOutcome::Gap);
    QCOMPARE(resyncs, 1);
    QCOMPARE(feed.state(), FeedState::Stale);
    QCOMPARE(feed.book().volumeAt(Side::Buy, Price(97)).value(), 0); // not applied
    // While stale, updates wait for the snapshot; the one it covers is then dropped.
    QCOMPARE(feed.update(range(104, 105, b)), UpdateOutcome::Buffered);
    QVERIFY(feed.snapshot(105, kSnapshot));
    QCOMPARE(feed.state(), FeedState::Synced);
    QCOMPARE(feed.stats().gaps, std::size_t(1));
    QCOMPARE(feed.stats().stale, std::size_t(1));
    QCOMPARE(feed.book().volumeAt(Side::Buy, Price(99)).value(), 10);
}

void TestL2Feed::rangeRuleDropsDuplicates()
{
    L2FeedBuilder feed(SequenceRule::Range);
    QVERIFY(feed.snapshot(10, kSnapshot));
    const std::vector<LevelUpdate> a = {bid(99, 1)}, b = {bid(99, 50)}, c = {bid(99, 2)};
    QCOMPARE(feed.update(range(11, 12, a)), UpdateOutcome::Applied);
    QCOMPARE(feed.update(range(11, 12, b)), UpdateOutcome::Duplicate);
    QCOMPARE(feed.update(range(5, 9, b)), UpdateOutcome::Stale);
    // Overlapping the last applied update: levels are absolute, so it applies.
    QCOMPARE(feed.update(range(12, 13, c)), UpdateOutcome::Applied);
    QCOMPARE(feed.book().volumeAt(Side::Buy, Price(99)).value(), 2);
    QCOMPARE(feed.stats().duplicates, std::size_t(1));
    QCOMPARE(feed.stats().stale, std::size_t(1));
    QCOMPARE(feed.stats().resyncRequests, std::size_t(0));
}

void TestL2Feed::chainedRuleAppliesDropsAndDetectsGaps()
{
    L2FeedBuilder feed(SequenceRule::Chained);
    int resyncs = 0;
    feed.setResyncHandler([&] { ++resyncs; });
    QVERIFY(feed.snapshot(500, kSnapshot));
    const std::vector<LevelUpdate> a = {ask(101, 9)}, none;
    QCOMPARE(feed.update(chained(500, 507, a)), UpdateOutcome::Applied);
    QCOMPARE(feed.update(chained(507, 507, none)), UpdateOutcome::Applied); // heartbeat: no change
    QCOMPARE(feed.update(chained(500, 507, a)), UpdateOutcome::Duplicate);
    QCOMPARE(feed.update(chained(400, 450, a)), UpdateOutcome::Stale);
    QCOMPARE(resyncs, 0);
    QCOMPARE(feed.update(chained(510, 512, a)), UpdateOutcome::Gap);
    QCOMPARE(resyncs, 1);
    QCOMPARE(feed.book().volumeAt(Side::Sell, Price(101)).value(), 9);
}

void TestL2Feed::chainedRuleResetIsRejected()
{
    L2FeedBuilder feed(SequenceRule::Chained);
    QVERIFY(feed.snapshot(500, kSnapshot));
    const std::vector<LevelUpdate> a = {ask(101, 9)};
    QCOMPARE(feed.update(chained(500, 3, a)), UpdateOutcome::Rejected);
    QCOMPARE(feed.state(), FeedState::Stale);
    QCOMPARE(feed.stats().rejected, std::size_t(1));
}

void TestL2Feed::malformedAndCrossedUpdatesForceResync()
{
    L2FeedBuilder feed(SequenceRule::Range);
    QVERIFY(feed.snapshot(1, kSnapshot));
    const std::vector<LevelUpdate> negative = {bid(99, -1)};
    QCOMPARE(feed.update(range(2, 2, negative)), UpdateOutcome::Rejected);
    QCOMPARE(feed.book().volumeAt(Side::Buy, Price(99)).value(), 10);
    QVERIFY(feed.snapshot(2, kSnapshot));
    const std::vector<LevelUpdate> crossing = {bid(101, 1)};
    QCOMPARE(feed.update(range(3, 3, crossing)), UpdateOutcome::Rejected);
    QCOMPARE(feed.state(), FeedState::Stale);
    QCOMPARE(feed.stats().crossed, std::size_t(1));
    QCOMPARE(feed.stats().resyncRequests, std::size_t(2));
}

void TestL2Feed::badSnapshotIsRefused()
{
    L2FeedBuilder feed(SequenceRule::Range, 2);
    const std::vector<LevelUpdate> crossed = {bid(101, 1), ask(100, 1)};
    const auto result = feed.snapshot(7, crossed);
    QVERIFY(!result);
    QVERIFY(result.error().message.find("crossed") != std::string::npos);
    QCOMPARE(feed.state(), FeedState::AwaitingSnapshot);
    // The buffer keeps the newest updates when it overflows.
    const std::vector<LevelUpdate> a = {bid(99, 1)};
    for (std::uint64_t i = 8; i < 12; ++i)
        QCOMPARE(feed.update(range(i, i, a)), UpdateOutcome::Buffered);
    QCOMPARE(feed.stats().bufferOverflows, std::size_t(2));
    QVERIFY(feed.snapshot(9, kSnapshot));
    QCOMPARE(feed.sequence(), 11u);
}

QTEST_APPLESS_MAIN(TestL2Feed)
#include "tst_l2_feed.moc"
