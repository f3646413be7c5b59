// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// stat_arb: mean reversion of one instrument to a rolling fair value.
//
// It samples a price of its instrument — the mid of the book at most once per sample_ms, or each bar's close
// when the instrument arrives as bars — and keeps the mean and standard deviation of the last lookback
// samples (the fair value and its band). With z = (price − mean) / stddev:
//     z ≥ entry_threshold  → short position_size lots (the price is rich);
//     z ≤ −entry_threshold → long position_size lots (the price is cheap);
//     |z| ≤ exit_threshold → flat (it has reverted);
//     |z| ≥ stop_loss      → flat, and no new entry until |z| is back under entry_threshold (it kept
//                             diverging: the fair value has probably moved). A stop_loss of 0 is off.
// Orders are market orders, one at a time. Live variables: price, fair_value, zscore, position, pnl.
#include <meridian/indicators.hpp>
#include <meridian/plugin.hpp>
#include <meridian/trading.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>

namespace {

namespace ind = meridian::sdk::indicators;

class StatisticalArbitrage final : public meridian::sdk::Strategy
{
public:
    static meridian::sdk::Schema schema()
    {
        return meridian::sdk::Schema()
            .addString("symbol", "", "Instrument to trade (empty: the first one data arrives for)")
            .addInt("lookback", 100, 2, 1000000, 1, "Samples in the rolling fair value and deviation")
            .addInt("sample_ms", 1000, 0, 86400000, 100, "Least time between two samples of the book's mid, in ms")
            .addFloat("entry_threshold", 2.0, 0.1, 20.0, 0.1, "|z-score| at which a position is opened")
            .addFloat("exit_threshold", 0.5, 0.0, 20.0, 0.1, "|z-score| at which the position is closed")
            .addFloat("stop_loss", 4.0, 0.0, 50.0, 0.5, "|z-score| at which a losing position is abandoned (0: off)")
            .addInt("position_size", 1, 1, 1000000000, 1, "Position taken on an entry, in lots");
    }
    static meridian::sdk::Variables variables()
    {
        return meridian::sdk::Variables()
            .add("price", "Last sampled price, in ticks")
            .add("fair_value", "Rolling mean of the samples, in ticks")
            .add("zscore", "Distance of the price from the fair value, in standard deviations")
            .add("position", "Position from own fills, in lots")
            .add("pnl", "Realised plus unrealised profit, in tick × lot units");
    }

    void onInit(const meridian::sdk::Parameters &p) override
    {
        m_symbol = p.getString("symbol");
        m_stats = std::make_unique<ind::RollingStats>(static_cast<std::size_t>(p.getInt("lookback")));
        m_sampleNs = p.getInt("sample_ms") * 1'000'000;
        m_bands = meridian::sdk::ZScoreBands(p.getFloat("entry_threshold"), p.getFloat("exit_threshold"),
                                             p.getFloat("stop_loss"));
        m_size = p.getInt("position_size");
    }

    void onStart() override
    {
        if (!m_symbol.empty())
            m_position.setInstrument(host().requireInstrument(m_symbol));
    }

    void onBook(const meridian_book_view &book) override
    {
        if (!mine(book.instrument) || book.bid_count == 0 || book.ask_count == 0)
            return;
        const std::int64_t now = host().now();
        if (m_sampled && now - m_lastSampleNs < m_sampleNs)
            return;
        m_sampled = true;
        m_lastSampleNs = now;
        sample(static_cast<double>(book.bids[0].price + book.asks[0].price) / 2.0);
    }

    void onBar(const meridian_bar &bar) override
    {
        if (mine(bar.instrument))
            sample(static_cast<double>(bar.close));
    }

    void onOrder(const meridian_order_update &update) override
    {
        if (m_position.onOrder(update))
            host().publishVariable("position", static_cast<double>(m_position.position()));
    }

    void onStop() override { m_position.cancelAll(host()); }

private:
    bool mine(meridian_instrument_id instrument)
    {
        if (m_position.instrument() == 0)
            m_position.setInstrument(instrument);
        return instrument == m_position.instrument();
    }

    void sample(double price)
    {
        m_stats->update(price);
        host().publishVariable("price", price);
        host().publishVariable("pnl", m_position.realizedPnl() + m_position.unrealizedPnl(price));
        if (!m_stats->ready())
            return;
        const double sd = m_stats->stddev();
        const double z = sd > 0 ? (price - m_stats->mean()) / sd : 0.0;
        host().publishVariable("fair_value", m_stats->mean());
        host().publishVariable("zscore", z);
        decide(z);
        m_position.moveTo(host(), m_target);
    }

    void decide(double z)
    {
        const meridian_instrument_id instrument = m_position.instrument();
        switch (m_bands.update(z)) {
        case meridian::sdk::ZScoreBands::Event::Enter: {
            const int direction = m_bands.direction();
            const double distance = z < 0 ? -z : z;
            host().publishSignal(instrument, direction, std::min(1.0, distance / (2.0 * m_bands.entry())), 1.0,
                                 z > 0 ? "price above its fair value" : "price below its fair value");
            break;
        }
        case meridian::sdk::ZScoreBands::Event::Exit:
            host().publishSignal(instrument, 0, 1.0, 1.0, "reverted to the fair value");
            break;
        case meridian::sdk::ZScoreBands::Event::Stop:
            host().publishSignal(instrument, 0, 1.0, 1.0, "stop loss: the deviation kept growing");
            break;
        case meridian::sdk::ZScoreBands::Event::None:
            break;
        }
        m_target = m_bands.direction() * m_size;
    }

    std::string m_symbol;
    std::unique_ptr<ind::RollingStats> m_stats;
    std::int64_t m_sampleNs = 0, m_lastSampleNs = 0;
    bool m_sampled = false;
    meridian::sdk::ZScoreBands m_bands;
    std::int64_t m_size = 0;
    meridian::sdk::PositionTracker m_position;
    std::int64_t m_target = 0;
};

} // namespace

MERIDIAN_STRATEGY_PLUGIN(StatisticalArbitrage, "stat_arb", "Statistical arbitrage (mean reversion)", "1.0.0",
                         "Trades one instrument's deviations from its rolling fair value, by z-score")
