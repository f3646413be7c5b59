// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/decimal.h"
#include "core/error.h"
#include "core/price.h"

#include <cstdint>
#include <string>

namespace meridian {

/// Identifies an instrument within one run or one database (0 is invalid).
using InstrumentId = std::uint32_t;

enum class Side : std::uint8_t { Invalid = 0, Buy, Sell };

enum class AssetClass : std::uint8_t { Invalid = 0, Spot, Future, Perpetual, Equity, Option };

/// Returns the rounding that never makes a limit price more aggressive than asked: a buy price rounds
/// down, a sell price rounds up.
constexpr Rounding passiveRounding(Side side) noexcept
{
    return side == Side::Buy ? Rounding::Down : Rounding::Up;
}

/// Static description of a tradable instrument: its symbol and the grid its prices and sizes live on.
///
/// Prices are integer ticks and quantities integer lots of this instrument; this class is the only place
/// where they meet decimals. Rounding is explicit at every conversion:
///  - prices: Rounding::Exact refuses off-grid prices (order entry); passiveRounding(side) for prices a
///    strategy derives itself; HalfEven for market data that is known to be on the grid up to noise.
///  - quantities: Rounding::TowardZero never trades more than asked; Exact refuses odd sizes.
/// Thread: a value type.
struct InstrumentSpec
{
    InstrumentId id = 0;
    std::string symbol; ///< e.g. "BTCUSDT", "AAPL", "600519.SH"
    std::string venue;  ///< e.g. "BINANCE", "NASDAQ", "SIM"
    AssetClass assetClass = AssetClass::Spot;
    std::string baseCurrency;  ///< e.g. "BTC"; empty for equities
    std::string quoteCurrency; ///< e.g. "USDT", "USD", "CNY"
    Decimal tickSize{1, 2};    ///< smallest price step, > 0
    Decimal lotSize{1, 0};     ///< smallest quantity step, > 0
    Decimal minQuantity{0, 0}; ///< smallest order quantity, a multiple of lotSize (0: one lot)
    Decimal multiplier{1, 0};  ///< contract multiplier: notional = price × quantity × multiplier
};

class Instrument final
{
public:
    /// Returns a validated instrument.
    /// Errors: InvalidArgument when the symbol is empty, a size is not positive or the minimum quantity
    /// is not a multiple of the lot size.
    static Result<Instrument> create(InstrumentSpec spec);

    const InstrumentSpec &spec() const noexcept { return m_spec; }
    InstrumentId id() const noexcept { return m_spec.id; }
    const std::string &symbol() const noexcept { return m_spec.symbol; }
    const Decimal &tickSize() const noexcept { return m_spec.tickSize; }
    const Decimal &lotSize() const noexcept { return m_spec.lotSize; }

    /// Returns the price in ticks. Errors: InvalidArgument when off the tick grid and rounding is Exact
    /// (the message names the symbol, the price and the tick); OutOfRange on overflow.
    Result<Price> toPrice(const Decimal &price, Rounding rounding) const;
    /// Parses text and converts it as toPrice(Decimal, Rounding).
    Result<Price> parsePrice(std::string_view text, Rounding rounding) const;
    /// Returns the quantity in lots; same rules as toPrice.
    Result<Quantity> toQuantity(const Decimal &quantity, Rounding rounding) const;
    Result<Quantity> parseQuantity(std::string_view text, Rounding rounding) const;

    /// Returns the decimal value of a price (exact).
    Decimal toDecimal(Price price) const noexcept;
    /// Returns the decimal value of a quantity (exact).
    Decimal toDecimal(Quantity quantity) const noexcept;
    /// Returns the price as text with the tick's number of decimals ("27123.40").
    std::string formatPrice(Price price) const { return toDecimal(price).toString(); }
    std::string formatQuantity(Quantity quantity) const { return toDecimal(quantity).toString(); }

    /// Returns price × quantity × multiplier in money units, rounded half-even to 10^-8.
    /// Errors: OutOfRange when it exceeds Money's range.
    Result<Money> notional(Price price, Quantity quantity) const;
    /// Returns the smallest order quantity, in lots (at least one lot).
    Quantity minQuantity() const noexcept { return m_minQuantity; }

private:
    explicit Instrument(InstrumentSpec spec) : m_spec(std::move(spec)) {}
    Result<std::int64_t> toSteps(const Decimal &value, const Decimal &step, Rounding rounding, const char *what) const;

    InstrumentSpec m_spec;
    Quantity m_minQuantity{1};
};

} // namespace meridian
