// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The plugin ABI must look the same to a C and a C++ compiler, must not change by accident within a
// major version, and must let a reader skip fields that an older peer did not have.
#include "abi_layout.h"

#include <meridian/plugin.h>

#include <QtTest>

#include <cstring>
#include <map>
#include <string>
#include <utility>

namespace {

#define LAYOUT(type, field)                                                                                            \
    {                                                                                                                  \
#type "." #field,                                                                                              \
        {                                                                                                              \
            offsetof(type, field), sizeof(type)                                                                        \
        }                                                                                                              \
    }

// The layout of ABI 1.0 on LP64 (x86-64 and AArch64 Linux). Changing any line breaks every plugin built
// before: a new minor may only append fields, which adds lines and grows sizes of the last structs.
const std::map<std::string, std::pair<std::size_t, std::size_t>> kAbi10 = {
    {"meridian_string.size", {8, 16}},
    {"meridian_decimal.scale", {8, 16}},
    {"meridian_instrument_info.min_quantity", {104, 112}},
    {"meridian_level.quantity", {8, 16}},
    {"meridian_book_view.bid_count", {40, 48}},
    {"meridian_book_view.ask_count", {44, 48}},
    {"meridian_book_delta.last_sequence", {24, 56}},
    {"meridian_trade.aggressor", {40, 48}},
    {"meridian_bar.trade_count", {64, 72}},
    {"meridian_order_request.client_tag", {56, 64}},
    {"meridian_order_update.fee_currency", {88, 128}},
    {"meridian_order_update.reason", {112, 128}},
    {"meridian_position.unrealized_pnl", {32, 40}},
    {"meridian_balance.available", {32, 40}},
    {"meridian_signal.source", {56, 72}},
    {"meridian_host_api.find_instrument", {104, 112}},
    {"meridian_strategy_api.last_error", {96, 104}},
    {"meridian_account.time_ns", {16, 24}},
    {"meridian_adapter_events.log", {72, 80}},
    {"meridian_adapter_api.last_error", {104, 112}},
    {"meridian_plugin_descriptor.adapter", {120, 128}},
};

const std::map<std::string, std::pair<std::size_t, std::size_t>> kCxx = {
    LAYOUT(meridian_string, size),
    LAYOUT(meridian_decimal, scale),
    LAYOUT(meridian_instrument_info, min_quantity),
    LAYOUT(meridian_level, quantity),
    LAYOUT(meridian_book_view, bid_count),
    LAYOUT(meridian_book_view, ask_count),
    LAYOUT(meridian_book_delta, last_sequence),
    LAYOUT(meridian_trade, aggressor),
    LAYOUT(meridian_bar, trade_count),
    LAYOUT(meridian_order_request, client_tag),
    LAYOUT(meridian_order_update, fee_currency),
    LAYOUT(meridian_order_update, reason),
    LAYOUT(meridian_position, unrealized_pnl),
    LAYOUT(meridian_balance, available),
    LAYOUT(meridian_signal, source),
    LAYOUT(meridian_host_api, find_instrument),
    LAYOUT(meridian_strategy_api, last_error),
    LAYOUT(meridian_account, time_ns),
    LAYOUT(meridian_adapter_events, log),
    LAYOUT(meridian_adapter_api, last_error),
    LAYOUT(meridian_plugin_descriptor, adapter),
};

} // namespace

class TestPluginAbi : public QObject
{
    Q_OBJECT
private slots:
    void cAndCxxAgree();
    void layoutIsAbi10();
    void readerSkipsFieldsAnOlderPeerLacks();
};

void TestPluginAbi::cAndCxxAgree()
{
    std::size_t count = 0;
    const meridian_abi_layout_entry *c = meridian_abi_layout_c(&count);
    QCOMPARE(count, kCxx.size());
    for (std::size_t i = 0; i < count; ++i) {
        const auto it = kCxx.find(c[i].name);
        QVERIFY2(it != kCxx.end(), c[i].name);
        QCOMPARE(it->second.first, c[i].offset);
        QCOMPARE(it->second.second, c[i].struct_size);
    }
}

void TestPluginAbi::layoutIsAbi10()
{
    if (sizeof(void *) != 8)
        QSKIP("the pinned layout is that of LP64 platforms");
    QCOMPARE(MERIDIAN_PLUGIN_ABI_MAJOR, 1);
    for (const auto &[name, layout] : kAbi10) {
        const auto it = kCxx.find(name);
        QVERIFY2(it != kCxx.end(), name.c_str());
        if (it->second != layout)
            QFAIL(qPrintable(QStringLiteral("%1: offset %2 size %3, ABI 1.0 has offset %4 size %5")
                                 .arg(QString::fromStdString(name))
                                 .arg(it->second.first)
                                 .arg(it->second.second)
                                 .arg(layout.first)
                                 .arg(layout.second)));
    }
}

void TestPluginAbi::readerSkipsFieldsAnOlderPeerLacks()
{
    // A peer built before `reason` existed would have sent a shorter struct.
    meridian_order_update update;
    std::memset(&update, 0, sizeof update);
    update.struct_size = static_cast<uint32_t>(offsetof(meridian_order_update, reason_code));
    QVERIFY(MERIDIAN_HAS_FIELD(&update, meridian_order_update, liquidity));
    QVERIFY(!MERIDIAN_HAS_FIELD(&update, meridian_order_update, reason_code));
    QVERIFY(!MERIDIAN_HAS_FIELD(&update, meridian_order_update, reason));
    update.struct_size = sizeof update;
    QVERIFY(MERIDIAN_HAS_FIELD(&update, meridian_order_update, reason));
}

QTEST_APPLESS_MAIN(TestPluginAbi)
#include "tst_plugin_abi.moc"
