// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "sim/simulation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meridian::sim {

using matching::Event;
using matching::EventType;

namespace {

enum class MessageType : std::uint8_t { Wakeup, Submit, Cancel, Modify, Notice, Book, Trade, BookFlush };

// The mid's volatility (for agents that react to it) is sampled at least this far apart.
constexpr std::int64_t kVolatilitySampleNs = 1'000'000'000;
constexpr double kVolatilityHalfLifeS = 60;

} // namespace

struct Simulation::Message
{
    std::int64_t time;
    std::uint64_t sequence;
    AgentId agent; // the sender of a Submit/Cancel/Modify, the receiver of everything else
    std::uint16_t instrument;
    MessageType type;
    std::uint8_t side; // Side
    std::uint8_t kind; // Submit: OrderType; Notice: OrderNotice::Kind
    std::uint8_t tif;  // Submit: TimeInForce; Notice: 1 when maker
    std::uint8_t reason;
    std::int64_t price;
    std::int64_t quantity;
    std::uint64_t id;    // order id; Wakeup: tag; Book: snapshot slot; Trade: trade id
    std::int64_t extra;  // Submit: stop price; Notice: remaining
    std::int64_t extra2; // Submit: expiry; Notice and Trade: when the exchange did it
};

struct Simulation::AgentSlot
{
    std::unique_ptr<Agent> agent;
    Latency entry;
    Latency marketData;
    Rng rng;
    std::int64_t lastArrival = 0;   // at the exchange: an agent's messages keep their order
    std::int64_t lastDelivery = 0;  // at the agent, likewise
    unsigned noticeMask = ~0u;      // Agent::notices(), read once
    std::vector<std::int64_t> cash; // per instrument
    std::vector<std::int64_t> positions;
};

struct Simulation::Exchange
{
    Instrument instrument;
    std::unique_ptr<matching::MatchingEngine> engine;
    struct Subscriber
    {
        AgentId agent;
        std::int64_t intervalNs;  // 0: every change; otherwise at most one book per interval
        std::int64_t nextAllowed; // the earliest time of the next book
        bool flushPending;
    };
    std::vector<Subscriber> subscribers;
    std::int64_t lastTrade = 0;
    bool bookChanged = false;
    std::uint64_t published = 0;
    // Volatility of the mid: an exponentially weighted mean of squared changes per second.
    double variance = 0;
    double sampleMid = 0;
    std::int64_t sampleTime = -1;
};

namespace {
/// The queue's order: the earliest time first, then the earliest scheduled.
bool earlier(const Simulation::QueueEntry &a, const Simulation::QueueEntry &b)
{
    return a.key < b.key;
}

std::int64_t timeOf(const Simulation::QueueEntry &e)
{
    return static_cast<std::int64_t>(e.key >> 64);
}
} // namespace

class Simulation::Sink final : public matching::EventSink
{
public:
    explicit Sink(Simulation &sim) : m_sim(sim) {}
    void onEvent(const Event &event) override { m_sim.settle(instrument, event); }
    std::uint16_t instrument = 0;

private:
    Simulation &m_sim;
};

// ---- AgentContext --------------------------------------------------------------------------------------

