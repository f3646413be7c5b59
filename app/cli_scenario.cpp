// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "cli_scenario.h"

#include "app_environment.h"
#include "sim/scenario_json.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace meridian::app {

namespace {
enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };
}

QString ScenarioCommand::summary()
{
    return tr("List, show, save or delete market scenarios for the simulator");
}

int ScenarioCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("list: the presets and your saved scenarios; show NAME: a scenario as JSON (a starting point for your "
           "own); save FILE: store the scenario in a JSON file under its name; delete NAME: remove a saved one."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            tr("The database file (default: the one in the data folder)."), tr("path"));
    parser.addOptions({help, databaseOption});
    parser.addPositionalArgument(QStringLiteral("action"), tr("list, show, save or delete"),
                                 QStringLiteral("list|show NAME|save FILE|delete NAME"));
    const auto refuse = [&](const QString &why) {
        m_err(tr("meridian-cli scenario: %1\n").arg(why));
        return UsageError;
    };
    if (!parser.parse(QStringList{QStringLiteral("meridian-cli")} + arguments))
        return refuse(parser.errorText());
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), QStringLiteral("meridian-cli scenario"));
        m_out(text);
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool needsArgument =
        action == QLatin1String("show") || action == QLatin1String("save") || action == QLatin1String("delete");
    if (!(action == QLatin1String("list") && positional.size() == 1) && !(needsArgument && positional.size() == 2))
        return refuse(tr("expected list, show NAME, save FILE or delete NAME"));

    const AppPaths paths = resolvePaths(parser.value(databaseOption));
    QDir().mkpath(QFileInfo(paths.databasePath).absolutePath());
    auto db = store::Database::open(paths.databasePath.toStdString());
    if (!db) {
        m_err(tr("meridian-cli scenario: %1\n").arg(QString::fromStdString(db.error().message)));
        return Failure;
    }
    const auto failed = [&](const Error &error) {
        m_err(tr("meridian-cli scenario: %1\n").arg(QString::fromStdString(error.message)));
        return error.code == ErrorCode::Database || error.code == ErrorCode::Io ? Failure : UsageError;
    };

    if (action == QLatin1String("list")) {
        QString text = tr("Presets:\n");
        for (const std::string &name : sim::scenarioNames())
            text += QStringLiteral("  %1  %2\n")
                        .arg(QString::fromStdString(name).leftJustified(18),
                             QString::fromStdString(sim::presetScenario(name)->description));
        auto saved = sim::savedScenarioNames(*db);
        if (!saved)
            return failed(saved.error());
        text += tr("Saved:\n");
        if (saved->empty())
            text += tr("  (none; see meridian-cli scenario --help)\n");
        for (const std::string &name : *saved)
            text += QStringLiteral("  %1\n").arg(QString::fromStdString(name));
        m_out(text);
        return Success;
    }
    const QString argument = positional.at(1);
    if (action == QLatin1String("show")) {
        auto scenario = sim::findScenario(*db, argument.toStdString());
        if (!scenario)
            return failed(scenario.error());
        m_out(QString::fromStdString(sim::scenarioToJson(*scenario)) + QLatin1Char('\n'));
        return Success;
    }
    if (action == QLatin1String("delete")) {
        if (auto r = sim::deleteScenario(*db, argument.toStdString()); !r)
            return failed(r.error());
        m_out(tr("Deleted scenario %1\n").arg(argument));
        return Success;
    }
    QFile file(argument);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(tr("cannot read %1: %2").arg(argument, file.errorString()));
    auto scenario = sim::scenarioFromJson(file.readAll().toStdString());
    if (!scenario)
        return refuse(tr("%1: %2").arg(argument, QString::fromStdString(scenario.error().message)));
    if (auto r = sim::saveScenario(*db, *scenario, QDateTime::currentMSecsSinceEpoch() * 1'000'000); !r)
        return failed(r.error());
    m_out(tr("Saved scenario %1\n").arg(QString::fromStdString(scenario->name)));
    return Success;
}

} // namespace meridian::app
