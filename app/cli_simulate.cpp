// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "cli_simulate.h"

#include "cli_common.h"

#include "core/timestamp.h"
#include "sim/calibration/calibration_store.h"
#include "sim/scenario_json.h"
#include "sim/simulate_job.h"
#include "sim/simulation_store.h"
#include "store/database.h"
#include "strategy/plugin_registry.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <cmath>

namespace meridian::app {

namespace {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

std::int64_t wallNowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1'000'000;
}

} // namespace

QString SimulateCommand::summary()
{
    return tr("Simulate a market with a strategy trading in it");
}

int SimulateCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Runs a strategy plugin in a simulated market and stores the result."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption symbolOption(QStringLiteral("symbol"), tr("The instrument (default BTCUSDT)."),
                                          tr("symbol"), QStringLiteral("BTCUSDT"));
    const QCommandLineOption periodOption(QStringLiteral("period"),
                                          tr("Simulated time: a number and s, m, h or d (default 1h)."), tr("period"),
                                          QStringLiteral("1h"));
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"), tr("The market scenario (default normal)."),
                                            tr("name"), QStringLiteral("normal"));
    const QCommandLineOption strategyOption(QStringLiteral("strategy"),
                                            tr("The strategy plugin id (none: the market alone)."), tr("id"));
    const QCommandLineOption paramOption(QStringLiteral("param"), tr("A strategy parameter; repeat for more."),
                                         tr("name=value"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), tr("The random seed (default 1)."), tr("n"),
                                        QStringLiteral("1"));
    const QCommandLineOption startOption(QStringLiteral("start"), tr("Start time, ISO 8601 (a label for the run)."),
                                         tr("time"));
    const QCommandLineOption endOption(QStringLiteral("end"), tr("End time, ISO 8601: the period is end − start."),
                                       tr("time"));
    const QCommandLineOption capitalOption(QStringLiteral("capital"),
                                           tr("Initial capital in the quote currency (default 100000)."), tr("amount"),
                                           QStringLiteral("100000"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            tr("The database file (default: the one in the data folder)."), tr("path"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print the result as one JSON object."));
    parser.addOptions({help, symbolOption, periodOption, scenarioOption, strategyOption, paramOption, seedOption,
                       startOption, endOption, capitalOption, databaseOption, jsonOption});
    if (!parser.parse(QStringList{QStringLiteral("meridian-cli")} + arguments)) {
        m_err(tr("meridian-cli simulate: %1\n").arg(parser.errorText()));
        return UsageError;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), QStringLiteral("meridian-cli simulate"));
        m_out(text);
        return Success;
    }
    const auto refuse = [&](const QString &why) {
        m_err(tr("meridian-cli simulate: %1\n").arg(why));
        return UsageError;
    };

    sim::SimulateRequest request;
    request.scenario = parser.value(scenarioOption).toStdString();
    QString period = parser.value(periodOption);
    if (parser.isSet(startOption) || parser.isSet(endOption)) {
        if (!parser.isSet(startOption) || !parser.isSet(endOption))
            return refuse(tr("--start and --end go together"));
        const auto start = Timestamp::parseIso8601(parser.value(startOption).toStdString());
        const auto end = Timestamp::parseIso8601(parser.value(endOption).toStdString());
        if (!start)
            return refuse(tr("--start: %1").arg(QString::fromStdString(start.error().message)));
        if (!end)
            return refuse(tr("--end: %1").arg(QString::fromStdString(end.error().message)));
        if (end->nanoseconds() <= start->nanoseconds())
            return refuse(tr("--end must be after --start"));
        request.durationNs = end->nanoseconds() - start->nanoseconds();
        period = QStringLiteral("%1s").arg((request.durationNs + 999'999'999) / 1'000'000'000);
    } else {
        const auto duration = sim::parsePeriod(period.toStdString());
        if (!duration)
            return refuse(QString::fromStdString(duration.error().message));
        request.durationNs = *duration;
    }
    bool ok = false;
    request.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return refuse(tr("--seed must be a whole number ≥ 0, not \"%1\"").arg(parser.value(seedOption)));
    request.initialCapital = parser.value(capitalOption).toDouble(&ok);
    if (!ok || !(request.initialCapital > 0))
        return refuse(tr("--capital must be a positive amount, not \"%1\"").arg(parser.value(capitalOption)));

    // The strategy: found by id in the user's, the installed and the build tree's plugin folders.
    const AppPaths paths = resolvePaths(parser.value(databaseOption));
    const QString strategyId = parser.value(strategyOption);
    CliStrategy strategy;
    if (!strategyId.isEmpty()) {
        QString why;
        if (!strategy.resolve(paths, strategyId, parser.values(paramOption), why))
            return refuse(why);
        request.strategyPath = strategy.info().path;
        request.strategyParams = strategy.parametersJson();
    } else if (parser.isSet(paramOption)) {
        return refuse(tr("--param needs --strategy"));
    }

    QDir().mkpath(QFileInfo(paths.databasePath).absolutePath());
    auto db = store::Database::open(paths.databasePath.toStdString());
    if (!db) {
        m_err(tr("meridian-cli simulate: %1\n").arg(QString::fromStdString(db.error().message)));
        return Failure;
    }
    auto scenario = sim::findScenario(*db, request.scenario); // a preset or one the user saved
    if (!scenario)
        return refuse(QString::fromStdString(scenario.error().message));
    request.definition = *scenario;
    if (auto interrupted = sim::failInterruptedTasks(*db, wallNowNs()); interrupted && *interrupted > 0)
        m_err(tr("meridian-cli simulate: %n task(s) left running by an earlier run marked failed\n", "", *interrupted));
    const std::string symbol = parser.value(symbolOption).toStdString();
    const CliStrategy::ResolvedMarket resolved = CliStrategy::marketFor(*db, symbol);
    request.market = resolved.market;
    // The active calibration of the symbol and scenario: its factors, and the population it fitted (which
    // replaces the preset's), at the data's price when the database has none of its own.
    auto calibration = sim::calibration::activeCalibration(*db, symbol, request.scenario);
    if (!calibration)
        return refuse(QString::fromStdString(calibration.error().message));
    if (*calibration) {
        const sim::calibration::ActiveCalibration &c = **calibration;
        request.calibration = c.factors;
        if (c.model) {
            sim::Scenario model = *c.model;
            model.name = request.scenario;
            request.definition = std::move(model);
            if (resolved.source == QLatin1String("default") && c.price > 0)
                request.market.instrument.initialPrice =
                    std::round(c.price / request.market.instrument.spec.tickSize.toDouble());
        }
        m_err(tr("meridian-cli simulate: using calibration %1 of %2 in %3 (from %4)%5\n")
                  .arg(QString::number(c.id), QString::fromStdString(symbol), QString::fromStdString(request.scenario),
                       QString::fromStdString(c.dataSource), c.model ? tr(", with its fitted population") : QString()));
    }

    sim::SimulationTask task;
    task.taskId = "sim-" + QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    task.symbol = symbol;
    task.period = period.toStdString();
    task.scenario = request.scenario;
    task.strategy = strategyId.toStdString();
    task.strategyParams = request.strategyParams;
    task.seed = request.seed;
    task.createdAt = wallNowNs();
    const auto stored = [&](const Result<void> &r) {
        if (!r)
            m_err(tr("meridian-cli simulate: %1\n").arg(QString::fromStdString(r.error().message)));
        return static_cast<bool>(r);
    };
    if (!stored(sim::createTask(*db, task)) || !stored(sim::markTaskRunning(*db, task.taskId, wallNowNs())))
        return Failure;

    QElapsedTimer timer;
    timer.start();
    auto result = sim::runSimulate(request);
    if (!result) {
        stored(sim::failTask(*db, task.taskId, result.error().message, wallNowNs()));
        m_err(tr("meridian-cli simulate: %1\n").arg(QString::fromStdString(result.error().message)));
        return result.error().code == ErrorCode::ExternalFailure ? Failure : UsageError;
    }
    result->executionTimeS = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (!stored(sim::completeTask(*db, task.taskId, *result, wallNowNs())))
        return Failure;

    if (parser.isSet(jsonOption)) {
        m_out(QString::fromStdString(sim::resultJson(task.taskId, *result)) + QLatin1Char('\n'));
        return Success;
    }
    const auto percent = [](double x) { return QStringLiteral("%1%").arg(x * 100, 0, 'f', 4); };
    QString text = tr("Simulation %1 (%2, %3, %4, seed %5; instrument from %6)\n")
                       .arg(QString::fromStdString(task.taskId), QString::fromStdString(symbol), period,
                            QString::fromStdString(request.scenario))
                       .arg(request.seed)
                       .arg(resolved.source);
    text += tr("  Total return      %1\n").arg(percent(result->totalReturn));
    text += tr("  Max drawdown      %1\n").arg(percent(result->maxDrawdown));
    text += tr("  Sharpe ratio      %1\n").arg(result->sharpeRatio, 0, 'f', 3);
    text += tr("  Slippage          %1\n").arg(percent(result->slippage));
    text += tr("  Fill probability  %1\n").arg(percent(result->fillProbability));
    text += tr("  Price impact      %1 per lot\n").arg(result->priceImpact, 0, 'g', 4);
    text += tr("  Orders / fills    %1 / %2\n").arg(result->orderCount).arg(result->tradeCount);
    text += tr("  Execution time    %1 s (%2 messages)\n").arg(result->executionTimeS, 0, 'f', 3).arg(result->messages);
    if (!result->strategyError.empty())
        text += tr("  The strategy stopped early: %1\n").arg(QString::fromStdString(result->strategyError));
    m_out(text);
    return Success;
}

} // namespace meridian::app
