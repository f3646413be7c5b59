// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "cli_calibrate.h"

#include "app_environment.h"
#include "backtest/bar_source.h"
#include "backtest/book_store.h"
#include "core/timestamp.h"
#include "sim/calibration/calibrate_job.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <limits>

namespace meridian::app {

namespace {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

std::int64_t nowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1'000'000;
}

/// The UTC midnight of the date in a LOBSTER file's name (TICKER_yyyy-MM-dd_…), 0 when it has none.
std::int64_t dayOf(const QString &path)
{
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("_(\\d{4}-\\d{2}-\\d{2})_")).match(QFileInfo(path).fileName());
    if (!m.hasMatch())
        return 0;
    const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
    return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1'000'000 : 0;
}

} // namespace

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
    parser.addOptions({help, symbol, data, book, scenario, venue, from, to, stressedFrom, stressedTo, database, json});
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
    for (const auto &[option, target] : {std::pair{&from, &fromNs}, std::pair{&to, &toNs},
                                         std::pair{&stressedFrom, &stressFrom}, std::pair{&stressedTo, &stressTo}}) {
        if (!parser.isSet(*option))
            continue;
        const auto t = Timestamp::parseIso8601(parser.value(*option).toStdString());
        if (!t)
            return refuse(QStringLiteral("--%1: %2")
                              .arg(option->names().constFirst(), QString::fromStdString(t.error().message)));
        *target = t->nanoseconds();
    }
    if (parser.isSet(stressedFrom) != parser.isSet(stressedTo))
        return refuse(tr("--stressed-from and --stressed-to go together"));
    if (parser.isSet(stressedFrom)) {
        if (stressTo <= stressFrom)
            return refuse(tr("--stressed-to must be after --stressed-from"));
        stressed = std::pair{stressFrom, stressTo};
    }

    const AppPaths paths = resolvePaths(parser.value(database));
    QDir().mkpath(QFileInfo(paths.databasePath).absolutePath());
    auto db = store::Database::open(paths.databasePath.toStdString());
    if (!db)
        return refuse(QString::fromStdString(db.error().message), Failure);

    QJsonObject result{{QStringLiteral("symbol"), QString::fromStdString(sym)},
                       {QStringLiteral("scenario"), QString::fromStdString(scenarioName)}};
    QString text;
    if (source == QLatin1String("bars") || source.startsWith(QLatin1String("bars:"))) {
        if (parser.isSet(book))
            return refuse(tr("--book is for LOBSTER data, not bars"));
        const QString interval =
            source.contains(QLatin1Char(':')) ? source.section(QLatin1Char(':'), 1) : QStringLiteral("1h");
        auto instrument = Instrument::create(backtest::resolveInstrument(*db, sym).spec);
        if (!instrument)
            return refuse(QString::fromStdString(instrument.error().message));
        auto series = backtest::loadBars(*db, *instrument, parser.value(venue).toStdString(), interval.toStdString(),
                                         fromNs, toNs);
        if (!series)
            return refuse(QString::fromStdString(series.error().message));
        const double tick = instrument->tickSize().toDouble(), lot = instrument->lotSize().toDouble();
        std::vector<sim::calibration::BarSample> bars;
        for (const backtest::Bar &b : series->bars)
            bars.push_back({b.openTime, static_cast<double>(b.high) * tick, static_cast<double>(b.low) * tick,
                            static_cast<double>(b.close) * tick, static_cast<double>(b.volume) * lot});
        const auto r = sim::calibration::calibrateBars(*db, sym, scenarioName, bars,
                                                       "bars " + sym + " " + interval.toStdString(), stressed, nowNs());
        if (!r)
            return refuse(QString::fromStdString(r.error().message));
        result.insert(QStringLiteral("calibration_id"), static_cast<qint64>(r->calibrationId));
        result.insert(QStringLiteral("kind"), QStringLiteral("bars"));
        result.insert(QStringLiteral("bars"), static_cast<qint64>(bars.size()));
        result.insert(QStringLiteral("volatility"), r->volatility);
        result.insert(QStringLiteral("garch"), QJsonObject{{QStringLiteral("omega"), r->garch.omega},
                                                           {QStringLiteral("alpha"), r->garch.alpha},
                                                           {QStringLiteral("beta"), r->garch.beta}});
        result.insert(QStringLiteral("jumps"),
                      QJsonObject{{QStringLiteral("count"), static_cast<qint64>(r->jumps.jumps)},
                                  {QStringLiteral("intensity"), r->jumps.intensity},
                                  {QStringLiteral("mean"), r->jumps.mean}});
        text = tr("Calibration %1 of %2 (%3) from %4 %5 bars: volatility %6 per bar; GARCH(1,1) omega %7, alpha %8, "
                  "beta %9\n")
                   .arg(r->calibrationId)
                   .arg(QString::fromStdString(sym), QString::fromStdString(scenarioName))
                   .arg(bars.size())
                   .arg(interval)
                   .arg(r->volatility, 0, 'g', 4)
                   .arg(r->garch.omega, 0, 'g', 4)
                   .arg(r->garch.alpha, 0, 'f', 4)
                   .arg(r->garch.beta, 0, 'f', 4);
        text += tr("  %1 jumps (%2 per bar, mean %3)\n")
                    .arg(r->jumps.jumps)
                    .arg(r->jumps.intensity, 0, 'g', 3)
                    .arg(r->jumps.mean, 0, 'g', 3);
        if (r->factors) {
            result.insert(QStringLiteral("factors"),
                          QJsonObject{{QStringLiteral("volatility_factor"), r->factors->volatilityFactor},
                                      {QStringLiteral("liquidity_factor"), r->factors->liquidityFactor},
                                      {QStringLiteral("base_slippage"), r->factors->baseSlippage}});
            text += tr("  Stressed window: volatility_factor %1, liquidity_factor %2, base_slippage %3\n")
                        .arg(r->factors->volatilityFactor, 0, 'f', 3)
                        .arg(r->factors->liquidityFactor, 0, 'f', 3)
                        .arg(r->factors->baseSlippage, 0, 'g', 3);
        }
    } else {
        if (stressed)
            return refuse(tr("--stressed-from and --stressed-to are for bars"));
        std::vector<book::LobsterMessage> messages;
        book::LobsterBook rows;
        std::int64_t day = 0;
        std::string description;
        if (source == QLatin1String("book")) {
            auto stored = backtest::loadBookMessages(*db, sym, parser.value(venue).toStdString(), fromNs, toNs);
            if (!stored)
                return refuse(QString::fromStdString(stored.error().message));
            messages = std::move(stored->messages);
            rows = std::move(stored->book);
            day = stored->dayStartNs;
            description = "imported order-book messages of " + sym;
        } else {
            if (!QFileInfo::exists(source))
                return refuse(tr("--data: no file %1 (and not book or bars)").arg(source));
            QString bookPath = parser.value(book);
            if (bookPath.isEmpty()) {
                const QFileInfo info(source);
                bookPath = info.dir().filePath(
                    info.fileName().replace(QStringLiteral("message"), QStringLiteral("orderbook")));
                if (bookPath == source || !QFileInfo::exists(bookPath))
                    return refuse(tr("no orderbook file beside %1; name it with --book").arg(source));
            }
            auto m = book::readLobsterMessages(source.toStdString());
            if (!m)
                return refuse(QString::fromStdString(m.error().message));
            auto b = book::readLobsterBook(bookPath.toStdString());
            if (!b)
                return refuse(QString::fromStdString(b.error().message));
            messages = std::move(*m);
            rows = std::move(*b);
            day = dayOf(source);
            description = QFileInfo(source).fileName().toStdString();
        }
        const auto r =
            sim::calibration::calibrateOrderFlow(*db, sym, scenarioName, messages, rows, description, day, nowNs());
        if (!r)
            return refuse(QString::fromStdString(r.error().message));
        const auto &e = r->estimate;
        const auto &f = r->fit;
        result.insert(QStringLiteral("calibration_id"), static_cast<qint64>(r->calibrationId));
        result.insert(QStringLiteral("kind"), QStringLiteral("order_flow"));
        result.insert(QStringLiteral("messages"), static_cast<qint64>(messages.size()));
        result.insert(QStringLiteral("data"),
                      QJsonObject{{QStringLiteral("mean_spread_ticks"), e.market.meanSpreadTicks},
                                  {QStringLiteral("trades"), static_cast<qint64>(e.market.trades)},
                                  {QStringLiteral("minute_volatility"), e.market.minuteVolatility}});
        result.insert(QStringLiteral("fit"), QJsonObject{{QStringLiteral("spread_ratio"), f.spreadRatio()},
                                                         {QStringLiteral("trades_ratio"), f.tradesRatio()},
                                                         {QStringLiteral("volatility_ratio"), f.volatilityRatio()},
                                                         {QStringLiteral("converged"), f.converged}});
        result.insert(QStringLiteral("fill_intensity"), QJsonObject{{QStringLiteral("a"), e.intensity.a},
                                                                    {QStringLiteral("k"), e.intensity.k},
                                                                    {QStringLiteral("r2"), e.intensity.r2}});
        text = tr("Calibration %1 of %2 (%3) from %4 messages: spread %5 ticks, %6 trades, 1-minute volatility %7\n")
                   .arg(r->calibrationId)
                   .arg(QString::fromStdString(sym), QString::fromStdString(scenarioName))
                   .arg(messages.size())
                   .arg(e.market.meanSpreadTicks, 0, 'f', 2)
                   .arg(e.market.trades)
                   .arg(e.market.minuteVolatility, 0, 'g', 3);
        text += tr("  Simulated / real: spread %1, trades %2, volatility %3 (%4)\n")
                    .arg(f.spreadRatio(), 0, 'f', 3)
                    .arg(f.tradesRatio(), 0, 'f', 3)
                    .arg(f.volatilityRatio(), 0, 'f', 3)
                    .arg(f.converged ? tr("converged") : tr("closest found"));
        text += tr("  Fill intensity lambda(delta) = %1 exp(-%2 delta), delta in ticks, R² %3\n")
                    .arg(e.intensity.a, 0, 'g', 4)
                    .arg(e.intensity.k, 0, 'g', 4)
                    .arg(e.intensity.r2, 0, 'f', 3);
    }
    if (parser.isSet(json))
        m_out(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    else
        m_out(text);
    return Success;
}

} // namespace meridian::app
