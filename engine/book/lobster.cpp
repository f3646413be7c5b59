// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "book/lobster.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <string_view>

namespace meridian::book {

namespace {

// LOBSTER marks an empty level with these dummy prices.
constexpr std::int64_t kEmptyAsk = 9999999999;
constexpr std::int64_t kEmptyBid = -9999999999;

Result<std::string> readWhole(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(ErrorCode::Io, "Cannot open " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Splits text into lines, dropping '\r' and a final empty line.
std::vector<std::string_view> lines(const std::string &text)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string_view line(text.data() + start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        out.push_back(line);
        start = end + 1;
    }
    while (!out.empty() && out.back().empty())
        out.pop_back();
    return out;
}

bool parseInt(std::string_view field, std::int64_t &value)
{
    const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    return ec == std::errc() && ptr == field.data() + field.size();
}

// Parses "34200.004241176" (seconds, up to 9 decimals) into nanoseconds.
bool parseSeconds(std::string_view field, std::int64_t &ns)
{
    const std::size_t dot = field.find('.');
    std::int64_t seconds = 0;
    if (!parseInt(field.substr(0, dot), seconds) || seconds < 0)
        return false;
    std::int64_t fraction = 0;
    if (dot != std::string_view::npos) {
        const std::string_view digits = field.substr(dot + 1);
        if (digits.empty() || digits.size() > 9)
            return false;
        for (const char c : digits) {
            if (c < '0' || c > '9')
                return false;
            fraction = fraction * 10 + (c - '0');
        }
        for (std::size_t i = digits.size(); i < 9; ++i)
            fraction *= 10;
    }
    ns = seconds * 1'000'000'000 + fraction;
    return true;
}

std::vector<std::string_view> split(std::string_view line)
{
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = line.find(',', start);
        fields.push_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (comma == std::string_view::npos)
            return fields;
        start = comma + 1;
    }
}

bool isHeader(std::string_view line)
{
    return !line.empty() && ((line[0] >= 'A' && line[0] <= 'Z') || (line[0] >= 'a' && line[0] <= 'z'));
}

Error rowError(const std::string &path, std::size_t lineNumber, const std::string &what)
{
    return Error{ErrorCode::InvalidArgument, path + ":" + std::to_string(lineNumber) + ": " + what};
}

} // namespace

Result<std::vector<LobsterMessage>> readLobsterMessages(const std::string &path)
{
    auto text = readWhole(path);
    if (!text)
        return tl::unexpected(text.error());
    std::vector<LobsterMessage> messages;
    const auto all = lines(*text);
    messages.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i == 0 && isHeader(all[i]))
            continue;
        const auto fields = split(all[i]);
        if (fields.size() != 6)
            return tl::unexpected(rowError(path, i + 1, "expected 6 fields, found " + std::to_string(fields.size())));
        LobsterMessage m;
        std::int64_t type = 0, id = 0, direction = 0;
        if (!parseSeconds(fields[0], m.timeNs))
            return tl::unexpected(rowError(path, i + 1, "bad time \"" + std::string(fields[0]) + "\""));
        if (!parseInt(fields[1], type) || type < 1 || type > 7)
            return tl::unexpected(rowError(path, i + 1, "bad event type \"" + std::string(fields[1]) + "\""));
        if (!parseInt(fields[2], id) || id < 0)
            return tl::unexpected(rowError(path, i + 1, "bad order id \"" + std::string(fields[2]) + "\""));
        if (!parseInt(fields[3], m.size) || m.size < 0)
            return tl::unexpected(rowError(path, i + 1, "bad size \"" + std::string(fields[3]) + "\""));
        if (!parseInt(fields[4], m.price))
            return tl::unexpected(rowError(path, i + 1, "bad price \"" + std::string(fields[4]) + "\""));
        if (!parseInt(fields[5], direction) || (direction != 1 && direction != -1))
            return tl::unexpected(rowError(path, i + 1, "bad direction \"" + std::string(fields[5]) + "\""));
        m.type = static_cast<int>(type);
        m.orderId = static_cast<OrderId>(id);
        m.direction = static_cast<int>(direction);
        messages.push_back(m);
    }
    return messages;
}

Result<LobsterBook> readLobsterBook(const std::string &path)
{
    auto text = readWhole(path);
    if (!text)
        return tl::unexpected(text.error());
    LobsterBook book;
    const auto all = lines(*text);
    book.m_rows.reserve(all.size());
    std::vector<std::int64_t> values;
    std::size_t columns = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i == 0 && isHeader(all[i]))
            continue;
        const auto fields = split(all[i]);
        if (columns == 0) {
            columns = fields.size();
            if (columns % 4 != 0)
                return tl::unexpected(
                    rowError(path, i + 1, "column count " + std::to_string(columns) + " is not a multiple of 4"));
        }
        if (fields.size() != columns)
            return tl::unexpected(
                rowError(path, i + 1,
                         "expected " + std::to_string(columns) + " fields, found " + std::to_string(fields.size())));
        values.resize(columns);
        for (std::size_t k = 0; k < columns; ++k)
            if (!parseInt(fields[k], values[k]))
                return tl::unexpected(rowError(path, i + 1, "bad number \"" + std::string(fields[k]) + "\""));
        if (auto r = book.appendRow(values); !r)
            return tl::unexpected(rowError(path, i + 1, r.error().message));
    }
    return book;
}

