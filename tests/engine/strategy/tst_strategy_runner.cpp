// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// StrategyRunner with real plugin libraries: parameters checked and passed, callbacks dispatched, a failing
// strategy stopped while another keeps trading, and a rebuilt plugin hot-reloaded with its parameters.
#include "strategy/strategy_runner.h"
#include "support/recording_services.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace meridian;
using namespace meridian::strategy;

namespace {

using meridian::testing::RecordingServices;

meridian_book_view bookWithBid(const meridian_level *bids)
{
    meridian_book_view book{};
    book.struct_size = sizeof book;
    book.instrument = 1;
    book.bids = bids;
    book.bid_count = 1;
    return book;
}

} // namespace

class TestStrategyRunner : public QObject
{
    Q_OBJECT
private slots:
    void runsInstancesWithTheirParameters();
    void refusesParametersOutOfRange();
    void aFailingStrategyIsStoppedWhileAnotherKeepsTrading();
    void hotReloadKeepsParametersAndRestarts();
    void aRefusedReloadLeavesInstancesFailedWithTheReason();
    void reconfigureKeepsTheIdAndRestarts();
    void reloadGetsTheNewBuildWhileAnotherHolderKeepsTheOld();
};

void TestStrategyRunner::runsInstancesWithTheirParameters()
{
    RecordingServices services;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(FIXTURE_CPP, R"({"size": 5})");
    QVERIFY2(id, id ? "" : id.error().message.c_str());
    QCOMPARE(runner.state(*id), InstanceState::Initialised);
    const meridian_level bid{1000, 3};
    runner.onBook(bookWithBid(&bid)); // not started: nothing happens
    QVERIFY(services.orders.empty());
    QVERIFY(runner.start(*id));
    runner.onBook(bookWithBid(&bid));
    QCOMPARE(services.orders.size(), std::size_t(1));
    QCOMPARE(services.orders[0].first, *id);
    QCOMPARE(services.orders[0].second.quantity, 5);
    QCOMPARE(runner.pluginOf(*id)->id, std::string("fixture_cpp"));
    QVERIFY(runner.stop(*id));
    QCOMPARE(runner.state(*id), InstanceState::Stopped);
    QVERIFY(runner.remove(*id));
    QCOMPARE(runner.state(*id), InstanceState::Invalid);
}

void TestStrategyRunner::refusesParametersOutOfRange()
{
    RecordingServices services;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(FIXTURE_CPP, R"({"size": 0})");
    QVERIFY(!id);
    QCOMPARE(id.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(id.error().message.find("parameter 'size' is 0; allowed from 1 to 1000") != std::string::npos,
             id.error().message.c_str());
}

void TestStrategyRunner::aFailingStrategyIsStoppedWhileAnotherKeepsTrading()
{
    RecordingServices services;
    StrategyRunner runner(services);
    const auto failing = runner.addInstance(FIXTURE_CPP, R"({"fail_on_book": true})");
    const auto healthy = runner.addInstance(FIXTURE_CPP, R"({"size": 2})");
    QVERIFY(failing && healthy);
    QVERIFY(runner.start(*failing));
    QVERIFY(runner.start(*healthy));
    const meridian_level bid{1000, 3};
    auto book = bookWithBid(&bid);
    book.sequence = 9;
    runner.onBook(book);
    runner.onBook(book);

    QCOMPARE(runner.state(*failing), InstanceState::Failed);
    QVERIFY2(runner.lastError(*failing).find("on_book failed") != std::string::npos,
             runner.lastError(*failing).c_str());
    QVERIFY(runner.lastError(*failing).find("asked to fail on book 9") != std::string::npos);
    QCOMPARE(runner.state(*healthy), InstanceState::Running);
    QCOMPARE(services.orders.size(), std::size_t(2)); // the healthy one traded on both books
    QVERIFY(!runner.start(*failing));
    bool logged = false;
    for (const auto &line : services.logs)
        logged = logged || line.find("Strategy stopped: fixture_cpp") != std::string::npos;
    QVERIFY(logged);
}

void TestStrategyRunner::hotReloadKeepsParametersAndRestarts()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("versioned.so")).toStdString();
    std::filesystem::copy_file(FIXTURE_VERSIONED_1, path);
    RecordingServices services;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(path, R"({"size": 9})");
    QVERIFY2(id, id ? "" : id.error().message.c_str());
    QVERIFY(runner.start(*id));
    meridian_trade trade{};
    trade.struct_size = sizeof trade;
    runner.onTrade(trade);
    runner.onTrade(trade);
    QCOMPARE((services.variables[{*id, "version"}]), 1.0);
    QCOMPARE((services.variables[{*id, "trades"}]), 2.0);
    QVERIFY(runner.changedPlugins().empty());

    // A new build replaces the file (as a linker does: a new file, not the old one rewritten).
    std::filesystem::remove(path);
    std::filesystem::copy_file(FIXTURE_VERSIONED_2, path);
    QCOMPARE(runner.changedPlugins(), std::vector<std::string>{path});
    const auto report = runner.reload(path);

    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QVERIFY2(report->find("version 1.0.0 -> 2.0.0") != std::string::npos, report->c_str());
    QVERIFY(report->find("Lost:") != std::string::npos);
    QCOMPARE(runner.state(*id), InstanceState::Running);
    QCOMPARE((services.variables[{*id, "version"}]), 2.0); // the new code runs
    QCOMPARE((services.variables[{*id, "size"}]), 9.0);    // with the same parameters
    runner.onTrade(trade);
    QCOMPARE((services.variables[{*id, "trades"}]), 1.0); // in-memory state started over, as reported
    QVERIFY(runner.changedPlugins().empty());
}

