// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "sim/simulation_store.h"

#include <nlohmann/json.hpp>

namespace meridian::sim {

namespace {

using store::Database;
using store::Statement;

/// Prepares sql and binds the values in order.
template <class... Values>
Result<Statement> statement(Database &db, std::string_view sql, const Values &...values)
{
    auto s = db.prepare(sql);
    if (!s)
        return s;
    int index = 0;
    Result<void> bound = ok();
    ((bound = bound ? s->bind(++index, values) : bound), ...);
    if (!bound)
        return tl::unexpected(bound.error());
    return s;
}

/// Runs an UPDATE of one task and checks that the task exists.
template <class... Values>
Result<void> updateTask(Database &db, const std::string &taskId, std::string_view sql, const Values &...values)
{
    auto s = statement(db, sql, values..., std::string_view(taskId));
    if (!s)
        return tl::unexpected(s.error());
    if (auto r = s->run(); !r)
        return r;
    if (db.changes() == 0)
        return fail(ErrorCode::NotFound, "simulation task " + taskId + " does not exist");
    return ok();
}

nlohmann::json metricsJson(const SimulateResult &r)
{
    nlohmann::json series;
    series["time_ns"] = r.series.time;
    series["mid"] = r.series.mid;
    series["spread"] = r.series.spread;
    series["inventory"] = r.series.inventory;
    series["pnl"] = r.series.pnl;
    nlohmann::json m;
    m["execution_time"] = r.executionTimeS;
    m["market_trades"] = r.marketTrades;
    m["messages"] = r.messages;
    m["shock_time_ns"] = r.shockTime;
    m["strategy_error"] = r.strategyError;
    m["rejected_orders"] = r.rejectedCount;
    m["last_rejection"] = r.lastRejection;
    m["series"] = std::move(series);
    if (r.statistics) {
        const metrics::Statistics &x = *r.statistics;
        m["statistics"] = {{"start_date", x.startDate},
                           {"end_date", x.endDate},
                           {"total_days", x.totalDays},
                           {"profit_days", x.profitDays},
                           {"loss_days", x.lossDays},
                           {"capital", x.capital},
                           {"end_balance", x.endBalance},
                           {"total_return", x.totalReturn},
                           {"annual_return", x.annualReturn},
                           {"daily_return", x.dailyReturn},
                           {"cagr", x.cagr},
                           {"volatility", x.volatility},
                           {"sharpe_ratio", x.sharpeRatio},
                           {"sortino_ratio", x.sortinoRatio},
                           {"calmar_ratio", x.calmarRatio},
                           {"return_drawdown_ratio", x.returnDrawdownRatio},
                           {"max_drawdown", x.maxDrawdown},
                           {"max_drawdown_percent", x.maxDrawdownPercent},
                           {"max_drawdown_duration", x.maxDrawdownDuration},
                           {"var_95", x.var95},
                           {"cvar_95", x.cvar95},
                           {"skew", x.skew},
                           {"kurtosis", x.kurtosis},
                           {"total_net_pnl", x.totalNetPnl},
                           {"daily_net_pnl", x.dailyNetPnl},
                           {"total_commission", x.totalCommission},
                           {"total_slippage", x.totalSlippage},
                           {"total_turnover", x.totalTurnover},
                           {"daily_turnover", x.dailyTurnover},
                           {"total_trades", x.totalTrades},
                           {"daily_trades", x.dailyTrades}};
    }
    if (r.marketMaking) {
        const metrics::MarketMakingStatistics &x = *r.marketMaking;
        m["market_making"] = {{"fill_ratio", x.fillRatio},
                              {"maker_share", x.makerShare},
                              {"mean_inventory", x.meanInventory},
                              {"max_inventory", x.maxInventory},
                              {"time_weighted_inventory", x.timeWeightedInventory}};
    }
    return m;
}

} // namespace

Result<void> createTask(Database &db, const SimulationTask &t)
{
    auto s = statement(db,
                       "INSERT INTO simulation_tasks (task_id, symbol, period, scenario, strategy, strategy_params, "
                       "seed, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
                       std::string_view(t.taskId), std::string_view(t.symbol), std::string_view(t.period),
                       std::string_view(t.scenario), std::string_view(t.strategy), std::string_view(t.strategyParams),
                       static_cast<std::int64_t>(t.seed), t.createdAt);
    if (!s)
        return tl::unexpected(s.error());
    return s->run();
}

Result<void> markTaskRunning(Database &db, const std::string &taskId, std::int64_t nowNs)
{
    return updateTask(db, taskId,
                      "UPDATE simulation_tasks SET status = 'running', started_at = ? WHERE task_id = ? AND status = "
                      "'pending'",
                      nowNs);
}

Result<void> completeTask(Database &db, const std::string &taskId, const SimulateResult &r, std::int64_t nowNs)
{
    auto transaction = store::Transaction::begin(db);
    if (!transaction)
        return tl::unexpected(transaction.error());
    const std::string metrics = metricsJson(r).dump();
    auto insert = statement(db,
                            "INSERT INTO simulation_results (task_id, slippage, fill_probability, price_impact, "
                            "total_return, max_drawdown, sharpe_ratio, order_count, trade_count, final_equity, "
                            "metrics, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            std::string_view(taskId), r.slippage, r.fillProbability, r.priceImpact, r.totalReturn,
                            r.maxDrawdown, r.sharpeRatio, static_cast<std::int64_t>(r.orderCount),
                            static_cast<std::int64_t>(r.tradeCount), r.finalEquity, std::string_view(metrics), nowNs);
    if (!insert)
        return tl::unexpected(insert.error());
    if (auto done = insert->run(); !done)
        return done;
    if (auto updated = updateTask(db, taskId,
                                  "UPDATE simulation_tasks SET status = 'completed', completed_at = ?, error = NULL "
                                  "WHERE task_id = ? AND status = 'running'",
                                  nowNs);
        !updated)
        return updated;
    return transaction->commit();
}

Result<void> failTask(Database &db, const std::string &taskId, const std::string &error, std::int64_t nowNs)
{
    return updateTask(db, taskId,
                      "UPDATE simulation_tasks SET status = 'failed', completed_at = ?, error = ? WHERE task_id = ? "
                      "AND status IN ('pending', 'running')",
                      nowNs, std::string_view(error));
}

Result<int> failInterruptedTasks(Database &db, std::int64_t nowNs)
{
    auto s = statement(db,
                       "UPDATE simulation_tasks SET status = 'failed', completed_at = ?, error = 'interrupted: the "
                       "program stopped while the task was running' WHERE status = 'running'",
                       nowNs);
    if (!s)
        return tl::unexpected(s.error());
    if (auto r = s->run(); !r)
        return tl::unexpected(r.error());
    return db.changes();
}

Result<SimulationTask> loadTask(Database &db, const std::string &taskId)
{
    auto s = statement(db,
                       "SELECT task_id, symbol, period, scenario, strategy, strategy_params, seed, status, "
                       "coalesce(error, ''), created_at, started_at, completed_at FROM simulation_tasks WHERE "
                       "task_id = ?",
                       std::string_view(taskId));
    if (!s)
        return tl::unexpected(s.error());
    auto row = s->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, "simulation task " + taskId + " does not exist");
    SimulationTask t;
    t.taskId = s->columnText(0);
    t.symbol = s->columnText(1);
    t.period = s->columnText(2);
    t.scenario = s->columnText(3);
    t.strategy = s->columnText(4);
    t.strategyParams = s->columnText(5);
    t.seed = static_cast<std::uint64_t>(s->columnInt64(6));
    t.status = s->columnText(7);
    t.error = s->columnText(8);
    t.createdAt = s->columnInt64(9);
    if (!s->isNull(10))
        t.startedAt = s->columnInt64(10);
    if (!s->isNull(11))
        t.completedAt = s->columnInt64(11);
    return t;
}

std::string resultJson(const std::string &taskId, const SimulateResult &r)
{
    nlohmann::json j;
    j["simulation_id"] = taskId;
    j["slippage"] = r.slippage;
    j["fill_probability"] = r.fillProbability;
    j["price_impact"] = r.priceImpact;
    j["total_return"] = r.totalReturn;
    j["max_drawdown"] = r.maxDrawdown;
    j["sharpe_ratio"] = r.sharpeRatio;
    j["final_equity"] = r.finalEquity;
    j["order_count"] = r.orderCount;
    j["trade_count"] = r.tradeCount;
    j["execution_time"] = r.executionTimeS;
    const nlohmann::json metrics = metricsJson(r);
    for (const auto &[key, value] : metrics.items())
        if (key != "execution_time")
            j[key] = value;
    return j.dump();
}

} // namespace meridian::sim
