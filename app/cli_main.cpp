// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// `meridian-cli`: the headless tool. Subcommands: help, version, db, simulate, paper, scenario, import, backtest,
// optimize, calibrate. Later: serve.
#include "app_environment.h"
#include "cli_backtest.h"
#include "cli_calibrate.h"
#include "cli_import.h"
#include "cli_paper.h"
#include "cli_scenario.h"
#include "cli_simulate.h"

#include "core/log.h"
#include "i18n/translations.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <memory>

#include <sqlite3.h>

namespace {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    explicit Cli(QStringList arguments) : m_arguments(std::move(arguments)) {}
    int run();

private:
    struct Command
    {
        QString name;
        QString summary;
        int (Cli::*handler)(const QStringList &arguments);
    };
    QList<Command> commands() const;
    QString usage() const;
    int help(const QStringList &arguments);
    int version(const QStringList &arguments);
    int db(const QStringList &arguments);
    int simulate(const QStringList &arguments);
    int scenario(const QStringList &arguments);
    int import(const QStringList &arguments);
    int backtest(const QStringList &arguments);
    int optimize(const QStringList &arguments);
    int calibrate(const QStringList &arguments);
    int paper(const QStringList &arguments);
    int dbFailure(const std::string &message);
    bool parse(QCommandLineParser &parser, const QStringList &arguments, const QString &command);

    void out(const QString &text) { std::fputs(text.toLocal8Bit().constData(), stdout); }
    void err(const QString &text) { std::fputs(text.toLocal8Bit().constData(), stderr); }

    QStringList m_arguments;
};

QList<Cli::Command> Cli::commands() const
{
    return {
        {QStringLiteral("help"), tr("Show help for meridian-cli or for one command"), &Cli::help},
        {QStringLiteral("version"), tr("Print the version of Meridian and its components"), &Cli::version},
        {QStringLiteral("db"), tr("Inspect, migrate or check a Meridian database"), &Cli::db},
        {QStringLiteral("simulate"), meridian::app::SimulateCommand::summary(), &Cli::simulate},
        {QStringLiteral("scenario"), meridian::app::ScenarioCommand::summary(), &Cli::scenario},
        {QStringLiteral("import"), meridian::app::ImportCommand::summary(), &Cli::import},
        {QStringLiteral("backtest"), meridian::app::BacktestCommand::backtestSummary(), &Cli::backtest},
        {QStringLiteral("optimize"), meridian::app::BacktestCommand::optimizeSummary(), &Cli::optimize},
        {QStringLiteral("calibrate"), meridian::app::CalibrateCommand::summary(), &Cli::calibrate},
        {QStringLiteral("paper"), meridian::app::PaperCommand::summary(), &Cli::paper},
    };
}

QString Cli::usage() const
{
    QString text = tr("Usage: meridian-cli <command> [options]\n\n"
                      "Meridian's headless tool for simulations, backtests and data work.\n\n"
                      "Commands:\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1  %2\n").arg(command.name.leftJustified(10), command.summary);
    text += tr("\nRun \"meridian-cli <command> --help\" for the options of a command.\n");
    return text;
}

bool Cli::parse(QCommandLineParser &parser, const QStringList &arguments, const QString &command)
{
    parser.setApplicationDescription(tr("meridian-cli %1").arg(command));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(helpOption);
    if (!parser.parse(QStringList{QStringLiteral("meridian-cli")} + arguments)) {
        err(tr("meridian-cli %1: %2\n").arg(command, parser.errorText()));
        return false;
    }
    if (parser.isSet(helpOption)) {
        // The help names the program by the path it was started with; show the command instead.
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), QStringLiteral("meridian-cli %1").arg(command));
        out(text);
        return false;
    }
    return true;
}

int Cli::run()
{
    if (m_arguments.isEmpty()) {
        err(usage());
        return UsageError;
    }
    const QString name = m_arguments.first();
    if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
        out(usage());
        return Success;
    }
    if (name == QLatin1String("--version") || name == QLatin1String("-v"))
        return version({});
    for (const Command &command : commands()) {
        if (command.name == name)
            return (this->*command.handler)(m_arguments.mid(1));
    }
    err(tr("meridian-cli: unknown command \"%1\"\n\n").arg(name) + usage());
    return UsageError;
}

int Cli::help(const QStringList &arguments)
{
    if (arguments.isEmpty()) {
        out(usage());
        return Success;
    }
    for (const Command &command : commands()) {
        if (command.name == arguments.first() && command.name != QLatin1String("help"))
            return (this->*command.handler)({QStringLiteral("--help")});
    }
    if (arguments.first() == QLatin1String("help")) {
        out(usage());
        return Success;
    }
    err(tr("meridian-cli: unknown command \"%1\"\n").arg(arguments.first()));
    return UsageError;
}

