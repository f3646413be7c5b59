// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "oms/order_manager.h"

#include <cmath>
#include <cstdio>

namespace meridian::oms {

namespace {

/// A fee as text without losing digits (std::to_string keeps six decimals: a fee of 1.2e-7 would be 0).
std::string feeText(double fee)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.12g", fee);
    return text;
}

constexpr const char *kOrderColumns =
    "order_id, client_order_id, venue_order_id, symbol, side, order_type, price, quantity, filled_quantity, status, "
    "reject_reason, created_at, updated_at, strategy, instrument_id, tick_size, lot_size";

/// An order from a row selected with kOrderColumns. Errors: CorruptData naming the order.
Result<Order> orderFromRow(const store::Statement &s)
{
    Order o;
    o.id = s.columnInt64(0);
    o.spec.clientOrderId = s.columnText(1);
    const auto bad = [&](const std::string &what) {
        return fail(ErrorCode::CorruptData, "orders: order " + o.spec.clientOrderId + " has " + what);
    };
    o.venueOrderId = s.columnText(2);
    InstrumentSpec spec;
    spec.id = static_cast<InstrumentId>(s.columnInt64(14));
    spec.symbol = s.columnText(3);
    auto tick = Decimal::parse(s.columnText(15));
    auto lot = Decimal::parse(s.columnText(16));
    if (!tick || !lot)
        return bad("no tick or lot size");
    spec.tickSize = *tick;
    spec.lotSize = *lot;
    auto instrument = Instrument::create(spec);
    if (!instrument)
        return bad("a bad instrument: " + instrument.error().message);
    o.spec.instrument = *instrument;
    o.spec.side = s.columnText(4) == "buy" ? Side::Buy : Side::Sell;
    o.spec.kind = s.columnText(5) == "market" ? OrderKind::Market : OrderKind::Limit;
    if (o.spec.kind == OrderKind::Limit) {
        auto price = o.spec.instrument->parsePrice(s.columnText(6), Rounding::Exact);
        if (!price)
            return bad("a bad price");
        o.spec.price = price->value();
    }
    auto quantity = o.spec.instrument->parseQuantity(s.columnText(7), Rounding::Exact);
    auto filled = o.spec.instrument->parseQuantity(s.columnText(8), Rounding::Exact);
    if (!quantity || !filled)
        return bad("a bad quantity");
    o.spec.quantity = quantity->value();
    o.filled = filled->value();
    if (!statusFromName(s.columnText(9), o.status))
        return bad("an unknown status");
    o.reason = s.columnText(10);
    o.createdNs = s.columnInt64(11);
    o.updatedNs = s.columnInt64(12);
    o.spec.strategy = s.columnText(13);
    return o;
}

} // namespace

OrderManager::OrderManager(store::Database &journal, Venue &venue, const Clock &clock, risk::PreTradeRisk *risk,
                           OmsConfig config)
    : m_db(journal), m_venue(venue), m_clock(clock), m_risk(risk), m_config(config)
{
    m_venue.setListener(this);
}

OrderManager::~OrderManager()
{
    m_venue.setListener(nullptr);
}

const Order *OrderManager::find(const std::string &clientOrderId) const
{
    const auto it = m_orders.find(clientOrderId);
    return it == m_orders.end() ? nullptr : &it->second;
}

std::vector<Order> OrderManager::openOrders() const
{
    std::vector<Order> out;
    out.reserve(m_open.size());
    for (const std::string &id : m_open)
        out.push_back(m_orders.at(id));
    return out;
}

void OrderManager::index(const Order &order)
{
    if (order.open())
        m_open.insert(order.spec.clientOrderId);
    else
        m_open.erase(order.spec.clientOrderId);
}

