// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "sim/simulation.h"
#include "strategy/live_variables.h"
#include "strategy/strategy_runner.h"

#include <meridian/trading.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace meridian::sim {

/// Where a strategy agent's orders go instead of straight to the exchange: paper trading routes them
/// through pre-trade risk and the OMS. A gateway sends what it lets through with ctx.send and reports the
/// exchange's order id; it sees every notice about the orders on the agent's account before the strategy
/// does: the strategies', and others sent on the same account (a trader's manual orders).
class OrderGateway
{
public:
    virtual ~OrderGateway() = default;
    /// An order of the instance `from`. Returns MERIDIAN_STATUS_OK with the exchange's order id, or another
    /// status (REJECTED by a rule) with the reason.
    virtual meridian_status place(const AgentContext &ctx, strategy::InstanceId from, std::uint16_t instrument,
                                  const matching::OrderRequest &request, std::uint64_t &orderId,
                                  std::string &reason) = 0;
    virtual meridian_status cancel(const AgentContext &ctx, std::uint16_t instrument, std::uint64_t orderId) = 0;
    virtual void notice(const AgentContext &ctx, const OrderNotice &notice) = 0;
};

/// One strategy instance of an agent as a manager shows it.
struct StrategyInstanceView
{
    strategy::InstanceId id = 0;
    std::string pluginId, pluginName, version, path, parameters; // parameters: the complete, validated JSON
    strategy::InstanceState state = strategy::InstanceState::Invalid;
    std::string error; // why it failed ("" when it has not)
    std::vector<std::pair<std::string, double>> variables;
    std::vector<std::int64_t> positions; // lots, per instrument, from its own fills
    double realizedPnl = 0;              // money units (10^-8), all instruments
    std::uint64_t ordersSent = 0, ordersRefused = 0, ordersRejected = 0, openOrders = 0;
};

/// Strategy plugins trading in the simulator as one of its agents — one account — through the same plugin
/// interface as in a backtest or live: they see books and trades of every instrument after the agent's
/// market-data latency, and their orders reach the exchange after its entry latency.
///
/// An agent hosts one or more instances (a paper account with several strategies): each has its own orders,
/// timers, live variables and positions from its own fills; cash and the account's position are shared.
/// Instances can be added, started, stopped, reconfigured, reloaded and removed while the market runs, from
/// within the simulation's thread between events, with an AgentContext of this agent (a host's command
/// applied between slices of the run). Stopping an instance cancels its open orders and timers.
///
/// Bars, when asked for, are built from the trades the agent sees and closed on the simulated clock.
/// Instrument ids in the plugin's world are the simulation's instrument index + 1. balance(quote currency)
/// is the account's: the initial cash plus the cash its trades moved, in money units (10^-8).
/// An instance that fails (throws, returns an error) is stopped by its runner; failed() then says why, and
/// it does nothing more.
class StrategyAgent final : public Agent, private strategy::StrategyServices
{
public:
    /// Loads the plugin and creates its instance with parameters (validated against its schema).
    /// Errors: as StrategyRunner::addInstance, naming the plugin and the parameter.
    /// bookIntervalNs conflates the books it sees (0: every change), as a venue's depth stream does;
    /// barIntervalNs > 0 builds bars of that length from the trades it sees and hands them to on_bar at each
    /// bar's end (0: no bars).
    static Result<std::unique_ptr<StrategyAgent>>
    create(const Simulation &sim, const std::string &pluginPath, const std::string &parametersJson,
           std::int64_t initialCashMoney = 0, std::int64_t bookIntervalNs = 0, std::int64_t barIntervalNs = 0);
    /// An agent with no instance yet (add them with addInstance).
    static std::unique_ptr<StrategyAgent> host(const Simulation &sim, std::int64_t initialCashMoney = 0,
                                               std::int64_t bookIntervalNs = 0, std::int64_t barIntervalNs = 0);
    ~StrategyAgent() override;

    const char *kind() const override { return "strategy"; }
    void start(const AgentContext &ctx) override;
    void wakeup(const AgentContext &ctx, std::uint64_t tag) override;
    void notice(const AgentContext &ctx, const OrderNotice &n) override;
    void book(const AgentContext &ctx, const BookSnapshot &b) override;
    void trade(const AgentContext &ctx, const TradeTick &t) override;
    void finish(const AgentContext &ctx) override;

    // ---- the instances ----
    /// Creates an instance of the plugin with parameters. Without a context (before the run) it starts with
    /// the agent; with one (this agent's, before or during the run) it waits for startInstance. Errors: as
    /// StrategyRunner::addInstance.
    Result<strategy::InstanceId> addInstance(const std::string &pluginPath, const std::string &parametersJson,
                                             const AgentContext *ctx = nullptr);
    Result<void> startInstance(const AgentContext &ctx, strategy::InstanceId id);
    /// Stops the instance (on_stop) and cancels its open orders and timers.
    Result<void> stopInstance(const AgentContext &ctx, strategy::InstanceId id);
    /// Stops the instance and forgets it; the position its fills built stays on the account.
    Result<void> removeInstance(const AgentContext &ctx, strategy::InstanceId id);
    /// New parameters under the same id (StrategyRunner::reconfigure); its open orders and timers are
    /// cancelled first, since the new instance would not know them.
    Result<void> reconfigureInstance(const AgentContext &ctx, strategy::InstanceId id,
                                     const std::string &parametersJson);
    /// Loads the instance's plugin file again (a new build) and re-creates every instance of it with its
    /// parameters (StrategyRunner::reload); their open orders and timers are cancelled first. Returns the
    /// runner's report.
    Result<std::string> reloadInstance(const AgentContext &ctx, strategy::InstanceId id);
    std::vector<StrategyInstanceView> instances() const;

