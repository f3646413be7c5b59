// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Technical indicators, updated one observation at a time in O(1) (amortised O(1) for the rolling
// maximum and minimum). Each allocates its window once, at construction. Values are doubles: these are
// analytics, not prices in a book. ready() is false until the indicator has seen enough data; value() is
// then meaningless. Conventions follow the common definitions (Wilder, Appel, Lane, Bollinger, Granville)
// and are stated per class.
// Header-only and dependent on nothing but the C++20 standard library, so that plugins use the same
// indicators as the host. A zero window length throws std::invalid_argument naming the indicator (thrown
// from onInit, the exception barrier reports it). Thread: each object is used by one thread.
#ifndef MERIDIAN_INDICATORS_HPP
#define MERIDIAN_INDICATORS_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace meridian::sdk::indicators {

namespace detail {
/// Returns n, or throws std::invalid_argument naming the indicator when n is zero.
inline std::size_t positive(std::size_t n, const char *indicator)
{
    if (n == 0)
        throw std::invalid_argument(std::string(indicator) + " of zero length");
    return n;
}
} // namespace detail

/// A fixed-capacity ring of the last n values.
class Window
{
public:
    /// Preconditions: capacity >= 1.
    explicit Window(std::size_t capacity);
    /// Adds x; returns true and sets evicted when the window was full and dropped its oldest value.
    bool push(double x, double &evicted);
    std::size_t size() const { return m_size; }
    std::size_t capacity() const { return m_data.size(); }
    bool full() const { return m_size == m_data.size(); }
    /// The i-th value, oldest first. Preconditions: i < size().
    double at(std::size_t i) const { return m_data[(m_head + i) % m_data.size()]; }

private:
    std::vector<double> m_data;
    std::size_t m_head = 0; // oldest
    std::size_t m_size = 0;
};

/// Mean and population variance of the last n values. The running sums are of deviations from a shift
/// (a recent value), so Σx² does not lose the digits that matter when values are far from zero (prices),
/// and they are recomputed from the window every n updates, so rounding does not accumulate.
class RollingStats
{
public:
    explicit RollingStats(std::size_t n);
    void update(double x);
    bool ready() const { return m_window.full(); }
    double mean() const;
    /// Population variance (divided by n).
    double variance() const;
    double stddev() const;
    const Window &window() const { return m_window; }

private:
    void recompute();
    Window m_window;
    double m_shift = 0;
    double m_sum = 0;        // Σ (x − shift)
    double m_sumSquares = 0; // Σ (x − shift)²
    std::size_t m_sinceRecompute = 0;
};

/// Simple moving average of the last n values.
class Sma
{
public:
    explicit Sma(std::size_t n) : m_stats(n) {}
    double update(double x)
    {
        m_stats.update(x);
        return value();
    }
    bool ready() const { return m_stats.ready(); }
    double value() const { return m_stats.mean(); }

private:
    RollingStats m_stats;
};

/// Exponential moving average, alpha = 2 / (n + 1), seeded with the simple average of the first n values
/// (the TA-Lib convention), so it is ready after n values.
class Ema
{
public:
    explicit Ema(std::size_t n);
    double update(double x);
    bool ready() const { return m_count >= m_n; }
    double value() const { return m_value; }

private:
    std::size_t m_n;
    double m_alpha;
    std::size_t m_count = 0;
    double m_seed = 0;
    double m_value = 0;
};

/// Linearly weighted moving average: weights 1 (oldest) … n (newest), divided by n(n+1)/2.
class Wma
{
public:
    explicit Wma(std::size_t n);
    double update(double x);
    bool ready() const { return m_window.full(); }
    double value() const;

private:
    void recompute();
    Window m_window;
    double m_sum = 0;      // plain sum of the window
    double m_weighted = 0; // sum of weight × value
    std::size_t m_sinceRecompute = 0;
};