Result<void> OrderManager::move(Order &order, OrderStatus to, std::int64_t filled, const std::string &detail)
{
    const bool moves = canMove(order.status, to);
    if (!moves && filled == order.filled)
        return ok(); // nothing new (a repeated or late answer)
    const OrderStatus from = order.status;
    const OrderStatus next = moves ? to : order.status;
    const std::int64_t now = m_clock.now().nanoseconds();
    auto transaction = store::Transaction::begin(m_db);
    if (!transaction)
        return tl::unexpected(transaction.error());
    const Instrument &i = *order.spec.instrument;
    const std::string filledText = i.formatQuantity(Quantity(filled));
    auto update = m_db.prepare("UPDATE orders SET status = ?2, filled_quantity = ?3, reject_reason = ?4, "
                               "venue_order_id = ?5, updated_at = ?6 WHERE order_id = ?1");
    auto event = m_db.prepare("INSERT INTO order_events (order_id, ts, from_status, to_status, filled_quantity, "
                              "detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!update)
        return tl::unexpected(update.error());
    if (!event)
        return tl::unexpected(event.error());
    const std::string reason = detail.empty() ? order.reason : detail;
    for (auto b :
         {update->bind(1, order.id), update->bind(2, statusName(next)), update->bind(3, std::string_view(filledText)),
          update->bind(4, std::string_view(reason)), update->bind(5, std::string_view(order.venueOrderId)),
          update->bind(6, now), event->bind(1, order.id), event->bind(2, now), event->bind(3, statusName(from)),
          event->bind(4, statusName(next)), event->bind(5, std::string_view(filledText)),
          event->bind(6, std::string_view(detail))})
        if (!b)
            return b;
    if (auto r = update->run(); !r)
        return r;
    if (auto r = event->run(); !r)
        return r;
    if (auto r = transaction->commit(); !r)
        return r;
    order.status = next;
    index(order);
    order.filled = filled;
    order.reason = reason;
    order.updatedNs = now;
    if (isTerminal(next))
        m_retries.erase(order.spec.clientOrderId);
    if (m_listener)
        m_listener(order);
    return ok();
}

Result<void> OrderManager::journalFill(Order &order, const VenueFill &fill)
{
    std::set<std::string> &known = m_fillIds[order.spec.clientOrderId];
    if (known.count(fill.fillId))
        return ok();
    const Instrument &i = *order.spec.instrument;
    auto insert = m_db.prepare("INSERT INTO fills (order_id, venue_fill_id, price, quantity, fee, liquidity, ts) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (order_id, venue_fill_id) DO NOTHING");
    if (!insert)
        return tl::unexpected(insert.error());
    for (auto b :
         {insert->bind(1, order.id), insert->bind(2, std::string_view(fill.fillId)),
          insert->bind(3, i.formatPrice(Price(fill.price))), insert->bind(4, i.formatQuantity(Quantity(fill.quantity))),
          insert->bind(5, std::string_view(feeText(fill.fee))), insert->bind(6, fill.maker ? "maker" : "taker"),
          insert->bind(7, fill.timeNs)})
        if (!b)
            return b;
    if (auto r = insert->run(); !r)
        return r;
    known.insert(fill.fillId);
    if (m_risk)
        m_risk->onFill(order.spec.strategy, i.id(), order.spec.side, fill.quantity);
    return ok();
}

void OrderManager::onFill(const VenueFill &fill)
{
    const auto it = m_orders.find(fill.clientOrderId);
    if (it == m_orders.end())
        return;
    if (auto r = journalFill(it->second, fill); !r && !m_failure)
        m_failure = r.error();
}

void OrderManager::onVenueOrder(const VenueOrder &vo, std::int64_t)
{
    reached("before_ack");
    const auto it = m_orders.find(vo.clientOrderId);
    if (it == m_orders.end())
        return;
    Order &o = it->second;
    if (!vo.venueOrderId.empty())
        o.venueOrderId = vo.venueOrderId;
    if (auto r = move(o, vo.status, vo.filled, vo.reason); !r && !m_failure)
        m_failure = r.error();
}

void OrderManager::sendNow(Order &order)
{
    const std::int64_t now = m_clock.now().nanoseconds();
    const SendResult sent = m_venue.send(order, now);
    if (sent.status == SendStatus::Sent) {
        m_retries.erase(order.spec.clientOrderId);
        return;
    }
    Retry &retry = m_retries[order.spec.clientOrderId];
    ++retry.attempts;
    if (sent.status == SendStatus::Refused || retry.attempts >= m_config.maxAttempts) {
        const std::string why = sent.status == SendStatus::Refused
                                    ? m_venue.name() + " refused it: " + sent.message
                                    : m_venue.name() + " did not take it after " + std::to_string(retry.attempts) +
                                          " attempts: " + sent.message;
        if (auto r = move(order, OrderStatus::Rejected, order.filled, why); !r && !m_failure)
            m_failure = r.error();
        return;
    }
    retry.dueNs = now + static_cast<std::int64_t>(static_cast<double>(m_config.firstBackoffNs) *
                                                  std::pow(m_config.backoffFactor, retry.attempts - 1));
}

void OrderManager::poll()
{
    const std::int64_t now = m_clock.now().nanoseconds();
    std::vector<std::string> due;
    for (const auto &[id, retry] : m_retries)
        if (retry.dueNs <= now)
            due.push_back(id);
    for (const std::string &id : due) {
        const auto it = m_orders.find(id);
        if (it != m_orders.end() && it->second.status == OrderStatus::Pending)
            sendNow(it->second);
        else
            m_retries.erase(id);
    }
}

Result<Order> OrderManager::submit(OrderSpec spec)
{
    if (m_failure)
        return tl::unexpected(Error{m_failure->code, "the order journal failed earlier: " + m_failure->message});
    if (!spec.instrument)
        return fail(ErrorCode::InvalidArgument, "order " + spec.clientOrderId + " names no instrument");
    if ((spec.side != Side::Buy && spec.side != Side::Sell) || spec.quantity <= 0 ||
        (spec.kind == OrderKind::Limit && spec.price <= 0))
        return fail(ErrorCode::InvalidArgument, "order " + spec.clientOrderId +
                                                    ": side, quantity and price (limit) "
                                                    "must be set and positive");
    const std::int64_t now = m_clock.now().nanoseconds();
    if (spec.clientOrderId.empty())
        spec.clientOrderId = m_venue.name() + "-" + std::to_string(now) + "-" + std::to_string(m_nextClientId++);
    if (const auto known = m_orders.find(spec.clientOrderId); known != m_orders.end())
        return known->second; // the same order: nothing is sent again
    {
        auto select = m_db.prepare(std::string("SELECT ") + kOrderColumns + " FROM orders WHERE client_order_id = ?1");
        if (!select)
            return tl::unexpected(select.error());
        if (auto b = select->bind(1, std::string_view(spec.clientOrderId)); !b)
            return tl::unexpected(b.error());
        auto row = select->step();
        if (!row)
            return tl::unexpected(row.error());
        if (*row) {
            auto stored = orderFromRow(*select);
            if (!stored)
                return tl::unexpected(stored.error());
            Order &known = m_orders.emplace(spec.clientOrderId, *stored).first->second;
            index(known);
            return known;
        }
    }
    Order order;
    order.spec = std::move(spec);
    order.createdNs = order.updatedNs = now;
    order.status = OrderStatus::Pending;
    if (m_risk) {
        const risk::RiskDecision decision = m_risk->submit(
            risk::OrderIntent{order.spec.strategy, order.spec.instrument->id(), order.spec.side,
                              order.spec.kind == OrderKind::Market, order.spec.price, order.spec.quantity},
            now);
        if (!decision) {
            order.status = OrderStatus::Rejected;
            order.reason = decision.reason;
        }
    }
    const Instrument &i = *order.spec.instrument;
    auto transaction = store::Transaction::begin(m_db);
    if (!transaction)
        return tl::unexpected(transaction.error());
    auto insert = m_db.prepare(
        "INSERT INTO orders (client_order_id, venue, symbol, side, order_type, time_in_force, price, quantity, "
        "filled_quantity, status, reject_reason, created_at, updated_at, strategy, instrument_id, tick_size, lot_size) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '0', ?9, ?10, ?11, ?11, ?12, ?13, ?14, ?15)");
    if (!insert)
        return tl::unexpected(insert.error());
    const bool limit = order.spec.kind == OrderKind::Limit;
    for (auto b :
         {insert->bind(1, std::string_view(order.spec.clientOrderId)), insert->bind(2, m_venue.name()),
          insert->bind(3, std::string_view(i.symbol())), insert->bind(4, order.spec.side == Side::Buy ? "buy" : "sell"),
          insert->bind(5, limit ? "limit" : "market"), insert->bind(6, limit ? "gtc" : "ioc"),
          limit ? insert->bind(7, i.formatPrice(Price(order.spec.price))) : insert->bindNull(7),
          insert->bind(8, i.formatQuantity(Quantity(order.spec.quantity))), insert->bind(9, statusName(order.status)),
          insert->bind(10, std::string_view(order.reason)), insert->bind(11, now),
          insert->bind(12, std::string_view(order.spec.strategy)), insert->bind(13, static_cast<std::int64_t>(i.id())),
          insert->bind(14, i.tickSize().toString()), insert->bind(15, i.lotSize().toString())})
        if (!b)
            return tl::unexpected(b.error());
    if (auto r = insert->run(); !r)
        return tl::unexpected(r.error());
    auto id = m_db.queryInt64("SELECT last_insert_rowid()");
    if (!id)
        return tl::unexpected(id.error());
    order.id = id->value_or(0);
    auto event =
        m_db.prepare("INSERT INTO order_events (order_id, ts, from_status, to_status, filled_quantity, detail) "
                     "VALUES (?1, ?2, 'new', ?3, '0', ?4)");
    if (!event)
        return tl::unexpected(event.error());
    for (auto b : {event->bind(1, order.id), event->bind(2, now), event->bind(3, statusName(order.status)),
                   event->bind(4, std::string_view(order.reason))})
        if (!b)
            return tl::unexpected(b.error());
    if (auto r = event->run(); !r)
        return tl::unexpected(r.error());
    if (auto r = transaction->commit(); !r)
        return tl::unexpected(r.error());
    Order &kept = m_orders.emplace(order.spec.clientOrderId, std::move(order)).first->second;
    index(kept);
    if (m_listener)
        m_listener(kept);
    if (kept.status == OrderStatus::Pending) {
        reached("journalled");
        sendNow(kept);
    }
    if (m_failure)
        return tl::unexpected(*m_failure);
    return kept;
}

Result<void> OrderManager::cancel(const std::string &clientOrderId)
{
    const auto it = m_orders.find(clientOrderId);
    if (it == m_orders.end())
        return fail(ErrorCode::NotFound, "no order " + clientOrderId);
    Order &o = it->second;
    if (!o.open())
        return fail(ErrorCode::InvalidArgument,
                    "order " + clientOrderId + " is " + std::string(statusName(o.status)) + "; nothing to cancel");
    const std::int64_t now = m_clock.now().nanoseconds();
    if (m_risk)
        if (const risk::RiskDecision d = m_risk->cancel(o.spec.strategy, now); !d)
            return fail(ErrorCode::InvalidArgument, "cancel of " + clientOrderId + " refused: " + d.reason);
    if (o.status == OrderStatus::Pending && m_retries.count(clientOrderId)) {
        // Never reached the venue: cancelled here.
        return move(o, OrderStatus::Cancelled, o.filled, "cancelled before the venue took it");
    }
    const SendResult r = m_venue.cancel(o, now);
    if (r.status != SendStatus::Sent)
        return fail(ErrorCode::ExternalFailure, m_venue.name() + " did not cancel " + clientOrderId + ": " + r.message);
    if (m_failure)
        return tl::unexpected(*m_failure);
    return ok();
}

Result<RecoveryReport> OrderManager::recover()
{
    RecoveryReport report;
    auto select = m_db.prepare(std::string("SELECT ") + kOrderColumns +
                               " FROM orders WHERE venue = ?1 AND status IN ('new', 'pending', 'accepted', "
                               "'partially_filled') ORDER BY order_id");
    if (!select)
        return tl::unexpected(select.error());
    if (auto b = select->bind(1, m_venue.name()); !b)
        return tl::unexpected(b.error());
    for (;;) {
        auto row = select->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        auto order = orderFromRow(*select);
        if (!order)
            return tl::unexpected(order.error());
        index(m_orders[order->spec.clientOrderId] = *order);
        ++report.openOrders;
    }
    // The fills already journalled, so that none is counted twice; and the risk engine's positions from them.
    auto fills = m_db.prepare("SELECT o.client_order_id, f.venue_fill_id, f.quantity, o.side, o.strategy, "
                              "o.instrument_id, o.lot_size FROM fills f JOIN orders o ON o.order_id = f.order_id "
                              "WHERE o.venue = ?1");
    if (!fills)
        return tl::unexpected(fills.error());
    if (auto b = fills->bind(1, m_venue.name()); !b)
        return tl::unexpected(b.error());
    for (;;) {
        auto row = fills->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        m_fillIds[fills->columnText(0)].insert(fills->columnText(1));
        if (m_risk) {
            const auto quantity = Decimal::parse(fills->columnText(2));
            const auto lot = Decimal::parse(fills->columnText(6));
            if (quantity && lot && lot->mantissa() != 0) {
                const double lots = std::round(quantity->toDouble() / lot->toDouble());
                m_risk->onFill(fills->columnText(4), static_cast<InstrumentId>(fills->columnInt64(5)),
                               fills->columnText(3) == "buy" ? Side::Buy : Side::Sell, static_cast<std::int64_t>(lots));
            }
        }
    }
    auto venueOrders = m_venue.orders();
    if (!venueOrders)
        return tl::unexpected(venueOrders.error());
    auto venueFills = m_venue.fills();
    if (!venueFills)
        return tl::unexpected(venueFills.error());
    for (const VenueFill &f : *venueFills) {
        const auto it = m_orders.find(f.clientOrderId);
        if (it == m_orders.end() || m_fillIds[f.clientOrderId].count(f.fillId))
            continue;
        if (auto r = journalFill(it->second, f); !r)
            return tl::unexpected(r.error());
        ++report.missedFills;
    }
    std::map<std::string, const VenueOrder *> atVenue;
    for (const VenueOrder &v : *venueOrders)
        atVenue[v.clientOrderId] = &v;
    for (auto &[client, o] : m_orders) {
        if (!o.open())
            continue;
        const auto v = atVenue.find(client);
        if (v != atVenue.end()) {
            const VenueOrder &vo = *v->second;
            if (vo.status != o.status || vo.filled != o.filled) {
                if (!vo.venueOrderId.empty())
                    o.venueOrderId = vo.venueOrderId;
                if (auto r = move(o, vo.status, vo.filled, vo.reason); !r)
                    return tl::unexpected(r.error());
                ++report.updated;
            }
        } else if (o.status == OrderStatus::Pending || o.status == OrderStatus::New) {
            sendNow(o); // journalled, never received: send it now, once
            ++report.resent;
        } else if (auto r = move(o, OrderStatus::Cancelled, o.filled, "the venue no longer knows this order"); !r) {
            return tl::unexpected(r.error());
        }
    }
    for (const VenueOrder &v : *venueOrders) {
        if (m_orders.count(v.clientOrderId))
            continue;
        auto known = m_db.prepare("SELECT 1 FROM orders WHERE client_order_id = ?1");
        if (!known)
            return tl::unexpected(known.error());
        if (auto b = known->bind(1, std::string_view(v.clientOrderId)); !b)
            return tl::unexpected(b.error());
        auto row = known->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            report.unknownToUs.push_back(v.clientOrderId);
    }
    if (m_failure)
        return tl::unexpected(*m_failure);
    return report;
}

} // namespace meridian::oms
