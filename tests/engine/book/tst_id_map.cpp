// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "book/id_map.h"
#include "core/rng.h"

#include <QtTest>

#include <unordered_map>

using meridian::Rng;
using meridian::book::IdMap;

class TestIdMap : public QObject
{
    Q_OBJECT
private slots:
    void insertFindErase();
    void matchesStdMapUnderRandomChurn();
};

void TestIdMap::insertFindErase()
{
    IdMap<std::uint32_t> map(4);
    QVERIFY(map.insert(10, 1));
    QVERIFY(!map.insert(10, 2));
    QCOMPARE(*map.find(10), 1u);
    QVERIFY(map.find(11) == nullptr);
    QVERIFY(map.erase(10));
    QVERIFY(!map.erase(10));
    QVERIFY(map.empty());
}

void TestIdMap::matchesStdMapUnderRandomChurn()
{
    // Keys drawn from a small range collide often, which exercises probe runs and backward shifts,
    // including across the wrap-around at the end of the table.
    IdMap<std::uint32_t> map(8);
    std::unordered_map<std::uint64_t, std::uint32_t> reference;
    Rng rng(42);
    for (std::uint32_t step = 0; step < 200000; ++step) {
        const std::uint64_t key = rng.uniformInt(0, 3000) * (step % 2 ? 1u : 0x100000000ull);
        if (rng.uniform() < 0.55) {
            QCOMPARE(map.insert(key, step), reference.emplace(key, step).second);
        } else {
            QCOMPARE(map.erase(key), reference.erase(key) == 1);
        }
        QCOMPARE(map.size(), reference.size());
        const std::uint64_t probe = rng.uniformInt(0, 3000);
        const auto it = reference.find(probe);
        const std::uint32_t *found = map.find(probe);
        QCOMPARE(found != nullptr, it != reference.end());
        if (found)
            QCOMPARE(*found, it->second);
    }
    std::size_t visited = 0;
    map.forEach([&](std::uint64_t key, std::uint32_t value) {
        ++visited;
        QCOMPARE(reference.at(key), value);
    });
    QCOMPARE(visited, reference.size());
}

QTEST_APPLESS_MAIN(TestIdMap)
#include "tst_id_map.moc"
