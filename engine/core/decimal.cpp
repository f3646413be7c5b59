// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "core/decimal.h"

#include <cstdlib>
#include <limits>

namespace meridian {

namespace detail {

Int128 pow10i128(int exponent) noexcept
{
    Int128 value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

Int128 divideRounded(Int128 numerator, Int128 denominator, Rounding rounding, bool &exact) noexcept
{
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    Int128 quotient = numerator / denominator; // truncates toward zero
    const Int128 remainder = numerator % denominator;
    exact = remainder == 0;
    if (exact)
        return quotient;
    const bool negative = numerator < 0;
    switch (rounding) {
    case Rounding::Invalid:
    case Rounding::Exact:
    case Rounding::TowardZero:
        break;
    case Rounding::Down:
        if (negative)
            --quotient;
        break;
    case Rounding::Up:
        if (!negative)
            ++quotient;
        break;
    case Rounding::HalfEven: {
        const Int128 twice = (remainder < 0 ? -remainder : remainder) * 2;
        const bool awayFromZero = twice > denominator || (twice == denominator && (quotient % 2 != 0));
        if (awayFromZero)
            quotient += negative ? -1 : 1;
        break;
    }
    }
    return quotient;
}

} // namespace detail

namespace {

constexpr Int128 kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr Int128 kInt64Min = std::numeric_limits<std::int64_t>::min();

Error parseError(std::string_view text, const char *why)
{
    return Error{ErrorCode::InvalidArgument, "Not a decimal number: \"" + std::string(text) + "\" (" + why + ")"};
}

} // namespace

Result<Decimal> Decimal::parse(std::string_view text)
{
    std::size_t pos = 0;
    const std::size_t n = text.size();
    if (n == 0)
        return tl::unexpected(parseError(text, "empty"));
    bool negative = false;
    if (text[pos] == '+' || text[pos] == '-') {
        negative = text[pos] == '-';
        ++pos;
    }
    Int128 mantissa = 0;
    int scale = 0;
    int digits = 0;
    int significant = 0;
    bool seenPoint = false;
    for (; pos < n; ++pos) {
        const char c = text[pos];
        if (c >= '0' && c <= '9') {
            ++digits;
            if (seenPoint)
                ++scale;
            // Leading zeros do not count towards precision.
            if (mantissa == 0 && c == '0')
                continue;
            // 38 digits always fit in 128 bits; longer input is refused below.
            if (++significant > 38)
                return fail(ErrorCode::OutOfRange, "Decimal has too many digits: \"" + std::string(text) + "\"");
            mantissa = mantissa * 10 + (c - '0');
        } else if (c == '.') {
            if (seenPoint)
                return tl::unexpected(parseError(text, "more than one decimal point"));
            seenPoint = true;
        } else if (c == 'e' || c == 'E') {
            break;
        } else {
            return tl::unexpected(parseError(text, "unexpected character"));
        }
    }
    if (digits == 0)
        return tl::unexpected(parseError(text, "no digits"));
    int exponent = 0;
    if (pos < n) {
        ++pos; // the 'e'
        bool negativeExponent = false;
        if (pos < n && (text[pos] == '+' || text[pos] == '-')) {
            negativeExponent = text[pos] == '-';
            ++pos;
        }
        if (pos == n)
            return tl::unexpected(parseError(text, "exponent without digits"));
        for (; pos < n; ++pos) {
            const char c = text[pos];
            if (c < '0' || c > '9')
                return tl::unexpected(parseError(text, "unexpected character in exponent"));
            exponent = exponent * 10 + (c - '0');
            if (exponent > 100)
                return fail(ErrorCode::OutOfRange, "Decimal exponent too large: \"" + std::string(text) + "\"");
        }
        if (negativeExponent)
            exponent = -exponent;
    }
    scale -= exponent;
    if (mantissa == 0) {
        scale = scale < 0 ? 0 : (scale > kMaxScale ? kMaxScale : scale);
    } else if (scale < 0) {
        if (-scale > 18)
            return fail(ErrorCode::OutOfRange, "Decimal too large: \"" + std::string(text) + "\"");
        mantissa *= detail::pow10i128(-scale);
        scale = 0;
    }
    // Trailing zeros of the fraction may be dropped to make the value fit; other digits may not.
    while ((scale > kMaxScale || mantissa > kInt64Max) && scale > 0 && mantissa % 10 == 0) {
        mantissa /= 10;
        --scale;
    }
    if (scale > kMaxScale)
        return fail(ErrorCode::OutOfRange, "Decimal has more than 18 fraction digits: \"" + std::string(text) + "\"");
    if (mantissa > kInt64Max)
        return fail(ErrorCode::OutOfRange, "Decimal too large for 64 bits: \"" + std::string(text) + "\"");
    const auto value = static_cast<std::int64_t>(negative ? -mantissa : mantissa);
    return Decimal(value, scale);
}

Decimal Decimal::normalized() const noexcept
{
    std::int64_t mantissa = m_mantissa;
    int scale = m_scale;
    while (scale > 0 && mantissa % 10 == 0) {
        mantissa /= 10;
        --scale;
    }
    if (mantissa == 0)
        scale = 0;
    return Decimal(mantissa, scale);
}

Result<Decimal> Decimal::rescaled(int scale, Rounding rounding) const
{
    if (scale < 0 || scale > kMaxScale)
        return fail(ErrorCode::InvalidArgument, "Decimal scale out of range: " + std::to_string(scale));
    Int128 value = m_mantissa;
    if (scale >= m_scale) {
        value *= detail::pow10i128(scale - m_scale);
    } else {
        bool exact = false;
        value = detail::divideRounded(value, detail::pow10i128(m_scale - scale), rounding, exact);
        if (!exact && rounding == Rounding::Exact)
            return fail(ErrorCode::InvalidArgument,
                        toString() + " has more than " + std::to_string(scale) + " fraction digits");
    }
    if (value > kInt64Max || value < kInt64Min)
        return fail(ErrorCode::OutOfRange, toString() + " does not fit at scale " + std::to_string(scale));
    return Decimal(static_cast<std::int64_t>(value), scale);
}

double Decimal::toDouble() const noexcept
{
    return static_cast<double>(m_mantissa) / static_cast<double>(detail::pow10i128(m_scale));
}

std::string Decimal::toString() const
{
    const bool negative = m_mantissa < 0;
    // Work on the magnitude as unsigned so INT64_MIN is handled.
    UInt128 magnitude =
        negative ? static_cast<UInt128>(-static_cast<Int128>(m_mantissa)) : static_cast<UInt128>(m_mantissa);
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
        magnitude /= 10;
    } while (magnitude != 0);
    if (m_scale > 0) {
        if (static_cast<int>(digits.size()) <= m_scale)
            digits.insert(0, static_cast<std::size_t>(m_scale) - digits.size() + 1, '0');
        digits.insert(digits.size() - static_cast<std::size_t>(m_scale), 1, '.');
    }
    if (negative)
        digits.insert(digits.begin(), '-');
    return digits;
}

std::strong_ordering operator<=>(const Decimal &a, const Decimal &b) noexcept
{
    const int scale = a.m_scale > b.m_scale ? a.m_scale : b.m_scale;
    const Int128 left = static_cast<Int128>(a.m_mantissa) * detail::pow10i128(scale - a.m_scale);
    const Int128 right = static_cast<Int128>(b.m_mantissa) * detail::pow10i128(scale - b.m_scale);
    return left <=> right;
}

} // namespace meridian
