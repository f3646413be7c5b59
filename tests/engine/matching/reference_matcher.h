// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

// A slow, plainly written matcher with the same rules as MatchingEngine (see matching_engine.h), used as
// the oracle of the property test. Each side is one vector of orders kept in priority order (best price,
// then arrival); everything is found by scanning. Nothing here is shared with the engine.

#include "matching/order_types.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace meridian::matching::testing {

class ReferenceMatcher
{
public:
    struct Order
    {
        OrderId id;
        OwnerId owner;
        Side side;
        std::int64_t price;
        std::int64_t quantity;
        TimeInForce tif;
        SelfTradePrevention stp;
        std::int64_t expiry;
        std::uint64_t arrival;
    };

    ReferenceMatcher(std::int64_t minQuantity, std::int64_t maxQuantity, std::int64_t maxPrice)
        : m_minQuantity(minQuantity), m_maxQuantity(maxQuantity), m_maxPrice(maxPrice)
    {}

    std::vector<Event> events;

    const std::vector<Order> &side(Side s) const { return s == Side::Buy ? m_bids : m_asks; }
    std::size_t stopCount() const { return m_stops.size(); }

    bool advanceTime(std::int64_t now)
    {
        if (now < m_now)
            return false;
        m_now = now;
        expire();
        return true;
    }

    void submit(const OrderRequest &r, std::int64_t now)
    {
        if (now < m_now)
            return reject(r.id, r.side, r.owner, Reason::TimeWentBackwards);
        advanceTime(now);
        const Reason reason = validate(r);
        if (reason != Reason::None)
            return reject(r.id, r.side, r.owner, reason);
        const bool isLimit = r.type == OrderType::Limit || r.type == OrderType::StopLimit;
        Event e{};
        e.type = EventType::Accepted;
        e.orderId = r.id;
        e.side = r.side;
        e.owner = r.owner;
        e.price = Price(isLimit ? r.price.value() : 0);
        e.quantity = r.quantity;
        e.time = Timestamp::fromNanoseconds(m_now);
        events.push_back(e);
        if (r.type == OrderType::StopMarket || r.type == OrderType::StopLimit) {
            m_stops.push_back(r);
            return;
        }
        incoming(r.id, r.owner, r.side, r.type == OrderType::Limit, r.price.value(), r.quantity.value(), r.timeInForce,
                 r.selfTrade, r.expiry.nanoseconds());
        triggerStops();
    }

    void cancel(OrderId id, std::int64_t now)
    {
        if (now < m_now)
            return reject(id, Side::Invalid, 0, Reason::TimeWentBackwards);
        advanceTime(now);
        for (Side s : {Side::Buy, Side::Sell}) {
            auto &orders = mutableSide(s);
            for (std::size_t i = 0; i < orders.size(); ++i)
                if (orders[i].id == id)
                    return removeResting(s, i, EventType::Cancelled, Reason::Requested, m_now);
        }
        for (std::size_t i = 0; i < m_stops.size(); ++i) {
            if (m_stops[i].id == id) {
                const OrderRequest stop = m_stops[i];
                m_stops.erase(m_stops.begin() + static_cast<std::ptrdiff_t>(i));
                stopGone(stop, EventType::Cancelled, Reason::Requested, m_now);
                return;
            }
        }
        reject(id, Side::Invalid, 0, Reason::UnknownOrder);
    }

