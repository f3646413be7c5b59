// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "core/instrument.h"
#include "core/int128.h"
#include "core/rng.h"
#include "matching/matching_engine.h"
#include "sim/fundamental.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

// The agent-based market simulator's kernel: a discrete-event loop over timestamped messages, an exchange
// (one matching engine per instrument) and the agents that trade on it.
//
// Time is simulated: nanoseconds from the start of the run. Messages are ordered by (time, sequence), the
// sequence being the order in which they were scheduled, so ties resolve the same way on every run.
// Latency: an agent's order reaches the exchange entry latency after it was sent, and what the exchange
// says back (acceptance, fills, cancels) reaches the agent after the same latency; market data reaches a
// subscribed agent market-data latency after the exchange published it. Each latency is fixed + a uniform
// jitter, and an agent's messages keep their order (as on one connection).
// Randomness: one seed per run; agent i draws from stream i + 1 (Rng(seed, i + 1)), the fundamentals from
// streams of their own, so adding an agent leaves every other agent's draws unchanged.
// Accounting: every trade moves cash (in the instrument's tick × lot units) and position between two agents,
// so across all agents each instrument's cash and position sum to zero at every moment.
// Thread: a Simulation runs on one thread; run several Simulations on several threads.
namespace meridian::sim {

using AgentId = std::uint32_t;
inline constexpr AgentId kNoAgent = 0xFFFFFFFFu;

struct Latency
{
    std::int64_t fixedNs = 0;
    std::int64_t jitterNs = 0; // uniform in [0, jitterNs]
};

/// What the exchange tells an agent about one of its orders.
struct OrderNotice
{
    enum class Kind : std::uint8_t { Accepted, Rejected, Filled, Cancelled, Expired, Modified };
    Kind kind = Kind::Accepted;
    Side side = Side::Invalid;
    matching::Reason reason = matching::Reason::None;
    bool maker = false; // Filled: the order was resting
    std::uint16_t instrument = 0;
    std::uint64_t orderId = 0;
    std::int64_t price = 0;     // Filled: the trade price; otherwise the order's price
    std::int64_t quantity = 0;  // Filled: the quantity traded
    std::int64_t remaining = 0; // what is left of the order (0 once it is done)
    std::int64_t time = 0;      // when the exchange did it
};

/// A depth snapshot as published by the exchange, delivered late to subscribed agents.
struct BookSnapshot
{
    static constexpr std::size_t kLevels = 10;
    std::uint16_t instrument = 0;
    std::int64_t time = 0; // when the exchange published it
    std::uint64_t sequence = 0;
    std::uint32_t bidCount = 0, askCount = 0;
    std::int64_t bidPrice[kLevels] = {}, bidQuantity[kLevels] = {};
    std::int64_t askPrice[kLevels] = {}, askQuantity[kLevels] = {};
};

struct TradeTick
{
    std::uint16_t instrument = 0;
    Side aggressor = Side::Invalid;
    std::int64_t time = 0;
    std::int64_t price = 0;
    std::int64_t quantity = 0;
    std::uint64_t tradeId = 0;
};

class Simulation;

/// An agent's view of, and access to, the market. Cheap to copy.
class AgentContext
{
public:
    AgentContext(Simulation &sim, AgentId id) : m_sim(&sim), m_id(id) {}
    AgentId id() const { return m_id; }
    std::int64_t now() const;
    Rng &rng() const;
    std::size_t instrumentCount() const;
    /// The exchange's book now: what an agent would learn by asking (its orders arrive late all the same).
    const book::OrderBook &book(std::uint16_t instrument) const;
    /// Best bid and ask, or 0 when a side is empty.
    std::int64_t bestBid(std::uint16_t instrument) const;
    std::int64_t bestAsk(std::uint16_t instrument) const;
    /// The mid, or the last trade, or the fundamental when the book is one-sided or empty, in ticks.
    double reference(std::uint16_t instrument) const;
    std::int64_t lastTrade(std::uint16_t instrument) const;
    /// The latent fundamental value, in ticks (agents that use it add their own observation noise).
    double fundamental(std::uint16_t instrument) const;
    /// Scales agents' activity: 1 normally, lower while liquidity has dried up (a scenario's shock).
    double liquidity() const;
    /// Recent volatility of the mid, in ticks per √second (exponentially weighted).
    double volatility(std::uint16_t instrument) const;

