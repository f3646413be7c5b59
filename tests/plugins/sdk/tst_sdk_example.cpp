// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The out-of-tree example, built against an installed SDK by the sdk_example_build test, loads and runs.
#include "strategy/plugin_library.h"

#include <QtTest>

using namespace meridian;

class TestSdkExample : public QObject
{
    Q_OBJECT
private slots:
    void exampleLoadsAndPublishesSignals();
};

void TestSdkExample::exampleLoadsAndPublishesSignals()
{
    auto plugin = strategy::PluginLibrary::load(EXAMPLE_PLUGIN);
    QVERIFY2(plugin, plugin ? "" : plugin.error().message.c_str());
    const auto &info = (*plugin)->info();
    QCOMPARE(info.id, std::string("spread_watch"));
    QCOMPARE(info.parameters.size(), std::size_t(2));
    const auto params = strategy::validateParameters(info.parameters, R"({"wide_spread_ticks": 3})");
    QVERIFY(params);

    static int signalCount = 0;
    static int lastDirection = 0;
    meridian_host_api host{};
    host.struct_size = sizeof host;
    host.publish_signal = [](meridian_host_context *, const meridian_signal *s) {
        ++signalCount;
        lastDirection = s->direction;
        return MERIDIAN_STATUS_OK;
    };
    host.publish_variable = [](meridian_host_context *, meridian_string, double) { return MERIDIAN_STATUS_OK; };
    host.now_ns = [](meridian_host_context *) { return int64_t(7); };

    const meridian_strategy_api *api = (*plugin)->descriptor().strategy;
    meridian_instance *instance = nullptr;
    QCOMPARE(api->create(&host, nullptr, &instance), MERIDIAN_STATUS_OK);
    QCOMPARE(api->on_init(instance, meridian_string{params->data(), params->size()}), MERIDIAN_STATUS_OK);
    const meridian_level bids[] = {{100, 9}};
    const meridian_level narrowAsks[] = {{102, 1}};
    const meridian_level wideAsks[] = {{104, 1}};
    meridian_book_view book{};
    book.struct_size = sizeof book;
    book.bids = bids;
    book.bid_count = 1;
    book.asks = narrowAsks;
    book.ask_count = 1;
    QCOMPARE(api->on_book(instance, &book), MERIDIAN_STATUS_OK);
    QCOMPARE(signalCount, 0);
    book.asks = wideAsks;
    QCOMPARE(api->on_book(instance, &book), MERIDIAN_STATUS_OK);
    QCOMPARE(signalCount, 1);
    QCOMPARE(lastDirection, 1); // more size on the bid
    api->destroy(instance);
}

QTEST_APPLESS_MAIN(TestSdkExample)
#include "tst_sdk_example.moc"
