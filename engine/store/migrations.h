// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <span>

namespace meridian::store {

/// One step of the schema: the SQL that takes a database from version - 1 to version.
struct Migration
{
    int version;
    const char *description;
    const char *sql;
};

/// Returns Meridian's schema migrations, in order; the last one's version is the current schema.
std::span<const Migration> schemaMigrations() noexcept;

/// Returns the schema version this build writes.
int latestSchemaVersion() noexcept;

} // namespace meridian::store
