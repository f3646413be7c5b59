// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// AdapterHost with a real adapter plugin (the loopback fixture) that reports from threads of its own.
#include "strategy/adapter_host.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace meridian;
using namespace meridian::strategy;

namespace {

struct Recorder final : AdapterEventSink
{
    std::vector<meridian_connection_status> connections;
    std::vector<std::string> connectionMessages;
    std::vector<std::pair<std::int64_t, std::int64_t>> bids; // of the last book
    std::size_t books = 0, trades = 0;
    std::vector<meridian_order_update> updates;
    std::vector<std::string> reasons, feeCurrencies;
    std::vector<std::pair<std::string, std::int64_t>> balances;

    void onConnection(meridian_connection_status status, const std::string &message) override
    {
        connections.push_back(status);
        connectionMessages.push_back(message);
    }
    void onBookSnapshot(const meridian_book_view &b) override
    {
        ++books;
        bids.clear();
        for (std::uint32_t i = 0; i < b.bid_count; ++i)
            bids.emplace_back(b.bids[i].price, b.bids[i].quantity);
    }
    void onTrade(const meridian_trade &) override { ++trades; }
    void onOrderUpdate(const meridian_order_update &u) override
    {
        updates.push_back(u);
        reasons.emplace_back(u.reason.data, u.reason.size);
        feeCurrencies.emplace_back(u.fee_currency.data, u.fee_currency.size);
    }
    void onAccount(const meridian_account &a) override
    {
        for (std::uint32_t i = 0; i < a.balance_count; ++i)
            balances.emplace_back(std::string(a.balances[i].currency.data, a.balances[i].currency.size),
                                  a.balances[i].total);
    }
};

/// Drains until done() or two seconds have passed.
template <class Done>
bool drainUntil(AdapterHost &host, Recorder &recorder, Done done)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!done()) {
        host.drain(recorder);
        if (done())
            return true;
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

meridian_order_request order(std::int64_t price, std::int64_t quantity, meridian_time_in_force tif)
{
    meridian_order_request r{};
    r.struct_size = sizeof r;
    r.instrument = 7;
    r.side = MERIDIAN_SIDE_BUY;
    r.type = MERIDIAN_ORDER_LIMIT;
    r.time_in_force = tif;
    r.price = price;
    r.quantity = quantity;
    r.client_tag = 99;
    return r;
}

meridian_instrument_info instrument()
{
    meridian_instrument_info info{};
    info.struct_size = sizeof info;
    info.id = 7;
    return info;
}

} // namespace

class TestAdapterHost : public QObject
{
    Q_OBJECT
private slots:
    void connectsAndReportsFromItsOwnThread();
    void ordersComeBackInOrderWithTheirText();
    void refusalsNameTheAdapterAndTheReason();
    void eventsFromManyThreadsAllArrive();
    void aStrategyIsNotAnAdapter();
};

void TestAdapterHost::connectsAndReportsFromItsOwnThread()
{
    auto host = AdapterHost::load(FIXTURE_ADAPTER);
    QVERIFY2(host, host ? "" : host.error().message.c_str());
    QCOMPARE((*host)->info().id, std::string("fixture_loopback"));
    std::atomic<int> wakeups{0};
    std::atomic<bool> wokenElsewhere{false};
    const auto self = std::this_thread::get_id();
    (*host)->setWakeup([&] {
        ++wakeups;
        if (std::this_thread::get_id() != self)
            wokenElsewhere = true;
    });
    QVERIFY((*host)->connect("{}"));
    Recorder r;
    QVERIFY(drainUntil(**host, r, [&] { return r.connections.size() == 2; }));
    QCOMPARE(r.connections,
             (std::vector<meridian_connection_status>{MERIDIAN_CONNECTION_CONNECTING, MERIDIAN_CONNECTION_CONNECTED}));
    QCOMPARE(r.connectionMessages[1], std::string("connected to loopback"));
    QVERIFY((*host)->subscribe(instrument(), MERIDIAN_CHANNEL_BOOK | MERIDIAN_CHANNEL_TRADES));
    QVERIFY(drainUntil(**host, r, [&] { return r.trades == 3; }));
    QCOMPARE(r.books, std::size_t(1));
    QCOMPARE(r.bids, (std::vector<std::pair<std::int64_t, std::int64_t>>{{1000, 5}, {999, 7}}));
    QVERIFY(wakeups > 0);
    QVERIFY(wokenElsewhere); // the adapter reported from its own thread
    QVERIFY((*host)->disconnect());
    QVERIFY(drainUntil(**host, r, [&] { return r.connections.size() == 3; }));
    QCOMPARE(r.connections.back(), MERIDIAN_CONNECTION_DISCONNECTED);
}