/// Relative strength index with Wilder's smoothing: the first average gain and loss are the simple averages
/// of the first n changes, then avg = (avg × (n − 1) + change) / n. RSI = 100 − 100 / (1 + gain / loss)
/// (100 when there has been no loss). Ready after n + 1 values.
class Rsi
{
public:
    explicit Rsi(std::size_t n) : m_n(detail::positive(n, "RSI")) {}
    double update(double close);
    bool ready() const { return m_changes >= m_n; }
    double value() const;

private:
    std::size_t m_n;
    bool m_hasPrevious = false;
    double m_previous = 0;
    std::size_t m_changes = 0;
    double m_gain = 0;
    double m_loss = 0;
};

/// MACD (Appel): EMA(fast) − EMA(slow) of the closes, its EMA(signal) and the histogram (MACD − signal).
/// The signal line starts once the slow EMA is ready.
class Macd
{
public:
    Macd(std::size_t fast = 12, std::size_t slow = 26, std::size_t signal = 9);
    void update(double close);
    bool ready() const { return m_signal.ready(); }
    double macd() const { return m_macd; }
    double signal() const { return m_signal.value(); }
    double histogram() const { return m_macd - m_signal.value(); }

private:
    Ema m_fast;
    Ema m_slow;
    Ema m_signal;
    double m_macd = 0;
};

/// Average true range (Wilder): true range = max(high − low, |high − previous close|, |low − previous close|)
/// (high − low for the first bar); the first ATR is the mean of the first n true ranges, then Wilder's
/// smoothing. Ready after n bars.
class Atr
{
public:
    explicit Atr(std::size_t n) : m_n(detail::positive(n, "ATR")) {}
    double update(double high, double low, double close);
    bool ready() const { return m_count >= m_n; }
    double value() const { return m_value; }

private:
    std::size_t m_n;
    std::size_t m_count = 0;
    bool m_hasClose = false;
    double m_close = 0;
    double m_value = 0;
};

/// Bollinger bands: the n-value simple average ± k population standard deviations.
class Bollinger
{
public:
    Bollinger(std::size_t n = 20, double k = 2.0) : m_stats(n), m_k(k) {}
    void update(double close) { m_stats.update(close); }
    bool ready() const { return m_stats.ready(); }
    double middle() const { return m_stats.mean(); }
    double upper() const { return m_stats.mean() + m_k * m_stats.stddev(); }
    double lower() const { return m_stats.mean() - m_k * m_stats.stddev(); }

private:
    RollingStats m_stats;
    double m_k;
};

/// The largest and smallest of the last n values, with monotonic queues (amortised O(1)).
class RollingExtremes
{
public:
    explicit RollingExtremes(std::size_t n);
    void update(double high, double low);
    bool ready() const { return m_count >= m_n; }
    double max() const;
    double min() const;

private:
    struct Entry
    {
        std::uint64_t index;
        double value;
    };
    // A deque in a fixed ring of n entries.
    struct Queue
    {
        std::vector<Entry> ring;
        std::size_t head = 0;
        std::size_t size = 0;
        Entry &front() { return ring[head]; }
        Entry &back() { return ring[(head + size - 1) % ring.size()]; }
        void pushBack(Entry e)
        {
            ring[(head + size) % ring.size()] = e;
            ++size;
        }
        void popFront()
        {
            head = (head + 1) % ring.size();
            --size;
        }
    };
    std::size_t m_n;
    std::uint64_t m_count = 0;
    Queue m_max;
    Queue m_min;
};

/// Stochastic oscillator (Lane): %K = 100 × (close − lowest low) / (highest high − lowest low) over n bars
/// (50 when the range is zero), %D = simple average of the last d %K values.
class Stochastic
{
public:
    Stochastic(std::size_t n = 14, std::size_t d = 3) : m_extremes(n), m_d(d) {}
    void update(double high, double low, double close);
    bool ready() const { return m_d.ready(); }
    double k() const { return m_k; }
    double d() const { return m_d.value(); }

private:
    RollingExtremes m_extremes;
    Sma m_d;
    double m_k = 0;
};