std::int64_t AgentContext::now() const
{
    return m_sim->m_now;
}
Rng &AgentContext::rng() const
{
    return m_sim->m_agents[m_id].rng;
}
std::size_t AgentContext::instrumentCount() const
{
    return m_sim->instrumentCount();
}
const book::OrderBook &AgentContext::book(std::uint16_t instrument) const
{
    return m_sim->book(instrument);
}
std::int64_t AgentContext::bestBid(std::uint16_t instrument) const
{
    const auto p = m_sim->book(instrument).bestBid();
    return p ? p->value() : 0;
}
std::int64_t AgentContext::bestAsk(std::uint16_t instrument) const
{
    const auto p = m_sim->book(instrument).bestAsk();
    return p ? p->value() : 0;
}
double AgentContext::reference(std::uint16_t instrument) const
{
    const std::int64_t bid = bestBid(instrument), ask = bestAsk(instrument);
    if (bid > 0 && ask > 0)
        return static_cast<double>(bid + ask) / 2.0;
    if (const std::int64_t last = lastTrade(instrument); last > 0)
        return static_cast<double>(last);
    return fundamental(instrument);
}
std::int64_t AgentContext::lastTrade(std::uint16_t instrument) const
{
    return m_sim->lastTrade(instrument);
}
double AgentContext::fundamental(std::uint16_t instrument) const
{
    return m_sim->fundamental(instrument);
}
double AgentContext::liquidity() const
{
    return m_sim->liquidity();
}
double AgentContext::volatility(std::uint16_t instrument) const
{
    return m_sim->volatility(instrument);
}
std::uint64_t AgentContext::sendLimit(std::uint16_t instrument, Side side, std::int64_t price, std::int64_t quantity,
                                      matching::TimeInForce tif) const
{
    matching::OrderRequest r;
    r.side = side;
    r.type = matching::OrderType::Limit;
    r.timeInForce = tif;
    r.price = Price(price);
    r.quantity = Quantity(quantity);
    return m_sim->sendOrder(m_id, instrument, r);
}
std::uint64_t AgentContext::sendMarket(std::uint16_t instrument, Side side, std::int64_t quantity) const
{
    matching::OrderRequest r;
    r.side = side;
    r.type = matching::OrderType::Market;
    r.timeInForce = matching::TimeInForce::ImmediateOrCancel;
    r.quantity = Quantity(quantity);
    return m_sim->sendOrder(m_id, instrument, r);
}
std::uint64_t AgentContext::send(std::uint16_t instrument, const matching::OrderRequest &request) const
{
    return m_sim->sendOrder(m_id, instrument, request);
}
void AgentContext::cancel(std::uint16_t instrument, std::uint64_t orderId) const
{
    m_sim->sendCancel(m_id, instrument, orderId);
}
void AgentContext::modify(std::uint16_t instrument, std::uint64_t orderId, std::int64_t price,
                          std::int64_t quantity) const
{
    m_sim->sendModify(m_id, instrument, orderId, price, quantity);
}
void AgentContext::wakeAt(std::int64_t at, std::uint64_t tag) const
{
    Simulation::Message m{};
    m.time = std::max(at, m_sim->m_now);
    m.agent = m_id;
    m.type = MessageType::Wakeup;
    m.id = tag;
    m_sim->schedule(m);
}
void AgentContext::subscribe(std::uint16_t instrument, std::int64_t bookIntervalNs) const
{
    auto &subscribers = m_sim->m_exchanges.at(instrument)->subscribers;
    const auto it =
        std::find_if(subscribers.begin(), subscribers.end(), [&](const auto &s) { return s.agent == m_id; });
    if (it != subscribers.end())
        it->intervalNs = std::max<std::int64_t>(0, bookIntervalNs);
    else
        subscribers.push_back({m_id, std::max<std::int64_t>(0, bookIntervalNs), 0, false});
}
std::int64_t AgentContext::position(std::uint16_t instrument) const
{
    return m_sim->position(m_id, instrument);
}
std::int64_t AgentContext::cash(std::uint16_t instrument) const
{
    return m_sim->cash(m_id, instrument);
}

// ---- Simulation ----------------------------------------------------------------------------------------

