// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// pairs_trading: trades the spread of two related instruments, Y and X, when it strays from its norm.
//
// It samples both prices together — the mids of both books at most once per sample_ms, or the closes of two
// bars with the same open time — converted from ticks to prices with each instrument's tick size. Over the
// last lookback samples it fits y = alpha + beta × x by least squares (the hedge ratio beta), and measures
// the residual e = y − alpha − beta × x of the newest sample in residual standard deviations
// (the regression's own, sqrt(var(y) × (1 − R²))): that is the z-score.
//     z ≥ entry_threshold  → short the spread: sell position_size lots of Y, buy beta × as many units of X;
//     z ≤ −entry_threshold → long the spread: the other way round;
//     |z| ≤ exit_threshold → both legs flat;
//     |z| ≥ stop_loss      → both legs flat, and no new entry until |z| is back under entry_threshold
//                             (the relationship may have broken). A stop_loss of 0 is off.
// The X quantity is round(beta × position_size × lot size of Y / lot size of X) lots, with beta fixed at entry.
// Orders are market orders; each leg sends its next order once its last has completed.
// Live variables: beta, spread, zscore, position_y, position_x, pnl.
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

/// One instrument of the pair: its id, units, last price and position.
struct Leg
{
    std::string symbol;
    meridian::sdk::PositionTracker position;
    double tickSize = 1; // price of one tick
    double lotSize = 1;  // units in one lot
    double price = 0;    // last price, in ticks
    bool hasPrice = false;
    std::int64_t barTime = -1; // open time of the last bar, for pairing bars
};

class PairsTrading final : public meridian::sdk::Strategy
{
public:
    static meridian::sdk::Schema schema()
    {
        return meridian::sdk::Schema()
            .addString("symbol_y", "", "The dependent instrument Y (its quantity is position_size)")
            .addString("symbol_x", "", "The hedge instrument X (its quantity follows the hedge ratio)")
            .addInt("lookback", 100, 3, 1000000, 1, "Samples in the rolling regression of Y on X")
            .addInt("sample_ms", 1000, 0, 86400000, 100, "Least time between two samples of the books' mids, in ms")
            .addFloat("entry_threshold", 2.0, 0.1, 20.0, 0.1, "|z-score| at which the spread is opened")
            .addFloat("exit_threshold", 0.5, 0.0, 20.0, 0.1, "|z-score| at which the spread is closed")
            .addFloat("stop_loss", 4.0, 0.0, 50.0, 0.5, "|z-score| at which a losing spread is abandoned (0: off)")
            .addInt("position_size", 1, 1, 1000000000, 1, "Lots of Y in an open spread");
    }
    static meridian::sdk::Variables variables()
    {
        return meridian::sdk::Variables()
            .add("beta", "Hedge ratio: units of X per unit of Y")
            .add("spread", "Residual y − alpha − beta × x of the last sample, in price")
            .add("zscore", "The residual in residual standard deviations")
            .add("position_y", "Position in Y from own fills, in lots")
            .add("position_x", "Position in X from own fills, in lots")
            .add("pnl", "Realised plus unrealised profit of both legs, in price × units");
    }

    void onInit(const meridian::sdk::Parameters &p) override
    {
        m_y.symbol = p.getString("symbol_y");
        m_x.symbol = p.getString("symbol_x");
        if (m_y.symbol.empty() || m_x.symbol.empty())
            throw std::invalid_argument("symbol_y and symbol_x must both name an instrument");
        if (m_y.symbol == m_x.symbol)
            throw std::invalid_argument("symbol_y and symbol_x are the same instrument (" + m_y.symbol + ")");
        const auto n = static_cast<std::size_t>(p.getInt("lookback"));
        m_ols = std::make_unique<ind::RollingOls>(n);
        m_yStats = std::make_unique<ind::RollingStats>(n);
        m_sampleNs = p.getInt("sample_ms") * 1'000'000;
        m_bands = meridian::sdk::ZScoreBands(p.getFloat("entry_threshold"), p.getFloat("exit_threshold"),
                                             p.getFloat("stop_loss"));
        m_size = p.getInt("position_size");
    }

    void onStart() override
    {
        for (Leg *leg : {&m_y, &m_x}) {
            const meridian_instrument_id id = host().requireInstrument(leg->symbol);
            leg->position.setInstrument(id);
            const meridian_instrument_info info = host().instrument(id);
            if (host().lastStatus() == MERIDIAN_STATUS_OK) {
                const double tick = meridian::sdk::toDouble(info.tick_size);
                const double lot = meridian::sdk::toDouble(info.lot_size);
                leg->tickSize = tick > 0 ? tick : 1.0;
                leg->lotSize = lot > 0 ? lot : 1.0;
            }
        }
    }

