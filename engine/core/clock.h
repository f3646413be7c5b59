// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/timestamp.h"

namespace meridian {

/// Source of the current time. Every component reads time from a Clock, never from the system directly:
/// simulated in simulations and backtests, wall-clock live.
class Clock
{
public:
    virtual ~Clock();
    /// Returns the current time.
    virtual Timestamp now() const noexcept = 0;

protected:
    Clock() = default;
    Clock(const Clock &) = default;
    Clock &operator=(const Clock &) = default;
};

/// A clock that moves only when told to; time never goes backwards.
///
/// Thread: owned by one Node; not thread-safe.
class SimulatedClock final : public Clock
{
public:
    explicit SimulatedClock(Timestamp start = {}) noexcept : m_now(start) {}
    Timestamp now() const noexcept override { return m_now; }
    /// Moves the clock to time. Preconditions: time >= now() (checked; a simulation must not go back).
    void advanceTo(Timestamp time) noexcept;
    /// Moves the clock forward by duration. Preconditions: duration >= 0.
    void advanceBy(Duration duration) noexcept;

private:
    Timestamp m_now;
};

/// The system's real-time clock (UTC, nanoseconds).
///
/// Thread: safe to call from any thread.
class WallClock final : public Clock
{
public:
    Timestamp now() const noexcept override;
};

} // namespace meridian