Result<std::unique_ptr<Simulation>> Simulation::create(SimulationConfig config)
{
    if (config.instruments.empty())
        return fail(ErrorCode::InvalidArgument, "simulation: no instrument");
    if (config.instruments.size() > 0xFFFF)
        return fail(ErrorCode::InvalidArgument, "simulation: too many instruments");
    if (config.durationNs <= 0)
        return fail(ErrorCode::InvalidArgument, "simulation: the duration must be positive");
    std::unique_ptr<Simulation> sim(new Simulation(std::move(config)));
    std::vector<double> initial;
    std::vector<FundamentalParameters> parameters;
    for (std::size_t i = 0; i < sim->m_config.instruments.size(); ++i) {
        const InstrumentSetup &setup = sim->m_config.instruments[i];
        if (!(setup.initialPrice >= 1))
            return fail(ErrorCode::InvalidArgument,
                        "simulation: instrument " + setup.spec.symbol + " needs an initial price of at least one tick");
        auto instrument = Instrument::create(setup.spec);
        if (!instrument)
            return tl::unexpected(instrument.error());
        auto exchange = std::make_unique<Exchange>(Exchange{*instrument, nullptr, {}, 0, false, 0, 0, 0, -1});
        matching::EngineConfig engineConfig;
        engineConfig.publishBookChanges = true;
        engineConfig.expectedOrders = 1 << 12;
        exchange->engine = std::make_unique<matching::MatchingEngine>(*instrument, *sim->m_sink, engineConfig);
        sim->m_exchanges.push_back(std::move(exchange));
        initial.push_back(setup.initialPrice);
        parameters.push_back(setup.fundamental);
    }
    sim->m_fundamentals = std::make_unique<FundamentalModel>(std::move(initial), std::move(parameters),
                                                             sim->m_config.commonFactor, sim->m_config.seed);
    return sim;
}

Simulation::Simulation(SimulationConfig config) : m_config(std::move(config)), m_sink(std::make_unique<Sink>(*this)) {}

Simulation::~Simulation() = default;

AgentId Simulation::addAgent(std::unique_ptr<Agent> agent, Latency entry, Latency marketData)
{
    const auto id = static_cast<AgentId>(m_agents.size());
    AgentSlot slot{std::move(agent), entry, marketData, Rng(m_config.seed, std::uint64_t(id) + 1), 0, 0, ~0u, {}, {}};
    slot.noticeMask = slot.agent->notices();
    slot.cash.assign(m_exchanges.size(), 0);
    slot.positions.assign(m_exchanges.size(), 0);
    m_agents.push_back(std::move(slot));
    return id;
}

std::size_t Simulation::agentCount() const
{
    return m_agents.size();
}

std::size_t Simulation::instrumentCount() const
{
    return m_exchanges.size();
}

Agent &Simulation::agent(AgentId id)
{
    return *m_agents.at(id).agent;
}

const Instrument &Simulation::instrument(std::uint16_t i) const
{
    return m_exchanges.at(i)->instrument;
}

const book::OrderBook &Simulation::book(std::uint16_t instrument) const
{
    return m_exchanges[instrument]->engine->book();
}

std::int64_t Simulation::lastTrade(std::uint16_t instrument) const
{
    return m_exchanges[instrument]->lastTrade;
}

double Simulation::fundamental(std::uint16_t instrument)
{
    const double value = m_fundamentals->value(instrument, m_now);
    const Shock &s = m_config.shock;
    if (s.time < 0 || m_now < s.time || s.jump == 0)
        return value;
    const double elapsed = static_cast<double>(m_now - s.time);
    const double left = s.jumpHalfLifeNs > 0 ? std::exp2(-elapsed / static_cast<double>(s.jumpHalfLifeNs)) : 1.0;
    return value * std::exp(s.jump * left);
}

double Simulation::volatility(std::uint16_t instrument) const
{
    return std::sqrt(m_exchanges[instrument]->variance);
}

double Simulation::liquidity() const
{
    const Shock &s = m_config.shock;
    if (s.time < 0 || m_now < s.time || s.liquidityDrop <= 0)
        return 1.0;
    const double elapsed = static_cast<double>(m_now - s.time);
    const double recovered = s.recoveryNs > 0 ? std::exp2(-elapsed / static_cast<double>(s.recoveryNs)) : 0.0;
    return std::max(0.01, 1.0 - s.liquidityDrop * recovered);
}

std::int64_t Simulation::position(AgentId agent, std::uint16_t instrument) const
{
    return m_agents[agent].positions[instrument];
}

std::int64_t Simulation::cash(AgentId agent, std::uint16_t instrument) const
{
    return m_agents[agent].cash[instrument];
}

