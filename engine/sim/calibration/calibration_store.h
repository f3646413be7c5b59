// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "sim/scenario.h"
#include "store/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// Calibrated parameter sets in SQLite (calibration_params): one active set per symbol and scenario; the
// earlier ones are kept, inactive, with the data they came from and how well they fitted.
namespace meridian::sim::calibration {

struct CalibrationRecord
{
    std::string symbol, scenario;
    CalibrationFactors factors;
    std::optional<Scenario> model;        // a fitted population, used instead of the preset when present
    double price = 0;                     // the data's price (quote currency) the model was fitted at; 0: none
    std::string estimatesJson = "{}";     // what was estimated, a JSON object (stored under "estimates")
    std::string goodnessOfFitJson = "{}"; // a JSON object
    std::string dataSource;
    std::int64_t dataFrom = 0, dataTo = 0; // ns, the data's range
};

/// Stores the record as the active set of its symbol and scenario, the earlier active one kept inactive, in
/// one transaction; returns its id. Errors: InvalidArgument for an empty symbol or scenario, factors out of
/// range or JSON that is not an object (nothing written); Database (rolled back).
Result<std::int64_t> saveCalibration(store::Database &db, const CalibrationRecord &record, std::int64_t nowNs);

struct ActiveCalibration
{
    std::int64_t id = 0;
    CalibrationFactors factors;
    std::optional<Scenario> model;
    double price = 0;
    std::string dataSource;
};

/// One stored set, as listed.
struct StoredCalibration
{
    std::int64_t id = 0;
    std::string symbol, scenario, dataSource;
    std::int64_t dataFrom = 0, dataTo = 0, calibratedAt = 0; // ns
    bool active = false;
    bool hasModel = false; // a fitted population, not only factors
    CalibrationFactors factors;
    std::string goodnessOfFitJson;
};

/// The stored sets, newest first: all, or those of one symbol. Errors: Database.
Result<std::vector<StoredCalibration>> listCalibrations(store::Database &db, const std::string &symbol = {});

/// Makes a stored set the active one of its symbol and scenario (the one active before is kept, inactive), in
/// one transaction. Errors: NotFound naming the id; Database (nothing changes).
Result<void> activateCalibration(store::Database &db, std::int64_t id);

/// The active set of (symbol, scenario), or nullopt when there is none. Errors: CorruptData when its stored
/// model does not parse; Database.
Result<std::optional<ActiveCalibration>> activeCalibration(store::Database &db, const std::string &symbol,
                                                           const std::string &scenario);

} // namespace meridian::sim::calibration
