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

Result<Quantity> OrderBook::add(OrderId id, Side side, Price price, Quantity quantity, std::uint32_t owner,
                                std::uint8_t flags)
{
    return insert(id, side, price, quantity, false, owner, flags);
}

Result<Quantity> OrderBook::addFront(OrderId id, Side side, Price price, Quantity quantity)
{
    return insert(id, side, price, quantity, true, 0, 0);
}

Result<Quantity> OrderBook::insert(OrderId id, Side side, Price price, Quantity quantity, bool atFront,
                                   std::uint32_t owner, std::uint8_t flags)
{
    if (side != Side::Buy && side != Side::Sell)
        return fail(ErrorCode::InvalidArgument, "Order " + std::to_string(id) + " has no side");
    if (quantity.value() <= 0)
        return fail(ErrorCode::InvalidArgument,
                    "Order " + std::to_string(id) + " has a non-positive quantity " + std::to_string(quantity.value()));
    if (id == IdMap<std::uint32_t>::kEmpty)
        return fail(ErrorCode::InvalidArgument, "Order id " + std::to_string(id) + " is reserved");
    const std::uint32_t index = allocate();
    if (!m_index.insert(id, index)) {
        m_free.push_back(index);
        return fail(ErrorCode::AlreadyExists, "Order " + std::to_string(id) + " is already in the book");
    }
    Level &level = ladder(side).findOrInsert(price.value());
    Node &node = m_nodes[index];
    node = Node{id, quantity.value(), price.value(), kNone, kNone, side, flags, owner};
    if (atFront) {
        node.next = level.head;
        if (level.head != kNone)
            m_nodes[level.head].prev = index;
        level.head = index;
        if (level.tail == kNone)
            level.tail = index;
    } else {
        node.prev = level.tail;
        if (level.tail != kNone)
            m_nodes[level.tail].next = index;
        level.tail = index;
        if (level.head == kNone)
            level.head = index;
    }
    level.quantity += quantity.value();
    ++level.count;
    return Quantity(level.quantity);
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

std::int64_t OrderBook::removeAt(std::uint32_t index)
{
    const Node &node = m_nodes[index];
    const OrderId id = node.id;
    const std::int64_t price = node.price;
    Ladder &levels = ladder(node.side);
    Level *level = levels.find(price);
    unlink(index, *level);
    const std::int64_t left = level->quantity;
    m_index.erase(id);
    if (level->count == 0)
        levels.erase(price);
    return left;
}

Result<void> OrderBook::cancel(OrderId id)
{
    const std::uint32_t *index = m_index.find(id);
    if (!index)
        return fail(ErrorCode::NotFound, "Order " + std::to_string(id) + " is not in the book");
    removeAt(*index);
    return ok();
}

Result<void> OrderBook::reduce(OrderId id, Quantity quantity)
{
    const std::uint32_t *index = m_index.find(id);
    if (!index)
        return fail(ErrorCode::NotFound, "Order " + std::to_string(id) + " is not in the book");
    const Node &node = m_nodes[*index];
    if (quantity.value() <= 0 || quantity.value() > node.quantity)
        return fail(ErrorCode::InvalidArgument, "Cannot reduce order " + std::to_string(id) + " by " +
                                                    std::to_string(quantity.value()) + ": " +
                                                    std::to_string(node.quantity) + " left");
    take(*index, quantity);
    return ok();
}

Result<void> OrderBook::modify(OrderId id, Price price, Quantity quantity)
{
    const std::uint32_t *index = m_index.find(id);
    if (!index)
        return fail(ErrorCode::NotFound, "Order " + std::to_string(id) + " is not in the book");
    if (quantity.value() <= 0)
        return fail(ErrorCode::InvalidArgument, "Cannot modify order " + std::to_string(id) +
                                                    " to a non-positive quantity " + std::to_string(quantity.value()));
    const Node node = m_nodes[*index];
    if (price.value() == node.price && quantity.value() <= node.quantity) {
        if (quantity.value() < node.quantity)
            take(*index, Quantity(node.quantity - quantity.value()));
        return ok();
    }
    removeAt(*index);
    if (auto added = insert(id, node.side, price, quantity, false, node.owner, node.flags); !added)
        return tl::unexpected(added.error());
    return ok();
}

Quantity OrderBook::take(Handle h, Quantity quantity)
{
    Node &node = m_nodes[h];
    if (quantity.value() == node.quantity)
        return Quantity(removeAt(h));
    node.quantity -= quantity.value();
    Level *level = ladder(node.side).find(node.price);
    level->quantity -= quantity.value();
    return Quantity(level->quantity);
}

Quantity OrderBook::remove(Handle h)
{
    return Quantity(removeAt(h));
}

std::size_t OrderBook::removeLevel(Side side, Price price)
{
    Ladder &levels = ladder(side);
    Level *level = levels.find(price.value());
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
    levels.erase(price.value());
    return removed;
}

std::optional<Quantity> OrderBook::quantityOf(OrderId id) const
{
    const std::uint32_t *index = m_index.find(id);
    if (!index)
        return std::nullopt;
    return Quantity(m_nodes[*index].quantity);
}

std::optional<Price> OrderBook::bestBid() const
{
    return m_bids.bestPrice();
}

std::optional<Price> OrderBook::bestAsk() const
{
    return m_asks.bestPrice();
}

void OrderBook::depth(Side side, std::size_t levels, std::vector<LevelView> &out) const
{
    const Ladder &ladderOfSide = ladder(side);
    for (std::size_t i = 0; i < ladderOfSide.size() && i < levels; ++i)
        out.push_back(levelAt(side, i));
}

LevelView OrderBook::levelAt(Side side, std::size_t rank) const
{
    const Level &level = ladder(side).fromBest(rank);
    return LevelView{Price(level.price), Quantity(level.quantity), level.count};
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
    const Level *level = ladder(side).find(price.value());
    return Quantity(level ? level->quantity : 0);
}

std::optional<Quantity> OrderBook::queueAhead(OrderId id) const
{
    const std::uint32_t *found = m_index.find(id);
    if (!found)
        return std::nullopt;
    std::int64_t ahead = 0;
    for (std::uint32_t index = m_nodes[*found].prev; index != kNone; index = m_nodes[index].prev)
        ahead += m_nodes[index].quantity;
    return Quantity(ahead);
}

std::optional<double> OrderBook::averageFillPrice(Side side, Quantity quantity) const
{
    return detail::averageFillPrice(ladder(side), quantity.value());
}

std::size_t OrderBook::levelCount(Side side) const
{
    return ladder(side).size();
}

bool OrderBook::isCrossed() const
{
    return detail::isCrossed(m_bids, m_asks);
}

Result<void> OrderBook::checkIntegrity() const
{
    std::size_t orders = 0;
    for (const Side side : {Side::Buy, Side::Sell}) {
        const Ladder &levels = ladder(side);
        const char *name = side == Side::Buy ? "bid" : "ask";
        if (!levels.isSorted())
            return fail(ErrorCode::CorruptData, std::string(name) + " levels out of order");
        for (const Level &level : levels.levels()) {
            std::int64_t total = 0;
            std::uint32_t count = 0;
            std::uint32_t previous = kNone;
            for (std::uint32_t index = level.head; index != kNone; index = m_nodes[index].next) {
                const Node &node = m_nodes[index];
                if (node.prev != previous || node.price != level.price || node.side != side || node.quantity <= 0)
                    return fail(ErrorCode::CorruptData,
                                "Broken order link in " + std::string(name) + " level " + std::to_string(level.price));
                const std::uint32_t *found = m_index.find(node.id);
                if (!found || *found != index)
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
        return fail(ErrorCode::CorruptData, "Book crossed: bid " + std::to_string(m_bids.fromBest(0).price) +
                                                " >= ask " + std::to_string(m_asks.fromBest(0).price));
    return ok();
}

} // namespace meridian::book