    void onBook(const meridian_book_view &book) override
    {
        Leg *leg = legOf(book.instrument);
        if (leg == nullptr || book.bid_count == 0 || book.ask_count == 0)
            return;
        leg->price = static_cast<double>(book.bids[0].price + book.asks[0].price) / 2.0;
        leg->hasPrice = true;
        const std::int64_t now = host().now();
        if (!m_y.hasPrice || !m_x.hasPrice || (m_sampled && now - m_lastSampleNs < m_sampleNs))
            return;
        m_sampled = true;
        m_lastSampleNs = now;
        sample();
    }

    void onBar(const meridian_bar &bar) override
    {
        Leg *leg = legOf(bar.instrument);
        if (leg == nullptr)
            return;
        leg->price = static_cast<double>(bar.close);
        leg->hasPrice = true;
        leg->barTime = bar.open_time_ns;
        if (m_y.barTime == m_x.barTime) // the second bar of a pair: sample once
            sample();
    }

    void onOrder(const meridian_order_update &update) override
    {
        if (m_y.position.onOrder(update) || m_x.position.onOrder(update)) {
            host().publishVariable("position_y", static_cast<double>(m_y.position.position()));
            host().publishVariable("position_x", static_cast<double>(m_x.position.position()));
        }
    }

    void onStop() override
    {
        m_y.position.cancelAll(host());
        m_x.position.cancelAll(host());
    }

private:
    Leg *legOf(meridian_instrument_id instrument)
    {
        if (instrument == m_y.position.instrument())
            return &m_y;
        if (instrument == m_x.position.instrument())
            return &m_x;
        return nullptr;
    }

    void sample()
    {
        const double y = m_y.price * m_y.tickSize, x = m_x.price * m_x.tickSize;
        m_ols->update(x, y);
        m_yStats->update(y);
        host().publishVariable("pnl", pnl());
        if (!m_ols->ready())
            return;
        const double beta = m_ols->slope();
        const double residual = y - m_ols->intercept() - beta * x;
        const double sd = std::sqrt(m_yStats->variance() * std::max(0.0, 1.0 - m_ols->rSquared()));
        const double z = sd > 0 ? residual / sd : 0.0;
        host().publishVariable("beta", beta);
        host().publishVariable("spread", residual);
        host().publishVariable("zscore", z);
        decide(z, beta);
        m_y.position.moveTo(host(), m_spread * m_size);
        m_x.position.moveTo(host(), -m_spread * m_hedgeLots);
    }

    void decide(double z, double beta)
    {
        if (m_bands.update(z) == meridian::sdk::ZScoreBands::Event::Enter) {
            m_hedgeLots = std::llround(beta * static_cast<double>(m_size) * m_y.lotSize / m_x.lotSize);
            const double distance = z < 0 ? -z : z;
            host().publishSignal(m_y.position.instrument(), m_bands.direction(),
                                 std::min(1.0, distance / (2.0 * m_bands.entry())), 1.0,
                                 z > 0 ? "pair spread above its norm" : "pair spread below its norm");
        }
        m_spread = m_bands.direction();
    }

    double pnl() const
    {
        double total = 0;
        for (const Leg *leg : {&m_y, &m_x})
            total +=
                (leg->position.realizedPnl() + leg->position.unrealizedPnl(leg->price)) * leg->tickSize * leg->lotSize;
        return total;
    }

    Leg m_y, m_x;
    std::unique_ptr<ind::RollingOls> m_ols;
    std::unique_ptr<ind::RollingStats> m_yStats;
    std::int64_t m_sampleNs = 0, m_lastSampleNs = 0;
    bool m_sampled = false;
    meridian::sdk::ZScoreBands m_bands;
    std::int64_t m_size = 0;
    int m_spread = 0;             // +1 long the spread (long Y), −1 short, 0 flat
    std::int64_t m_hedgeLots = 0; // lots of X per spread, fixed at entry
};

} // namespace

MERIDIAN_STRATEGY_PLUGIN(PairsTrading, "pairs_trading", "Pairs trading", "1.0.0",
                         "Trades the spread of two instruments around a rolling least-squares hedge ratio, by z-score")
