// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// fixed_spread_mm: a market maker that quotes a fixed distance around the mid price.
//
// On each book of its instrument it works out, for levels k = 0 … levels − 1,
//     bid_k = floor(mid) − half_spread_ticks − k × level_spacing_ticks
//     ask_k = ceil(mid)  + half_spread_ticks + k × level_spacing_ticks
// each for order_size lots. It re-quotes (cancels what it has and places the new ladder) when it has no
// quotes, or when the mid has moved and at least refresh_ms has passed since the last re-quote. A side is
// not quoted when a full fill of its quotes could take the inventory beyond ±max_inventory. The inventory is
// counted from its own fills, so it is right on any venue. Live variables: inventory, mid, open_orders.
#include <meridian/plugin.hpp>
#include <meridian/trading.hpp>

#include <cstdint>
#include <string>

namespace {

class FixedSpreadMarketMaker final : public meridian::sdk::Strategy
{
public:
    static meridian::sdk::Schema schema()
    {
        return meridian::sdk::Schema()
            .addString("symbol", "", "Instrument to quote (empty: the first one a book arrives for)")
            .addInt("half_spread_ticks", 2, 1, 100000, 1, "Distance of the first quote from the mid, in ticks")
            .addInt("levels", 1, 1, 20, 1, "Quotes per side")
            .addInt("level_spacing_ticks", 1, 1, 100000, 1, "Distance between a side's quotes, in ticks")
            .addInt("order_size", 1, 1, 1000000000, 1, "Size of each quote, in lots")
            .addInt("max_inventory", 10, 0, 1000000000, 1, "Largest position, long or short, in lots")
            .addInt("refresh_ms", 1000, 0, 3600000, 100, "Least time between two re-quotes, in milliseconds");
    }
    static meridian::sdk::Variables variables()
    {
        return meridian::sdk::Variables()
            .add("inventory", "Position from own fills, in lots")
            .add("mid", "Mid price at the last re-quote, in ticks")
            .add("open_orders", "Quotes resting");
    }

    void onInit(const meridian::sdk::Parameters &p) override
    {
        m_symbol = p.getString("symbol");
        m_halfSpread = p.getInt("half_spread_ticks");
        m_levels = p.getInt("levels");
        m_spacing = p.getInt("level_spacing_ticks");
        m_size = p.getInt("order_size");
        m_maxInventory = p.getInt("max_inventory");
        m_refreshNs = p.getInt("refresh_ms") * 1'000'000;
    }

    void onStart() override
    {
        if (!m_symbol.empty())
            m_quotes.setInstrument(host().requireInstrument(m_symbol));
    }

    void onStop() override { m_quotes.cancelAll(host()); }

    void onBook(const meridian_book_view &book) override
    {
        if (m_quotes.instrument() == 0)
            m_quotes.setInstrument(book.instrument);
        if (book.instrument != m_quotes.instrument() || book.bid_count == 0 || book.ask_count == 0)
            return;
        const std::int64_t twiceMid = book.bids[0].price + book.asks[0].price;
        const std::int64_t now = host().now();
        const bool moved = twiceMid != m_twiceMid;
        if (m_quotes.hasWorking() && !(moved && now - m_lastQuoteNs >= m_refreshNs))
            return;
        requote(twiceMid, now);
    }

    void onOrder(const meridian_order_update &update) override
    {
        m_quotes.onOrder(update);
        host().publishVariable("inventory", static_cast<double>(m_quotes.position()));
        host().publishVariable("open_orders", static_cast<double>(m_quotes.workingCount()));
    }

private:
    void requote(std::int64_t twiceMid, std::int64_t now)
    {
        m_quotes.cancelAll(host());
        m_twiceMid = twiceMid;
        m_lastQuoteNs = now;
        const std::int64_t floorMid = twiceMid >= 0 ? twiceMid / 2 : (twiceMid - 1) / 2;
        const std::int64_t ceilMid = floorMid + (twiceMid % 2 != 0 ? 1 : 0);
        const std::int64_t ladder = m_levels * m_size;
        const std::int64_t inventory = m_quotes.position();
        const bool quoteBids = inventory + ladder <= m_maxInventory;
        const bool quoteAsks = inventory - ladder >= -m_maxInventory;
        for (std::int64_t k = 0; k < m_levels; ++k) {
            const std::int64_t offset = m_halfSpread + k * m_spacing;
            if (quoteBids && floorMid - offset > 0)
                quote(MERIDIAN_SIDE_BUY, floorMid - offset);
            if (quoteAsks)
                quote(MERIDIAN_SIDE_SELL, ceilMid + offset);
        }
        host().publishVariable("mid", static_cast<double>(twiceMid) / 2.0);
        host().publishVariable("open_orders", static_cast<double>(m_quotes.workingCount()));
    }

    void quote(meridian_side side, std::int64_t price)
    {
        m_quotes.track(host().placeLimit(m_quotes.instrument(), side, price, m_size, MERIDIAN_TIF_POST_ONLY), side,
                       m_size);
    }

    std::string m_symbol;
    std::int64_t m_halfSpread = 0, m_levels = 0, m_spacing = 0, m_size = 0, m_maxInventory = 0, m_refreshNs = 0;
    meridian::sdk::PositionTracker m_quotes; // the inventory and the quotes resting
    std::int64_t m_twiceMid = 0;
    std::int64_t m_lastQuoteNs = 0;
};

} // namespace

MERIDIAN_STRATEGY_PLUGIN(FixedSpreadMarketMaker, "fixed_spread_mm", "Fixed-spread market maker", "1.0.0",
                         "Quotes a ladder a fixed distance around the mid, within an inventory limit")
