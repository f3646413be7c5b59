// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/instrument.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Orders as the OMS keeps them, and their state machine:
//
//   new → pending → accepted → partially_filled → filled
//     ↘ rejected  ↘ rejected   ↘ cancelled / expired (from accepted or partially_filled)
//
// new: known to the OMS, not yet journalled as sent; pending: journalled and handed to the venue, no answer
// yet; the venue's answers move it on. A fill may arrive before the acknowledgement (pending → partially
// filled or filled); terminal states never change.
namespace meridian::oms {

enum class OrderStatus : std::uint8_t { New, Pending, Accepted, PartiallyFilled, Filled, Cancelled, Rejected, Expired };

/// "new", "pending", …, as stored in the orders table.
std::string_view statusName(OrderStatus status) noexcept;
bool statusFromName(std::string_view name, OrderStatus &out) noexcept;
bool isTerminal(OrderStatus status) noexcept;
/// Whether the state machine allows from → to (staying in the same state is not a move).
bool canMove(OrderStatus from, OrderStatus to) noexcept;

enum class OrderKind : std::uint8_t { Limit, Market };

struct OrderSpec
{
    std::string clientOrderId;            // the idempotency key: the same id twice is the same order
    std::string strategy;                 // who sends it ("" for manual)
    std::optional<Instrument> instrument; // required
    Side side = Side::Invalid;
    OrderKind kind = OrderKind::Limit;
    std::int64_t price = 0;    // ticks (limit)
    std::int64_t quantity = 0; // lots
};

struct Order
{
    std::int64_t id = 0; // the journal's order_id
    OrderSpec spec;
    OrderStatus status = OrderStatus::New;
    std::string venueOrderId;
    std::int64_t filled = 0; // lots
    std::string reason;      // of a rejection, cancel or expiry
    std::int64_t createdNs = 0, updatedNs = 0;
    bool open() const noexcept { return !isTerminal(status); }
};

} // namespace meridian::oms
