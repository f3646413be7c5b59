// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "book/lobster.h"
#include "core/error.h"
#include "sim/calibration/estimators.h"
#include "sim/scenario.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

// Calibrating the simulator on order-level data (LOBSTER): what the data's order flow is, and a population
// of zero-intelligence agents whose simulated market matches it.
namespace meridian::sim::calibration {

/// The figures a calibrated market is judged by, measured the same way on data and on a simulation.
struct MarketFigures
{
    double durationSeconds = 0;
    double meanSpreadTicks = 0;  // time-weighted best ask − best bid, while both sides are quoted
    std::uint64_t trades = 0;    // executions: each resting order a trade fills (LOBSTER types 4 and 5)
    double minuteVolatility = 0; // standard deviation of the log mid's 1-minute changes
    std::size_t minutes = 0;     // how many 1-minute changes that is
};

/// What a day of LOBSTER messages says about the order flow. Rates are per second of the data; distances in
/// ticks. Distances from the best quote on the order's own side: positive behind it, 0 at it, negative
/// inside the spread; from the opposite best quote: how far from crossing (1 = one tick from it).
struct OrderFlowEstimate
{
    MarketFigures market;
    double tickUnits = 100; // LOBSTER price units (1/10,000 $) per tick
    double firstMid = 0;    // ticks
    double limitRate = 0;   // new limit orders (type 1) per second
    double marketRate = 0;  // market orders per second: executions at the same time and on the same side
    double cancelRate = 0;  // cancellations and deletions (types 2 and 3) per second
    double cancelRatio = 0; // deletions per new limit order
    std::vector<std::pair<int, double>> limitRateByDistance;         // own-side best, orders/s
    std::vector<std::pair<int, double>> limitRateByOppositeDistance; // opposite best, orders/s
    double meanSize = 0, medianSize = 0, sizeStd = 0;                // of new limit orders, shares
    std::vector<double> sizeQuantiles;                               // 10, 25, 50, 75 and 90%
    std::vector<double> depth; // mean resting size at levels 1, 2, … (both sides averaged), shares
    IntensityFit intensity;    // lambda(delta) of market orders reaching delta ticks from the mid
    std::vector<double> intensityDeltas, intensityRates; // the points it was fitted on
    bool intensityFitted = false;
};

/// Errors: InvalidArgument naming the problem — fewer than 10 minutes of data, no trades, messages out of
/// time order (naming the row), a book file of another length, a book that is empty or crossed throughout.
Result<OrderFlowEstimate> estimateOrderFlow(std::span<const book::LobsterMessage> messages,
                                            const book::LobsterBook &book, double tickUnits = 100);

/// The market an estimate from LOBSTER data is simulated in: the symbol's shares (lots of 1) in ticks of
/// 0.01, starting at midTicks.
MarketSetup lobsterMarket(const std::string &symbol, double midTicks);

/// Runs a scenario on one instrument for durationNs and measures it as estimateOrderFlow measures data.
Result<MarketFigures> measureScenario(const Scenario &scenario, const MarketSetup &market, std::int64_t durationNs,
                                      std::uint64_t seed);

struct FitOptions
{
    std::size_t agents = 10;        // zero-intelligence agents sharing the fitted rates
    std::size_t seeds = 4;          // runs averaged per evaluation
    std::size_t maxIterations = 30; // Broyden steps after the first Jacobian
    std::uint64_t seed = 1;
    // Stop once every figure is this close (relative) to its target.
    double spreadTolerance = 0.05, tradesTolerance = 0.05, volatilityTolerance = 0.05;
};

/// A scenario of zero-intelligence agents fitted to the data, and how close its market came.
struct ZeroIntelligenceFit
{
    Scenario scenario;
    MarketFigures target, simulated;
    MarketFigures initial; // at the start point: the data's own rates
    std::size_t iterations = 0, simulations = 0;
    bool converged = false;
    double spreadRatio() const { return simulated.meanSpreadTicks / target.meanSpreadTicks; }
    double tradesRatio() const { return static_cast<double>(simulated.trades) / static_cast<double>(target.trades); }
    double volatilityRatio() const { return simulated.minuteVolatility / target.minuteVolatility; }
};

/// The family the fit searches: the scenario at knob values (the logs of the market-order rate of the
/// population per second, of the cancellation rate per resting order per second, and of the factor the
/// placement profile's distances are stretched by), with `agents` agents of each kind.
Scenario calibratedScenario(const OrderFlowEstimate &estimate, const std::string &name,
                            const std::array<double, 3> &knobs, std::size_t agents);

/// A market of zero-intelligence agents (placing new orders where the data's went, relative to the opposite
/// quote, at the data's rate and sizes) and a few value traders anchored to a random-walk value with the
/// data's 1-minute volatility. Three knobs are fitted by the simulated method of moments: the rate of market
/// orders, of cancels per resting order, and the stretch of the placement profile; the three figures of MarketFigures
/// are matched, in logs, by Broyden's method from a finite-difference Jacobian, each evaluation a run of the data's
/// duration. market gives the instrument and initial price (ticks); name becomes the scenario's name.
/// Errors: InvalidArgument for a bad estimate; the simulation's errors.
Result<ZeroIntelligenceFit> fitZeroIntelligence(const OrderFlowEstimate &estimate, const MarketSetup &market,
                                                const std::string &name, const FitOptions &options = {});

} // namespace meridian::sim::calibration
