// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "store/database.h"
#include "store/migrations.h"

#include <QtTest>

#include <thread>
#include <vector>

#include <sqlite3.h>

using namespace meridian;
using namespace meridian::store;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Writes a database with only a schema version and one table, through the raw C API.
void writeForeignDatabase(const QString &path, int userVersion)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    const QByteArray sql = "CREATE TABLE t(x); PRAGMA user_version=" + QByteArray::number(userVersion) + ";";
    QCOMPARE(sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void createsSchemaAtLatestVersion();
    void opensInWalWithForeignKeys();
    void seedsCalibrationParameters();
    void reopenKeepsDataAndVersion();
    void migratesForwardStepByStep();
    void failedMigrationRollsBackThatStep();
    void concurrentOpensMigrateOnce();
    void refusesNewerSchemaAndLeavesFileUntouched();
    void refusesCorruptFileAndLeavesItUntouched();
    void refusesForeignDatabaseWithoutVersion();
    void refusesMissingFileWhenNotCreating();
    void transactionRollsBackUnlessCommitted();
    void constraintsRejectBadRows();
    void onlyOneActiveCalibrationPerSymbolAndScenario();
    void integrityCheckPassesOnFreshDatabase();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestDatabase::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("db-%1.sqlite").arg(QTest::currentTestFunction()));
    QFile::remove(m_path);
}

void TestDatabase::createsSchemaAtLatestVersion()
{
    auto db = Database::open(m_path.toStdString());

    QVERIFY2(db.has_value(), db ? "" : db.error().message.c_str());
    QCOMPARE(*db->schemaVersion(), latestSchemaVersion());
    for (const char *table : {"instruments", "market_data", "simulation_tasks", "simulation_results",
                              "calibration_params", "strategies", "orders", "fills"}) {
        auto statement = db->prepare("SELECT count(*) FROM sqlite_schema WHERE type='table' AND name=?");
        QVERIFY(statement->bind(1, table));
        QVERIFY(*statement->step());
        QVERIFY2(statement->columnInt64(0) == 1, table);
    }
    QCOMPARE(**db->queryInt64("SELECT count(*) FROM sqlite_schema WHERE name='market_data_symbol_ts'"), 1);
}

void TestDatabase::opensInWalWithForeignKeys()
{
    auto db = Database::open(m_path.toStdString());
    QVERIFY(db);
    auto mode = db->prepare("PRAGMA journal_mode");
    QVERIFY(*mode->step());
    QCOMPARE(mode->columnText(0), std::string("wal"));
    QCOMPARE(**db->queryInt64("PRAGMA foreign_keys"), 1);
    // A fill must reference an existing order.
    const auto orphan = db->exec("INSERT INTO fills (order_id, price, quantity, ts) VALUES (999, '1', '1', 0)");
    QVERIFY(!orphan);
    QCOMPARE(orphan.error().code, ErrorCode::Database);
}

void TestDatabase::seedsCalibrationParameters()
{
    auto db = Database::openInMemory();
    QVERIFY(db);
    auto q = db->prepare("SELECT symbol, scenario, base_slippage, volatility_factor, liquidity_factor, is_active "
                         "FROM calibration_params ORDER BY symbol, scenario");
    QVERIFY(q);
    struct Row
    {
        std::string symbol, scenario;
        double slippage, volatility, liquidity;
    };
    const Row expected[] = {{"BTCUSDT", "black_swan", 0.005, 3.0, 0.3},
                            {"BTCUSDT", "normal", 0.001, 1.0, 1.0},
                            {"ETHUSDT", "high_volatility", 0.003, 2.0, 0.6},
                            {"ETHUSDT", "normal", 0.0012, 1.1, 0.9}};
    for (const Row &row : expected) {
        QVERIFY(*q->step());
        QCOMPARE(q->columnText(0), row.symbol);
        QCOMPARE(q->columnText(1), row.scenario);
        QCOMPARE(q->columnDouble(2), row.slippage);
        QCOMPARE(q->columnDouble(3), row.volatility);
        QCOMPARE(q->columnDouble(4), row.liquidity);
        QCOMPARE(q->columnInt64(5), 1);
    }
    QVERIFY(!*q->step());
}

