// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"

#include <cstdint>
#include <span>
#include <vector>

// Estimators the simulator is calibrated with: pure functions over series, each with its formula.
namespace meridian::sim::calibration {

/// Fill intensity lambda(delta) = A · exp(−k · delta) of a quote delta price units from the mid, fitted by
/// least squares on log lambda = log A − k · delta over the points with lambda > 0. r2 is the regression's
/// coefficient of determination (in log space).
struct IntensityFit
{
    double a = 0, k = 0, r2 = 0;
    std::size_t points = 0;
};
/// Errors: InvalidArgument when the sizes differ or fewer than 3 points have a positive intensity.
Result<IntensityFit> fitIntensity(std::span<const double> delta, std::span<const double> intensity);

/// The empirical intensity at each distance: how often per second the market reached delta from the mid,
/// counted as the trades whose price was at least delta away from the mid in force when they happened (a
/// quote resting there would have been hit). Times in ns, increasing; mids sampled as (time, mid), in force
/// until the next. durationSeconds: the span the rate is per. Trades before the first mid are skipped.
std::vector<double> empiricalIntensity(std::span<const std::int64_t> tradeTimes, std::span<const double> tradePrices,
                                       std::span<const std::int64_t> midTimes, std::span<const double> mids,
                                       std::span<const double> deltas, double durationSeconds);

/// GARCH(1,1): r_t = sigma_t · z_t, sigma_t² = omega + alpha · r_{t−1}² + beta · sigma_{t−1}², z standard
/// normal; fitted by maximum likelihood (Nelder–Mead over an unconstrained transform that keeps omega > 0,
/// alpha, beta ≥ 0 and alpha + beta < 1; sigma_0² is the sample variance). The returns are taken as they are
/// (demean them first when they have a drift). logLikelihood is the maximised Gaussian log-likelihood.
struct GarchFit
{
    double omega = 0, alpha = 0, beta = 0;
    double logLikelihood = 0;
    std::size_t iterations = 0;
    double persistence() const { return alpha + beta; }
    double longRunVariance() const { return omega / (1 - alpha - beta); }
};
/// Errors: InvalidArgument for fewer than 100 returns, a non-finite one, or a constant series.
Result<GarchFit> fitGarch11(std::span<const double> returns);

/// Jumps by the threshold method: a return is a jump when |r| > threshold · sigma, sigma being the bipower
/// variation estimate sqrt(pi/2 · mean |r_t| |r_{t−1}|), which jumps barely move. intensity: jumps per
/// return; mean and std: of the jump returns; diffusion: the standard deviation of the other returns.
struct JumpFit
{
    double intensity = 0;
    double mean = 0, std = 0;
    double diffusion = 0;
    std::size_t jumps = 0;
};
JumpFit detectJumps(std::span<const double> returns, double threshold = 4);

/// Intraday volume profile: the share of the volume traded in each of `buckets` equal parts of the day
/// (UTC), summed over the days of the series. Shares add to 1 (all zero when there is no volume).
std::vector<double> intradayVolumeProfile(std::span<const std::int64_t> times, std::span<const double> volumes,
                                          int buckets = 24);

/// A bar for the scenario factors.
struct BarSample
{
    std::int64_t time = 0;
    double high = 0, low = 0, close = 0, volume = 0;
};
/// Scenario factors of a stressed period against a normal one, from bars of the same interval:
///  - volatility_factor: the ratio of the standard deviations of log close-to-close returns;
///  - liquidity_factor: the ratio of Amihud illiquidities, normal over stressed (mean |r| / volume: the price
///    move per unit traded), so that below 1 means less liquid;
///  - base_slippage: half the stressed period's mean Corwin–Schultz spread (from two bars' highs and
///    lows, negative estimates taken as 0), a fraction of the price.
struct ScenarioFactors
{
    double volatilityFactor = 1, liquidityFactor = 1, baseSlippage = 0;
};
/// Errors: InvalidArgument when a period has fewer than 20 bars, no volume, or a bar that is not a bar.
Result<ScenarioFactors> scenarioFactors(std::span<const BarSample> normal, std::span<const BarSample> stressed);

} // namespace meridian::sim::calibration
