// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "backtest/optimization_store.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace meridian::backtest {

namespace {

const char *methodName(OptimizeConfig::Method m)
{
    switch (m) {
    case OptimizeConfig::Method::Grid:
        return "grid";
    case OptimizeConfig::Method::Random:
        return "random";
    case OptimizeConfig::Method::Genetic:
        return "genetic";
    }
    return "grid";
}

} // namespace

Result<std::int64_t> saveOptimization(store::Database &db, const OptimizationRun &run,
                                      const std::vector<ParameterRange> &ranges, const OptimizeConfig &config,
                                      const OptimizeResult &result, std::int64_t nowNs)
{
    nlohmann::json objectives = nlohmann::json::array();
    for (const Objective &o : config.objectives)
        objectives.push_back({{"name", o.name}, {"maximize", o.name == "max_drawdown" ? false : o.maximize}});
    nlohmann::json rangeList = nlohmann::json::array();
    for (const ParameterRange &r : ranges) {
        nlohmann::json j = {{"name", r.name}};
        if (r.choices.empty()) {
            j["min"] = r.min;
            j["max"] = r.max;
            j["step"] = r.step;
        } else {
            j["choices"] = r.choices;
        }
        rangeList.push_back(std::move(j));
    }
    auto transaction = store::Transaction::begin(db);
    if (!transaction)
        return tl::unexpected(transaction.error());
    auto insertRun =
        db.prepare("INSERT INTO optimization_runs (strategy, symbol, interval, method, objectives, ranges, "
                   "base_params, data_from, data_to, seed, evaluations, cancelled, created_at) VALUES "
                   "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insertRun)
        return tl::unexpected(insertRun.error());
    const std::string objectivesText = objectives.dump(), rangesText = rangeList.dump();
    int index = 0;
    Result<void> bound = ok();
    const auto bind = [&](store::Statement &s, auto &&...values) {
        index = 0;
        ((bound = bound ? s.bind(++index, values) : bound), ...);
    };
    bind(*insertRun, std::string_view(run.strategy), std::string_view(run.symbol), std::string_view(run.interval),
         std::string_view(methodName(config.method)), std::string_view(objectivesText), std::string_view(rangesText),
         std::string_view(run.baseParametersJson), run.dataFrom, run.dataTo, static_cast<std::int64_t>(config.seed),
         static_cast<std::int64_t>(result.evaluations.size()), std::int64_t(result.cancelled ? 1 : 0), nowNs);
    if (!bound)
        return tl::unexpected(bound.error());
    if (auto r = insertRun->run(); !r)
        return tl::unexpected(r.error());
    const std::int64_t runId = db.lastInsertId();
    auto insert = db.prepare("INSERT INTO optimization_results (run_id, position, params, objectives, rank, error) "
                             "VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert)
        return tl::unexpected(insert.error());
    for (std::size_t i = 0; i < result.evaluations.size(); ++i) {
        const Evaluation &e = result.evaluations[i];
        nlohmann::json values = nlohmann::json::array();
        for (const double v : e.objectives)
            values.push_back(std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr));
        const std::string valuesText = values.dump();
        insert->reset();
        bind(*insert, runId, static_cast<std::int64_t>(i), std::string_view(e.parametersJson),
             std::string_view(valuesText), static_cast<std::int64_t>(e.rank));
        if (bound)
            bound = e.error.empty() ? insert->bindNull(6) : insert->bind(6, std::string_view(e.error));
        if (!bound)
            return tl::unexpected(bound.error());
        if (auto r = insert->run(); !r)
            return tl::unexpected(r.error());
    }
    if (auto r = transaction->commit(); !r)
        return tl::unexpected(r.error());
    return runId;
}

} // namespace meridian::backtest
