// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "runtime/adapter_venue.h"

namespace meridian::runtime {

oms::SendResult AdapterVenue::send(const oms::Order &order, std::int64_t)
{
    if (m_byClient.count(order.spec.clientOrderId))
        return {}; // idempotent: the adapter has it already
    meridian_order_request r{};
    r.struct_size = sizeof r;
    r.instrument = order.spec.instrument->id();
    r.side = order.spec.side == Side::Buy ? MERIDIAN_SIDE_BUY : MERIDIAN_SIDE_SELL;
    const bool market = order.spec.kind == oms::OrderKind::Market;
    r.type = market ? MERIDIAN_ORDER_MARKET : MERIDIAN_ORDER_LIMIT;
    r.time_in_force = market ? MERIDIAN_TIF_IOC : MERIDIAN_TIF_GTC;
    r.price = order.spec.price;
    r.quantity = order.spec.quantity;
    r.client_tag = static_cast<std::uint64_t>(order.id);
    const std::uint64_t id = m_nextId;
    if (auto placed = m_host.placeOrder(id, r); !placed) {
        const bool later = placed.error().code == ErrorCode::Unavailable;
        return {later ? oms::SendStatus::Transient : oms::SendStatus::Refused, placed.error().message};
    }
    ++m_nextId;
    m_byClient[order.spec.clientOrderId] = id;
    m_orders[id] =
        Known{order.spec.clientOrderId,
              oms::VenueOrder{order.spec.clientOrderId, std::to_string(id), oms::OrderStatus::Pending, 0, ""}, 0};
    return {};
}

oms::SendResult AdapterVenue::cancel(const oms::Order &order, std::int64_t)
{
    const auto it = m_byClient.find(order.spec.clientOrderId);
    if (it == m_byClient.end())
        return {oms::SendStatus::Refused, m_name + " never received " + order.spec.clientOrderId};
    if (auto cancelled = m_host.cancelOrder(it->second); !cancelled) {
        const bool later = cancelled.error().code == ErrorCode::Unavailable;
        return {later ? oms::SendStatus::Transient : oms::SendStatus::Refused, cancelled.error().message};
    }
    return {};
}

Result<std::vector<oms::VenueOrder>> AdapterVenue::orders()
{
    std::vector<oms::VenueOrder> out;
    for (const auto &[id, known] : m_orders)
        if (known.state.status != oms::OrderStatus::Pending)
            out.push_back(known.state);
    return out;
}

std::size_t AdapterVenue::poll()
{
    return m_host.drain(*this);
}

void AdapterVenue::onOrderUpdate(const meridian_order_update &u)
{
    const auto it = m_orders.find(u.order_id);
    if (it == m_orders.end()) {
        if (m_other)
            m_other->onOrderUpdate(u); // not one of ours (placed elsewhere, or before this session)
        return;
    }
    Known &known = it->second;
    oms::VenueOrder &state = known.state;
    if (u.fill_quantity > 0) {
        oms::VenueFill fill{known.client,
                            std::to_string(u.order_id) + "-" + std::to_string(++known.fills),
                            u.fill_price,
                            u.fill_quantity,
                            static_cast<double>(u.fee) / 1e8,
                            u.liquidity == MERIDIAN_LIQUIDITY_MAKER,
                            u.time_ns};
        m_fills.push_back(fill);
        if (m_listener)
            m_listener->onFill(fill);
    }
    state.filled = std::max(state.filled, u.filled_quantity);
    state.reason.assign(u.reason.data ? u.reason.data : "", u.reason.size);
    switch (u.status) {
    case MERIDIAN_ORDER_ACCEPTED:
    case MERIDIAN_ORDER_MODIFIED:
        state.status = state.filled > 0 ? oms::OrderStatus::PartiallyFilled : oms::OrderStatus::Accepted;
        break;
    case MERIDIAN_ORDER_PARTIALLY_FILLED:
        state.status = oms::OrderStatus::PartiallyFilled;
        break;
    case MERIDIAN_ORDER_FILLED:
        state.status = oms::OrderStatus::Filled;
        break;
    case MERIDIAN_ORDER_CANCELLED:
        state.status = oms::OrderStatus::Cancelled;
        break;
    case MERIDIAN_ORDER_REJECTED:
        // A refused cancel comes back as a rejection of the cancel, not of the order: an order the venue
        // accepted stays as it was.
        if (state.status == oms::OrderStatus::Pending)
            state.status = oms::OrderStatus::Rejected;
        break;
    case MERIDIAN_ORDER_EXPIRED:
        state.status = oms::OrderStatus::Expired;
        break;
    default:
        return;
    }
    if (m_listener)
        m_listener->onVenueOrder(state, u.time_ns);
}

void AdapterVenue::onBookSnapshot(const meridian_book_view &v)
{
    if (m_other)
        m_other->onBookSnapshot(v);
}

void AdapterVenue::onBookDelta(const meridian_book_delta &d)
{
    if (m_other)
        m_other->onBookDelta(d);
}

void AdapterVenue::onTrade(const meridian_trade &t)
{
    if (m_other)
        m_other->onTrade(t);
}

void AdapterVenue::onBar(const meridian_bar &b)
{
    if (m_other)
        m_other->onBar(b);
}

void AdapterVenue::onAccount(const meridian_account &a)
{
    if (m_other)
        m_other->onAccount(a);
}

void AdapterVenue::onPosition(const meridian_position &p)
{
    if (m_other)
        m_other->onPosition(p);
}

void AdapterVenue::onConnection(meridian_connection_status status, const std::string &message)
{
    if (m_other)
        m_other->onConnection(status, message);
}

void AdapterVenue::onLog(meridian_log_level level, const std::string &message)
{
    if (m_other)
        m_other->onLog(level, message);
}

} // namespace meridian::runtime
