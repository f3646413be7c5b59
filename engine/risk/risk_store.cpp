// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "risk/risk_store.h"

namespace meridian::risk {

namespace {

Result<void> bindAll(store::Statement &s, std::initializer_list<Result<void>> bound)
{
    for (const Result<void> &b : bound)
        if (!b)
            return b;
    (void)s;
    return ok();
}

std::optional<TradingState> stateFromName(const std::string &name)
{
    for (const TradingState s : {TradingState::Active, TradingState::Reducing, TradingState::Halted})
        if (tradingStateName(s) == name)
            return s;
    return std::nullopt;
}

} // namespace

Result<std::int64_t> saveAlert(store::Database &db, const Alert &a)
{
    auto insert = db.prepare("INSERT INTO risk_alerts (ts, metric, level, instrument, value, threshold, message) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert)
        return tl::unexpected(insert.error());
    if (auto b = bindAll(
            *insert,
            {insert->bind(1, a.timeNs), insert->bind(2, metricName(a.metric)), insert->bind(3, alertLevelName(a.level)),
             a.instrument ? insert->bind(4, static_cast<std::int64_t>(a.instrument)) : insert->bindNull(4),
             insert->bind(5, a.value), insert->bind(6, a.threshold), insert->bind(7, std::string_view(a.message))});
        !b)
        return tl::unexpected(b.error());
    if (auto r = insert->run(); !r)
        return tl::unexpected(r.error());
    auto id = db.queryInt64("SELECT last_insert_rowid()");
    if (!id)
        return tl::unexpected(id.error());
    return id->value_or(0);
}

Result<void> acknowledgeAlert(store::Database &db, std::int64_t alertId, std::int64_t nowNs)
{
    auto update =
        db.prepare("UPDATE risk_alerts SET acknowledged_at = ?2 WHERE alert_id = ?1 AND acknowledged_at IS NULL");
    if (!update)
        return tl::unexpected(update.error());
    if (auto b = bindAll(*update, {update->bind(1, alertId), update->bind(2, nowNs)}); !b)
        return b;
    if (auto r = update->run(); !r)
        return r;
    if (db.changes() == 0)
        return fail(ErrorCode::NotFound,
                    "risk alert " + std::to_string(alertId) + " does not exist or is acknowledged already");
    return ok();
}

Result<std::vector<StoredAlert>> openAlerts(store::Database &db)
{
    auto select = db.prepare("SELECT alert_id, ts, metric, level, instrument, value, threshold, message "
                             "FROM risk_alerts WHERE acknowledged_at IS NULL ORDER BY alert_id");
    if (!select)
        return tl::unexpected(select.error());
    std::vector<StoredAlert> out;
    for (;;) {
        auto row = select->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        StoredAlert s;
        s.id = select->columnInt64(0);
        s.alert.timeNs = select->columnInt64(1);
        const std::string metric = select->columnText(2), level = select->columnText(3);
        for (const Metric m : {Metric::Drawdown, Metric::Exposure, Metric::DailyLoss, Metric::Concentration,
                               Metric::StopLoss, Metric::TakeProfit})
            if (metricName(m) == metric)
                s.alert.metric = m;
        for (const AlertLevel l : {AlertLevel::Info, AlertLevel::Warning, AlertLevel::Critical})
            if (alertLevelName(l) == level)
                s.alert.level = l;
        s.alert.instrument = select->isNull(4) ? 0 : static_cast<InstrumentId>(select->columnInt64(4));
        s.alert.value = select->columnDouble(5);
        s.alert.threshold = select->columnDouble(6);
        s.alert.message = select->columnText(7);
        out.push_back(std::move(s));
    }
    return out;
}

Result<void> saveStateChange(store::Database &db, const StateChange &c)
{
    auto insert =
        db.prepare("INSERT INTO trading_state_log (ts, from_state, to_state, reason) VALUES (?1, ?2, ?3, ?4)");
    if (!insert)
        return tl::unexpected(insert.error());
    if (auto b =
            bindAll(*insert, {insert->bind(1, c.timeNs), insert->bind(2, tradingStateName(c.from)),
                              insert->bind(3, tradingStateName(c.to)), insert->bind(4, std::string_view(c.reason))});
        !b)
        return b;
    return insert->run();
}

Result<TradingState> lastTradingState(store::Database &db)
{
    auto select = db.prepare("SELECT to_state FROM trading_state_log ORDER BY change_id DESC LIMIT 1");
    if (!select)
        return tl::unexpected(select.error());
    auto row = select->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return TradingState::Active;
    const std::string name = select->columnText(0);
    const auto state = stateFromName(name);
    if (!state)
        return fail(ErrorCode::CorruptData, "trading_state_log: unknown state '" + name + "'");
    return *state;
}

Result<GuardOutcome> watch(store::Database &db, RiskMonitor &monitor, PreTradeRisk &risk,
                           const AccountSnapshot &snapshot)
{
    GuardOutcome out;
    out.alerts = monitor.update(snapshot);
    const std::optional<TradingState> wanted = monitor.stateFor(out.alerts);
    auto transaction = store::Transaction::begin(db);
    if (!transaction)
        return tl::unexpected(transaction.error());
    for (Alert &a : out.alerts) {
        auto saved = saveAlert(db, a);
        if (!saved)
            return tl::unexpected(saved.error());
        a.id = *saved;
    }
    // A critical alert moves the state only towards caution: never from HALTED back to REDUCING.
    if (wanted && static_cast<int>(*wanted) > static_cast<int>(risk.state())) {
        std::string reason = "automatic, on a critical alert:";
        for (const Alert &a : out.alerts)
            if (a.level == AlertLevel::Critical)
                reason += " " + a.message + ";";
        reason.pop_back();
        const StateChange change{snapshot.timeNs, risk.state(), *wanted, reason};
        if (auto r = saveStateChange(db, change); !r)
            return tl::unexpected(r.error());
        if (auto r = transaction->commit(); !r)
            return tl::unexpected(r.error());
        out.change = risk.setState(*wanted, reason, snapshot.timeNs);
        return out;
    }
    if (auto r = transaction->commit(); !r)
        return tl::unexpected(r.error());
    return out;
}

} // namespace meridian::risk
