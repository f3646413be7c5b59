// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "book/l2_book.h"

#include <algorithm>
#include <string>

namespace meridian::book {

Result<void> L2Book::checkSide(Side side)
{
    if (side != Side::Buy && side != Side::Sell)
        return fail(ErrorCode::InvalidArgument, "Level update has no side");
    return ok();
}

Result<Quantity> L2Book::exchange(Side side, Price price, Quantity quantity)
{
    if (auto ok = checkSide(side); !ok)
        return tl::unexpected(ok.error());
    if (quantity.value() < 0)
        return fail(ErrorCode::InvalidArgument, "Negative quantity " + std::to_string(quantity.value()) +
                                                    " for level " + std::to_string(price.value()));
    return Quantity(ladder(side).assign(price.value(), quantity.value()));
}

Result<void> L2Book::set(Side side, Price price, Quantity quantity)
{
    if (auto ok = checkSide(side); !ok)
        return ok;
    if (quantity.value() < 0)
        return fail(ErrorCode::InvalidArgument, "Negative quantity " + std::to_string(quantity.value()) +
                                                    " for level " + std::to_string(price.value()));
    Ladder &levels = ladder(side);
    if (quantity.value() == 0)
        levels.erase(price.value());
    else
        levels.findOrInsert(price.value()).quantity = quantity.value();
    return ok();
}

Result<void> L2Book::add(Side side, Price price, Quantity quantity)
{
    if (auto ok = checkSide(side); !ok)
        return ok;
    if (quantity.value() <= 0)
        return fail(ErrorCode::InvalidArgument, "Cannot add non-positive quantity " + std::to_string(quantity.value()) +
                                                    " at " + std::to_string(price.value()));
    ladder(side).findOrInsert(price.value()).quantity += quantity.value();
    return ok();
}

Result<void> L2Book::reduce(Side side, Price price, Quantity quantity)
{
    if (auto ok = checkSide(side); !ok)
        return ok;
    Ladder &levels = ladder(side);
    Level *level = levels.find(price.value());
    if (!level)
        return fail(ErrorCode::NotFound, "No level at " + std::to_string(price.value()));
    if (quantity.value() <= 0 || quantity.value() > level->quantity)
        return fail(ErrorCode::InvalidArgument, "Cannot take " + std::to_string(quantity.value()) + " from level " +
                                                    std::to_string(price.value()) + " holding " +
                                                    std::to_string(level->quantity));
    level->quantity -= quantity.value();
    if (level->quantity == 0)
        levels.erase(price.value());
    return ok();
}

Result<void> L2Book::modify(Side side, Price from, Quantity fromQuantity, Price to, Quantity toQuantity)
{
    if (toQuantity.value() <= 0)
        return fail(ErrorCode::InvalidArgument,
                    "Cannot modify to non-positive quantity " + std::to_string(toQuantity.value()));
    if (auto ok = reduce(side, from, fromQuantity); !ok)
        return ok;
    return add(side, to, toQuantity);
}

void L2Book::clear()
{
    m_bids.clear();
    m_asks.clear();
}

std::optional<Price> L2Book::bestBid() const
{
    return m_bids.bestPrice();
}

std::optional<Price> L2Book::bestAsk() const
{
    return m_asks.bestPrice();
}

void L2Book::depth(Side side, std::size_t levels, std::vector<LevelView> &out) const
{
    const Ladder &ladderOfSide = ladder(side);
    for (std::size_t i = 0; i < ladderOfSide.size() && i < levels; ++i)
        out.push_back(levelAt(side, i));
}

std::vector<LevelView> L2Book::depth(Side side, std::size_t levels) const
{
    std::vector<LevelView> out;
    out.reserve(std::min(levels, levelCount(side)));
    depth(side, levels, out);
    return out;
}

Quantity L2Book::volumeAt(Side side, Price price) const
{
    const Level *level = ladder(side).find(price.value());
    return Quantity(level ? level->quantity : 0);
}

std::optional<double> L2Book::averageFillPrice(Side side, Quantity quantity) const
{
    return detail::averageFillPrice(ladder(side), quantity.value());
}

bool L2Book::isCrossed() const
{
    return detail::isCrossed(m_bids, m_asks);
}

Result<void> L2Book::checkIntegrity() const
{
    for (const Side side : {Side::Buy, Side::Sell}) {
        const Ladder &levels = ladder(side);
        const char *name = side == Side::Buy ? "bid" : "ask";
        if (!levels.isSorted())
            return fail(ErrorCode::CorruptData, std::string(name) + " levels out of order");
        for (const Level &level : levels.levels())
            if (level.quantity <= 0)
                return fail(ErrorCode::CorruptData, std::string(name) + " level " + std::to_string(level.price) +
                                                        " holds " + std::to_string(level.quantity));
    }
    if (isCrossed())
        return fail(ErrorCode::CorruptData, "Book crossed: bid " + std::to_string(m_bids.fromBest(0).price) +
                                                " >= ask " + std::to_string(m_asks.fromBest(0).price));
    return ok();
}

} // namespace meridian::book