Result<void> LobsterBook::appendRow(std::span<const std::int64_t> columns)
{
    if (columns.empty() || columns.size() % 4 != 0)
        return fail(ErrorCode::InvalidArgument,
                    "column count " + std::to_string(columns.size()) + " is not a positive multiple of 4");
    if (m_levels != 0 && columns.size() != static_cast<std::size_t>(m_levels) * 4)
        return fail(ErrorCode::InvalidArgument,
                    "expected " + std::to_string(m_levels * 4) + " columns, found " + std::to_string(columns.size()));
    m_levels = static_cast<int>(columns.size() / 4);
    const std::uint64_t offset = m_data.size();
    for (std::size_t k = 0; k < columns.size(); k += 4)
        if (columns[k + 1] > 0 && columns[k] != kEmptyAsk)
            m_data.push_back(LevelView{Price(columns[k]), Quantity(columns[k + 1]), 0});
    const auto asks = static_cast<std::uint32_t>(m_data.size() - offset);
    for (std::size_t k = 0; k < columns.size(); k += 4)
        if (columns[k + 3] > 0 && columns[k + 2] != kEmptyBid)
            m_data.push_back(LevelView{Price(columns[k + 2]), Quantity(columns[k + 3]), 0});
    m_rows.push_back(Row{offset, asks, static_cast<std::uint32_t>(m_data.size() - offset - asks)});
    return ok();
}

std::vector<std::int64_t> LobsterBook::columns(std::size_t row) const
{
    std::vector<std::int64_t> out(static_cast<std::size_t>(m_levels) * 4);
    const LobsterBookRow r = (*this)[row];
    for (std::size_t level = 0; level < static_cast<std::size_t>(m_levels); ++level) {
        const bool ask = level < r.asks.size(), bid = level < r.bids.size();
        out[level * 4] = ask ? r.asks[level].price.value() : kEmptyAsk;
        out[level * 4 + 1] = ask ? r.asks[level].quantity.value() : 0;
        out[level * 4 + 2] = bid ? r.bids[level].price.value() : kEmptyBid;
        out[level * 4 + 3] = bid ? r.bids[level].quantity.value() : 0;
    }
    return out;
}

namespace detail {

void LobsterView::seed(const LobsterBookRow &row)
{
    m_bid = boundOf(row.bids);
    m_ask = boundOf(row.asks);
}

LobsterView::Bound LobsterView::boundOf(std::span<const LevelView> levels) const
{
    if (static_cast<int>(levels.size()) < m_levels || levels.empty())
        return Bound{true, 0};
    return Bound{false, levels.back().price.value()};
}

bool LobsterView::known(const Bound &bound, Side side, std::int64_t price)
{
    if (bound.all)
        return true;
    return side == Side::Buy ? price >= bound.price : price <= bound.price;
}

bool LobsterView::shows(std::span<const LevelView> levels, Price price)
{
    for (const LevelView &level : levels)
        if (level.price == price)
            return true;
    return false;
}

LobsterAction countLobsterMessage(const LobsterMessage &message, LobsterStats &stats, bool &halted)
{
    ++stats.messages;
    const LobsterAction reduce = message.size > 0 ? LobsterAction::Reduce : LobsterAction::None;
    switch (message.type) {
    case 1:
        ++stats.adds;
        halted = false;
        return LobsterAction::Add;
    case 2:
    case 3:
        ++stats.cancels;
        return reduce;
    case 4:
        ++stats.executions;
        halted = false;
        return reduce;
    case 5:
        ++stats.hiddenExecutions;
        return LobsterAction::None;
    case 6:
        ++stats.crossTrades;
        return LobsterAction::None;
    case 7:
        ++stats.halts;
        halted = true;
        return LobsterAction::None;
    default:
        return LobsterAction::Invalid;
    }
}

} // namespace detail

namespace {

Error messageError(const LobsterMessage &message, const std::string &what)
{
    return Error{ErrorCode::CorruptData, "LOBSTER message at " + std::to_string(message.timeNs) + " ns (type " +
                                             std::to_string(message.type) + ", order " +
                                             std::to_string(message.orderId) + "): " + what};
}

Side sideOf(const LobsterMessage &message)
{
    return message.direction == 1 ? Side::Buy : Side::Sell;
}

} // namespace

LobsterReplay::LobsterReplay(int levels) : m_view(levels) {}

