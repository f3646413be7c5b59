// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "cli_import.h"

#include "app_environment.h"
#include "backtest/book_store.h"
#include "core/timestamp.h"
#include "store/bar_import.h"
#include "store/database.h"
#include "store/trade_import.h"

#include <QCommandLineParser>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <optional>

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

namespace {

/// New York's offset from UTC, in minutes, on the first YYYY-MM-DD date in text (LOBSTER's files are in
/// exchange time); nullopt without a date, which importLobster then refuses, saying so.
std::optional<int> newYorkOffsetMinutes(const QString &text)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("(\\d{4}-\\d{2}-\\d{2})")).match(text);
    const QDate day = m.hasMatch() ? QDate::fromString(m.captured(1), Qt::ISODate) : QDate();
    if (!day.isValid())
        return std::nullopt;
    const QTimeZone newYork(QByteArrayLiteral("America/New_York"));
    if (!newYork.isValid())
        return std::nullopt;
    return newYork.offsetFromUtc(QDateTime(day, QTime(12, 0), newYork)) / 60;
}

} // namespace

QString ImportCommand::summary()
{
    return tr("Import bars, trades and order-book messages (LOBSTER) into the database");
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
                                             "low, close, volume), tardis-trades, binance-trades or lobster (files "
                                             "in pairs: message, then orderbook); default binance."),
                                          tr("format"), QStringLiteral("binance"));
    const QCommandLineOption symbolOption(QStringLiteral("symbol"), tr("The instrument the bars are of."),
                                          tr("symbol"));
    const QCommandLineOption venueOption(QStringLiteral("venue"), tr("The venue (default none)."), tr("venue"));
    const QCommandLineOption intervalOption(
        QStringLiteral("interval"), tr("The bar interval, such as 1m, 1h or 1d (default: inferred)."), tr("interval"));
    const QCommandLineOption offsetOption(
        QStringLiteral("utc-offset"),
        tr("The zone of times written without one, such as +08:00 (default UTC; lobster: New York's on that day)."),
        tr("offset"));
    const QCommandLineOption dateOption(
        QStringLiteral("date"), tr("lobster: the trading day, YYYY-MM-DD (default: from the file name)."), tr("date"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            tr("The database file (default: the one in the data folder)."), tr("path"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print the reports as JSON, one object a file."));
    parser.addOptions({help, formatOption, symbolOption, venueOption, intervalOption, offsetOption, dateOption,
                       databaseOption, jsonOption});
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
    bool trades = false, lobster = false;
    const QString format = parser.value(formatOption);
    if (format == QLatin1String("binance"))
        options.format = store::BarImportOptions::Format::BinanceKline;
    else if (format == QLatin1String("ohlcv"))
        options.format = store::BarImportOptions::Format::Ohlcv;
    else if (format == QLatin1String("tardis-trades") || format == QLatin1String("binance-trades"))
        trades = true;
    else if (format == QLatin1String("lobster"))
        lobster = true;
    else
        return refuse(
            tr("--format must be binance, ohlcv, tardis-trades, binance-trades or lobster, not \"%1\"").arg(format));
    tradeOptions.format = format == QLatin1String("tardis-trades") ? store::TradeImportOptions::Format::Tardis
                                                                   : store::TradeImportOptions::Format::BinanceTrades;
    options.symbol = parser.value(symbolOption).toStdString();
    if (options.symbol.empty() && !lobster)
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
    if (lobster && files.size() % 2 != 0)
        return refuse(tr("lobster files come in pairs: each message file, then its orderbook file"));

    const AppPaths paths = resolvePaths(parser.value(databaseOption));
    QDir().mkpath(QFileInfo(paths.databasePath).absolutePath());
    auto db = store::Database::open(paths.databasePath.toStdString());
    if (!db) {
        m_err(tr("meridian-cli import: %1\n").arg(QString::fromStdString(db.error().message)));
        return Failure;
    }
    int code = Success;
    for (qsizetype k = 0; k < files.size(); k += lobster ? 2 : 1) {
        const QString &file = files[k];
        std::string symbol = options.symbol;
        tradeOptions.symbol = options.symbol;
        tradeOptions.venue = options.venue;
        Result<store::BarImportReport> report = tl::unexpected(Error{});
        if (lobster) {
            // LOBSTER names its files SYMBOL_DATE_…: the symbol comes from there, and must agree with --symbol.
            const QRegularExpressionMatch named =
                QRegularExpression(QStringLiteral("^([A-Za-z0-9.]+)_\\d{4}-\\d{2}-\\d{2}_"))
                    .match(QFileInfo(file).fileName());
            const std::string inName = named.hasMatch() ? named.captured(1).toStdString() : std::string();
            if (!options.symbol.empty() && !inName.empty() && inName != options.symbol) {
                m_err(tr("meridian-cli import: %1 is a file of %2, not %3; give the matching --symbol, or none\n")
                          .arg(file, QString::fromStdString(inName), QString::fromStdString(options.symbol)));
                code = UsageError;
                continue;
            }
            if (options.symbol.empty() && inName.empty()) {
                m_err(tr("meridian-cli import: %1: the file name does not say the symbol; give --symbol\n").arg(file));
                code = UsageError;
                continue;
            }
            if (symbol.empty())
                symbol = inName;
            backtest::LobsterImportOptions o{symbol, options.venue, parser.value(dateOption).toStdString(),
                                             std::nullopt, ""};
            if (parser.isSet(offsetOption))
                o.utcOffsetMinutes = options.utcOffsetMinutes;
            else
                o.utcOffsetMinutes = newYorkOffsetMinutes(o.date.empty() ? file : QString::fromStdString(o.date));
            report = backtest::importLobster(*db, file.toStdString(), files[k + 1].toStdString(), o);
        } else {
            report = trades ? store::importTrades(*db, file.toStdString(), tradeOptions)
                            : store::importBars(*db, file.toStdString(), options);
        }
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
                                {QStringLiteral("symbol"), QString::fromStdString(symbol)},
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
        QString text =
            (lobster  ? tr("%1: %2 order-book messages of %3%4 from %5 to %6: %7 new, %8 updated, %9 unchanged\n")
             : trades ? tr("%1: %2 trades of %3%4 from %5 to %6: %7 new, %8 updated, %9 unchanged\n")
                      : tr("%1: %2 bars of %3 (%4) from %5 to %6: %7 new, %8 updated, %9 unchanged\n"))
                .arg(file)
                .arg(report->rows)
                .arg(QString::fromStdString(symbol), QString::fromStdString(report->interval),
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
