// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "backtest/backtest_host.h"

#include "strategy/c_abi.h"

#include <cmath>

namespace meridian::backtest {

namespace {

using strategy::toC;

std::vector<double> valuesPerTickLot(const std::vector<Instrument> &instruments)
{
    std::vector<double> out;
    for (const Instrument &i : instruments)
        out.push_back(i.tickSize().toDouble() * i.lotSize().toDouble() * i.spec().multiplier.toDouble());
    return out;
}

} // namespace

BacktestHost::BacktestHost(std::vector<Instrument> instruments, double capital, Account::Fees fees)
    : m_instruments(std::move(instruments)), m_account(capital, valuesPerTickLot(m_instruments), fees)
{}

void BacktestHost::flush(strategy::StrategyRunner &runner, strategy::InstanceId id)
{
    // Delivering may make the strategy act, which may queue more: index, do not iterate.
    for (std::size_t k = 0; k < m_updates.size(); ++k) {
        const meridian_order_update u = m_updates[k];
        runner.onOrder(id, u);
    }
    m_updates.clear();
}

meridian_status BacktestHost::publishSignal(strategy::InstanceId, const meridian_signal &)
{
    return MERIDIAN_STATUS_OK; // a backtest has no signal pipeline to feed
}

meridian_status BacktestHost::position(strategy::InstanceId, meridian_instrument_id instrument, meridian_position &out)
{
    if (instrument == 0 || instrument > m_instruments.size())
        return MERIDIAN_STATUS_NOT_FOUND;
    const std::size_t i = instrument - 1;
    out.instrument = instrument;
    out.quantity = m_account.position(i);
    out.average_price = std::llround(m_account.averagePrice(i));
    out.unrealized_pnl = std::llround((static_cast<double>(m_account.markOf(i)) - m_account.averagePrice(i)) *
                                      static_cast<double>(out.quantity) * m_account.valuePerTickLot(i) * 1e8);
    return MERIDIAN_STATUS_OK;
}

meridian_status BacktestHost::balance(strategy::InstanceId, std::string_view, meridian_balance &out)
{
    out.total = std::llround(m_account.equity() * 1e8);
    out.available = std::llround(m_account.cash() * 1e8);
    return MERIDIAN_STATUS_OK;
}

meridian_status BacktestHost::setTimer(strategy::InstanceId, std::uint64_t, std::int64_t, bool)
{
    return MERIDIAN_STATUS_UNSUPPORTED; // the data is the clock of a replay
}

meridian_status BacktestHost::cancelTimer(strategy::InstanceId, std::uint64_t)
{
    return MERIDIAN_STATUS_UNSUPPORTED;
}

void BacktestHost::log(strategy::InstanceId, meridian_log_level, std::string_view) {}

void BacktestHost::publishVariable(strategy::InstanceId, std::string_view name, double value)
{
    m_variables.set(name, value);
}

meridian_status BacktestHost::instrument(meridian_instrument_id instrument, meridian_instrument_info &info)
{
    if (instrument == 0 || instrument > m_instruments.size())
        return MERIDIAN_STATUS_NOT_FOUND;
    const Instrument &i = m_instruments[instrument - 1];
    const InstrumentSpec &spec = i.spec();
    info.id = instrument;
    info.symbol = {spec.symbol.data(), spec.symbol.size()};
    info.venue = {spec.venue.data(), spec.venue.size()};
    info.quote_currency = {spec.quoteCurrency.data(), spec.quoteCurrency.size()};
    info.tick_size = toC(spec.tickSize);
    info.lot_size = toC(spec.lotSize);
    info.multiplier = toC(spec.multiplier);
    info.min_quantity = i.minQuantity().value();
    return MERIDIAN_STATUS_OK;
}

meridian_status BacktestHost::findInstrument(std::string_view symbol, meridian_instrument_id &instrument)
{
    for (std::size_t i = 0; i < m_instruments.size(); ++i)
        if (m_instruments[i].symbol() == symbol) {
            instrument = static_cast<meridian_instrument_id>(i) + 1;
            return MERIDIAN_STATUS_OK;
        }
    return MERIDIAN_STATUS_NOT_FOUND;
}

} // namespace meridian::backtest
