// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "book/id_map.h"
#include "book/order_book.h"
#include "core/instrument.h"
#include "matching/order_types.h"

#include <optional>
#include <vector>

namespace meridian::matching {

struct EngineConfig
{
    /// Orders larger than this are rejected (QuantityAboveMaximum).
    Quantity maxQuantity = Quantity(std::int64_t(1) << 48);
    /// Prices above this many ticks are rejected (PriceAboveMaximum).
    Price maxPrice = Price(std::int64_t(1) << 48);
    /// Emit a BookChanged event for every level that changes.
    bool publishBookChanges = true;
    /// Sizing hint for the order pool and indices.
    std::size_t expectedOrders = 1 << 16;
};

/// Price-time priority matching for one instrument: the venue of the simulator and the backtester.
///
/// Rules:
///  - Orders match against the best opposite level first and, within a level, in arrival order, at the
///    resting order's price. A trade is reported once, with both ids and the aggressor's side.
///  - Validation in this order, the first failure rejecting: time, id, side, type, time in force,
///    self-trade setting, quantity (positive, at least the instrument's minimum, at most the maximum),
///    limit price and stop price (positive, at most the maximum), expiry (GoodTillDate: in the future),
///    duplicate id, post-only crossing, stop already triggered by the last trade.
///  - FillOrKill checks first that its whole quantity can fill within its limit (resting orders that
///    self-trade prevention would cancel do not count); if not, it is cancelled without trading.
///  - Stops trigger on trades: a buy stop when a trade prints at or above its stop price, a sell stop at
///    or below. After each operation, triggered stops run one at a time in the order they were accepted,
///    each re-checked against the latest trade, until none triggers. A triggered stop joins the book
///    behind everything already there.
///  - modify() sets a resting order's price and open quantity: a lower quantity at the same price keeps
///    its place; a new price or a larger quantity re-enters it at the back (and it may trade, unless it is
///    post-only, when a crossing modify is rejected and the order stays as it was).
///  - GoodTillDate orders (resting or pending stops) expire when the time given to any call reaches their
///    expiry, before that call does anything else, in order of expiry then id.
///  - Deterministic: the same calls give the same events. No allocation per order once the pools have
///    grown to the working size; the best price is O(1).
/// Thread: owned by one Node; not thread-safe. The sink is called synchronously and must not call back.
class MatchingEngine final
{
public:
    MatchingEngine(Instrument instrument, EventSink &sink, EngineConfig config = {});

    /// Submits a new order at time now.
    void submit(const OrderRequest &request, Timestamp now);
    /// Submits a new order given in decimals (rejected PriceOffTick / QuantityOffLot when off the grid).
    void submit(const DecimalOrderRequest &request, Timestamp now);
    /// Cancels a resting order or a pending stop (Rejected UnknownOrder when there is none).
    void cancel(OrderId id, Timestamp now);
    /// Changes a resting order's price and open quantity (see the class comment). Pending stops are not
    /// modifiable (cancel and submit again).
    void modify(OrderId id, Price price, Quantity quantity, Timestamp now);
    /// Moves the time forward, expiring GoodTillDate orders. Returns false (and does nothing) when now is
    /// before the engine's time.
    bool advanceTime(Timestamp now);

    const book::OrderBook &book() const { return m_book; }
    const Instrument &instrument() const { return m_instrument; }
    std::optional<Price> lastTradePrice() const;
    Timestamp time() const { return m_now; }
    std::size_t pendingStopCount() const { return m_stops.size(); }
    /// Returns true when id is a resting order or a pending stop.
    bool isLive(OrderId id) const;

private:
    struct Taker
    {
        OrderId id;
        OwnerId owner;
        Side side;
        bool hasLimit;
        std::int64_t limit;
        std::int64_t remaining;
        TimeInForce timeInForce;
        SelfTradePrevention selfTrade;
    };
    struct Expiry
    {
        std::int64_t time;
        OrderId id;
    };

    Reason validate(const OrderRequest &request) const;
    bool fillable(const Taker &taker) const;
    // Matches an incoming order, then rests or cancels what is left. Returns true when it rests.
    bool process(Taker &taker);
    void rest(const Taker &taker);
    void cancelTaker(const Taker &taker, Reason reason);
    void cancelResting(book::OrderBook::Handle h, Reason reason);
    // The event about a resting order or a pending stop leaving (Cancelled, Expired).
    Event restingEvent(book::OrderBook::Handle h, EventType type, Reason reason, Timestamp time) const;
    static Event stopEvent(const OrderRequest &stop, EventType type, Reason reason, Timestamp time);
    void runStops();
    void expireUntil(std::int64_t now);
    void forgetExpiry(OrderId id) { m_expiryOf.erase(id); }
    std::size_t findStop(OrderId id) const;
    void emitBook(Side side, std::int64_t price, std::int64_t quantity);
    void emitReject(OrderId id, Side side, OwnerId owner, Reason reason);
    static std::uint8_t packFlags(TimeInForce tif, SelfTradePrevention stp);
    static TimeInForce tifOf(std::uint8_t flags) { return static_cast<TimeInForce>(flags & 0x7); }
    static SelfTradePrevention stpOf(std::uint8_t flags) { return static_cast<SelfTradePrevention>(flags >> 3); }

    Instrument m_instrument;
    EventSink &m_sink;
    EngineConfig m_config;
    book::OrderBook m_book;
    std::vector<OrderRequest> m_stops;    // pending stops, in acceptance order
    book::IdMap<std::int64_t> m_expiryOf; // GoodTillDate orders alive: id → expiry
    std::vector<Expiry> m_expiries;       // min-heap by (time, id); entries of finished orders are skipped
    Timestamp m_now;
    bool m_hasLastTrade = false;
    std::int64_t m_lastTrade = 0;
    bool m_tradedSinceStopCheck = false;
};

} // namespace meridian::matching
