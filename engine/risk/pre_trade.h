// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/instrument.h"

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Pre-trade risk: the rules every order passes before it reaches a venue, and the trading state.
//
// Rules (each with an on/off switch and live counters; a limit left unset is not checked):
//   position_limit        |position after the order| ≤ the per-instrument limit (lots);
//   total_position_limit  Σ |position × reference price| after the order ≤ the total notional limit;
//   order_size            the order's quantity ≤ the limit (lots);
//   order_notional        quantity × price ≤ the limit (quote currency);
//   price_band            a limit price within ± the band (a fraction) of the instrument's reference price
//                         (fat-finger check; an instrument without a reference price is refused);
//   order_rate_second     orders accepted in the last second < the limit;
//   order_rate_day        orders accepted this UTC day < the limit;
//   cancel_rate           cancels in the last second < the limit;
//   duplicate_order       no order with the same strategy, instrument, side, price and quantity accepted
//                         within the window;
//   daily_loss            the day's loss (start-of-day equity − equity) < the limit; new orders that do
//                         not reduce a position are refused once it is reached;
//   strategy_position     a strategy's |position| after the order ≤ its quota;
//   strategy_orders       a strategy's orders this UTC day < its quota.
// Quantities are lots and prices ticks (the instrument's); money uses valuePerTickLot per instrument.
//
// Trading state: Active accepts what the rules accept; Reducing accepts only orders that bring the
// instrument's position closer to zero without crossing it; Halted refuses every new order. Cancels are
// always accepted in Halted and Reducing (they reduce risk), counted by cancel_rate in Active only.
//
// Thread: one owner (the OMS's strand).
namespace meridian::risk {

enum class Rule : std::uint8_t {
    PositionLimit,
    TotalPositionLimit,
    OrderSize,
    OrderNotional,
    PriceBand,
    OrderRateSecond,
    OrderRateDay,
    CancelRate,
    DuplicateOrder,
    DailyLoss,
    StrategyPosition,
    StrategyOrders,
    TradingState, // not a switchable rule: the refusal of a Reducing or Halted state
};
constexpr std::size_t kRuleCount = 12; // the switchable ones

/// "position_limit", … (the names above; "trading_state" for the last).
std::string_view ruleName(Rule rule) noexcept;
std::optional<Rule> ruleFromName(std::string_view name) noexcept;

enum class TradingState : std::uint8_t { Active, Reducing, Halted };
std::string_view tradingStateName(TradingState state) noexcept; // "ACTIVE", "REDUCING", "HALTED"

struct StrategyQuota
{
    std::optional<std::int64_t> maxPosition; // lots, per instrument
    std::optional<std::int64_t> maxOrdersPerDay;
};

struct RiskLimits
{
    std::optional<std::int64_t> maxPosition;      // lots per instrument
    std::optional<double> maxTotalNotional;       // quote currency
    std::optional<std::int64_t> maxOrderQuantity; // lots
    std::optional<double> maxOrderNotional;       // quote currency
    std::optional<double> priceBand;              // fraction of the reference price, e.g. 0.05
    std::optional<std::int64_t> maxOrdersPerSecond;
    std::optional<std::int64_t> maxOrdersPerDay;
    std::optional<std::int64_t> maxCancelsPerSecond;
    std::optional<std::int64_t> duplicateWindowNs;
    std::optional<double> maxDailyLoss; // quote currency
    std::map<std::string, StrategyQuota, std::less<>> strategies;
};

/// An order as the risk engine sees it.
struct OrderIntent
{
    std::string strategy; // the instance that sends it ("" for manual orders)
    InstrumentId instrument = 0;
    Side side = Side::Invalid;
    bool market = false;       // market orders have no limit price; they are valued at the reference
    std::int64_t price = 0;    // ticks (limit orders)
    std::int64_t quantity = 0; // lots, > 0
};

struct RiskDecision
{
    bool accepted = true;
    Rule rule = Rule::TradingState; // the rule that refused (when not accepted)
    std::string reason;             // names the rule and the numbers
    explicit operator bool() const noexcept { return accepted; }
};

struct RuleCounters
{
    bool enabled = true;
    std::uint64_t checked = 0;
    std::uint64_t refused = 0;
};

struct StateChange
{
    std::int64_t timeNs = 0;
    TradingState from = TradingState::Active, to = TradingState::Active;
    std::string reason;
};

class PreTradeRisk
{
public:
    explicit PreTradeRisk(RiskLimits limits = {});

    const RiskLimits &limits() const noexcept { return m_limits; }
    void setLimits(RiskLimits limits) { m_limits = std::move(limits); }
    void setEnabled(Rule rule, bool enabled);
    const RuleCounters &counters(Rule rule) const;

    // ---- what the rules look at ----
    /// The instrument's reference price (ticks; the last trade or mid) and the value of one tick × one lot.
    void setReference(InstrumentId instrument, std::int64_t price, double valuePerTickLot);
    /// A fill: positions per instrument and per strategy move.
    void onFill(std::string_view strategy, InstrumentId instrument, Side side, std::int64_t quantity);
    std::int64_t position(InstrumentId instrument) const;
    std::int64_t strategyPosition(std::string_view strategy, InstrumentId instrument) const;
    /// Equity now, and at the start of the UTC day (set when a new day begins, or explicitly).
    void setEquity(double equity, std::int64_t nowNs);
    void setStartOfDayEquity(double equity) { m_startOfDayEquity = equity; }
    double startOfDayEquity() const noexcept { return m_startOfDayEquity; }

    // ---- decisions ----
    /// Checks a new order; an accepted one is recorded (rates, duplicates, daily counts).
    RiskDecision submit(const OrderIntent &order, std::int64_t nowNs);
    /// Checks a cancel.
    RiskDecision cancel(std::string_view strategy, std::int64_t nowNs);

    // ---- trading state ----
    TradingState state() const noexcept { return m_state; }
    /// Moves to a state (a no-op when already there); the change is returned to be logged and persisted.
    std::optional<StateChange> setState(TradingState state, std::string reason, std::int64_t nowNs);

private:
    struct Reference
    {
        std::int64_t price = 0;
        double valuePerTickLot = 0;
    };
    struct Recent
    {
        std::int64_t time;
        std::string strategy;
        InstrumentId instrument;
        Side side;
        std::int64_t price, quantity;
    };

    bool check(Rule rule) { return m_counters[static_cast<std::size_t>(rule)].enabled; }
    RiskDecision refuse(Rule rule, std::string reason);
    void rollDay(std::int64_t nowNs);
    bool reduces(InstrumentId instrument, Side side, std::int64_t quantity) const;

    RiskLimits m_limits;
    std::array<RuleCounters, kRuleCount> m_counters{};
    std::map<InstrumentId, Reference> m_references;
    std::map<InstrumentId, std::int64_t> m_positions;
    std::map<std::pair<std::string, InstrumentId>, std::int64_t, std::less<>> m_strategyPositions;
    double m_equity = 0;
    double m_startOfDayEquity = 0;
    bool m_haveEquity = false;
    std::int64_t m_day = INT64_MIN;
    std::deque<std::int64_t> m_ordersLastSecond, m_cancelsLastSecond;
    std::int64_t m_ordersToday = 0;
    std::map<std::string, std::int64_t, std::less<>> m_strategyOrdersToday;
    std::deque<Recent> m_recent; // accepted orders within the duplicate window
    TradingState m_state = TradingState::Active;
};

} // namespace meridian::risk
