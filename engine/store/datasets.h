// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "store/database.h"

#include <cstdint>
#include <string_view>

// Versions of imported data sets (table dataset_versions). Every import that inserts or changes rows of a
// data set — the trades, or the order-book messages, of one symbol at one venue — adds one to its version,
// inside the import's transaction; what is built from a data set (the replay cache) records the version it
// was built from and is stale once the version moved.
namespace meridian::store {

enum class DatasetKind { Trades, Book };

/// "trades" or "book", as stored.
std::string_view datasetKindName(DatasetKind kind) noexcept;

/// 0 when nothing was ever imported. Errors: Database.
Result<std::int64_t> datasetVersion(Database &db, std::string_view symbol, std::string_view venue, DatasetKind kind);

/// Adds one to the version (1 for a new data set); call inside the transaction that changed the rows.
/// Errors: Database.
Result<void> bumpDatasetVersion(Database &db, std::string_view symbol, std::string_view venue, DatasetKind kind);

} // namespace meridian::store
