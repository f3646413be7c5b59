// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "sim/simulate_job.h"
#include "store/database.h"

#include <cstdint>
#include <optional>
#include <string>

// Simulate tasks and their results in SQLite (simulation_tasks, simulation_results). A task goes
// pending → running → completed | failed, and each change is written before the caller reports it.
// Times are wall-clock nanoseconds given by the caller (the engine reads no system clock).
// Thread: the thread that owns the Database.
namespace meridian::sim {

struct SimulationTask
{
    std::string taskId;
    std::string symbol;
    std::string period;
    std::string scenario;
    std::string strategy;              // plugin id ("" for the market alone)
    std::string strategyParams = "{}"; // JSON object
    std::uint64_t seed = 0;
    std::string status; // pending, running, completed, failed
    std::string error;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> startedAt, completedAt;
};

/// Inserts a pending task. Errors: Database (a duplicate id, a params text that is not JSON, a full disk).
Result<void> createTask(store::Database &db, const SimulationTask &task);
Result<void> markTaskRunning(store::Database &db, const std::string &taskId, std::int64_t nowNs);
/// Stores the result and marks the task completed, in one transaction.
Result<void> completeTask(store::Database &db, const std::string &taskId, const SimulateResult &result,
                          std::int64_t nowNs);
Result<void> failTask(store::Database &db, const std::string &taskId, const std::string &error, std::int64_t nowNs);
/// Marks every task left running (by a run that crashed or was killed) as failed; returns how many.
Result<int> failInterruptedTasks(store::Database &db, std::int64_t nowNs);
/// Errors: NotFound naming the id.
Result<SimulationTask> loadTask(store::Database &db, const std::string &taskId);

/// The result as one JSON object: simulation_id and the figures of SimulateResult, the series included.
std::string resultJson(const std::string &taskId, const SimulateResult &result);

} // namespace meridian::sim