/// Average directional index (Wilder): +DM, −DM and true range smoothed with Wilder's running sums over n
/// bars (the first sums are plain sums of the first n values), +DI = 100 × +DM / TR, −DI likewise,
/// DX = 100 × |+DI − −DI| / (+DI + −DI), ADX = the mean of the first n DX, then Wilder's smoothing.
/// Ready after 2n bars.
class Adx
{
public:
    explicit Adx(std::size_t n = 14) : m_n(detail::positive(n, "ADX")) {}
    void update(double high, double low, double close);
    bool ready() const { return m_dxCount >= m_n; }
    double adx() const { return m_adx; }
    double plusDi() const { return m_plusDi; }
    double minusDi() const { return m_minusDi; }

private:
    std::size_t m_n;
    bool m_hasPrevious = false;
    double m_high = 0, m_low = 0, m_close = 0;
    std::size_t m_count = 0; // directional movements seen
    double m_tr = 0, m_plusDm = 0, m_minusDm = 0;
    double m_plusDi = 0, m_minusDi = 0;
    std::size_t m_dxCount = 0;
    double m_dxSum = 0;
    double m_adx = 0;
};

/// On-balance volume (Granville): adds the volume on an up close, subtracts it on a down close. The first
/// bar sets the reference and leaves OBV at 0.
class Obv
{
public:
    double update(double close, double volume);
    double value() const { return m_value; }

private:
    bool m_hasPrevious = false;
    double m_previous = 0;
    double m_value = 0;
};

/// Volume-weighted average price since the last reset() (a session VWAP): Σ price × volume / Σ volume.
class Vwap
{
public:
    double update(double price, double volume);
    void reset();
    bool ready() const { return m_volume > 0; }
    double value() const { return m_volume > 0 ? m_notional / m_volume : 0; }

private:
    double m_notional = 0;
    double m_volume = 0;
};

/// Population standard deviation of the last n values.
class RollingStd
{
public:
    explicit RollingStd(std::size_t n) : m_stats(n) {}
    double update(double x)
    {
        m_stats.update(x);
        return value();
    }
    bool ready() const { return m_stats.ready(); }
    double value() const { return m_stats.stddev(); }

private:
    RollingStats m_stats;
};

/// z-score of the newest value against the last n values (itself included): (x − mean) / stddev; 0 when the
/// window has no spread.
class ZScore
{
public:
    explicit ZScore(std::size_t n) : m_stats(n) {}
    double update(double x);
    bool ready() const { return m_stats.ready(); }
    double value() const { return m_value; }

private:
    RollingStats m_stats;
    double m_value = 0;
};

/// Ordinary least squares of y on x over the last n pairs: y = intercept + slope × x, with R². Used for
/// hedge ratios. Like RollingStats, the sums are of deviations from a shift and are recomputed from the
/// window every n updates.
class RollingOls
{
public:
    explicit RollingOls(std::size_t n);
    void update(double x, double y);
    bool ready() const { return m_x.full(); }
    double slope() const;
    double intercept() const;
    double rSquared() const;

private:
    struct Centred
    {
        double xx = 0, yy = 0, xy = 0, meanX = 0, meanY = 0;
    };
    void recompute();
    Centred centred() const;
    Window m_x;
    Window m_y;
    double m_ax = 0, m_ay = 0; // shifts: the sums are of deviations from them
    double m_sx = 0, m_sy = 0, m_sxx = 0, m_syy = 0, m_sxy = 0;
    std::size_t m_sinceRecompute = 0;
};

// ---- Definitions -------------------------------------------------------------------------------------

inline Window::Window(std::size_t capacity) : m_data(detail::positive(capacity, "indicator window")) {}

inline bool Window::push(double x, double &evicted)
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

inline RollingStats::RollingStats(std::size_t n) : m_window(n) {}

inline void RollingStats::update(double x)
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

inline void RollingStats::recompute()
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

inline double RollingStats::mean() const
{
    return m_window.size() ? m_shift + m_sum / static_cast<double>(m_window.size()) : 0;
}

inline double RollingStats::variance() const
{
    const auto n = static_cast<double>(m_window.size());
    return n > 0 ? std::max(0.0, (m_sumSquares - m_sum * m_sum / n) / n) : 0;
}

