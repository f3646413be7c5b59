// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The built-in fixed_spread_mm plugin, loaded as a real library and run by StrategyRunner on a hand-built
// stream of books and fills.
#include "strategy/strategy_runner.h"
#include "support/recording_services.h"

#include <QtTest>

using namespace meridian;
using namespace meridian::strategy;
using meridian::testing::RecordingServices;

namespace {

constexpr std::int64_t kMs = 1'000'000;

meridian_book_view book(const meridian_level &bid, const meridian_level &ask)
{
    meridian_book_view b{};
    b.struct_size = sizeof b;
    b.instrument = 1;
    b.bids = &bid;
    b.bid_count = 1;
    b.asks = &ask;
    b.ask_count = 1;
    return b;
}

meridian_order_update fill(std::uint64_t orderId, meridian_side side, std::int64_t quantity)
{
    meridian_order_update u{};
    u.struct_size = sizeof u;
    u.instrument = 1;
    u.order_id = orderId;
    u.status = MERIDIAN_ORDER_FILLED;
    u.side = side;
    u.fill_quantity = quantity;
    u.filled_quantity = quantity;
    return u;
}

// The (side, price) of the orders placed from index `from` on.
std::vector<std::pair<int, std::int64_t>> quotes(const RecordingServices &s, std::size_t from)
{
    std::vector<std::pair<int, std::int64_t>> out;
    for (std::size_t i = from; i < s.orders.size(); ++i)
        out.emplace_back(s.orders[i].second.side, s.orders[i].second.price);
    return out;
}

} // namespace

class TestFixedSpreadMm : public QObject
{
    Q_OBJECT
private slots:
    void quotesALadderAroundTheMid();
    void requotesOnlyWhenTheMidMovesAndTheRefreshHasPassed();
    void stopsQuotingASideAtTheInventoryLimit();
    void anUnknownSymbolFailsTheStart();
};

void TestFixedSpreadMm::quotesALadderAroundTheMid()
{
    RecordingServices services;
    services.instruments["BTCUSDT"] = 1;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(FIXED_SPREAD_MM, R"({"symbol": "BTCUSDT", "half_spread_ticks": 2, "levels": 2,
        "level_spacing_ticks": 3, "order_size": 5, "max_inventory": 100})");
    QVERIFY2(id, id ? "" : id.error().message.c_str());
    QVERIFY(runner.start(*id));

    runner.onBook(book({1000, 7}, {1003, 4})); // mid 1001.5

    // floor(mid) − 2, − 5 and ceil(mid) + 2, + 5, five lots each, post-only.
    QCOMPARE(quotes(services, 0), (std::vector<std::pair<int, std::int64_t>>{{MERIDIAN_SIDE_BUY, 999},
                                                                             {MERIDIAN_SIDE_SELL, 1004},
                                                                             {MERIDIAN_SIDE_BUY, 996},
                                                                             {MERIDIAN_SIDE_SELL, 1007}}));
    for (const auto &[from, order] : services.orders) {
        QCOMPARE(from, *id);
        QCOMPARE(order.quantity, 5);
        QCOMPARE(order.time_in_force, MERIDIAN_TIF_POST_ONLY);
        QCOMPARE(order.instrument, 1u);
    }
    QCOMPARE((services.variables[{*id, "mid"}]), 1001.5);
    QCOMPARE((services.variables[{*id, "open_orders"}]), 4.0);
    QVERIFY(runner.stop(*id));
    QCOMPARE(services.cancels.size(), std::size_t(4)); // stopping withdraws the quotes
}

void TestFixedSpreadMm::requotesOnlyWhenTheMidMovesAndTheRefreshHasPassed()
{
    RecordingServices services;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(FIXED_SPREAD_MM, R"({"half_spread_ticks": 1, "refresh_ms": 100})");
    QVERIFY(id);
    QVERIFY(runner.start(*id));
    runner.onBook(book({1000, 1}, {1002, 1}));
    QCOMPARE(services.orders.size(), std::size_t(2));

    services.now = 50 * kMs;
    runner.onBook(book({1000, 1}, {1002, 1})); // nothing moved
    runner.onBook(book({1001, 1}, {1003, 1})); // moved, but within refresh_ms
    QCOMPARE(services.orders.size(), std::size_t(2));
    QVERIFY(services.cancels.empty());

    services.now = 150 * kMs;
    runner.onBook(book({1001, 1}, {1003, 1}));
    QCOMPARE(services.cancels, (std::vector<std::uint64_t>{1, 2}));
    QCOMPARE(quotes(services, 2),
             (std::vector<std::pair<int, std::int64_t>>{{MERIDIAN_SIDE_BUY, 1001}, {MERIDIAN_SIDE_SELL, 1003}}));
}

void TestFixedSpreadMm::stopsQuotingASideAtTheInventoryLimit()
{
    RecordingServices services;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(FIXED_SPREAD_MM, R"({"order_size": 5, "max_inventory": 12, "refresh_ms": 0})");
    QVERIFY(id);
    QVERIFY(runner.start(*id));
    runner.onBook(book({1000, 1}, {1004, 1}));
    QCOMPARE(services.orders.size(), std::size_t(2));

    // Both bids fill over two rounds: 10 lots long.
    runner.onOrder(*id, fill(services.orderIds[0], MERIDIAN_SIDE_BUY, 5));
    runner.onBook(book({999, 1}, {1003, 1}));
    const std::size_t second = services.orders.size();
    QCOMPARE(services.orders[second - 2].second.side, MERIDIAN_SIDE_BUY);
    runner.onOrder(*id, fill(services.orderIds[second - 2], MERIDIAN_SIDE_BUY, 5));
    QCOMPARE((services.variables[{*id, "inventory"}]), 10.0);

    // Another 5 would reach 15 > 12: only the ask is quoted now.
    runner.onBook(book({998, 1}, {1002, 1}));
    QCOMPARE(quotes(services, second), (std::vector<std::pair<int, std::int64_t>>{{MERIDIAN_SIDE_SELL, 1002}}));
    QCOMPARE(runner.state(*id), InstanceState::Running);
}

void TestFixedSpreadMm::anUnknownSymbolFailsTheStart()
{
    RecordingServices services;
    StrategyRunner runner(services);
    const auto id = runner.addInstance(FIXED_SPREAD_MM, R"({"symbol": "NOPE"})");
    QVERIFY(id);
    QVERIFY(!runner.start(*id));
    QCOMPARE(runner.state(*id), InstanceState::Failed);
    QVERIFY2(runner.lastError(*id).find("instrument NOPE is unknown") != std::string::npos,
             runner.lastError(*id).c_str());
}

QTEST_APPLESS_MAIN(TestFixedSpreadMm)
#include "tst_fixed_spread_mm.moc"
