// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "oms/order.h"

#include <array>

namespace meridian::oms {

namespace {

constexpr std::array<std::string_view, 8> kNames = {"new",    "pending",   "accepted", "partially_filled",
                                                    "filled", "cancelled", "rejected", "expired"};

} // namespace

std::string_view statusName(OrderStatus status) noexcept
{
    return kNames[static_cast<std::size_t>(status)];
}

bool statusFromName(std::string_view name, OrderStatus &out) noexcept
{
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name) {
            out = static_cast<OrderStatus>(i);
            return true;
        }
    return false;
}

bool isTerminal(OrderStatus status) noexcept
{
    return status == OrderStatus::Filled || status == OrderStatus::Cancelled || status == OrderStatus::Rejected ||
           status == OrderStatus::Expired;
}

bool canMove(OrderStatus from, OrderStatus to) noexcept
{
    using S = OrderStatus;
    if (from == to || isTerminal(from))
        return false;
    switch (from) {
    case S::New:
        return to == S::Pending || to == S::Rejected;
    case S::Pending:
        return to == S::Accepted || to == S::Rejected || to == S::PartiallyFilled || to == S::Filled ||
               to == S::Cancelled || to == S::Expired;
    case S::Accepted:
    case S::PartiallyFilled:
        return to == S::PartiallyFilled || to == S::Filled || to == S::Cancelled || to == S::Expired;
    default:
        return false;
    }
}

} // namespace meridian::oms
