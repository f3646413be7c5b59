// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

// StrategyServices for tests: records what strategy instances ask for, hands out order ids, and lets the
// test set the time and the instruments it knows.

#include "strategy/strategy_runner.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace meridian::testing {

struct RecordingServices final : strategy::StrategyServices
{
    using InstanceId = strategy::InstanceId;

    std::vector<std::pair<InstanceId, meridian_order_request>> orders;
    std::vector<std::uint64_t> orderIds; // parallel to orders
    std::vector<std::uint64_t> cancels;
    std::map<std::pair<InstanceId, std::string>, double> variables;
    std::vector<std::string> logs;
    struct Signal
    {
        InstanceId from;
        meridian_instrument_id instrument;
        std::int32_t direction;
        double strength;
        std::string reason;
    };
    std::vector<Signal> published;                                    // signals (a Qt macro name)
    std::map<meridian_instrument_id, meridian_instrument_info> infos; // tick and lot sizes; strings static
    std::map<std::string, meridian_instrument_id> instruments;
    std::int64_t now = 0;
    std::uint64_t nextOrder = 1;
    std::size_t marketOrdersFilled = 0; // orders before this index were seen by fillMarketOrders

    meridian_status placeOrder(InstanceId from, const meridian_order_request &r, std::uint64_t &id) override
    {
        orders.emplace_back(from, r);
        id = nextOrder++;
        orderIds.push_back(id);
        return MERIDIAN_STATUS_OK;
    }
    meridian_status cancelOrder(InstanceId, std::uint64_t id) override
    {
        cancels.push_back(id);
        return MERIDIAN_STATUS_OK;
    }
    meridian_status modifyOrder(InstanceId, std::uint64_t, std::int64_t, std::int64_t) override
    {
        return MERIDIAN_STATUS_UNSUPPORTED;
    }
    meridian_status publishSignal(InstanceId from, const meridian_signal &s) override
    {
        published.push_back({from, s.instrument, s.direction, s.strength, std::string(s.reason.data, s.reason.size)});
        return MERIDIAN_STATUS_OK;
    }
    meridian_status position(InstanceId, meridian_instrument_id, meridian_position &) override
    {
        return MERIDIAN_STATUS_OK;
    }
    meridian_status balance(InstanceId, std::string_view, meridian_balance &) override { return MERIDIAN_STATUS_OK; }
    meridian_status setTimer(InstanceId, std::uint64_t, std::int64_t, bool) override { return MERIDIAN_STATUS_OK; }
    meridian_status cancelTimer(InstanceId, std::uint64_t) override { return MERIDIAN_STATUS_OK; }
    void log(InstanceId, meridian_log_level, std::string_view message) override { logs.emplace_back(message); }
    void publishVariable(InstanceId from, std::string_view name, double value) override
    {
        variables[{from, std::string(name)}] = value;
    }
    std::int64_t nowNs() override { return now; }
    meridian_status instrument(meridian_instrument_id id, meridian_instrument_info &info) override
    {
        const auto it = infos.find(id);
        if (it == infos.end())
            return MERIDIAN_STATUS_NOT_FOUND;
        info = it->second;
        return MERIDIAN_STATUS_OK;
    }

    /// Fills every market order placed since the last call at priceOf(instrument), delivering each fill to its
    /// instance: a venue with unlimited liquidity at one price per instrument, enough for strategies whose
    /// logic is under test.
    template <class PriceOf>
    void fillMarketOrdersAt(strategy::StrategyRunner &runner, PriceOf priceOf)
    {
        for (; marketOrdersFilled < orders.size(); ++marketOrdersFilled) {
            const auto [from, r] = orders[marketOrdersFilled]; // a copy: onOrder may place orders
            if (r.type == MERIDIAN_ORDER_MARKET)
                runner.onOrder(from, fill(orderIds[marketOrdersFilled], r, r.quantity, priceOf(r.instrument)));
        }
    }
    void fillMarketOrders(strategy::StrategyRunner &runner, std::int64_t price)
    {
        fillMarketOrdersAt(runner, [price](meridian_instrument_id) { return price; });
    }

    /// A fill of quantity at price of the order with this id, as the venue would report it.
    static meridian_order_update fill(std::uint64_t id, const meridian_order_request &r, std::int64_t quantity,
                                      std::int64_t price)
    {
        meridian_order_update u{};
        u.struct_size = sizeof u;
        u.instrument = r.instrument;
        u.order_id = id;
        u.client_tag = r.client_tag;
        u.side = r.side;
        u.price = r.price;
        u.quantity = r.quantity;
        u.filled_quantity = quantity;
        u.fill_price = price;
        u.fill_quantity = quantity;
        u.status = quantity == r.quantity ? MERIDIAN_ORDER_FILLED : MERIDIAN_ORDER_PARTIALLY_FILLED;
        return u;
    }

    /// The signed position the orders placed by from would give if all were filled, in one instrument.
    std::int64_t orderedPosition(InstanceId from, meridian_instrument_id instrument) const
    {
        std::int64_t total = 0;
        for (const auto &[who, r] : orders)
            if (who == from && r.instrument == instrument)
                total += r.side == MERIDIAN_SIDE_BUY ? r.quantity : -r.quantity;
        return total;
    }

    meridian_status findInstrument(std::string_view symbol, meridian_instrument_id &instrument) override
    {
        const auto it = instruments.find(std::string(symbol));
        if (it == instruments.end())
            return MERIDIAN_STATUS_NOT_FOUND;
        instrument = it->second;
        return MERIDIAN_STATUS_OK;
    }
};

} // namespace meridian::testing
