// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Simulate tasks in a real SQLite database (in memory and on disk): the status life cycle, the stored
// result, recovery after a crash, and refusals that leave what is stored intact.
#include "sim/simulation_store.h"
#include "store/migrations.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace meridian;
using namespace meridian::sim;

namespace {

store::Database openDatabase(const std::string &path = "")
{
    auto db = path.empty() ? store::Database::openInMemory() : store::Database::open(path);
    if (!db || !db->migrate(store::schemaMigrations()))
        qFatal("cannot open a test database");
    return std::move(*db);
}

SimulationTask task(const char *id)
{
    SimulationTask t;
    t.taskId = id;
    t.symbol = "BTCUSDT";
    t.period = "1h";
    t.scenario = "normal";
    t.strategy = "fixed_spread_mm";
    t.strategyParams = R"({"order_size": 2})";
    t.seed = 7;
    t.createdAt = 100;
    return t;
}

SimulateResult result()
{
    SimulateResult r;
    r.slippage = -4.5e-5;
    r.fillProbability = 0.08;
    r.priceImpact = -5e-6;
    r.totalReturn = 0.0125;
    r.maxDrawdown = 0.02;
    r.sharpeRatio = 1.5;
    r.finalEquity = 10125;
    r.orderCount = 1000;
    r.tradeCount = 80;
    r.executionTimeS = 0.25;
    r.series.time = {1, 2};
    r.series.mid = {30000, 30001};
    r.series.spread = {1, 2};
    r.series.inventory = {0, 0.002};
    r.series.pnl = {0, 125};
    return r;
}

} // namespace

class TestSimulationStore : public QObject
{
    Q_OBJECT
private slots:
    void aTaskGoesFromPendingToCompleted();
    void failureAndRecoveryAfterACrash();
    void refusalsKeepWhatIsStored();
    void resultJsonHasEveryFigure();
};

void TestSimulationStore::aTaskGoesFromPendingToCompleted()
{
    store::Database db = openDatabase();
    QVERIFY(createTask(db, task("sim-1")));
    QCOMPARE(loadTask(db, "sim-1")->status, std::string("pending"));
    QVERIFY(markTaskRunning(db, "sim-1", 200));
    QCOMPARE(loadTask(db, "sim-1")->status, std::string("running"));
    QCOMPARE(*loadTask(db, "sim-1")->startedAt, 200);
    QVERIFY(completeTask(db, "sim-1", result(), 300));
    const auto t = loadTask(db, "sim-1");
    QCOMPARE(t->status, std::string("completed"));
    QCOMPARE(*t->completedAt, 300);
    QCOMPARE(t->strategyParams, std::string(R"({"order_size": 2})"));
    auto row = db.prepare("SELECT total_return, trade_count, json_extract(metrics, '$.series.pnl[1]'), "
                          "json_extract(metrics, '$.execution_time') FROM simulation_results WHERE task_id = 'sim-1'");
    QVERIFY(row && *row->step());
    QCOMPARE(row->columnDouble(0), 0.0125);
    QCOMPARE(row->columnInt64(1), 80);
    QCOMPARE(row->columnDouble(2), 125.0);
    QCOMPARE(row->columnDouble(3), 0.25);
}

void TestSimulationStore::failureAndRecoveryAfterACrash()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("meridian.db")).toStdString();
    {
        store::Database db = openDatabase(path);
        QVERIFY(createTask(db, task("sim-crashed")));
        QVERIFY(markTaskRunning(db, "sim-crashed", 200));
        QVERIFY(createTask(db, task("sim-bad")));
        QVERIFY(markTaskRunning(db, "sim-bad", 200));
        QVERIFY(failTask(db, "sim-bad", "unknown scenario 'meteor'", 250));
        QVERIFY(createTask(db, task("sim-done")));
        QVERIFY(markTaskRunning(db, "sim-done", 200));
        QVERIFY(completeTask(db, "sim-done", result(), 300));
    } // the process "dies" here with sim-crashed still running
    store::Database db = openDatabase(path);
    QCOMPARE(*failInterruptedTasks(db, 1000), 1);
    const auto crashed = loadTask(db, "sim-crashed");
    QCOMPARE(crashed->status, std::string("failed"));
    QVERIFY(crashed->error.find("interrupted") != std::string::npos);
    QCOMPARE(loadTask(db, "sim-bad")->error, std::string("unknown scenario 'meteor'"));
    QCOMPARE(loadTask(db, "sim-done")->status, std::string("completed"));
    QCOMPARE(*failInterruptedTasks(db, 1000), 0);
}

void TestSimulationStore::refusalsKeepWhatIsStored()
{
    store::Database db = openDatabase();
    QVERIFY(createTask(db, task("sim-1")));
    QVERIFY(!createTask(db, task("sim-1"))); // the same id twice
    SimulationTask broken = task("sim-2");
    broken.strategyParams = "{not json";
    QVERIFY(!createTask(db, broken));
    QVERIFY(!loadTask(db, "sim-2"));
    const auto missing = markTaskRunning(db, "sim-404", 1);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(missing.error().message.find("sim-404") != std::string::npos);
    // Completing a task that is not running changes nothing, and stores no result.
    QVERIFY(!completeTask(db, "sim-1", result(), 5));
    QCOMPARE(loadTask(db, "sim-1")->status, std::string("pending"));
    QCOMPARE(*db.queryInt64("SELECT count(*) FROM simulation_results"), std::optional<std::int64_t>(0));
}

void TestSimulationStore::resultJsonHasEveryFigure()
{
    const auto j = nlohmann::json::parse(resultJson("sim-1", result()));
    for (const char *key :
         {"simulation_id", "slippage", "fill_probability", "price_impact", "total_return", "max_drawdown",
          "sharpe_ratio", "execution_time", "series", "final_equity", "order_count", "trade_count"})
        QVERIFY2(j.contains(key), key);
    QCOMPARE(j["simulation_id"].get<std::string>(), std::string("sim-1"));
    QCOMPARE(j["series"]["pnl"][1].get<double>(), 125.0);
}

QTEST_APPLESS_MAIN(TestSimulationStore)
#include "tst_simulation_store.moc"