    /// Sends an order; returns its id (known at once; the exchange sees it after the entry latency).
    std::uint64_t sendLimit(std::uint16_t instrument, Side side, std::int64_t price, std::int64_t quantity,
                            matching::TimeInForce tif = matching::TimeInForce::GoodTillCancel) const;
    std::uint64_t sendMarket(std::uint16_t instrument, Side side, std::int64_t quantity) const;
    std::uint64_t send(std::uint16_t instrument, const matching::OrderRequest &request) const;
    void cancel(std::uint16_t instrument, std::uint64_t orderId) const;
    void modify(std::uint16_t instrument, std::uint64_t orderId, std::int64_t price, std::int64_t quantity) const;
    /// Wakes the agent at time `at` (at least now) with tag.
    void wakeAt(std::int64_t at, std::uint64_t tag = 0) const;
    /// Asks for the book snapshots and every trade of instrument, after the market-data latency. With a
    /// bookIntervalNs, books are conflated as on a venue's depth stream: at most one per interval, the one
    /// at its end showing the book as it is then (never a later state than the delivery time allows).
    void subscribe(std::uint16_t instrument, std::int64_t bookIntervalNs = 0) const;

    std::int64_t position(std::uint16_t instrument) const;
    /// Cash moved by the agent's trades in instrument, in its ticks × lots.
    std::int64_t cash(std::uint16_t instrument) const;

private:
    Simulation *m_sim;
    AgentId m_id;
};

/// The bit of a notice kind in Agent::notices().
constexpr unsigned noticeBit(OrderNotice::Kind kind)
{
    return 1u << static_cast<unsigned>(kind);
}

class Agent
{
public:
    virtual ~Agent() = default;
    /// The notices the agent wants (noticeBit of each kind); read once, when the agent is added. An agent
    /// that forgets its orders when it cancels them needs only fills and rejections: fewer messages.
    virtual unsigned notices() const { return ~0u; }
    /// The model's name, for reports ("zero_intelligence", "value", …).
    virtual const char *kind() const = 0;
    /// Called once at time 0; schedules the first wake-up.
    virtual void start(const AgentContext &) {}
    virtual void wakeup(const AgentContext &, std::uint64_t /*tag*/) {}
    virtual void notice(const AgentContext &, const OrderNotice &) {}
    virtual void book(const AgentContext &, const BookSnapshot &) {}
    virtual void trade(const AgentContext &, const TradeTick &) {}
    /// Called once when the run ends (the clock is at the end).
    virtual void finish(const AgentContext &) {}
};

struct InstrumentSetup
{
    InstrumentSpec spec;
    double initialPrice = 10000; // ticks
    FundamentalParameters fundamental;
};

/// A one-off shock: at `time` every fundamental moves by exp(jump) — for good, or fading back with half-life
/// jumpHalfLifeNs (a flash crash) — and agents' activity drops to 1 − liquidityDrop, recovering with
/// half-life recoveryNs.
struct Shock
{
    std::int64_t time = -1;          // < 0: none
    double jump = 0;                 // log
    std::int64_t jumpHalfLifeNs = 0; // 0: permanent
    double liquidityDrop = 0;
    std::int64_t recoveryNs = 0;
};

struct SimulationConfig
{
    std::uint64_t seed = 1;
    std::int64_t durationNs = 3'600'000'000'000;
    std::vector<InstrumentSetup> instruments;
    CommonFactorParameters commonFactor; // shared by the instruments (loading per instrument)
    Shock shock;
    /// Stop the run (Aborted) when this many messages have been processed (0: no limit); a guard against
    /// runaway configurations.
    std::uint64_t maxMessages = 0;
};

struct SimulationStats
{
    std::uint64_t messages = 0; // processed by the kernel
    std::uint64_t orders = 0;   // reaching the exchange
    std::uint64_t trades = 0;
    std::uint64_t cancels = 0;
    // The messages by kind (they sum to messages): wake-ups, what reached the exchange (orders, cancels and
    // modifications), what the exchange sent agents about their orders, and market data.
    std::uint64_t wakeups = 0, toExchange = 0, notices = 0, bookUpdates = 0, tradeUpdates = 0;
    bool stoppedEarly = false; // maxMessages was reached
};

class Simulation
{
public:
    /// Errors: InvalidArgument naming what is wrong (no instrument, a bad spec, a non-positive duration).
    static Result<std::unique_ptr<Simulation>> create(SimulationConfig config);
    ~Simulation();
    Simulation(const Simulation &) = delete;
    Simulation &operator=(const Simulation &) = delete;

