// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Runs the real `meridian-cli` binary.
#include "store/database.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void helpListsCommands();
    void noArgumentsIsUsageError();
    void unknownCommandIsNamed();
    void versionPrintsJson();
    void dbInfoCreatesAndMigrates();
    void dbCheckRefusesCorruptFileWithoutTouchingIt();
    void everyCommandHasHelp();
    void simulatePrintsOneJsonObjectAndStoresTheTask();
    void simulateRefusesBadInputByName();
    void savedScenarioDrivesASimulation();
    void importReportsAndIsIdempotent();
    void backtestAndOptimizeImportedBars();
    void optimizeUnderMpiMatchesThreads();
    void importLobsterAndBacktestTheBook();
    void paperRunsHeadlessAndJournals();
    void calibrateThenSimulateWithIt();

private:
    /// Runs meridian-cli, or `launcher launcherArguments meridian-cli arguments` (mpiexec).
    Run run(const QStringList &arguments, const QString &launcher = {}, const QStringList &launcherArguments = {});
    QTemporaryDir m_home;
};

void TestCli::initTestCase()
{
    QVERIFY(m_home.isValid());
}

Run TestCli::run(const QStringList &arguments, const QString &launcher, const QStringList &launcherArguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    // Open MPI refuses root unless told twice; the product never sets these, the test does (CI runs as root).
    env.insert(QStringLiteral("OMPI_ALLOW_RUN_AS_ROOT"), QStringLiteral("1"));
    env.insert(QStringLiteral("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"), QStringLiteral("1"));
    if (!launcher.isEmpty() && env.contains(QStringLiteral("ASAN_OPTIONS"))) {
        // Under the asan preset: Open MPI does not free what its components (dlopened, and unloaded by
        // MPI_Finalize, so LeakSanitizer cannot even name them) allocate. Leaks are checked in the same
        // command's runs without mpiexec; the MPI exchange itself holds no heap memory across calls.
        env.insert(QStringLiteral("ASAN_OPTIONS"),
                   env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":detect_leaks=0"));
    }
    process.setProcessEnvironment(env);
    if (launcher.isEmpty())
        process.start(QStringLiteral(MERIDIAN_CLI_BINARY), arguments);
    else
        process.start(launcher, launcherArguments + QStringList{QStringLiteral(MERIDIAN_CLI_BINARY)} + arguments);
    Run result;
    if (!process.waitForFinished(120000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

void TestCli::helpListsCommands()
{
    const Run r = run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *command :
         {"help", "version", "db", "simulate", "paper", "scenario", "import", "backtest", "optimize", "calibrate"})
        QVERIFY2(r.out.contains(QLatin1String(command)), qPrintable(r.out));
}

void TestCli::noArgumentsIsUsageError()
{
    const Run r = run({});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("Usage")));
}

void TestCli::unknownCommandIsNamed()
{
    const Run r = run({QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("frobnicate")));
}