void TestDatabase::reopenKeepsDataAndVersion()
{
    {
        auto db = Database::open(m_path.toStdString());
        QVERIFY(db);
        QVERIFY(db->exec("INSERT INTO instruments (symbol, venue, tick_size, lot_size, created_at) "
                         "VALUES ('AAPL', 'NASDAQ', '0.01', '1', 0)"));
    }
    auto db = Database::open(m_path.toStdString());
    QVERIFY(db);
    QCOMPARE(**db->queryInt64("SELECT count(*) FROM instruments WHERE symbol='AAPL'"), 1);
    // Migrations ran once: the seed rows are not duplicated.
    QCOMPARE(**db->queryInt64("SELECT count(*) FROM calibration_params"), 4);
}

void TestDatabase::migratesForwardStepByStep()
{
    const Migration migrations[] = {
        {1, "one", "CREATE TABLE a(x INTEGER);"},
        {2, "two", "ALTER TABLE a ADD COLUMN y TEXT; INSERT INTO a VALUES (1, 'two');"},
        {3, "three", "CREATE TABLE b(z);"},
    };
    Database::Options options;
    options.migrate = false;
    auto db = Database::open(m_path.toStdString(), options);
    QVERIFY(db);
    QVERIFY(db->migrate(std::span(migrations, 2)));
    QCOMPARE(*db->schemaVersion(), 2);
    QVERIFY(db->migrate(migrations));
    QCOMPARE(*db->schemaVersion(), 3);
    QCOMPARE(**db->queryInt64("SELECT count(*) FROM a"), 1);
    // Running again applies nothing.
    QVERIFY(db->migrate(migrations));
    QCOMPARE(**db->queryInt64("SELECT count(*) FROM a"), 1);
}

void TestDatabase::concurrentOpensMigrateOnce()
{
    // The workstation opens its database from two threads at start-up; whichever takes the write lock
    // second must find the migrations done, not apply them again.
    for (int round = 0; round < 5; ++round) {
        const std::string path = m_dir.filePath(QStringLiteral("race-%1.sqlite").arg(round)).toStdString();
        std::vector<std::string> errors(4);
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < errors.size(); ++t)
            threads.emplace_back([&, t] {
                auto db = Database::open(path);
                if (!db)
                    errors[t] = db.error().message;
            });
        for (std::thread &t : threads)
            t.join();
        for (const std::string &e : errors)
            QVERIFY2(e.empty(), e.c_str());
        auto db = Database::open(path);
        QVERIFY(db);
        QCOMPARE(*db->schemaVersion(), latestSchemaVersion());
    }
}

void TestDatabase::failedMigrationRollsBackThatStep()
{
    const Migration migrations[] = {
        {1, "good", "CREATE TABLE a(x INTEGER);"},
        {2, "bad", "INSERT INTO a VALUES (1); CREATE TABLE a(y);"},
    };
    Database::Options options;
    options.migrate = false;
    auto db = Database::open(m_path.toStdString(), options);
    QVERIFY(db);

    const auto result = db->migrate(migrations);

    QVERIFY(!result);
    QVERIFY(result.error().message.find("schema version 2") != std::string::npos);
    QVERIFY(result.error().message.find("rolled back") != std::string::npos);
    QCOMPARE(*db->schemaVersion(), 1);
    QCOMPARE(**db->queryInt64("SELECT count(*) FROM a"), 0);
}

void TestDatabase::refusesNewerSchemaAndLeavesFileUntouched()
{
    writeForeignDatabase(m_path, latestSchemaVersion() + 5);
    const QByteArray before = readFile(m_path);

    const auto db = Database::open(m_path.toStdString());

    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::Unsupported);
    QVERIFY(db.error().message.find("newer") != std::string::npos);
    QVERIFY(db.error().message.find(m_path.toStdString()) != std::string::npos);
    QCOMPARE(readFile(m_path), before);
    QVERIFY(!QFile::exists(m_path + "-wal"));
}

