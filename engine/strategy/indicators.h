// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

// Technical indicators, updated one observation at a time in O(1) (amortised O(1) for the rolling
// maximum and minimum). Each allocates its window once, at construction. Values are doubles: these are
// analytics, not prices in a book. ready() is false until the indicator has seen enough data; value() is
// then meaningless. Conventions follow the common definitions (Wilder, Appel, Lane, Bollinger, Granville)
// and are stated per class.
// Thread: each object is used by one thread.
namespace meridian::strategy::indicators {

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
    explicit Rsi(std::size_t n) : m_n(n) {}
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
    explicit Atr(std::size_t n) : m_n(n) {}
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
    explicit Adx(std::size_t n = 14) : m_n(n) {}
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

} // namespace meridian::strategy::indicators
