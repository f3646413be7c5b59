// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "book/order_book.h"

#include <algorithm>
#include <string>

namespace meridian::book {

OrderBook::OrderBook(std::size_t expectedOrders)
{
    m_nodes.reserve(expectedOrders);
    m_free.reserve(expectedOrders);
    m_index.reserve(expectedOrders);
    m_bids.reserve(1024);
    m_asks.reserve(1024);
}

std::size_t OrderBook::lowerBound(const Ladder &ladder, Side side, std::int64_t price)
{
    if (side == Side::Buy)
        return static_cast<std::size_t>(
            std::lower_bound(ladder.begin(), ladder.end(), price,
                             [](const Level &level, std::int64_t p) { return level.price < p; }) -
            ladder.begin());
    return static_cast<std::size_t>(
        std::lower_bound(ladder.begin(), ladder.end(), price,
                         [](const Level &level, std::int64_t p) { return level.price > p; }) -
        ladder.begin());
}

OrderBook::Level *OrderBook::findLevel(Side side, std::int64_t price)
{
    Ladder &levels = ladder(side);
    // Most activity is at the top of the book: look at the best few levels before searching.
    for (std::size_t i = levels.size(), n = 0; i > 0 && n < 4; --i, ++n) {
        if (levels[i - 1].price == price)
            return &levels[i - 1];
    }
    const std::size_t at = lowerBound(levels, side, price);
    return at < levels.size() && levels[at].price == price ? &levels[at] : nullptr;
}

const OrderBook::Level *OrderBook::findLevel(Side side, std::int64_t price) const
{
    return const_cast<OrderBook *>(this)->findLevel(side, price);
}

std::uint32_t OrderBook::allocate()
{
    if (!m_free.empty()) {
        const std::uint32_t index = m_free.back();
        m_free.pop_back();
        return index;
    }
    m_nodes.emplace_back();
    return static_cast<std::uint32_t>(m_nodes.size() - 1);
}

Result<void> OrderBook::add(OrderId id, Side side, Price price, Quantity quantity)
{
    return insert(id, side, price, quantity, false);
}

Result<void> OrderBook::addFront(OrderId id, Side side, Price price, Quantity quantity)
{
    return insert(id, side, price, quantity, true);
}

Result<void> OrderBook::insert(OrderId id, Side side, Price price, Quantity quantity, bool atFront)
{
    if (side != Side::Buy && side != Side::Sell)
        return fail(ErrorCode::InvalidArgument, "Order " + std::to_string(id) + " has no side");
    if (quantity.value() <= 0)
        return fail(ErrorCode::InvalidArgument,
                    "Order " + std::to_string(id) + " has a non-positive quantity " + std::to_string(quantity.value()));
    const auto [it, inserted] = m_index.try_emplace(id, kNone);
    if (!inserted)
        return fail(ErrorCode::AlreadyExists, "Order " + std::to_string(id) + " is already in the book");
    Level *level = findLevel(side, price.value());
    if (!level) {
        Ladder &levels = ladder(side);
        const std::size_t at = lowerBound(levels, side, price.value());
        level =
            &*levels.insert(levels.begin() + static_cast<std::ptrdiff_t>(at), Level{price.value(), 0, 0, kNone, kNone});
    }
    const std::uint32_t index = allocate();
    Node &node = m_nodes[index];
    node = Node{id, quantity.value(), price.value(), kNone, kNone, side};
    if (atFront) {
        node.next = level->head;
        if (level->head != kNone)
            m_nodes[level->head].prev = index;
        level->head = index;
        if (level->tail == kNone)
            level->tail = index;
    } else {
        node.prev = level->tail;
        if (level->tail != kNone)
            m_nodes[level->tail].next = index;
        level->tail = index;
        if (level->head == kNone)
            level->head = index;
    }
    level->quantity += quantity.value();
    ++level->count;
    it->second = index;
    return {};
}

void OrderBook::unlink(std::uint32_t index, Level &level)
{
    Node &node = m_nodes[index];
    if (node.prev != kNone)
        m_nodes[node.prev].next = node.next;
    else
        level.head = node.next;
    if (node.next != kNone)
        m_nodes[node.next].prev = node.prev;
    else
        level.tail = node.prev;
    level.quantity -= node.quantity;
    --level.count;
    m_free.push_back(index);
}

void OrderBook::eraseLevelIfEmpty(Side side, std::int64_t price)
{
    Ladder &levels = ladder(side);
    if (!levels.empty() && levels.back().price == price) {
        if (levels.back().count == 0)
            levels.pop_back();
        return;
    }
    const std::size_t at = lowerBound(levels, side, price);
    if (at < levels.size() && levels[at].price == price && levels[at].count == 0)
        levels.erase(levels.begin() + static_cast<std::ptrdiff_t>(at));
}

Result<void> OrderBook::cancel(OrderId id)
{
    const auto it = m_index.find(id);
    if (it == m_index.end())
        return fail(ErrorCode::NotFound, "Order " + std::to_string(id) + " is not in the book");
    const std::uint32_t index = it->second;
    const Node node = m_nodes[index];
    Level *level = findLevel(node.side, node.price);
    unlink(index, *level);
    m_index.erase(it);
    eraseLevelIfEmpty(node.side, node.price);
    return {};
}

Result<void> OrderBook::reduce(OrderId id, Quantity quantity)
{
    const auto it = m_index.find(id);
    if (it == m_index.end())
        return fail(ErrorCode::NotFound, "Order " + std::to_string(id) + " is not in the book");
    Node &node = m_nodes[it->second];
    if (quantity.value() <= 0 || quantity.value() > node.quantity)
        return fail(ErrorCode::InvalidArgument, "Cannot reduce order " + std::to_string(id) + " by " +
                                                    std::to_string(quantity.value()) + ": " +
                                                    std::to_string(node.quantity) + " left");
    if (quantity.value() == node.quantity)
        return cancel(id);
    node.quantity -= quantity.value();
    findLevel(node.side, node.price)->quantity -= quantity.value();
    return {};
}

std::size_t OrderBook::removeLevel(Side side, Price price)
{
    Level *level = findLevel(side, price.value());
    if (!level)
        return 0;
    std::size_t removed = 0;
    for (std::uint32_t index = level->head; index != kNone;) {
        const std::uint32_t next = m_nodes[index].next;
        m_index.erase(m_nodes[index].id);
        m_free.push_back(index);
        index = next;
        ++removed;
    }
    level->count = 0;
    level->head = level->tail = kNone;
    level->quantity = 0;
    eraseLevelIfEmpty(side, price.value());
    return removed;
}

std::optional<Quantity> OrderBook::quantityOf(OrderId id) const
{
    const auto it = m_index.find(id);
    if (it == m_index.end())
        return std::nullopt;
    return Quantity(m_nodes[it->second].quantity);
}

std::optional<Price> OrderBook::bestBid() const
{
    return m_bids.empty() ? std::nullopt : std::optional<Price>(Price(m_bids.back().price));
}

std::optional<Price> OrderBook::bestAsk() const
{
    return m_asks.empty() ? std::nullopt : std::optional<Price>(Price(m_asks.back().price));
}

void OrderBook::depth(Side side, std::size_t levels, std::vector<LevelView> &out) const
{
    const Ladder &ladderOfSide = ladder(side);
    for (std::size_t i = ladderOfSide.size(), n = 0; i > 0 && n < levels; --i, ++n) {
        const Level &level = ladderOfSide[i - 1];
        out.push_back(LevelView{Price(level.price), Quantity(level.quantity), level.count});
    }
}

std::vector<LevelView> OrderBook::depth(Side side, std::size_t levels) const
{
    std::vector<LevelView> out;
    out.reserve(std::min(levels, levelCount(side)));
    depth(side, levels, out);
    return out;
}

Quantity OrderBook::volumeAt(Side side, Price price) const
{
    const Level *level = findLevel(side, price.value());
    return Quantity(level ? level->quantity : 0);
}

std::optional<Quantity> OrderBook::queueAhead(OrderId id) const
{
    const auto it = m_index.find(id);
    if (it == m_index.end())
        return std::nullopt;
    std::int64_t ahead = 0;
    for (std::uint32_t index = m_nodes[it->second].prev; index != kNone; index = m_nodes[index].prev)
        ahead += m_nodes[index].quantity;
    return Quantity(ahead);
}

std::optional<double> OrderBook::averageFillPrice(Side side, Quantity quantity) const
{
    if (quantity.value() <= 0)
        return std::nullopt;
    const Ladder &levels = ladder(side);
    std::int64_t remaining = quantity.value();
    double cost = 0.0;
    for (std::size_t i = levels.size(); i > 0 && remaining > 0; --i) {
        const std::int64_t take = std::min(remaining, levels[i - 1].quantity);
        cost += static_cast<double>(take) * static_cast<double>(levels[i - 1].price);
        remaining -= take;
    }
    if (remaining > 0)
        return std::nullopt;
    return cost / static_cast<double>(quantity.value());
}

std::size_t OrderBook::levelCount(Side side) const
{
    return ladder(side).size();
}

bool OrderBook::isCrossed() const
{
    return !m_bids.empty() && !m_asks.empty() && m_bids.back().price >= m_asks.back().price;
}

Result<void> OrderBook::checkIntegrity() const
{
    std::size_t orders = 0;
    for (const Side side : {Side::Buy, Side::Sell}) {
        const Ladder &levels = ladder(side);
        const char *name = side == Side::Buy ? "bid" : "ask";
        for (std::size_t i = 0; i < levels.size(); ++i) {
            const Level &level = levels[i];
            if (i > 0 && (side == Side::Buy ? levels[i - 1].price >= level.price : levels[i - 1].price <= level.price))
                return fail(ErrorCode::CorruptData,
                            std::string(name) + " levels out of order at " + std::to_string(level.price));
            std::int64_t total = 0;
            std::uint32_t count = 0;
            std::uint32_t previous = kNone;
            for (std::uint32_t index = level.head; index != kNone; index = m_nodes[index].next) {
                const Node &node = m_nodes[index];
                if (node.prev != previous || node.price != level.price || node.side != side || node.quantity <= 0)
                    return fail(ErrorCode::CorruptData,
                                "Broken order link in " + std::string(name) + " level " + std::to_string(level.price));
                const auto found = m_index.find(node.id);
                if (found == m_index.end() || found->second != index)
                    return fail(ErrorCode::CorruptData, "Order " + std::to_string(node.id) + " missing from the index");
                total += node.quantity;
                ++count;
                previous = index;
            }
            if (previous != level.tail || total != level.quantity || count != level.count || count == 0)
                return fail(ErrorCode::CorruptData, std::string(name) + " level " + std::to_string(level.price) +
                                                        " totals do not match its orders");
            orders += count;
        }
    }
    if (orders != m_index.size())
        return fail(ErrorCode::CorruptData,
                    "Index holds " + std::to_string(m_index.size()) + " orders, levels " + std::to_string(orders));
    if (isCrossed())
        return fail(ErrorCode::CorruptData, "Book crossed: bid " + std::to_string(m_bids.back().price) + " >= ask " +
                                                std::to_string(m_asks.back().price));
    return {};
}

} // namespace meridian::book
