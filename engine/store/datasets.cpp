// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "store/datasets.h"

#include "core/clock.h"

namespace meridian::store {

std::string_view datasetKindName(DatasetKind kind) noexcept
{
    return kind == DatasetKind::Trades ? "trades" : "book";
}

Result<std::int64_t> datasetVersion(Database &db, std::string_view symbol, std::string_view venue, DatasetKind kind)
{
    auto select = db.prepare("SELECT version FROM dataset_versions WHERE symbol = ?1 AND venue = ?2 AND kind = ?3");
    if (!select)
        return tl::unexpected(select.error());
    for (auto bound : {select->bind(1, symbol), select->bind(2, venue), select->bind(3, datasetKindName(kind))})
        if (!bound)
            return tl::unexpected(bound.error());
    auto row = select->step();
    if (!row)
        return tl::unexpected(row.error());
    return *row ? select->columnInt64(0) : 0;
}

Result<void> bumpDatasetVersion(Database &db, std::string_view symbol, std::string_view venue, DatasetKind kind)
{
    auto upsert = db.prepare("INSERT INTO dataset_versions (symbol, venue, kind, version, changed_at) "
                             "VALUES (?1, ?2, ?3, 1, ?4) ON CONFLICT (symbol, venue, kind) "
                             "DO UPDATE SET version = version + 1, changed_at = excluded.changed_at");
    if (!upsert)
        return tl::unexpected(upsert.error());
    const std::int64_t now = WallClock().now().nanoseconds();
    for (auto bound : {upsert->bind(1, symbol), upsert->bind(2, venue), upsert->bind(3, datasetKindName(kind)),
                       upsert->bind(4, now)})
        if (!bound)
            return tl::unexpected(bound.error());
    return upsert->run();
}

} // namespace meridian::store