void LobsterReplay::setLevel(Side side, Price price, Quantity quantity)
{
    m_book.removeLevel(side, price);
    auto &synthetic = side == Side::Buy ? m_syntheticBid : m_syntheticAsk;
    synthetic.erase(price.value());
    if (quantity.value() > 0) {
        const OrderId id = m_nextSynthetic++;
        (void)m_book.addFront(id, side, price, quantity);
        synthetic[price.value()] = id;
    }
    ++m_stats.resyncedLevels;
}

Result<void> LobsterReplay::start(const LobsterMessage &first, const LobsterBookRow &rowAfter)
{
    for (const LevelView &level : rowAfter.bids)
        setLevel(Side::Buy, level.price, level.quantity);
    for (const LevelView &level : rowAfter.asks)
        setLevel(Side::Sell, level.price, level.quantity);
    m_stats.resyncedLevels = 0; // the seed is not a resync
    m_view.seed(rowAfter);
    m_halted = false;
    (void)detail::countLobsterMessage(first, m_stats, m_halted); // the row already shows its effect
    return ok();
}

Result<void> LobsterReplay::reduceUnknown(const LobsterMessage &message, Side side)
{
    auto &synthetic = side == Side::Buy ? m_syntheticBid : m_syntheticAsk;
    const auto it = synthetic.find(message.price);
    if (it == synthetic.end())
        return tl::unexpected(messageError(message, "the order is unknown and no earlier liquidity rests at price " +
                                                        std::to_string(message.price)));
    ++m_stats.unknownIdReductions;
    const OrderId id = it->second;
    auto left = m_book.quantityOf(id);
    if (!left || left->value() < message.size)
        return tl::unexpected(messageError(
            message, "takes " + std::to_string(message.size) + " but only " + std::to_string(left ? left->value() : 0) +
                         " of earlier liquidity rests at price " + std::to_string(message.price)));
    if (left->value() == message.size)
        synthetic.erase(it);
    return m_book.reduce(id, Quantity(message.size));
}

Result<void> LobsterReplay::apply(const LobsterMessage &message, const LobsterBookRow &rowAfter)
{
    const Side side = sideOf(message);
    switch (detail::countLobsterMessage(message, m_stats, m_halted)) {
    case detail::LobsterAction::Add:
        if (auto r = m_book.add(message.orderId, side, Price(message.price), Quantity(message.size)); !r)
            return tl::unexpected(messageError(message, r.error().message));
        break;
    case detail::LobsterAction::Reduce:
        if (m_book.contains(message.orderId)) {
            if (auto r = m_book.reduce(message.orderId, Quantity(message.size)); !r)
                return tl::unexpected(messageError(message, r.error().message));
        } else if (auto r = reduceUnknown(message, side); !r) {
            return r;
        }
        break;
    case detail::LobsterAction::None:
        break;
    case detail::LobsterAction::Invalid:
        return tl::unexpected(messageError(message, "unknown message type"));
    }
    const auto set = [this](Side s) { return [this, s](Price p, Quantity q) { setLevel(s, p, q); }; };
    m_view.resync(m_book, Side::Buy, rowAfter.bids, set(Side::Buy));
    m_view.resync(m_book, Side::Sell, rowAfter.asks, set(Side::Sell));
    return ok();
}

Result<void> LobsterL2Replay::start(const LobsterMessage &first, const LobsterBookRow &rowAfter)
{
    m_book.clear();
    for (const LevelView &level : rowAfter.bids)
        (void)m_book.set(Side::Buy, level.price, level.quantity);
    for (const LevelView &level : rowAfter.asks)
        (void)m_book.set(Side::Sell, level.price, level.quantity);
    m_stats = LobsterStats{};
    m_view.seed(rowAfter);
    m_halted = false;
    (void)detail::countLobsterMessage(first, m_stats, m_halted); // the row already shows its effect
    return ok();
}

Result<void> LobsterL2Replay::apply(const LobsterMessage &message, const LobsterBookRow &rowAfter)
{
    const Side side = sideOf(message);
    switch (detail::countLobsterMessage(message, m_stats, m_halted)) {
    case detail::LobsterAction::Add:
        if (auto r = m_book.add(side, Price(message.price), Quantity(message.size)); !r)
            return tl::unexpected(messageError(message, r.error().message));
        break;
    case detail::LobsterAction::Reduce:
        if (auto r = m_book.reduce(side, Price(message.price), Quantity(message.size)); !r)
            return tl::unexpected(messageError(message, r.error().message));
        break;
    case detail::LobsterAction::None:
        break;
    case detail::LobsterAction::Invalid:
        return tl::unexpected(messageError(message, "unknown message type"));
    }
    const auto set = [this](Side s) {
        return [this, s](Price p, Quantity q) {
            (void)m_book.set(s, p, q);
            ++m_stats.resyncedLevels;
        };
    };
    m_view.resync(m_book, Side::Buy, rowAfter.bids, set(Side::Buy));
    m_view.resync(m_book, Side::Sell, rowAfter.asks, set(Side::Sell));
    return ok();
}

} // namespace meridian::book