void TestAdapterHost::ordersComeBackInOrderWithTheirText()
{
    auto host = AdapterHost::load(FIXTURE_ADAPTER);
    QVERIFY(host);
    QVERIFY((*host)->connect(R"({"heartbeat_ms": 5})"));
    QVERIFY((*host)->placeOrder(41, order(1001, 3, MERIDIAN_TIF_IOC)));
    QVERIFY((*host)->placeOrder(42, order(990, 2, MERIDIAN_TIF_GTC)));
    QVERIFY((*host)->cancelOrder(42));
    QVERIFY((*host)->cancelOrder(43));
    QVERIFY((*host)->queryAccount());
    Recorder r;
    QVERIFY(drainUntil(**host, r, [&] { return r.updates.size() == 5 && r.balances.size() == 2; }));
    QCOMPARE(r.updates[0].order_id, 41u);
    QCOMPARE(r.updates[0].status, MERIDIAN_ORDER_ACCEPTED);
    QCOMPARE(r.updates[0].client_tag, 99u);
    QCOMPARE(r.updates[1].status, MERIDIAN_ORDER_FILLED);
    QCOMPARE(r.updates[1].fill_price, 1001);
    QCOMPARE(r.updates[1].fill_quantity, 3);
    QCOMPARE(r.feeCurrencies[1], std::string("USDT")); // copied before the adapter's string died
    QCOMPARE(r.updates[2].status, MERIDIAN_ORDER_ACCEPTED);
    QCOMPARE(r.updates[3].status, MERIDIAN_ORDER_CANCELLED);
    QCOMPARE(r.reasons[3], std::string("cancelled by request"));
    QCOMPARE(r.updates[4].status, MERIDIAN_ORDER_REJECTED);
    QCOMPARE(r.reasons[4], std::string("unknown order"));
    QCOMPARE(r.balances,
             (std::vector<std::pair<std::string, std::int64_t>>{{"USDT", 100'000'000'000}, {"BTC", 50'000'000}}));
    // Destroyed while connected: the plugin joins its thread; nothing is left running.
}

void TestAdapterHost::refusalsNameTheAdapterAndTheReason()
{
    auto host = AdapterHost::load(FIXTURE_ADAPTER);
    QVERIFY(host);
    const auto badConfig = (*host)->connect(R"({"heartbeat_ms": 0})");
    QVERIFY(!badConfig);
    QCOMPARE(badConfig.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(badConfig.error().message.find("heartbeat_ms") != std::string::npos, badConfig.error().message.c_str());
    const auto unknown = (*host)->connect(R"({"port": 1})");
    QVERIFY(!unknown);
    QVERIFY(unknown.error().message.find("port") != std::string::npos);

    const auto refused = (*host)->connect(R"({"fail_connect": true, "endpoint": "wss://example.invalid"})");
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::ExternalFailure);
    QVERIFY2(refused.error().message.find("fixture_loopback") != std::string::npos &&
                 refused.error().message.find("cannot reach wss://example.invalid") != std::string::npos,
             refused.error().message.c_str());

    QVERIFY((*host)->connect("{}"));
    const auto thrown = (*host)->placeOrder(1, order(1000, 0, MERIDIAN_TIF_IOC));
    QVERIFY(!thrown);
    QVERIFY2(thrown.error().message.find("quantity must be positive, not 0") != std::string::npos,
             thrown.error().message.c_str());
    const auto unsupported = (*host)->queryPositions();
    QVERIFY(!unsupported);
    QCOMPARE(unsupported.error().code, ErrorCode::Unsupported);
    QVERIFY(unsupported.error().message.find("does not report positions") != std::string::npos);
    QCOMPARE((*host)->modifyOrder(1, 1000, 1).error().code, ErrorCode::Unsupported);
    // After all that the adapter still works.
    QVERIFY((*host)->placeOrder(2, order(1000, 1, MERIDIAN_TIF_IOC)));
    Recorder r;
    QVERIFY(drainUntil(**host, r, [&] { return r.updates.size() == 2; }));
}

void TestAdapterHost::eventsFromManyThreadsAllArrive()
{
    auto host = AdapterHost::load(FIXTURE_ADAPTER);
    QVERIFY(host);
    QVERIFY((*host)->connect(R"({"flood_threads": 4})"));
    QVERIFY((*host)->subscribe(instrument(), MERIDIAN_CHANNEL_TRADES));
    Recorder r;
    QVERIFY(drainUntil(**host, r, [&] { return r.trades == 4003; }));
    QVERIFY((*host)->disconnect()); // joins the flooding threads
    (*host)->drain(r);
    QCOMPARE(r.trades, std::size_t(4003));
}

void TestAdapterHost::aStrategyIsNotAnAdapter()
{
    auto host = AdapterHost::load(FIXTURE_STRATEGY);
    QVERIFY(!host);
    QCOMPARE(host.error().code, ErrorCode::InvalidArgument);
    QVERIFY(host.error().message.find("is a strategy, not a venue adapter") != std::string::npos);
    QVERIFY(!AdapterHost::load("/nonexistent/adapter.so"));
}

QTEST_APPLESS_MAIN(TestAdapterHost)
#include "tst_adapter_host.moc"
