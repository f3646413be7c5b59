// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Loading real plugin libraries built by tests/plugins/fixtures: a good one, and broken ones that must
// each be refused with a message naming the file and the reason.
#include "strategy/plugin_registry.h"

#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace meridian;
using namespace meridian::strategy;

class TestPluginLibrary : public QObject
{
    Q_OBJECT
private slots:
    void loadsAGoodPlugin();
    void refusesBrokenPlugins_data();
    void refusesBrokenPlugins();
    void refusesAFileThatIsNotALibrary();
    void registryRefusesADuplicateId();
    void schemaErrorsNameTheParameter_data();
    void schemaErrorsNameTheParameter();
    void parametersAreValidatedAgainstTheSchema();
};

void TestPluginLibrary::loadsAGoodPlugin()
{
    auto plugin = PluginLibrary::load(FIXTURE_GOOD);
    QVERIFY2(plugin, plugin ? "" : plugin.error().message.c_str());
    const PluginInfo &info = (*plugin)->info();
    QCOMPARE(info.id, std::string("fixture_good"));
    QCOMPARE(info.kind, PluginKind::Strategy);
    QCOMPARE(info.version, std::string("1.0.0"));
    QCOMPARE(info.parameters.size(), std::size_t(5));
    QCOMPARE(info.parameters[0].name, std::string("spread_ticks"));
    QCOMPARE(info.parameters[0].type, ParameterType::Int);
    QCOMPARE(info.parameters[0].max, 100.0);
    QCOMPARE(info.parameters[3].values, (std::vector<std::string>{"finite", "infinite"}));
    QCOMPARE(info.variables.size(), std::size_t(1));
    QCOMPARE(info.variables[0].name, std::string("inventory"));
    // The function table is usable: create, start and destroy an instance.
    const meridian_strategy_api *api = (*plugin)->descriptor().strategy;
    meridian_instance *instance = nullptr;
    QCOMPARE(api->create(nullptr, nullptr, &instance), MERIDIAN_STATUS_OK);
    QCOMPARE(api->on_start(instance), MERIDIAN_STATUS_OK);
    api->destroy(instance);
}

void TestPluginLibrary::refusesBrokenPlugins_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::newRow("wrong ABI version") << QStringLiteral(FIXTURE_WRONG_ABI) << int(ErrorCode::Unsupported)
                                       << QStringLiteral("built for plugin ABI 2.0");
    QTest::newRow("no entry symbol") << QStringLiteral(FIXTURE_NO_ENTRY) << int(ErrorCode::InvalidArgument)
                                     << QStringLiteral("does not export meridian_plugin_entry");
    QTest::newRow("broken schema") << QStringLiteral(FIXTURE_BROKEN_SCHEMA) << int(ErrorCode::CorruptData)
                                   << QStringLiteral("'spread_ticks' is 500; allowed from 1 to 100");
    QTest::newRow("incomplete function table")
        << QStringLiteral(FIXTURE_NO_CREATE) << int(ErrorCode::CorruptData) << QStringLiteral("lacks create");
    QTest::newRow("missing file") << QStringLiteral("/nonexistent/plugin.so") << int(ErrorCode::NotFound)
                                  << QStringLiteral("no such file");
}

void TestPluginLibrary::refusesBrokenPlugins()
{
    QFETCH(QString, path);
    QFETCH(int, code);
    QFETCH(QString, reason);
    const auto plugin = PluginLibrary::load(path.toStdString());
    QVERIFY(!plugin);
    QCOMPARE(int(plugin.error().code), code);
    const QString message = QString::fromStdString(plugin.error().message);
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
}

void TestPluginLibrary::refusesAFileThatIsNotALibrary()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("garbage.so")).toStdString();
    std::ofstream(path) << "this is not an ELF file";
    const auto plugin = PluginLibrary::load(path);
    QVERIFY(!plugin);
    QVERIFY(plugin.error().message.find(path) != std::string::npos);
    QVERIFY(plugin.error().message.find("cannot be loaded") != std::string::npos);
}

