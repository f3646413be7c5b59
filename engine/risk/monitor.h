// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/instrument.h"
#include "risk/pre_trade.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Live risk metrics and their alerts.
//
// Metrics, from each snapshot of the account (fractions):
//   drawdown       (peak equity − equity) / peak equity, the peak over the session;
//   exposure       Σ |position × mark| / equity (infinite when equity ≤ 0);
//   daily_loss     (start-of-day equity − equity) / start-of-day equity, 0 when the day is up; the day is
//                  the UTC day of the snapshot's time and starts with its first snapshot;
//   concentration  the largest |position × mark| / Σ |position × mark| (0 without positions);
//   stop_loss, take_profit  per position: its return from the average price, (mark − average) / average,
//                  signed by the position's side, at or below −stopLoss, or at or above takeProfit.
// Each account metric has a warning and a critical threshold. An alert is raised when a metric enters a
// higher level than the one last reported for it (info when it comes back below warning), so a metric that
// stays high raises one alert, not one per tick. Stop-loss triggers are warnings, take-profit triggers are
// info, once per position until it is closed. A critical alert can switch the trading state (onCritical).
//
// Thread: one owner.
namespace meridian::risk {

enum class AlertLevel : std::uint8_t { Info, Warning, Critical };
std::string_view alertLevelName(AlertLevel level) noexcept; // "info", "warning", "critical"

enum class Metric : std::uint8_t { Drawdown, Exposure, DailyLoss, Concentration, StopLoss, TakeProfit };
std::string_view metricName(Metric metric) noexcept; // "drawdown", …

struct Threshold
{
    double warning = 0;
    double critical = 0;
};

struct MonitorConfig
{
    Threshold drawdown{0.20, 0.30};
    Threshold exposure{0.80, 1.00};
    Threshold dailyLoss{0.05, 0.10};
    Threshold concentration{0.50, 0.75};
    std::optional<double> stopLoss;                                // e.g. 0.05: a position 5% against its average price
    std::optional<double> takeProfit;                              // e.g. 0.10
    std::optional<TradingState> onCritical = TradingState::Halted; // nullopt: alerts only
};

struct PositionSnapshot
{
    InstrumentId instrument = 0;
    std::int64_t quantity = 0;  // lots, signed
    double averagePrice = 0;    // ticks
    std::int64_t mark = 0;      // ticks
    double valuePerTickLot = 0; // quote currency
};

struct AccountSnapshot
{
    std::int64_t timeNs = 0;
    double equity = 0;
    std::vector<PositionSnapshot> positions;
};

struct RiskMetrics
{
    double equity = 0, peakEquity = 0, startOfDayEquity = 0;
    double drawdown = 0, exposure = 0, dailyLoss = 0, concentration = 0;
};

struct Alert
{
    std::int64_t timeNs = 0;
    Metric metric = Metric::Drawdown;
    AlertLevel level = AlertLevel::Info;
    InstrumentId instrument = 0; // 0: the whole account
    double value = 0;
    double threshold = 0;
    std::string message;
    std::int64_t id = 0; // its row in risk_alerts once journalled (watch() sets it); 0 before
};

class RiskMonitor
{
public:
    explicit RiskMonitor(MonitorConfig config = {});
    const MonitorConfig &config() const noexcept { return m_config; }
    void setConfig(MonitorConfig config) { m_config = std::move(config); }

    /// Takes a snapshot; returns the alerts it raises, in metric order.
    std::vector<Alert> update(const AccountSnapshot &snapshot);
    const RiskMetrics &metrics() const noexcept { return m_metrics; }
    /// The state the alerts ask for (onCritical when one of them is critical), if any.
    std::optional<TradingState> stateFor(const std::vector<Alert> &alerts) const;

private:
    struct Level
    {
        bool raised = false;
        AlertLevel level = AlertLevel::Info;
    };
    void judge(Metric metric, double value, const Threshold &t, std::int64_t time, std::vector<Alert> &out);

    MonitorConfig m_config;
    RiskMetrics m_metrics;
    bool m_started = false;
    std::int64_t m_day = 0;
    std::map<Metric, Level> m_levels;
    std::map<std::pair<Metric, InstrumentId>, bool> m_triggered; // stop-loss / take-profit, until flat
};

} // namespace meridian::risk
