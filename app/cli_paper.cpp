// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "cli_paper.h"

#include "cli_common.h"

#include "runtime/paper_session.h"
#include "sim/scenario_json.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <cmath>
#include <map>

namespace meridian::app {

namespace {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

} // namespace

QString PaperCommand::summary()
{
    return tr("Run a paper-trading session against the simulator and print its summary");
}

int PaperCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs the live chain against a simulated market: a strategy trading through pre-trade risk and the "
           "order manager, the signal pipeline and the risk monitor, all journalled in the database. Ends after "
           "--seconds of wall time and prints what happened."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), tr("Wall-clock seconds to run (default 10)."),
                                           tr("n"), QStringLiteral("10"));
    const QCommandLineOption speedOption(QStringLiteral("speed"),
                                         tr("Simulated seconds per wall second, or max (default 1)."), tr("speed"),
                                         QStringLiteral("1"));
    const QCommandLineOption symbolOption(QStringLiteral("symbol"), tr("The instrument (default BTCUSDT)."),
                                          tr("symbol"), QStringLiteral("BTCUSDT"));
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"), tr("The market scenario (default normal)."),
                                            tr("name"), QStringLiteral("normal"));
    const QCommandLineOption strategyOption(
        QStringLiteral("strategy"),
        tr("The strategy plugin id (default adaptive_mm, with sample_ms=100 unless --param is given; "
           "none for no strategy)."),
        tr("id"), QStringLiteral("adaptive_mm"));
    const QCommandLineOption paramOption(QStringLiteral("param"), tr("A strategy parameter; repeat for more."),
                                         tr("name=value"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), tr("The random seed (default 1)."), tr("n"),
                                        QStringLiteral("1"));
    const QCommandLineOption capitalOption(QStringLiteral("capital"),
                                           tr("Initial capital in the quote currency (default 100000)."), tr("amount"),
                                           QStringLiteral("100000"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            tr("The database file (default: the one in the data folder)."), tr("path"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print the summary as one JSON object."));
    parser.addOptions({help, secondsOption, speedOption, symbolOption, scenarioOption, strategyOption, paramOption,
                       seedOption, capitalOption, databaseOption, jsonOption});
    if (!parser.parse(QStringList{QStringLiteral("meridian-cli")} + arguments)) {
        m_err(tr("meridian-cli paper: %1\n").arg(parser.errorText()));
        return UsageError;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), QStringLiteral("meridian-cli paper"));
        m_out(text);
        return Success;
    }
    const auto refuse = [&](const QString &why) {
        m_err(tr("meridian-cli paper: %1\n").arg(why));
        return UsageError;
    };

    bool ok = false;
    const double seconds = parser.value(secondsOption).toDouble(&ok);
    if (!ok || !(seconds > 0) || seconds > 30 * 86400)
        return refuse(
            tr("--seconds must be a positive number of seconds, not \"%1\"").arg(parser.value(secondsOption)));
    runtime::PaperConfig config;
    if (parser.value(speedOption) == QLatin1String("max")) {
        config.speed = 0;
    } else {
        config.speed = parser.value(speedOption).toDouble(&ok);
        if (!ok || !(config.speed > 0) || !std::isfinite(config.speed))
            return refuse(tr("--speed must be a positive number or max, not \"%1\"").arg(parser.value(speedOption)));
    }
    config.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return refuse(tr("--seed must be a whole number ≥ 0, not \"%1\"").arg(parser.value(seedOption)));
    config.initialCapital = parser.value(capitalOption).toDouble(&ok);
    if (!ok || !(config.initialCapital > 0))
        return refuse(tr("--capital must be a positive amount, not \"%1\"").arg(parser.value(capitalOption)));
    config.limits = runtime::defaultPaperLimits(config.initialCapital);
    config.scenario = parser.value(scenarioOption).toStdString();

    const AppPaths paths = resolvePaths(parser.value(databaseOption));
    const QString strategyId = parser.value(strategyOption);
    CliStrategy strategy;
    if (strategyId != QLatin1String("none")) {
        QString why;
        // The default market maker samples the mid every 100 ms, so that it quotes within seconds.
        const QStringList assignments = parser.isSet(paramOption) || strategyId != QLatin1String("adaptive_mm")
                                            ? parser.values(paramOption)
                                            : QStringList{QStringLiteral("sample_ms=100")};
        if (!strategy.resolve(paths, strategyId, assignments, why))
            return refuse(why);
        config.strategyPath = strategy.info().path;
        config.strategyParams = strategy.parametersJson();
    } else if (parser.isSet(paramOption)) {
        return refuse(tr("--param needs a strategy"));
    }

    QDir().mkpath(QFileInfo(paths.databasePath).absolutePath());
    {
        auto db = store::Database::open(paths.databasePath.toStdString());
        if (!db) {
            m_err(tr("meridian-cli paper: %1\n").arg(QString::fromStdString(db.error().message)));
            return Failure;
        }
        auto scenario = sim::findScenario(*db, config.scenario); // a preset or one the user saved
        if (!scenario)
            return refuse(QString::fromStdString(scenario.error().message));
        config.definition = *scenario;
        const std::string symbol = parser.value(symbolOption).toStdString();
        config.market = CliStrategy::marketFor(*db, symbol).market;
        config.calibration = CliStrategy::calibrationOf(*db, symbol, config.scenario);
    }
    config.journalPath = paths.databasePath.toStdString();

    auto session = runtime::PaperSession::create(config);
    if (!session) {
        m_err(tr("meridian-cli paper: %1\n").arg(QString::fromStdString(session.error().message)));
        return session.error().code == ErrorCode::InvalidArgument ? UsageError : Failure;
    }
    QElapsedTimer timer;
    timer.start();
    (*session)->start();
    std::map<risk::AlertLevel, int> alertLevels;
    std::vector<risk::Alert> alerts;
    while (static_cast<double>(timer.nsecsElapsed()) / 1e9 < seconds && !(*session)->feed().snapshot().finished &&
           (*session)->feed().snapshot().failure.empty()) {
        QThread::msleep(50);
        for (risk::Alert &a : (*session)->feed().takeAlerts())
            alerts.push_back(std::move(a));
        (void)(*session)->feed().takeSignals(); // journalled; the summary counts them
    }
    (*session)->stop();
    for (risk::Alert &a : (*session)->feed().takeAlerts())
        alerts.push_back(std::move(a));
    for (const risk::Alert &a : alerts)
        ++alertLevels[a.level];
    const runtime::PaperSnapshot s = (*session)->feed().snapshot();
    const double wall = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const QString state = QString::fromUtf8(risk::tradingStateName(s.state).data(),
                                            static_cast<qsizetype>(risk::tradingStateName(s.state).size()));

    if (parser.isSet(jsonOption)) {
        QJsonObject o;
        o.insert(QStringLiteral("session"), QString::fromStdString(s.session));
        o.insert(QStringLiteral("symbol"), QString::fromStdString(s.symbol));
        o.insert(QStringLiteral("scenario"), QString::fromStdString(config.scenario));
        o.insert(QStringLiteral("strategy"), strategyId);
        o.insert(QStringLiteral("seed"), static_cast<qint64>(config.seed));
        o.insert(QStringLiteral("wall_seconds"), wall);
        o.insert(QStringLiteral("simulated_seconds"), static_cast<double>(s.elapsedNs) / 1e9);
        o.insert(QStringLiteral("orders"), static_cast<qint64>(s.ordersSubmitted));
        o.insert(QStringLiteral("orders_refused"), static_cast<qint64>(s.ordersRefused));
        o.insert(QStringLiteral("fills"), static_cast<qint64>(s.fills));
        o.insert(QStringLiteral("market_trades"), static_cast<qint64>(s.marketTrades));
        o.insert(QStringLiteral("position"), s.position);
        o.insert(QStringLiteral("equity"), s.equity);
        o.insert(QStringLiteral("pnl"), s.pnl);
        o.insert(QStringLiteral("max_drawdown"), s.drawdown);
        o.insert(QStringLiteral("mid"), s.mid);
        o.insert(QStringLiteral("signals_published"), static_cast<qint64>(s.signalsPublished));
        o.insert(QStringLiteral("signals_blocked"), static_cast<qint64>(s.signalsBlocked));
        o.insert(QStringLiteral("alerts"), static_cast<qint64>(s.alerts));
        o.insert(QStringLiteral("trading_state"), state);
        o.insert(QStringLiteral("last_refusal"), QString::fromStdString(s.lastRefusal));
        o.insert(QStringLiteral("strategy_error"), QString::fromStdString(s.strategyError));
        o.insert(QStringLiteral("failure"), QString::fromStdString(s.failure));
        m_out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    } else {
        QString text = tr("Paper session %1 (%2, %3, %4, seed %5)\n")
                           .arg(QString::fromStdString(s.session), QString::fromStdString(s.symbol),
                                QString::fromStdString(config.scenario), strategyId)
                           .arg(config.seed);
        text += tr("  Ran              %1 s of simulated time in %2 s (%3)\n")
                    .arg(static_cast<double>(s.elapsedNs) / 1e9, 0, 'f', 1)
                    .arg(wall, 0, 'f', 1)
                    .arg(config.speed > 0 ? tr("speed %1×").arg(config.speed) : tr("as fast as possible"));
        text += tr("  Orders           %1 sent, %2 refused by risk, %3 fills\n")
                    .arg(s.ordersSubmitted)
                    .arg(s.ordersRefused)
                    .arg(s.fills);
        text += tr("  Position         %1 %2 at a mid of %3\n")
                    .arg(s.position, 0, 'f', 3)
                    .arg(QString::fromStdString(s.symbol))
                    .arg(s.mid, 0, 'f', 2);
        text += tr("  Equity / PnL     %1 / %2 (max drawdown %3%)\n")
                    .arg(s.equity, 0, 'f', 2)
                    .arg(s.pnl, 0, 'f', 2)
                    .arg(s.drawdown * 100, 0, 'f', 2);
        text += tr("  Signals          %1 published, %2 blocked by the risk guard\n")
                    .arg(s.signalsPublished)
                    .arg(s.signalsBlocked);
        text += tr("  Risk alerts      %1 (%2 critical, %3 warning, %4 info)\n")
                    .arg(s.alerts)
                    .arg(alertLevels[risk::AlertLevel::Critical])
                    .arg(alertLevels[risk::AlertLevel::Warning])
                    .arg(alertLevels[risk::AlertLevel::Info]);
        text += tr("  Trading state    %1\n").arg(state);
        text += tr("  Market trades    %1\n").arg(s.marketTrades);
        if (!s.lastRefusal.empty())
            text += tr("  Last refusal     %1\n").arg(QString::fromStdString(s.lastRefusal));
        if (!s.strategyError.empty())
            text += tr("  The strategy stopped early: %1\n").arg(QString::fromStdString(s.strategyError));
        text += tr("  Journal          %1\n").arg(paths.databasePath);
        m_out(text);
    }
    if (!s.failure.empty()) {
        m_err(tr("meridian-cli paper: %1\n").arg(QString::fromStdString(s.failure)));
        return Failure;
    }
    return Success;
}

} // namespace meridian::app
