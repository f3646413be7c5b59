// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "book/order_book.h"
#include "core/decimal.h"
#include "core/instrument.h"
#include "core/price.h"
#include "core/timestamp.h"

#include <cstdint>

namespace meridian::matching {

using book::OrderId;
/// Who owns an order (a strategy, an agent, an account); self-trade prevention compares owners.
using OwnerId = std::uint32_t;

enum class OrderType : std::uint8_t { Invalid = 0, Limit, Market, StopMarket, StopLimit };

/// Which time-in-force values each order type accepts:
///  - Limit: all five. PostOnly rests like GoodTillCancel but is rejected if it would take.
///  - Market: ImmediateOrCancel or FillOrKill.
///  - StopMarket: GoodTillCancel or GoodTillDate, the life of the pending stop; once triggered it trades
///    as a market order and any remainder is cancelled.
///  - StopLimit: GoodTillCancel, GoodTillDate, ImmediateOrCancel or FillOrKill, applied to the limit order
///    it becomes when triggered (GoodTillDate also bounds the pending stop).
enum class TimeInForce : std::uint8_t {
    Invalid = 0,
    GoodTillCancel,
    ImmediateOrCancel,
    FillOrKill,
    GoodTillDate,
    PostOnly,
};

/// What happens when an incoming order would trade with a resting order of the same owner. The incoming
/// order's setting applies.
enum class SelfTradePrevention : std::uint8_t {
    Invalid = 0,
    Off,          ///< trade as with anyone else
    CancelNewest, ///< cancel the rest of the incoming order; the resting one stays
    CancelOldest, ///< cancel the resting order and keep matching
    CancelBoth,   ///< cancel both
};

/// Why an order or request was rejected, cancelled or expired.
enum class Reason : std::uint8_t {
    None = 0,
    // Rejections
    InvalidOrderId,
    DuplicateOrderId,
    UnknownOrder,
    InvalidSide,
    InvalidOrderType,
    InvalidTimeInForce,
    InvalidSelfTradePrevention,
    NonPositiveQuantity,
    QuantityBelowMinimum,
    QuantityAboveMaximum,
    QuantityOffLot,
    PriceNotPositive,
    PriceAboveMaximum,
    PriceOffTick,
    ExpiryNotInFuture,
    PostOnlyWouldTake,
    StopWouldTriggerNow,
    NotModifiable,
    TimeWentBackwards,
    // Cancellations
    Requested,
    ImmediateRemainder,
    FillOrKillUnfillable,
    SelfTrade,
    // Expiry
    Expired,
};

/// Returns a stable English name for a reason ("post_only_would_take"), for logs and the journal.
const char *reasonName(Reason reason) noexcept;

/// A new order in ticks and lots.
struct OrderRequest
{
    OrderId id = 0;
    OwnerId owner = 0;
    Side side = Side::Invalid;
    OrderType type = OrderType::Invalid;
    TimeInForce timeInForce = TimeInForce::Invalid;
    SelfTradePrevention selfTrade = SelfTradePrevention::Off;
    Price price;     ///< limit price (Limit, StopLimit)
    Price stopPrice; ///< trigger price (StopMarket, StopLimit)
    Quantity quantity;
    Timestamp expiry; ///< GoodTillDate: the order expires when the time reaches this
};

/// A new order in decimals, as a user or a plugin enters it; the engine puts it on the instrument's grid
/// exactly and rejects it (PriceOffTick, QuantityOffLot) when it is not.
struct DecimalOrderRequest
{
    OrderId id = 0;
    OwnerId owner = 0;
    Side side = Side::Invalid;
    OrderType type = OrderType::Invalid;
    TimeInForce timeInForce = TimeInForce::Invalid;
    SelfTradePrevention selfTrade = SelfTradePrevention::Off;
    Decimal price;
    Decimal stopPrice;
    Decimal quantity;
    Timestamp expiry;
};

enum class EventType : std::uint8_t {
    Invalid = 0,
    Accepted,
    Rejected,
    Trade,
    Cancelled,
    Expired,
    Modified,
    Triggered,
    BookChanged,
};

/// One event out of the matching engine. Which fields are set depends on the type:
///  - Accepted: orderId, side, owner, price (limit price, 0 for market and stop-market), quantity.
///  - Rejected: orderId, side, owner (as requested; 0 for cancel and modify), reason.
///  - Trade: orderId (taker), makerId, side (aggressor), owner and makerOwner, price (the maker's),
///    quantity, remaining (taker's after the trade), makerRemaining.
///  - Cancelled / Expired: orderId, side, owner, price, quantity (what was left), reason.
///  - Modified: orderId, side, owner, price and quantity (new), keptPriority.
///  - Triggered: orderId, side, owner, price (the stop price), quantity.
///  - BookChanged: side, price, quantity (what now rests at the level; 0 when it is gone).
/// time is the engine's time at the operation (an expiry's own time for Expired).
struct Event
{
    EventType type = EventType::Invalid;
    Side side = Side::Invalid;
    Reason reason = Reason::None;
    bool keptPriority = false;
    OwnerId owner = 0;
    OwnerId makerOwner = 0;
    OrderId orderId = 0;
    OrderId makerId = 0;
    Price price;
    Quantity quantity;
    Quantity remaining;
    Quantity makerRemaining;
    Timestamp time;
    friend bool operator==(const Event &, const Event &) = default;
};

/// Receives the engine's events, synchronously and in order.
class EventSink
{
public:
    virtual ~EventSink() = default;
    virtual void onEvent(const Event &event) = 0;
};

} // namespace meridian::matching
