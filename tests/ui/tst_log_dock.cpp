// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "bridge/log_buffer.h"
#include "docks/log_dock.h"

#include <QAbstractItemView>
#include <QLineEdit>
#include <QtTest>

#include <thread>

#include <spdlog/spdlog.h>

using meridian::ui::LogBuffer;
using meridian::ui::LogDock;
using meridian::ui::LogEntry;

class TestLogDock : public QObject
{
    Q_OBJECT
private slots:
    void bufferCollectsFromManyThreadsAndCountsDrops();
    void dockDrainsInBatchesAndCapsRows();
    void filtersByLevelAndText();
};

void TestLogDock::bufferCollectsFromManyThreadsAndCountsDrops()
{
    auto buffer = std::make_shared<LogBuffer>(1000);
    spdlog::logger logger("test.buffer", buffer);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&logger, t] {
            for (int i = 0; i < 500; ++i)
                logger.info("thread {} line {}", t, i);
        });
    for (auto &thread : threads)
        thread.join();

    std::vector<LogEntry> entries;
    const std::size_t dropped = buffer->take(entries);

    QCOMPARE(entries.size(), std::size_t(1000));
    QCOMPARE(dropped, std::size_t(1000));
    QCOMPARE(entries.front().area, std::string("test.buffer"));
    QCOMPARE(entries.front().level, int(spdlog::level::info));
    entries.clear();
    QCOMPARE(buffer->take(entries), std::size_t(0));
    QVERIFY(entries.empty());
}

void TestLogDock::dockDrainsInBatchesAndCapsRows()
{
    auto buffer = std::make_shared<LogBuffer>(50000);
    spdlog::logger logger("test.dock", buffer);
    LogDock dock(buffer);
    for (int i = 0; i < 25000; ++i)
        logger.warn("burst line {}", i);

    dock.drain();

    // The view keeps the newest 10,000 lines.
    QCOMPARE(dock.model()->rowCount(), 10000);
    QCOMPARE(dock.model()->index(9999, meridian::ui::LogModel::MessageColumn).data().toString(),
             QStringLiteral("burst line 24999"));
    dock.drain();
    QCOMPARE(dock.model()->rowCount(), 10000);
}

void TestLogDock::filtersByLevelAndText()
{
    auto buffer = std::make_shared<LogBuffer>();
    spdlog::logger logger("test.filter", buffer);
    logger.set_level(spdlog::level::debug);
    LogDock dock(buffer);
    logger.debug("hidden by default");
    logger.info("order accepted id=1");
    logger.error("order rejected id=2");
    dock.drain();
    auto *view = dock.findChild<QAbstractItemView *>();
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 2); // Info and above
    auto *search = dock.findChild<QLineEdit *>(QStringLiteral("textFilter"));
    QVERIFY(search);
    search->setText(QStringLiteral("REJECTED"));
    QCOMPARE(view->model()->rowCount(), 1);
}

QTEST_MAIN(TestLogDock)
#include "tst_log_dock.moc"
