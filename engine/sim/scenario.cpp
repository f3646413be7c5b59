// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "sim/scenario.h"

#include <algorithm>
#include <cmath>

namespace meridian::sim {

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
// The shock's time is drawn from a stream of its own, next to the fundamentals'.
constexpr std::uint64_t kShockStream = (std::uint64_t(1) << 40) - 1;
// Presets set distances in ticks for an instrument priced at this many ticks; buildMarket scales them.
constexpr double kReferenceTicks = 10000;

Scenario normal()
{
    Scenario s;
    s.name = "normal";
    s.description = "A calm market: mean-reverting fundamental (about 1.8% a day), steady order flow, two "
                    "market makers";
    s.fundamental.kappa = 1e-5;
    s.fundamental.sigma = 6e-5;
    Population &p = s.population;
    p.zeroIntelligence = 4;
    p.zeroIntelligenceParameters = {0, 0.2, 0.02, 0.003, 20, 2, 1};
    p.value = 20;
    p.valueParameters = {0, 1.0 / 300, 0.001, 0.3, 2, 200, 0.005};
    p.informed = 1;
    p.informedParameters = {0, 1.0 / 60, 0.0002, 1.0, 2, 100, 0.005};
    p.momentum = 3;
    p.momentumParameters = {0, 120 * kSecond, 5, 20, 0.001, 2, 20};
    p.noise = 20;
    p.noiseParameters = {0, 1.0 / 900, 0.3, 5, 5, 600 * kSecond};
    p.marketMakers = 2;
    p.marketMakerParameters = {0, 10 * kSecond, 2, 2, 3, 5, 0.05, 4.0, 120 * kSecond, 1};
    return s;
}

Scenario highVolatility()
{
    Scenario s = normal();
    s.name = "high_volatility";
    s.description = "Three times the volatility, with occasional jumps; wider quotes and more trend followers";
    s.fundamental.sigma = 2e-4;
    s.fundamental.jumpRate = 1.0 / 7200;
    s.fundamental.jumpStd = 0.01;
    s.population.zeroIntelligenceParameters.priceRange = 40;
    s.population.marketMakerParameters.halfSpread = 4;
    s.population.marketMakerParameters.spacing = 3;
    s.population.marketMakerParameters.withdrawVolatility = 10;
    s.population.momentum = 6;
    s.population.momentumParameters.threshold = 0.0005;
    return s;
}

Scenario blackSwan()
{
    Scenario s = normal();
    s.name = "black_swan";
    s.description = "At a random time the fundamental drops 30% for good; market makers pull their quotes, "
                    "depth collapses, then slowly recovers";
    s.shockFrom = 0.3;
    s.shockTo = 0.7;
    s.shockJump = std::log(0.7);
    s.shockLiquidityDrop = 0.85;
    s.shockRecoveryHalfLife = 0.05;
    s.population.marketMakerParameters.withdrawVolatility = 3;
    return s;
}

Scenario flashCrash()
{
    Scenario s = normal();
    s.name = "flash_crash";
    s.description = "At a random time the price falls 10% and comes back within minutes while liquidity vanishes";
    s.shockFrom = 0.3;
    s.shockTo = 0.7;
    s.shockJump = std::log(0.9);
    s.shockJumpHalfLife = 0.005;
    s.shockLiquidityDrop = 0.9;
    s.shockRecoveryHalfLife = 0.01;
    s.population.marketMakerParameters.withdrawVolatility = 3;
    return s;
}

Scenario liquidityDrought()
{
    Scenario s = normal();
    s.name = "liquidity_drought";
    s.description = "A thin market: a quarter of the order flow, one small market maker quoting wide";
    s.population.zeroIntelligenceParameters.limitRate *= 0.25;
    s.population.zeroIntelligenceParameters.marketRate *= 0.25;
    s.population.marketMakers = 1;
    s.population.marketMakerParameters.size = 2;
    s.population.marketMakerParameters.halfSpread = 6;
    s.population.value = 5;
    return s;
}

Scenario trending()
{
    Scenario s = normal();
    s.name = "trending";
    s.description = "A steady upward drift (about 2.6% a day) that trend followers chase";
    s.fundamental.drift = 3e-7;
    s.population.momentum = 8;
    return s;
}

std::int64_t scaled(std::int64_t ticks, double scale)
{
    return std::max<std::int64_t>(1, std::llround(static_cast<double>(ticks) * scale));
}

} // namespace

std::vector<std::string> scenarioNames()
{
    return {"normal", "high_volatility", "black_swan", "flash_crash", "liquidity_drought", "trending"};
}

Result<Scenario> presetScenario(std::string_view name)
{
    if (name == "normal")
        return normal();
    if (name == "high_volatility")
        return highVolatility();
    if (name == "black_swan")
        return blackSwan();
    if (name == "flash_crash")
        return flashCrash();
    if (name == "liquidity_drought")
        return liquidityDrought();
    if (name == "trending")
        return trending();
    std::string known;
    for (const std::string &n : scenarioNames())
        known += (known.empty() ? "" : ", ") + n;
    return fail(ErrorCode::NotFound, "unknown scenario '" + std::string(name) + "' (known: " + known + ")");
}

