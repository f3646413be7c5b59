// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "cli_calibrate.h"

#include "app_environment.h"
#include "bridge/calibration_task.h"
#include "cli_common.h"
#include "sim/calibration/calibration_store.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace meridian::app {

namespace {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

} // namespace

int CalibrateCommand::manage(bool listing, const QString &activateId, const std::string &symbol,
                             const QString &databasePath, bool asJson)
{
    const auto refuse = [&](const QString &why, int code) {
        m_err(tr("meridian-cli calibrate: %1\n").arg(why));
        return code;
    };
    auto db = store::Database::open(databasePath.toStdString());
    if (!db)
        return refuse(QString::fromStdString(db.error().message), Failure);
    if (!listing) {
        bool ok = false;
        const qlonglong id = activateId.toLongLong(&ok);
        if (!ok)
            return refuse(tr("--activate takes a calibration id, not \"%1\"").arg(activateId), UsageError);
        if (auto r = sim::calibration::activateCalibration(*db, id); !r)
            return refuse(QString::fromStdString(r.error().message),
                          r.error().code == ErrorCode::NotFound ? UsageError : Failure);
        m_out(tr("Calibration %1 is now active.\n").arg(id));
        return Success;
    }
    const auto stored = sim::calibration::listCalibrations(*db, symbol);
    if (!stored)
        return refuse(QString::fromStdString(stored.error().message), Failure);
    QJsonArray rows;
    QString text = tr("%1  %2  %3  %4  %5  %6\n")
                       .arg(tr("id").rightJustified(5), tr("active").leftJustified(6), tr("symbol").leftJustified(10),
                            tr("scenario").leftJustified(17), tr("calibrated (UTC)").leftJustified(16), tr("source"));
    for (const sim::calibration::StoredCalibration &c : *stored) {
        const QJsonObject fit = QJsonDocument::fromJson(QByteArray::fromStdString(c.goodnessOfFitJson)).object();
        const QString when = QDateTime::fromMSecsSinceEpoch(c.calibratedAt / 1'000'000, Qt::UTC)
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        rows.append(QJsonObject{{QStringLiteral("id"), static_cast<qint64>(c.id)},
                                {QStringLiteral("symbol"), QString::fromStdString(c.symbol)},
                                {QStringLiteral("scenario"), QString::fromStdString(c.scenario)},
                                {QStringLiteral("active"), c.active},
                                {QStringLiteral("model"), c.hasModel},
                                {QStringLiteral("source"), QString::fromStdString(c.dataSource)},
                                {QStringLiteral("calibrated_at"), when},
                                {QStringLiteral("volatility_factor"), c.factors.volatilityFactor},
                                {QStringLiteral("liquidity_factor"), c.factors.liquidityFactor},
                                {QStringLiteral("base_slippage"), c.factors.baseSlippage},
                                {QStringLiteral("goodness_of_fit"), fit}});
        text += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                    .arg(QString::number(c.id).rightJustified(5), (c.active ? tr("yes") : QString()).leftJustified(6),
                         QString::fromStdString(c.symbol).leftJustified(10),
                         QString::fromStdString(c.scenario).leftJustified(17), when.leftJustified(16),
                         QString::fromStdString(c.dataSource));
    }
    m_out(asJson ? QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)) + QLatin1Char('\n') : text);
    return Success;
}

QString CalibrateCommand::summary()
{
    return tr("Fit the simulator to a symbol's real data and store the parameters");
}

int CalibrateCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Fits the simulator to real data and stores the result as the active calibration of the symbol and "
           "scenario (earlier ones are kept, inactive); a simulate run of that symbol and scenario then uses it.\n"
           "--data is a LOBSTER message file (its orderbook file beside it, or --book), \"book\" for the "
           "order-book messages imported for the symbol, or \"bars\" / \"bars:INTERVAL\" for its imported bars.\n"
           "Order-level data fits a population of zero-intelligence and value traders to the data's mean "
           "spread, number of trades and 1-minute volatility. Bars give volatility, GARCH(1,1), jumps and the "
           "intraday volume profile, and with --stressed-from/--stressed-to the scenario factors of that window "
           "against the rest."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption symbol(QStringLiteral("symbol"), tr("The instrument the calibration is for."),
                                    tr("symbol"));
    const QCommandLineOption data(QStringLiteral("data"), tr("A LOBSTER message file, book, or bars[:INTERVAL]."),
                                  tr("source"));
    const QCommandLineOption book(QStringLiteral("book"),
                                  tr("The LOBSTER orderbook file (default: the message file's name with "
                                     "\"orderbook\" for \"message\")."),
                                  tr("path"));
    const QCommandLineOption scenario(QStringLiteral("scenario"), tr("The scenario it calibrates (default normal)."),
                                      tr("name"), QStringLiteral("normal"));
    const QCommandLineOption venue(QStringLiteral("venue"), tr("Imported data: its venue (default: any)."),
                                   tr("venue"));
    const QCommandLineOption from(QStringLiteral("from"), tr("Imported data: start, ISO 8601."), tr("time"));
    const QCommandLineOption to(QStringLiteral("to"), tr("Imported data: end, ISO 8601, exclusive."), tr("time"));
    const QCommandLineOption stressedFrom(QStringLiteral("stressed-from"), tr("Bars: the stressed window's start."),
                                          tr("time"));
    const QCommandLineOption stressedTo(QStringLiteral("stressed-to"), tr("Bars: the stressed window's end."),
                                        tr("time"));
    const QCommandLineOption database(QStringLiteral("database"),
                                      tr("The database file (default: the one in the data folder)."), tr("path"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as one JSON object."));
    const QCommandLineOption list(QStringLiteral("list"),
                                  tr("List the stored calibrations (of --symbol, or all), newest first."));
    const QCommandLineOption activate(QStringLiteral("activate"),
                                      tr("Make a stored calibration the active one of its symbol and scenario."),
                                      tr("id"));
    parser.addOptions({help, symbol, data, book, scenario, venue, from, to, stressedFrom, stressedTo, database, json,
                       list, activate});
    const auto refuse = [&](const QString &why, int code = UsageError) {
        m_err(tr("meridian-cli calibrate: %1\n").arg(why));
        return code;
    };
    if (!parser.parse(QStringList{QStringLiteral("meridian-cli")} + arguments))
        return refuse(parser.errorText());
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), QStringLiteral("meridian-cli calibrate"));
        m_out(text);
        return Success;
    }
    if (parser.isSet(list) || parser.isSet(activate))
        return manage(parser.isSet(list), parser.value(activate), parser.value(symbol).toStdString(),
                      resolvePaths(parser.value(database)).databasePath, parser.isSet(json));
    const std::string sym = parser.value(symbol).toStdString();
    if (sym.empty())
        return refuse(tr("--symbol is required"));
    const QString source = parser.value(data);
    if (source.isEmpty())
        return refuse(tr("--data is required: a LOBSTER message file, book, or bars[:INTERVAL]"));
    const std::string scenarioName = parser.value(scenario).toStdString();
    std::int64_t fromNs = std::numeric_limits<std::int64_t>::min(), toNs = std::numeric_limits<std::int64_t>::max();
    std::optional<std::pair<std::int64_t, std::int64_t>> stressed;
    std::int64_t stressFrom = 0, stressTo = 0;
    if (QString why; !readTimeOptions(
            parser, {{&from, &fromNs}, {&to, &toNs}, {&stressedFrom, &stressFrom}, {&stressedTo, &stressTo}}, why))
        return refuse(why);
    if (parser.isSet(stressedFrom) != parser.isSet(stressedTo))
        return refuse(tr("--stressed-from and --stressed-to go together"));
    if (parser.isSet(stressedFrom)) {
        if (stressTo <= stressFrom)
            return refuse(tr("--stressed-to must be after --stressed-from"));
        stressed = std::pair{stressFrom, stressTo};
    }

    ui::CalibrationTask task;
    task.databasePath = resolvePaths(parser.value(database)).databasePath;
    task.symbol = sym;
    task.scenario = scenarioName;
    task.data = source;
    task.bookPath = parser.value(book);
    task.venue = parser.value(venue).toStdString();
    task.fromNs = fromNs;
    task.toNs = toNs;
    task.stressed = stressed;
    const ui::CalibrationTask::Result result = task.run();
    if (!result.ok)
        return refuse(result.error, result.badInput ? UsageError : Failure);
    if (parser.isSet(json))
        m_out(QString::fromUtf8(QJsonDocument(result.json).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    else
        m_out(result.text);
    return Success;
}

} // namespace meridian::app
