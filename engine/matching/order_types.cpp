// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "matching/order_types.h"

namespace meridian::matching {

const char *reasonName(Reason reason) noexcept
{
    switch (reason) {
    case Reason::None:
        return "none";
    case Reason::InvalidOrderId:
        return "invalid_order_id";
    case Reason::DuplicateOrderId:
        return "duplicate_order_id";
    case Reason::UnknownOrder:
        return "unknown_order";
    case Reason::InvalidSide:
        return "invalid_side";
    case Reason::InvalidOrderType:
        return "invalid_order_type";
    case Reason::InvalidTimeInForce:
        return "invalid_time_in_force";
    case Reason::InvalidSelfTradePrevention:
        return "invalid_self_trade_prevention";
    case Reason::NonPositiveQuantity:
        return "non_positive_quantity";
    case Reason::QuantityBelowMinimum:
        return "quantity_below_minimum";
    case Reason::QuantityAboveMaximum:
        return "quantity_above_maximum";
    case Reason::QuantityOffLot:
        return "quantity_off_lot";
    case Reason::PriceNotPositive:
        return "price_not_positive";
    case Reason::PriceAboveMaximum:
        return "price_above_maximum";
    case Reason::PriceOffTick:
        return "price_off_tick";
    case Reason::ExpiryNotInFuture:
        return "expiry_not_in_future";
    case Reason::PostOnlyWouldTake:
        return "post_only_would_take";
    case Reason::StopWouldTriggerNow:
        return "stop_would_trigger_now";
    case Reason::NotModifiable:
        return "not_modifiable";
    case Reason::TimeWentBackwards:
        return "time_went_backwards";
    case Reason::Requested:
        return "requested";
    case Reason::ImmediateRemainder:
        return "immediate_remainder";
    case Reason::FillOrKillUnfillable:
        return "fill_or_kill_unfillable";
    case Reason::SelfTrade:
        return "self_trade";
    case Reason::Expired:
        return "expired";
    }
    return "unknown";
}

} // namespace meridian::matching