void TestPluginLibrary::registryRefusesADuplicateId()
{
    QTemporaryDir first;
    QTemporaryDir second;
    namespace fs = std::filesystem;
    fs::copy_file(FIXTURE_GOOD, first.filePath(QStringLiteral("a_good.so")).toStdString());
    fs::copy_file(FIXTURE_WRONG_ABI, first.filePath(QStringLiteral("b_wrong_abi.so")).toStdString());
    fs::copy_file(FIXTURE_DUPLICATE, second.filePath(QStringLiteral("same_id.so")).toStdString());

    PluginRegistry registry;
    registry.discover({first.path().toStdString(), second.path().toStdString(), "/nonexistent"});

    QCOMPARE(registry.plugins().size(), std::size_t(1));
    QVERIFY(registry.find("fixture_good"));
    QCOMPARE(registry.refusals().size(), std::size_t(2));
    QVERIFY(registry.refusals()[0].reason.find("ABI") != std::string::npos);
    QVERIFY(registry.refusals()[1].reason.find("already taken by") != std::string::npos);
    QVERIFY(registry.refusals()[1].reason.find("a_good.so") != std::string::npos);
}

void TestPluginLibrary::schemaErrorsNameTheParameter_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << "[{"
                              << "not valid JSON";
    QTest::newRow("not an array") << R"({"name": "x"})"
                                  << "must be a JSON array";
    QTest::newRow("unknown type") << R"([{"name": "x", "type": "decimal", "default": 1}])"
                                  << "'x' has no valid type";
    QTest::newRow("no default") << R"([{"name": "x", "type": "int"}])"
                                << "'x' has no default";
    QTest::newRow("min above max") << R"([{"name": "x", "type": "float", "default": 1, "min": 5, "max": 2}])"
                                   << "min 5 is above max 2";
    QTest::newRow("enum without values") << R"([{"name": "m", "type": "enum", "default": "a"}])"
                                         << "'m': an enum needs";
    QTest::newRow("enum default not a value")
        << R"([{"name": "m", "type": "enum", "values": ["a", "b"], "default": "c"}])"
        << "allowed a, b";
    QTest::newRow("declared twice") << R"([{"name": "x", "type": "bool", "default": true},
                                          {"name": "x", "type": "bool", "default": false}])"
                                    << "'x' is declared twice";
    QTest::newRow("bad name") << R"([{"name": "Spread Ticks", "type": "int", "default": 1}])"
                              << "parameter 1 needs a name";
}

void TestPluginLibrary::schemaErrorsNameTheParameter()
{
    QFETCH(QString, schema);
    QFETCH(QString, reason);
    const auto parsed = parseParameterSchema(schema.toStdString());
    QVERIFY(!parsed);
    QVERIFY2(QString::fromStdString(parsed.error().message).contains(reason), parsed.error().message.c_str());
}

void TestPluginLibrary::parametersAreValidatedAgainstTheSchema()
{
    auto plugin = PluginLibrary::load(FIXTURE_GOOD);
    QVERIFY(plugin);
    const auto &schema = (*plugin)->info().parameters;

    const auto filled = validateParameters(schema, R"({"spread_ticks": 7})");
    QVERIFY2(filled, filled ? "" : filled.error().message.c_str());
    QCOMPARE(QString::fromStdString(*filled),
             QStringLiteral(R"({"enabled":true,"gamma":0.1,"label":"","mode":"finite","spread_ticks":7})"));

    const auto check = [&](const char *json, const char *expected) {
        const auto result = validateParameters(schema, json);
        QVERIFY2(!result, json);
        QVERIFY2(result.error().message.find(expected) != std::string::npos, result.error().message.c_str());
    };
    check(R"({"spread_ticks": 0})", "parameter 'spread_ticks' is 0; allowed from 1 to 100");
    check(R"({"spread_ticks": 2.5})", "parameter 'spread_ticks' must be an integer");
    check(R"({"gamma": "high"})", "parameter 'gamma' must be a number");
    check(R"({"mode": "fast"})", "parameter 'mode' is \"fast\"; allowed finite, infinite");
    check(R"({"enabled": 1})", "parameter 'enabled' must be true or false");
    check(R"({"spred_ticks": 3})",
          "unknown parameter 'spred_ticks' (declared: spread_ticks, gamma, enabled, mode, label)");
    check(R"([1, 2])", "parameters must be a JSON object");
}

QTEST_APPLESS_MAIN(TestPluginLibrary)
#include "tst_plugin_library.moc"
