// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Bookkeeping most strategies need, header-only: a strategy's position in one instrument, counted from its
// own fills (so it is right on any venue, and independent of other strategies trading the same
// instrument), with the average entry price, realised profit, and the orders it still has working.
//
//     meridian::sdk::PositionTracker m_position{instrument};
//     void onOrder(const meridian_order_update &u) override { m_position.onOrder(u); }
//     ... m_position.moveTo(host(), target) ...
//
// Prices are in ticks and quantities in lots, as everywhere in plugin.h; profit is in tick × lot units
// (multiply by tick size × lot size × multiplier for money). Thread: used by its strategy's thread only.
#ifndef MERIDIAN_TRADING_HPP
#define MERIDIAN_TRADING_HPP

#include <meridian/plugin.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

namespace meridian::sdk {

/// Converts a plugin.h decimal to a double (for analytics, not for prices sent to a venue).
inline double toDouble(meridian_decimal d)
{
    double value = static_cast<double>(d.mantissa);
    for (std::int32_t i = 0; i < d.scale; ++i)
        value /= 10.0;
    for (std::int32_t i = 0; i > d.scale; --i)
        value *= 10.0;
    return value;
}

class PositionTracker
{
public:
    explicit PositionTracker(meridian_instrument_id instrument = 0) : m_instrument(instrument) {}

    void setInstrument(meridian_instrument_id instrument) { m_instrument = instrument; }
    meridian_instrument_id instrument() const { return m_instrument; }

    /// Feeds every order update of the strategy; updates of other instruments are ignored. Returns true when
    /// the update carried a fill of this instrument.
    bool onOrder(const meridian_order_update &u)
    {
        if (u.instrument != m_instrument)
            return false;
        const bool filled =
            (u.status == MERIDIAN_ORDER_PARTIALLY_FILLED || u.status == MERIDIAN_ORDER_FILLED) && u.fill_quantity > 0;
        if (filled)
            applyFill(u.side == MERIDIAN_SIDE_BUY ? u.fill_quantity : -u.fill_quantity, u.fill_price);
        const auto it =
            std::find_if(m_working.begin(), m_working.end(), [&](const Working &w) { return w.orderId == u.order_id; });
        if (it != m_working.end()) {
            it->remaining = std::max<std::int64_t>(0, u.quantity - u.filled_quantity);
            if (u.status == MERIDIAN_ORDER_FILLED || u.status == MERIDIAN_ORDER_CANCELLED ||
                u.status == MERIDIAN_ORDER_REJECTED || u.status == MERIDIAN_ORDER_EXPIRED || it->remaining == 0)
                m_working.erase(it);
        }
        return filled;
    }

    /// Records an order just placed (an id of 0, a refused order, is ignored). Returns orderId.
    std::uint64_t track(std::uint64_t orderId, meridian_side side, std::int64_t quantity)
    {
        if (orderId != 0)
            m_working.push_back({orderId, side, quantity});
        return orderId;
    }

    /// Cancels every working order and stops counting them as working: the venue confirms each cancel later,
    /// and a fill that races the cancel still reaches the position through onOrder.
    void cancelAll(Host &host)
    {
        for (const Working &w : m_working)
            host.cancelOrder(w.orderId);
        m_working.clear();
    }

    /// Sends a market order that takes the position to target, unless an order is still working (the last
    /// step has not completed) or the position is already there. Returns the order id, or 0 when it sent none.
    std::uint64_t moveTo(Host &host, std::int64_t target)
    {
        if (!m_working.empty() || target == m_position)
            return 0;
        const std::int64_t delta = target - m_position;
        const meridian_side side = delta > 0 ? MERIDIAN_SIDE_BUY : MERIDIAN_SIDE_SELL;
        const std::int64_t quantity = delta > 0 ? delta : -delta;
        return track(host.placeMarket(m_instrument, side, quantity), side, quantity);
    }

