// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/rng.h"

#include <cstdint>
#include <vector>

namespace meridian::sim {

/// The latent fundamental value of one instrument, in log terms around its initial price p0:
///     value(t) = p0 · exp(x(t) + loading · c(t) + drift · t)
/// x is an Ornstein–Uhlenbeck process with jumps: dx = −kappa·x·dt + sigma·dW + J·dN, N Poisson with
/// rate jumpRate, J ~ Normal(jumpMean, jumpStd); c is the common factor shared by all instruments (the
/// same kind of process); drift is a trend that does not revert.
/// Units: kappa, jumpRate and drift per second, sigma per √second.
struct FundamentalParameters
{
    double kappa = 1.0 / 3600;
    double sigma = 2e-4;
    double jumpRate = 0;
    double jumpMean = 0;
    double jumpStd = 0;
    double loading = 0; // exposure to the common factor
    double drift = 0;
};

struct CommonFactorParameters
{
    double kappa = 0;
    double sigma = 0;
    double jumpRate = 0;
    double jumpMean = 0;
    double jumpStd = 0;
};

/// The fundamentals of a run's instruments, advanced on a fixed grid of stepNs (exact OU transitions), each
/// process from its own random stream: the path does not depend on when, or how often, anyone looks.
/// Thread: one owner.
class FundamentalModel
{
public:
    FundamentalModel(std::vector<double> initialTicks, std::vector<FundamentalParameters> parameters,
                     CommonFactorParameters factor, std::uint64_t seed, std::int64_t stepNs = 1'000'000'000);

    /// The value of instrument i at time t (ticks), as of the last grid point at or before t.
    /// Preconditions: t does not decrease from one call to the next.
    double value(std::size_t i, std::int64_t t);
    std::size_t size() const { return m_initial.size(); }

private:
    struct Process
    {
        double kappa, sigma, jumpRate, jumpMean, jumpStd;
        double x = 0;
        Rng rng;
        void advance(double dtSeconds);
    };
    void advanceTo(std::int64_t t);

    std::vector<double> m_initial;
    std::vector<double> m_loading;
    std::vector<double> m_drift;
    std::vector<Process> m_processes;
    Process m_factor;
    std::int64_t m_stepNs;
    std::int64_t m_gridTime = 0;
};

} // namespace meridian::sim
