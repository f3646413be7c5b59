// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "store/trade_import.h"

#include "store/csv.h"
#include "store/datasets.h"

#include <filesystem>
#include <fstream>

namespace meridian::store {

namespace {

using namespace csv;

constexpr std::size_t kMaxNamedLines = 20;

struct Trade
{
    std::int64_t line;
    std::int64_t time; // ns
    std::int64_t id;
    double price, quantity;
    std::string_view aggressor; // "buy", "sell" or ""
};

} // namespace

Result<BarImportReport> importTrades(Database &db, const std::string &path, const TradeImportOptions &options)
{
    if (options.symbol.empty())
        return fail(ErrorCode::InvalidArgument, "import " + path + ": a symbol is required");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(ErrorCode::Io, "import " + path + ": cannot open the file");
    const bool tardis = options.format == TradeImportOptions::Format::Tardis;
    std::vector<Trade> trades;
    std::vector<std::string> bad;
    std::int64_t badCount = 0;
    const auto refuse = [&](std::int64_t line, const std::string &why) {
        ++badCount;
        if (bad.size() < kMaxNamedLines)
            bad.push_back("line " + std::to_string(line) + ": " + why);
    };
    int cTime = 4, cId = 0, cPrice = 1, cQuantity = 2, cSide = 5; // Binance trades, by position
    std::size_t fields = 0;
    std::string text;
    std::int64_t lineNumber = 0;
    bool first = true;
    while (std::getline(in, text)) {
        ++lineNumber;
        const std::string_view line = trim(text);
        if (line.empty())
            continue;
        const std::vector<std::string_view> f = split(line);
        if (first) {
            first = false;
            const bool header = !f.empty() && !allDigits(f[0]);
            if (tardis) {
                if (!header)
                    return fail(ErrorCode::InvalidArgument, "import " + path + ": line 1 should name the columns");
                cTime = cId = cPrice = cQuantity = cSide = -1;
                for (std::size_t i = 0; i < f.size(); ++i) {
                    const std::string name = lower(f[i]);
                    const int at = static_cast<int>(i);
                    if (name == "timestamp")
                        cTime = at;
                    else if (name == "id")
                        cId = at;
                    else if (name == "price")
                        cPrice = at;
                    else if (name == "amount")
                        cQuantity = at;
                    else if (name == "side")
                        cSide = at;
                }
                for (const auto &[column, name] :
                     {std::pair{cTime, "timestamp"}, std::pair{cId, "id"}, std::pair{cPrice, "price"},
                      std::pair{cQuantity, "amount"}, std::pair{cSide, "side"}})
                    if (column < 0)
                        return fail(ErrorCode::InvalidArgument, "import " + path + ": line 1 has no column " + name);
                fields = f.size();
                continue;
            }
            fields = f.size();
            if (fields < 6)
                return fail(ErrorCode::InvalidArgument,
                            "import " + path + ": line 1 has " + std::to_string(fields) +
                                " fields; Binance trades files have id, price, qty, quote_qty, time, is_buyer_maker");
            if (header)
                continue;
        }
        if (f.size() != fields) {
            refuse(lineNumber, std::to_string(f.size()) + " fields, expected " + std::to_string(fields));
            continue;
        }
        Trade t{lineNumber, 0, 0, 0, 0, ""};
        std::int64_t time = 0;
        if (!integer(f[cTime], time) || time < 0 || !integer(f[cId], t.id)) {
            refuse(lineNumber, "the time or the id is not a whole number");
            continue;
        }
        t.time = tardis ? time * 1'000 : epochToNs(time);
        if (!number(f[cPrice], t.price) || !number(f[cQuantity], t.quantity)) {
            refuse(lineNumber, "the price or the quantity is not a number");
            continue;
        }
        if (t.price <= 0 || t.quantity <= 0) {
            refuse(lineNumber, "the price and the quantity must be positive");
            continue;
        }
        const std::string side = lower(f[cSide]);
        if (tardis) {
            if (side != "buy" && side != "sell" && !side.empty()) {
                refuse(lineNumber, "side '" + std::string(f[cSide]) + "' is neither buy nor sell");
                continue;
            }
            t.aggressor = side == "buy" ? "buy" : side == "sell" ? "sell" : "";
        } else {
            if (side != "true" && side != "false") {
                refuse(lineNumber, "is_buyer_maker '" + std::string(f[cSide]) + "' is neither true nor false");
                continue;
            }
            t.aggressor = side == "true" ? "sell" : "buy"; // the buyer made the market: a seller took it
        }
        trades.push_back(t);
    }
    if (in.bad())
        return fail(ErrorCode::Io, "import " + path + ": reading failed");

    BarImportReport report;
    for (std::size_t i = 1; i < trades.size(); ++i)
        if (trades[i].time < trades[i - 1].time)
            report.issues.push_back({ImportIssue::Kind::OutOfOrder, trades[i].line,
                                     formatTime(trades[i].time) + " comes after " + formatTime(trades[i - 1].time)});
    std::stable_sort(trades.begin(), trades.end(), [](const Trade &a, const Trade &b) { return a.id < b.id; });
    std::vector<Trade> unique;
    for (const Trade &t : trades) {
        if (!unique.empty() && unique.back().id == t.id) {
            const Trade &a = unique.back();
            if (a.time == t.time && a.price == t.price && a.quantity == t.quantity && a.aggressor == t.aggressor)
                report.issues.push_back({ImportIssue::Kind::Duplicate, t.line,
                                         "the same trade as line " + std::to_string(a.line) + "; kept once"});
            else
                refuse(t.line, "trade id " + std::to_string(t.id) + " again (line " + std::to_string(a.line) +
                                   ") with other values");
            continue;
        }
        if (!unique.empty() && t.id > unique.back().id + 1) {
            const std::int64_t missing = t.id - unique.back().id - 1;
            report.missingBars += missing;
            report.issues.push_back({ImportIssue::Kind::Gap, t.line,
                                     std::to_string(missing) + " trade id" + (missing == 1 ? "" : "s") +
                                         " missing after " + std::to_string(unique.back().id)});
        }
        unique.push_back(t);
    }
    if (badCount > 0) {
        std::string message = "import " + path + ": refused, nothing imported; " + std::to_string(badCount) +
                              " bad line" + (badCount == 1 ? "" : "s") + ":";
        for (const std::string &b : bad)
            message += "\n  " + b;
        if (badCount > static_cast<std::int64_t>(bad.size()))
            message += "\n  … and " + std::to_string(badCount - static_cast<std::int64_t>(bad.size())) + " more";
        return fail(ErrorCode::InvalidArgument, message);
    }
    if (unique.empty())
        return fail(ErrorCode::InvalidArgument, "import " + path + ": no trades in the file");

    const std::string source =
        options.source.empty() ? std::filesystem::path(path).filename().string() : options.source;
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return tl::unexpected(transaction.error());
    auto insert =
        db.prepare("INSERT INTO trades (symbol, venue, ts, trade_id, price, quantity, aggressor, source) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (symbol, venue, trade_id) DO NOTHING");
    auto update = db.prepare("UPDATE trades SET ts = ?3, price = ?5, quantity = ?6, aggressor = ?7, source = ?8 "
                             "WHERE symbol = ?1 AND venue = ?2 AND trade_id = ?4 AND (ts IS NOT ?3 OR price IS NOT "
                             "?5 OR quantity IS NOT ?6 OR aggressor IS NOT ?7)");
    if (!insert)
        return tl::unexpected(insert.error());
    if (!update)
        return tl::unexpected(update.error());
    for (const Trade &t : unique) {
        for (Statement *s : {&*insert, &*update}) {
            s->reset();
            Result<void> bound = ok();
            int index = 0;
            const auto bind = [&](auto &&...values) { ((bound = bound ? s->bind(++index, values) : bound), ...); };
            bind(std::string_view(options.symbol), std::string_view(options.venue), t.time, t.id, t.price, t.quantity,
                 t.aggressor, std::string_view(source));
            if (!bound)
                return tl::unexpected(bound.error());
            if (auto r = s->run(); !r)
                return tl::unexpected(r.error());
            if (db.changes() > 0) {
                ++(s == &*insert ? report.inserted : report.updated);
                break;
            }
            if (s == &*update)
                ++report.unchanged;
        }
    }
    if (report.inserted + report.updated > 0)
        if (auto r = bumpDatasetVersion(db, options.symbol, options.venue, DatasetKind::Trades); !r)
            return tl::unexpected(r.error());
    if (auto r = transaction->commit(); !r)
        return tl::unexpected(r.error());
    report.rows = static_cast<std::int64_t>(unique.size());
    report.firstTime = std::min_element(unique.begin(), unique.end(), [](const Trade &a, const Trade &b) {
                           return a.time < b.time;
                       })->time;
    report.lastTime = std::max_element(unique.begin(), unique.end(), [](const Trade &a, const Trade &b) {
                          return a.time < b.time;
                      })->time;
    return report;
}

} // namespace meridian::store