    /// Signed lots: positive long, negative short.
    std::int64_t position() const { return m_position; }
    /// Average price of the open position, in ticks; 0 when flat.
    double averagePrice() const { return m_position != 0 ? m_averagePrice : 0.0; }
    /// Profit realised by closing trades, in tick × lot units.
    double realizedPnl() const { return m_realized; }
    /// Profit of the open position marked at mark (ticks), in tick × lot units.
    double unrealizedPnl(double mark) const
    {
        return m_position != 0 ? (mark - m_averagePrice) * static_cast<double>(m_position) : 0.0;
    }
    bool hasWorking() const { return !m_working.empty(); }
    std::size_t workingCount() const { return m_working.size(); }
    /// Signed lots still to fill on the working orders.
    std::int64_t workingQuantity() const
    {
        std::int64_t total = 0;
        for (const Working &w : m_working)
            total += w.side == MERIDIAN_SIDE_BUY ? w.remaining : -w.remaining;
        return total;
    }

private:
    struct Working
    {
        std::uint64_t orderId;
        meridian_side side;
        std::int64_t remaining;
    };

    void applyFill(std::int64_t signedQuantity, std::int64_t price)
    {
        const auto p = static_cast<double>(price);
        const bool opening = m_position == 0 || (m_position > 0) == (signedQuantity > 0);
        if (opening) {
            const auto total = static_cast<double>(m_position + signedQuantity);
            m_averagePrice =
                (m_averagePrice * static_cast<double>(m_position) + p * static_cast<double>(signedQuantity)) / total;
            m_position += signedQuantity;
            return;
        }
        // Closing, possibly through zero into the other side.
        const std::int64_t closing = std::min(std::abs(signedQuantity), std::abs(m_position));
        const double direction = m_position > 0 ? 1.0 : -1.0;
        m_realized += (p - m_averagePrice) * direction * static_cast<double>(closing);
        m_position += signedQuantity;
        if (m_position == 0)
            m_averagePrice = 0;
        else if ((m_position > 0) != (direction > 0))
            m_averagePrice = p; // the rest opened a position on the other side at this fill's price
    }

    meridian_instrument_id m_instrument;
    std::int64_t m_position = 0;
    double m_averagePrice = 0;
    double m_realized = 0;
    std::vector<Working> m_working; // a handful at most; a vector beats a map
};

/// Entry, exit and stop bands on a z-score, as mean-reversion strategies trade them: open against the
/// deviation when |z| reaches entry (a high z: short), close when |z| falls to exit, and abandon a position
/// when |z| reaches stop (then no new entry until |z| is back under entry). A stop of 0 is off.
class ZScoreBands
{
public:
    enum class Event { None, Enter, Exit, Stop };

    /// Throws std::invalid_argument, naming the parameters, unless exit < entry and (stop = 0 or stop > entry).
    ZScoreBands(double entry = 2, double exit = 0.5, double stop = 0) : m_entry(entry), m_exit(exit), m_stop(stop)
    {
        if (!(exit < entry))
            throw std::invalid_argument("exit_threshold (" + std::to_string(exit) +
                                        ") must be below entry_threshold (" + std::to_string(entry) + ")");
        if (stop != 0 && !(stop > entry))
            throw std::invalid_argument("stop_loss (" + std::to_string(stop) + ") must be above entry_threshold (" +
                                        std::to_string(entry) + "), or 0");
    }

    /// Takes the newest z-score; returns what it made the position do.
    Event update(double z)
    {
        const double distance = z < 0 ? -z : z;
        if (m_stoppedOut) {
            if (distance >= m_entry)
                return Event::None;
            m_stoppedOut = false;
        }
        if (m_direction != 0) {
            if (m_stop > 0 && distance >= m_stop) {
                m_direction = 0;
                m_stoppedOut = true;
                return Event::Stop;
            }
            if (distance <= m_exit) {
                m_direction = 0;
                return Event::Exit;
            }
            return Event::None;
        }
        if (distance >= m_entry && (m_stop == 0 || distance < m_stop)) {
            m_direction = z > 0 ? -1 : 1;
            return Event::Enter;
        }
        return Event::None;
    }

    /// +1 long, −1 short, 0 flat.
    int direction() const { return m_direction; }
    double entry() const { return m_entry; }

private:
    double m_entry, m_exit, m_stop;
    int m_direction = 0;
    bool m_stoppedOut = false;
};

} // namespace meridian::sdk

#endif // MERIDIAN_TRADING_HPP
