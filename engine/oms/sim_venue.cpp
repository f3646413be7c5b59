// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "oms/sim_venue.h"

namespace meridian::oms {

namespace {

constexpr matching::OwnerId kOurs = 1;
constexpr matching::OwnerId kMarket = 2;

} // namespace

Result<std::unique_ptr<SimulatedVenue>> SimulatedVenue::open(std::string name, store::Database *db)
{
    std::unique_ptr<SimulatedVenue> venue(new SimulatedVenue(std::move(name), db));
    if (db)
        if (auto r = venue->load(); !r)
            return tl::unexpected(r.error());
    return venue;
}

SimulatedVenue::~SimulatedVenue() = default;

matching::MatchingEngine &SimulatedVenue::engineFor(const Instrument &instrument)
{
    auto &engine = m_engines[instrument.id()];
    if (!engine)
        engine = std::make_unique<matching::MatchingEngine>(instrument, *this);
    return *engine;
}

Result<void> SimulatedVenue::keep(const Kept &k, const Order *spec, std::int64_t nowNs)
{
    if (!m_db)
        return ok();
    if (spec) {
        const Instrument &i = *spec->spec.instrument;
        auto insert = m_db->prepare(
            "INSERT INTO sim_venue_orders (venue, client_order_id, matching_id, instrument_id, symbol, tick_size, "
            "lot_size, side, kind, price, quantity, filled, status, reason, ts) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?12, '', ?13)");
        if (!insert)
            return tl::unexpected(insert.error());
        for (auto b :
             {insert->bind(1, std::string_view(m_name)), insert->bind(2, std::string_view(k.order.clientOrderId)),
              insert->bind(3, static_cast<std::int64_t>(k.id)), insert->bind(4, static_cast<std::int64_t>(i.id())),
              insert->bind(5, std::string_view(i.symbol())), insert->bind(6, i.tickSize().toString()),
              insert->bind(7, i.lotSize().toString()), insert->bind(8, spec->spec.side == Side::Buy ? "buy" : "sell"),
              insert->bind(9, spec->spec.kind == OrderKind::Limit ? "limit" : "market"),
              insert->bind(10, spec->spec.price), insert->bind(11, spec->spec.quantity),
              insert->bind(12, statusName(k.order.status)), insert->bind(13, nowNs)})
            if (!b)
                return b;
        return insert->run();
    }
    auto update = m_db->prepare("UPDATE sim_venue_orders SET filled = ?3, status = ?4, reason = ?5 "
                                "WHERE venue = ?1 AND client_order_id = ?2");
    if (!update)
        return tl::unexpected(update.error());
    for (auto b : {update->bind(1, std::string_view(m_name)), update->bind(2, std::string_view(k.order.clientOrderId)),
                   update->bind(3, k.order.filled), update->bind(4, statusName(k.order.status)),
                   update->bind(5, std::string_view(k.order.reason))})
        if (!b)
            return b;
    return update->run();
}

Result<void> SimulatedVenue::load()
{
    auto select = m_db->prepare("SELECT client_order_id, matching_id, instrument_id, symbol, tick_size, lot_size, "
                                "side, kind, price, quantity, filled, status, reason, ts FROM sim_venue_orders "
                                "WHERE venue = ?1 ORDER BY matching_id");
    if (!select)
        return tl::unexpected(select.error());
    if (auto b = select->bind(1, std::string_view(m_name)); !b)
        return b;
    for (;;) {
        auto row = select->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        Kept k;
        k.order.clientOrderId = select->columnText(0);
        k.id = static_cast<matching::OrderId>(select->columnInt64(1));
        k.instrument = static_cast<InstrumentId>(select->columnInt64(2));
        k.order.venueOrderId = std::to_string(k.id);
        k.order.filled = select->columnInt64(10);
        k.order.reason = select->columnText(12);
        if (!statusFromName(select->columnText(11), k.order.status))
            return fail(ErrorCode::CorruptData, "sim_venue_orders: unknown status for " + k.order.clientOrderId);
        m_nextId = std::max(m_nextId, k.id + 1);
        m_clientOfId[k.id] = k.order.clientOrderId;
        if (!isTerminal(k.order.status)) {
            // Back into the book, as it rested: the quantity not yet filled, at its price.
            InstrumentSpec spec;
            spec.id = k.instrument;
            spec.symbol = select->columnText(3);
            spec.venue = m_name;
            auto tick = Decimal::parse(select->columnText(4));
            auto lot = Decimal::parse(select->columnText(5));
            if (!tick || !lot)
                return fail(ErrorCode::CorruptData,
                            "sim_venue_orders: bad tick or lot size for " + k.order.clientOrderId);
            spec.tickSize = *tick;
            spec.lotSize = *lot;
            auto instrument = Instrument::create(spec);
            if (!instrument)
                return tl::unexpected(instrument.error());
            matching::OrderRequest r;
            r.id = k.id;
            r.owner = kOurs;
            r.side = select->columnText(6) == "buy" ? Side::Buy : Side::Sell;
            r.type = matching::OrderType::Limit;
            r.timeInForce = matching::TimeInForce::GoodTillCancel;
            r.selfTrade = matching::SelfTradePrevention::Off;
            r.price = Price(select->columnInt64(8));
            r.quantity = Quantity(select->columnInt64(9) - k.order.filled);
            const std::int64_t ts = select->columnInt64(13);
            m_now = std::max(m_now, ts);
            m_byClient[k.order.clientOrderId] = k;
            VenueListener *listener = m_listener;
            m_listener = nullptr; // reloading is not news
            m_loading = true;
            engineFor(*instrument).submit(r, Timestamp::fromNanoseconds(m_now));
            m_loading = false;
            m_listener = listener;
        } else {
            m_byClient[k.order.clientOrderId] = k;
        }
    }
    auto fills = m_db->prepare("SELECT client_order_id, fill_id, price, quantity, fee, maker, ts FROM sim_venue_fills "
                               "WHERE venue = ?1 ORDER BY rowid");
    if (!fills)
        return tl::unexpected(fills.error());
    if (auto b = fills->bind(1, std::string_view(m_name)); !b)
        return b;
    for (;;) {
        auto row = fills->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        m_fills.push_back({fills->columnText(0), fills->columnText(1), fills->columnInt64(2), fills->columnInt64(3),
                           fills->columnDouble(4), fills->columnInt64(5) != 0, fills->columnInt64(6)});
    }
    return ok();
}

SendResult SimulatedVenue::send(const Order &order, std::int64_t nowNs)
{
    m_now = std::max(m_now, nowNs);
    if (m_failSends > 0) {
        --m_failSends;
        return {SendStatus::Transient, m_name + " is busy; try again"};
    }
    if (m_byClient.count(order.spec.clientOrderId))
        return {SendStatus::Sent, "already received"}; // idempotent: the same client id is the same order
    if (order.spec.quantity <= 0 || (order.spec.kind == OrderKind::Limit && order.spec.price <= 0))
        return {SendStatus::Refused, "quantity and price must be positive"};
    Kept k;
    k.order.clientOrderId = order.spec.clientOrderId;
    k.id = m_nextId++;
    k.order.venueOrderId = std::to_string(k.id);
    k.order.status = OrderStatus::Pending;
    k.instrument = order.spec.instrument->id();
    // Kept before anything is answered: a venue that restarts still has it.
    std::optional<store::Transaction> transaction;
    if (m_db) {
        auto t = store::Transaction::begin(*m_db);
        if (!t)
            return {SendStatus::Transient, m_name + " could not store the order: " + t.error().message};
        transaction.emplace(std::move(*t));
    }
    if (auto r = keep(k, &order, m_now); !r)
        return {SendStatus::Transient, m_name + " could not store the order: " + r.error().message};
    if (transaction)
        if (auto r = transaction->commit(); !r)
            return {SendStatus::Transient, m_name + " could not store the order: " + r.error().message};
    m_byClient[k.order.clientOrderId] = k;
    m_clientOfId[k.id] = k.order.clientOrderId;
    ++m_received;
    matching::OrderRequest r;
    r.id = k.id;
    r.owner = kOurs;
    r.side = order.spec.side;
    r.type = order.spec.kind == OrderKind::Limit ? matching::OrderType::Limit : matching::OrderType::Market;
    r.timeInForce = order.spec.kind == OrderKind::Limit ? matching::TimeInForce::GoodTillCancel
                                                        : matching::TimeInForce::ImmediateOrCancel;
    r.selfTrade = matching::SelfTradePrevention::Off;
    r.price = Price(order.spec.price);
    r.quantity = Quantity(order.spec.quantity);
    engineFor(*order.spec.instrument).submit(r, Timestamp::fromNanoseconds(m_now));
    return {SendStatus::Sent, ""};
}

SendResult SimulatedVenue::cancel(const Order &order, std::int64_t nowNs)
{
    m_now = std::max(m_now, nowNs);
    const auto it = m_byClient.find(order.spec.clientOrderId);
    if (it == m_byClient.end())
        return {SendStatus::Refused, "unknown order " + order.spec.clientOrderId};
    if (isTerminal(it->second.order.status))
        return {SendStatus::Refused,
                "order " + order.spec.clientOrderId + " is " + std::string(statusName(it->second.order.status))};
    const auto engine = m_engines.find(it->second.instrument);
    if (engine != m_engines.end())
        engine->second->cancel(it->second.id, Timestamp::fromNanoseconds(m_now));
    return {SendStatus::Sent, ""};
}

Result<std::vector<VenueOrder>> SimulatedVenue::orders()
{
    std::vector<VenueOrder> out;
    for (const auto &[client, k] : m_byClient)
        out.push_back(k.order);
    return out;
}

Result<std::vector<VenueFill>> SimulatedVenue::fills()
{
    return m_fills;
}

void SimulatedVenue::addLiquidity(const Instrument &instrument, Side side, std::int64_t price, std::int64_t quantity,
                                  std::int64_t nowNs)
{
    m_now = std::max(m_now, nowNs);
    matching::OrderRequest r;
    r.id = m_nextId++;
    r.owner = kMarket;
    r.side = side;
    r.type = matching::OrderType::Limit;
    r.timeInForce = matching::TimeInForce::GoodTillCancel;
    r.selfTrade = matching::SelfTradePrevention::Off;
    r.price = Price(price);
    r.quantity = Quantity(quantity);
    engineFor(instrument).submit(r, Timestamp::fromNanoseconds(m_now));
}

void SimulatedVenue::onEvent(const matching::Event &e)
{
    if (m_loading)
        return;
    const auto update = [&](matching::OrderId id, OrderStatus status, std::int64_t filledDelta,
                            const std::string &reason) -> Kept * {
        const auto client = m_clientOfId.find(id);
        if (client == m_clientOfId.end())
            return nullptr; // another participant's order
        Kept &k = m_byClient[client->second];
        k.order.filled += filledDelta;
        if (!isTerminal(k.order.status))
            k.order.status = status;
        if (!reason.empty())
            k.order.reason = reason;
        if (auto r = keep(k, nullptr, m_now); !r && m_error.empty())
            m_error = r.error().message;
        return &k;
    };
    const std::int64_t t = e.time.nanoseconds();
    switch (e.type) {
    case matching::EventType::Accepted:
        if (Kept *k = update(e.orderId, OrderStatus::Accepted, 0, ""); k && m_listener)
            m_listener->onVenueOrder(k->order, t);
        break;
    case matching::EventType::Rejected:
        if (Kept *k = update(e.orderId, OrderStatus::Rejected, 0, matching::reasonName(e.reason)); k && m_listener)
            m_listener->onVenueOrder(k->order, t);
        break;
    case matching::EventType::Cancelled:
    case matching::EventType::Expired:
        if (Kept *k = update(e.orderId,
                             e.type == matching::EventType::Cancelled ? OrderStatus::Cancelled : OrderStatus::Expired,
                             0, matching::reasonName(e.reason));
            k && m_listener)
            m_listener->onVenueOrder(k->order, t);
        break;
    case matching::EventType::Trade:
        for (const auto &[id, remaining, maker] : {std::tuple{e.orderId, e.remaining.value(), false},
                                                   std::tuple{e.makerId, e.makerRemaining.value(), true}}) {
            if (!m_clientOfId.count(id))
                continue;
            Kept *k =
                update(id, remaining == 0 ? OrderStatus::Filled : OrderStatus::PartiallyFilled, e.quantity.value(), "");
            VenueFill f{k->order.clientOrderId,
                        m_name + "-" + std::to_string(m_fills.size() + 1),
                        e.price.value(),
                        e.quantity.value(),
                        0,
                        maker,
                        t};
            if (m_db) {
                auto insert = m_db->prepare("INSERT INTO sim_venue_fills (venue, fill_id, client_order_id, price, "
                                            "quantity, fee, maker, ts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
                bool kept = static_cast<bool>(insert);
                if (kept)
                    for (auto b :
                         {insert->bind(1, std::string_view(m_name)), insert->bind(2, std::string_view(f.fillId)),
                          insert->bind(3, std::string_view(f.clientOrderId)), insert->bind(4, f.price),
                          insert->bind(5, f.quantity), insert->bind(6, f.fee), insert->bind(7, maker ? 1 : 0),
                          insert->bind(8, t)})
                        kept = kept && b;
                if (!kept || !insert->run())
                    if (m_error.empty())
                        m_error = "cannot store fill " + f.fillId;
            }
            m_fills.push_back(f);
            if (m_listener) {
                m_listener->onFill(f);
                m_listener->onVenueOrder(k->order, t);
            }
        }
        break;
    default:
        break;
    }
}

} // namespace meridian::oms