    /// Routes the strategies' orders through gateway (not owned; null: straight to the exchange). Before
    /// the run. Modifications are refused (UNSUPPORTED) through a gateway: the OMS cancels and places.
    void setGateway(OrderGateway *gateway) { m_gateway = gateway; }
    /// Called with every signal a strategy publishes (its source and time filled in).
    void setSignalListener(std::function<void(const meridian_signal &)> listener)
    {
        m_signalListener = std::move(listener);
    }
    // ---- the account: sums over the instances ----
    /// Orders the gateway refused, and the reason of the last one.
    std::uint64_t ordersRefused() const { return m_ordersRefused; }
    const std::string &lastRefusal() const { return m_lastRefusal; }
    /// Whether an instance has failed, and the first one's reason.
    bool failed() const;
    std::string error() const;
    std::uint64_t ordersSent() const { return m_ordersSent; }
    /// Orders the exchange rejected, and the reason of the last one ("" when none).
    std::uint64_t ordersRejected() const { return m_ordersRejected; }
    const std::string &lastRejection() const { return m_lastRejection; }

private:
    struct OrderInfo
    {
        meridian_order_request request;
        strategy::InstanceId owner = 0;
        std::int64_t filled = 0;
        bool retired = false; // its instance stopped: cancelled, and no longer told about it
    };
    struct Timer
    {
        std::int64_t intervalNs;
        bool repeat;
        std::uint64_t token; // the wake-up that fires it
    };
    struct InstrumentInfo
    {
        std::string symbol, venue, quoteCurrency;
        meridian_decimal tick, lot, multiplier;
        std::int64_t minQuantity;
    };
    /// What the agent keeps of one instance.
    struct Hosted
    {
        strategy::InstanceId id = 0;
        bool startWithAgent = false; // added before the run without a context: started by start()
        std::vector<meridian::sdk::PositionTracker> positions; // per instrument, from its fills
        strategy::LiveVariables variables;
        std::uint64_t ordersSent = 0, ordersRefused = 0, ordersRejected = 0;
    };

    StrategyAgent(const Simulation &sim, std::int64_t initialCashMoney);

    // StrategyServices
    meridian_status placeOrder(strategy::InstanceId from, const meridian_order_request &request,
                               std::uint64_t &orderId) override;
    meridian_status cancelOrder(strategy::InstanceId from, std::uint64_t orderId) override;
    meridian_status modifyOrder(strategy::InstanceId from, std::uint64_t orderId, std::int64_t price,
                                std::int64_t quantity) override;
    meridian_status publishSignal(strategy::InstanceId from, const meridian_signal &signal) override;
    meridian_status position(strategy::InstanceId from, meridian_instrument_id instrument,
                             meridian_position &position) override;
    meridian_status balance(strategy::InstanceId from, std::string_view currency, meridian_balance &balance) override;
    meridian_status setTimer(strategy::InstanceId from, std::uint64_t timerId, std::int64_t intervalNs,
                             bool repeat) override;
    meridian_status cancelTimer(strategy::InstanceId from, std::uint64_t timerId) override;
    void log(strategy::InstanceId from, meridian_log_level level, std::string_view message) override;
    void publishVariable(strategy::InstanceId from, std::string_view name, double value) override;
    std::int64_t nowNs() override;
    meridian_status instrument(meridian_instrument_id instrument, meridian_instrument_info &info) override;
    meridian_status findInstrument(std::string_view symbol, meridian_instrument_id &instrument) override;

    struct Bar
    {
        std::int64_t open = 0, high = 0, low = 0, close = 0, volume = 0, trades = 0;
    };
    static constexpr std::uint64_t kBarTag = std::uint64_t(1) << 63; // timer tokens count up from 1

    bool anyRunning() const;
    Hosted *hosted(strategy::InstanceId id);
    /// Cancels the instance's open orders and forgets its timers (it stopped, or is about to be replaced).
    void retire(const AgentContext &ctx, strategy::InstanceId id);
    void closeBars(const AgentContext &ctx, std::int64_t end);
    /// The money value (10^-8) of ticks × lots of instrument i.
    double moneyPerTickLot(std::size_t i) const;

    strategy::StrategyRunner m_runner;
    std::vector<Hosted> m_hosted;        // in the order they were added
    const AgentContext *m_ctx = nullptr; // set while the agent is being called
    bool m_started = false;
    std::vector<InstrumentInfo> m_instruments;
    std::map<std::uint64_t, OrderInfo> m_orders;                              // live orders
    std::map<std::pair<strategy::InstanceId, std::uint64_t>, Timer> m_timers; // by instance and its timer id
    std::uint64_t m_nextToken = 1;
    std::int64_t m_initialCash;
    std::int64_t m_bookIntervalNs = 0;
    std::int64_t m_barIntervalNs = 0;
    std::vector<Bar> m_bars; // the bar being built, per instrument
    std::uint64_t m_ordersSent = 0;
    std::uint64_t m_ordersRejected = 0;
    std::string m_lastRejection;
    std::vector<meridian_level> m_bids, m_asks; // scratch for book views
    OrderGateway *m_gateway = nullptr;
    std::function<void(const meridian_signal &)> m_signalListener;
    std::uint64_t m_ordersRefused = 0;
    std::string m_lastRefusal;
};

} // namespace meridian::sim
