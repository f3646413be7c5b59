// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <compare>
#include <cstdint>
#include <limits>

namespace meridian {

/// An integer count in some unit, kept apart from other units by its tag.
///
/// Prices are counts of ticks and quantities counts of lots of one instrument; the Instrument converts
/// them to and from decimals. Adding a price to a quantity does not compile.
/// Thread: a value type.
template <class Tag>
class Count final
{
public:
    constexpr Count() = default;
    constexpr explicit Count(std::int64_t value) noexcept : m_value(value) {}

    constexpr std::int64_t value() const noexcept { return m_value; }
    static constexpr Count max() noexcept { return Count(std::numeric_limits<std::int64_t>::max()); }
    static constexpr Count min() noexcept { return Count(std::numeric_limits<std::int64_t>::min()); }

    constexpr Count &operator+=(Count other) noexcept
    {
        m_value += other.m_value;
        return *this;
    }
    constexpr Count &operator-=(Count other) noexcept
    {
        m_value -= other.m_value;
        return *this;
    }
    friend constexpr Count operator+(Count a, Count b) noexcept { return Count(a.m_value + b.m_value); }
    friend constexpr Count operator-(Count a, Count b) noexcept { return Count(a.m_value - b.m_value); }
    friend constexpr Count operator-(Count a) noexcept { return Count(-a.m_value); }
    friend constexpr auto operator<=>(Count a, Count b) noexcept = default;
    friend constexpr bool operator==(Count a, Count b) noexcept = default;

private:
    std::int64_t m_value = 0;
};

struct PriceTag;
struct QuantityTag;

/// A price in ticks of its instrument (1 tick = Instrument::tickSize()).
using Price = Count<PriceTag>;
/// A quantity in lots of its instrument (1 lot = Instrument::lotSize()).
using Quantity = Count<QuantityTag>;

/// An amount of money in units of 10^-8 of the quote currency (int64: up to about 9.2e10 units).
///
/// Enough precision for any fee or notional of one order; portfolio totals stay far below the limit.
class Money final
{
public:
    static constexpr int kScale = 8;

    constexpr Money() = default;
    static constexpr Money fromUnits(std::int64_t units) noexcept { return Money(units); }
    /// Returns the raw count of 10^-8 units.
    constexpr std::int64_t units() const noexcept { return m_units; }
    double toDouble() const noexcept { return static_cast<double>(m_units) / 1e8; }

    constexpr Money &operator+=(Money other) noexcept
    {
        m_units += other.m_units;
        return *this;
    }
    constexpr Money &operator-=(Money other) noexcept
    {
        m_units -= other.m_units;
        return *this;
    }
    friend constexpr Money operator+(Money a, Money b) noexcept { return Money(a.m_units + b.m_units); }
    friend constexpr Money operator-(Money a, Money b) noexcept { return Money(a.m_units - b.m_units); }
    friend constexpr Money operator-(Money a) noexcept { return Money(-a.m_units); }
    friend constexpr auto operator<=>(Money a, Money b) noexcept = default;
    friend constexpr bool operator==(Money a, Money b) noexcept = default;

private:
    constexpr explicit Money(std::int64_t units) noexcept : m_units(units) {}
    std::int64_t m_units = 0;
};

} // namespace meridian
