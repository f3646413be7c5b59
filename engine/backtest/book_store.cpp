// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "backtest/book_store.h"

#include "core/timestamp.h"
#include "store/datasets.h"

#include <cstring>
#include <filesystem>
#include <regex>

namespace meridian::backtest {

namespace {

constexpr std::int64_t kDayNs = 86'400'000'000'000;

/// Days since the epoch of a YYYY-MM-DD date; nullopt when it is not one.
std::optional<std::int64_t> parseDate(const std::string &text)
{
    static const std::regex pattern(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    if (!std::regex_match(text, m, pattern))
        return std::nullopt;
    const int year = std::stoi(m[1]), month = std::stoi(m[2]), day = std::stoi(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return std::nullopt;
    return meridian::detail::daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::string dateInName(const std::string &path)
{
    static const std::regex pattern(R"(\d{4}-\d{2}-\d{2})");
    const std::string name = std::filesystem::path(path).filename().string();
    std::smatch m;
    return std::regex_search(name, m, pattern) ? m.str() : std::string();
}

std::vector<std::byte> toBytes(const std::vector<std::int64_t> &columns)
{
    std::vector<std::byte> bytes(columns.size() * sizeof(std::int64_t));
    std::memcpy(bytes.data(), columns.data(), bytes.size());
    return bytes;
}

} // namespace

Result<store::BarImportReport> importLobster(store::Database &db, const std::string &messagePath,
                                             const std::string &orderbookPath, const LobsterImportOptions &options)
{
    const std::string what = "import " + messagePath;
    if (options.symbol.empty())
        return fail(ErrorCode::InvalidArgument, what + ": a symbol is required");
    const std::string date = options.date.empty() ? dateInName(messagePath) : options.date;
    const std::optional<std::int64_t> day = parseDate(date);
    if (!day)
        return fail(ErrorCode::InvalidArgument,
                    what + (date.empty() ? std::string(": no YYYY-MM-DD date in the file name; give the trading day")
                                         : ": \"" + date + "\" is not a YYYY-MM-DD date"));
    if (!options.utcOffsetMinutes || *options.utcOffsetMinutes < -18 * 60 || *options.utcOffsetMinutes > 18 * 60)
        return fail(ErrorCode::InvalidArgument, what + ": the exchange's UTC offset is required (between -18:00 and "
                                                       "+18:00)");
    auto messages = book::readLobsterMessages(messagePath);
    if (!messages)
        return tl::unexpected(messages.error());
    auto rows = book::readLobsterBook(orderbookPath);
    if (!rows)
        return tl::unexpected(rows.error());
    if (messages->empty())
        return fail(ErrorCode::InvalidArgument, what + ": no messages in the file");
    if (messages->size() != rows->size())
        return fail(ErrorCode::InvalidArgument, what + " has " + std::to_string(messages->size()) + " messages but " +
                                                    orderbookPath + " has " + std::to_string(rows->size()) +
                                                    " book rows; LOBSTER pairs them line by line");
    const std::int64_t start = *day * kDayNs - static_cast<std::int64_t>(*options.utcOffsetMinutes) * 60'000'000'000;

    store::BarImportReport report;
    for (std::size_t i = 0; i < messages->size(); ++i) {
        const auto line = static_cast<std::int64_t>(i + 1);
        if (i > 0 && (*messages)[i].timeNs < (*messages)[i - 1].timeNs)
            report.issues.push_back({store::ImportIssue::Kind::OutOfOrder, line, "the time goes backwards"});
        const book::LobsterBookRow row = (*rows)[i];
        if (!row.asks.empty() && !row.bids.empty() && row.bids.front().price >= row.asks.front().price)
            report.issues.push_back({store::ImportIssue::Kind::Outlier, line,
                                     "crossed book in " + orderbookPath + ": best bid " +
                                         std::to_string(row.bids.front().price.value()) + " ≥ best ask " +
                                         std::to_string(row.asks.front().price.value())});
    }
    const std::string source =
        options.source.empty() ? std::filesystem::path(messagePath).filename().string() : options.source;
    auto transaction = store::Transaction::begin(db);
    if (!transaction)
        return tl::unexpected(transaction.error());
    auto insert = db.prepare("INSERT INTO book_messages (symbol, venue, ts, seq, type, order_id, size, price, "
                             "direction, book, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                             "ON CONFLICT (symbol, venue, ts, seq) DO NOTHING");
    auto update = db.prepare("UPDATE book_messages SET type = ?5, order_id = ?6, size = ?7, price = ?8, "
                             "direction = ?9, book = ?10, source = ?11 WHERE symbol = ?1 AND venue = ?2 AND ts = ?3 "
                             "AND seq = ?4 AND (type IS NOT ?5 OR order_id IS NOT ?6 OR size IS NOT ?7 OR price IS "
                             "NOT ?8 OR direction IS NOT ?9 OR book IS NOT ?10)");
    if (!insert)
        return tl::unexpected(insert.error());
    if (!update)
        return tl::unexpected(update.error());
    for (std::size_t i = 0; i < messages->size(); ++i) {
        const book::LobsterMessage &m = (*messages)[i];
        const std::vector<std::byte> bookBytes = toBytes(rows->columns(i));
        const std::int64_t ts = start + m.timeNs;
        for (store::Statement *s : {&*insert, &*update}) {
            s->reset();
            Result<void> bound = ok();
            for (auto r : {s->bind(1, std::string_view(options.symbol)), s->bind(2, std::string_view(options.venue)),
                           s->bind(3, ts), s->bind(4, static_cast<std::int64_t>(i + 1)), s->bind(5, m.type),
                           s->bind(6, static_cast<std::int64_t>(m.orderId)), s->bind(7, m.size), s->bind(8, m.price),
                           s->bind(9, m.direction), s->bindBlob(10, bookBytes), s->bind(11, std::string_view(source))})
                if (!r && bound)
                    bound = r;
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
        if (auto r = store::bumpDatasetVersion(db, options.symbol, options.venue, store::DatasetKind::Book); !r)
            return tl::unexpected(r.error());
    if (auto r = transaction->commit(); !r)
        return tl::unexpected(r.error());
    report.rows = static_cast<std::int64_t>(messages->size());
    report.firstTime = start + messages->front().timeNs;
    report.lastTime = start + messages->back().timeNs;
    return report;
}

Result<StoredBookMessages> loadBookMessages(store::Database &db, const std::string &symbol, const std::string &venue,
                                            std::int64_t fromNs, std::int64_t toNs)
{
    auto select = db.prepare("SELECT ts, type, order_id, size, price, direction, book, seq FROM book_messages "
                             "WHERE symbol = ?1 AND venue = ?2 AND ts >= ?3 AND ts < ?4 ORDER BY ts, seq");
    if (!select)
        return tl::unexpected(select.error());
    for (auto r : {select->bind(1, std::string_view(symbol)), select->bind(2, std::string_view(venue)),
                   select->bind(3, fromNs), select->bind(4, toNs)})
        if (!r)
            return tl::unexpected(r.error());
    StoredBookMessages out;
    std::vector<std::int64_t> columns;
    for (;;) {
        auto row = select->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const std::int64_t ts = select->columnInt64(0);
        if (out.messages.empty())
            out.dayStartNs = ts >= 0 ? ts / kDayNs * kDayNs : (ts - kDayNs + 1) / kDayNs * kDayNs;
        book::LobsterMessage m;
        m.timeNs = ts - out.dayStartNs;
        m.type = static_cast<int>(select->columnInt64(1));
        m.orderId = static_cast<book::OrderId>(select->columnInt64(2));
        m.size = select->columnInt64(3);
        m.price = select->columnInt64(4);
        m.direction = static_cast<int>(select->columnInt64(5));
        const std::span<const std::byte> blob = select->columnBlob(6);
        columns.resize(blob.size() / sizeof(std::int64_t));
        std::memcpy(columns.data(), blob.data(), columns.size() * sizeof(std::int64_t));
        if (auto r = out.book.appendRow(columns); !r)
            return fail(ErrorCode::CorruptData, "book_messages: " + symbol + " at " +
                                                    Timestamp::fromNanoseconds(ts).toIso8601(9) + " (seq " +
                                                    std::to_string(select->columnInt64(7)) + "): " + r.error().message);
        out.messages.push_back(m);
    }
    if (out.messages.empty())
        return fail(ErrorCode::NotFound,
                    "no order-book messages of " + symbol + (venue.empty() ? std::string() : " at " + venue) +
                        " in that period; import them first (meridian-cli import --format lobster)");
    return out;
}

} // namespace meridian::backtest
