// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The strategy manager on a real paper session (run on the test's thread, so each command lands at a known
// moment): instances added from the plugin list with parameters the editor checked, their live variables,
// stop (open orders cancelled) and start, new parameters, a hot reload from a new build with the session's
// report, and removal. Each check compares the dock with the session's own snapshot.
#include "bridge/paper_bridge.h"
#include "docks/strategy_dock.h"
#include "support/paper_config.h"
#include "widgets/parameter_editor.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace meridian;
using namespace meridian::ui;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

QString cell(QTableWidget *table, int row, int column)
{
    return table->item(row, column) ? table->item(row, column)->text() : QString();
}

int rowOf(QTableWidget *table, std::uint32_t id)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (cell(table, r, 0) == QString::number(id))
            return r;
    return -1;
}

} // namespace

class TestStrategyDock : public QObject
{
    Q_OBJECT
private slots:
    void managesInstancesOfTheSession();
    void reloadsARunningInstanceFromANewBuild();
};

void TestStrategyDock::managesInstancesOfTheSession()
{
    auto made = runtime::PaperSession::create(
        test::btcPaperConfig(ADAPTIVE_MM, R"({"sample_ms": 100, "refresh_ms": 200})", 11));
    QVERIFY(made);
    runtime::PaperSession &session = **made;
    QVERIFY(session.runFor(10 * kSecond));
    PaperBridge bridge;
    StrategyDock dock(bridge, {QFileInfo(QStringLiteral(ADAPTIVE_MM)).absolutePath()});
    dock.resize(900, 1200);
    dock.show();
    bridge.setSession(&session);
    const auto step = [&](std::int64_t ns) {
        QVERIFY(session.runFor(ns));
        bridge.drain();
    };
    auto *instances = dock.findChild<QTableWidget *>(QStringLiteral("strategies.instances"));
    auto *variables = dock.findChild<QTableWidget *>(QStringLiteral("strategies.variables"));
    auto *add = dock.findChild<QPushButton *>(QStringLiteral("strategies.add"));
    auto *start = dock.findChild<QPushButton *>(QStringLiteral("strategies.start"));
    auto *stop = dock.findChild<QPushButton *>(QStringLiteral("strategies.stop"));
    QVERIFY(instances && variables && add && start && stop);
    QCOMPARE(instances->rowCount(), 1);
    QCOMPARE(cell(instances, 0, 1), QStringLiteral("adaptive_mm"));
    QCOMPARE(cell(instances, 0, 3), QStringLiteral("▶ running"));

    // The running instance's live variables, as the session published them.
    const std::uint32_t first = bridge.snapshot().strategies.at(0).id;
    QVERIFY(dock.selectInstance(first));
    const auto &published = bridge.snapshot().strategies.at(0).variables;
    QVERIFY(!published.empty());
    QCOMPARE(variables->rowCount(), static_cast<int>(published.size()));
    QCOMPARE(cell(variables, 0, 0), QString::fromStdString(published.front().first));
    QVERIFY(stop->isEnabled() && !start->isEnabled());

    // A new instance: refused out of range (nothing reaches the session), then added.
    QVERIFY(dock.select(QStringLiteral("fixed_spread_mm")));
    QVERIFY(add->isEnabled());
    auto *levels = qobject_cast<QLineEdit *>(dock.editor()->field(QStringLiteral("levels")));
    QVERIFY(levels);
    levels->setText(QStringLiteral("500"));
    QVERIFY(!dock.addInstance());
    QVERIFY(dock.editor()->message().contains(QLatin1String("levels")));
    levels->setText(QStringLiteral("2"));
    qobject_cast<QLineEdit *>(dock.editor()->field(QStringLiteral("refresh_ms")))->setText(QStringLiteral("500"));
    step(kSecond);
    QCOMPARE(instances->rowCount(), 1);
    add->click();
    step(20 * kSecond);
    QCOMPARE(instances->rowCount(), 2);
    const runtime::PaperStrategy added = bridge.snapshot().strategies.at(1);
    QCOMPARE(added.name, std::string("fixed_spread_mm"));
    QCOMPARE(added.state, std::string("running"));
    QVERIFY(added.parameters.find("\"levels\":2") != std::string::npos);
    QVERIFY(added.ordersSent > 0);
    const int row = rowOf(instances, added.id);
    QCOMPARE(cell(instances, row, 3), QStringLiteral("▶ running"));
    QCOMPARE(cell(instances, row, 7), QString::number(added.openOrders));
    // A picture to look at: two instances, the first selected with its variables and parameters.
    QVERIFY(dock.selectInstance(first));
    QCoreApplication::processEvents(); // the layouts settle, as between two frames
    QDir().mkpath(QStringLiteral(MERIDIAN_SCREENSHOT_DIR));
    QVERIFY(dock.grab().save(QStringLiteral(MERIDIAN_SCREENSHOT_DIR "/strategy_manager.png")));

    // Its parameters in the editor; stopped (nothing left open), edited and started again.
    QVERIFY(dock.selectInstance(added.id));
    QCOMPARE(qobject_cast<QLineEdit *>(dock.editor()->field(QStringLiteral("levels")))->text(), QStringLiteral("2"));
    stop->click();
    step(5 * kSecond);
    QCOMPARE(cell(instances, row, 3), QStringLiteral("■ stopped"));
    QCOMPARE(cell(instances, row, 7), QStringLiteral("0"));
    QVERIFY(start->isEnabled() && !stop->isEnabled());
    auto *spread = qobject_cast<QLineEdit *>(dock.editor()->field(QStringLiteral("half_spread_ticks")));
    spread->setText(QStringLiteral("0"));
    QVERIFY(!dock.applyToInstance());
    QVERIFY(dock.editor()->message().contains(QLatin1String("half_spread_ticks")));
    spread->setText(QStringLiteral("6"));
    QVERIFY(dock.applyToInstance());
    start->click();
    step(10 * kSecond);
    const runtime::PaperStrategy *edited = nullptr;
    for (const auto &s : bridge.snapshot().strategies)
        if (s.id == added.id)
            edited = &s;
    QVERIFY(edited);
    QCOMPARE(edited->state, std::string("running"));
    QVERIFY(edited->parameters.find("\"half_spread_ticks\":6") != std::string::npos);
    QVERIFY(edited->ordersSent > added.ordersSent);

    // Removed: one row left, the first, still selected where it was.
    dock.findChild<QPushButton *>(QStringLiteral("strategies.remove"))->click();
    step(kSecond);
    QCOMPARE(instances->rowCount(), 1);
    QCOMPARE(bridge.snapshot().strategies.size(), std::size_t(1));
    QCOMPARE(cell(instances, 0, 1), QStringLiteral("adaptive_mm"));
    QVERIFY(dock.notice().isEmpty()); // nothing was refused
    bridge.setSession(nullptr);
}