    void modify(OrderId id, std::int64_t price, std::int64_t quantity, std::int64_t now)
    {
        if (now < m_now)
            return reject(id, Side::Invalid, 0, Reason::TimeWentBackwards);
        advanceTime(now);
        const Order *found = nullptr;
        for (Side s : {Side::Buy, Side::Sell})
            for (const Order &o : side(s))
                if (o.id == id)
                    found = &o;
        Reason reason = Reason::None;
        if (!found) {
            reason = Reason::UnknownOrder;
            for (const OrderRequest &stop : m_stops)
                if (stop.id == id)
                    reason = Reason::NotModifiable;
        } else if (quantity <= 0) {
            reason = Reason::NonPositiveQuantity;
        } else if (quantity < m_minQuantity) {
            reason = Reason::QuantityBelowMinimum;
        } else if (quantity > m_maxQuantity) {
            reason = Reason::QuantityAboveMaximum;
        } else if (price <= 0) {
            reason = Reason::PriceNotPositive;
        } else if (price > m_maxPrice) {
            reason = Reason::PriceAboveMaximum;
        }
        if (reason != Reason::None)
            return reject(id, Side::Invalid, 0, reason);
        const Order order = *found;
        const bool keeps = price == order.price && quantity <= order.quantity;
        if (!keeps && order.tif == TimeInForce::PostOnly && wouldTake(order.side, price))
            return reject(id, order.side, order.owner, Reason::PostOnlyWouldTake);
        Event e{};
        e.type = EventType::Modified;
        e.orderId = id;
        e.side = order.side;
        e.owner = order.owner;
        e.price = Price(price);
        e.quantity = Quantity(quantity);
        e.keptPriority = keeps;
        e.time = Timestamp::fromNanoseconds(m_now);
        auto &orders = mutableSide(order.side);
        const std::size_t at = indexOf(order.side, id);
        if (keeps) {
            events.push_back(e);
            if (quantity < order.quantity) {
                orders[at].quantity = quantity;
                bookChanged(order.side, order.price);
            }
            return;
        }
        orders.erase(orders.begin() + static_cast<std::ptrdiff_t>(at));
        events.push_back(e);
        bookChanged(order.side, order.price);
        incoming(id, order.owner, order.side, true, price, quantity, order.tif, order.stp, order.expiry);
        triggerStops();
    }

private:
    std::vector<Order> &mutableSide(Side s) { return s == Side::Buy ? m_bids : m_asks; }

    std::size_t indexOf(Side s, OrderId id) const
    {
        const auto &orders = side(s);
        for (std::size_t i = 0; i < orders.size(); ++i)
            if (orders[i].id == id)
                return i;
        return orders.size();
    }

    bool isLive(OrderId id) const
    {
        for (Side s : {Side::Buy, Side::Sell})
            if (indexOf(s, id) != side(s).size())
                return true;
        for (const OrderRequest &stop : m_stops)
            if (stop.id == id)
                return true;
        return false;
    }

    static bool crosses(Side s, std::int64_t limit, std::int64_t resting)
    {
        return s == Side::Buy ? limit >= resting : limit <= resting;
    }

    bool wouldTake(Side s, std::int64_t limit) const
    {
        const auto &opposite = side(s == Side::Buy ? Side::Sell : Side::Buy);
        return !opposite.empty() && crosses(s, limit, opposite.front().price);
    }

    static bool triggered(const OrderRequest &stop, std::int64_t last)
    {
        return stop.side == Side::Buy ? last >= stop.stopPrice.value() : last <= stop.stopPrice.value();
    }

