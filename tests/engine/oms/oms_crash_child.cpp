// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// A process for tst_order_manager's crash test: opens the journal at argv[1] (the simulated venue keeps its
// orders in the same file), submits one order, and kills itself with SIGKILL at the checkpoint argv[2]
// ("journalled": after the order is committed as pending, before it is sent; "before_ack": after the venue
// has taken it, before the OMS has journalled the acknowledgement). It exits 3 if it gets past the point.
#include "core/clock.h"
#include "oms/order_manager.h"
#include "oms/sim_venue.h"

#include <csignal>
#include <cstdio>
#include <string>

using namespace meridian;

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: oms_crash_child JOURNAL CHECKPOINT\n");
        return 2;
    }
    auto db = store::Database::open(argv[1]);
    if (!db) {
        std::fprintf(stderr, "%s\n", db.error().message.c_str());
        return 1;
    }
    auto venue = oms::SimulatedVenue::open("SIM", &*db);
    if (!venue) {
        std::fprintf(stderr, "%s\n", venue.error().message.c_str());
        return 1;
    }
    SimulatedClock clock(Timestamp::fromNanoseconds(1'700'000'000'000'000'000));
    oms::OrderManager manager(*db, **venue, clock);
    const std::string point = argv[2];
    manager.setCheckpoint([&](std::string_view reached) {
        if (reached == point)
            std::raise(SIGKILL);
    });
    InstrumentSpec spec;
    spec.id = 1;
    spec.symbol = "BTCUSDT";
    spec.venue = "SIM";
    spec.tickSize = Decimal(1, 2);
    spec.lotSize = Decimal(1, 3);
    oms::OrderSpec order;
    order.clientOrderId = "crash-1";
    order.strategy = "mm";
    order.instrument = *Instrument::create(spec);
    order.side = Side::Buy;
    order.price = 3'000'000; // 30,000.00
    order.quantity = 250;    // 0.250
    (void)manager.submit(order);
    return 3;
}
