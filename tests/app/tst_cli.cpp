// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Runs the real `meridian-cli` binary.
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

private:
    Run run(const QStringList &arguments);
    QTemporaryDir m_home;
};

void TestCli::initTestCase()
{
    QVERIFY(m_home.isValid());
}

Run TestCli::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MERIDIAN_CLI_BINARY), arguments);
    Run result;
    if (!process.waitForFinished(60000))
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
    for (const char *command : {"help", "version", "db"})
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
    for (const char *command : {"version", "db"}) {
        const Run r = run({QLatin1String(command), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("meridian-cli %1").arg(QLatin1String(command))), qPrintable(r.out));
        const Run viaHelp = run({QStringLiteral("help"), QLatin1String(command)});
        QCOMPARE(viaHelp.exitCode, 0);
        QCOMPARE(viaHelp.out, r.out);
    }
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
