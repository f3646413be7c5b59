// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "risk/monitor.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace meridian::risk {

namespace {

constexpr std::int64_t kDayNs = 86'400'000'000'000;

std::string percent(double v)
{
    if (!std::isfinite(v))
        return "∞";
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(1);
    out << v * 100 << '%';
    return out.str();
}

} // namespace

std::string_view alertLevelName(AlertLevel level) noexcept
{
    switch (level) {
    case AlertLevel::Info:
        return "info";
    case AlertLevel::Warning:
        return "warning";
    case AlertLevel::Critical:
        return "critical";
    }
    return "?";
}

std::string_view metricName(Metric metric) noexcept
{
    switch (metric) {
    case Metric::Drawdown:
        return "drawdown";
    case Metric::Exposure:
        return "exposure";
    case Metric::DailyLoss:
        return "daily_loss";
    case Metric::Concentration:
        return "concentration";
    case Metric::StopLoss:
        return "stop_loss";
    case Metric::TakeProfit:
        return "take_profit";
    }
    return "?";
}

RiskMonitor::RiskMonitor(MonitorConfig config) : m_config(std::move(config)) {}

void RiskMonitor::judge(Metric metric, double value, const Threshold &t, std::int64_t time, std::vector<Alert> &out)
{
    Level &current = m_levels[metric];
    const bool critical = value >= t.critical, warning = value >= t.warning;
    if (critical || warning) {
        const AlertLevel level = critical ? AlertLevel::Critical : AlertLevel::Warning;
        if (current.raised && current.level >= level)
            return; // already reported at this level or higher
        current = {true, level};
        const double threshold = critical ? t.critical : t.warning;
        out.push_back({time, metric, level, 0, value, threshold,
                       std::string(metricName(metric)) + " " + percent(value) + " is above " + percent(threshold)});
        return;
    }
    if (current.raised) {
        current = {};
        out.push_back(
            {time, metric, AlertLevel::Info, 0, value, t.warning,
             std::string(metricName(metric)) + " " + percent(value) + " is back below " + percent(t.warning)});
    }
}

std::vector<Alert> RiskMonitor::update(const AccountSnapshot &s)
{
    std::vector<Alert> alerts;
    const std::int64_t day = s.timeNs >= 0 ? s.timeNs / kDayNs : (s.timeNs - kDayNs + 1) / kDayNs;
    if (!m_started || day != m_day) {
        m_metrics.startOfDayEquity = s.equity;
        m_day = day;
    }
    if (!m_started)
        m_metrics.peakEquity = s.equity;
    m_started = true;
    m_metrics.equity = s.equity;
    m_metrics.peakEquity = std::max(m_metrics.peakEquity, s.equity);
    m_metrics.drawdown =
        m_metrics.peakEquity > 0 ? std::max(0.0, (m_metrics.peakEquity - s.equity) / m_metrics.peakEquity) : 0;
    double gross = 0, largest = 0;
    for (const PositionSnapshot &p : s.positions) {
        const double value =
            std::fabs(static_cast<double>(p.quantity)) * static_cast<double>(p.mark) * p.valuePerTickLot;
        gross += value;
        largest = std::max(largest, value);
    }
    m_metrics.exposure = gross <= 0 ? 0 : s.equity > 0 ? gross / s.equity : std::numeric_limits<double>::infinity();
    m_metrics.dailyLoss = m_metrics.startOfDayEquity > 0
                              ? std::max(0.0, (m_metrics.startOfDayEquity - s.equity) / m_metrics.startOfDayEquity)
                              : 0;
    m_metrics.concentration = gross > 0 ? largest / gross : 0;

    judge(Metric::Drawdown, m_metrics.drawdown, m_config.drawdown, s.timeNs, alerts);
    judge(Metric::Exposure, m_metrics.exposure, m_config.exposure, s.timeNs, alerts);
    judge(Metric::DailyLoss, m_metrics.dailyLoss, m_config.dailyLoss, s.timeNs, alerts);
    // Concentration means something only with more than one position.
    const auto held = std::count_if(s.positions.begin(), s.positions.end(),
                                    [](const PositionSnapshot &p) { return p.quantity != 0; });
    judge(Metric::Concentration, held > 1 ? m_metrics.concentration : 0, m_config.concentration, s.timeNs, alerts);

    for (const PositionSnapshot &p : s.positions) {
        for (const Metric metric : {Metric::StopLoss, Metric::TakeProfit}) {
            const auto key = std::pair{metric, p.instrument};
            if (p.quantity == 0 || p.averagePrice <= 0 || p.mark <= 0) {
                m_triggered.erase(key); // flat: armed again for the next position
                continue;
            }
            const double side = p.quantity > 0 ? 1.0 : -1.0;
            const double change = (static_cast<double>(p.mark) - p.averagePrice) / p.averagePrice * side;
            const std::optional<double> &limit = metric == Metric::StopLoss ? m_config.stopLoss : m_config.takeProfit;
            if (!limit || m_triggered[key])
                continue;
            const bool hit = metric == Metric::StopLoss ? change <= -*limit : change >= *limit;
            if (!hit)
                continue;
            m_triggered[key] = true;
            alerts.push_back({s.timeNs, metric, metric == Metric::StopLoss ? AlertLevel::Warning : AlertLevel::Info,
                              p.instrument, change, metric == Metric::StopLoss ? -*limit : *limit,
                              std::string(metricName(metric)) + ": instrument " + std::to_string(p.instrument) +
                                  " position " + std::to_string(p.quantity) + " is " + percent(change) +
                                  " from its average price"});
        }
    }
    return alerts;
}

std::optional<TradingState> RiskMonitor::stateFor(const std::vector<Alert> &alerts) const
{
    if (!m_config.onCritical)
        return std::nullopt;
    for (const Alert &a : alerts)
        if (a.level == AlertLevel::Critical)
            return m_config.onCritical;
    return std::nullopt;
}

} // namespace meridian::risk
