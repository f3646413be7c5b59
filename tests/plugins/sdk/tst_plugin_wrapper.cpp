// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// A plugin written with plugin.hpp, loaded as a real library and driven through the C ABI by a host that
// records what the strategy asks of it.
#include "strategy/plugin_library.h"

#include <meridian/plugin.hpp>

#include <QtTest>

using namespace meridian;

namespace {

struct RecordingHost
{
    std::vector<meridian_order_request> orders;
    std::vector<std::pair<std::string, double>> variables;
    std::vector<std::string> logs;
    std::uint64_t nextId = 100;
};

RecordingHost &self(meridian_host_context *context)
{
    return *reinterpret_cast<RecordingHost *>(context);
}

meridian_host_api recordingApi()
{
    meridian_host_api api{};
    api.struct_size = sizeof api;
    api.abi_major = MERIDIAN_PLUGIN_ABI_MAJOR;
    api.abi_minor = MERIDIAN_PLUGIN_ABI_MINOR;
    api.place_order = [](meridian_host_context *c, const meridian_order_request *r, uint64_t *id) {
        self(c).orders.push_back(*r);
        *id = self(c).nextId++;
        return MERIDIAN_STATUS_OK;
    };
    api.cancel_order = [](meridian_host_context *, uint64_t) { return MERIDIAN_STATUS_NOT_FOUND; };
    api.modify_order = [](meridian_host_context *, uint64_t, int64_t, int64_t) { return MERIDIAN_STATUS_NOT_FOUND; };
    api.publish_signal = [](meridian_host_context *, const meridian_signal *) { return MERIDIAN_STATUS_OK; };
    api.get_position = [](meridian_host_context *, meridian_instrument_id, meridian_position *) {
        return MERIDIAN_STATUS_OK;
    };
    api.get_balance = [](meridian_host_context *, meridian_string, meridian_balance *) { return MERIDIAN_STATUS_OK; };
    api.set_timer = [](meridian_host_context *, uint64_t, int64_t, uint8_t) { return MERIDIAN_STATUS_OK; };
    api.cancel_timer = [](meridian_host_context *, uint64_t) { return MERIDIAN_STATUS_OK; };
    api.log = [](meridian_host_context *c, meridian_log_level, meridian_string m) {
        self(c).logs.emplace_back(m.data, m.size);
    };
    api.publish_variable = [](meridian_host_context *c, meridian_string name, double value) {
        self(c).variables.emplace_back(std::string(name.data, name.size), value);
        return MERIDIAN_STATUS_OK;
    };
    api.now_ns = [](meridian_host_context *) { return int64_t(0); };
    api.get_instrument = [](meridian_host_context *, meridian_instrument_id, meridian_instrument_info *) {
        return MERIDIAN_STATUS_NOT_FOUND;
    };
    api.find_instrument = [](meridian_host_context *, meridian_string, meridian_instrument_id *) {
        return MERIDIAN_STATUS_NOT_FOUND;
    };
    return api;
}

// Creates an instance of the fixture with parameters (checked and completed against its schema).
meridian_instance *createWith(const strategy::PluginLibrary &plugin, const meridian_host_api &host,
                              RecordingHost &recorder, const char *parametersJson)
{
    const auto params = strategy::validateParameters(plugin.info().parameters, parametersJson);
    if (!params)
        return nullptr;
    const meridian_strategy_api *api = plugin.descriptor().strategy;
    meridian_instance *instance = nullptr;
    if (api->create(&host, reinterpret_cast<meridian_host_context *>(&recorder), &instance) != MERIDIAN_STATUS_OK ||
        api->on_init(instance, meridian_string{params->data(), params->size()}) != MERIDIAN_STATUS_OK)
        return nullptr;
    return instance;
}

std::string lastError(const meridian_strategy_api *api, meridian_instance *instance)
{
    const meridian_string e = api->last_error(instance);
    return std::string(e.data ? e.data : "", e.size);
}

} // namespace

class TestPluginWrapper : public QObject
{
    Q_OBJECT
private slots:
    void schemaAndVariablesComeFromTheClass();
    void callbacksReachTheStrategyAndItReachesTheHost();
    void anExceptionBecomesAnErrorWithItsMessage();
    void parametersParseEscapesAndRejectWrongTypes();
};

