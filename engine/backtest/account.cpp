// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "backtest/account.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace meridian::backtest {

Account::Account(double capital, std::vector<double> valuePerTickLot, Fees fees)
    : m_valuePerTickLot(std::move(valuePerTickLot)),
      m_fees(fees),
      m_cash(capital),
      m_positions(m_valuePerTickLot.size()),
      m_marks(m_valuePerTickLot.size(), 0),
      m_previousBalance(capital)
{}

double Account::fill(std::size_t instrument, std::int64_t signedQuantity, std::int64_t price, bool maker)
{
    const double vpt = m_valuePerTickLot[instrument];
    const auto quantity = static_cast<double>(std::abs(signedQuantity));
    const double notional = static_cast<double>(price) * quantity * vpt;
    const double fee = notional * (maker ? m_fees.maker : m_fees.taker) + m_fees.perLot * quantity;
    m_cash -= static_cast<double>(signedQuantity) * static_cast<double>(price) * vpt + fee;
    m_dayCommission += fee;
    m_dayTurnover += notional;
    ++m_dayFills;

    Position &p = m_positions[instrument];
    p.tradePnl -= fee;
    const bool opening = p.quantity == 0 || (p.quantity > 0) == (signedQuantity > 0);
    if (opening) {
        p.averagePrice = (p.averagePrice * static_cast<double>(p.quantity) +
                          static_cast<double>(price) * static_cast<double>(signedQuantity)) /
                         static_cast<double>(p.quantity + signedQuantity);
        p.quantity += signedQuantity;
        return fee;
    }
    const std::int64_t closing = std::min(std::abs(signedQuantity), std::abs(p.quantity));
    const double direction = p.quantity > 0 ? 1.0 : -1.0;
    p.tradePnl += (static_cast<double>(price) - p.averagePrice) * direction * static_cast<double>(closing) * vpt;
    const bool wasLong = p.quantity > 0;
    p.quantity += signedQuantity;
    if (p.quantity == 0 || (p.quantity > 0) != wasLong) {
        m_trades.push_back({p.tradePnl, wasLong});
        p.tradePnl = 0;
        p.averagePrice = p.quantity == 0 ? 0 : static_cast<double>(price);
    }
    return fee;
}

double Account::equity() const
{
    double value = m_cash;
    for (std::size_t i = 0; i < m_positions.size(); ++i)
        value += static_cast<double>(m_positions[i].quantity) * static_cast<double>(m_marks[i]) * m_valuePerTickLot[i];
    return value;
}

double Account::notional(std::size_t instrument, std::int64_t quantity, std::int64_t price) const
{
    return std::fabs(static_cast<double>(quantity)) * static_cast<double>(price) * m_valuePerTickLot[instrument];
}

double Account::grossExposure() const
{
    double sum = 0;
    for (std::size_t i = 0; i < m_positions.size(); ++i)
        sum += notional(i, m_positions[i].quantity, m_marks[i]);
    return sum;
}

void Account::day(std::int64_t key)
{
    if (m_haveDay && key != m_day)
        closeDay();
    m_day = key;
    m_haveDay = true;
}

void Account::closeDay()
{
    if (!m_haveDay)
        return;
    metrics::DailyResult d;
    d.date = m_day;
    d.balance = equity();
    d.netPnl = d.balance - m_previousBalance;
    d.commission = m_dayCommission;
    d.turnover = m_dayTurnover;
    d.trades = m_dayFills;
    m_days.push_back(d);
    m_previousBalance = d.balance;
    m_dayCommission = m_dayTurnover = 0;
    m_dayFills = 0;
    m_haveDay = false;
}

} // namespace meridian::backtest
