// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "sim/scenario.h"
#include "store/database.h"

#include <string>
#include <string_view>
#include <vector>

// Scenarios as JSON, and users' own scenarios in SQLite (table scenarios).
//
// The JSON names every parameter of a Scenario in snake case, grouped as in the structs:
//   {"name": "my_crash", "description": "…", "base": "black_swan",
//    "fundamental": {"kappa": 1e-5, "sigma": 6e-5, "jump_rate": 0, "jump_mean": 0, "jump_std": 0, "drift": 0},
//    "population": {"zero_intelligence": 4, "value": 20, "informed": 1, "momentum": 3, "noise": 20,
//                   "market_makers": 2},
//    "zero_intelligence": {"limit_rate": 0.2, …}, "value": {…}, "informed": {…}, "momentum": {…},
//    "noise": {…}, "market_maker": {…},
//    "latency": {"entry_ms": 1, "entry_jitter_ms": 4, "market_data_ms": 1, "market_data_jitter_ms": 4},
//    "shock": {"from": 0.3, "to": 0.7, "jump": -0.36, "jump_half_life": 0, "liquidity_drop": 0.85,
//              "recovery_half_life": 0.05}}
// A scenario read from JSON starts from its base preset (default normal) and takes every parameter the JSON
// gives; so a saved scenario may name only what it changes. Rates are per second, times in the names' units,
// distances in reference ticks (an instrument's price / 10 000).
namespace meridian::sim {

/// Errors: InvalidArgument naming the parameter (by its path, "market_maker.half_spread") and what is
/// wrong: not JSON, an unknown name, a wrong type, a value out of range, a missing name; NotFound for an
/// unknown base.
Result<Scenario> scenarioFromJson(std::string_view json);
/// Every parameter, so that the JSON is the whole scenario.
std::string scenarioToJson(const Scenario &scenario);

/// Stores a user's scenario (replacing one of the same name). Errors: InvalidArgument when the name is a
/// preset's or not a plain name (letters, digits, '_', '-'); Database.
Result<void> saveScenario(store::Database &db, const Scenario &scenario, std::int64_t nowNs);
/// A preset, or else a scenario the user saved. Errors: NotFound naming it and the known ones.
Result<Scenario> findScenario(store::Database &db, std::string_view name);
/// The names the user saved, sorted.
Result<std::vector<std::string>> savedScenarioNames(store::Database &db);
/// Errors: NotFound.
Result<void> deleteScenario(store::Database &db, std::string_view name);

} // namespace meridian::sim