    /// Adds an agent with its latencies; returns its id. Before run() only.
    AgentId addAgent(std::unique_ptr<Agent> agent, Latency entry = {}, Latency marketData = {});

    /// Runs until durationNs, or until `until` if earlier (then run() continues from there). Returns false
    /// once the end is reached.
    bool run(std::int64_t until = -1);
    /// Processes the next message; returns false at the end.
    bool step();
    /// Ends the run: calls every agent's finish(). Idempotent.
    void finish();

    std::int64_t now() const { return m_now; }
    std::int64_t duration() const { return m_config.durationNs; }
    bool done() const { return m_done; }
    const SimulationConfig &config() const { return m_config; }
    const SimulationStats &stats() const { return m_stats; }
    std::size_t agentCount() const;
    Agent &agent(AgentId id);
    std::size_t instrumentCount() const;
    const Instrument &instrument(std::uint16_t i) const;
    const book::OrderBook &book(std::uint16_t instrument) const;
    std::int64_t lastTrade(std::uint16_t instrument) const;
    double fundamental(std::uint16_t instrument);
    double volatility(std::uint16_t instrument) const;
    double liquidity() const;
    std::int64_t position(AgentId agent, std::uint16_t instrument) const;
    std::int64_t cash(AgentId agent, std::uint16_t instrument) const;

    /// Watches the exchange for the run's reports; called synchronously, in the exchange's order.
    class Observer
    {
    public:
        virtual ~Observer() = default;
        /// An order reached the exchange; mid is the book's mid just before it (0 when a side is empty).
        virtual void orderArrived(AgentId, std::uint16_t /*instrument*/, const matching::OrderRequest &, double /*mid*/)
        {}
        /// A trade between the buyer's and the seller's orders.
        virtual void traded(const TradeTick &, AgentId /*buyer*/, std::uint64_t /*buyOrder*/, AgentId /*seller*/,
                            std::uint64_t /*sellOrder*/)
        {}
    };
    void setObserver(Observer *observer) { m_observer = observer; }

    struct Message; // the kernel's unit of work
    struct QueueEntry
    {
        UInt128 key;        // time (≥ 0) in the high half, scheduling sequence in the low: one comparison
        std::uint32_t slot; // in the slab of messages
    };

private:
    friend class AgentContext;
    struct Exchange;
    struct AgentSlot;
    class Sink;

    explicit Simulation(SimulationConfig config);
    void schedule(Message &message);
    std::int64_t delay(AgentId agent, const Latency &latency);
    std::int64_t arrival(AgentId agent);
    std::uint64_t sendOrder(AgentId from, std::uint16_t instrument, const matching::OrderRequest &request);
    void sendCancel(AgentId from, std::uint16_t instrument, std::uint64_t orderId);
    void sendModify(AgentId from, std::uint16_t instrument, std::uint64_t orderId, std::int64_t price,
                    std::int64_t quantity);
    void dispatch(const Message &message);
    void atExchange(const Message &message);
    void settle(std::uint16_t instrument, const matching::Event &event);
    void publish(std::uint16_t instrument);
    void sendBook(std::uint16_t instrument, std::size_t subscriber);
    void notify(AgentId agent, const OrderNotice &notice);

    SimulationConfig m_config;
    std::vector<std::unique_ptr<Exchange>> m_exchanges;
    std::vector<AgentSlot> m_agents;
    std::vector<QueueEntry> m_queue; // a 4-ary min-heap by (time, sequence)
    std::vector<Message> m_slab;     // the messages the queue's entries point at
    std::vector<std::uint32_t> m_freeSlots;
    std::deque<BookSnapshot> m_snapshots; // pool for published books in flight
    std::vector<std::uint32_t> m_freeSnapshots;
    std::unique_ptr<Sink> m_sink;
    std::unique_ptr<FundamentalModel> m_fundamentals;
    std::uint64_t m_sequence = 0;
    std::uint64_t m_nextOrderId = 1;
    std::uint64_t m_nextTradeId = 1;
    std::int64_t m_now = 0;
    bool m_started = false;
    bool m_done = false;
    bool m_finished = false;
    SimulationStats m_stats;
    Observer *m_observer = nullptr;
};

} // namespace meridian::sim
