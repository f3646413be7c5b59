// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "store/bar_import.h"

#include "core/timestamp.h"
#include "store/csv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

namespace meridian::store {

namespace {

using namespace csv;

constexpr std::int64_t kDay = 86'400 * kSecond;
constexpr std::size_t kMaxNamedLines = 20;

struct Bar
{
    std::int64_t line;
    std::int64_t time; // ns, UTC
    double open, high, low, close, volume;
    double quoteVolume = std::nan("");
    std::int64_t trades = -1; // −1: not given
};

/// An ISO time or epoch number, as ns UTC; a time without a zone is local to offsetMinutes.
bool parseTime(std::string_view text, int offsetMinutes, std::int64_t &out, std::string &why)
{
    if (allDigits(text)) {
        std::int64_t value = 0;
        if (!integer(text, value)) {
            why = "time '" + std::string(text) + "' is too large";
            return false;
        }
        out = epochToNs(value);
        return true;
    }
    auto t = Timestamp::parseIso8601(text);
    if (!t) {
        why = t.error().message;
        return false;
    }
    const std::string_view clock = text.size() > 10 ? text.substr(10) : std::string_view();
    const bool zoned = clock.find_first_of("Z+-") != std::string_view::npos;
    out = t->nanoseconds() - (zoned ? 0 : std::int64_t(offsetMinutes) * 60 * kSecond);
    return true;
}

std::string intervalName(std::int64_t ns)
{
    if (ns % kDay == 0)
        return std::to_string(ns / kDay) + "d";
    if (ns % (3600 * kSecond) == 0)
        return std::to_string(ns / (3600 * kSecond)) + "h";
    if (ns % (60 * kSecond) == 0)
        return std::to_string(ns / (60 * kSecond)) + "m";
    return std::to_string(ns / kSecond) + "s";
}

/// Weekdays strictly between two local dates (days since the epoch); 1970-01-01 was a Thursday.
std::int64_t weekdaysBetween(std::int64_t from, std::int64_t to)
{
    std::int64_t count = 0;
    for (std::int64_t d = from + 1; d < to; ++d)
        count += ((d + 3) % 7 + 7) % 7 < 5 ? 1 : 0;
    return count;
}

} // namespace

std::int64_t intervalNanoseconds(std::string_view interval)
{
    if (interval.size() < 2)
        return 0;
    std::int64_t count = 0;
    if (!integer(interval.substr(0, interval.size() - 1), count) || count <= 0)
        return 0;
    switch (interval.back()) {
    case 's':
        return count * kSecond;
    case 'm':
        return count * 60 * kSecond;
    case 'h':
        return count * 3600 * kSecond;
    case 'd':
        return count * kDay;
    case 'w':
        return count * 7 * kDay;
    default:
        return 0;
    }
}

Result<BarImportReport> importBars(Database &db, const std::string &path, const BarImportOptions &options)
{
    if (options.symbol.empty())
        return fail(ErrorCode::InvalidArgument, "import " + path + ": a symbol is required");
    if (!options.interval.empty() && intervalNanoseconds(options.interval) == 0)
        return fail(ErrorCode::InvalidArgument,
                    "import " + path + ": interval '" + options.interval + "' is not a number and s, m, h, d or w");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(ErrorCode::Io, "import " + path + ": cannot open the file");

    std::vector<Bar> bars;
    std::vector<std::string> bad;
    std::int64_t badCount = 0;
    const auto refuse = [&](std::int64_t line, const std::string &why) {
        ++badCount;
        if (bad.size() < kMaxNamedLines)
            bad.push_back("line " + std::to_string(line) + ": " + why);
    };
    // Column positions (Ohlcv: from the header).
    int cTime = 0, cOpen = 1, cHigh = 2, cLow = 3, cClose = 4, cVolume = 5, cQuote = 7, cTrades = 8;
    std::size_t expected = 12;
    std::string text;
    std::int64_t lineNumber = 0;
    bool headerSeen = false;
    while (std::getline(in, text)) {
        ++lineNumber;
        const std::string_view line = trim(text);
        if (line.empty())
            continue;
        const std::vector<std::string_view> f = split(line);
        if (!headerSeen) {
            headerSeen = true;
            const bool header =
                !f.empty() && !f[0].empty() && !allDigits(f[0]) && (f[0].front() < '0' || f[0].front() > '9');
            if (options.format == BarImportOptions::Format::Ohlcv) {
                if (!header)
                    return fail(ErrorCode::InvalidArgument,
                                "import " + path +
                                    ": line 1 should name the columns (date, open, high, low, close, "
                                    "volume)");
                cTime = cOpen = cHigh = cLow = cClose = cVolume = cQuote = cTrades = -1;
                for (std::size_t i = 0; i < f.size(); ++i) {
                    const std::string name = lower(f[i]);
                    const int at = static_cast<int>(i);
                    if (cTime < 0 && (name == "date" || name == "datetime" || name == "time" || name == "timestamp" ||
                                      name == "open_time"))
                        cTime = at;
                    else if (name == "open")
                        cOpen = at;
                    else if (name == "high")
                        cHigh = at;
                    else if (name == "low")
                        cLow = at;
                    else if (name == "close")
                        cClose = at;
                    else if (name == "volume")
                        cVolume = at;
                }
                for (const auto &[column, name] :
                     {std::pair{cTime, "a time (date, datetime, time, timestamp)"}, std::pair{cOpen, "open"},
                      std::pair{cHigh, "high"}, std::pair{cLow, "low"}, std::pair{cClose, "close"},
                      std::pair{cVolume, "volume"}})
                    if (column < 0)
                        return fail(ErrorCode::InvalidArgument, "import " + path + ": line 1 has no column " + name);
                expected = f.size();
                continue;
            }
            if (header)
                continue; // data.binance.vision files may carry a header line
        }
        if (f.size() != expected) {
            refuse(lineNumber, std::to_string(f.size()) + " fields, expected " + std::to_string(expected));
            continue;
        }
        Bar b;
        b.line = lineNumber;
        std::string why;
        if (options.format == BarImportOptions::Format::BinanceKline) {
            std::int64_t openTime = 0;
            if (!integer(f[0], openTime) || openTime < 0) {
                refuse(lineNumber, "open time '" + std::string(f[0]) + "' is not a whole number");
                continue;
            }
            b.time = epochToNs(openTime);
        } else if (!parseTime(f[cTime], options.utcOffsetMinutes, b.time, why)) {
            refuse(lineNumber, why);
            continue;
        }
        bool numbers = number(f[cOpen], b.open) && number(f[cHigh], b.high) && number(f[cLow], b.low) &&
                       number(f[cClose], b.close) && number(f[cVolume], b.volume);
        if (numbers && cQuote >= 0 && !number(f[cQuote], b.quoteVolume))
            numbers = false;
        if (numbers && cTrades >= 0 && !integer(f[cTrades], b.trades))
            numbers = false;
        if (!numbers) {
            refuse(lineNumber, "a price, volume or count is not a number");
            continue;
        }
        if (b.high < b.low) {
            refuse(lineNumber, "high " + std::string(f[cHigh]) + " is below low " + std::string(f[cLow]));
            continue;
        }
        if (b.open < b.low || b.open > b.high || b.close < b.low || b.close > b.high) {
            refuse(lineNumber, "open or close outside [low, high]");
            continue;
        }
        if (b.volume < 0) {
            refuse(lineNumber, "negative volume " + std::string(f[cVolume]));
            continue;
        }
        if (b.low <= 0) {
            refuse(lineNumber, "a price is not positive");
            continue;
        }
        bars.push_back(b);
    }
    if (in.bad())
        return fail(ErrorCode::Io, "import " + path + ": reading failed");

    BarImportReport report;
    // Times out of order are reported; then the rows are put in time order.
    for (std::size_t i = 1; i < bars.size(); ++i)
        if (bars[i].time < bars[i - 1].time)
            report.issues.push_back({ImportIssue::Kind::OutOfOrder, bars[i].line,
                                     formatTime(bars[i].time) + " comes after " + formatTime(bars[i - 1].time)});
    std::stable_sort(bars.begin(), bars.end(), [](const Bar &a, const Bar &b) { return a.time < b.time; });
    std::vector<Bar> unique;
    for (const Bar &b : bars) {
        if (!unique.empty() && unique.back().time == b.time) {
            const Bar &a = unique.back();
            if (a.open == b.open && a.high == b.high && a.low == b.low && a.close == b.close && a.volume == b.volume)
                report.issues.push_back({ImportIssue::Kind::Duplicate, b.line,
                                         "the same bar as line " + std::to_string(a.line) + "; kept once"});
            else
                refuse(b.line,
                       "time " + formatTime(b.time) + " again (line " + std::to_string(a.line) + ") with other values");
            continue;
        }
        unique.push_back(b);
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
        return fail(ErrorCode::InvalidArgument, "import " + path + ": no bars in the file");

    // The interval: given, or the most common spacing.
    std::int64_t interval = intervalNanoseconds(options.interval);
    if (interval == 0) {
        std::map<std::int64_t, std::int64_t> spacing;
        for (std::size_t i = 1; i < unique.size(); ++i)
            ++spacing[unique[i].time - unique[i - 1].time];
        if (spacing.empty())
            return fail(ErrorCode::InvalidArgument,
                        "import " + path + ": one bar only; give the interval (for example 1d)");
        interval = std::max_element(spacing.begin(), spacing.end(), [](const auto &a, const auto &b) {
                       return a.second < b.second;
                   })->first;
    }
    report.interval = options.interval.empty() ? intervalName(interval) : options.interval;
    const bool daily = interval == kDay;
    const std::int64_t offset = std::int64_t(options.utcOffsetMinutes) * 60 * kSecond;
    for (std::size_t i = 1; i < unique.size(); ++i) {
        const std::int64_t step = unique[i].time - unique[i - 1].time;
        std::int64_t missing = 0;
        if (daily) // trading days: only weekdays can be missing
            missing = weekdaysBetween((unique[i - 1].time + offset) / kDay, (unique[i].time + offset) / kDay);
        else if (step > interval)
            missing = step / interval - 1;
        if (missing > 0) {
            report.missingBars += missing;
            report.issues.push_back({ImportIssue::Kind::Gap, unique[i].line,
                                     std::to_string(missing) + " bar" + (missing == 1 ? "" : "s") +
                                         " missing between " + formatTime(unique[i - 1].time) + " and " +
                                         formatTime(unique[i].time)});
        }
    }
    // Outliers: a close-to-close log move beyond 10 robust standard deviations (1.4826 × the median absolute
    // deviation) and beyond 5%.
    if (unique.size() >= 20) {
        std::vector<double> moves;
        for (std::size_t i = 1; i < unique.size(); ++i)
            moves.push_back(std::log(unique[i].close / unique[i - 1].close));
        std::vector<double> sorted = moves;
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
        const double median = sorted[sorted.size() / 2];
        for (double &m : sorted)
            m = std::fabs(m - median);
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
        const double sigma = 1.4826 * sorted[sorted.size() / 2];
        for (std::size_t i = 0; i < moves.size(); ++i)
            if (std::fabs(moves[i] - median) > std::max(10 * sigma, 0.05))
                report.issues.push_back({ImportIssue::Kind::Outlier, unique[i + 1].line,
                                         "close moved " +
                                             std::to_string(std::round((std::exp(moves[i]) - 1) * 1e4) / 100) +
                                             "% from the bar before"});
    }

    const std::string source =
        options.source.empty() ? std::filesystem::path(path).filename().string() : options.source;
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return tl::unexpected(transaction.error());
    auto insert = db.prepare("INSERT INTO market_data (symbol, venue, interval, ts, open, high, low, close, volume, "
                             "quote_volume, trade_count, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (symbol, venue, interval, ts) DO NOTHING");
    auto update = db.prepare("UPDATE market_data SET open = ?5, high = ?6, low = ?7, close = ?8, volume = ?9, "
                             "quote_volume = ?10, trade_count = ?11, source = ?12 WHERE symbol = ?1 AND venue = ?2 "
                             "AND interval = ?3 AND ts = ?4 AND (open IS NOT ?5 OR high IS NOT ?6 OR low IS NOT ?7 "
                             "OR close IS NOT ?8 OR volume IS NOT ?9 OR quote_volume IS NOT ?10 OR trade_count IS "
                             "NOT ?11)");
    if (!insert)
        return tl::unexpected(insert.error());
    if (!update)
        return tl::unexpected(update.error());
    for (const Bar &b : unique) {
        for (Statement *s : {&*insert, &*update}) {
            s->reset();
            Result<void> bound = ok();
            const auto bind = [&](auto &&...values) {
                int index = 0;
                ((bound = bound ? s->bind(++index, values) : bound), ...);
            };
            bind(std::string_view(options.symbol), std::string_view(options.venue), std::string_view(report.interval),
                 b.time, b.open, b.high, b.low, b.close, b.volume);
            if (bound)
                bound = std::isnan(b.quoteVolume) ? s->bindNull(10) : s->bind(10, b.quoteVolume);
            if (bound)
                bound = b.trades < 0 ? s->bindNull(11) : s->bind(11, b.trades);
            if (bound)
                bound = s->bind(12, std::string_view(source));
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
    if (auto r = transaction->commit(); !r)
        return tl::unexpected(r.error());
    report.rows = static_cast<std::int64_t>(unique.size());
    report.firstTime = unique.front().time;
    report.lastTime = unique.back().time;
    return report;
}

} // namespace meridian::store