void Simulation::schedule(Message &message)
{
    message.sequence = m_sequence++;
    std::uint32_t slot;
    if (m_freeSlots.empty()) {
        slot = static_cast<std::uint32_t>(m_slab.size());
        m_slab.push_back(message);
    } else {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_slab[slot] = message;
    }
    // A 4-ary min-heap: half the depth of a binary one, and a node's children share a cache line or two.
    QueueEntry entry{(UInt128(static_cast<std::uint64_t>(message.time)) << 64) | message.sequence, slot};
    std::size_t i = m_queue.size();
    m_queue.push_back(entry);
    while (i > 0) {
        const std::size_t parent = (i - 1) / 4;
        if (!earlier(entry, m_queue[parent]))
            break;
        m_queue[i] = m_queue[parent];
        i = parent;
    }
    m_queue[i] = entry;
}

std::int64_t Simulation::delay(AgentId agent, const Latency &latency)
{
    AgentSlot &slot = m_agents[agent];
    return latency.fixedNs + (latency.jitterNs > 0 ? slot.rng.uniformInt(0, latency.jitterNs) : 0);
}

std::int64_t Simulation::arrival(AgentId agent)
{
    AgentSlot &slot = m_agents[agent];
    slot.lastArrival = std::max(slot.lastArrival, m_now + delay(agent, slot.entry));
    return slot.lastArrival;
}

std::uint64_t Simulation::sendOrder(AgentId from, std::uint16_t instrument, const matching::OrderRequest &request)
{
    Message m{};
    m.time = arrival(from);
    m.agent = from;
    m.instrument = instrument;
    m.type = MessageType::Submit;
    m.side = static_cast<std::uint8_t>(request.side);
    m.kind = static_cast<std::uint8_t>(request.type);
    m.tif = static_cast<std::uint8_t>(request.timeInForce);
    m.reason = static_cast<std::uint8_t>(request.selfTrade);
    m.price = request.price.value();
    m.quantity = request.quantity.value();
    m.id = m_nextOrderId++;
    m.extra = request.stopPrice.value();
    m.extra2 = request.expiry.nanoseconds();
    schedule(m);
    return m.id;
}

void Simulation::sendCancel(AgentId from, std::uint16_t instrument, std::uint64_t orderId)
{
    Message m{};
    m.time = arrival(from);
    m.agent = from;
    m.instrument = instrument;
    m.type = MessageType::Cancel;
    m.id = orderId;
    schedule(m);
}

void Simulation::sendModify(AgentId from, std::uint16_t instrument, std::uint64_t orderId, std::int64_t price,
                            std::int64_t quantity)
{
    Message m{};
    m.time = arrival(from);
    m.agent = from;
    m.instrument = instrument;
    m.type = MessageType::Modify;
    m.id = orderId;
    m.price = price;
    m.quantity = quantity;
    schedule(m);
}

bool Simulation::run(std::int64_t until)
{
    const std::int64_t end = until >= 0 ? std::min(until, m_config.durationNs) : m_config.durationNs;
    if (!m_started)
        step();
    while (!m_done) {
        if (!m_queue.empty() && timeOf(m_queue.front()) <= end) {
            step();
            continue;
        }
        if (end < m_config.durationNs) {
            m_now = std::max(m_now, end); // paused: nothing is due before `end`
            return true;
        }
        m_now = m_config.durationNs;
        m_done = true;
    }
    return false;
}

bool Simulation::step()
{
    if (m_done)
        return false;
    if (!m_started) {
        m_started = true;
        for (AgentId id = 0; id < m_agents.size(); ++id)
            m_agents[id].agent->start(AgentContext(*this, id));
        return true;
    }
    if (m_config.maxMessages > 0 && m_stats.messages >= m_config.maxMessages) {
        m_stats.stoppedEarly = true;
        m_done = true;
        return false;
    }
    if (m_queue.empty() || timeOf(m_queue.front()) > m_config.durationNs) {
        m_now = m_config.durationNs;
        m_done = true;
        return false;
    }
    const std::uint32_t slot = m_queue.front().slot;
    const QueueEntry last = m_queue.back();
    m_queue.pop_back();
    if (!m_queue.empty()) {
        // Sift the last entry down from the root.
        const std::size_t n = m_queue.size();
        std::size_t i = 0;
        for (;;) {
            const std::size_t first = 4 * i + 1;
            if (first >= n)
                break;
            std::size_t best = first;
            const std::size_t end = std::min(first + 4, n);
            for (std::size_t c = first + 1; c < end; ++c)
                if (earlier(m_queue[c], m_queue[best]))
                    best = c;
            if (!earlier(m_queue[best], last))
                break;
            m_queue[i] = m_queue[best];
            i = best;
        }
        m_queue[i] = last;
    }
    const Message message = m_slab[slot];
    m_freeSlots.push_back(slot);
    m_now = message.time;
    ++m_stats.messages;
    dispatch(message);
    return true;
}