inline double RollingStats::stddev() const
{
    return std::sqrt(variance());
}

inline Ema::Ema(std::size_t n) : m_n(detail::positive(n, "EMA")), m_alpha(2.0 / (static_cast<double>(n) + 1.0)) {}

inline double Ema::update(double x)
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

inline Wma::Wma(std::size_t n) : m_window(n) {}

inline double Wma::update(double x)
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

inline void Wma::recompute()
{
    m_sum = 0;
    m_weighted = 0;
    for (std::size_t i = 0; i < m_window.size(); ++i) {
        m_sum += m_window.at(i);
        m_weighted += static_cast<double>(i + 1) * m_window.at(i);
    }
    m_sinceRecompute = 0;
}

inline double Wma::value() const
{
    const auto n = static_cast<double>(m_window.size());
    return n > 0 ? m_weighted / (n * (n + 1) / 2) : 0;
}

inline double Rsi::update(double close)
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

inline double Rsi::value() const
{
    if (m_loss == 0)
        return m_gain == 0 ? 50.0 : 100.0;
    return 100.0 - 100.0 / (1.0 + m_gain / m_loss);
}

inline Macd::Macd(std::size_t fast, std::size_t slow, std::size_t signal) : m_fast(fast), m_slow(slow), m_signal(signal)
{}

inline void Macd::update(double close)
{
    m_fast.update(close);
    m_slow.update(close);
    if (m_slow.ready() && m_fast.ready()) {
        m_macd = m_fast.value() - m_slow.value();
        m_signal.update(m_macd);
    }
}

inline double Atr::update(double high, double low, double close)
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

inline RollingExtremes::RollingExtremes(std::size_t n) : m_n(detail::positive(n, "rolling extremes"))
{
    m_max.ring.resize(n);
    m_min.ring.resize(n);
}

inline void RollingExtremes::update(double high, double low)
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

inline double RollingExtremes::max() const
{
    return m_max.ring[m_max.head].value;
}

inline double RollingExtremes::min() const
{
    return m_min.ring[m_min.head].value;
}

inline void Stochastic::update(double high, double low, double close)
{
    m_extremes.update(high, low);
    if (!m_extremes.ready())
        return;
    const double range = m_extremes.max() - m_extremes.min();
    m_k = range > 0 ? 100.0 * (close - m_extremes.min()) / range : 50.0;
    m_d.update(m_k);
}

inline void Adx::update(double high, double low, double close)
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

inline double Obv::update(double close, double volume)
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

inline double Vwap::update(double price, double volume)
{
    m_notional += price * volume;
    m_volume += volume;
    return value();
}

inline void Vwap::reset()
{
    m_notional = 0;
    m_volume = 0;
}

inline double ZScore::update(double x)
{
    m_stats.update(x);
    const double sd = m_stats.stddev();
    m_value = sd > 0 ? (x - m_stats.mean()) / sd : 0;
    return m_value;
}

inline RollingOls::RollingOls(std::size_t n) : m_x(n), m_y(n) {}

inline void RollingOls::update(double x, double y)
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

inline void RollingOls::recompute()
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

inline RollingOls::Centred RollingOls::centred() const
{
    const auto n = static_cast<double>(m_x.size());
    if (n == 0)
        return Centred{};
    return Centred{m_sxx - m_sx * m_sx / n, m_syy - m_sy * m_sy / n, m_sxy - m_sx * m_sy / n, m_ax + m_sx / n,
                   m_ay + m_sy / n};
}

inline double RollingOls::slope() const
{
    const Centred c = centred();
    return m_x.size() >= 2 && c.xx > 0 ? c.xy / c.xx : 0;
}

inline double RollingOls::intercept() const
{
    const Centred c = centred();
    return c.meanY - slope() * c.meanX;
}

inline double RollingOls::rSquared() const
{
    const Centred c = centred();
    return m_x.size() >= 2 && c.xx > 0 && c.yy > 0 ? (c.xy * c.xy) / (c.xx * c.yy) : 0;
}

} // namespace meridian::sdk::indicators

#endif // MERIDIAN_INDICATORS_HPP
