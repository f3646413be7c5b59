// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "risk/pre_trade.h"

#include <cmath>
#include <cstdlib>
#include <sstream>

namespace meridian::risk {

namespace {

constexpr std::int64_t kSecondNs = 1'000'000'000;
constexpr std::int64_t kDayNs = 86'400 * kSecondNs;

constexpr std::array<std::string_view, kRuleCount + 1> kRuleNames = {
    "position_limit",    "total_position_limit", "order_size",   "order_notional",  "price_band",
    "order_rate_second", "order_rate_day",       "cancel_rate",  "duplicate_order", "daily_loss",
    "strategy_position", "strategy_orders",      "trading_state"};

std::string money(double v)
{
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(2);
    out << v;
    return out.str();
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

std::int64_t signedQuantity(Side side, std::int64_t quantity)
{
    return side == Side::Buy ? quantity : -quantity;
}

} // namespace

std::string_view ruleName(Rule rule) noexcept
{
    return kRuleNames[static_cast<std::size_t>(rule)];
}

std::optional<Rule> ruleFromName(std::string_view name) noexcept
{
    for (std::size_t i = 0; i < kRuleNames.size(); ++i)
        if (kRuleNames[i] == name)
            return static_cast<Rule>(i);
    return std::nullopt;
}

std::string_view tradingStateName(TradingState state) noexcept
{
    switch (state) {
    case TradingState::Active:
        return "ACTIVE";
    case TradingState::Reducing:
        return "REDUCING";
    case TradingState::Halted:
        return "HALTED";
    }
    return "?";
}

PreTradeRisk::PreTradeRisk(RiskLimits limits) : m_limits(std::move(limits)) {}

void PreTradeRisk::setEnabled(Rule rule, bool enabled)
{
    if (static_cast<std::size_t>(rule) < kRuleCount)
        m_counters[static_cast<std::size_t>(rule)].enabled = enabled;
}

const RuleCounters &PreTradeRisk::counters(Rule rule) const
{
    static const RuleCounters none{};
    return static_cast<std::size_t>(rule) < kRuleCount ? m_counters[static_cast<std::size_t>(rule)] : none;
}

void PreTradeRisk::setReference(InstrumentId instrument, std::int64_t price, double valuePerTickLot)
{
    m_references[instrument] = Reference{price, valuePerTickLot};
}

void PreTradeRisk::onFill(std::string_view strategy, InstrumentId instrument, Side side, std::int64_t quantity)
{
    const std::int64_t delta = signedQuantity(side, quantity);
    m_positions[instrument] += delta;
    const auto key = std::pair{std::string(strategy), instrument};
    m_strategyPositions[key] += delta;
}

std::int64_t PreTradeRisk::position(InstrumentId instrument) const
{
    const auto it = m_positions.find(instrument);
    return it == m_positions.end() ? 0 : it->second;
}

std::int64_t PreTradeRisk::strategyPosition(std::string_view strategy, InstrumentId instrument) const
{
    const auto it = m_strategyPositions.find(std::pair{std::string(strategy), instrument});
    return it == m_strategyPositions.end() ? 0 : it->second;
}

void PreTradeRisk::setEquity(double equity, std::int64_t nowNs)
{
    m_equity = equity;
    if (!m_haveEquity) {
        m_haveEquity = true;
        m_startOfDayEquity = equity;
    }
    rollDay(nowNs);
}

void PreTradeRisk::rollDay(std::int64_t nowNs)
{
    const std::int64_t day = floorDiv(nowNs, kDayNs);
    if (day == m_day)
        return;
    if (m_day != INT64_MIN && m_haveEquity)
        m_startOfDayEquity = m_equity; // the equity as the new day begins
    m_day = day;
    m_ordersToday = 0;
    m_strategyOrdersToday.clear();
}

bool PreTradeRisk::reduces(InstrumentId instrument, Side side, std::int64_t quantity) const
{
    const std::int64_t now = position(instrument);
    const std::int64_t after = now + signedQuantity(side, quantity);
    return now != 0 && std::abs(after) < std::abs(now) && (after == 0 || (after > 0) == (now > 0));
}

RiskDecision PreTradeRisk::refuse(Rule rule, std::string reason)
{
    if (static_cast<std::size_t>(rule) < kRuleCount)
        ++m_counters[static_cast<std::size_t>(rule)].refused;
    return RiskDecision{false, rule, std::string(ruleName(rule)) + ": " + std::move(reason)};
}

RiskDecision PreTradeRisk::submit(const OrderIntent &o, std::int64_t nowNs)
{
    rollDay(nowNs);
    if (o.quantity <= 0 || (o.side != Side::Buy && o.side != Side::Sell))
        return RiskDecision{false, Rule::TradingState, "the order is malformed (side or quantity)"};
    const bool reducing = reduces(o.instrument, o.side, o.quantity);
    if (m_state == TradingState::Halted)
        return RiskDecision{false, Rule::TradingState, "trading_state: HALTED, only cancels are accepted"};
    if (m_state == TradingState::Reducing && !reducing)
        return RiskDecision{false, Rule::TradingState,
                            "trading_state: REDUCING, only orders that reduce a position are accepted (position " +
                                std::to_string(position(o.instrument)) + ", order " +
                                std::to_string(signedQuantity(o.side, o.quantity)) + ")"};
    const auto reference = m_references.find(o.instrument);
    const bool haveReference = reference != m_references.end() && reference->second.price > 0;
    const std::int64_t price = o.market ? (haveReference ? reference->second.price : 0) : o.price;
    const double valuePerTickLot = haveReference ? reference->second.valuePerTickLot : 0;
    const std::int64_t after = position(o.instrument) + signedQuantity(o.side, o.quantity);
    const auto counted = [&](Rule rule) {
        if (!check(rule))
            return false;
        ++m_counters[static_cast<std::size_t>(rule)].checked;
        return true;
    };
    const std::string instrument = "instrument " + std::to_string(o.instrument);

    if (m_limits.maxOrderQuantity && counted(Rule::OrderSize) && o.quantity > *m_limits.maxOrderQuantity)
        return refuse(Rule::OrderSize, "quantity " + std::to_string(o.quantity) + " lots, limit " +
                                           std::to_string(*m_limits.maxOrderQuantity));
    if (m_limits.maxOrderNotional && counted(Rule::OrderNotional)) {
        if (valuePerTickLot <= 0 || price <= 0)
            return refuse(Rule::OrderNotional, instrument + " has no reference price to value the order");
        const double notional = static_cast<double>(price) * static_cast<double>(o.quantity) * valuePerTickLot;
        if (notional > *m_limits.maxOrderNotional)
            return refuse(Rule::OrderNotional,
                          "notional " + money(notional) + ", limit " + money(*m_limits.maxOrderNotional));
    }
    if (m_limits.priceBand && !o.market && counted(Rule::PriceBand)) {
        if (!haveReference)
            return refuse(Rule::PriceBand, instrument + " has no reference price to check the price against");
        const double ref = static_cast<double>(reference->second.price);
        const double distance = std::fabs(static_cast<double>(o.price) - ref) / ref;
        if (distance > *m_limits.priceBand)
            return refuse(Rule::PriceBand, "price " + std::to_string(o.price) + " is " + money(distance * 100) +
                                               "% from the reference " + std::to_string(reference->second.price) +
                                               ", band " + money(*m_limits.priceBand * 100) + "%");
    }
    if (m_limits.maxPosition && counted(Rule::PositionLimit) && !reducing && std::abs(after) > *m_limits.maxPosition)
        return refuse(Rule::PositionLimit, instrument + " would be " + std::to_string(after) + " lots, limit " +
                                               std::to_string(*m_limits.maxPosition));
    if (m_limits.maxTotalNotional && counted(Rule::TotalPositionLimit) && !reducing) {
        double total = 0;
        for (const auto &[id, quantity] : m_positions) {
            if (id == o.instrument)
                continue;
            const auto r = m_references.find(id);
            if (r != m_references.end())
                total += std::fabs(static_cast<double>(quantity)) * static_cast<double>(r->second.price) *
                         r->second.valuePerTickLot;
        }
        if (haveReference)
            total +=
                std::fabs(static_cast<double>(after)) * static_cast<double>(reference->second.price) * valuePerTickLot;
        else if (after != 0)
            return refuse(Rule::TotalPositionLimit, instrument + " has no reference price to value the position");
        if (total > *m_limits.maxTotalNotional)
            return refuse(Rule::TotalPositionLimit,
                          "positions would be worth " + money(total) + ", limit " + money(*m_limits.maxTotalNotional));
    }
    // Rates: the windows hold the times of what was accepted.
    while (!m_ordersLastSecond.empty() && m_ordersLastSecond.front() <= nowNs - kSecondNs)
        m_ordersLastSecond.pop_front();
    if (m_limits.maxOrdersPerSecond && counted(Rule::OrderRateSecond) &&
        static_cast<std::int64_t>(m_ordersLastSecond.size()) >= *m_limits.maxOrdersPerSecond)
        return refuse(Rule::OrderRateSecond, std::to_string(m_ordersLastSecond.size()) +
                                                 " orders in the last second, limit " +
                                                 std::to_string(*m_limits.maxOrdersPerSecond));
    if (m_limits.maxOrdersPerDay && counted(Rule::OrderRateDay) && m_ordersToday >= *m_limits.maxOrdersPerDay)
        return refuse(Rule::OrderRateDay, std::to_string(m_ordersToday) + " orders today, limit " +
                                              std::to_string(*m_limits.maxOrdersPerDay));
    if (m_limits.duplicateWindowNs) {
        while (!m_recent.empty() && m_recent.front().time <= nowNs - *m_limits.duplicateWindowNs)
            m_recent.pop_front();
        if (counted(Rule::DuplicateOrder))
            for (const Recent &r : m_recent)
                if (r.strategy == o.strategy && r.instrument == o.instrument && r.side == o.side && r.price == price &&
                    r.quantity == o.quantity)
                    return refuse(Rule::DuplicateOrder,
                                  "the same order (" + std::string(o.side == Side::Buy ? "buy " : "sell ") +
                                      std::to_string(o.quantity) + " at " + std::to_string(price) + ") was accepted " +
                                      std::to_string((nowNs - r.time) / 1'000'000) + " ms ago");
    }
    if (m_limits.maxDailyLoss && counted(Rule::DailyLoss) && !reducing && m_haveEquity) {
        const double loss = m_startOfDayEquity - m_equity;
        if (loss >= *m_limits.maxDailyLoss)
            return refuse(Rule::DailyLoss, "the day's loss is " + money(loss) + ", limit " +
                                               money(*m_limits.maxDailyLoss) + "; only reducing orders are accepted");
    }
    const auto quota = m_limits.strategies.find(o.strategy);
    if (quota != m_limits.strategies.end()) {
        const std::int64_t strategyAfter =
            strategyPosition(o.strategy, o.instrument) + signedQuantity(o.side, o.quantity);
        if (quota->second.maxPosition && counted(Rule::StrategyPosition) &&
            std::abs(strategyAfter) > std::abs(strategyPosition(o.strategy, o.instrument)) &&
            std::abs(strategyAfter) > *quota->second.maxPosition)
            return refuse(Rule::StrategyPosition, "strategy " + o.strategy + " would hold " +
                                                      std::to_string(strategyAfter) + " lots of " + instrument +
                                                      ", quota " + std::to_string(*quota->second.maxPosition));
        const auto sent = m_strategyOrdersToday.find(o.strategy);
        const std::int64_t today = sent == m_strategyOrdersToday.end() ? 0 : sent->second;
        if (quota->second.maxOrdersPerDay && counted(Rule::StrategyOrders) && today >= *quota->second.maxOrdersPerDay)
            return refuse(Rule::StrategyOrders, "strategy " + o.strategy + " sent " + std::to_string(today) +
                                                    " orders today, quota " +
                                                    std::to_string(*quota->second.maxOrdersPerDay));
    }
    // Accepted: record it.
    m_ordersLastSecond.push_back(nowNs);
    ++m_ordersToday;
    ++m_strategyOrdersToday[o.strategy];
    if (m_limits.duplicateWindowNs)
        m_recent.push_back({nowNs, o.strategy, o.instrument, o.side, price, o.quantity});
    return RiskDecision{};
}

RiskDecision PreTradeRisk::cancel(std::string_view, std::int64_t nowNs)
{
    rollDay(nowNs);
    if (m_state != TradingState::Active)
        return RiskDecision{}; // cancelling reduces risk: always allowed when trading is restricted
    while (!m_cancelsLastSecond.empty() && m_cancelsLastSecond.front() <= nowNs - kSecondNs)
        m_cancelsLastSecond.pop_front();
    if (m_limits.maxCancelsPerSecond && check(Rule::CancelRate)) {
        ++m_counters[static_cast<std::size_t>(Rule::CancelRate)].checked;
        if (static_cast<std::int64_t>(m_cancelsLastSecond.size()) >= *m_limits.maxCancelsPerSecond)
            return refuse(Rule::CancelRate, std::to_string(m_cancelsLastSecond.size()) +
                                                " cancels in the last second, limit " +
                                                std::to_string(*m_limits.maxCancelsPerSecond));
    }
    m_cancelsLastSecond.push_back(nowNs);
    return RiskDecision{};
}

std::optional<StateChange> PreTradeRisk::setState(TradingState state, std::string reason, std::int64_t nowNs)
{
    if (state == m_state)
        return std::nullopt;
    StateChange change{nowNs, m_state, state, std::move(reason)};
    m_state = state;
    return change;
}

} // namespace meridian::risk
