// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "core/clock.h"

#include "core/check.h"

namespace meridian {

Clock::~Clock() = default;

void SimulatedClock::advanceTo(Timestamp time) noexcept
{
    MERIDIAN_CHECK(time >= m_now, "simulated clock moved backwards");
    m_now = time;
}

void SimulatedClock::advanceBy(Duration duration) noexcept
{
    MERIDIAN_CHECK(duration.count() >= 0, "simulated clock moved backwards");
    m_now += duration;
}

Timestamp WallClock::now() const noexcept
{
    // The one place in the engine that reads the system clock.
    const auto since = std::chrono::system_clock::now().time_since_epoch();
    return Timestamp::fromNanoseconds(std::chrono::duration_cast<std::chrono::nanoseconds>(since).count());
}

} // namespace meridian
