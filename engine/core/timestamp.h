// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace meridian {

using Duration = std::chrono::nanoseconds;

/// A point in time: nanoseconds since 1970-01-01T00:00:00Z (UTC, no leap seconds), in int64.
///
/// Range: about 1677-09-21 to 2262-04-11.
/// Thread: a value type.
class Timestamp final
{
public:
    constexpr Timestamp() = default;
    static constexpr Timestamp fromNanoseconds(std::int64_t ns) noexcept { return Timestamp(ns); }
    static constexpr Timestamp fromMilliseconds(std::int64_t ms) noexcept { return Timestamp(ms * 1'000'000); }
    static constexpr Timestamp fromMicroseconds(std::int64_t us) noexcept { return Timestamp(us * 1'000); }

    constexpr std::int64_t nanoseconds() const noexcept { return m_ns; }
    /// Returns whole milliseconds, rounded toward negative infinity.
    constexpr std::int64_t milliseconds() const noexcept
    {
        return m_ns >= 0 ? m_ns / 1'000'000 : -((-m_ns + 999'999) / 1'000'000);
    }

    /// Parses ISO-8601: "2026-11-22", "2026-11-22T21:05:11Z", "2026-11-22 21:05:11.123456789+08:00".
    /// Accepts 'T' or a space between date and time, 1 to 9 fraction digits, "Z", "+hh:mm", "+hhmm" or
    /// "+hh"; no suffix means UTC.
    /// Errors: InvalidArgument naming the text and what is wrong; OutOfRange outside the int64 range.
    static Result<Timestamp> parseIso8601(std::string_view text);

    /// Returns "YYYY-MM-DDTHH:MM:SS.fffffffffZ" in UTC with fractionDigits (0, 3, 6 or 9) digits.
    /// Formatting with 9 digits and parsing give back the same value.
    std::string toIso8601(int fractionDigits = 9) const;

    constexpr Timestamp &operator+=(Duration d) noexcept
    {
        m_ns += d.count();
        return *this;
    }
    constexpr Timestamp &operator-=(Duration d) noexcept
    {
        m_ns -= d.count();
        return *this;
    }
    friend constexpr Timestamp operator+(Timestamp t, Duration d) noexcept { return Timestamp(t.m_ns + d.count()); }
    friend constexpr Timestamp operator-(Timestamp t, Duration d) noexcept { return Timestamp(t.m_ns - d.count()); }
    friend constexpr Duration operator-(Timestamp a, Timestamp b) noexcept { return Duration(a.m_ns - b.m_ns); }
    friend constexpr auto operator<=>(Timestamp a, Timestamp b) noexcept = default;
    friend constexpr bool operator==(Timestamp a, Timestamp b) noexcept = default;

private:
    constexpr explicit Timestamp(std::int64_t ns) noexcept : m_ns(ns) {}
    std::int64_t m_ns = 0;
};

namespace detail {

/// Returns days since 1970-01-01 for a proleptic Gregorian date (month 1..12, day 1..31).
constexpr std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day) noexcept
{
    // Shift the year to start in March so the leap day is the last day of the year; eras are 400 years.
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yearOfEra = static_cast<unsigned>(year - era * 400);
    const unsigned dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + static_cast<std::int64_t>(dayOfEra) - 719468;
}

} // namespace detail
} // namespace meridian
