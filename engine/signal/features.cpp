// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "signal/features.h"

#include <algorithm>
#include <cmath>

namespace meridian::signal {

RollingFeatures::RollingFeatures(InstrumentId instrument, FeatureConfig config)
    : m_config(config),
      m_mids(std::max<std::size_t>(1, config.ticks) + 1, 0.0),
      m_squares(std::max<std::size_t>(1, config.ticks), 0.0)
{
    m_config.ticks = std::max<std::size_t>(1, m_config.ticks);
    m_features.instrument = instrument;
}

bool RollingFeatures::onBook(std::int64_t timeNs, std::int64_t bid, std::int64_t bidSize, std::int64_t ask,
                             std::int64_t askSize)
{
    if (bid <= 0 || ask <= 0 || ask <= bid)
        return false;
    Features &f = m_features;
    const double mid = (static_cast<double>(bid) + static_cast<double>(ask)) / 2;
    const std::size_t n = m_config.ticks;
    // The rings: m_mids holds n + 1 mids (slot m_at % (n + 1) is the oldest once full); m_squares holds n.
    if (f.updates > 0) {
        const double previous = m_mids[(m_at + n) % (n + 1)];
        const double change = std::log(mid / previous);
        const std::size_t slot = (f.updates - 1) % n;
        m_sumSquares += change * change - m_squares[slot];
        m_squares[slot] = change * change;
    }
    m_mids[m_at] = mid;
    m_at = (m_at + 1) % (n + 1);
    ++f.updates;
    f.timeNs = timeNs;
    f.mid = mid;
    f.spread = static_cast<double>(ask - bid);
    f.relativeSpread = f.spread / mid;
    const double sizes = static_cast<double>(bidSize + askSize);
    f.imbalance = sizes > 0 ? static_cast<double>(bidSize - askSize) / sizes : 0;
    f.ready = f.updates > n;
    if (f.ready) {
        const double oldest = m_mids[m_at]; // n updates ago
        f.momentum = std::log(mid / oldest);
        f.volatility = std::sqrt(std::max(0.0, m_sumSquares) / static_cast<double>(n));
    }
    expireTrades(timeNs);
    return true;
}

void RollingFeatures::onTrade(std::int64_t timeNs, std::int64_t price, std::int64_t quantity)
{
    if (price <= 0 || quantity <= 0)
        return;
    const double q = static_cast<double>(quantity);
    m_trades.push_back({timeNs, static_cast<double>(price) * q, q});
    m_notional += static_cast<double>(price) * q;
    m_quantity += q;
    expireTrades(timeNs);
}

void RollingFeatures::expireTrades(std::int64_t timeNs)
{
    while (!m_trades.empty() && m_trades.front().time <= timeNs - m_config.windowNs) {
        m_notional -= m_trades.front().notional;
        m_quantity -= m_trades.front().quantity;
        m_trades.pop_front();
    }
    if (m_trades.empty())
        m_notional = m_quantity = 0; // no drift from the running sums
    m_features.vwap = m_quantity > 0 ? m_notional / m_quantity : 0;
    m_features.tradeRate = static_cast<double>(m_trades.size()) / (static_cast<double>(m_config.windowNs) / 1e9);
}

} // namespace meridian::signal
