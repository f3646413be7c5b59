// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "oms/order.h"

#include <string>
#include <vector>

// A venue as the OMS sees it: the simulated venue, a replay venue, or an exchange adapter plugin behind
// engine/strategy's AdapterHost. Requests return at once; what the venue then does to an order comes back
// through the listener, in order, on the OMS's thread.
namespace meridian::oms {

/// An order as the venue knows it (for reconciliation after a restart).
struct VenueOrder
{
    std::string clientOrderId;
    std::string venueOrderId;
    OrderStatus status = OrderStatus::Accepted;
    std::int64_t filled = 0;
    std::string reason;
};

struct VenueFill
{
    std::string clientOrderId;
    std::string fillId; // unique per venue
    std::int64_t price = 0, quantity = 0;
    double fee = 0;
    bool maker = false;
    std::int64_t timeNs = 0;
};

class VenueListener
{
public:
    virtual ~VenueListener() = default;
    /// The order's state at the venue changed (accepted, cancelled, rejected, expired; filled states come
    /// with onFill first).
    virtual void onVenueOrder(const VenueOrder &order, std::int64_t timeNs) = 0;
    virtual void onFill(const VenueFill &fill) = 0;
};

enum class SendStatus : std::uint8_t {
    Sent,      // the venue has it (or had it already: client order ids are idempotent at the venue too)
    Transient, // try again later (busy, rate-limited, disconnected)
    Refused,   // never will be: the message says why
};

struct SendResult
{
    SendStatus status = SendStatus::Sent;
    std::string message;
};

class Venue
{
public:
    virtual ~Venue() = default;
    virtual std::string name() const = 0;
    virtual void setListener(VenueListener *listener) = 0;
    virtual SendResult send(const Order &order, std::int64_t nowNs) = 0;
    virtual SendResult cancel(const Order &order, std::int64_t nowNs) = 0;
    /// Every order the venue knows by client id, with its state.
    virtual Result<std::vector<VenueOrder>> orders() = 0;
    /// Every fill, oldest first.
    virtual Result<std::vector<VenueFill>> fills() = 0;
};

} // namespace meridian::oms