void TestCli::versionPrintsJson()
{
    const Run r = run({QStringLiteral("version"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(!object.value(QStringLiteral("meridian")).toString().isEmpty());
    QCOMPARE(object.value(QStringLiteral("qt")).toString(), QString::fromLatin1(qVersion()));
    QVERIFY(object.value(QStringLiteral("schema")).toInt() >= 1);
}

void TestCli::dbInfoCreatesAndMigrates()
{
    const QString path = m_home.filePath(QStringLiteral("info.sqlite"));
    const Run r = run(
        {QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--database"), path, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject object = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(object.value(QStringLiteral("rows")).toObject().value(QStringLiteral("calibration_params")).toInt(), 4);
    const Run check = run({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--database"), path});
    QVERIFY2(check.exitCode == 0, qPrintable(check.err));
    QVERIFY(check.out.contains(QStringLiteral("ok")));
}

void TestCli::dbCheckRefusesCorruptFileWithoutTouchingIt()
{
    const QString path = m_home.filePath(QStringLiteral("corrupt.sqlite"));
    const QByteArray garbage(4096, '\x5a');
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    for (const char *action : {"check", "info"}) {
        const Run r = run({QStringLiteral("db"), QLatin1String(action), QStringLiteral("--database"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(path) && r.err.contains(QStringLiteral("untouched")), qPrintable(r.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
    }
    const Run missing = run({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--database"),
                             m_home.filePath(QStringLiteral("absent.sqlite"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains(QStringLiteral("does not exist")));
}

void TestCli::everyCommandHasHelp()
{
    for (const char *command :
         {"version", "db", "simulate", "paper", "scenario", "import", "backtest", "optimize", "calibrate"}) {
        const Run r = run({QLatin1String(command), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("meridian-cli %1").arg(QLatin1String(command))), qPrintable(r.out));
        const Run viaHelp = run({QStringLiteral("help"), QLatin1String(command)});
        QCOMPARE(viaHelp.exitCode, 0);
        QCOMPARE(viaHelp.out, r.out);
    }
}

void TestCli::simulatePrintsOneJsonObjectAndStoresTheTask()
{
    const QString db = m_home.filePath(QStringLiteral("sim.sqlite"));
    const QStringList arguments = {QStringLiteral("simulate"),    QStringLiteral("--symbol"),
                                   QStringLiteral("BTCUSDT"),     QStringLiteral("--period"),
                                   QStringLiteral("2h"),          QStringLiteral("--scenario"),
                                   QStringLiteral("black_swan"),  QStringLiteral("--strategy"),
                                   QStringLiteral("adaptive_mm"), QStringLiteral("--param"),
                                   QStringLiteral("gamma=0.1"),   QStringLiteral("--seed"),
                                   QStringLiteral("7"),           QStringLiteral("--json"),
                                   QStringLiteral("--database"),  db};
    const Run r = run(arguments);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.count(QLatin1Char('\n')), 1); // one line: one object
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    for (const char *key : {"simulation_id", "slippage", "fill_probability", "price_impact", "total_return",
                            "max_drawdown", "sharpe_ratio", "execution_time", "series"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value(QStringLiteral("series")).toObject().value(QStringLiteral("pnl")).toArray().size(), 500);
    QVERIFY(o.value(QStringLiteral("order_count")).toInt() > 0);

    // The same seed again: the same figures (a new id).
    const QJsonObject again = QJsonDocument::fromJson(run(arguments).out.toUtf8()).object();
    QVERIFY(again.value(QStringLiteral("simulation_id")) != o.value(QStringLiteral("simulation_id")));
    for (const char *key : {"slippage", "total_return", "sharpe_ratio", "order_count"})
        QCOMPARE(again.value(QLatin1String(key)), o.value(QLatin1String(key)));
    const Run info =
        run({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--database"), db, QStringLiteral("--json")});
    const QJsonObject rows =
        QJsonDocument::fromJson(info.out.toUtf8()).object().value(QStringLiteral("rows")).toObject();
    QCOMPARE(rows.value(QStringLiteral("simulation_tasks")).toInt(), 2);
    QCOMPARE(rows.value(QStringLiteral("simulation_results")).toInt(), 2);
}

void TestCli::simulateRefusesBadInputByName()
{
    const QString db = m_home.filePath(QStringLiteral("bad.sqlite"));
    const auto refused = [&](const QStringList &arguments, const QString &named) {
        const Run r = run(QStringList{QStringLiteral("simulate"), QStringLiteral("--database"), db} + arguments);
        if (r.exitCode != 2 || !r.err.contains(named))
            qWarning("exit %d, stderr: %s", r.exitCode, qPrintable(r.err));
        return r.exitCode == 2 && r.err.contains(named);
    };
    QVERIFY(refused({QStringLiteral("--scenario"), QStringLiteral("meteor")}, QStringLiteral("meteor")));
    QVERIFY(refused({QStringLiteral("--strategy"), QStringLiteral("nope")}, QStringLiteral("nope")));
    QVERIFY(refused({QStringLiteral("--strategy"), QStringLiteral("adaptive_mm"), QStringLiteral("--param"),
                     QStringLiteral("gama=1")},
                    QStringLiteral("gama")));
    QVERIFY(refused({QStringLiteral("--strategy"), QStringLiteral("adaptive_mm"), QStringLiteral("--param"),
                     QStringLiteral("gamma=1000")},
                    QStringLiteral("gamma")));
    QVERIFY(refused({QStringLiteral("--period"), QStringLiteral("7w")}, QStringLiteral("7w")));
    // Only the out-of-range parameter got as far as a task, which failed with the reason.
    const Run info =
        run({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--database"), db, QStringLiteral("--json")});
    const QJsonObject rows =
        QJsonDocument::fromJson(info.out.toUtf8()).object().value(QStringLiteral("rows")).toObject();
    QCOMPARE(rows.value(QStringLiteral("simulation_tasks")).toInt(), 1);
    QCOMPARE(rows.value(QStringLiteral("simulation_results")).toInt(), 0);
}

void TestCli::savedScenarioDrivesASimulation()
{
    const QString db = m_home.filePath(QStringLiteral("scenarios.sqlite"));
    const QString file = m_home.filePath(QStringLiteral("thin.json"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"name": "thin", "base": "liquidity_drought", "population": {"market_makers": 0}})");
    }
    const Run saved = run({QStringLiteral("scenario"), QStringLiteral("save"), file, QStringLiteral("--database"), db});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));
    const Run listed = run({QStringLiteral("scenario"), QStringLiteral("list"), QStringLiteral("--database"), db});
    QVERIFY(listed.out.contains(QStringLiteral("thin")) && listed.out.contains(QStringLiteral("black_swan")));
    const Run simulated = run({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("thin"),
                               QStringLiteral("--period"), QStringLiteral("30m"), QStringLiteral("--database"), db});
    QVERIFY2(simulated.exitCode == 0, qPrintable(simulated.err));
    QVERIFY(simulated.out.contains(QStringLiteral("thin")));
}

void TestCli::importReportsAndIsIdempotent()
{
    const QString file =
        QStringLiteral(MERIDIAN_TEST_DATA "/binance/klines/BTCUSDT_1h_2018-02-09_2025-03-31_ohlcv.csv");
    if (!QFile::exists(file))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(file)));
    const QString db = m_home.filePath(QStringLiteral("import.sqlite"));
    const QStringList arguments = {QStringLiteral("import"),
                                   QStringLiteral("--format"),
                                   QStringLiteral("ohlcv"),
                                   QStringLiteral("--symbol"),
                                   QStringLiteral("BTCUSDT"),
                                   QStringLiteral("--json"),
                                   QStringLiteral("--database"),
                                   db,
                                   file};
    const Run first = run(arguments);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const QJsonObject report = QJsonDocument::fromJson(first.out.toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("inserted")).toInt(), 62482);
    QCOMPARE(report.value(QStringLiteral("interval")).toString(), QStringLiteral("1h"));
    int gaps = 0;
    for (const QJsonValue &issue : report.value(QStringLiteral("issues")).toArray())
        gaps += issue.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("gap");
    QCOMPARE(gaps, 25); // the 25 known halts (the other issues are hours that moved more than 5%)
    const QJsonObject again = QJsonDocument::fromJson(run(arguments).out.toUtf8()).object();
    QCOMPARE(again.value(QStringLiteral("inserted")).toInt(), 0);
    QCOMPARE(again.value(QStringLiteral("unchanged")).toInt(), 62482);

    const QString bad = m_home.filePath(QStringLiteral("bad.csv"));
    {
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("date,open,high,low,close,volume\n2024-01-01,1,2,1,1.5,10\n2024-01-02,1,0.5,1,1,10\n");
    }
    const Run refused = run({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("ohlcv"),
                             QStringLiteral("--symbol"), QStringLiteral("X"), QStringLiteral("--database"), db, bad});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("line 3: high 0.5 is below low 1")), qPrintable(refused.err));
}

void TestCli::backtestAndOptimizeImportedBars()
{
    const QString file =
        QStringLiteral(MERIDIAN_TEST_DATA "/binance/klines/BTCUSDT_1h_2018-02-09_2025-03-31_ohlcv.csv");
    if (!QFile::exists(file))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(file)));
    const QString db = m_home.filePath(QStringLiteral("backtest.sqlite"));
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("ohlcv"),
                  QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--database"), db, file})
                 .exitCode,
             0);
    const QStringList common = {QStringLiteral("--database"), db,
                                QStringLiteral("--symbol"),   QStringLiteral("BTCUSDT"),
                                QStringLiteral("--from"),     QStringLiteral("2024-01-01"),
                                QStringLiteral("--to"),       QStringLiteral("2025-01-01"),
                                QStringLiteral("--strategy"), QStringLiteral("ma_cross"),
                                QStringLiteral("--param"),    QStringLiteral("order_size=10"),
                                QStringLiteral("--param"),    QStringLiteral("stop_loss=0"),
                                QStringLiteral("--param"),    QStringLiteral("take_profit=0"),
                                QStringLiteral("--json")};
    const Run backtest =
        run(QStringList{QStringLiteral("backtest"), QStringLiteral("--param"), QStringLiteral("fast_period=5"),
                        QStringLiteral("--param"), QStringLiteral("slow_period=30")} +
            common);
    QVERIFY2(backtest.exitCode == 0, qPrintable(backtest.err));
    const QJsonObject b = QJsonDocument::fromJson(backtest.out.toUtf8()).object();
    QCOMPARE(b.value(QStringLiteral("bars")).toInt(), 8784);
    QVERIFY(b.value(QStringLiteral("fills")).toInt() > 0);
    const double sharpe =
        b.value(QStringLiteral("statistics")).toObject().value(QStringLiteral("sharpe_ratio")).toDouble();

    const Run optimize =
        run(QStringList{QStringLiteral("optimize"), QStringLiteral("--range"), QStringLiteral("fast_period=5:10:5"),
                        QStringLiteral("--range"), QStringLiteral("slow_period=30:40:10"), QStringLiteral("--threads"),
                        QStringLiteral("2")} +
            common);
    QVERIFY2(optimize.exitCode == 0, qPrintable(optimize.err));
    const QJsonObject o = QJsonDocument::fromJson(optimize.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("evaluations")).toInt(), 4);
    const QJsonObject best = o.value(QStringLiteral("best")).toArray().first().toObject();
    // The best of the four is fast 5 / slow 30, the very backtest above.
    QCOMPARE(best.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("fast_period")).toInt(), 5);
    QCOMPARE(best.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("slow_period")).toInt(), 30);
    QCOMPARE(best.value(QStringLiteral("objectives")).toArray().first().toDouble(), sharpe);
    const Run info =
        run({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--database"), db, QStringLiteral("--json")});
    const QJsonObject rows =
        QJsonDocument::fromJson(info.out.toUtf8()).object().value(QStringLiteral("rows")).toObject();
    QCOMPARE(rows.value(QStringLiteral("optimization_runs")).toInt(), 1); // every search is kept
    QCOMPARE(rows.value(QStringLiteral("optimization_results")).toInt(), 4);
    const QString heatmapFolder = m_home.filePath(QStringLiteral("optimization"));
    const Run withReport =
        run(QStringList{QStringLiteral("optimize"), QStringLiteral("--range"), QStringLiteral("fast_period=5:10:5"),
                        QStringLiteral("--range"), QStringLiteral("slow_period=30:40:10"), QStringLiteral("--report"),
                        heatmapFolder} +
            common);
    QVERIFY2(withReport.exitCode == 0, qPrintable(withReport.err));
    QVERIFY(QFileInfo(QDir(heatmapFolder).filePath(QStringLiteral("heatmap.png"))).size() > 1000);

    // The same backtest with a report: an HTML file and four charts, drawn without a display.
    const QString folder = m_home.filePath(QStringLiteral("report"));
    const Run reported = run(QStringList{QStringLiteral("backtest"), QStringLiteral("--param"),
                                         QStringLiteral("fast_period=5"), QStringLiteral("--param"),
                                         QStringLiteral("slow_period=30"), QStringLiteral("--report"), folder} +
                             common);
    QVERIFY2(reported.exitCode == 0, qPrintable(reported.err));
    for (const char *name : {"report.html", "equity.png", "drawdown.png", "returns.png", "price.png"})
        QVERIFY2(QFileInfo(QDir(folder).filePath(QLatin1String(name))).size() > 1000, name);
    // Margin: 5 BTC a trade on 100,000 of capital is more than fully paid capital allows; with 20% margin some go.
    QStringList big = common;
    big[big.indexOf(QStringLiteral("order_size=10"))] = QStringLiteral("order_size=5000");
    const Run paid =
        run(QStringList{QStringLiteral("backtest"), QStringLiteral("--margin"), QStringLiteral("1")} + big);
    QVERIFY2(paid.exitCode == 0, qPrintable(paid.err));
    const QJsonObject p = QJsonDocument::fromJson(paid.out.toUtf8()).object();
    QCOMPARE(p.value(QStringLiteral("fills")).toInt(), 0);
    QCOMPARE(p.value(QStringLiteral("margin_rejections")).toInt(), p.value(QStringLiteral("orders")).toInt());
    const Run leveraged = run(QStringList{QStringLiteral("backtest"), QStringLiteral("--margin"), QStringLiteral("0.2"),
                                          QStringLiteral("--maintenance-margin"), QStringLiteral("0.1")} +
                              big);
    QVERIFY2(leveraged.exitCode == 0, qPrintable(leveraged.err));
    QVERIFY(QJsonDocument::fromJson(leveraged.out.toUtf8()).object().value(QStringLiteral("fills")).toInt() > 0);
    const Run badMargin = run(QStringList{QStringLiteral("backtest"), QStringLiteral("--margin"), QStringLiteral("0.1"),
                                          QStringLiteral("--maintenance-margin"), QStringLiteral("0.5")} +
                              common);
    QCOMPARE(badMargin.exitCode, 2);
    QVERIFY2(badMargin.err.contains(QStringLiteral("--maintenance-margin")), qPrintable(badMargin.err));
    const Run noBars = run({QStringLiteral("backtest"), QStringLiteral("--database"), db, QStringLiteral("--symbol"),
                            QStringLiteral("ETHUSDT"), QStringLiteral("--strategy"), QStringLiteral("ma_cross")});
    QCOMPARE(noBars.exitCode, 2);
    QVERIFY(noBars.err.contains(QStringLiteral("import them first")));
#ifndef MERIDIAN_HAVE_MPI
    // This build has no MPI (Open MPI is optional at build time), and says so.
    const Run mpi = run(QStringList{QStringLiteral("optimize"), QStringLiteral("--mpi"), QStringLiteral("--range"),
                                    QStringLiteral("fast_period=5:10:5")} +
                        common);
    QCOMPARE(mpi.exitCode, 1);
    QVERIFY2(mpi.err.contains(QStringLiteral("MPI is not available")), qPrintable(mpi.err));
#endif
    const Run badRange = run(
        QStringList{QStringLiteral("optimize"), QStringLiteral("--range"), QStringLiteral("fast_period=5")} + common);
    QCOMPARE(badRange.exitCode, 2);
    QVERIFY(badRange.err.contains(QStringLiteral("fast_period=5")));
}

void TestCli::optimizeUnderMpiMatchesThreads()
{
#ifndef MERIDIAN_HAVE_MPI
    QSKIP("this build has no Open MPI (install libopenmpi-dev and openmpi-bin, then reconfigure)");
#else
    const QString file =
        QStringLiteral(MERIDIAN_TEST_DATA "/binance/klines/BTCUSDT_1h_2018-02-09_2025-03-31_ohlcv.csv");
    if (!QFile::exists(file))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(file)));
    if (!QFile::exists(QStringLiteral(MERIDIAN_MPIEXEC)))
        QSKIP("mpiexec is missing (install openmpi-bin)");
    const QString db = m_home.filePath(QStringLiteral("mpi.sqlite"));
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("ohlcv"),
                  QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--database"), db, file})
                 .exitCode,
             0);
    // A genetic search over two objectives: each generation is a batch the ranks share, and every rank must
    // make the same choices from the gathered results for the outcome to equal the threaded run's.
    const QStringList search = {QStringLiteral("optimize"),
                                QStringLiteral("--database"),
                                db,
                                QStringLiteral("--symbol"),
                                QStringLiteral("BTCUSDT"),
                                QStringLiteral("--from"),
                                QStringLiteral("2024-01-01"),
                                QStringLiteral("--to"),
                                QStringLiteral("2025-01-01"),
                                QStringLiteral("--strategy"),
                                QStringLiteral("ma_cross"),
                                QStringLiteral("--param"),
                                QStringLiteral("order_size=10"),
                                QStringLiteral("--method"),
                                QStringLiteral("genetic"),
                                QStringLiteral("--population"),
                                QStringLiteral("7"),
                                QStringLiteral("--generations"),
                                QStringLiteral("2"),
                                QStringLiteral("--range"),
                                QStringLiteral("fast_period=2:40:1"),
                                QStringLiteral("--range"),
                                QStringLiteral("slow_period=41:200:1"),
                                QStringLiteral("--objective"),
                                QStringLiteral("sharpe_ratio"),
                                QStringLiteral("--objective"),
                                QStringLiteral("max_drawdown"),
                                QStringLiteral("--top"),
                                QStringLiteral("1000"),
                                QStringLiteral("--json")};
    const Run threads = run(search + QStringList{QStringLiteral("--threads"), QStringLiteral("2")});
    QVERIFY2(threads.exitCode == 0, qPrintable(threads.err));
    const Run mpi = run(search + QStringList{QStringLiteral("--mpi"), QStringLiteral("--threads"), QStringLiteral("1")},
                        QStringLiteral(MERIDIAN_MPIEXEC),
                        {QStringLiteral("-n"), QStringLiteral("2"), QStringLiteral("--oversubscribe")});
    QVERIFY2(mpi.exitCode == 0, qPrintable(mpi.err));
    QVERIFY2(mpi.err.contains(QStringLiteral("spread over 2 MPI ranks")), qPrintable(mpi.err));
    // Rank 0 alone prints and stores: one JSON object, identical to the threaded run's.
    QCOMPARE(mpi.out, threads.out);
    QVERIFY(QJsonDocument::fromJson(mpi.out.toUtf8()).object().value(QStringLiteral("evaluations")).toInt() > 7);
    const Run info =
        run({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--database"), db, QStringLiteral("--json")});
    const QJsonObject rows =
        QJsonDocument::fromJson(info.out.toUtf8()).object().value(QStringLiteral("rows")).toObject();
    QCOMPARE(rows.value(QStringLiteral("optimization_runs")).toInt(), 2);
    // Bad input under MPI is reported once, by rank 0, and the job fails.
    const Run bad =
        run(QStringList{QStringLiteral("optimize"), QStringLiteral("--mpi"), QStringLiteral("--database"), db,
                        QStringLiteral("--symbol"), QStringLiteral("ETHUSDT"), QStringLiteral("--strategy"),
                        QStringLiteral("ma_cross"), QStringLiteral("--range"), QStringLiteral("fast_period=5:10:5")},
            QStringLiteral(MERIDIAN_MPIEXEC),
            {QStringLiteral("-n"), QStringLiteral("2"), QStringLiteral("--oversubscribe")});
    QVERIFY(bad.exitCode != 0);
    QCOMPARE(bad.err.count(QStringLiteral("import them first")), 1);
#endif
}

void TestCli::importLobsterAndBacktestTheBook()
{
    const QString messages =
        QStringLiteral(MERIDIAN_TEST_DATA "/lobster/AAPL_2012-06-21_34200000_57600000_message_10.rows1-999.csv");
    const QString book =
        QStringLiteral(MERIDIAN_TEST_DATA "/lobster/AAPL_2012-06-21_34200000_57600000_orderbook_10.rows1-999.csv");
    if (!QFile::exists(messages) || !QFile::exists(book))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(messages)));
    const QString db = m_home.filePath(QStringLiteral("lobster/book.sqlite"));
    QDir().mkpath(QFileInfo(db).absolutePath());
    // The symbol comes from LOBSTER's file name; another --symbol is refused; files come in pairs.
    const Run wrong =
        run({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("lobster"),
             QStringLiteral("--symbol"), QStringLiteral("MSFT"), QStringLiteral("--database"), db, messages, book});
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY2(wrong.err.contains(QStringLiteral("is a file of AAPL, not MSFT")), qPrintable(wrong.err));
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("lobster"),
                  QStringLiteral("--database"), db, messages})
                 .exitCode,
             2);
    const Run imported =
        run({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("lobster"), QStringLiteral("--venue"),
             QStringLiteral("NASDAQ"), QStringLiteral("--database"), db, messages, book, QStringLiteral("--json")});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const QJsonObject report = QJsonDocument::fromJson(imported.out.toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("symbol")).toString(), QStringLiteral("AAPL"));
    QCOMPARE(report.value(QStringLiteral("inserted")).toInt(), 999);
    // An order-book backtest over the imported messages: the first run builds the replay cache beside the
    // database, the second reads it and trades exactly the same.
    const QStringList backtest = {QStringLiteral("backtest"),
                                  QStringLiteral("--data"),
                                  QStringLiteral("book"),
                                  QStringLiteral("--symbol"),
                                  QStringLiteral("AAPL"),
                                  QStringLiteral("--venue"),
                                  QStringLiteral("NASDAQ"),
                                  QStringLiteral("--database"),
                                  db,
                                  QStringLiteral("--strategy"),
                                  QStringLiteral("fixed_spread_mm"),
                                  QStringLiteral("--param"),
                                  QStringLiteral("half_spread_ticks=100"),
                                  QStringLiteral("--param"),
                                  QStringLiteral("order_size=100"),
                                  QStringLiteral("--param"),
                                  QStringLiteral("max_inventory=1000"),
                                  QStringLiteral("--param"),
                                  QStringLiteral("refresh_ms=100"),
                                  QStringLiteral("--latency-us"),
                                  QStringLiteral("100"),
                                  QStringLiteral("--json")};
    const Run first = run(backtest);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const Run second = run(backtest);
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    const QJsonObject a = QJsonDocument::fromJson(first.out.toUtf8()).object();
    QJsonObject b = QJsonDocument::fromJson(second.out.toUtf8()).object();
    QCOMPARE(a.value(QStringLiteral("from_cache")).toBool(), false);
    QCOMPARE(b.value(QStringLiteral("from_cache")).toBool(), true);
    QVERIFY(a.value(QStringLiteral("fills")).toInt() > 0);
    b.insert(QStringLiteral("from_cache"), false);
    QCOMPARE(b, a);
    QVERIFY(!QDir(QFileInfo(db).absolutePath() + QStringLiteral("/replay-cache")).isEmpty());
    // Two symbols replay together, merged in time: every event of both is replayed once.
    const QString amzn =
        QStringLiteral(MERIDIAN_TEST_DATA "/lobster/AMZN_2012-06-21_34200000_57600000_%1_1.resaved.csv");
    if (QFile::exists(amzn.arg(QStringLiteral("message")))) {
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("lobster"),
                      QStringLiteral("--venue"), QStringLiteral("NASDAQ"), QStringLiteral("--database"), db,
                      amzn.arg(QStringLiteral("message")), amzn.arg(QStringLiteral("orderbook"))})
                     .exitCode,
                 0);
        QStringList single = backtest;
        single[single.indexOf(QStringLiteral("AAPL"))] = QStringLiteral("AMZN");
        QStringList both = backtest;
        both[both.indexOf(QStringLiteral("AAPL"))] = QStringLiteral("AAPL,AMZN");
        const Run amznOnly = run(single), pair = run(both);
        QVERIFY2(amznOnly.exitCode == 0 && pair.exitCode == 0, qPrintable(amznOnly.err + pair.err));
        const int events = QJsonDocument::fromJson(pair.out.toUtf8()).object().value(QStringLiteral("events")).toInt();
        QCOMPARE(events,
                 a.value(QStringLiteral("events")).toInt() +
                     QJsonDocument::fromJson(amznOnly.out.toUtf8()).object().value(QStringLiteral("events")).toInt());
    }
    const Run missing = run({QStringLiteral("backtest"), QStringLiteral("--data"), QStringLiteral("trades"),
                             QStringLiteral("--symbol"), QStringLiteral("AAPL"), QStringLiteral("--database"), db,
                             QStringLiteral("--strategy"), QStringLiteral("fixed_spread_mm")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QStringLiteral("import them first")), qPrintable(missing.err));
}

