// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The strategy bench_plugin_call calls both ways: built into a plugin library (through the C ABI) and
// into the benchmark itself (a direct virtual call). Its work is a few arithmetic operations, so the
// figure is the cost of the call.
#pragma once

#include <meridian/plugin.hpp>

class CountingStrategy : public meridian::sdk::Strategy
{
public:
    static meridian::sdk::Schema schema() { return meridian::sdk::Schema(); }
    void onTrade(const meridian_trade &trade) override
    {
        m_sum += trade.price * trade.quantity;
        ++m_count;
    }
    std::int64_t sum() const { return m_sum; }

private:
    std::int64_t m_sum = 0;
    std::int64_t m_count = 0;
};
