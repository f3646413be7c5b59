// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "matching/matching_engine.h"
#include "oms/venue.h"
#include "store/database.h"

#include <map>
#include <memory>
#include <optional>
#include <string>

// The simulated venue: the matching engine behind the Venue interface, for paper trading and tests of the
// OMS. Like a real exchange it keeps what it has been sent: with a database, every order it receives is
// committed before it answers, with its state and fills (tables sim_venue_orders, sim_venue_fills), and a
// venue opened again on that database puts the open orders back in its books. Client order ids are
// idempotent: an order sent twice is the same order.
//
// Other market participants trade through addLiquidity(); their orders are not kept.
// Thread: one owner (the OMS's).
namespace meridian::oms {

class SimulatedVenue final : public Venue, public matching::EventSink
{
public:
    /// db may be null (nothing kept). Errors: Database, CorruptData when the kept orders do not load.
    static Result<std::unique_ptr<SimulatedVenue>> open(std::string name, store::Database *db);
    ~SimulatedVenue() override;

    std::string name() const override { return m_name; }
    void setListener(VenueListener *listener) override { m_listener = listener; }
    SendResult send(const Order &order, std::int64_t nowNs) override;
    SendResult cancel(const Order &order, std::int64_t nowNs) override;
    Result<std::vector<VenueOrder>> orders() override;
    Result<std::vector<VenueFill>> fills() override;

    /// Another participant's limit order (it may trade with ours).
    void addLiquidity(const Instrument &instrument, Side side, std::int64_t price, std::int64_t quantity,
                      std::int64_t nowNs);
    /// The next n sends answer Transient, as a busy exchange would (to exercise retries).
    void failNextSends(int n) { m_failSends = n; }
    std::size_t received() const noexcept { return m_received; } // sends that created an order

private:
    SimulatedVenue(std::string name, store::Database *db) : m_name(std::move(name)), m_db(db) {}
    struct Kept
    {
        VenueOrder order;
        InstrumentId instrument = 0;
        matching::OrderId id = 0;
    };
    matching::MatchingEngine &engineFor(const Instrument &instrument);

public:
    /// The matching engines' events (not for other callers).
    void onEvent(const matching::Event &event) override;

private:
    Result<void> keep(const Kept &k, const Order *spec, std::int64_t nowNs);
    Result<void> load();

    std::string m_name;
    store::Database *m_db;
    VenueListener *m_listener = nullptr;
    std::map<InstrumentId, std::unique_ptr<matching::MatchingEngine>> m_engines;
    std::map<std::string, Kept> m_byClient;                // our orders
    std::map<matching::OrderId, std::string> m_clientOfId; // matching id → client order id
    std::vector<VenueFill> m_fills;
    matching::OrderId m_nextId = 1;
    std::int64_t m_now = 0;
    std::size_t m_received = 0;
    int m_failSends = 0;
    bool m_loading = false; // putting kept orders back: the engine's events are not news
    std::string m_error;    // the first failure to keep state, reported by the next call
};

} // namespace meridian::oms