void TestPluginWrapper::schemaAndVariablesComeFromTheClass()
{
    auto plugin = strategy::PluginLibrary::load(FIXTURE_CPP);
    QVERIFY2(plugin, plugin ? "" : plugin.error().message.c_str());
    const auto &info = (*plugin)->info();
    QCOMPARE(info.id, std::string("fixture_cpp"));
    QCOMPARE(info.version, std::string("2.1.0"));
    QCOMPARE(info.parameters.size(), std::size_t(4));
    QCOMPARE(info.parameters[0].name, std::string("size"));
    QCOMPARE(info.parameters[0].max, 1000.0);
    QCOMPARE(info.parameters[2].values, (std::vector<std::string>{"buy", "sell"}));
    QCOMPARE(info.parameters[3].defaultJson, std::string(R"("quote \"me\"")"));
    QCOMPARE(info.variables.size(), std::size_t(1));
}

void TestPluginWrapper::callbacksReachTheStrategyAndItReachesTheHost()
{
    auto plugin = strategy::PluginLibrary::load(FIXTURE_CPP);
    QVERIFY(plugin);
    const meridian_strategy_api *api = (*plugin)->descriptor().strategy;
    RecordingHost recorder;
    const meridian_host_api host = recordingApi();
    meridian_instance *instance = createWith(**plugin, host, recorder, R"({"size": 7})");
    QVERIFY(instance);
    QCOMPARE(api->on_start(instance), MERIDIAN_STATUS_OK);

    const meridian_level bids[] = {{1000, 5}, {999, 3}};
    meridian_book_view book{};
    book.struct_size = sizeof book;
    book.instrument = 3;
    book.bids = bids;
    book.bid_count = 2;
    QCOMPARE(api->on_book(instance, &book), MERIDIAN_STATUS_OK);

    QCOMPARE(recorder.orders.size(), std::size_t(1));
    QCOMPARE(recorder.orders[0].instrument, 3u);
    QCOMPARE(recorder.orders[0].price, 1000);
    QCOMPARE(recorder.orders[0].quantity, 7);
    QCOMPARE(recorder.orders[0].side, MERIDIAN_SIDE_BUY);
    QCOMPARE(recorder.variables.back(), std::make_pair(std::string("books"), 1.0));
    QCOMPARE(recorder.logs.front(), std::string("initialised with note quote \"me\""));
    api->destroy(instance);
}

void TestPluginWrapper::anExceptionBecomesAnErrorWithItsMessage()
{
    auto plugin = strategy::PluginLibrary::load(FIXTURE_CPP);
    QVERIFY(plugin);
    const meridian_strategy_api *api = (*plugin)->descriptor().strategy;
    RecordingHost recorder;
    const meridian_host_api host = recordingApi();
    meridian_instance *instance = createWith(**plugin, host, recorder, R"({"fail_on_book": true})");
    QVERIFY(instance);
    meridian_book_view book{};
    book.struct_size = sizeof book;
    book.sequence = 42;
    QCOMPARE(api->on_book(instance, &book), MERIDIAN_STATUS_ERROR);
    QCOMPARE(lastError(api, instance), std::string("asked to fail on book 42"));
    // A parameter set that lacks what onInit reads is an error too, not a crash.
    QCOMPARE(api->on_init(instance, meridian_string{"{}", 2}), MERIDIAN_STATUS_ERROR);
    QCOMPARE(lastError(api, instance), std::string("parameter 'size' is not set"));
    QCOMPARE(api->on_init(instance, meridian_string{"not json", 8}), MERIDIAN_STATUS_ERROR);
    api->destroy(instance);
}

void TestPluginWrapper::parametersParseEscapesAndRejectWrongTypes()
{
    const sdk::Parameters p(R"({"a": -12, "b": 2.5e1, "c": false, "d": "x\"y\\z\n", "e": 3})");
    QCOMPARE(p.getInt("a"), std::int64_t(-12));
    QCOMPARE(p.getFloat("b"), 25.0);
    QCOMPARE(p.getFloat("e"), 3.0);
    QCOMPARE(p.getBool("c"), false);
    QCOMPARE(p.getString("d"), std::string("x\"y\\z\n"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.getInt("b"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.getString("a"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sdk::Parameters(R"({"a": [1]})"));
}

QTEST_APPLESS_MAIN(TestPluginWrapper)
#include "tst_plugin_wrapper.moc"
