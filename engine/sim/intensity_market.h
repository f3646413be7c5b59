// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "core/rng.h"
#include "strategy/strategy_runner.h"

#include <cstdint>
#include <string>
#include <vector>

namespace meridian::sim {

/// The market of Avellaneda & Stoikov (2008, section 4): no order book, only a mid price and fill
/// intensities. The mid moves ±sigma·sqrt(dt) with equal probability each step; a quote delta price units
/// from the mid (delta = mid − bid, or ask − mid) fills completely within a step with probability
/// min(1, A·exp(−k·delta)·dt). Used to validate market-making strategies against the published results,
/// and to study them free of a book's microstructure.
struct IntensityModel
{
    double initialMid = 100;                 // price units
    double sigma = 2;                        // price units per sqrt(time unit)
    double horizon = 1;                      // time units
    double dt = 0.005;                       // time units per step
    double intensityA = 140;                 // fills per time unit at delta = 0
    double intensityK = 1.5;                 // per price unit
    double tickSize = 1e-4;                  // price units per tick: the strategy sees prices in ticks
    std::int64_t timeUnitNs = 1'000'000'000; // one time unit on the strategy's clock

    /// InvalidArgument naming the first field out of range.
    Result<void> validate() const;
    std::int64_t steps() const;
};

/// What one path of a strategy in an IntensityModel gave.
struct IntensityPath
{
    double profit = 0; // cash + inventory × final mid, price units × lots
    std::int64_t finalInventory = 0;
    double averageSpread = 0; // mean of ask − bid over the steps with both quotes, price units
    std::int64_t fills = 0;
    std::int64_t quotedSteps = 0; // steps with both a bid and an ask
};

/// Runs strategy plugins, one instance per path, in an IntensityModel market. Orders are limit orders of
/// instrument 1 ("SIM"); market orders and stops are refused as unsupported.
///
/// Each step, in this order: the strategy sees a book whose best bid and ask are both the mid (rounded to a
/// tick) at the step's time; each resting order, in the order placed, draws its fill; the mid moves.
/// Thread: one IntensityMarket per thread (runPaths does that).
class IntensityMarket final : private strategy::StrategyServices
{
public:
    explicit IntensityMarket(IntensityModel model);
    ~IntensityMarket() override;

    /// Runs path number `path` with seed (its random stream is Rng(seed, path)).
    Result<IntensityPath> runPath(const std::string &pluginPath, const std::string &parametersJson, std::uint64_t seed,
                                  std::uint64_t path);

    /// Runs paths 0 … count − 1 on `threads` threads; the results are the same for any number of threads.
    static Result<std::vector<IntensityPath>> runPaths(const IntensityModel &model, const std::string &pluginPath,
                                                       const std::string &parametersJson, std::uint64_t seed,
                                                       std::uint64_t count, unsigned threads);

private:
    struct Order
    {
        std::uint64_t id;
        meridian_side side;
        std::int64_t price;    // ticks
        std::int64_t quantity; // lots
        std::uint64_t clientTag;
    };

    // StrategyServices
    meridian_status placeOrder(strategy::InstanceId from, const meridian_order_request &request,
                               std::uint64_t &orderId) override;
    meridian_status cancelOrder(strategy::InstanceId from, std::uint64_t orderId) override;
    meridian_status modifyOrder(strategy::InstanceId from, std::uint64_t orderId, std::int64_t price,
                                std::int64_t quantity) override;
    meridian_status publishSignal(strategy::InstanceId from, const meridian_signal &signal) override;
    meridian_status position(strategy::InstanceId from, meridian_instrument_id instrument,
                             meridian_position &position) override;
    meridian_status balance(strategy::InstanceId from, std::string_view currency, meridian_balance &balance) override;
    meridian_status setTimer(strategy::InstanceId from, std::uint64_t timerId, std::int64_t intervalNs,
                             bool repeat) override;
    meridian_status cancelTimer(strategy::InstanceId from, std::uint64_t timerId) override;
    void log(strategy::InstanceId from, meridian_log_level level, std::string_view message) override;
    void publishVariable(strategy::InstanceId from, std::string_view name, double value) override;
    std::int64_t nowNs() override;
    meridian_status instrument(meridian_instrument_id instrument, meridian_instrument_info &info) override;
    meridian_status findInstrument(std::string_view symbol, meridian_instrument_id &instrument) override;

    void drawFills(strategy::InstanceId instance, Rng &rng);

    IntensityModel m_model;
    strategy::StrategyRunner m_runner;
    std::vector<Order> m_orders; // resting, in the order placed
    std::uint64_t m_nextOrderId = 1;
    std::int64_t m_nowNs = 0;
    double m_mid = 0; // price units
    double m_cash = 0;
    std::int64_t m_inventory = 0;
    std::int64_t m_fills = 0;
    std::string m_lastLog; // the strategy's last error-level log line, for a failed path's message
};

} // namespace meridian::sim
