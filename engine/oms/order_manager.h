// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/clock.h"
#include "core/error.h"
#include "oms/order.h"
#include "oms/venue.h"
#include "risk/pre_trade.h"
#include "store/database.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

// The order manager: one venue's orders, from the strategy's request to their end.
//
// Journal first: every order and every change of its state is committed to SQLite (tables orders, fills,
// order_events) before it is sent or reported, so a crash at any point loses nothing: an order journalled
// as pending either reached the venue or did not, and recover() asks the venue which.
// Idempotent: a client order id submitted again returns the order it names; nothing is sent twice, and
// the venue treats client ids the same way.
// Pre-trade risk: with a PreTradeRisk, an order it refuses is journalled as rejected with the rule's words;
// cancels pass through it too; fills move its positions.
// Retries: a send the venue answers Transient is tried again after a backoff (first, first × factor, …) by
// poll(), up to maxAttempts; then the order is rejected, saying so.
// Recovery (recover(), once, before anything else): open orders are read back from the journal and
// reconciled with what the venue knows: states and fills we missed are applied; pending orders the venue
// never received are sent (once); orders the venue has and we do not are reported.
//
// Thread: one owner (the OMS's strand); the venue calls back on it.
namespace meridian::oms {

struct OmsConfig
{
    int maxAttempts = 5;
    std::int64_t firstBackoffNs = 100'000'000; // 100 ms
    double backoffFactor = 2;
};

struct RecoveryReport
{
    std::size_t openOrders = 0;           // read back from the journal
    std::size_t updated = 0;              // whose state the venue had moved on
    std::size_t missedFills = 0;          // fills the venue had that the journal did not
    std::size_t resent = 0;               // pending orders the venue had never received
    std::vector<std::string> unknownToUs; // client ids the venue has and the journal does not
};

class OrderManager final : private VenueListener
{
public:
    OrderManager(store::Database &journal, Venue &venue, const Clock &clock, risk::PreTradeRisk *risk = nullptr,
                 OmsConfig config = {});
    ~OrderManager() override;

    /// Reads back the open orders and reconciles them with the venue. Errors: Database; the venue's.
    Result<RecoveryReport> recover();

    /// Submits an order (an empty client id gets one). Returns the order as it stands now: rejected (by risk
    /// or the venue, with the reason), pending, or further along if the venue answered at once.
    /// Errors: InvalidArgument for a malformed spec; Database when the journal cannot be written (then
    /// nothing was sent).
    Result<Order> submit(OrderSpec spec);
    /// Asks the venue to cancel. Errors: NotFound; InvalidArgument when the order is closed or risk refuses.
    Result<void> cancel(const std::string &clientOrderId);
    /// Sends the retries that are due.
    void poll();

    const Order *find(const std::string &clientOrderId) const;
    std::vector<Order> openOrders() const;
    /// Called after each change is journalled.
    void setListener(std::function<void(const Order &)> listener) { m_listener = std::move(listener); }
    /// The first journal failure in a venue callback (the OMS stops sending once there is one).
    const std::optional<Error> &failure() const noexcept { return m_failure; }

    /// Test instrumentation: called at named points ("journalled", "before_ack") so that a test can end the
    /// process there.
    void setCheckpoint(std::function<void(std::string_view)> checkpoint) { m_checkpoint = std::move(checkpoint); }

private:
    struct Retry
    {
        int attempts = 0;
        std::int64_t dueNs = 0;
    };
    void onVenueOrder(const VenueOrder &order, std::int64_t timeNs) override;
    void onFill(const VenueFill &fill) override;

    Result<void> move(Order &order, OrderStatus to, std::int64_t filled, const std::string &detail);
    /// Keeps m_open in step with an order's status.
    void index(const Order &order);
    Result<void> journalFill(Order &order, const VenueFill &fill);
    void sendNow(Order &order);
    void reached(std::string_view point)
    {
        if (m_checkpoint)
            m_checkpoint(point);
    }

    store::Database &m_db;
    Venue &m_venue;
    const Clock &m_clock;
    risk::PreTradeRisk *m_risk;
    OmsConfig m_config;
    std::map<std::string, Order> m_orders; // by client id: open ones, and closed ones seen in this session
    std::set<std::string> m_open;          // the open ones' client ids: openOrders() costs what is open
    std::map<std::string, std::set<std::string>> m_fillIds; // fills journalled, per client id
    std::map<std::string, Retry> m_retries;
    std::int64_t m_nextClientId = 1;
    std::function<void(const Order &)> m_listener;
    std::function<void(std::string_view)> m_checkpoint;
    std::optional<Error> m_failure;
};

} // namespace meridian::oms
