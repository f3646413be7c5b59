// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// bench_store_replay: is SQLite fast enough to feed a tick replay? It writes N trades (a seeded random walk)
// into the trades table of a database file in a temporary folder, then reads them back in time order the
// way a replay would (one prepared statement, column by column), then loads them through the replay cache
// (engine/backtest/replay_cache.h), which SQLite's rate made necessary. The figure is the cache's rate, to
// compare with what the backtests consume (bench_backtest_l2); SQLite's is printed above it.
//
// Usage: bench_store_replay [--rows N]
#include "backtest/replay_cache.h"
#include "core/rng.h"
#include "store/database.h"
#include "store/migrations.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unistd.h>

using namespace meridian;

namespace {

double seconds(std::chrono::steady_clock::time_point from)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - from).count();
}

int fail(const std::string &why)
{
    std::fprintf(stderr, "bench_store_replay: %s\n", why.c_str());
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    std::int64_t rows = 2'000'000;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::strcmp(argv[i], "--rows") == 0)
            rows = std::strtoll(argv[i + 1], nullptr, 10);
    const auto folder = std::filesystem::temp_directory_path() / ("bench_store_replay_" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const std::string path = (folder / "replay.sqlite").string();
    {
        auto db = store::Database::open(path);
        if (!db)
            return fail(db.error().message);
        const auto start = std::chrono::steady_clock::now();
        auto transaction = store::Transaction::begin(*db);
        auto insert = db->prepare("INSERT INTO trades (symbol, venue, ts, trade_id, price, quantity, aggressor) "
                                  "VALUES ('BTCUSDT', 'BENCH', ?, ?, ?, ?, ?)");
        if (!transaction || !insert)
            return fail("cannot prepare the insert");
        Rng rng(3);
        double price = 30000;
        for (std::int64_t i = 0; i < rows; ++i) {
            price *= 1 + rng.normal(0, 0.0001);
            insert->reset();
            if (!insert->bind(1, i * 100'000'000) || !insert->bind(2, i) || !insert->bind(3, price) ||
                !insert->bind(4, 0.001 * static_cast<double>(rng.uniformInt(1, 100))) ||
                !insert->bind(5, std::string_view(rng.bernoulli(0.5) ? "buy" : "sell")) || !insert->run())
                return fail("insert failed");
        }
        if (!transaction->commit())
            return fail("commit failed");
        std::printf("wrote %lld trades in %.2f s (%.2fM rows/s)\n", static_cast<long long>(rows), seconds(start),
                    static_cast<double>(rows) / seconds(start) / 1e6);
    }
    auto db = store::Database::open(path);
    if (!db)
        return fail(db.error().message);
    const auto start = std::chrono::steady_clock::now();
    auto select = db->prepare("SELECT ts, price, quantity, aggressor FROM trades WHERE symbol = 'BTCUSDT' ORDER BY ts");
    if (!select)
        return fail(select.error().message);
    double checksum = 0;
    std::int64_t read = 0;
    for (;;) {
        auto row = select->step();
        if (!row)
            return fail(row.error().message);
        if (!*row)
            break;
        checksum += static_cast<double>(select->columnInt64(0) % 7) + select->columnDouble(1) * select->columnDouble(2);
        ++read;
    }
    const double elapsed = seconds(start);
    if (read != rows)
        return fail("read " + std::to_string(read) + " rows, wrote " + std::to_string(rows));
    std::printf("SQLite: read %lld trades in time order in %.2f s (%.2fM rows/s, checksum %.3f)\n",
                static_cast<long long>(read), elapsed, static_cast<double>(read) / elapsed / 1e6, checksum);

    // The replay cache: the first load builds the file from SQLite, the next ones read it.
    backtest::ReplayRequest request;
    request.symbol = "BTCUSDT";
    request.venue = "BENCH";
    request.kind = store::DatasetKind::Trades;
    const std::string cache = (folder / "cache").string();
    auto built = backtest::loadReplay(*db, cache, request);
    if (!built || built->fromCache || !built->cacheProblem.empty())
        return fail(built ? "the cache was not built: " + built->cacheProblem : built.error().message);
    double best = 0;
    for (int round = 0; round < 5; ++round) {
        const auto from = std::chrono::steady_clock::now();
        auto cached = backtest::loadReplay(*db, cache, request);
        const double t = seconds(from);
        if (!cached || !cached->fromCache || cached->events.size() != static_cast<std::size_t>(rows))
            return fail("the cache was not used");
        best = std::max(best, static_cast<double>(rows) / t);
    }
    std::filesystem::remove_all(folder);
    std::printf("replay cache: %.1fM events/s (best of 5 loads; %.1fx SQLite)\n", best / 1e6,
                best / (static_cast<double>(read) / elapsed));
    std::printf("bench_store_replay: %.0f events/s\n", best);
    return 0;
}
