// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The OMS routing to a venue adapter plugin through the SDK interface (the loopback fixture adapter, which
// reports from its own thread): a market order is accepted and filled, its fill and fee journalled; a limit
// order rests and is cancelled on request; risk still refuses before the adapter hears of anything; market
// data and connection events go to the other sink.
#include "oms/order_manager.h"
#include "runtime/adapter_venue.h"

#include <QtTest>

using namespace meridian;
using namespace meridian::runtime;

namespace {

Instrument bitcoin()
{
    InstrumentSpec spec;
    spec.id = 1;
    spec.symbol = "BTCUSDT";
    spec.venue = "LOOP";
    spec.tickSize = Decimal(1, 2);
    spec.lotSize = Decimal(1, 3);
    return *Instrument::create(spec);
}

oms::OrderSpec order(std::string id, oms::OrderKind kind, std::int64_t quantity = 5)
{
    oms::OrderSpec s;
    s.clientOrderId = std::move(id);
    s.strategy = "manual";
    s.instrument = bitcoin();
    s.side = Side::Buy;
    s.kind = kind;
    s.price = 3'000'000;
    s.quantity = quantity;
    return s;
}

struct Market final : strategy::AdapterEventSink
{
    int trades = 0;
    std::vector<meridian_connection_status> connection;
    void onTrade(const meridian_trade &) override { ++trades; }
    void onConnection(meridian_connection_status status, const std::string &) override { connection.push_back(status); }
};

} // namespace

class TestAdapterVenue : public QObject
{
    Q_OBJECT
private slots:
    void routesOrdersThroughTheAdapter();
};

void TestAdapterVenue::routesOrdersThroughTheAdapter()
{
    auto host = strategy::AdapterHost::load(FIXTURE_ADAPTER);
    QVERIFY2(host, host ? "" : host.error().message.c_str());
    auto db = store::Database::openInMemory();
    QVERIFY(db);
    Market market;
    AdapterVenue venue(**host, "LOOP", &market);
    SimulatedClock clock(Timestamp::fromNanoseconds(1'700'000'000'000'000'000));
    risk::RiskLimits limits;
    limits.maxOrderQuantity = 10;
    risk::PreTradeRisk risk(limits);
    oms::OrderManager oms(*db, venue, clock, &risk);

    QVERIFY((*host)->connect("{}"));
    QTRY_VERIFY(
        (venue.poll(), !market.connection.empty() && market.connection.back() == MERIDIAN_CONNECTION_CONNECTED));
    meridian_instrument_info info{};
    info.id = 1;
    QVERIFY((*host)->subscribe(info, MERIDIAN_CHANNEL_TRADES));
    QTRY_VERIFY((venue.poll(), market.trades == 3));

    // A market order: accepted, then filled, with the fill and its fee in the journal.
    auto sent = oms.submit(order("m-1", oms::OrderKind::Market));
    QVERIFY2(sent, sent ? "" : sent.error().message.c_str());
    QCOMPARE(sent->status, oms::OrderStatus::Pending);
    QTRY_COMPARE((venue.poll(), oms.find("m-1")->status), oms::OrderStatus::Filled);
    QCOMPARE(oms.find("m-1")->filled, std::int64_t(5));
    QCOMPARE(oms.find("m-1")->venueOrderId, std::string("1"));
    QCOMPARE(db->queryInt64("SELECT COUNT(*) FROM fills")->value_or(0), std::int64_t(1));
    auto fee = db->prepare("SELECT fee FROM fills");
    QVERIFY(fee && fee->step().value_or(false));
    QCOMPARE(std::stod(fee->columnText(0)), 1.2e-7); // the adapter's 12 money units (10^-8)
    QCOMPARE(risk.position(1), std::int64_t(5));

    // A limit order rests until it is cancelled.
    QVERIFY(oms.submit(order("l-1", oms::OrderKind::Limit)));
    QTRY_COMPARE((venue.poll(), oms.find("l-1")->status), oms::OrderStatus::Accepted);
    QVERIFY(oms.cancel("l-1"));
    QTRY_COMPARE((venue.poll(), oms.find("l-1")->status), oms::OrderStatus::Cancelled);

    // Risk refuses before the adapter hears of it.
    auto big = oms.submit(order("big", oms::OrderKind::Limit, 50));
    QVERIFY(big);
    QCOMPARE(big->status, oms::OrderStatus::Rejected);
    QCOMPARE(venue.orders()->size(), std::size_t(2));
    QCOMPARE(venue.fills()->size(), std::size_t(1));
    QVERIFY((*host)->disconnect());
}

QTEST_GUILESS_MAIN(TestAdapterVenue)
#include "tst_adapter_venue.moc"
