// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Example plugin: watches the bid-ask spread and publishes a signal when it widens beyond a threshold,
// leaning towards the side with more resting size. It places no orders.
#include <meridian/plugin.hpp>

namespace {

class SpreadWatch final : public meridian::sdk::Strategy
{
public:
    static meridian::sdk::Schema schema()
    {
        return meridian::sdk::Schema()
            .addInt("wide_spread_ticks", 5, 1, 10000, 1, "Spread, in ticks, from which a signal is published")
            .addFloat("confidence", 0.5, 0.0, 1.0, 0.05, "Confidence attached to each signal");
    }
    static meridian::sdk::Variables variables()
    {
        return meridian::sdk::Variables().add("spread_ticks", "The last spread seen, in ticks");
    }

    void onInit(const meridian::sdk::Parameters &p) override
    {
        m_wide = p.getInt("wide_spread_ticks");
        m_confidence = p.getFloat("confidence");
    }

    void onBook(const meridian_book_view &book) override
    {
        if (book.bid_count == 0 || book.ask_count == 0)
            return;
        const std::int64_t spread = book.asks[0].price - book.bids[0].price;
        host().publishVariable("spread_ticks", static_cast<double>(spread));
        if (spread < m_wide)
            return;
        const std::int64_t imbalance = book.bids[0].quantity - book.asks[0].quantity;
        const int direction = imbalance > 0 ? 1 : (imbalance < 0 ? -1 : 0);
        host().publishSignal(book.instrument, direction, 1.0, m_confidence, "wide spread");
    }

private:
    std::int64_t m_wide = 0;
    double m_confidence = 0;
};

} // namespace

MERIDIAN_STRATEGY_PLUGIN(SpreadWatch, "spread_watch", "Spread watch", "1.0.0",
                         "Publishes a signal when the spread widens (an SDK example)")
