// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "risk/monitor.h"
#include "risk/pre_trade.h"
#include "signal/pipeline.h"
#include "sim/scenario.h"

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

// A paper session: the whole live chain running against the simulator.
//
//   simulated market (a scenario's agents) ──market data──▶ strategy plugin ──orders──▶ pre-trade risk ▶ OMS
//        ▲                                        │                                  (journalled in SQLite)
//        └───────────── exchange ◀────────────────┼──────────────────────────────────────────┘
//   market data ─▶ signal pipeline (features → rules + the strategy's own signals → aggregation → risk guard)
//                  ─▶ signal journal (SQLite) and the feed
//   every 100 ms of simulated time: the risk monitor marks the account (alerts journalled; a critical alert
//   halts trading), and the feed's snapshot is refreshed.
//
// Time: the simulated clock starts at startTimeNs (the wall time the session began, so that journal times
// read naturally) and runs at `speed` simulated seconds per wall second (0: as fast as the machine goes).
// What happens in the market depends only on the seed and configuration, never on the speed or on how the
// session was sliced; only commands from outside (the kill switch) land at a moment the wall clock picks.
// Orders of a session carry client ids "<session>-<n>". When the session ends, its open orders are cancelled
// (and the cancels journalled) before the market stops.
//
// Thread: the session's own thread runs everything (start()), or the caller's (runFor()); the feed and the
// command methods may be called from any thread.
namespace meridian::store {
class Database;
}