void Simulation::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_done = true;
    for (AgentId id = 0; id < m_agents.size(); ++id)
        m_agents[id].agent->finish(AgentContext(*this, id));
}

void Simulation::dispatch(const Message &m)
{
    switch (m.type) {
    case MessageType::Wakeup:
        ++m_stats.wakeups;
        m_agents[m.agent].agent->wakeup(AgentContext(*this, m.agent), m.id);
        return;
    case MessageType::Submit:
    case MessageType::Cancel:
    case MessageType::Modify:
        ++m_stats.toExchange;
        atExchange(m);
        return;
    case MessageType::Notice: {
        ++m_stats.notices;
        OrderNotice n;
        n.kind = static_cast<OrderNotice::Kind>(m.kind);
        n.side = static_cast<Side>(m.side);
        n.reason = static_cast<matching::Reason>(m.reason);
        n.maker = m.tif != 0;
        n.instrument = m.instrument;
        n.orderId = m.id;
        n.price = m.price;
        n.quantity = m.quantity;
        n.remaining = m.extra;
        n.time = m.extra2;
        m_agents[m.agent].agent->notice(AgentContext(*this, m.agent), n);
        return;
    }
    case MessageType::Book: {
        ++m_stats.bookUpdates;
        const auto slot = static_cast<std::uint32_t>(m.id);
        // A deque's elements stay put when it grows, so the reference survives books the agent's reaction
        // publishes; the slot is freed after the call.
        m_agents[m.agent].agent->book(AgentContext(*this, m.agent), m_snapshots[slot]);
        m_freeSnapshots.push_back(slot);
        return;
    }
    case MessageType::BookFlush: {
        Exchange &ex = *m_exchanges[m.instrument];
        for (std::size_t i = 0; i < ex.subscribers.size(); ++i)
            if (ex.subscribers[i].agent == m.agent && ex.subscribers[i].flushPending)
                sendBook(m.instrument, i);
        return;
    }
    case MessageType::Trade: {
        ++m_stats.tradeUpdates;
        TradeTick t;
        t.instrument = m.instrument;
        t.aggressor = static_cast<Side>(m.side);
        t.time = m.extra2;
        t.price = m.price;
        t.quantity = m.quantity;
        t.tradeId = m.id;
        m_agents[m.agent].agent->trade(AgentContext(*this, m.agent), t);
        return;
    }
    }
}

void Simulation::atExchange(const Message &m)
{
    Exchange &ex = *m_exchanges[m.instrument];
    m_sink->instrument = m.instrument;
    const Timestamp now = Timestamp::fromNanoseconds(m_now);
    if (m.type == MessageType::Submit) {
        ++m_stats.orders;
        matching::OrderRequest r;
        r.id = m.id;
        r.owner = m.agent + 1;
        r.side = static_cast<Side>(m.side);
        r.type = static_cast<matching::OrderType>(m.kind);
        r.timeInForce = static_cast<matching::TimeInForce>(m.tif);
        r.selfTrade = static_cast<matching::SelfTradePrevention>(m.reason);
        r.price = Price(m.price);
        r.stopPrice = Price(m.extra);
        r.quantity = Quantity(m.quantity);
        r.expiry = Timestamp::fromNanoseconds(m.extra2);
        if (m_observer) {
            const auto bid = ex.engine->book().bestBid(), ask = ex.engine->book().bestAsk();
            const double mid = bid && ask ? static_cast<double>(bid->value() + ask->value()) / 2.0 : 0.0;
            m_observer->orderArrived(m.agent, m.instrument, r, mid);
        }
        ex.engine->submit(r, now);
    } else if (m.type == MessageType::Cancel) {
        ++m_stats.cancels;
        ex.engine->cancel(m.id, now);
    } else {
        ex.engine->modify(m.id, Price(m.price), Quantity(m.quantity), now);
    }
    if (ex.bookChanged) {
        ex.bookChanged = false;
        publish(m.instrument);
    }
}

