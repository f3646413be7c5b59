// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meridian::strategy {

/// The last value of each live variable a strategy published. A strategy has a handful and publishes them
/// often (every bar, every book), so this is a vector searched by hand: cheaper than a map, and than memcmp
/// through the C library for names a few bytes long.
/// Thread: one owner.
class LiveVariables
{
public:
    void set(std::string_view name, double value)
    {
        for (auto &[known, last] : m_values)
            if (same(known, name)) {
                last = value;
                return;
            }
        m_values.emplace_back(std::string(name), value);
    }
    const std::vector<std::pair<std::string, double>> &values() const { return m_values; }

private:
    static bool same(const std::string &a, std::string_view b)
    {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < b.size(); ++i)
            if (a[i] != b[i])
                return false;
        return true;
    }
    std::vector<std::pair<std::string, double>> m_values;
};

} // namespace meridian::strategy