namespace meridian::runtime {

struct PaperConfig
{
    sim::MarketSetup market;                   // the first instrument and its initial price (ticks)
    std::vector<sim::MarketSetup> moreMarkets; // more instruments in the same market (pairs, arbitrage)
    sim::CommonFactorParameters commonFactor;  // what moves them together (each market's commonLoading)
    std::string scenario = "normal";
    std::optional<sim::Scenario> definition; // a scenario the caller resolved (a user's)
    sim::CalibrationFactors calibration;
    std::string strategyPath; // plugin file; empty: no strategy (the market and the pipeline only)
    std::string strategyParams = "{}";
    std::uint64_t seed = 1;
    double initialCapital = 1'000'000;                      // quote currency
    double speed = 1;                                       // simulated seconds per wall second; 0: as fast as possible
    std::int64_t durationNs = 7LL * 24 * 3'600'000'000'000; // simulated; the market closes there
    std::int64_t startTimeNs = 0;                           // 0: the wall clock when the session is created
    std::int64_t snapshotIntervalNs = 100'000'000;          // simulated: risk marks and feed snapshots
    std::int64_t warmupNs = 0; // start(): this much simulated time first as fast as possible (a book to show)
    std::string journalPath;   // SQLite database for orders, fills, signals, alerts; "" keeps it in memory
    risk::RiskLimits limits;
    risk::MonitorConfig monitor;
};

/// Sensible pre-trade limits for a paper account of `capital`: a 5% price band, 50 orders a second,
/// an order at most 10% of capital, a daily loss of at most 5% of it.
risk::RiskLimits defaultPaperLimits(double capital);

/// One price level of the published book: its total, and how much of it is the strategy's own.
struct PaperLevel
{
    double price = 0, quantity = 0, own = 0;
};

/// One strategy instance trading in the session (the strategy manager's row).
struct PaperStrategy
{
    std::uint32_t id = 0;                // the session's instance id (StrategyRunner's)
    std::string name;                    // as its orders carry it in the journal: "<plugin file>[#id]"
    std::string pluginId, version, path; // the plugin's id and version, and its file
    std::string parameters;              // the complete, validated JSON
    std::string state;                   // "initialised", "running", "stopped", "failed"
    std::string error;                   // why it failed ("" when it has not)
    std::vector<std::pair<std::string, double>> variables;
    std::vector<double> positions; // units, per instrument (the session's order), from its own fills
    double realizedPnl = 0;        // quote currency
    std::uint64_t ordersSent = 0, ordersRefused = 0, ordersRejected = 0, openOrders = 0;
};

/// What became of a strategy manager's command: the reload's report, or why it was refused.
struct PaperNotice
{
    bool error = false;
    std::uint32_t strategy = 0; // the instance it concerns (0: none yet, an add that was refused)
    std::string text;
};

/// One instrument's market as the feed last published it (prices in the quote currency, quantities in
/// units).
struct PaperMarket
{
    std::string symbol;
    InstrumentId id = 0; // as signals and risk alerts name it
    double tick = 0;
    double bid = 0, ask = 0, mid = 0, last = 0;
    double position = 0;                           // the account's
    std::vector<PaperLevel> bids, asks;            // best first, at most PaperSnapshot::kBookLevels each
    std::vector<std::pair<double, double>> traded; // price, quantity traded there this session (book's range)
};

/// The session's state as the feed last published it (prices in the quote currency, quantities in units).
struct PaperSnapshot
{
    static constexpr std::size_t kBookLevels = 25;
    std::string session;
    std::string symbol;
    std::int64_t timeNs = 0;    // simulated clock (startTimeNs + elapsed)
    std::int64_t elapsedNs = 0; // simulated time since the start
    double speed = 1;
    bool paused = false;
    std::int64_t durationNs = 0; // when the simulated market closes (elapsed time)
    std::string scenario;
    double bid = 0, ask = 0, mid = 0, last = 0;
    double position = 0, equity = 0, pnl = 0, drawdown = 0, exposure = 0;
    std::uint64_t ordersSubmitted = 0, ordersRefused = 0, fills = 0;
    std::uint64_t marketTrades = 0, signalsPublished = 0, signalsBlocked = 0, alerts = 0;
    risk::TradingState state = risk::TradingState::Active;
    std::string lastRefusal;                         // the risk engine's words on the last refused order
    std::string strategyError;                       // why a strategy stopped, "" while they run
    std::vector<PaperStrategy> strategies;           // every instance, in the order they were added
    std::vector<std::pair<std::string, int>> agents; // the market's agents: how many of each kind
    std::vector<PaperMarket> markets; // every instrument (the first one's prices also in the fields above)
    /// The instrument named name, or the first when there is none of that name (null without any).
    const PaperMarket *market(const std::string &name) const
    {
        for (const PaperMarket &m : markets)
            if (m.symbol == name)
                return &m;
        return markets.empty() ? nullptr : &markets.front();
    }
    bool finished = false; // the market closed or the session was stopped
    std::string failure;   // a journal failure that ended the session
};

/// An order of the session as the OMS last journalled it (prices in the quote currency, quantities in units).
struct PaperOrder
{
    std::string clientOrderId, strategy, symbol;
    std::string side, kind, status, reason; // "buy" / "sell", "limit" / "market", the OMS's status names
    double price = 0, quantity = 0, filled = 0;
    std::int64_t createdNs = 0, updatedNs = 0;
};

struct PaperTrade
{
    std::string symbol;
    std::int64_t timeNs = 0;
    double price = 0, quantity = 0;
    bool buyerAggressor = false;
};

struct PaperFill
{
    std::int64_t timeNs = 0;
    std::string clientOrderId, side, symbol;
    double price = 0, quantity = 0;
    bool maker = false;
};

/// What a session publishes, for readers on other threads (the UI bridge drains it on a timer; the CLI at
/// the end). Streams are bounded: a reader that falls behind loses the oldest items, never the session's
/// speed.
class PaperFeed
{
public:
    PaperSnapshot snapshot() const;
    /// The signals and alerts since the last take, oldest first.
    std::vector<signal::Opportunity> takeSignals();
    std::vector<risk::Alert> takeAlerts();
    /// Every change of an order since the last take (an order may appear several times), and the fills.
    std::vector<PaperOrder> takeOrders();
    std::vector<PaperFill> takeFills();
    /// The market's trades since the last take.
    std::vector<PaperTrade> takeTrades();
    /// What the strategy manager's commands came to, since the last take.
    std::vector<PaperNotice> takeNotices();

