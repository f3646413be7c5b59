// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "matching/matching_engine.h"

#include "core/check.h"

#include <algorithm>

namespace meridian::matching {

namespace {

Side opposite(Side side)
{
    return side == Side::Buy ? Side::Sell : Side::Buy;
}

// Returns true when an order on side with limit would trade against a resting price.
bool crosses(Side side, std::int64_t limit, std::int64_t resting)
{
    return side == Side::Buy ? limit >= resting : limit <= resting;
}

bool stopTriggered(const OrderRequest &stop, std::int64_t last)
{
    return stop.side == Side::Buy ? last >= stop.stopPrice.value() : last <= stop.stopPrice.value();
}

bool allowedTimeInForce(OrderType type, TimeInForce tif)
{
    switch (type) {
    case OrderType::Limit:
        return tif != TimeInForce::Invalid && tif <= TimeInForce::PostOnly;
    case OrderType::Market:
        return tif == TimeInForce::ImmediateOrCancel || tif == TimeInForce::FillOrKill;
    case OrderType::StopMarket:
        return tif == TimeInForce::GoodTillCancel || tif == TimeInForce::GoodTillDate;
    case OrderType::StopLimit:
        return tif != TimeInForce::Invalid && tif < TimeInForce::PostOnly;
    case OrderType::Invalid:
        break;
    }
    return false;
}

// Greater-than on (time, id), so std::push_heap/pop_heap keep the earliest expiry on top.
bool laterExpiry(const auto &a, const auto &b)
{
    return a.time != b.time ? a.time > b.time : a.id > b.id;
}

} // namespace

MatchingEngine::MatchingEngine(Instrument instrument, EventSink &sink, EngineConfig config)
    : m_instrument(std::move(instrument)), m_sink(sink), m_config(config), m_book(config.expectedOrders)
{
    m_stops.reserve(64);
    m_expiries.reserve(1024);
}

std::uint8_t MatchingEngine::packFlags(TimeInForce tif, SelfTradePrevention stp)
{
    return static_cast<std::uint8_t>(static_cast<unsigned>(tif) | (static_cast<unsigned>(stp) << 3));
}

std::optional<Price> MatchingEngine::lastTradePrice() const
{
    return m_hasLastTrade ? std::optional<Price>(Price(m_lastTrade)) : std::nullopt;
}

bool MatchingEngine::isLive(OrderId id) const
{
    return m_book.contains(id) || findStop(id) != m_stops.size();
}

std::size_t MatchingEngine::findStop(OrderId id) const
{
    for (std::size_t i = 0; i < m_stops.size(); ++i)
        if (m_stops[i].id == id)
            return i;
    return m_stops.size();
}

void MatchingEngine::emitBook(Side side, std::int64_t price, std::int64_t quantity)
{
    if (!m_config.publishBookChanges)
        return;
    Event e;
    e.type = EventType::BookChanged;
    e.side = side;
    e.price = Price(price);
    e.quantity = Quantity(quantity);
    e.time = m_now;
    m_sink.onEvent(e);
}

void MatchingEngine::emitReject(OrderId id, Side side, OwnerId owner, Reason reason)
{
    Event e;
    e.type = EventType::Rejected;
    e.orderId = id;
    e.side = side;
    e.owner = owner;
    e.reason = reason;
    e.time = m_now;
    m_sink.onEvent(e);
}

bool MatchingEngine::advanceTime(Timestamp now)
{
    if (now < m_now)
        return false;
    m_now = now;
    expireUntil(now.nanoseconds());
    return true;
}

void MatchingEngine::expireUntil(std::int64_t now)
{
    while (!m_expiries.empty() && m_expiries.front().time <= now) {
        std::pop_heap(m_expiries.begin(), m_expiries.end(), laterExpiry<Expiry, Expiry>);
        const Expiry entry = m_expiries.back();
        m_expiries.pop_back();
        const std::int64_t *expiry = m_expiryOf.find(entry.id);
        if (!expiry || *expiry != entry.time)
            continue; // the order finished earlier, or its id now belongs to a later order
        m_expiryOf.erase(entry.id);
        const Timestamp at = Timestamp::fromNanoseconds(entry.time);
        if (const auto h = m_book.find(entry.id); h != book::OrderBook::kNoOrder) {
            const Event e = restingEvent(h, EventType::Expired, Reason::Expired, at);
            const std::int64_t left = m_book.remove(h).value();
            m_sink.onEvent(e);
            emitBook(e.side, e.price.value(), left);
        } else {
            const std::size_t i = findStop(entry.id);
            MERIDIAN_CHECK(i < m_stops.size(), "expiring order is neither resting nor a pending stop");
            const Event e = stopEvent(m_stops[i], EventType::Expired, Reason::Expired, at);
            m_stops.erase(m_stops.begin() + static_cast<std::ptrdiff_t>(i));
            m_sink.onEvent(e);
        }
    }
}

Event MatchingEngine::restingEvent(book::OrderBook::Handle h, EventType type, Reason reason, Timestamp time) const
{
    Event e;
    e.type = type;
    e.orderId = m_book.orderId(h);
    e.side = m_book.orderSide(h);
    e.owner = m_book.orderOwner(h);
    e.price = m_book.orderPrice(h);
    e.quantity = m_book.orderQuantity(h);
    e.reason = reason;
    e.time = time;
    return e;
}

Event MatchingEngine::stopEvent(const OrderRequest &stop, EventType type, Reason reason, Timestamp time)
{
    Event e;
    e.type = type;
    e.orderId = stop.id;
    e.side = stop.side;
    e.owner = stop.owner;
    e.price = stop.type == OrderType::StopLimit ? stop.price : Price(0);
    e.quantity = stop.quantity;
    e.reason = reason;
    e.time = time;
    return e;
}

Reason MatchingEngine::validate(const OrderRequest &r) const
{
    if (r.id == book::IdMap<std::uint32_t>::kEmpty)
        return Reason::InvalidOrderId;
    if (r.side != Side::Buy && r.side != Side::Sell)
        return Reason::InvalidSide;
    if (r.type == OrderType::Invalid || r.type > OrderType::StopLimit)
        return Reason::InvalidOrderType;
    if (!allowedTimeInForce(r.type, r.timeInForce))
        return Reason::InvalidTimeInForce;
    if (r.selfTrade == SelfTradePrevention::Invalid || r.selfTrade > SelfTradePrevention::CancelBoth)
        return Reason::InvalidSelfTradePrevention;
    if (r.quantity.value() <= 0)
        return Reason::NonPositiveQuantity;
    if (r.quantity < m_instrument.minQuantity())
        return Reason::QuantityBelowMinimum;
    if (r.quantity > m_config.maxQuantity)
        return Reason::QuantityAboveMaximum;
    const bool hasLimit = r.type == OrderType::Limit || r.type == OrderType::StopLimit;
    const bool hasStop = r.type == OrderType::StopMarket || r.type == OrderType::StopLimit;
    if (hasLimit && r.price.value() <= 0)
        return Reason::PriceNotPositive;
    if (hasLimit && r.price > m_config.maxPrice)
        return Reason::PriceAboveMaximum;
    if (hasStop && r.stopPrice.value() <= 0)
        return Reason::PriceNotPositive;
    if (hasStop && r.stopPrice > m_config.maxPrice)
        return Reason::PriceAboveMaximum;
    if (r.timeInForce == TimeInForce::GoodTillDate && r.expiry <= m_now)
        return Reason::ExpiryNotInFuture;
    if (isLive(r.id))
        return Reason::DuplicateOrderId;
    if (r.timeInForce == TimeInForce::PostOnly) {
        const auto h = m_book.levelFront(opposite(r.side));
        if (h != book::OrderBook::kNoOrder && crosses(r.side, r.price.value(), m_book.orderPrice(h).value()))
            return Reason::PostOnlyWouldTake;
    }
    if (hasStop && m_hasLastTrade && stopTriggered(r, m_lastTrade))
        return Reason::StopWouldTriggerNow;
    return Reason::None;
}

void MatchingEngine::submit(const DecimalOrderRequest &request, Timestamp now)
{
    if (now < m_now) {
        emitReject(request.id, request.side, request.owner, Reason::TimeWentBackwards);
        return;
    }
    OrderRequest r;
    r.id = request.id;
    r.owner = request.owner;
    r.side = request.side;
    r.type = request.type;
    r.timeInForce = request.timeInForce;
    r.selfTrade = request.selfTrade;
    r.expiry = request.expiry;
    const auto quantity = m_instrument.toQuantity(request.quantity, Rounding::Exact);
    Reason reason = Reason::None;
    if (!quantity)
        reason = quantity.error().code == ErrorCode::OutOfRange ? Reason::QuantityAboveMaximum : Reason::QuantityOffLot;
    else
        r.quantity = *quantity;
    const auto toPrice = [&](const Decimal &value, Price &out) {
        const auto price = m_instrument.toPrice(value, Rounding::Exact);
        if (!price && reason == Reason::None)
            reason = price.error().code == ErrorCode::OutOfRange ? Reason::PriceAboveMaximum : Reason::PriceOffTick;
        else if (price)
            out = *price;
    };
    if (r.type == OrderType::Limit || r.type == OrderType::StopLimit)
        toPrice(request.price, r.price);
    if (r.type == OrderType::StopMarket || r.type == OrderType::StopLimit)
        toPrice(request.stopPrice, r.stopPrice);
    if (reason != Reason::None) {
        advanceTime(now);
        emitReject(request.id, request.side, request.owner, reason);
        return;
    }
    submit(r, now);
}

void MatchingEngine::submit(const OrderRequest &request, Timestamp now)
{
    if (now < m_now) {
        emitReject(request.id, request.side, request.owner, Reason::TimeWentBackwards);
        return;
    }
    advanceTime(now);
    if (const Reason reason = validate(request); reason != Reason::None) {
        emitReject(request.id, request.side, request.owner, reason);
        return;
    }
    const bool isStop = request.type == OrderType::StopMarket || request.type == OrderType::StopLimit;
    Event accepted;
    accepted.type = EventType::Accepted;
    accepted.orderId = request.id;
    accepted.side = request.side;
    accepted.owner = request.owner;
    accepted.price =
        request.type == OrderType::Limit || request.type == OrderType::StopLimit ? request.price : Price(0);
    accepted.quantity = request.quantity;
    accepted.time = m_now;
    m_sink.onEvent(accepted);

    if (request.timeInForce == TimeInForce::GoodTillDate) {
        m_expiryOf.insert(request.id, request.expiry.nanoseconds());
        m_expiries.push_back(Expiry{request.expiry.nanoseconds(), request.id});
        std::push_heap(m_expiries.begin(), m_expiries.end(), laterExpiry<Expiry, Expiry>);
    }
    if (isStop) {
        m_stops.push_back(request);
        return;
    }
    Taker taker{request.id,
                request.owner,
                request.side,
                request.type == OrderType::Limit,
                request.price.value(),
                request.quantity.value(),
                request.timeInForce,
                request.selfTrade};
    process(taker);
    runStops();
}

void MatchingEngine::cancel(OrderId id, Timestamp now)
{
    if (now < m_now) {
        emitReject(id, Side::Invalid, 0, Reason::TimeWentBackwards);
        return;
    }
    advanceTime(now);
    if (const auto h = m_book.find(id); h != book::OrderBook::kNoOrder) {
        cancelResting(h, Reason::Requested);
        return;
    }
    const std::size_t i = findStop(id);
    if (i == m_stops.size()) {
        emitReject(id, Side::Invalid, 0, Reason::UnknownOrder);
        return;
    }
    const Event e = stopEvent(m_stops[i], EventType::Cancelled, Reason::Requested, m_now);
    m_stops.erase(m_stops.begin() + static_cast<std::ptrdiff_t>(i));
    forgetExpiry(id);
    m_sink.onEvent(e);
}

void MatchingEngine::cancelResting(book::OrderBook::Handle h, Reason reason)
{
    const Event e = restingEvent(h, EventType::Cancelled, reason, m_now);
    if (tifOf(m_book.orderFlags(h)) == TimeInForce::GoodTillDate)
        forgetExpiry(e.orderId);
    const std::int64_t left = m_book.remove(h).value();
    m_sink.onEvent(e);
    emitBook(e.side, e.price.value(), left);
}

void MatchingEngine::modify(OrderId id, Price price, Quantity quantity, Timestamp now)
{
    if (now < m_now) {
        emitReject(id, Side::Invalid, 0, Reason::TimeWentBackwards);
        return;
    }
    advanceTime(now);
    const auto h = m_book.find(id);
    Reason reason = Reason::None;
    if (h == book::OrderBook::kNoOrder)
        reason = findStop(id) != m_stops.size() ? Reason::NotModifiable : Reason::UnknownOrder;
    else if (quantity.value() <= 0)
        reason = Reason::NonPositiveQuantity;
    else if (quantity < m_instrument.minQuantity())
        reason = Reason::QuantityBelowMinimum;
    else if (quantity > m_config.maxQuantity)
        reason = Reason::QuantityAboveMaximum;
    else if (price.value() <= 0)
        reason = Reason::PriceNotPositive;
    else if (price > m_config.maxPrice)
        reason = Reason::PriceAboveMaximum;
    if (reason != Reason::None) {
        emitReject(id, Side::Invalid, 0, reason);
        return;
    }
    const Side side = m_book.orderSide(h);
    const OwnerId owner = m_book.orderOwner(h);
    const std::uint8_t flags = m_book.orderFlags(h);
    const std::int64_t oldPrice = m_book.orderPrice(h).value();
    const std::int64_t oldQuantity = m_book.orderQuantity(h).value();
    const bool keepsPriority = price.value() == oldPrice && quantity.value() <= oldQuantity;
    if (!keepsPriority && tifOf(flags) == TimeInForce::PostOnly) {
        const auto front = m_book.levelFront(opposite(side));
        if (front != book::OrderBook::kNoOrder && crosses(side, price.value(), m_book.orderPrice(front).value())) {
            emitReject(id, side, owner, Reason::PostOnlyWouldTake);
            return;
        }
    }
    Event e;
    e.type = EventType::Modified;
    e.orderId = id;
    e.side = side;
    e.owner = owner;
    e.price = price;
    e.quantity = quantity;
    e.keptPriority = keepsPriority;
    e.time = m_now;
    if (keepsPriority) {
        const std::int64_t left =
            quantity.value() < oldQuantity ? m_book.take(h, Quantity(oldQuantity - quantity.value())).value() : -1;
        m_sink.onEvent(e);
        if (left >= 0)
            emitBook(side, oldPrice, left);
        return;
    }
    const std::int64_t left = m_book.remove(h).value();
    m_sink.onEvent(e);
    emitBook(side, oldPrice, left);
    Taker taker{id, owner, side, true, price.value(), quantity.value(), tifOf(flags), stpOf(flags)};
    process(taker);
    runStops();
}

bool MatchingEngine::fillable(const Taker &t) const
{
    const Side other = opposite(t.side);
    std::int64_t available = 0;
    for (std::size_t rank = 0;; ++rank) {
        auto h = m_book.levelFront(other, rank);
        if (h == book::OrderBook::kNoOrder || (t.hasLimit && !crosses(t.side, t.limit, m_book.orderPrice(h).value())))
            return false;
        for (; h != book::OrderBook::kNoOrder; h = m_book.next(h)) {
            if (t.selfTrade != SelfTradePrevention::Off && m_book.orderOwner(h) == t.owner) {
                if (t.selfTrade == SelfTradePrevention::CancelOldest)
                    continue; // it would be cancelled, not traded
                return false; // the incoming order would be cancelled here
            }
            available += m_book.orderQuantity(h).value();
            if (available >= t.remaining)
                return true;
        }
    }
}

void MatchingEngine::cancelTaker(const Taker &t, Reason reason)
{
    Event e;
    e.type = EventType::Cancelled;
    e.orderId = t.id;
    e.side = t.side;
    e.owner = t.owner;
    e.price = Price(t.hasLimit ? t.limit : 0);
    e.quantity = Quantity(t.remaining);
    e.reason = reason;
    e.time = m_now;
    m_sink.onEvent(e);
}

bool MatchingEngine::process(Taker &t)
{
    const bool isGtd = t.timeInForce == TimeInForce::GoodTillDate;
    if (t.timeInForce == TimeInForce::FillOrKill && !fillable(t)) {
        cancelTaker(t, Reason::FillOrKillUnfillable);
        return false;
    }
    const Side other = opposite(t.side);
    while (t.remaining > 0) {
        const auto h = m_book.levelFront(other);
        if (h == book::OrderBook::kNoOrder)
            break;
        const std::int64_t price = m_book.orderPrice(h).value();
        if (t.hasLimit && !crosses(t.side, t.limit, price))
            break;
        const OwnerId makerOwner = m_book.orderOwner(h);
        if (t.selfTrade != SelfTradePrevention::Off && makerOwner == t.owner) {
            if (t.selfTrade == SelfTradePrevention::CancelOldest || t.selfTrade == SelfTradePrevention::CancelBoth)
                cancelResting(h, Reason::SelfTrade);
            if (t.selfTrade == SelfTradePrevention::CancelOldest)
                continue;
            if (isGtd)
                forgetExpiry(t.id);
            cancelTaker(t, Reason::SelfTrade);
            t.remaining = 0;
            return false;
        }
        const OrderId makerId = m_book.orderId(h);
        const std::int64_t makerQuantity = m_book.orderQuantity(h).value();
        const std::int64_t quantity = std::min(t.remaining, makerQuantity);
        if (quantity == makerQuantity && tifOf(m_book.orderFlags(h)) == TimeInForce::GoodTillDate)
            forgetExpiry(makerId);
        const std::int64_t left = m_book.take(h, Quantity(quantity)).value();
        t.remaining -= quantity;
        Event trade;
        trade.type = EventType::Trade;
        trade.orderId = t.id;
        trade.side = t.side;
        trade.owner = t.owner;
        trade.time = m_now;
        trade.makerId = makerId;
        trade.makerOwner = makerOwner;
        trade.price = Price(price);
        trade.quantity = Quantity(quantity);
        trade.remaining = Quantity(t.remaining);
        trade.makerRemaining = Quantity(makerQuantity - quantity);
        m_sink.onEvent(trade);
        emitBook(other, price, left);
        m_hasLastTrade = true;
        m_lastTrade = price;
        m_tradedSinceStopCheck = true;
    }
    if (t.remaining == 0) {
        if (isGtd)
            forgetExpiry(t.id);
        return false;
    }
    if (t.hasLimit && t.timeInForce != TimeInForce::ImmediateOrCancel && t.timeInForce != TimeInForce::FillOrKill) {
        rest(t);
        return true;
    }
    MERIDIAN_CHECK(t.timeInForce != TimeInForce::FillOrKill, "fill-or-kill order left a remainder");
    cancelTaker(t, Reason::ImmediateRemainder);
    return false;
}

void MatchingEngine::rest(const Taker &t)
{
    const auto added =
        m_book.add(t.id, t.side, Price(t.limit), Quantity(t.remaining), t.owner, packFlags(t.timeInForce, t.selfTrade));
    MERIDIAN_CHECK(added.has_value(), "validated order did not rest");
    emitBook(t.side, t.limit, added->value());
}

void MatchingEngine::runStops()
{
    if (!m_tradedSinceStopCheck)
        return;
    m_tradedSinceStopCheck = false;
    for (;;) {
        std::size_t i = 0;
        while (i < m_stops.size() && !stopTriggered(m_stops[i], m_lastTrade))
            ++i;
        if (i == m_stops.size())
            break;
        const OrderRequest stop = m_stops[i];
        m_stops.erase(m_stops.begin() + static_cast<std::ptrdiff_t>(i));
        Event e;
        e.type = EventType::Triggered;
        e.orderId = stop.id;
        e.side = stop.side;
        e.owner = stop.owner;
        e.price = stop.stopPrice;
        e.quantity = stop.quantity;
        e.time = m_now;
        m_sink.onEvent(e);
        const bool isLimit = stop.type == OrderType::StopLimit;
        Taker taker{stop.id,
                    stop.owner,
                    stop.side,
                    isLimit,
                    stop.price.value(),
                    stop.quantity.value(),
                    isLimit ? stop.timeInForce : TimeInForce::ImmediateOrCancel,
                    stop.selfTrade};
        if (!isLimit && stop.timeInForce == TimeInForce::GoodTillDate)
            forgetExpiry(stop.id); // a triggered stop-market never rests
        process(taker);
    }
    m_tradedSinceStopCheck = false;
}

} // namespace meridian::matching
