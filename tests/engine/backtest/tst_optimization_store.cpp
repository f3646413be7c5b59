// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Storing a parameter search and its evaluations in a real SQLite database.
#include "backtest/optimization_store.h"
#include "store/migrations.h"

#include <QtTest>

#include <cmath>

using namespace meridian;
using namespace meridian::backtest;

class TestOptimizationStore : public QObject
{
    Q_OBJECT
private slots:
    void aSearchIsStoredWhole();
};

void TestOptimizationStore::aSearchIsStoredWhole()
{
    auto db = store::Database::openInMemory();
    QVERIFY(db && db->migrate(store::schemaMigrations()));
    OptimizeConfig config;
    config.method = OptimizeConfig::Method::Genetic;
    config.objectives = {{"sharpe_ratio", true}, {"max_drawdown", true}}; // drawdown is minimised regardless
    config.seed = 9;
    OptimizeResult result;
    Evaluation good;
    good.parametersJson = R"({"fast_period":5})";
    good.objectives = {1.2, 0.1};
    Evaluation failed;
    failed.parametersJson = R"({"fast_period":6})";
    failed.objectives = {std::nan(""), std::nan("")};
    failed.error = "the account was ruined";
    failed.rank = 1;
    result.evaluations = {good, failed};
    const std::vector<ParameterRange> ranges = {{"fast_period", 5, 6, 1, true, {}},
                                                {"ma_type", 0, 0, 1, true, {"sma", "ema"}}};
    const auto id = saveOptimization(*db, {"ma_cross", "BTCUSDT", "1h", "{}", 1, 2}, ranges, config, result, 42);
    QVERIFY2(id, id ? "" : id.error().message.c_str());
    auto run = db->prepare("SELECT method, seed, evaluations, json_extract(objectives, '$[1].maximize'), "
                           "json_extract(ranges, '$[1].choices[1]') FROM optimization_runs WHERE run_id = ?");
    QVERIFY(run && run->bind(1, *id) && *run->step());
    QCOMPARE(run->columnText(0), std::string("genetic"));
    QCOMPARE(run->columnInt64(1), 9);
    QCOMPARE(run->columnInt64(2), 2);
    QCOMPARE(run->columnInt64(3), 0);
    QCOMPARE(run->columnText(4), std::string("ema"));
    auto rows = db->prepare("SELECT params, json_extract(objectives, '$[0]'), rank, error FROM optimization_results "
                            "WHERE run_id = ? ORDER BY position");
    QVERIFY(rows && rows->bind(1, *id) && *rows->step());
    QCOMPARE(rows->columnText(0), std::string(R"({"fast_period":5})"));
    QCOMPARE(rows->columnDouble(1), 1.2);
    QVERIFY(rows->isNull(3));
    QVERIFY(*rows->step());
    QVERIFY(rows->isNull(1)); // an undefined objective is stored as null
    QCOMPARE(rows->columnInt64(2), 1);
    QCOMPARE(rows->columnText(3), std::string("the account was ruined"));
}

QTEST_APPLESS_MAIN(TestOptimizationStore)
#include "tst_optimization_store.moc"
