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

Result<std::vector<StoredCalibration>> listCalibrations(store::Database &db, const std::string &symbol)
{
    auto s = db.prepare("SELECT calibration_id, symbol, scenario, data_source, coalesce(data_from, 0), "
                        "coalesce(data_to, 0), calibrated_at, is_active, json_type(params, '$.model') IS NOT NULL, "
                        "volatility_factor, liquidity_factor, base_slippage, coalesce(goodness_of_fit, '{}') "
                        "FROM calibration_params WHERE ?1 = '' OR symbol = ?1 ORDER BY calibration_id DESC");
    if (!s)
        return tl::unexpected(s.error());
    if (auto b = s->bind(1, std::string_view(symbol)); !b)
        return tl::unexpected(b.error());
    std::vector<StoredCalibration> out;
    auto rows = s->forEachRow([&] {
        StoredCalibration c;
        c.id = s->columnInt64(0);
        c.symbol = s->columnText(1);
        c.scenario = s->columnText(2);
        c.dataSource = s->columnText(3);
        c.dataFrom = s->columnInt64(4);
        c.dataTo = s->columnInt64(5);
        c.calibratedAt = s->columnInt64(6);
        c.active = s->columnInt64(7) != 0;
        c.hasModel = s->columnInt64(8) != 0;
        c.factors = {s->columnDouble(9), s->columnDouble(10), s->columnDouble(11)};
        c.goodnessOfFitJson = s->columnText(12);
        out.push_back(std::move(c));
    });
    if (!rows)
        return tl::unexpected(rows.error());
    return out;
}

Result<void> activateCalibration(store::Database &db, std::int64_t id)
{
    auto transaction = store::Transaction::begin(db);
    if (!transaction)
        return tl::unexpected(transaction.error());
    auto find = db.prepare("SELECT symbol, scenario FROM calibration_params WHERE calibration_id = ?1");
    if (!find)
        return tl::unexpected(find.error());
    if (auto b = find->bind(1, id); !b)
        return tl::unexpected(b.error());
    auto row = find->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, "calibration: there is no calibration " + std::to_string(id));
    const std::string symbol = find->columnText(0), scenario = find->columnText(1);
    // Retire the active one first: at most one may be active (a unique index says so).
    auto retire =
        db.prepare("UPDATE calibration_params SET is_active = 0 WHERE symbol = ?1 AND scenario = ?2 AND is_active = 1");
    if (!retire)
        return tl::unexpected(retire.error());
    for (const auto &b : {retire->bind(1, std::string_view(symbol)), retire->bind(2, std::string_view(scenario))})
        if (!b)
            return tl::unexpected(b.error());
    if (auto r = retire->step(); !r)
        return tl::unexpected(r.error());
    auto activate = db.prepare("UPDATE calibration_params SET is_active = 1 WHERE calibration_id = ?1");
    if (!activate)
        return tl::unexpected(activate.error());
    if (auto b = activate->bind(1, id); !b)
        return tl::unexpected(b.error());
    if (auto r = activate->step(); !r)
        return tl::unexpected(r.error());
    return transaction->commit();
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
