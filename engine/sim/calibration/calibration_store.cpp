// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "sim/calibration/calibration_store.h"

#include "sim/scenario_json.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace meridian::sim::calibration {

using nlohmann::json;

Result<std::int64_t> saveCalibration(store::Database &db, const CalibrationRecord &r, std::int64_t nowNs)
{
    if (r.symbol.empty() || r.scenario.empty())
        return fail(ErrorCode::InvalidArgument, "calibration: the symbol and the scenario must be named");
    // The same checks the simulator applies, so that nothing stored is refused when it is used.
    if (auto checked = applyCalibration(Scenario{}, r.factors, 10000); !checked)
        return fail(ErrorCode::InvalidArgument, "calibration: " + checked.error().message);
    const json estimates = json::parse(r.estimatesJson, nullptr, false);
    const json fit = json::parse(r.goodnessOfFitJson, nullptr, false);
    if (!estimates.is_object() || !fit.is_object())
        return fail(ErrorCode::InvalidArgument,
                    "calibration: the estimates and the goodness of fit must be JSON objects");
    json params{{"estimates", estimates}};
    if (r.model)
        params["model"] = json::parse(scenarioToJson(*r.model));
    if (r.price > 0)
        params["price"] = r.price;

    auto transaction = store::Transaction::begin(db);
    if (!transaction)
        return tl::unexpected(transaction.error());
    auto retire = db.prepare("UPDATE calibration_params SET is_active = 0 WHERE symbol = ?1 AND scenario = ?2 AND "
                             "is_active = 1");
    if (!retire)
        return tl::unexpected(retire.error());
    if (auto b = retire->bind(1, std::string_view(r.symbol)); !b)
        return tl::unexpected(b.error());
    if (auto b = retire->bind(2, std::string_view(r.scenario)); !b)
        return tl::unexpected(b.error());
    if (auto s = retire->step(); !s)
        return tl::unexpected(s.error());
    auto insert = db.prepare(
        "INSERT INTO calibration_params (symbol, scenario, base_slippage, volatility_factor, liquidity_factor, "
        "params, goodness_of_fit, data_source, data_from, data_to, calibrated_at, is_active) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1)");
    if (!insert)
        return tl::unexpected(insert.error());
    const std::string paramsText = params.dump(), fitText = fit.dump();
    for (const auto &b : {insert->bind(1, std::string_view(r.symbol)), insert->bind(2, std::string_view(r.scenario)),
                          insert->bind(3, r.factors.baseSlippage), insert->bind(4, r.factors.volatilityFactor),
                          insert->bind(5, r.factors.liquidityFactor), insert->bind(6, std::string_view(paramsText)),
                          insert->bind(7, std::string_view(fitText)), insert->bind(8, std::string_view(r.dataSource)),
                          insert->bind(9, r.dataFrom), insert->bind(10, r.dataTo), insert->bind(11, nowNs)})
        if (!b)
            return tl::unexpected(b.error());
    if (auto s = insert->step(); !s)
        return tl::unexpected(s.error());
    const std::int64_t id = db.lastInsertId();
    if (auto c = transaction->commit(); !c)
        return tl::unexpected(c.error());
    return id;
}

Result<std::optional<ActiveCalibration>> activeCalibration(store::Database &db, const std::string &symbol,
                                                           const std::string &scenario)
{
    auto s =
        db.prepare("SELECT calibration_id, volatility_factor, liquidity_factor, base_slippage, params, data_source "
                   "FROM calibration_params WHERE symbol = ?1 AND scenario = ?2 AND is_active = 1");
    if (!s)
        return tl::unexpected(s.error());
    if (auto b = s->bind(1, std::string_view(symbol)); !b)
        return tl::unexpected(b.error());
    if (auto b = s->bind(2, std::string_view(scenario)); !b)
        return tl::unexpected(b.error());
    auto row = s->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return std::optional<ActiveCalibration>{};
    ActiveCalibration a;
    a.id = s->columnInt64(0);
    a.factors.volatilityFactor = s->columnDouble(1);
    a.factors.liquidityFactor = s->columnDouble(2);
    a.factors.baseSlippage = s->columnDouble(3);
    a.dataSource = s->columnText(5);
    const json params = json::parse(s->columnText(4), nullptr, false);
    if (params.is_object()) {
        if (const auto model = params.find("model"); model != params.end()) {
            auto parsed = scenarioFromJson(model->dump());
            if (!parsed)
                return fail(ErrorCode::CorruptData,
                            "calibration " + std::to_string(a.id) + " of " + symbol + ": " + parsed.error().message);
            a.model = std::move(*parsed);
        }
        if (const auto price = params.find("price"); price != params.end() && price->is_number())
            a.price = price->get<double>();
    }
    return std::optional<ActiveCalibration>(std::move(a));
}

} // namespace meridian::sim::calibration
