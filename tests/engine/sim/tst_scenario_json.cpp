// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Scenarios as JSON and users' saved scenarios in a real SQLite database.
#include "sim/scenario_json.h"
#include "store/migrations.h"

#include <QtTest>

using namespace meridian;
using namespace meridian::sim;

namespace {

store::Database openDatabase()
{
    auto db = store::Database::openInMemory();
    if (!db || !db->migrate(store::schemaMigrations()))
        qFatal("cannot open a test database");
    return std::move(*db);
}

} // namespace

class TestScenarioJson : public QObject
{
    Q_OBJECT
private slots:
    void everyPresetSurvivesARoundTrip();
    void aSavedScenarioChangesOnlyWhatItNames();
    void aCalibratedPopulationSurvivesARoundTrip();
    void badDefinitionsAreRefusedByName_data();
    void badDefinitionsAreRefusedByName();
    void savedScenariosLiveInTheDatabase();
};

void TestScenarioJson::everyPresetSurvivesARoundTrip()
{
    for (const std::string &name : scenarioNames()) {
        const Scenario preset = *presetScenario(name);
        const std::string json = scenarioToJson(preset);
        const auto back = scenarioFromJson(json);
        QVERIFY2(back, back ? "" : back.error().message.c_str());
        QCOMPARE(scenarioToJson(*back), json);
        QCOMPARE(back->population.marketMakerParameters.halfSpread, preset.population.marketMakerParameters.halfSpread);
        QCOMPARE(back->shockJump, preset.shockJump);
        QCOMPARE(back->population.noiseParameters.lifetimeNs, preset.population.noiseParameters.lifetimeNs);
    }
}

void TestScenarioJson::aSavedScenarioChangesOnlyWhatItNames()
{
    const auto s = scenarioFromJson(R"({"name": "thin_crash", "base": "black_swan",
        "zero_intelligence": {"limit_rate": 0.05}, "shock": {"jump": -0.5}, "latency": {"entry_ms": 20}})");
    QVERIFY2(s, s ? "" : s.error().message.c_str());
    const Scenario base = *presetScenario("black_swan");
    QCOMPARE(s->name, std::string("thin_crash"));
    QCOMPARE(s->population.zeroIntelligenceParameters.limitRate, 0.05);
    QCOMPARE(s->shockJump, -0.5);
    QCOMPARE(s->population.entry.fixedNs, std::int64_t(20'000'000));
    QCOMPARE(s->shockLiquidityDrop, base.shockLiquidityDrop);
    QCOMPARE(s->population.marketMakers, base.population.marketMakers);
    QCOMPARE(s->fundamental.sigma, base.fundamental.sigma);
}

void TestScenarioJson::aCalibratedPopulationSurvivesARoundTrip()
{
    // What calibration stores: distances in the instrument's own ticks and a placement profile.
    Scenario s = *presetScenario("normal");
    s.name = "calibrated";
    s.population.instrumentTicks = true;
    s.population.zeroIntelligenceParameters.offsetWeights = {0.5, 1.25, 0, 3};
    const auto back = scenarioFromJson(scenarioToJson(s));
    QVERIFY2(back, back ? "" : back.error().message.c_str());
    QVERIFY(back->population.instrumentTicks);
    QCOMPARE(back->population.zeroIntelligenceParameters.offsetWeights, (std::vector<double>{0.5, 1.25, 0, 3}));
    QCOMPARE(scenarioToJson(*back), scenarioToJson(s));
    QVERIFY(!presetScenario("normal")->population.instrumentTicks); // the presets scale to the price
}

void TestScenarioJson::badDefinitionsAreRefusedByName_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << "{oops"
                              << "not a JSON object";
    QTest::newRow("no name") << R"({"base": "normal"})"
                             << "needs a name";
    QTest::newRow("unknown base") << R"({"name": "x", "base": "meteor"})"
                                  << "unknown scenario 'meteor'";
    QTest::newRow("unknown group") << R"({"name": "x", "agents": {"n": 1}})"
                                   << "unknown parameter agents.n";
    QTest::newRow("typo") << R"({"name": "x", "market_maker": {"half_spred": 3}})"
                          << "unknown parameter market_maker.half_spred";
    QTest::newRow("wrong type") << R"({"name": "x", "noise": {"wake_rate": "fast"}})"
                                << "noise.wake_rate: expected a number";
    QTest::newRow("out of range") << R"({"name": "x", "shock": {"liquidity_drop": 3}})"
                                  << "shock.liquidity_drop: 3 is out of range";
    QTest::newRow("fraction for a count") << R"({"name": "x", "population": {"noise": 2.5}})"
                                          << "population.noise: expected a whole number";
    QTest::newRow("not a boolean") << R"({"name": "x", "market_maker": {"keep_quotes": 1}})"
                                   << "market_maker.keep_quotes: expected true or false";
    QTest::newRow("negative weight") << R"({"name": "x", "zero_intelligence": {"offset_weights": [1, -2]}})"
                                     << "every weight must be a number ≥ 0, not -2";
    QTest::newRow("no positive weight") << R"({"name": "x", "zero_intelligence": {"offset_weights": [0, 0]}})"
                                        << "at least one weight must be positive";
    QTest::newRow("windows") << R"({"name": "x", "momentum": {"short_window": 30, "long_window": 20}})"
                             << "momentum.short_window must be shorter";
}

void TestScenarioJson::badDefinitionsAreRefusedByName()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    const auto s = scenarioFromJson(json.toStdString());
    QVERIFY(!s);
    QVERIFY2(s.error().message.find(message.toStdString()) != std::string::npos, s.error().message.c_str());
}

void TestScenarioJson::savedScenariosLiveInTheDatabase()
{
    store::Database db = openDatabase();
    Scenario mine = *scenarioFromJson(R"({"name": "my-drought", "base": "liquidity_drought",
        "description": "Even thinner", "population": {"market_makers": 0}})");
    QVERIFY(saveScenario(db, mine, 1));
    mine.population.noise = 3;
    QVERIFY(saveScenario(db, mine, 2)); // replaces
    QCOMPARE(*savedScenarioNames(db), std::vector<std::string>{"my-drought"});
    const auto found = findScenario(db, "my-drought");
    QVERIFY(found);
    QCOMPARE(found->population.noise, std::size_t(3));
    QCOMPARE(found->population.marketMakers, std::size_t(0));
    QCOMPARE(found->description, std::string("Even thinner"));
    QCOMPARE(findScenario(db, "normal")->name, std::string("normal")); // presets come first

    Scenario preset = *presetScenario("normal");
    const auto clash = saveScenario(db, preset, 3);
    QVERIFY(!clash);
    QVERIFY(clash.error().message.find("is a preset's") != std::string::npos);
    preset.name = "bad name!";
    QVERIFY(!saveScenario(db, preset, 3));

    const auto missing = findScenario(db, "nope");
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.find("my-drought") != std::string::npos, missing.error().message.c_str());
    // A damaged row is reported as such, not taken for a scenario.
    QVERIFY(db.exec("UPDATE scenarios SET definition = '{\"name\": \"my-drought\", \"noise\": {\"x\": 1}}'"));
    const auto damaged = findScenario(db, "my-drought");
    QVERIFY(!damaged);
    QCOMPARE(damaged.error().code, ErrorCode::CorruptData);
    QVERIFY(deleteScenario(db, "my-drought"));
    QVERIFY(!deleteScenario(db, "my-drought"));
    QVERIFY(savedScenarioNames(db)->empty());
}

QTEST_APPLESS_MAIN(TestScenarioJson)
#include "tst_scenario_json.moc"
