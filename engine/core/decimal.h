// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "core/int128.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace meridian {

/// How a value that is not on a grid (tick, lot, money scale) is brought onto it.
///
/// The rule is always named at the call site; there is no silent default.
enum class Rounding : std::uint8_t {
    Invalid = 0,
    Exact,      ///< refuse a value that is off the grid
    Down,       ///< toward negative infinity (floor)
    Up,         ///< toward positive infinity (ceiling)
    TowardZero, ///< truncate
    HalfEven,   ///< to the nearest step, ties to the even step (banker's rounding)
};

/// An exact decimal number: mantissa × 10^-scale, with 0 <= scale <= 18.
///
/// Used for tick sizes, lot sizes and for exchanging numbers with text (files, exchanges, the UI) without
/// passing through binary floating point. Arithmetic on prices happens on integer ticks, not here.
/// Thread: a value type.
class Decimal final
{
public:
    static constexpr int kMaxScale = 18;

    constexpr Decimal() = default;
    /// Returns mantissa × 10^-scale. Preconditions: 0 <= scale <= kMaxScale.
    constexpr Decimal(std::int64_t mantissa, int scale) : m_mantissa(mantissa), m_scale(scale) {}

    /// Parses "123", "-0.001", "+1.50", "1e-8", "2.5E3". The scale kept is the one written (trailing
    /// zeros included), so "1.50" has scale 2.
    /// Errors: ErrorCode::InvalidArgument for anything else (empty text, letters, several points);
    /// ErrorCode::OutOfRange when it needs more than 18 digits.
    static Result<Decimal> parse(std::string_view text);

    constexpr std::int64_t mantissa() const noexcept { return m_mantissa; }
    constexpr int scale() const noexcept { return m_scale; }
    constexpr bool isZero() const noexcept { return m_mantissa == 0; }
    constexpr bool isNegative() const noexcept { return m_mantissa < 0; }

    /// Returns the same value with trailing zeros of the fraction removed ("1.500" → "1.5").
    Decimal normalized() const noexcept;
    /// Returns the value at another scale. Errors: OutOfRange on overflow; InvalidArgument when
    /// rounding is Exact and digits would be lost.
    Result<Decimal> rescaled(int scale, Rounding rounding) const;
    /// Returns the nearest double (for analytics and display only, never for money or prices).
    double toDouble() const noexcept;
    /// Returns the value as text, with exactly scale() fraction digits ("-0.0100").
    std::string toString() const;

    friend std::strong_ordering operator<=>(const Decimal &a, const Decimal &b) noexcept;
    friend bool operator==(const Decimal &a, const Decimal &b) noexcept { return (a <=> b) == 0; }

private:
    std::int64_t m_mantissa = 0;
    int m_scale = 0;
};

namespace detail {

/// Returns 10^exponent for 0 <= exponent <= 38, as a 128-bit integer.
Int128 pow10i128(int exponent) noexcept;

/// Divides numerator by denominator (denominator != 0) with the given rounding. Sets exact to whether
/// the division had no remainder.
Int128 divideRounded(Int128 numerator, Int128 denominator, Rounding rounding, bool &exact) noexcept;

} // namespace detail
} // namespace meridian
