// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "store/database.h"

#include "core/log.h"
#include "store/migrations.h"

#include <filesystem>
#include <system_error>

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace meridian::store {

namespace {

bool isCorruption(int code) noexcept
{
    const int primary = code & 0xff;
    return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

} // namespace

// ---- Statement ------------------------------------------------------------------------------------------

Statement::Statement(Statement &&other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)), m_db(other.m_db)
{}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_db = other.m_db;
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

Error Statement::error(int code, const char *what) const
{
    const char *sql = m_statement ? sqlite3_sql(m_statement) : "";
    return Error{isCorruption(code) ? ErrorCode::CorruptData : ErrorCode::Database,
                 std::string(what) + ": " + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code)) +
                     " (in: " + (sql ? sql : "") + ")"};
}

Result<void> Statement::bind(int index, std::int64_t value)
{
    if (const int rc = sqlite3_bind_int64(m_statement, index, value); rc != SQLITE_OK)
        return tl::unexpected(error(rc, "Cannot bind parameter"));
    return {};
}

Result<void> Statement::bind(int index, double value)
{
    if (const int rc = sqlite3_bind_double(m_statement, index, value); rc != SQLITE_OK)
        return tl::unexpected(error(rc, "Cannot bind parameter"));
    return {};
}

Result<void> Statement::bind(int index, std::string_view text)
{
    const int rc = sqlite3_bind_text64(m_statement, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        return tl::unexpected(error(rc, "Cannot bind parameter"));
    return {};
}

Result<void> Statement::bindBlob(int index, std::span<const std::byte> bytes)
{
    // A zero-length BLOB still needs a non-null pointer, or SQLite binds NULL.
    static const std::byte empty{};
    const int rc =
        sqlite3_bind_blob64(m_statement, index, bytes.empty() ? &empty : bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        return tl::unexpected(error(rc, "Cannot bind parameter"));
    return {};
}

Result<void> Statement::bindNull(int index)
{
    if (const int rc = sqlite3_bind_null(m_statement, index); rc != SQLITE_OK)
        return tl::unexpected(error(rc, "Cannot bind parameter"));
    return {};
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    auto err = error(rc, "Statement failed");
    sqlite3_reset(m_statement);
    return tl::unexpected(std::move(err));
}

Result<void> Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return {};
    }
}

void Statement::reset() noexcept
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

int Statement::columnCount() const noexcept
{
    return sqlite3_column_count(m_statement);
}

bool Statement::isNull(int column) const noexcept
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt64(int column) const noexcept
{
    return sqlite3_column_int64(m_statement, column);
}

double Statement::columnDouble(int column) const noexcept
{
    return sqlite3_column_double(m_statement, column);
}

std::string Statement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    const int size = sqlite3_column_bytes(m_statement, column);
    return text ? std::string(text, static_cast<std::size_t>(size)) : std::string();
}

std::span<const std::byte> Statement::columnBlob(int column) const noexcept
{
    const auto *data = static_cast<const std::byte *>(sqlite3_column_blob(m_statement, column));
    const int size = sqlite3_column_bytes(m_statement, column);
    return data ? std::span<const std::byte>(data, static_cast<std::size_t>(size)) : std::span<const std::byte>();
}

// ---- Database -------------------------------------------------------------------------------------------

Result<Database> Database::open(const std::string &path, const Options &options)
{
    auto logger = log::get("store");
    const bool inMemory = path == ":memory:";
    std::error_code ec;
    const bool exists = !inMemory && std::filesystem::exists(path, ec);
    if (!inMemory && !exists && (!options.create || options.readOnly))
        return fail(ErrorCode::NotFound, "Database " + path + " does not exist");

    int flags = options.readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_EXRESCODE;
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database db(raw, path);
    if (rc != SQLITE_OK) {
        const std::string message = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        return fail(ErrorCode::Io, "Cannot open database " + path + ": " + message);
    }
    sqlite3_busy_timeout(raw, options.busyTimeoutMs);
    sqlite3_extended_result_codes(raw, 1);

    // Read the header and schema before anything writes to the file: a file that is not ours, damaged or
    // from a newer Meridian must be left exactly as it was.
    // Tables first, then the version: another connection migrating the file commits both together, so a
    // file seen with tables is then seen with its version too (in the other order, a migration committed
    // between the two reads would look like a foreign database).
    auto tableCount = db.queryInt64("SELECT count(*) FROM sqlite_schema");
    if (!tableCount) {
        if (tableCount.error().code == ErrorCode::CorruptData)
            return fail(ErrorCode::CorruptData, "Database " + path + " is not a SQLite database or is damaged (" +
                                                    tableCount.error().message + "); it was left untouched");
        return tl::unexpected(tableCount.error());
    }
    auto version = db.schemaVersion();
    if (!version)
        return fail(ErrorCode::CorruptData,
                    "Database " + path + " is damaged (" + version.error().message + "); it was left untouched");
    const int latest = latestSchemaVersion();
    if (*version > latest)
        return fail(ErrorCode::Unsupported,
                    "Database " + path + " has schema version " + std::to_string(*version) +
                        ", newer than this Meridian understands (" + std::to_string(latest) +
                        "); upgrade Meridian or choose another database. It was left untouched");
    if (*version == 0 && tableCount->value_or(0) > 0)
        return fail(ErrorCode::Unsupported, "Database " + path +
                                                " holds tables but no Meridian schema version; it is not a Meridian "
                                                "database and was left untouched");

    if (!options.readOnly) {
        // WAL lets readers (the UI's queries, reports) run beside one writer. FULL sync: an order or fill
        // that was reported as stored survives a power cut.
        if (!inMemory) {
            // Switching a new file to WAL needs it alone for a moment; SQLite answers BUSY at once (without
            // its busy handler) while another connection opening the same file holds it, so wait here.
            for (int waitedMs = 0;; waitedMs += 5) {
                auto r = db.exec("PRAGMA journal_mode=WAL");
                if (r)
                    break;
                if ((sqlite3_errcode(raw) & 0xFF) != SQLITE_BUSY || waitedMs >= options.busyTimeoutMs)
                    return tl::unexpected(r.error());
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        }
        if (auto r = db.exec("PRAGMA synchronous=FULL"); !r)
            return tl::unexpected(r.error());
    }
    if (auto r = db.exec("PRAGMA foreign_keys=ON"); !r)
        return tl::unexpected(r.error());

    if (options.migrate && !options.readOnly) {
        if (auto r = db.migrate(schemaMigrations()); !r)
            return tl::unexpected(r.error());
    }
    logger->debug("Opened database {} at schema version {}", path, *db.schemaVersion());
    return db;
}

Result<Database> Database::openInMemory()
{
    return open(":memory:", Options{});
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

Error Database::error(int code, std::string_view what) const
{
    return Error{isCorruption(code) ? ErrorCode::CorruptData : ErrorCode::Database,
                 std::string(what) + ": " + sqlite3_errmsg(m_db) + " (database " + m_path + ")"};
}

Result<void> Database::exec(std::string_view sql)
{
    const std::string text(sql);
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string detail = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        return fail(isCorruption(rc) ? ErrorCode::CorruptData : ErrorCode::Database,
                    "SQL failed: " + detail + " (database " + m_path + ")");
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), 0, &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        return tl::unexpected(error(rc, "Cannot prepare \"" + std::string(sql) + "\""));
    }
    return Statement(statement, m_db);
}