    Reason validate(const OrderRequest &r) const
    {
        if (r.id == ~OrderId(0))
            return Reason::InvalidOrderId;
        if (r.side != Side::Buy && r.side != Side::Sell)
            return Reason::InvalidSide;
        if (r.type != OrderType::Limit && r.type != OrderType::Market && r.type != OrderType::StopMarket &&
            r.type != OrderType::StopLimit)
            return Reason::InvalidOrderType;
        const TimeInForce t = r.timeInForce;
        bool tifOk = false;
        if (r.type == OrderType::Limit)
            tifOk = t == TimeInForce::GoodTillCancel || t == TimeInForce::ImmediateOrCancel ||
                    t == TimeInForce::FillOrKill || t == TimeInForce::GoodTillDate || t == TimeInForce::PostOnly;
        if (r.type == OrderType::Market)
            tifOk = t == TimeInForce::ImmediateOrCancel || t == TimeInForce::FillOrKill;
        if (r.type == OrderType::StopMarket)
            tifOk = t == TimeInForce::GoodTillCancel || t == TimeInForce::GoodTillDate;
        if (r.type == OrderType::StopLimit)
            tifOk = t == TimeInForce::GoodTillCancel || t == TimeInForce::ImmediateOrCancel ||
                    t == TimeInForce::FillOrKill || t == TimeInForce::GoodTillDate;
        if (!tifOk)
            return Reason::InvalidTimeInForce;
        const auto stp = r.selfTrade;
        if (stp != SelfTradePrevention::Off && stp != SelfTradePrevention::CancelNewest &&
            stp != SelfTradePrevention::CancelOldest && stp != SelfTradePrevention::CancelBoth)
            return Reason::InvalidSelfTradePrevention;
        if (r.quantity.value() <= 0)
            return Reason::NonPositiveQuantity;
        if (r.quantity.value() < m_minQuantity)
            return Reason::QuantityBelowMinimum;
        if (r.quantity.value() > m_maxQuantity)
            return Reason::QuantityAboveMaximum;
        const bool hasLimit = r.type == OrderType::Limit || r.type == OrderType::StopLimit;
        const bool hasStop = r.type == OrderType::StopMarket || r.type == OrderType::StopLimit;
        if (hasLimit && r.price.value() <= 0)
            return Reason::PriceNotPositive;
        if (hasLimit && r.price.value() > m_maxPrice)
            return Reason::PriceAboveMaximum;
        if (hasStop && r.stopPrice.value() <= 0)
            return Reason::PriceNotPositive;
        if (hasStop && r.stopPrice.value() > m_maxPrice)
            return Reason::PriceAboveMaximum;
        if (t == TimeInForce::GoodTillDate && r.expiry.nanoseconds() <= m_now)
            return Reason::ExpiryNotInFuture;
        if (isLive(r.id))
            return Reason::DuplicateOrderId;
        if (t == TimeInForce::PostOnly && wouldTake(r.side, r.price.value()))
            return Reason::PostOnlyWouldTake;
        if (hasStop && m_last && triggered(r, *m_last))
            return Reason::StopWouldTriggerNow;
        return Reason::None;
    }

    void reject(OrderId id, Side s, OwnerId owner, Reason reason)
    {
        Event e{};
        e.type = EventType::Rejected;
        e.orderId = id;
        e.side = s;
        e.owner = owner;
        e.reason = reason;
        e.time = Timestamp::fromNanoseconds(m_now);
        events.push_back(e);
    }

    void bookChanged(Side s, std::int64_t price)
    {
        std::int64_t total = 0;
        for (const Order &o : side(s))
            if (o.price == price)
                total += o.quantity;
        Event e{};
        e.type = EventType::BookChanged;
        e.side = s;
        e.price = Price(price);
        e.quantity = Quantity(total);
        e.time = Timestamp::fromNanoseconds(m_now);
        events.push_back(e);
    }

    void removeResting(Side s, std::size_t at, EventType type, Reason reason, std::int64_t time)
    {
        auto &orders = mutableSide(s);
        const Order o = orders[at];
        orders.erase(orders.begin() + static_cast<std::ptrdiff_t>(at));
        Event e{};
        e.type = type;
        e.orderId = o.id;
        e.side = o.side;
        e.owner = o.owner;
        e.price = Price(o.price);
        e.quantity = Quantity(o.quantity);
        e.reason = reason;
        e.time = Timestamp::fromNanoseconds(time);
        events.push_back(e);
        bookChanged(s, o.price);
    }

