// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// ma_cross: trend following on bars with a fast and a slow moving average.
//
// On each bar of its instrument it updates both averages with the close. When the fast average crosses
// above the slow one it goes long order_size lots; when it crosses below, it goes short order_size lots
// (or flat when allow_short is off). Orders are market orders, sent one at a time: the next step waits for
// the last to complete. While a position is open, a close at or beyond the entry price × (1 − stop_loss) (long)
// or × (1 + stop_loss) (short) closes it, and so does a close at or beyond take_profit the other way; after
// such an exit it waits for the next cross. A stop_loss or take_profit of 0 is off. Each cross is also
// published as a signal. Live variables: fast_ma, slow_ma, position, entry_price, unrealized_pnl.
#include <meridian/indicators.hpp>
#include <meridian/plugin.hpp>
#include <meridian/trading.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace {

namespace ind = meridian::sdk::indicators;

/// An SMA or an EMA behind one interface, chosen by a parameter.
class MovingAverage
{
public:
    MovingAverage(bool exponential, std::size_t n)
    {
        if (exponential)
            m_ema = std::make_unique<ind::Ema>(n);
        else
            m_sma = std::make_unique<ind::Sma>(n);
    }
    void update(double x) { m_ema ? (void)m_ema->update(x) : (void)m_sma->update(x); }
    bool ready() const { return m_ema ? m_ema->ready() : m_sma->ready(); }
    double value() const { return m_ema ? m_ema->value() : m_sma->value(); }

private:
    std::unique_ptr<ind::Ema> m_ema;
    std::unique_ptr<ind::Sma> m_sma;
};

class MovingAverageCross final : public meridian::sdk::Strategy
{
public:
    static meridian::sdk::Schema schema()
    {
        return meridian::sdk::Schema()
            .addString("symbol", "", "Instrument to trade (empty: the first one a bar arrives for)")
            .addInt("fast_period", 10, 1, 10000, 1, "Bars in the fast moving average")
            .addInt("slow_period", 30, 2, 10000, 1, "Bars in the slow moving average")
            .addEnum("ma_type", {"sma", "ema"}, "sma", "Simple or exponential moving averages")
            .addInt("order_size", 1, 1, 1000000000, 1, "Position taken on a cross, in lots")
            .addBool("allow_short", true, "Go short on a downward cross (otherwise only flat)")
            .addFloat("stop_loss", 0.02, 0.0, 1.0, 0.005, "Adverse move that closes the position (0.02 = 2%; 0: off)")
            .addFloat("take_profit", 0.04, 0.0, 10.0, 0.005,
                      "Favourable move that closes the position (0.04 = 4%; 0: off)");
    }
    static meridian::sdk::Variables variables()
    {
        return meridian::sdk::Variables()
            .add("fast_ma", "Fast moving average of the closes, in ticks")
            .add("slow_ma", "Slow moving average of the closes, in ticks")
            .add("position", "Position from own fills, in lots")
            .add("entry_price", "Average price of the open position, in ticks")
            .add("unrealized_pnl", "Profit of the open position at the last close, in tick × lot units");
    }

    void onInit(const meridian::sdk::Parameters &p) override
    {
        m_symbol = p.getString("symbol");
        const auto fast = static_cast<std::size_t>(p.getInt("fast_period"));
        const auto slow = static_cast<std::size_t>(p.getInt("slow_period"));
        if (fast >= slow)
            throw std::invalid_argument("fast_period (" + std::to_string(fast) +
                                        ") must be shorter than slow_period (" + std::to_string(slow) + ")");
        const bool exponential = p.getString("ma_type") == "ema";
        m_fast = std::make_unique<MovingAverage>(exponential, fast);
        m_slow = std::make_unique<MovingAverage>(exponential, slow);
        m_size = p.getInt("order_size");
        m_allowShort = p.getBool("allow_short");
        m_stopLoss = p.getFloat("stop_loss");
        m_takeProfit = p.getFloat("take_profit");
    }

    void onStart() override
    {
        if (!m_symbol.empty())
            m_position.setInstrument(host().requireInstrument(m_symbol));
    }

    void onBar(const meridian_bar &bar) override
    {
        if (m_position.instrument() == 0)
            m_position.setInstrument(bar.instrument);
        if (bar.instrument != m_position.instrument())
            return;
        const auto close = static_cast<double>(bar.close);
        m_fast->update(close);
        m_slow->update(close);
        if (!m_slow->ready() || !m_fast->ready())
            return;
        const double fast = m_fast->value(), slow = m_slow->value();
        host().publishVariable("fast_ma", fast);
        host().publishVariable("slow_ma", slow);
        const int regime = fast > slow ? 1 : fast < slow ? -1 : 0;

        if (m_previousRegime != 0 && regime != 0 && regime != m_previousRegime) {
            m_target = regime > 0 ? m_size : (m_allowShort ? -m_size : 0);
            host().publishSignal(m_position.instrument(), regime, 1.0, 1.0,
                                 regime > 0 ? "fast MA crossed above slow MA" : "fast MA crossed below slow MA");
        } else if (exitTriggered(close)) {
            m_target = 0;
        }
        if (regime != 0)
            m_previousRegime = regime;
        m_position.moveTo(host(), m_target);
        host().publishVariable("unrealized_pnl", m_position.unrealizedPnl(close));
    }

    void onOrder(const meridian_order_update &update) override
    {
        if (!m_position.onOrder(update))
            return;
        host().publishVariable("position", static_cast<double>(m_position.position()));
        host().publishVariable("entry_price", m_position.averagePrice());
    }

    void onStop() override { m_position.cancelAll(host()); }

private:
    bool exitTriggered(double close) const
    {
        const std::int64_t position = m_position.position();
        if (position == 0 || m_target == 0)
            return false;
        const double entry = m_position.averagePrice();
        const double move = position > 0 ? close / entry - 1.0 : 1.0 - close / entry; // favourable is positive
        return (m_stopLoss > 0 && move <= -m_stopLoss) || (m_takeProfit > 0 && move >= m_takeProfit);
    }

    std::string m_symbol;
    std::unique_ptr<MovingAverage> m_fast, m_slow;
    std::int64_t m_size = 0;
    bool m_allowShort = true;
    double m_stopLoss = 0, m_takeProfit = 0;
    meridian::sdk::PositionTracker m_position;
    int m_previousRegime = 0; // +1 fast above slow, −1 below; 0 before the first comparison
    std::int64_t m_target = 0;
};

} // namespace

MERIDIAN_STRATEGY_PLUGIN(MovingAverageCross, "ma_cross", "Moving-average cross", "1.0.0",
                         "Follows the trend on bars: long when the fast average crosses above the slow one, short "
                         "below, with stop loss and take profit")
