// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "backtest/bar_source.h"

#include "core/timestamp.h"
#include "store/bar_import.h"

#include <cmath>

namespace meridian::backtest {

Result<BarSeries> loadBars(store::Database &db, const Instrument &instrument, std::string_view venue,
                           std::string_view interval, std::int64_t fromNs, std::int64_t toNs,
                           const std::function<bool(std::size_t bars)> &progress)
{
    const std::int64_t duration = store::intervalNanoseconds(interval);
    if (duration == 0)
        return fail(ErrorCode::InvalidArgument, "bars: interval '" + std::string(interval) + "' is not an interval");
    auto s = db.prepare("SELECT ts, open, high, low, close, coalesce(volume, 0) FROM market_data WHERE symbol = ?1 "
                        "AND (?2 = '' OR venue = ?2) AND interval = ?3 AND ts >= ?4 AND ts < ?5 AND open IS NOT NULL "
                        "ORDER BY ts");
    if (!s)
        return tl::unexpected(s.error());
    const std::string symbol = instrument.symbol();
    for (const auto &r : {s->bind(1, std::string_view(symbol)), s->bind(2, venue), s->bind(3, interval),
                          s->bind(4, fromNs), s->bind(5, toNs)})
        if (!r)
            return tl::unexpected(r.error());
    const double tick = instrument.tickSize().toDouble();
    const double lot = instrument.lotSize().toDouble();
    BarSeries series{instrument, duration, {}};
    for (;;) {
        auto row = s->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        Bar b;
        b.openTime = s->columnInt64(0);
        b.open = std::llround(s->columnDouble(1) / tick);
        b.high = std::llround(s->columnDouble(2) / tick);
        b.low = std::llround(s->columnDouble(3) / tick);
        b.close = std::llround(s->columnDouble(4) / tick);
        b.volume = std::llround(s->columnDouble(5) / lot);
        if (b.low <= 0 || b.low > b.high || b.open < b.low || b.open > b.high || b.close < b.low || b.close > b.high)
            return fail(ErrorCode::InvalidArgument,
                        "bars: the " + symbol + " bar at " + Timestamp::fromNanoseconds(b.openTime).toIso8601(0) +
                            " is not a bar in ticks of " + instrument.tickSize().toString());
        series.bars.push_back(b);
        if (progress && series.bars.size() % 16'384 == 0 && !progress(series.bars.size()))
            return fail(ErrorCode::Cancelled,
                        "bars: loading cancelled after " + std::to_string(series.bars.size()) + " bars of " + symbol);
    }
    if (series.bars.empty())
        return fail(ErrorCode::NotFound, "bars: no " + std::string(interval) + " bars of " + symbol +
                                             (venue.empty() ? std::string() : " on " + std::string(venue)) +
                                             " in the database for that period; import them first");
    return series;
}

Result<std::vector<BarSet>> listBarSets(store::Database &db)
{
    auto s = db.prepare("SELECT symbol, venue, interval, count(*), min(ts), max(ts) FROM market_data WHERE open IS NOT "
                        "NULL GROUP BY symbol, venue, interval ORDER BY symbol, venue, interval");
    if (!s)
        return tl::unexpected(s.error());
    std::vector<BarSet> sets;
    auto rows = s->forEachRow([&] {
        if (store::intervalNanoseconds(s->columnText(2)) != 0) // not quotes and other rows that are not bars
            sets.push_back({s->columnText(0), s->columnText(1), s->columnText(2), s->columnInt64(3), s->columnInt64(4),
                            s->columnInt64(5)});
    });
    if (!rows)
        return tl::unexpected(rows.error());
    return sets;
}

ResolvedInstrument resolveInstrument(store::Database &db, const std::string &symbol)
{
    ResolvedInstrument r;
    InstrumentSpec &spec = r.spec;
    spec.id = 1;
    spec.symbol = symbol;
    spec.venue = "SIM";
    spec.tickSize = Decimal(1, 2);
    spec.lotSize = Decimal(1, 0);
    spec.quoteCurrency = "USD";
    if (symbol == "BTCUSDT" || symbol == "ETHUSDT") {
        spec.lotSize = Decimal(1, 3);
        spec.quoteCurrency = "USDT";
    }
    if (auto s = db.prepare("SELECT tick_size, lot_size, quote_currency, multiplier FROM instruments WHERE symbol = ? "
                            "ORDER BY instrument_id LIMIT 1");
        s && s->bind(1, std::string_view(symbol)) && s->step().value_or(false)) {
        auto tick = Decimal::parse(s->columnText(0));
        auto lot = Decimal::parse(s->columnText(1));
        auto multiplier = Decimal::parse(s->columnText(3));
        if (tick && lot && multiplier) {
            spec.tickSize = *tick;
            spec.lotSize = *lot;
            spec.multiplier = *multiplier;
            spec.quoteCurrency = s->columnText(2);
            r.fromDatabase = true;
        }
    }
    if (auto s = db.prepare("SELECT close FROM market_data WHERE symbol = ? AND close > 0 ORDER BY ts DESC LIMIT 1");
        s && s->bind(1, std::string_view(symbol)) && s->step().value_or(false))
        r.lastPrice = s->columnDouble(0);
    return r;
}

} // namespace meridian::backtest
