// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "risk/monitor.h"
#include "risk/pre_trade.h"
#include "store/database.h"

#include <optional>
#include <vector>

// The risk journal in SQLite: every alert (table risk_alerts) and every trading-state change (table
// trading_state_log), written before they are reported, so that after a restart the state is what it was
// and the alerts a trader has not acknowledged are still there.
namespace meridian::risk {

struct StoredAlert
{
    std::int64_t id = 0;
    Alert alert;
    std::optional<std::int64_t> acknowledgedAtNs;
};

/// Errors: Database.
Result<std::int64_t> saveAlert(store::Database &db, const Alert &alert);
Result<void> acknowledgeAlert(store::Database &db, std::int64_t alertId, std::int64_t nowNs);
/// The alerts not acknowledged, oldest first.
Result<std::vector<StoredAlert>> openAlerts(store::Database &db);

Result<void> saveStateChange(store::Database &db, const StateChange &change);
/// The state of the last change; Active when none was ever logged.
Result<TradingState> lastTradingState(store::Database &db);

/// A monitor's alerts, journalled, and the state change they call for, applied and journalled.
/// Returns the alerts (each saved, with its id) and the change, if any. Errors: Database (nothing is reported as done
/// that was not written).
struct GuardOutcome
{
    std::vector<Alert> alerts;
    std::optional<StateChange> change;
};
Result<GuardOutcome> watch(store::Database &db, RiskMonitor &monitor, PreTradeRisk &risk,
                           const AccountSnapshot &snapshot);

} // namespace meridian::risk
