// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace meridian::store {

struct Migration;

/// A prepared SQL statement. Parameters are 1-based, columns 0-based (as in SQLite).
///
/// Thread: used by the thread that owns its Database.
class Statement final
{
public:
    Statement() = default;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Result<void> bind(int index, std::int64_t value);
    Result<void> bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Result<void> bind(int index, double value);
    Result<void> bind(int index, std::string_view text);
    Result<void> bind(int index, const char *text) { return bind(index, std::string_view(text)); }
    Result<void> bindNull(int index);
    /// Binds bytes as a BLOB (copied).
    Result<void> bindBlob(int index, std::span<const std::byte> bytes);

    /// Runs one step. Returns true when a row is available, false when the statement is done.
    /// Errors: Database with SQLite's message and the statement's SQL.
    Result<bool> step();
    /// Steps through every row, calling row() at each (it reads the columns); stops at SQLite's first error.
    template <class Row>
    Result<void> forEachRow(Row &&row)
    {
        for (;;) {
            auto more = step();
            if (!more)
                return tl::unexpected(more.error());
            if (!*more)
                return {};
            row();
        }
    }
    /// Runs the statement to completion, ignoring rows.
    Result<void> run();
    /// Resets the statement for another run and clears its bindings.
    void reset() noexcept;

    int columnCount() const noexcept;
    bool isNull(int column) const noexcept;
    std::int64_t columnInt64(int column) const noexcept;
    double columnDouble(int column) const noexcept;
    std::string columnText(int column) const;
    /// A BLOB column's bytes, valid until the next step, reset or column call on this statement.
    std::span<const std::byte> columnBlob(int column) const noexcept;

private:
    friend class Database;
    Statement(sqlite3_stmt *statement, sqlite3 *db) noexcept : m_statement(statement), m_db(db) {}
    Error error(int code, const char *what) const;

    sqlite3_stmt *m_statement = nullptr;
    sqlite3 *m_db = nullptr;
};

/// One connection to a Meridian SQLite database (WAL, foreign keys on), with its schema migrated to the
/// version this build knows.
///
/// Thread: owned by one thread at a time (a connection per thread).
class Database final
{
public:
    struct Options
    {
        bool create = true; ///< create the file when it does not exist
        bool readOnly = false;
        bool migrate = true; ///< bring the schema forward to the latest version
        int busyTimeoutMs = 5000;
    };

    /// Opens (or creates) the database at path and migrates its schema forward.
    /// Errors: NotFound when it does not exist and create is false; CorruptData when the file is not a
    /// SQLite database or is damaged; Unsupported when its schema is newer than this build. In these cases
    /// the file is left exactly as it was.
    static Result<Database> open(const std::string &path, const Options &options);
    static Result<Database> open(const std::string &path) { return open(path, Options{}); }
    /// Opens a private in-memory database with the full schema (tests, scratch work).
    static Result<Database> openInMemory();

    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    /// Runs one or more statements without results. Errors: Database.
    Result<void> exec(std::string_view sql);
    /// Prepares one statement. Errors: Database with SQLite's message.
    Result<Statement> prepare(std::string_view sql);
    /// Returns the first column of the first row as an integer, or std::nullopt if there is no row.
    Result<std::optional<std::int64_t>> queryInt64(std::string_view sql);

    /// Returns the schema version (PRAGMA user_version).
    Result<int> schemaVersion();
    /// Applies the migrations newer than the current version, each in its own transaction.
    /// Errors: Unsupported if the database is newer than the last migration; Database if one fails (that
    /// migration is rolled back, earlier ones stay).
    Result<void> migrate(std::span<const Migration> migrations);
    /// Runs SQLite's integrity check. Errors: CorruptData with the first problems found.
    Result<void> checkIntegrity();

    /// Returns the rowid of the last inserted row.
    std::int64_t lastInsertId() const noexcept;
    /// Returns the number of rows changed by the last statement.
    int changes() const noexcept;
    const std::string &path() const noexcept { return m_path; }
    sqlite3 *handle() const noexcept { return m_db; }

private:
    Database(sqlite3 *db, std::string path) noexcept : m_db(db), m_path(std::move(path)) {}
    Error error(int code, std::string_view what) const;

    sqlite3 *m_db = nullptr;
    std::string m_path;
};

/// RAII transaction: rolls back on destruction unless committed.
///
/// Thread: the thread that owns the Database.
class Transaction final
{
public:
    /// Begins an immediate transaction (takes the write lock now, so a later write cannot fail with BUSY).
    static Result<Transaction> begin(Database &db);
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    /// Commits. Errors: Database (the transaction is then rolled back).
    Result<void> commit();
    /// Rolls back now.
    void rollback() noexcept;

private:
    explicit Transaction(Database &db) noexcept : m_db(&db) {}
    Database *m_db = nullptr;
};

} // namespace meridian::store