void Simulation::notify(AgentId agent, const OrderNotice &n)
{
    AgentSlot &slot = m_agents[agent];
    if ((slot.noticeMask & noticeBit(n.kind)) == 0)
        return;
    Message m{};
    slot.lastDelivery = std::max(slot.lastDelivery, m_now + delay(agent, slot.entry));
    m.time = slot.lastDelivery;
    m.agent = agent;
    m.instrument = n.instrument;
    m.type = MessageType::Notice;
    m.side = static_cast<std::uint8_t>(n.side);
    m.kind = static_cast<std::uint8_t>(n.kind);
    m.tif = n.maker ? 1 : 0;
    m.reason = static_cast<std::uint8_t>(n.reason);
    m.price = n.price;
    m.quantity = n.quantity;
    m.id = n.orderId;
    m.extra = n.remaining;
    m.extra2 = n.time;
    schedule(m);
}

void Simulation::settle(std::uint16_t instrument, const Event &e)
{
    Exchange &ex = *m_exchanges[instrument];
    OrderNotice n;
    n.instrument = instrument;
    n.side = e.side;
    n.reason = e.reason;
    n.orderId = e.orderId;
    n.price = e.price.value();
    n.quantity = e.quantity.value();
    n.remaining = e.remaining.value();
    n.time = m_now;
    switch (e.type) {
    case EventType::Accepted:
        n.kind = OrderNotice::Kind::Accepted;
        break;
    case EventType::Rejected:
        n.kind = OrderNotice::Kind::Rejected;
        break;
    case EventType::Cancelled:
        n.kind = OrderNotice::Kind::Cancelled;
        break;
    case EventType::Expired:
        n.kind = OrderNotice::Kind::Expired;
        break;
    case EventType::Modified:
        n.kind = OrderNotice::Kind::Modified;
        break;
    case EventType::BookChanged:
        ex.bookChanged = true;
        return;
    case EventType::Trade: {
        ++m_stats.trades;
        const AgentId taker = e.owner - 1, maker = e.makerOwner - 1;
        const std::int64_t price = e.price.value(), quantity = e.quantity.value();
        const AgentId buyer = e.side == Side::Buy ? taker : maker;
        const AgentId seller = e.side == Side::Buy ? maker : taker;
        m_agents[buyer].cash[instrument] -= price * quantity;
        m_agents[buyer].positions[instrument] += quantity;
        m_agents[seller].cash[instrument] += price * quantity;
        m_agents[seller].positions[instrument] -= quantity;
        ex.lastTrade = price;
        n.kind = OrderNotice::Kind::Filled;
        notify(taker, n);
        n.maker = true;
        n.side = e.side == Side::Buy ? Side::Sell : Side::Buy;
        n.orderId = e.makerId;
        n.remaining = e.makerRemaining.value();
        notify(maker, n);
        TradeTick tick{instrument, e.side, m_now, price, quantity, m_nextTradeId++};
        if (m_observer) {
            const bool takerBuys = e.side == Side::Buy;
            m_observer->traded(tick, buyer, takerBuys ? e.orderId : e.makerId, seller,
                               takerBuys ? e.makerId : e.orderId);
        }
        for (const Exchange::Subscriber &sub : ex.subscribers) {
            const AgentId subscriber = sub.agent;
            AgentSlot &slot = m_agents[subscriber];
            Message m{};
            slot.lastDelivery = std::max(slot.lastDelivery, m_now + delay(subscriber, slot.marketData));
            m.time = slot.lastDelivery;
            m.agent = subscriber;
            m.instrument = instrument;
            m.type = MessageType::Trade;
            m.side = static_cast<std::uint8_t>(e.side);
            m.price = price;
            m.quantity = quantity;
            m.id = tick.tradeId;
            m.extra2 = m_now;
            schedule(m);
        }
        return;
    }
    default:
        return;
    }
    if (e.owner != 0)
        notify(e.owner - 1, n);
}