int Cli::version(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    parser.addOption(jsonOption);
    if (!parse(parser, arguments, QStringLiteral("version")))
        return parser.isSet(QStringLiteral("help")) ? Success : UsageError;
#ifdef NDEBUG
    const QString build = QStringLiteral("release");
#else
    const QString build = QStringLiteral("debug");
#endif
    if (parser.isSet(jsonOption)) {
        QJsonObject object{{QStringLiteral("meridian"), meridian::app::versionString()},
                           {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
                           {QStringLiteral("sqlite"), QString::fromLatin1(sqlite3_libversion())},
                           {QStringLiteral("schema"), meridian::store::latestSchemaVersion()},
                           {QStringLiteral("build"), build}};
        out(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return Success;
    }
    out(tr("meridian-cli %1\nQt %2, SQLite %3, database schema %4, %5 build\n")
            .arg(meridian::app::versionString(), QString::fromLatin1(qVersion()),
                 QString::fromLatin1(sqlite3_libversion()))
            .arg(meridian::store::latestSchemaVersion())
            .arg(build));
    return Success;
}

int Cli::simulate(const QStringList &arguments)
{
    meridian::app::SimulateCommand command([this](const QString &text) { out(text); },
                                           [this](const QString &text) { err(text); });
    return command.run(arguments);
}

int Cli::paper(const QStringList &arguments)
{
    meridian::app::PaperCommand command([this](const QString &text) { out(text); },
                                        [this](const QString &text) { err(text); });
    return command.run(arguments);
}

int Cli::calibrate(const QStringList &arguments)
{
    meridian::app::CalibrateCommand command([this](const QString &text) { out(text); },
                                            [this](const QString &text) { err(text); });
    return command.run(arguments);
}

int Cli::scenario(const QStringList &arguments)
{
    meridian::app::ScenarioCommand command([this](const QString &text) { out(text); },
                                           [this](const QString &text) { err(text); });
    return command.run(arguments);
}

int Cli::import(const QStringList &arguments)
{
    meridian::app::ImportCommand command([this](const QString &text) { out(text); },
                                         [this](const QString &text) { err(text); });
    return command.run(arguments);
}

int Cli::backtest(const QStringList &arguments)
{
    meridian::app::BacktestCommand command([this](const QString &text) { out(text); },
                                           [this](const QString &text) { err(text); });
    return command.backtest(arguments);
}

int Cli::optimize(const QStringList &arguments)
{
    meridian::app::BacktestCommand command([this](const QString &text) { out(text); },
                                           [this](const QString &text) { err(text); });
    return command.optimize(arguments);
}

int Cli::dbFailure(const std::string &message)
{
    err(tr("meridian-cli db: %1\n").arg(QString::fromStdString(message)));
    return Failure;
}

int Cli::db(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"),
                                 tr("info: show the schema version and row counts (creates and migrates the "
                                    "database if needed); check: verify integrity without changing anything."),
                                 QStringLiteral("info|check"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            tr("The database file (default: the one in the data folder)."), tr("path"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    parser.addOptions({databaseOption, jsonOption});
    if (!parse(parser, arguments, QStringLiteral("db")))
        return parser.isSet(QStringLiteral("help")) ? Success : UsageError;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 ||
        (positional.first() != QLatin1String("info") && positional.first() != QLatin1String("check"))) {
        err(tr("meridian-cli db: expected one action, info or check\n"));
        return UsageError;
    }
    const bool check = positional.first() == QLatin1String("check");
    const meridian::app::AppPaths paths = meridian::app::resolvePaths(parser.value(databaseOption));
    if (!check)
        QDir().mkpath(QFileInfo(paths.databasePath).absolutePath());
    meridian::store::Database::Options options;
    options.create = !check;
    options.readOnly = check;
    options.migrate = !check;
    auto db = meridian::store::Database::open(paths.databasePath.toStdString(), options);
    if (!db) {
        return dbFailure(db.error().message);
    }
    const int schema = db->schemaVersion().value_or(0);
    if (check) {
        auto integrity = db->checkIntegrity();
        if (!integrity) {
            return dbFailure(integrity.error().message);
        }
        if (parser.isSet(jsonOption))
            out(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("database"), paths.databasePath},
                                                            {QStringLiteral("schema"), schema},
                                                            {QStringLiteral("integrity"), QStringLiteral("ok")}})
                                      .toJson(QJsonDocument::Compact)) +
                QLatin1Char('\n'));
        else
            out(tr("%1: integrity ok, schema version %2\n").arg(paths.databasePath).arg(schema));
        return Success;
    }
    auto tables = db->prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                              "ORDER BY name");
    if (!tables) {
        return dbFailure(tables.error().message);
    }
    QJsonObject counts;
    QString listing;
    for (;;) {
        auto row = tables->step();
        if (!row) {
            return dbFailure(row.error().message);
        }
        if (!*row)
            break;
        const std::string table = tables->columnText(0);
        auto count = db->queryInt64("SELECT count(*) FROM \"" + table + "\"");
        if (!count) {
            return dbFailure(count.error().message);
        }
        counts.insert(QString::fromStdString(table), static_cast<qint64>(count->value_or(0)));
        listing += QStringLiteral("  %1 %2\n")
                       .arg(QString::fromStdString(table).leftJustified(20))
                       .arg(static_cast<qint64>(count->value_or(0)));
    }
    if (parser.isSet(jsonOption)) {
        out(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("database"), paths.databasePath},
                                                        {QStringLiteral("schema"), schema},
                                                        {QStringLiteral("rows"), counts}})
                                  .toJson(QJsonDocument::Compact)) +
            QLatin1Char('\n'));
        return Success;
    }
    out(tr("Database %1\nSchema version %2\nRows per table:\n").arg(paths.databasePath).arg(schema) + listing);
    return Success;
}

} // namespace

int main(int argc, char **argv)
{
    // A report draws its charts with widgets, offscreen: only then is a QApplication needed.
    bool report = false;
    for (int i = 1; i < argc; ++i)
        report = report || std::strcmp(argv[i], "--report") == 0;
    if (report && !meridian::app::hasDisplay(argc, argv))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application =
        report ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    meridian::app::setApplicationIdentity();
    meridian::i18n::installTranslations(app, meridian::i18n::systemLanguage());
    QStringList arguments = QCoreApplication::arguments().mid(1);
    const bool verbose = arguments.removeAll(QStringLiteral("--verbose")) > 0;
    meridian::app::initLogging(meridian::app::resolvePaths(), meridian::app::LogMode::Cli, verbose);
    const int code = Cli(arguments).run();
    meridian::app::shutdownLogging();
    return code;
}