void TestStrategyDock::reloadsARunningInstanceFromANewBuild()
{
    QTemporaryDir dir;
    const QString plugin = dir.filePath(QStringLiteral("versioned.so"));
    std::filesystem::copy_file(FIXTURE_VERSIONED_1, plugin.toStdString());
    auto made = runtime::PaperSession::create(test::btcPaperConfig({}, "{}", 3));
    QVERIFY(made);
    runtime::PaperSession &session = **made;
    PaperBridge bridge;
    StrategyDock dock(bridge, {dir.path()});
    bridge.setSession(&session);
    QVERIFY(dock.select(QStringLiteral("fixture_versioned")));
    qobject_cast<QLineEdit *>(dock.editor()->field(QStringLiteral("size")))->setText(QStringLiteral("8"));
    QVERIFY(dock.addInstance());
    QVERIFY(session.runFor(5 * kSecond));
    bridge.drain();
    auto *instances = dock.findChild<QTableWidget *>(QStringLiteral("strategies.instances"));
    QCOMPARE(instances->rowCount(), 1);
    QCOMPARE(cell(instances, 0, 2), QStringLiteral("1.0.0"));

    std::filesystem::remove(plugin.toStdString());
    std::filesystem::copy_file(FIXTURE_VERSIONED_2, plugin.toStdString());
    QVERIFY(dock.selectInstance(bridge.snapshot().strategies.at(0).id));
    dock.findChild<QPushButton *>(QStringLiteral("strategies.reload"))->click();
    QVERIFY(session.runFor(kSecond));
    bridge.drain();
    QCOMPARE(cell(instances, 0, 2), QStringLiteral("2.0.0"));
    QCOMPARE(cell(instances, 0, 3), QStringLiteral("▶ running"));
    QVERIFY2(dock.notice().contains(QLatin1String("version 1.0.0 -> 2.0.0")), qPrintable(dock.notice()));
    QVERIFY(dock.findChild<QLabel *>(QStringLiteral("strategies.notice"))->isVisibleTo(&dock));

    // A broken build: the session refuses it, and the dock says so and shows why on the row.
    std::filesystem::remove(plugin.toStdString());
    {
        QFile broken(plugin);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not a shared library");
    }
    dock.findChild<QPushButton *>(QStringLiteral("strategies.reload"))->click();
    QVERIFY(session.runFor(kSecond));
    bridge.drain();
    QVERIFY2(dock.notice().startsWith(QLatin1String("Refused: ")), qPrintable(dock.notice()));
    QCOMPARE(cell(instances, 0, 3), QStringLiteral("✕ failed"));
    QVERIFY(cell(instances, 0, 8).contains(QLatin1String("reload refused")));
    bridge.setSession(nullptr);
}

QTEST_MAIN(TestStrategyDock)
#include "tst_strategy_dock.moc"