void Simulation::publish(std::uint16_t instrument)
{
    Exchange &ex = *m_exchanges[instrument];
    const book::OrderBook &b = ex.engine->book();
    const auto bid = b.bestBid(), ask = b.bestAsk();
    if (bid && ask) {
        const double mid = static_cast<double>(bid->value() + ask->value()) / 2.0;
        if (ex.sampleTime < 0) {
            ex.sampleTime = m_now;
            ex.sampleMid = mid;
        } else if (m_now - ex.sampleTime >= kVolatilitySampleNs) {
            const double dt = static_cast<double>(m_now - ex.sampleTime) / 1e9;
            const double change = mid - ex.sampleMid;
            const double weight = std::exp2(-dt / kVolatilityHalfLifeS);
            ex.variance = weight * ex.variance + (1 - weight) * change * change / dt;
            ex.sampleTime = m_now;
            ex.sampleMid = mid;
        }
    }
    if (ex.subscribers.empty())
        return;
    ++ex.published;
    for (std::size_t i = 0; i < ex.subscribers.size(); ++i) {
        Exchange::Subscriber &sub = ex.subscribers[i];
        if (sub.intervalNs == 0 || (!sub.flushPending && m_now >= sub.nextAllowed)) {
            sendBook(instrument, i);
        } else if (!sub.flushPending) {
            // Conflated: one book at the end of the interval, showing the book as it is then.
            sub.flushPending = true;
            Message m{};
            m.time = sub.nextAllowed;
            m.agent = sub.agent;
            m.instrument = instrument;
            m.type = MessageType::BookFlush;
            schedule(m);
        }
    }
}

void Simulation::sendBook(std::uint16_t instrument, std::size_t subscriber)
{
    Exchange &ex = *m_exchanges[instrument];
    Exchange::Subscriber &sub = ex.subscribers[subscriber];
    const book::OrderBook &b = ex.engine->book();
    sub.nextAllowed = m_now + sub.intervalNs;
    sub.flushPending = false;
    std::uint32_t slotIndex;
    if (m_freeSnapshots.empty()) {
        slotIndex = static_cast<std::uint32_t>(m_snapshots.size());
        m_snapshots.emplace_back();
    } else {
        slotIndex = m_freeSnapshots.back();
        m_freeSnapshots.pop_back();
    }
    BookSnapshot &s = m_snapshots[slotIndex];
    s.instrument = instrument;
    s.time = m_now;
    s.sequence = ex.published;
    s.bidCount = s.askCount = 0;
    for (std::size_t i = 0; i < BookSnapshot::kLevels && i < b.levelCount(Side::Buy); ++i) {
        const book::LevelView level = b.levelAt(Side::Buy, i);
        s.bidPrice[i] = level.price.value();
        s.bidQuantity[i] = level.quantity.value();
        ++s.bidCount;
    }
    for (std::size_t i = 0; i < BookSnapshot::kLevels && i < b.levelCount(Side::Sell); ++i) {
        const book::LevelView level = b.levelAt(Side::Sell, i);
        s.askPrice[i] = level.price.value();
        s.askQuantity[i] = level.quantity.value();
        ++s.askCount;
    }
    AgentSlot &slot = m_agents[sub.agent];
    Message m{};
    slot.lastDelivery = std::max(slot.lastDelivery, m_now + delay(sub.agent, slot.marketData));
    m.time = slot.lastDelivery;
    m.agent = sub.agent;
    m.instrument = instrument;
    m.type = MessageType::Book;
    m.id = slotIndex;
    schedule(m);
}

} // namespace meridian::sim
