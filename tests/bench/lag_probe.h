// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

// The event-loop lag probe of the GUI benchmarks: a 2 ms precise timer, and how late each firing comes.

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <utility>

namespace meridian::bench {

/// Once started, hands each firing's lag (ms past the 2 ms interval, never negative) to onLag, on the GUI
/// thread. What to keep, and when, is the benchmark's.
class LagProbe
{
public:
    explicit LagProbe(std::function<void(double lagMs)> onLag) : m_onLag(std::move(onLag))
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_onLag(std::max(0.0, static_cast<double>(now - m_previous) / 1e6 - kIntervalMs));
            m_previous = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_previous = m_clock.nsecsElapsed();
        m_timer.start();
    }

private:
    static constexpr int kIntervalMs = 2;
    std::function<void(double)> m_onLag;
    QElapsedTimer m_clock;
    qint64 m_previous = 0;
    QTimer m_timer;
};

} // namespace meridian::bench
