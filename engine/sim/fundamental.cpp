// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "sim/fundamental.h"

#include <cmath>

namespace meridian::sim {

namespace {
// Random streams of the fundamentals: far above any agent's (agents use 1 + their id).
constexpr std::uint64_t kFactorStream = std::uint64_t(1) << 40;
constexpr std::uint64_t kInstrumentStream = kFactorStream + 1;
} // namespace

void FundamentalModel::Process::advance(double dt)
{
    if (sigma > 0 || x != 0) {
        if (kappa > 0) {
            const double decay = std::exp(-kappa * dt);
            const double sd = sigma * std::sqrt((1 - decay * decay) / (2 * kappa));
            x = x * decay + (sd > 0 ? rng.normal(0, sd) : 0);
        } else if (sigma > 0) {
            x += rng.normal(0, sigma * std::sqrt(dt));
        }
    }
    if (jumpRate > 0)
        for (std::int64_t n = rng.poisson(jumpRate * dt); n > 0; --n)
            x += rng.normal(jumpMean, jumpStd);
}

FundamentalModel::FundamentalModel(std::vector<double> initialTicks, std::vector<FundamentalParameters> parameters,
                                   CommonFactorParameters factor, std::uint64_t seed, std::int64_t stepNs)
    : m_initial(std::move(initialTicks)),
      m_factor{
          factor.kappa, factor.sigma, factor.jumpRate, factor.jumpMean, factor.jumpStd, 0, Rng(seed, kFactorStream)},
      m_stepNs(stepNs)
{
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        const FundamentalParameters &p = parameters[i];
        m_processes.push_back(
            {p.kappa, p.sigma, p.jumpRate, p.jumpMean, p.jumpStd, 0, Rng(seed, kInstrumentStream + i)});
        m_loading.push_back(p.loading);
        m_drift.push_back(p.drift);
    }
}

void FundamentalModel::advanceTo(std::int64_t t)
{
    const double dt = static_cast<double>(m_stepNs) / 1e9;
    while (m_gridTime + m_stepNs <= t) {
        m_gridTime += m_stepNs;
        m_factor.advance(dt);
        for (Process &p : m_processes)
            p.advance(dt);
    }
}

double FundamentalModel::value(std::size_t i, std::int64_t t)
{
    advanceTo(t);
    const double trend = m_drift[i] * static_cast<double>(m_gridTime) / 1e9;
    return m_initial[i] * std::exp(m_processes[i].x + m_loading[i] * m_factor.x + trend);
}

} // namespace meridian::sim
