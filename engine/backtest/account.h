// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "backtest/bar_backtest.h"

#include <cstdint>
#include <vector>

namespace meridian::backtest {

/// A backtest's books: cash, positions with average price, round trips and daily results, kept from the
/// fills. Prices are in ticks and quantities in lots; money in the quote currency.
/// Thread: one owner.
class Account
{
public:
    struct Fees
    {
        double maker = 0, taker = 0, perLot = 0;
    };

    /// valuePerTickLot: per instrument, tick size × lot size × multiplier.
    Account(double capital, std::vector<double> valuePerTickLot, Fees fees);

    /// Books a fill; returns its fee. signedQuantity: positive for a buy.
    double fill(std::size_t instrument, std::int64_t signedQuantity, std::int64_t price, bool maker);

    /// The instrument's last price, for marking.
    void mark(std::size_t instrument, std::int64_t price) { m_marks[instrument] = price; }
    std::int64_t markOf(std::size_t instrument) const { return m_marks[instrument]; }
    double equity() const;
    double cash() const { return m_cash; }
    std::int64_t position(std::size_t instrument) const { return m_positions[instrument].quantity; }
    double averagePrice(std::size_t instrument) const { return m_positions[instrument].averagePrice; }
    double valuePerTickLot(std::size_t instrument) const { return m_valuePerTickLot[instrument]; }
    std::size_t instruments() const { return m_positions.size(); }
    /// The value of a quantity (either sign) at a price, in the quote currency.
    double notional(std::size_t instrument, std::int64_t quantity, std::int64_t price) const;
    /// Σ |position| × mark over the instruments, in the quote currency.
    double grossExposure() const;

    /// Starts or continues the day with this key; a new key closes the day before.
    void day(std::int64_t key);
    /// Closes the day under way, if any.
    void closeDay();

    const std::vector<metrics::DailyResult> &days() const { return m_days; }
    const std::vector<metrics::ClosedTrade> &trades() const { return m_trades; }

private:
    struct Position
    {
        std::int64_t quantity = 0;
        double averagePrice = 0; // ticks
        double tradePnl = 0;     // the round trip under way: realised profit and fees
    };
    std::vector<double> m_valuePerTickLot;
    Fees m_fees;
    double m_cash;
    std::vector<Position> m_positions;
    std::vector<std::int64_t> m_marks;
    std::vector<metrics::DailyResult> m_days;
    std::vector<metrics::ClosedTrade> m_trades;
    bool m_haveDay = false;
    std::int64_t m_day = 0;
    double m_previousBalance;
    double m_dayCommission = 0, m_dayTurnover = 0;
    std::int64_t m_dayFills = 0;
};

} // namespace meridian::backtest