void TestCli::paperRunsHeadlessAndJournals()
{
    const QString db = m_home.filePath(QStringLiteral("paper.sqlite"));
    const Run r = run({QStringLiteral("paper"), QStringLiteral("--seconds"), QStringLiteral("1"),
                       QStringLiteral("--speed"), QStringLiteral("max"), QStringLiteral("--seed"), QStringLiteral("3"),
                       QStringLiteral("--database"), db, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    qInfo("%s", qPrintable(r.out.trimmed()));
    QVERIFY(o.value(QStringLiteral("simulated_seconds")).toDouble() > 10);
    const int orders = o.value(QStringLiteral("orders")).toInt();
    QVERIFY(orders > 0);
    QCOMPARE(o.value(QStringLiteral("trading_state")).toString(), QStringLiteral("ACTIVE"));
    QVERIFY(o.value(QStringLiteral("failure")).toString().isEmpty());
    {
        auto store = meridian::store::Database::open(db.toStdString());
        QVERIFY(store);
        QCOMPARE(store->queryInt64("SELECT COUNT(*) FROM orders")->value_or(-1), std::int64_t(orders));
        QCOMPARE(store->queryInt64("SELECT COUNT(*) FROM signals")->value_or(-1),
                 std::int64_t(o.value(QStringLiteral("signals_published")).toInt()));
        QCOMPARE(store
                     ->queryInt64("SELECT COUNT(*) FROM orders WHERE status IN ('pending', 'accepted', "
                                  "'partially_filled')")
                     ->value_or(-1),
                 std::int64_t(0));
    }

    const auto refused = [&](const QStringList &arguments, const QString &named) {
        const Run bad = run(QStringList{QStringLiteral("paper"), QStringLiteral("--database"), db} + arguments);
        if (bad.exitCode != 2 || !bad.err.contains(named))
            qWarning("exit %d, stderr: %s", bad.exitCode, qPrintable(bad.err));
        return bad.exitCode == 2 && bad.err.contains(named);
    };
    QVERIFY(refused({QStringLiteral("--speed"), QStringLiteral("fast")}, QStringLiteral("--speed")));
    QVERIFY(refused({QStringLiteral("--seconds"), QStringLiteral("-3")}, QStringLiteral("--seconds")));
    QVERIFY(refused({QStringLiteral("--scenario"), QStringLiteral("meteor")}, QStringLiteral("meteor")));
    QVERIFY(refused({QStringLiteral("--strategy"), QStringLiteral("nope")}, QStringLiteral("nope")));
    QVERIFY(refused({QStringLiteral("--param"), QStringLiteral("gamma=1000")}, QStringLiteral("gamma")));
}

void TestCli::calibrateThenSimulateWithIt()
{
    const QString messages =
        QStringLiteral(MERIDIAN_TEST_DATA "/lobster/AMZN_2012-06-21_34200000_57600000_message_1.resaved.csv");
    if (!QFile::exists(messages))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(messages)));
    const QString db = m_home.filePath(QStringLiteral("calibrate.sqlite"));
    const Run calibrated =
        run({QStringLiteral("calibrate"), QStringLiteral("--database"), db, QStringLiteral("--symbol"),
             QStringLiteral("AMZN"), QStringLiteral("--data"), messages, QStringLiteral("--json")});
    QVERIFY2(calibrated.exitCode == 0, qPrintable(calibrated.err));
    const QJsonObject c = QJsonDocument::fromJson(calibrated.out.toUtf8()).object();
    QCOMPARE(c.value(QStringLiteral("kind")).toString(), QStringLiteral("order_flow"));
    QCOMPARE(c.value(QStringLiteral("messages")).toInt(), 57515);
    const QJsonObject fit = c.value(QStringLiteral("fit")).toObject();
    for (const char *ratio : {"spread_ratio", "trades_ratio", "volatility_ratio"})
        QVERIFY2(std::fabs(fit.value(QLatin1String(ratio)).toDouble() - 1) < 0.1, ratio);
    QVERIFY(c.value(QStringLiteral("fill_intensity")).toObject().value(QStringLiteral("r2")).toDouble() > 0);
    const qint64 id = c.value(QStringLiteral("calibration_id")).toInteger();
    const QJsonObject mm = c.value(QStringLiteral("adaptive_mm")).toObject();
    QVERIFY(mm.value(QStringLiteral("intensity_k")).toDouble() > 0);
    QVERIFY(mm.value(QStringLiteral("volatility")).toDouble() > 0);

    // A simulate run of the symbol and scenario uses it, with adaptive_mm quoting by the fitted intensity.
    const auto param = [&](const char *name) {
        return QStringLiteral("%1=%2")
            .arg(QLatin1String(name))
            .arg(mm.value(QLatin1String(name)).toDouble(), 0, 'g', 8);
    };
    const Run simulated =
        run({QStringLiteral("simulate"), QStringLiteral("--database"), db, QStringLiteral("--symbol"),
             QStringLiteral("AMZN"), QStringLiteral("--period"), QStringLiteral("30m"), QStringLiteral("--strategy"),
             QStringLiteral("adaptive_mm"), QStringLiteral("--param"), param("intensity_a"), QStringLiteral("--param"),
             param("intensity_k"), QStringLiteral("--param"), param("volatility"), QStringLiteral("--json")});
    QVERIFY2(simulated.exitCode == 0, qPrintable(simulated.err));
    QVERIFY2(simulated.err.contains(QStringLiteral("using calibration %1 of AMZN").arg(id)), qPrintable(simulated.err));
    QVERIFY(QJsonDocument::fromJson(simulated.out.toUtf8()).object().value(QStringLiteral("market_trades")).toInt() >
            0);

    // Listed, and activated by id (an unknown id is refused by name).
    const Run listed = run({QStringLiteral("calibrate"), QStringLiteral("--database"), db, QStringLiteral("--list"),
                            QStringLiteral("--symbol"), QStringLiteral("AMZN"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray stored = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).toObject().value(QStringLiteral("id")).toInteger(), id);
    QVERIFY(stored.at(0).toObject().value(QStringLiteral("active")).toBool());
    QVERIFY(stored.at(0).toObject().value(QStringLiteral("model")).toBool());
    QCOMPARE(run({QStringLiteral("calibrate"), QStringLiteral("--database"), db, QStringLiteral("--activate"),
                  QString::number(id)})
                 .exitCode,
             0);
    const Run unknown = run({QStringLiteral("calibrate"), QStringLiteral("--database"), db,
                             QStringLiteral("--activate"), QStringLiteral("999999")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains(QStringLiteral("999999")), qPrintable(unknown.err));

    // Bad data: refused, with nothing written.
    const Run tooShort =
        run({QStringLiteral("calibrate"), QStringLiteral("--database"), db, QStringLiteral("--symbol"),
             QStringLiteral("AMZN"), QStringLiteral("--data"),
             QStringLiteral(MERIDIAN_TEST_DATA "/lobster/AAPL_2012-06-21_34200000_57600000_message_10.rows1-999.csv"),
             QStringLiteral("--json")});
    QCOMPARE(tooShort.exitCode, 2);
    QVERIFY2(tooShort.err.contains(QStringLiteral("at least 10 minutes")), qPrintable(tooShort.err));
    const Run info =
        run({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--database"), db, QStringLiteral("--json")});
    const QJsonObject rows =
        QJsonDocument::fromJson(info.out.toUtf8()).object().value(QStringLiteral("rows")).toObject();
    QCOMPARE(rows.value(QStringLiteral("calibration_params")).toInt(), 5); // the four defaults and this one
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