    // ---- the session's side ----
    void publish(PaperSnapshot snapshot);
    void pushSignal(const signal::Opportunity &opportunity);
    void pushAlert(const risk::Alert &alert);
    void pushOrder(PaperOrder order);
    void pushFill(PaperFill fill);
    void pushTrade(PaperTrade trade);
    void pushNotice(PaperNotice notice);

    static constexpr std::size_t kMaxQueued = 10'000;

private:
    mutable std::mutex m_mutex;
    PaperSnapshot m_snapshot;
    std::deque<signal::Opportunity> m_signals;
    std::deque<risk::Alert> m_alerts;
    std::deque<PaperOrder> m_orders;
    std::deque<PaperFill> m_fills;
    std::deque<PaperTrade> m_trades;
    std::deque<PaperNotice> m_notices;
};

class PaperSession
{
public:
    /// Builds the market, loads the strategy and opens the journal. Errors: InvalidArgument naming what is
    /// wrong (scenario, plugin, parameter, speed); Database when the journal cannot be opened.
    static Result<std::unique_ptr<PaperSession>> create(PaperConfig config);
    ~PaperSession(); // stops the session's thread if it runs
    PaperSession(const PaperSession &) = delete;
    PaperSession &operator=(const PaperSession &) = delete;

    /// Runs the session on its own thread until the market closes or stop(); the thread then ends the
    /// session (open orders cancelled, journal written) and publishes a last snapshot with finished set.
    void start();
    /// Ends the session and waits for it: its open orders are cancelled. Idempotent.
    void stop();
    /// Runs on the calling thread for `simulatedNs` more simulated time (at the configured speed), or until
    /// the market closes; returns false once it has closed. Not while start()ed.
    bool runFor(std::int64_t simulatedNs);

    // ---- commands, from any thread; applied between slices of simulated time ----
    void setSpeed(double speed);
    /// Holds the simulated clock (on the session's thread; runFor() ignores it), and runs simulatedNs more
    /// of it while held.
    void setPaused(bool paused);
    void step(std::int64_t simulatedNs);
    /// A trader's limit order (price in the quote currency, quantity in units) in symbol ("": the first
    /// instrument), on the strategies' account through risk and the OMS; and the cancel of the trader's open
    /// orders at a price.
    void submitManual(Side side, double price, double quantity, std::string symbol = {});
    void cancelManualAt(double price, std::string symbol = {});
    /// The kill switch and its release: HALTED also cancels every open order.
    void requestTradingState(risk::TradingState state, std::string reason);
    /// The strategy manager: instances added (started at once when `start`), started, stopped (their open
    /// orders cancelled), given new parameters, reloaded from their plugin file (a new build; every instance
    /// of that file is re-created) and removed, while the market runs. Applied on the session's thread
    /// between slices; what became of each shows in the snapshot's strategies and, for refusals and
    /// reloads, in the feed's notices.
    void addStrategy(std::string pluginPath, std::string parametersJson, bool start = true);
    void startStrategy(std::uint32_t id);
    void stopStrategy(std::uint32_t id);
    void removeStrategy(std::uint32_t id);
    void reconfigureStrategy(std::uint32_t id, std::string parametersJson);
    void reloadStrategy(std::uint32_t id);
    /// A trader has seen the alert with this id (risk::Alert::id): its acknowledgement is journalled at the
    /// wall-clock time, on the session's thread, while the session runs.
    void acknowledgeAlert(std::int64_t alertId);

    PaperFeed &feed() { return m_feed; }
    const std::string &sessionId() const;
    const PaperConfig &config() const;

private:
    struct Impl;
    explicit PaperSession(std::unique_ptr<Impl> impl);
    void loop();

    std::unique_ptr<Impl> m_impl;
    PaperFeed m_feed;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
};

} // namespace meridian::runtime
