// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "oms/venue.h"
#include "strategy/adapter_host.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

// A venue adapter plugin as the OMS's venue: orders go out through the SDK's adapter interface
// (AdapterHost::placeOrder / cancelOrder) and what the adapter reports comes back, on the owner's thread,
// when poll() drains the adapter's queue: its order updates become the OMS's state changes and fills.
//
// Limit orders are sent good-till-cancelled, market orders immediate-or-cancel. The host's order id of each
// order is a counter; the venue order id the OMS journals is that id. A fill's id is "<order id>-<n>", n
// counting that order's fills. Send errors: an adapter that says not now (disconnected, rate-limited) is
// Transient, so the OMS retries with backoff; any other failure is Refused with the adapter's words.
// Events that are not about orders go to `other` (market data, account, connection), if given.
//
// Thread: one owner (the OMS's); the adapter reports from its own threads into the host's queue.
namespace meridian::runtime {

class AdapterVenue final : public oms::Venue, private strategy::AdapterEventSink
{
public:
    AdapterVenue(strategy::AdapterHost &host, std::string name, strategy::AdapterEventSink *other = nullptr)
        : m_host(host), m_name(std::move(name)), m_other(other)
    {}

    std::string name() const override { return m_name; }
    void setListener(oms::VenueListener *listener) override { m_listener = listener; }
    oms::SendResult send(const oms::Order &order, std::int64_t nowNs) override;
    oms::SendResult cancel(const oms::Order &order, std::int64_t nowNs) override;
    /// What the adapter has reported about our orders in this session.
    Result<std::vector<oms::VenueOrder>> orders() override;
    Result<std::vector<oms::VenueFill>> fills() override { return m_fills; }

    /// Hands the adapter's queued reports over; returns how many there were.
    std::size_t poll();

private:
    void onOrderUpdate(const meridian_order_update &update) override;
    void onBookSnapshot(const meridian_book_view &v) override;
    void onBookDelta(const meridian_book_delta &d) override;
    void onTrade(const meridian_trade &t) override;
    void onBar(const meridian_bar &b) override;
    void onAccount(const meridian_account &a) override;
    void onPosition(const meridian_position &p) override;
    void onConnection(meridian_connection_status status, const std::string &message) override;
    void onLog(meridian_log_level level, const std::string &message) override;

    struct Known
    {
        std::string client;
        oms::VenueOrder state;
        std::uint64_t fills = 0;
    };
    strategy::AdapterHost &m_host;
    std::string m_name;
    strategy::AdapterEventSink *m_other;
    oms::VenueListener *m_listener = nullptr;
    std::uint64_t m_nextId = 1;
    std::map<std::string, std::uint64_t> m_byClient;
    std::map<std::uint64_t, Known> m_orders;
    std::vector<oms::VenueFill> m_fills;
};

} // namespace meridian::runtime