Result<Scenario> applyCalibration(Scenario s, const CalibrationFactors &f, double priceTicks)
{
    if (!(f.volatilityFactor > 0) || !std::isfinite(f.volatilityFactor))
        return fail(ErrorCode::InvalidArgument, "volatility_factor must be positive");
    if (!(f.liquidityFactor > 0) || !std::isfinite(f.liquidityFactor))
        return fail(ErrorCode::InvalidArgument, "liquidity_factor must be positive");
    if (!(f.baseSlippage >= 0) || !std::isfinite(f.baseSlippage))
        return fail(ErrorCode::InvalidArgument, "base_slippage must not be negative");
    s.fundamental.sigma *= f.volatilityFactor;
    s.fundamental.jumpStd *= f.volatilityFactor;
    s.fundamental.jumpMean *= f.volatilityFactor;
    Population &p = s.population;
    p.zeroIntelligenceParameters.limitRate *= f.liquidityFactor;
    p.zeroIntelligenceParameters.marketRate *= f.liquidityFactor;
    p.marketMakerParameters.size =
        std::max<std::int64_t>(1, std::llround(static_cast<double>(p.marketMakerParameters.size) * f.liquidityFactor));
    // halfSpread is in reference ticks, which buildMarket multiplies by this scale.
    const double scale = p.instrumentTicks ? 1.0 : std::max(1.0, priceTicks / kReferenceTicks);
    const double slippageTicks = f.baseSlippage * priceTicks / scale;
    p.marketMakerParameters.halfSpread =
        std::max(p.marketMakerParameters.halfSpread, static_cast<std::int64_t>(std::llround(slippageTicks)));
    return s;
}

Result<std::unique_ptr<Simulation>> buildMarket(const Scenario &scenario, std::vector<MarketSetup> markets,
                                                std::uint64_t seed, std::int64_t durationNs,
                                                CommonFactorParameters commonFactor)
{
    SimulationConfig config;
    config.seed = seed;
    config.durationNs = durationNs;
    config.commonFactor = commonFactor;
    for (MarketSetup &m : markets) {
        InstrumentSetup setup = m.instrument;
        setup.fundamental = scenario.fundamental;
        setup.fundamental.loading = m.commonLoading;
        config.instruments.push_back(std::move(setup));
    }
    if (scenario.shockFrom >= 0) {
        if (!(scenario.shockFrom <= scenario.shockTo) || scenario.shockTo > 1)
            return fail(ErrorCode::InvalidArgument,
                        "scenario " + scenario.name + ": the shock window must lie within [0, 1] of the run");
        Rng rng(seed, kShockStream);
        const double at = rng.uniform(scenario.shockFrom, scenario.shockTo);
        const auto duration = static_cast<double>(durationNs);
        config.shock.time = static_cast<std::int64_t>(at * duration);
        config.shock.jump = scenario.shockJump;
        config.shock.jumpHalfLifeNs = static_cast<std::int64_t>(scenario.shockJumpHalfLife * duration);
        config.shock.liquidityDrop = scenario.shockLiquidityDrop;
        config.shock.recoveryNs = static_cast<std::int64_t>(scenario.shockRecoveryHalfLife * duration);
    }
    auto created = Simulation::create(std::move(config));
    if (!created)
        return created;
    Simulation &sim = **created;
    const Population &p = scenario.population;
    for (std::uint16_t i = 0; i < sim.instrumentCount(); ++i) {
        const double scale =
            p.instrumentTicks ? 1.0 : std::max(1.0, sim.config().instruments[i].initialPrice / kReferenceTicks);
        auto zi = p.zeroIntelligenceParameters;
        zi.instrument = i;
        zi.priceRange = scaled(zi.priceRange, scale);
        // Distances were set in reference ticks; quotes go on a grid of one reference tick.
        const std::int64_t grid = scaled(1, scale);
        zi.grid = grid;
        for (std::size_t k = 0; k < p.zeroIntelligence; ++k)
            sim.addAgent(std::make_unique<ZeroIntelligenceAgent>(zi), p.entry, p.marketData);
        auto mm = p.marketMakerParameters;
        mm.instrument = i;
        mm.halfSpread = scaled(mm.halfSpread, scale);
        mm.spacing = scaled(mm.spacing, scale);
        mm.tolerance = mm.tolerance > 0 ? scaled(mm.tolerance, scale) : 0;
        mm.grid = grid;
        mm.withdrawVolatility *= scale;
        for (std::size_t k = 0; k < p.marketMakers; ++k)
            sim.addAgent(std::make_unique<MarketMakerAgent>(mm), p.entry, p.marketData);
        auto value = p.valueParameters;
        value.instrument = i;
        for (std::size_t k = 0; k < p.value; ++k)
            sim.addAgent(std::make_unique<ValueAgent>(value), p.entry, p.marketData);
        auto informed = p.informedParameters;
        informed.instrument = i;
        for (std::size_t k = 0; k < p.informed; ++k)
            sim.addAgent(std::make_unique<ValueAgent>(informed, "informed"), p.entry, p.marketData);
        auto momentum = p.momentumParameters;
        momentum.instrument = i;
        for (std::size_t k = 0; k < p.momentum; ++k)
            sim.addAgent(std::make_unique<MomentumAgent>(momentum), p.entry, p.marketData);
        auto noise = p.noiseParameters;
        noise.instrument = i;
        noise.priceRange = scaled(noise.priceRange, scale);
        noise.grid = grid;
        for (std::size_t k = 0; k < p.noise; ++k)
            sim.addAgent(std::make_unique<NoiseAgent>(noise), p.entry, p.marketData);
    }
    return created;
}

} // namespace meridian::sim