    void stopGone(const OrderRequest &stop, EventType type, Reason reason, std::int64_t time)
    {
        Event e{};
        e.type = type;
        e.orderId = stop.id;
        e.side = stop.side;
        e.owner = stop.owner;
        e.price = Price(stop.type == OrderType::StopLimit ? stop.price.value() : 0);
        e.quantity = stop.quantity;
        e.reason = reason;
        e.time = Timestamp::fromNanoseconds(time);
        events.push_back(e);
    }

    void expire()
    {
        struct Due
        {
            std::int64_t expiry;
            OrderId id;
        };
        std::vector<Due> due;
        for (Side s : {Side::Buy, Side::Sell})
            for (const Order &o : side(s))
                if (o.tif == TimeInForce::GoodTillDate && o.expiry <= m_now)
                    due.push_back({o.expiry, o.id});
        for (const OrderRequest &stop : m_stops)
            if (stop.timeInForce == TimeInForce::GoodTillDate && stop.expiry.nanoseconds() <= m_now)
                due.push_back({stop.expiry.nanoseconds(), stop.id});
        std::sort(due.begin(), due.end(),
                  [](const Due &a, const Due &b) { return a.expiry != b.expiry ? a.expiry < b.expiry : a.id < b.id; });
        for (const Due &d : due) {
            bool done = false;
            for (Side s : {Side::Buy, Side::Sell}) {
                const std::size_t at = indexOf(s, d.id);
                if (!done && at != side(s).size()) {
                    // The Expired event carries the expiry's own time; the book change the current time.
                    auto &orders = mutableSide(s);
                    const Order o = orders[at];
                    orders.erase(orders.begin() + static_cast<std::ptrdiff_t>(at));
                    Event e{};
                    e.type = EventType::Expired;
                    e.orderId = o.id;
                    e.side = o.side;
                    e.owner = o.owner;
                    e.price = Price(o.price);
                    e.quantity = Quantity(o.quantity);
                    e.reason = Reason::Expired;
                    e.time = Timestamp::fromNanoseconds(d.expiry);
                    events.push_back(e);
                    bookChanged(s, o.price);
                    done = true;
                }
            }
            for (std::size_t i = 0; !done && i < m_stops.size(); ++i) {
                if (m_stops[i].id == d.id) {
                    const OrderRequest stop = m_stops[i];
                    m_stops.erase(m_stops.begin() + static_cast<std::ptrdiff_t>(i));
                    stopGone(stop, EventType::Expired, Reason::Expired, d.expiry);
                    done = true;
                }
            }
        }
    }

    // How much an incoming order could fill before its limit or a self-trade stop, skipping resting orders
    // that self-trade prevention would cancel.
    bool fillable(OwnerId owner, Side s, bool hasLimit, std::int64_t limit, std::int64_t quantity,
                  SelfTradePrevention stp) const
    {
        std::int64_t available = 0;
        for (const Order &o : side(s == Side::Buy ? Side::Sell : Side::Buy)) {
            if (hasLimit && !crosses(s, limit, o.price))
                return false;
            if (stp != SelfTradePrevention::Off && o.owner == owner) {
                if (stp == SelfTradePrevention::CancelOldest)
                    continue;
                return false;
            }
            available += o.quantity;
            if (available >= quantity)
                return true;
        }
        return false;
    }