Result<std::optional<std::int64_t>> Database::queryInt64(std::string_view sql)
{
    auto statement = prepare(sql);
    if (!statement)
        return tl::unexpected(statement.error());
    auto row = statement->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(statement->columnInt64(0));
}

Result<int> Database::schemaVersion()
{
    auto value = queryInt64("PRAGMA user_version");
    if (!value)
        return tl::unexpected(value.error());
    return static_cast<int>(value->value_or(0));
}

Result<void> Database::migrate(std::span<const Migration> migrations)
{
    auto current = schemaVersion();
    if (!current)
        return tl::unexpected(current.error());
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    if (*current > latest)
        return fail(ErrorCode::Unsupported, "Database " + m_path + " has schema version " + std::to_string(*current) +
                                                ", newer than this Meridian understands (" + std::to_string(latest) +
                                                ")");
    auto logger = log::get("store");
    for (const Migration &migration : migrations) {
        if (migration.version <= *current)
            continue;
        auto transaction = Transaction::begin(*this);
        if (!transaction)
            return tl::unexpected(transaction.error());
        // Another connection (another thread or process opening the same file) may have applied it while
        // this one waited for the write lock: the version read under the lock decides.
        auto now = schemaVersion();
        if (!now)
            return tl::unexpected(now.error());
        if (*now >= migration.version)
            continue;
        auto applied = exec(migration.sql).and_then([&] {
            return exec("PRAGMA user_version = " + std::to_string(migration.version));
        });
        if (!applied)
            return fail(applied.error().code, "Migration to schema version " + std::to_string(migration.version) +
                                                  " (" + migration.description +
                                                  ") failed and was rolled back: " + applied.error().message);
        if (auto committed = transaction->commit(); !committed)
            return tl::unexpected(committed.error());
        logger->info("Migrated database {} to schema version {} ({})", m_path, migration.version,
                     migration.description);
    }
    return {};
}

Result<void> Database::checkIntegrity()
{
    auto statement = prepare("PRAGMA integrity_check(20)");
    if (!statement)
        return tl::unexpected(statement.error());
    std::string problems;
    for (;;) {
        auto row = statement->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const std::string line = statement->columnText(0);
        if (line == "ok")
            return {};
        problems += (problems.empty() ? "" : "; ") + line;
    }
    return fail(ErrorCode::CorruptData, "Database " + m_path + " failed its integrity check: " + problems);
}

std::int64_t Database::lastInsertId() const noexcept
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const noexcept
{
    return sqlite3_changes(m_db);
}

// ---- Transaction ----------------------------------------------------------------------------------------

Result<Transaction> Transaction::begin(Database &db)
{
    if (auto r = db.exec("BEGIN IMMEDIATE"); !r)
        return tl::unexpected(r.error());
    return Transaction(db);
}

Transaction::Transaction(Transaction &&other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Transaction::~Transaction()
{
    rollback();
}

Result<void> Transaction::commit()
{
    if (!m_db)
        return fail(ErrorCode::InvalidArgument, "Transaction already finished");
    auto r = m_db->exec("COMMIT");
    if (!r) {
        rollback();
        return r;
    }
    m_db = nullptr;
    return {};
}

void Transaction::rollback() noexcept
{
    if (!m_db)
        return;
    // ROLLBACK fails only when SQLite already rolled back by itself (e.g. after an I/O error).
    (void)m_db->exec("ROLLBACK");
    m_db = nullptr;
}

} // namespace meridian::store
