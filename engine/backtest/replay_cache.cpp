// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "backtest/replay_cache.h"

#include "backtest/bar_source.h"
#include "backtest/book_store.h"
#include "core/clock.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <sstream>

namespace meridian::backtest {

namespace {

constexpr char kMagic[8] = {'M', 'R', 'D', 'R', 'P', 'L', 'Y', '1'};
constexpr std::uint64_t kFormat = 1;
constexpr std::size_t kHeaderBytes = 32;
constexpr std::size_t kRecordBytes = 32;

struct FileCloser
{
    void operator()(std::FILE *f) const noexcept { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

void encode(const DepthEvent &e, unsigned char *out)
{
    std::memcpy(out, &e.time, 8);
    std::memcpy(out + 8, &e.price, 8);
    std::memcpy(out + 16, &e.quantity, 8);
    out[24] = static_cast<unsigned char>(e.kind);
    out[25] = static_cast<unsigned char>(e.side);
    std::memset(out + 26, 0, 6);
}

/// A 64-bit checksum of the records (multiply-xor over 8-byte words): catches a cut or damaged file.
std::uint64_t checksum(const unsigned char *data, std::size_t bytes)
{
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ bytes;
    for (std::size_t at = 0; at + 8 <= bytes; at += 8) {
        std::uint64_t w;
        std::memcpy(&w, data + at, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 29;
    }
    return h;
}

std::string fileName(const ReplayRequest &r, const std::string &scale)
{
    std::ostringstream name;
    for (const char c : r.symbol + "_" + r.venue)
        name << (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' ? c : '_');
    // FNV-1a of the range and scale: the same name for the same request on every run and build.
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (const char c : std::to_string(r.fromNs) + ":" + std::to_string(r.toNs) + ":" + scale)
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
    name << '_' << store::datasetKindName(r.kind) << '_' << std::hex << h << ".replay";
    return name.str();
}

std::string scaleOf(const ReplayRequest &r)
{
    if (r.kind == store::DatasetKind::Book)
        return "";
    std::ostringstream s;
    s.precision(17);
    s << r.ticksPerPrice << '/' << r.lotsPerQuantity;
    return s.str();
}

Result<std::vector<DepthEvent>> fromDatabase(store::Database &db, const ReplayRequest &r)
{
    if (r.kind == store::DatasetKind::Book) {
        auto stored = loadBookMessages(db, r.symbol, r.venue, r.fromNs, r.toNs);
        if (!stored)
            return tl::unexpected(stored.error());
        return depthEventsFromLobster(stored->messages, stored->book, stored->dayStartNs);
    }
    auto select = db.prepare("SELECT ts, price, quantity, aggressor FROM trades WHERE symbol = ?1 AND venue = ?2 "
                             "AND ts >= ?3 AND ts < ?4 ORDER BY ts, trade_id");
    if (!select)
        return tl::unexpected(select.error());
    for (auto b : {select->bind(1, std::string_view(r.symbol)), select->bind(2, std::string_view(r.venue)),
                   select->bind(3, r.fromNs), select->bind(4, r.toNs)})
        if (!b)
            return tl::unexpected(b.error());
    std::vector<DepthEvent> events;
    for (;;) {
        auto row = select->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const std::string aggressor = select->columnText(3);
        DepthEvent e;
        e.time = select->columnInt64(0);
        e.kind = DepthEvent::Kind::Trade;
        e.side = aggressor == "buy" ? Side::Sell : aggressor == "sell" ? Side::Buy : Side::Invalid;
        e.price = std::llround(select->columnDouble(1) * r.ticksPerPrice);
        e.quantity = std::llround(select->columnDouble(2) * r.lotsPerQuantity);
        events.push_back(e);
    }
    if (events.empty())
        return fail(ErrorCode::NotFound, "no trades of " + r.symbol + (r.venue.empty() ? "" : " at " + r.venue) +
                                             " in that period; import them first (meridian-cli import --format "
                                             "tardis-trades or binance-trades)");
    return events;
}

/// Reads a cache file; an error (not fatal: the caller rebuilds) names what is wrong with it.
Result<std::vector<DepthEvent>> readFile(const std::string &path, std::int64_t events, std::uint64_t expected)
{
    File f(std::fopen(path.c_str(), "rb"));
    if (!f)
        return fail(ErrorCode::Io, "cannot open " + path);
    unsigned char header[kHeaderBytes];
    if (std::fread(header, 1, kHeaderBytes, f.get()) != kHeaderBytes || std::memcmp(header, kMagic, 8) != 0)
        return fail(ErrorCode::CorruptData, path + " is not a replay cache file");
    std::uint64_t format = 0, count = 0, sum = 0;
    std::memcpy(&format, header + 8, 8);
    std::memcpy(&count, header + 16, 8);
    std::memcpy(&sum, header + 24, 8);
    if (format != kFormat)
        return fail(ErrorCode::Unsupported, path + " has cache format " + std::to_string(format));
    if (count != static_cast<std::uint64_t>(events) || sum != expected)
        return fail(ErrorCode::CorruptData, path + " does not match its catalogue entry");
    std::vector<unsigned char> body(count * kRecordBytes);
    if (std::fread(body.data(), 1, body.size(), f.get()) != body.size() || std::fgetc(f.get()) != EOF)
        return fail(ErrorCode::CorruptData, path + " is cut short or too long");
    if (checksum(body.data(), body.size()) != expected)
        return fail(ErrorCode::CorruptData, path + " is damaged (checksum)");
    std::vector<DepthEvent> out(count);
    for (std::size_t i = 0; i < count; ++i) {
        const unsigned char *in = body.data() + i * kRecordBytes;
        DepthEvent &e = out[i];
        std::memcpy(&e.time, in, 8);
        std::memcpy(&e.price, in + 8, 8);
        std::memcpy(&e.quantity, in + 16, 8);
        if (in[24] > static_cast<unsigned char>(DepthEvent::Kind::Trade))
            return fail(ErrorCode::CorruptData, path + ": event " + std::to_string(i) + " has an unknown kind");
        if (in[25] > static_cast<unsigned char>(Side::Sell))
            return fail(ErrorCode::CorruptData, path + ": event " + std::to_string(i) + " has an unknown side");
        e.kind = static_cast<DepthEvent::Kind>(in[24]);
        e.side = static_cast<Side>(in[25]);
    }
    return out;
}

/// Writes the file beside its final name and renames it into place, so a reader never sees half of one.
Result<std::uint64_t> writeFile(const std::string &path, const std::vector<DepthEvent> &events)
{
    std::vector<unsigned char> body(events.size() * kRecordBytes);
    for (std::size_t i = 0; i < events.size(); ++i)
        encode(events[i], body.data() + i * kRecordBytes);
    const std::uint64_t sum = checksum(body.data(), body.size());
    unsigned char header[kHeaderBytes];
    const std::uint64_t count = events.size();
    std::memcpy(header, kMagic, 8);
    std::memcpy(header + 8, &kFormat, 8);
    std::memcpy(header + 16, &count, 8);
    std::memcpy(header + 24, &sum, 8);
    const std::string temporary = path + ".part";
    {
        File f(std::fopen(temporary.c_str(), "wb"));
        if (!f)
            return fail(ErrorCode::Io, "cannot create " + temporary + ": " + std::strerror(errno));
        if (std::fwrite(header, 1, kHeaderBytes, f.get()) != kHeaderBytes ||
            std::fwrite(body.data(), 1, body.size(), f.get()) != body.size() || std::fflush(f.get()) != 0) {
            const std::string why = std::strerror(errno);
            f.reset();
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return fail(ErrorCode::Io, "cannot write " + temporary + ": " + why);
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return fail(ErrorCode::Io, "cannot move the cache file into place at " + path);
    }
    return sum;
}

} // namespace

Result<std::vector<ReplaySet>> listReplaySets(store::Database &db)
{
    std::vector<ReplaySet> sets;
    for (const store::DatasetKind kind : {store::DatasetKind::Book, store::DatasetKind::Trades}) {
        auto s =
            db.prepare(kind == store::DatasetKind::Book
                           ? "SELECT symbol, venue, count(*), min(ts), max(ts) FROM book_messages GROUP BY symbol, "
                             "venue ORDER BY symbol, venue"
                           : "SELECT symbol, venue, count(*), min(ts), max(ts) FROM trades GROUP BY symbol, venue "
                             "ORDER BY symbol, venue");
        if (!s)
            return tl::unexpected(s.error());
        auto rows = s->forEachRow([&] {
            sets.push_back(
                {s->columnText(0), s->columnText(1), kind, s->columnInt64(2), s->columnInt64(3), s->columnInt64(4)});
        });
        if (!rows)
            return tl::unexpected(rows.error());
    }
    return sets;
}

Result<ReplaySource> replaySource(store::Database &db, const std::string &symbol, const std::string &venue,
                                  store::DatasetKind kind, std::int64_t fromNs, std::int64_t toNs, InstrumentId id)
{
    InstrumentSpec spec = resolveInstrument(db, symbol).spec;
    spec.id = id;
    if (kind == store::DatasetKind::Book) {
        spec.tickSize = Decimal(1, 4); // LOBSTER: prices in ten-thousandths of a dollar, sizes in shares
        spec.lotSize = Decimal(1, 0);
    }
    auto instrument = Instrument::create(spec);
    if (!instrument)
        return tl::unexpected(instrument.error());
    const auto units = [](Decimal d) { return std::pow(10.0, d.scale()) / static_cast<double>(d.mantissa()); };
    ReplayRequest request;
    request.symbol = symbol;
    request.venue = venue;
    request.kind = kind;
    request.fromNs = fromNs;
    request.toNs = toNs;
    request.ticksPerPrice = units(spec.tickSize);
    request.lotsPerQuantity = units(spec.lotSize);
    return ReplaySource{*instrument, request};
}

std::string replayCacheFolder(const std::string &databasePath)
{
    return (std::filesystem::path(databasePath).parent_path() / "replay-cache").string();
}

Result<ReplayData> loadReplay(store::Database &db, const std::string &cacheFolder, const ReplayRequest &request)
{
    if (request.kind == store::DatasetKind::Trades &&
        (!(request.ticksPerPrice > 0) || !(request.lotsPerQuantity > 0) || !std::isfinite(request.ticksPerPrice) ||
         !std::isfinite(request.lotsPerQuantity)))
        return fail(ErrorCode::InvalidArgument, "replay of " + request.symbol +
                                                    ": the price and quantity scales "
                                                    "must be positive");
    if (request.fromNs >= request.toNs)
        return fail(ErrorCode::InvalidArgument, "replay of " + request.symbol + ": the period is empty");
    ReplayData data;
    if (cacheFolder.empty()) {
        auto events = fromDatabase(db, request);
        if (!events)
            return tl::unexpected(events.error());
        data.events = std::move(*events);
        return data;
    }
    auto version = store::datasetVersion(db, request.symbol, request.venue, request.kind);
    if (!version)
        return tl::unexpected(version.error());
    const std::string scale = scaleOf(request);
    const std::string kind(store::datasetKindName(request.kind));
    const auto bindKey = [&](store::Statement &s) -> Result<void> {
        for (auto b : {s.bind(1, std::string_view(request.symbol)), s.bind(2, std::string_view(request.venue)),
                       s.bind(3, std::string_view(kind)), s.bind(4, request.fromNs), s.bind(5, request.toNs),
                       s.bind(6, std::string_view(scale))})
            if (!b)
                return b;
        return ok();
    };
    auto lookup = db.prepare("SELECT version, file, events, checksum FROM replay_cache WHERE symbol = ?1 AND "
                             "venue = ?2 AND kind = ?3 AND from_ts = ?4 AND to_ts = ?5 AND scale = ?6");
    if (!lookup)
        return tl::unexpected(lookup.error());
    if (auto b = bindKey(*lookup); !b)
        return tl::unexpected(b.error());
    auto found = lookup->step();
    if (!found)
        return tl::unexpected(found.error());
    const std::string path = (std::filesystem::path(cacheFolder) / fileName(request, scale)).string();
    if (*found) {
        if (lookup->columnInt64(0) != *version) {
            data.cacheProblem = "the data set was imported again since the cache was built";
        } else {
            const std::string file = (std::filesystem::path(cacheFolder) / lookup->columnText(1)).string();
            auto events = readFile(file, lookup->columnInt64(2), static_cast<std::uint64_t>(lookup->columnInt64(3)));
            if (events) {
                data.events = std::move(*events);
                data.fromCache = true;
                data.file = file;
                return data;
            }
            data.cacheProblem = events.error().message;
        }
    }
    lookup->reset();
    auto events = fromDatabase(db, request);
    if (!events)
        return tl::unexpected(events.error());
    data.events = std::move(*events);
    std::error_code ec;
    std::filesystem::create_directories(cacheFolder, ec);
    if (ec) {
        data.cacheProblem = "cannot create the cache folder " + cacheFolder + ": " + ec.message();
        return data;
    }
    auto sum = writeFile(path, data.events);
    if (!sum) {
        data.cacheProblem = sum.error().message;
        return data;
    }
    auto record = db.prepare("INSERT INTO replay_cache (symbol, venue, kind, from_ts, to_ts, scale, version, file, "
                             "events, checksum, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                             "ON CONFLICT (symbol, venue, kind, from_ts, to_ts, scale) DO UPDATE SET "
                             "version = excluded.version, file = excluded.file, events = excluded.events, "
                             "checksum = excluded.checksum, created_at = excluded.created_at");
    if (!record)
        return tl::unexpected(record.error());
    const std::int64_t now = WallClock().now().nanoseconds();
    if (auto b = bindKey(*record); !b)
        return tl::unexpected(b.error());
    for (auto b : {record->bind(7, *version), record->bind(8, std::filesystem::path(path).filename().string()),
                   record->bind(9, static_cast<std::int64_t>(data.events.size())),
                   record->bind(10, static_cast<std::int64_t>(*sum)), record->bind(11, now)})
        if (!b)
            return tl::unexpected(b.error());
    if (auto r = record->run(); !r) {
        data.cacheProblem = "cannot record the cache file: " + r.error().message;
        return data;
    }
    data.file = path;
    return data;
}

} // namespace meridian::backtest