void TestStrategyRunner::reconfigureKeepsTheIdAndRestarts()
{
    RecordingServices services;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(FIXTURE_VERSIONED_1, R"({"size": 9})");
    const auto idle = runner.addInstance(FIXTURE_VERSIONED_1, R"({"size": 3})");
    QVERIFY(id && idle);
    QVERIFY(runner.start(*id));
    meridian_trade trade{};
    trade.struct_size = sizeof trade;
    runner.onTrade(trade);
    runner.onTrade(trade);
    QCOMPARE((services.variables[{*id, "trades"}]), 2.0);

    // Out of the schema's range: refused with the parameter named, and nothing changes.
    const auto refused = runner.reconfigure(*id, R"({"size": 500})");
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.find("size") != std::string::npos, refused.error().message.c_str());
    QCOMPARE(runner.state(*id), InstanceState::Running);
    QVERIFY(runner.parameters(*id).find("9") != std::string::npos);

    const auto changed = runner.reconfigure(*id, R"({"size": 4})");
    QVERIFY2(changed, changed ? "" : changed.error().message.c_str());
    QCOMPARE(runner.state(*id), InstanceState::Running); // it was running: it runs again
    QCOMPARE((services.variables[{*id, "size"}]), 4.0);
    runner.onTrade(trade);
    QCOMPARE((services.variables[{*id, "trades"}]), 1.0); // a new instance under the same id
    QVERIFY(runner.reconfigure(*idle, R"({"size": 5})"));
    QCOMPARE(runner.state(*idle), InstanceState::Initialised); // a stopped one stays stopped
    QCOMPARE(runner.instances(), (std::vector<InstanceId>{*id, *idle}));
    QCOMPARE(runner.pluginPath(*idle), std::string(FIXTURE_VERSIONED_1));
    QVERIFY(!runner.reconfigure(99, "{}"));
}

void TestStrategyRunner::reloadGetsTheNewBuildWhileAnotherHolderKeepsTheOld()
{
    // The workstation's plugin list keeps every plugin file open; dlopen of the same path would hand the
    // runner that old code back.
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("versioned.so")).toStdString();
    std::filesystem::copy_file(FIXTURE_VERSIONED_1, path);
    auto holder = PluginLibrary::load(path);
    QVERIFY(holder);
    RecordingServices services;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(path, R"({"size": 2})");
    QVERIFY(id && runner.start(*id));
    QCOMPARE((services.variables[{*id, "version"}]), 1.0);
    std::filesystem::remove(path);
    std::filesystem::copy_file(FIXTURE_VERSIONED_2, path);
    const auto report = runner.reload(path);
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QCOMPARE((services.variables[{*id, "version"}]), 2.0);
    QCOMPARE((*holder)->info().version, std::string("1.0.0")); // the holder's copy is untouched
    // The private copies are gone: the folder holds the plugin file alone.
    int files = 0;
    for ([[maybe_unused]] const auto &entry : std::filesystem::directory_iterator(dir.path().toStdString()))
        ++files;
    QCOMPARE(files, 1);
}

void TestStrategyRunner::aRefusedReloadLeavesInstancesFailedWithTheReason()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("versioned.so")).toStdString();
    std::filesystem::copy_file(FIXTURE_VERSIONED_1, path);
    RecordingServices services;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(path, R"({"size": 4})");
    QVERIFY(id);
    QVERIFY(runner.start(*id));

    std::filesystem::remove(path);
    std::filesystem::copy_file(FIXTURE_WRONG_ABI, path);
    QVERIFY(!runner.reload(path));
    QCOMPARE(runner.state(*id), InstanceState::Failed);
    QVERIFY2(runner.lastError(*id).find("built for plugin ABI 2.0") != std::string::npos,
             runner.lastError(*id).c_str());

    // A good build brings it back, running, with its parameters.
    std::filesystem::remove(path);
    std::filesystem::copy_file(FIXTURE_VERSIONED_2, path);
    QVERIFY(runner.reload(path));
    QCOMPARE(runner.state(*id), InstanceState::Running);
    QCOMPARE((services.variables[{*id, "size"}]), 4.0);
}

QTEST_APPLESS_MAIN(TestStrategyRunner)
#include "tst_strategy_runner.moc"
