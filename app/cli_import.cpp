// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "cli_import.h"

#include "app_environment.h"
#include "core/timestamp.h"
#include "store/bar_import.h"
#include "store/database.h"
#include "store/trade_import.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace meridian::app {

namespace {
enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

QString issueKind(store::ImportIssue::Kind kind)
{
    switch (kind) {
    case store::ImportIssue::Kind::Gap:
        return QStringLiteral("gap");
    case store::ImportIssue::Kind::OutOfOrder:
        return QStringLiteral("out_of_order");
    case store::ImportIssue::Kind::Duplicate:
        return QStringLiteral("duplicate");
    case store::ImportIssue::Kind::Outlier:
        return QStringLiteral("outlier");
    }
    return {};
}
} // namespace

QString ImportCommand::summary()
{
    return tr("Import bar files (Binance klines, OHLCV CSV) into the database");
}

int ImportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Imports each file in one transaction: a file with a bad row is refused whole, naming the lines; gaps, "
           "duplicates, rows out of order and outliers are reported. Importing a file again changes nothing."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          tr("binance (12-column klines), ohlcv (a header naming date, open, high, "
                                             "low, close, volume), tardis-trades or binance-trades; default binance."),
                                          tr("format"), QStringLiteral("binance"));
    const QCommandLineOption symbolOption(QStringLiteral("symbol"), tr("The instrument the bars are of."),
                                          tr("symbol"));
    const QCommandLineOption venueOption(QStringLiteral("venue"), tr("The venue (default none)."), tr("venue"));
    const QCommandLineOption intervalOption(
        QStringLiteral("interval"), tr("The bar interval, such as 1m, 1h or 1d (default: inferred)."), tr("interval"));
    const QCommandLineOption offsetOption(QStringLiteral("utc-offset"),
                                          tr("The zone of times written without one, such as +08:00 (default UTC)."),
                                          tr("offset"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            tr("The database file (default: the one in the data folder)."), tr("path"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print the reports as JSON, one object a file."));
    parser.addOptions(
        {help, formatOption, symbolOption, venueOption, intervalOption, offsetOption, databaseOption, jsonOption});
    parser.addPositionalArgument(QStringLiteral("files"), tr("The files to import."), QStringLiteral("FILE..."));
    const auto refuse = [&](const QString &why) {
        m_err(tr("meridian-cli import: %1\n").arg(why));
        return UsageError;
    };
    if (!parser.parse(QStringList{QStringLiteral("meridian-cli")} + arguments))
        return refuse(parser.errorText());
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), QStringLiteral("meridian-cli import"));
        m_out(text);
        return Success;
    }
    store::BarImportOptions options;
    store::TradeImportOptions tradeOptions;
    bool trades = false;
    const QString format = parser.value(formatOption);
    if (format == QLatin1String("binance"))
        options.format = store::BarImportOptions::Format::BinanceKline;
    else if (format == QLatin1String("ohlcv"))
        options.format = store::BarImportOptions::Format::Ohlcv;
    else if (format == QLatin1String("tardis-trades") || format == QLatin1String("binance-trades"))
        trades = true;
    else
        return refuse(tr("--format must be binance, ohlcv, tardis-trades or binance-trades, not \"%1\"").arg(format));
    tradeOptions.format = format == QLatin1String("tardis-trades") ? store::TradeImportOptions::Format::Tardis
                                                                   : store::TradeImportOptions::Format::BinanceTrades;
    options.symbol = parser.value(symbolOption).toStdString();
    if (options.symbol.empty())
        return refuse(tr("--symbol is required"));
    options.venue = parser.value(venueOption).toStdString();
    options.interval = parser.value(intervalOption).toStdString();
    if (parser.isSet(offsetOption)) {
        const QRegularExpression pattern(QStringLiteral("^([+-])(\\d{2}):?(\\d{2})$"));
        const auto match = pattern.match(parser.value(offsetOption));
        if (!match.hasMatch())
            return refuse(tr("--utc-offset must look like +08:00, not \"%1\"").arg(parser.value(offsetOption)));
        const int minutes = match.captured(2).toInt() * 60 + match.captured(3).toInt();
        options.utcOffsetMinutes = match.captured(1) == QLatin1String("-") ? -minutes : minutes;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return refuse(tr("name at least one file"));

    const AppPaths paths = resolvePaths(parser.value(databaseOption));
    QDir().mkpath(QFileInfo(paths.databasePath).absolutePath());
    auto db = store::Database::open(paths.databasePath.toStdString());
    if (!db) {
        m_err(tr("meridian-cli import: %1\n").arg(QString::fromStdString(db.error().message)));
        return Failure;
    }
    int code = Success;
    for (const QString &file : files) {
        tradeOptions.symbol = options.symbol;
        tradeOptions.venue = options.venue;
        const auto report = trades ? store::importTrades(*db, file.toStdString(), tradeOptions)
                                   : store::importBars(*db, file.toStdString(), options);
        if (!report) {
            m_err(tr("meridian-cli import: %1\n").arg(QString::fromStdString(report.error().message)));
            code = std::max<int>(code, report.error().code == ErrorCode::InvalidArgument ? UsageError : Failure);
            continue;
        }
        if (parser.isSet(jsonOption)) {
            QJsonArray issues;
            for (const store::ImportIssue &i : report->issues)
                issues.append(QJsonObject{{QStringLiteral("kind"), issueKind(i.kind)},
                                          {QStringLiteral("line"), static_cast<qint64>(i.line)},
                                          {QStringLiteral("detail"), QString::fromStdString(i.detail)}});
            const QJsonObject o{{QStringLiteral("file"), file},
                                {QStringLiteral("symbol"), QString::fromStdString(options.symbol)},
                                {QStringLiteral("interval"), QString::fromStdString(report->interval)},
                                {QStringLiteral("rows"), static_cast<qint64>(report->rows)},
                                {QStringLiteral("inserted"), static_cast<qint64>(report->inserted)},
                                {QStringLiteral("updated"), static_cast<qint64>(report->updated)},
                                {QStringLiteral("unchanged"), static_cast<qint64>(report->unchanged)},
                                {QStringLiteral("missing_bars"), static_cast<qint64>(report->missingBars)},
                                {QStringLiteral("issues"), issues}};
            m_out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
            continue;
        }
        QString text = (trades ? tr("%1: %2 trades of %3%4 from %5 to %6: %7 new, %8 updated, %9 unchanged\n")
                               : tr("%1: %2 bars of %3 (%4) from %5 to %6: %7 new, %8 updated, %9 unchanged\n"))
                           .arg(file)
                           .arg(report->rows)
                           .arg(QString::fromStdString(options.symbol), QString::fromStdString(report->interval),
                                QString::fromStdString(Timestamp::fromNanoseconds(report->firstTime).toIso8601(0)),
                                QString::fromStdString(Timestamp::fromNanoseconds(report->lastTime).toIso8601(0)))
                           .arg(report->inserted)
                           .arg(report->updated)
                           .arg(report->unchanged);
        if (report->issues.empty())
            text += tr("  no gaps, duplicates or outliers\n");
        for (const store::ImportIssue &i : report->issues)
            text += tr("  line %1: %2: %3\n").arg(i.line).arg(issueKind(i.kind), QString::fromStdString(i.detail));
        m_out(text);
    }
    return code;
}

} // namespace meridian::app
