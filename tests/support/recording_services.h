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
    std::map<std::string, meridian_instrument_id> instruments;
    std::int64_t now = 0;
    std::uint64_t nextOrder = 1;

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
    meridian_status publishSignal(InstanceId, const meridian_signal &) override { return MERIDIAN_STATUS_OK; }
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
    meridian_status instrument(meridian_instrument_id, meridian_instrument_info &) override
    {
        return MERIDIAN_STATUS_NOT_FOUND;
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
