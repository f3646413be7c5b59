// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "backtest/account.h"
#include "core/instrument.h"
#include "strategy/live_variables.h"
#include "strategy/strategy_runner.h"

#include <vector>

namespace meridian::backtest {

/// What every backtest gives the strategy it replays, whatever its fill model: the instruments (plugin ids
/// are their index + 1), positions and balance from the account, the replay's clock, live variables, and
/// order updates queued while the strategy is being called and delivered once it has returned. Timers are
/// not offered: the data is the clock of a replay. The engines derive from it and place the orders.
/// Thread: one owner.
class BacktestHost : public strategy::StrategyServices
{
protected:
    BacktestHost(std::vector<Instrument> instruments, double capital, Account::Fees fees);

    /// Queues an update for the strategy; flush() delivers what is queued, in order.
    void queue(const meridian_order_update &update) { m_updates.push_back(update); }
    void flush(strategy::StrategyRunner &runner, strategy::InstanceId id);

    meridian_status publishSignal(strategy::InstanceId, const meridian_signal &) override;
    meridian_status position(strategy::InstanceId, meridian_instrument_id instrument, meridian_position &out) override;
    meridian_status balance(strategy::InstanceId, std::string_view currency, meridian_balance &out) override;
    meridian_status setTimer(strategy::InstanceId, std::uint64_t, std::int64_t, bool) override;
    meridian_status cancelTimer(strategy::InstanceId, std::uint64_t) override;
    void log(strategy::InstanceId, meridian_log_level, std::string_view) override;
    void publishVariable(strategy::InstanceId, std::string_view name, double value) override;
    std::int64_t nowNs() override { return m_now; }
    meridian_status instrument(meridian_instrument_id instrument, meridian_instrument_info &info) override;
    meridian_status findInstrument(std::string_view symbol, meridian_instrument_id &instrument) override;

    std::vector<Instrument> m_instruments;
    Account m_account;
    strategy::LiveVariables m_variables;
    std::int64_t m_now = 0;

private:
    std::vector<meridian_order_update> m_updates;
};

} // namespace meridian::backtest
