// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// bench_store_replay: is SQLite fast enough to feed a tick replay? It writes N trades (a seeded random walk)
// into the trades table of a database file in a temporary folder, then reads them back in time order the
// way a replay would (one prepared statement, column by column), and prints both rates. The figure is the
// read rate, to compare with what the backtests consume (bench_backtest_l2).
//
// Usage: bench_store_replay [--rows N]
#include "core/rng.h"
#include "store/database.h"
#include "store/migrations.h"

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
    std::filesystem::remove_all(folder);
    if (read != rows)
        return fail("read " + std::to_string(read) + " rows, wrote " + std::to_string(rows));
    std::printf("read %lld trades in time order in %.2f s (checksum %.3f)\n", static_cast<long long>(read), elapsed,
                checksum);
    std::printf("bench_store_replay: %.0f rows/s\n", static_cast<double>(read) / elapsed);
    return 0;
}
