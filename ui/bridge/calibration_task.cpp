// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "bridge/calibration_task.h"

#include "backtest/bar_source.h"
#include "backtest/book_store.h"
#include "sim/calibration/calibrate_job.h"
#include "store/database.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <cmath>

namespace meridian::ui {

namespace {

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

CalibrationTask::Result CalibrationTask::run() const
{
    Result out;
    const auto failed = [&](const QString &why, bool badInput = true) {
        out.ok = false;
        out.badInput = badInput;
        out.error = why;
        return out;
    };
    if (symbol.empty())
        return failed(tr("name the symbol the calibration is for"));
    if (data.isEmpty())
        return failed(tr("name the data: a LOBSTER message file, book, or bars[:INTERVAL]"));
    const QString &source = data;
    QDir().mkpath(QFileInfo(databasePath).absolutePath());
    auto opened = store::Database::open(databasePath.toStdString());
    if (!opened)
        return failed(QString::fromStdString(opened.error().message), false);
    store::Database &db = *opened;
    out.json = QJsonObject{{QStringLiteral("symbol"), QString::fromStdString(symbol)},
                           {QStringLiteral("scenario"), QString::fromStdString(scenario)}};
    if (source == QLatin1String("bars") || source.startsWith(QLatin1String("bars:"))) {
        if (!bookPath.isEmpty())
            return failed(tr("the orderbook file is for LOBSTER data, not bars"));
        const QString interval =
            source.contains(QLatin1Char(':')) ? source.section(QLatin1Char(':'), 1) : QStringLiteral("1h");
        auto instrument = Instrument::create(backtest::resolveInstrument(db, symbol).spec);
        if (!instrument)
            return failed(QString::fromStdString(instrument.error().message));
        auto series = backtest::loadBars(db, *instrument, venue, interval.toStdString(), fromNs, toNs);
        if (!series)
            return failed(QString::fromStdString(series.error().message));
        const double tick = instrument->tickSize().toDouble(), lot = instrument->lotSize().toDouble();
        std::vector<sim::calibration::BarSample> bars;
        for (const backtest::Bar &b : series->bars)
            bars.push_back({b.openTime, static_cast<double>(b.high) * tick, static_cast<double>(b.low) * tick,
                            static_cast<double>(b.close) * tick, static_cast<double>(b.volume) * lot});
        const auto r = sim::calibration::calibrateBars(
            db, symbol, scenario, bars, "bars " + symbol + " " + interval.toStdString(), stressed, nowNs());
        if (!r)
            return failed(QString::fromStdString(r.error().message), r.error().code != ErrorCode::Database);
        out.json.insert(QStringLiteral("calibration_id"), static_cast<qint64>(r->calibrationId));
        out.json.insert(QStringLiteral("kind"), QStringLiteral("bars"));
        out.json.insert(QStringLiteral("bars"), static_cast<qint64>(bars.size()));
        out.json.insert(QStringLiteral("volatility"), r->volatility);
        out.json.insert(QStringLiteral("garch"), QJsonObject{{QStringLiteral("omega"), r->garch.omega},
                                                             {QStringLiteral("alpha"), r->garch.alpha},
                                                             {QStringLiteral("beta"), r->garch.beta}});
        out.json.insert(QStringLiteral("jumps"),
                        QJsonObject{{QStringLiteral("count"), static_cast<qint64>(r->jumps.jumps)},
                                    {QStringLiteral("intensity"), r->jumps.intensity},
                                    {QStringLiteral("mean"), r->jumps.mean}});
        out.text =
            tr("Calibration %1 of %2 (%3) from %4 %5 bars: volatility %6 per bar; GARCH(1,1) omega %7, alpha %8, "
               "beta %9\n")
                .arg(r->calibrationId)
                .arg(QString::fromStdString(symbol), QString::fromStdString(scenario))
                .arg(bars.size())
                .arg(interval)
                .arg(r->volatility, 0, 'g', 4)
                .arg(r->garch.omega, 0, 'g', 4)
                .arg(r->garch.alpha, 0, 'f', 4)
                .arg(r->garch.beta, 0, 'f', 4);
        out.text += tr("  %1 jumps (%2 per bar, mean %3)\n")
                        .arg(r->jumps.jumps)
                        .arg(r->jumps.intensity, 0, 'g', 3)
                        .arg(r->jumps.mean, 0, 'g', 3);
        if (r->factors) {
            out.json.insert(QStringLiteral("factors"),
                            QJsonObject{{QStringLiteral("volatility_factor"), r->factors->volatilityFactor},
                                        {QStringLiteral("liquidity_factor"), r->factors->liquidityFactor},
                                        {QStringLiteral("base_slippage"), r->factors->baseSlippage}});
            out.text += tr("  Stressed window: volatility_factor %1, liquidity_factor %2, base_slippage %3\n")
                            .arg(r->factors->volatilityFactor, 0, 'f', 3)
                            .arg(r->factors->liquidityFactor, 0, 'f', 3)
                            .arg(r->factors->baseSlippage, 0, 'g', 3);
        }
    } else {
        if (stressed)
            return failed(tr("a stressed window is for bars"));
        std::vector<book::LobsterMessage> messages;
        book::LobsterBook rows;
        std::int64_t day = 0;
        std::string description;
        if (source == QLatin1String("book")) {
            auto stored = backtest::loadBookMessages(db, symbol, venue, fromNs, toNs);
            if (!stored)
                return failed(QString::fromStdString(stored.error().message));
            messages = std::move(stored->messages);
            rows = std::move(stored->book);
            day = stored->dayStartNs;
            description = "imported order-book messages of " + symbol;
        } else {
            if (!QFileInfo::exists(source))
                return failed(tr("no file %1 (and not book or bars)").arg(source));
            QString orderbook = bookPath;
            if (orderbook.isEmpty()) {
                const QFileInfo info(source);
                orderbook = info.dir().filePath(
                    info.fileName().replace(QStringLiteral("message"), QStringLiteral("orderbook")));
                if (orderbook == source || !QFileInfo::exists(orderbook))
                    return failed(tr("no orderbook file beside %1; name it").arg(source));
            }
            auto m = book::readLobsterMessages(source.toStdString());
            if (!m)
                return failed(QString::fromStdString(m.error().message));
            auto b = book::readLobsterBook(orderbook.toStdString());
            if (!b)
                return failed(QString::fromStdString(b.error().message));
            messages = std::move(*m);
            rows = std::move(*b);
            day = dayOf(source);
            description = QFileInfo(source).fileName().toStdString();
        }
        const auto r =
            sim::calibration::calibrateOrderFlow(db, symbol, scenario, messages, rows, description, day, nowNs());
        if (!r)
            return failed(QString::fromStdString(r.error().message), r.error().code != ErrorCode::Database);
        const auto &e = r->estimate;
        const auto &f = r->fit;
        out.json.insert(QStringLiteral("calibration_id"), static_cast<qint64>(r->calibrationId));
        out.json.insert(QStringLiteral("kind"), QStringLiteral("order_flow"));
        out.json.insert(QStringLiteral("messages"), static_cast<qint64>(messages.size()));
        out.json.insert(QStringLiteral("data"),
                        QJsonObject{{QStringLiteral("mean_spread_ticks"), e.market.meanSpreadTicks},
                                    {QStringLiteral("trades"), static_cast<qint64>(e.market.trades)},
                                    {QStringLiteral("minute_volatility"), e.market.minuteVolatility}});
        out.json.insert(QStringLiteral("fit"), QJsonObject{{QStringLiteral("spread_ratio"), f.spreadRatio()},
                                                           {QStringLiteral("trades_ratio"), f.tradesRatio()},
                                                           {QStringLiteral("volatility_ratio"), f.volatilityRatio()},
                                                           {QStringLiteral("converged"), f.converged}});
        out.json.insert(QStringLiteral("fill_intensity"), QJsonObject{{QStringLiteral("a"), e.intensity.a},
                                                                      {QStringLiteral("k"), e.intensity.k},
                                                                      {QStringLiteral("r2"), e.intensity.r2}});
        out.text =
            tr("Calibration %1 of %2 (%3) from %4 messages: spread %5 ticks, %6 trades, 1-minute volatility %7\n")
                .arg(r->calibrationId)
                .arg(QString::fromStdString(symbol), QString::fromStdString(scenario))
                .arg(messages.size())
                .arg(e.market.meanSpreadTicks, 0, 'f', 2)
                .arg(e.market.trades)
                .arg(e.market.minuteVolatility, 0, 'g', 3);
        out.text += tr("  Simulated / real: spread %1, trades %2, volatility %3 (%4)\n")
                        .arg(f.spreadRatio(), 0, 'f', 3)
                        .arg(f.tradesRatio(), 0, 'f', 3)
                        .arg(f.volatilityRatio(), 0, 'f', 3)
                        .arg(f.converged ? tr("converged") : tr("closest found"));
        out.text += tr("  Fill intensity lambda(delta) = %1 exp(-%2 delta), delta in ticks, R² %3\n")
                        .arg(e.intensity.a, 0, 'g', 4)
                        .arg(e.intensity.k, 0, 'g', 4)
                        .arg(e.intensity.r2, 0, 'f', 3);
        // adaptive_mm quotes by this intensity (fills per second, distance in ticks) and the mid's volatility
        // in ticks per √second: what to give it for this market.
        const double volatility = e.market.minuteVolatility * e.firstMid / std::sqrt(60.0);
        if (e.intensityFitted) {
            out.json.insert(QStringLiteral("adaptive_mm"), QJsonObject{{QStringLiteral("intensity_a"), e.intensity.a},
                                                                       {QStringLiteral("intensity_k"), e.intensity.k},
                                                                       {QStringLiteral("volatility"), volatility}});
            out.text += tr("  For adaptive_mm: --param intensity_a=%1 --param intensity_k=%2 --param volatility=%3\n")
                            .arg(e.intensity.a, 0, 'g', 4)
                            .arg(e.intensity.k, 0, 'g', 4)
                            .arg(volatility, 0, 'g', 4);
        }
    }
    out.ok = true;
    return out;
}

} // namespace meridian::ui
