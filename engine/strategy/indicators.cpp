// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "strategy/indicators.h"

#include "core/check.h"

#include <algorithm>
#include <cmath>

namespace meridian::strategy::indicators {

Window::Window(std::size_t capacity) : m_data(capacity)
{
    MERIDIAN_CHECK(capacity >= 1, "indicator window of zero length");
}

bool Window::push(double x, double &evicted)
{
    if (m_size < m_data.size()) {
        m_data[(m_head + m_size) % m_data.size()] = x;
        ++m_size;
        return false;
    }
    evicted = m_data[m_head];
    m_data[m_head] = x;
    m_head = (m_head + 1) % m_data.size();
    return true;
}

RollingStats::RollingStats(std::size_t n) : m_window(n) {}

void RollingStats::update(double x)
{
    if (m_window.size() == 0)
        m_shift = x;
    double old = 0;
    const double d = x - m_shift;
    if (m_window.push(x, old)) {
        const double e = old - m_shift;
        m_sum += d - e;
        m_sumSquares += d * d - e * e;
    } else {
        m_sum += d;
        m_sumSquares += d * d;
    }
    if (++m_sinceRecompute >= m_window.capacity())
        recompute();
}

void RollingStats::recompute()
{
    m_shift = m_window.at(0);
    m_sum = 0;
    m_sumSquares = 0;
    for (std::size_t i = 0; i < m_window.size(); ++i) {
        const double d = m_window.at(i) - m_shift;
        m_sum += d;
        m_sumSquares += d * d;
    }
    m_sinceRecompute = 0;
}

double RollingStats::mean() const
{
    return m_window.size() ? m_shift + m_sum / static_cast<double>(m_window.size()) : 0;
}

double RollingStats::variance() const
{
    const auto n = static_cast<double>(m_window.size());
    return n > 0 ? std::max(0.0, (m_sumSquares - m_sum * m_sum / n) / n) : 0;
}

double RollingStats::stddev() const
{
    return std::sqrt(variance());
}

Ema::Ema(std::size_t n) : m_n(n), m_alpha(2.0 / (static_cast<double>(n) + 1.0))
{
    MERIDIAN_CHECK(n >= 1, "EMA of zero length");
}

double Ema::update(double x)
{
    ++m_count;
    if (m_count < m_n) {
        m_seed += x;
    } else if (m_count == m_n) {
        m_value = (m_seed + x) / static_cast<double>(m_n);
    } else {
        m_value += m_alpha * (x - m_value);
    }
    return m_value;
}

Wma::Wma(std::size_t n) : m_window(n) {}

double Wma::update(double x)
{
    double old = 0;
    const auto n = static_cast<double>(m_window.capacity());
    if (m_window.push(x, old)) {
        // Every older value loses one weight step; the newest enters with weight n.
        m_weighted += n * x - m_sum;
        m_sum += x - old;
    } else {
        m_weighted += static_cast<double>(m_window.size()) * x;
        m_sum += x;
    }
    if (++m_sinceRecompute >= m_window.capacity())
        recompute();
    return value();
}

void Wma::recompute()
{
    m_sum = 0;
    m_weighted = 0;
    for (std::size_t i = 0; i < m_window.size(); ++i) {
        m_sum += m_window.at(i);
        m_weighted += static_cast<double>(i + 1) * m_window.at(i);
    }
    m_sinceRecompute = 0;
}

double Wma::value() const
{
    const auto n = static_cast<double>(m_window.size());
    return n > 0 ? m_weighted / (n * (n + 1) / 2) : 0;
}

double Rsi::update(double close)
{
    if (!m_hasPrevious) {
        m_hasPrevious = true;
        m_previous = close;
        return value();
    }
    const double change = close - m_previous;
    m_previous = close;
    const double gain = change > 0 ? change : 0;
    const double loss = change < 0 ? -change : 0;
    const auto n = static_cast<double>(m_n);
    ++m_changes;
    if (m_changes <= m_n) {
        m_gain += gain / n;
        m_loss += loss / n;
    } else {
        m_gain = (m_gain * (n - 1) + gain) / n;
        m_loss = (m_loss * (n - 1) + loss) / n;
    }
    return value();
}

double Rsi::value() const
{
    if (m_loss == 0)
        return m_gain == 0 ? 50.0 : 100.0;
    return 100.0 - 100.0 / (1.0 + m_gain / m_loss);
}

Macd::Macd(std::size_t fast, std::size_t slow, std::size_t signal) : m_fast(fast), m_slow(slow), m_signal(signal) {}

void Macd::update(double close)
{
    m_fast.update(close);
    m_slow.update(close);
    if (m_slow.ready() && m_fast.ready()) {
        m_macd = m_fast.value() - m_slow.value();
        m_signal.update(m_macd);
    }
}

double Atr::update(double high, double low, double close)
{
    double range = high - low;
    if (m_hasClose)
        range = std::max({range, std::fabs(high - m_close), std::fabs(low - m_close)});
    m_hasClose = true;
    m_close = close;
    const auto n = static_cast<double>(m_n);
    ++m_count;
    if (m_count <= m_n)
        m_value += (range - m_value) / static_cast<double>(m_count); // running mean of the first n
    else
        m_value = (m_value * (n - 1) + range) / n;
    return m_value;
}

RollingExtremes::RollingExtremes(std::size_t n) : m_n(n)
{
    MERIDIAN_CHECK(n >= 1, "rolling extremes of zero length");
    m_max.ring.resize(n);
    m_min.ring.resize(n);
}

void RollingExtremes::update(double high, double low)
{
    const std::uint64_t index = m_count++;
    while (m_max.size && m_max.back().value <= high)
        --m_max.size;
    m_max.pushBack({index, high});
    while (m_min.size && m_min.back().value >= low)
        --m_min.size;
    m_min.pushBack({index, low});
    // Drop what has left the window of the last n indices.
    while (m_max.front().index + m_n <= index)
        m_max.popFront();
    while (m_min.front().index + m_n <= index)
        m_min.popFront();
}

double RollingExtremes::max() const
{
    return m_max.ring[m_max.head].value;
}

double RollingExtremes::min() const
{
    return m_min.ring[m_min.head].value;
}

void Stochastic::update(double high, double low, double close)
{
    m_extremes.update(high, low);
    if (!m_extremes.ready())
        return;
    const double range = m_extremes.max() - m_extremes.min();
    m_k = range > 0 ? 100.0 * (close - m_extremes.min()) / range : 50.0;
    m_d.update(m_k);
}

void Adx::update(double high, double low, double close)
{
    if (!m_hasPrevious) {
        m_hasPrevious = true;
        m_high = high;
        m_low = low;
        m_close = close;
        return;
    }
    const double up = high - m_high;
    const double down = m_low - low;
    const double plusDm = up > down && up > 0 ? up : 0;
    const double minusDm = down > up && down > 0 ? down : 0;
    const double tr = std::max({high - low, std::fabs(high - m_close), std::fabs(low - m_close)});
    m_high = high;
    m_low = low;
    m_close = close;
    const auto n = static_cast<double>(m_n);
    ++m_count;
    if (m_count <= m_n) {
        m_tr += tr;
        m_plusDm += plusDm;
        m_minusDm += minusDm;
        if (m_count < m_n)
            return;
    } else {
        m_tr = m_tr - m_tr / n + tr;
        m_plusDm = m_plusDm - m_plusDm / n + plusDm;
        m_minusDm = m_minusDm - m_minusDm / n + minusDm;
    }
    m_plusDi = m_tr > 0 ? 100.0 * m_plusDm / m_tr : 0;
    m_minusDi = m_tr > 0 ? 100.0 * m_minusDm / m_tr : 0;
    const double total = m_plusDi + m_minusDi;
    const double dx = total > 0 ? 100.0 * std::fabs(m_plusDi - m_minusDi) / total : 0;
    ++m_dxCount;
    if (m_dxCount <= m_n) {
        m_dxSum += dx;
        m_adx = m_dxSum / static_cast<double>(m_dxCount);
    } else {
        m_adx = (m_adx * (n - 1) + dx) / n;
    }
}

double Obv::update(double close, double volume)
{
    if (m_hasPrevious) {
        if (close > m_previous)
            m_value += volume;
        else if (close < m_previous)
            m_value -= volume;
    }
    m_hasPrevious = true;
    m_previous = close;
    return m_value;
}

double Vwap::update(double price, double volume)
{
    m_notional += price * volume;
    m_volume += volume;
    return value();
}

void Vwap::reset()
{
    m_notional = 0;
    m_volume = 0;
}

double ZScore::update(double x)
{
    m_stats.update(x);
    const double sd = m_stats.stddev();
    m_value = sd > 0 ? (x - m_stats.mean()) / sd : 0;
    return m_value;
}

RollingOls::RollingOls(std::size_t n) : m_x(n), m_y(n) {}

void RollingOls::update(double x, double y)
{
    if (m_x.size() == 0) {
        m_ax = x;
        m_ay = y;
    }
    double oldX = 0, oldY = 0;
    const bool evicted = m_x.push(x, oldX);
    m_y.push(y, oldY);
    const double dx = x - m_ax, dy = y - m_ay;
    m_sx += dx;
    m_sy += dy;
    m_sxx += dx * dx;
    m_syy += dy * dy;
    m_sxy += dx * dy;
    if (evicted) {
        const double ex = oldX - m_ax, ey = oldY - m_ay;
        m_sx -= ex;
        m_sy -= ey;
        m_sxx -= ex * ex;
        m_syy -= ey * ey;
        m_sxy -= ex * ey;
    }
    if (++m_sinceRecompute >= m_x.capacity())
        recompute();
}

void RollingOls::recompute()
{
    m_ax = m_x.at(0);
    m_ay = m_y.at(0);
    m_sx = m_sy = m_sxx = m_syy = m_sxy = 0;
    for (std::size_t i = 0; i < m_x.size(); ++i) {
        const double dx = m_x.at(i) - m_ax, dy = m_y.at(i) - m_ay;
        m_sx += dx;
        m_sy += dy;
        m_sxx += dx * dx;
        m_syy += dy * dy;
        m_sxy += dx * dy;
    }
    m_sinceRecompute = 0;
}

RollingOls::Centred RollingOls::centred() const
{
    const auto n = static_cast<double>(m_x.size());
    if (n == 0)
        return Centred{};
    return Centred{m_sxx - m_sx * m_sx / n, m_syy - m_sy * m_sy / n, m_sxy - m_sx * m_sy / n, m_ax + m_sx / n,
                   m_ay + m_sy / n};
}

double RollingOls::slope() const
{
    const Centred c = centred();
    return m_x.size() >= 2 && c.xx > 0 ? c.xy / c.xx : 0;
}

double RollingOls::intercept() const
{
    const Centred c = centred();
    return c.meanY - slope() * c.meanX;
}

double RollingOls::rSquared() const
{
    const Centred c = centred();
    return m_x.size() >= 2 && c.xx > 0 && c.yy > 0 ? (c.xy * c.xy) / (c.xx * c.yy) : 0;
}

} // namespace meridian::strategy::indicators