void TestDatabase::refusesCorruptFileAndLeavesItUntouched()
{
    QByteArray garbage;
    for (int i = 0; i < 8192; ++i)
        garbage.append(char((i * 131 + 7) & 0xff));
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }

    const auto db = Database::open(m_path.toStdString());

    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::CorruptData);
    QVERIFY(db.error().message.find("untouched") != std::string::npos);
    QCOMPARE(readFile(m_path), garbage);
}

void TestDatabase::refusesForeignDatabaseWithoutVersion()
{
    writeForeignDatabase(m_path, 0);
    const QByteArray before = readFile(m_path);

    const auto db = Database::open(m_path.toStdString());

    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::Unsupported);
    QCOMPARE(readFile(m_path), before);
}

void TestDatabase::refusesMissingFileWhenNotCreating()
{
    Database::Options options;
    options.create = false;
    const auto db = Database::open(m_path.toStdString(), options);
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::NotFound);
    QVERIFY(!QFile::exists(m_path));
}

void TestDatabase::transactionRollsBackUnlessCommitted()
{
    auto db = Database::open(m_path.toStdString());
    QVERIFY(db);
    const char *insert = "INSERT INTO instruments (symbol, tick_size, lot_size, created_at) VALUES ('%1', '1', '1', 0)";
    {
        auto tx = Transaction::begin(*db);
        QVERIFY(tx);
        QVERIFY(db->exec(QString::fromLatin1(insert).arg("A").toStdString()));
        // Leaves scope without commit: an error path.
    }
    QCOMPARE(**db->queryInt64("SELECT count(*) FROM instruments"), 0);
    {
        auto tx = Transaction::begin(*db);
        QVERIFY(db->exec(QString::fromLatin1(insert).arg("B").toStdString()));
        QVERIFY(!db->exec(QString::fromLatin1(insert).arg("B").toStdString())); // duplicate symbol+venue
        QVERIFY(tx->commit());
    }
    QCOMPARE(**db->queryInt64("SELECT count(*) FROM instruments"), 1);
}

void TestDatabase::constraintsRejectBadRows()
{
    auto db = Database::openInMemory();
    QVERIFY(db);
    QVERIFY(!db->exec("INSERT INTO simulation_tasks (task_id, symbol, period, scenario, created_at, status) "
                      "VALUES ('t1', 'BTCUSDT', '1d', 'normal', 0, 'exploded')"));
    QVERIFY(!db->exec("INSERT INTO simulation_tasks (task_id, symbol, period, scenario, strategy_params, created_at) "
                      "VALUES ('t2', 'BTCUSDT', '1d', 'normal', '{not json', 0)"));
    QVERIFY(db->exec("INSERT INTO simulation_tasks (task_id, symbol, period, scenario, strategy_params, created_at) "
                     "VALUES ('t3', 'BTCUSDT', '1d', 'normal', '{\"spread\": 2}', 0)"));
    QVERIFY(!db->exec("INSERT INTO calibration_params (symbol, scenario, base_slippage, volatility_factor, "
                      "liquidity_factor, calibrated_at) VALUES ('X', 'normal', -1, 1, 1, 0)"));
}

void TestDatabase::onlyOneActiveCalibrationPerSymbolAndScenario()
{
    auto db = Database::openInMemory();
    QVERIFY(db);
    const char *insertActive = "INSERT INTO calibration_params (symbol, scenario, base_slippage, volatility_factor, "
                               "liquidity_factor, calibrated_at, is_active) VALUES ('BTCUSDT', 'normal', 0.002, 1.2, "
                               "0.8, 1, 1)";
    QVERIFY(!db->exec(insertActive));
    auto tx = Transaction::begin(*db);
    QVERIFY(db->exec("UPDATE calibration_params SET is_active = 0 WHERE symbol='BTCUSDT' AND scenario='normal'"));
    QVERIFY(db->exec(insertActive));
    QVERIFY(tx->commit());
    QCOMPARE(**db->queryInt64("SELECT count(*) FROM calibration_params WHERE symbol='BTCUSDT' AND scenario='normal'"),
             2);
}

void TestDatabase::integrityCheckPassesOnFreshDatabase()
{
    auto db = Database::open(m_path.toStdString());
    QVERIFY(db);
    QVERIFY(db->checkIntegrity());
}

QTEST_APPLESS_MAIN(TestDatabase)
#include "tst_database.moc"
