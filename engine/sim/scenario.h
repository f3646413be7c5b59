// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "sim/agents.h"
#include "sim/simulation.h"

#include <string>
#include <string_view>
#include <vector>

namespace meridian::sim {

/// The background agents of each instrument, with their parameters (the instrument field is set when the
/// market is built) and the latencies they trade with.
struct Population
{
    std::size_t zeroIntelligence = 0;
    ZeroIntelligenceAgent::Parameters zeroIntelligenceParameters;
    std::size_t value = 0;
    ValueAgent::Parameters valueParameters;
    std::size_t informed = 0;
    ValueAgent::Parameters informedParameters;
    std::size_t momentum = 0;
    MomentumAgent::Parameters momentumParameters;
    std::size_t noise = 0;
    NoiseAgent::Parameters noiseParameters;
    std::size_t marketMakers = 0;
    MarketMakerAgent::Parameters marketMakerParameters;
    Latency entry{1'000'000, 4'000'000};
    Latency marketData{1'000'000, 4'000'000};
    /// Distances (price ranges, spreads) are in the instrument's own ticks, as a population calibrated on
    /// its data has them; otherwise (the presets) they are in reference ticks, scaled to its price.
    bool instrumentTicks = false;
};

/// A scenario: parameter sets over the agents and the fundamental, and an optional shock at a random time
/// (uniform in [shockFrom, shockTo] × the run's duration, drawn from the seed).
struct Scenario
{
    std::string name;
    std::string description;
    FundamentalParameters fundamental;
    Population population;
    double shockFrom = -1; // < 0: no shock
    double shockTo = -1;
    double shockJump = 0;         // log
    double shockJumpHalfLife = 0; // fraction of the duration; 0: the jump stays
    double shockLiquidityDrop = 0;
    double shockRecoveryHalfLife = 0.05; // fraction of the duration
};

/// The preset names: normal, high_volatility, black_swan, flash_crash, liquidity_drought, trending.
std::vector<std::string> scenarioNames();
/// Errors: NotFound naming the scenario and the known ones.
Result<Scenario> presetScenario(std::string_view name);

/// How a symbol's calibration scales a scenario (calibration_params): volatility_factor multiplies the
/// fundamental's volatility and jump size; liquidity_factor the zero-intelligence order rates and the market
/// makers' sizes; base_slippage (a fraction of the price) is the least half-spread the market makers quote.
struct CalibrationFactors
{
    double volatilityFactor = 1;
    double liquidityFactor = 1;
    double baseSlippage = 0;
};
/// Errors: InvalidArgument naming a factor out of range (volatility and liquidity > 0, slippage ≥ 0).
Result<Scenario> applyCalibration(Scenario scenario, const CalibrationFactors &factors, double priceTicks);

struct MarketSetup
{
    InstrumentSetup instrument;
    double commonLoading = 0; // exposure to the common factor (instruments that move together)
};

/// Builds a simulation of the scenario: the instruments, each with the scenario's population of
/// background agents, and the shock. Add strategy agents to the result before running it.
Result<std::unique_ptr<Simulation>> buildMarket(const Scenario &scenario, std::vector<MarketSetup> markets,
                                                std::uint64_t seed, std::int64_t durationNs,
                                                CommonFactorParameters commonFactor = {});

} // namespace meridian::sim
