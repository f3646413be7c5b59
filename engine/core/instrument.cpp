// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "core/instrument.h"

#include "core/check.h"

#include <limits>

namespace meridian {

namespace {

constexpr Int128 kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr Int128 kInt64Min = std::numeric_limits<std::int64_t>::min();

Decimal multiply(const Decimal &step, std::int64_t count) noexcept
{
    const Int128 product = static_cast<Int128>(step.mantissa()) * count;
    // A price or size this far out is corrupt data; showing a wrong number would be worse.
    MERIDIAN_CHECK(product <= kInt64Max && product >= kInt64Min, "decimal value of a tick or lot count overflows");
    return Decimal(static_cast<std::int64_t>(product), step.scale());
}

} // namespace

Result<Instrument> Instrument::create(InstrumentSpec spec)
{
    if (spec.symbol.empty())
        return fail(ErrorCode::InvalidArgument, "Instrument has an empty symbol");
    if (spec.tickSize.mantissa() <= 0)
        return fail(ErrorCode::InvalidArgument,
                    "Instrument " + spec.symbol + ": tick size must be positive, got " + spec.tickSize.toString());
    if (spec.lotSize.mantissa() <= 0)
        return fail(ErrorCode::InvalidArgument,
                    "Instrument " + spec.symbol + ": lot size must be positive, got " + spec.lotSize.toString());
    if (spec.multiplier.mantissa() <= 0)
        return fail(ErrorCode::InvalidArgument,
                    "Instrument " + spec.symbol + ": multiplier must be positive, got " + spec.multiplier.toString());
    Instrument instrument(spec);
    if (spec.minQuantity.isNegative())
        return fail(ErrorCode::InvalidArgument, "Instrument " + spec.symbol + ": minimum quantity is negative");
    if (!spec.minQuantity.isZero()) {
        auto lots = instrument.toQuantity(spec.minQuantity, Rounding::Exact);
        if (!lots)
            return fail(ErrorCode::InvalidArgument,
                        "Instrument " + spec.symbol + ": minimum quantity " + spec.minQuantity.toString() +
                            " is not a multiple of the lot size " + spec.lotSize.toString());
        instrument.m_minQuantity = *lots;
    }
    return instrument;
}

Result<std::int64_t> Instrument::toSteps(const Decimal &value, const Decimal &step, Rounding rounding,
                                         const char *what) const
{
    if (rounding == Rounding::Invalid)
        return fail(ErrorCode::InvalidArgument, std::string("No rounding rule given for a ") + what);
    // value / step = (mv / 10^sv) / (ms / 10^ss) = mv·10^ss / (ms·10^sv); both fit in 128 bits.
    const Int128 numerator = static_cast<Int128>(value.mantissa()) * detail::pow10i128(step.scale());
    const Int128 denominator = static_cast<Int128>(step.mantissa()) * detail::pow10i128(value.scale());
    bool exact = false;
    const Int128 steps = detail::divideRounded(numerator, denominator, rounding, exact);
    if (!exact && rounding == Rounding::Exact)
        return fail(ErrorCode::InvalidArgument, std::string(what) + " " + value.toString() + " of " + m_spec.symbol +
                                                    " is not a multiple of " + step.toString());
    if (steps > kInt64Max || steps < kInt64Min)
        return fail(ErrorCode::OutOfRange,
                    std::string(what) + " " + value.toString() + " of " + m_spec.symbol + " is out of range");
    return static_cast<std::int64_t>(steps);
}

Result<Price> Instrument::toPrice(const Decimal &price, Rounding rounding) const
{
    return toSteps(price, m_spec.tickSize, rounding, "price").map([](std::int64_t t) { return Price(t); });
}

Result<Price> Instrument::parsePrice(std::string_view text, Rounding rounding) const
{
    auto value = Decimal::parse(text);
    if (!value)
        return tl::unexpected(value.error());
    return toPrice(*value, rounding);
}

Result<Quantity> Instrument::toQuantity(const Decimal &quantity, Rounding rounding) const
{
    return toSteps(quantity, m_spec.lotSize, rounding, "quantity").map([](std::int64_t l) { return Quantity(l); });
}

Result<Quantity> Instrument::parseQuantity(std::string_view text, Rounding rounding) const
{
    auto value = Decimal::parse(text);
    if (!value)
        return tl::unexpected(value.error());
    return toQuantity(*value, rounding);
}

Decimal Instrument::toDecimal(Price price) const noexcept
{
    return multiply(m_spec.tickSize, price.value());
}

Decimal Instrument::toDecimal(Quantity quantity) const noexcept
{
    return multiply(m_spec.lotSize, quantity.value());
}

Result<Money> Instrument::notional(Price price, Quantity quantity) const
{
    // ticks·tick × lots·lot × multiplier, each a mantissa over a power of ten.
    const auto &t = m_spec.tickSize;
    const auto &l = m_spec.lotSize;
    const auto &m = m_spec.multiplier;
    const Int128 steps = static_cast<Int128>(price.value()) * quantity.value();
    const Int128 unitMantissa = static_cast<Int128>(t.mantissa()) * l.mantissa() * m.mantissa();
    const int scale = t.scale() + l.scale() + m.scale();
    constexpr Int128 kLimit = static_cast<Int128>(1) << 100;
    const Int128 absSteps = steps < 0 ? -steps : steps;
    if (absSteps != 0 && (unitMantissa > kLimit / absSteps))
        return fail(ErrorCode::OutOfRange, "Notional of " + m_spec.symbol + " overflows");
    Int128 value = steps * unitMantissa; // × 10^-scale
    bool exact = false;
    if (scale > Money::kScale) {
        value = detail::divideRounded(value, detail::pow10i128(scale - Money::kScale), Rounding::HalfEven, exact);
    } else {
        const Int128 factor = detail::pow10i128(Money::kScale - scale);
        if (value != 0 && (value > kLimit / factor || value < -kLimit / factor))
            return fail(ErrorCode::OutOfRange, "Notional of " + m_spec.symbol + " overflows");
        value *= factor;
    }
    if (value > kInt64Max || value < kInt64Min)
        return fail(ErrorCode::OutOfRange, "Notional of " + m_spec.symbol + " exceeds the money range");
    return Money::fromUnits(static_cast<std::int64_t>(value));
}

} // namespace meridian