    void incoming(OrderId id, OwnerId owner, Side s, bool hasLimit, std::int64_t limit, std::int64_t quantity,
                  TimeInForce tif, SelfTradePrevention stp, std::int64_t expiry)
    {
        const Side other = s == Side::Buy ? Side::Sell : Side::Buy;
        Event cancelled{};
        cancelled.type = EventType::Cancelled;
        cancelled.orderId = id;
        cancelled.side = s;
        cancelled.owner = owner;
        cancelled.price = Price(hasLimit ? limit : 0);
        cancelled.time = Timestamp::fromNanoseconds(m_now);
        if (tif == TimeInForce::FillOrKill && !fillable(owner, s, hasLimit, limit, quantity, stp)) {
            cancelled.quantity = Quantity(quantity);
            cancelled.reason = Reason::FillOrKillUnfillable;
            events.push_back(cancelled);
            return;
        }
        auto &book = mutableSide(other);
        while (quantity > 0 && !book.empty() && (!hasLimit || crosses(s, limit, book.front().price))) {
            Order &maker = book.front();
            if (stp != SelfTradePrevention::Off && maker.owner == owner) {
                if (stp == SelfTradePrevention::CancelOldest || stp == SelfTradePrevention::CancelBoth)
                    removeResting(other, 0, EventType::Cancelled, Reason::SelfTrade, m_now);
                if (stp == SelfTradePrevention::CancelOldest)
                    continue;
                cancelled.quantity = Quantity(quantity);
                cancelled.reason = Reason::SelfTrade;
                events.push_back(cancelled);
                return;
            }
            const std::int64_t traded = std::min(quantity, maker.quantity);
            quantity -= traded;
            maker.quantity -= traded;
            Event t{};
            t.type = EventType::Trade;
            t.orderId = id;
            t.makerId = maker.id;
            t.side = s;
            t.owner = owner;
            t.makerOwner = maker.owner;
            t.price = Price(maker.price);
            t.quantity = Quantity(traded);
            t.remaining = Quantity(quantity);
            t.makerRemaining = Quantity(maker.quantity);
            t.time = Timestamp::fromNanoseconds(m_now);
            const std::int64_t price = maker.price;
            if (maker.quantity == 0)
                book.erase(book.begin());
            events.push_back(t);
            bookChanged(other, price);
            m_last = price;
            m_traded = true;
        }
        if (quantity == 0)
            return;
        if (hasLimit && tif != TimeInForce::ImmediateOrCancel && tif != TimeInForce::FillOrKill) {
            Order o{id, owner, s, limit, quantity, tif, stp, expiry, m_arrival++};
            auto &mine = mutableSide(s);
            // After every order with a better or equal price: price priority, then arrival.
            auto at = mine.begin();
            while (at != mine.end() && (at->price == limit || crosses(s, at->price, limit)))
                ++at;
            mine.insert(at, o);
            bookChanged(s, limit);
            return;
        }
        cancelled.quantity = Quantity(quantity);
        cancelled.reason = Reason::ImmediateRemainder;
        events.push_back(cancelled);
    }

    void triggerStops()
    {
        if (!m_traded)
            return;
        for (;;) {
            std::size_t i = 0;
            while (i < m_stops.size() && !triggered(m_stops[i], *m_last))
                ++i;
            if (i == m_stops.size())
                break;
            const OrderRequest stop = m_stops[i];
            m_stops.erase(m_stops.begin() + static_cast<std::ptrdiff_t>(i));
            Event e{};
            e.type = EventType::Triggered;
            e.orderId = stop.id;
            e.side = stop.side;
            e.owner = stop.owner;
            e.price = stop.stopPrice;
            e.quantity = stop.quantity;
            e.time = Timestamp::fromNanoseconds(m_now);
            events.push_back(e);
            const bool isLimit = stop.type == OrderType::StopLimit;
            incoming(stop.id, stop.owner, stop.side, isLimit, stop.price.value(), stop.quantity.value(),
                     isLimit ? stop.timeInForce : TimeInForce::ImmediateOrCancel, stop.selfTrade,
                     stop.expiry.nanoseconds());
        }
        m_traded = false;
    }

    std::int64_t m_minQuantity;
    std::int64_t m_maxQuantity;
    std::int64_t m_maxPrice;
    std::vector<Order> m_bids; // best first, then by arrival
    std::vector<Order> m_asks;
    std::vector<OrderRequest> m_stops;
    std::int64_t m_now = 0;
    std::optional<std::int64_t> m_last;
    bool m_traded = false;
    std::uint64_t m_arrival = 0;
};

} // namespace meridian::matching::testing
