// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "sim/calibration/estimators.h"

#include "metrics/statistics.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <utility>

namespace meridian::sim::calibration {

Result<IntensityFit> fitIntensity(std::span<const double> delta, std::span<const double> intensity)
{
    if (delta.size() != intensity.size())
        return fail(ErrorCode::InvalidArgument, "intensity fit: as many distances as intensities are needed");
    std::vector<double> x, y;
    for (std::size_t i = 0; i < delta.size(); ++i)
        if (intensity[i] > 0 && std::isfinite(intensity[i]) && std::isfinite(delta[i])) {
            x.push_back(delta[i]);
            y.push_back(std::log(intensity[i]));
        }
    if (x.size() < 3)
        return fail(ErrorCode::InvalidArgument, "intensity fit: fewer than 3 distances were ever reached (" +
                                                    std::to_string(x.size()) +
                                                    "); the data has too few trades away from the mid");
    const auto n = static_cast<double>(x.size());
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mx += x[i] / n;
        my += y[i] / n;
    }
    double sxx = 0, sxy = 0, syy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
        syy += (y[i] - my) * (y[i] - my);
    }
    if (!(sxx > 0))
        return fail(ErrorCode::InvalidArgument, "intensity fit: the distances are all the same");
    const double slope = sxy / sxx;
    IntensityFit f;
    f.k = -slope;
    f.a = std::exp(my - slope * mx);
    double residual = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double e = y[i] - (my + slope * (x[i] - mx));
        residual += e * e;
    }
    f.r2 = syy > 0 ? 1 - residual / syy : 1;
    f.points = x.size();
    return f;
}

std::vector<double> empiricalIntensity(std::span<const std::int64_t> tradeTimes, std::span<const double> tradePrices,
                                       std::span<const std::int64_t> midTimes, std::span<const double> mids,
                                       std::span<const double> deltas, double durationSeconds)
{
    std::vector<double> counts(deltas.size(), 0);
    if (!(durationSeconds > 0) || midTimes.empty())
        return counts;
    for (std::size_t t = 0; t < tradeTimes.size() && t < tradePrices.size(); ++t) {
        // The mid in force: the last one at or before the trade.
        const auto it = std::upper_bound(midTimes.begin(), midTimes.end(), tradeTimes[t]);
        if (it == midTimes.begin())
            continue;
        const double mid = mids[static_cast<std::size_t>(std::distance(midTimes.begin(), it)) - 1];
        const double away = std::fabs(tradePrices[t] - mid);
        for (std::size_t d = 0; d < deltas.size(); ++d)
            if (away >= deltas[d])
                counts[d] += 1;
    }
    for (double &c : counts)
        c /= durationSeconds;
    return counts;
}

namespace {

/// (omega, alpha, beta) from the unconstrained point: omega = exp(u0); alpha and beta are the shares
/// exp(u1) and exp(u2) of 1 + exp(u1) + exp(u2), so both are positive and their sum is below 1.
std::array<double, 3> garchParameters(const std::array<double, 3> &u)
{
    const double a = std::exp(u[1]), b = std::exp(u[2]);
    return {std::exp(u[0]), a / (1 + a + b), b / (1 + a + b)};
}

double garchNegativeLogLikelihood(std::span<const double> r, double variance0, const std::array<double, 3> &p)
{
    const auto [omega, alpha, beta] = p;
    constexpr double kLog2Pi = 1.8378770664093453;
    double variance = variance0, nll = 0;
    double previous = 0;
    for (std::size_t t = 0; t < r.size(); ++t) {
        if (t > 0)
            variance = omega + alpha * previous * previous + beta * variance;
        if (!(variance > 0) || !std::isfinite(variance))
            return std::numeric_limits<double>::infinity();
        nll += 0.5 * (kLog2Pi + std::log(variance) + r[t] * r[t] / variance);
        previous = r[t];
    }
    return nll;
}

/// Nelder–Mead minimisation (reflection 1, expansion 2, contraction ½, shrink ½) from start with initial
/// steps `step`; stops when the simplex's values agree to tolerance or after maxIterations.
template <class F>
std::pair<std::array<double, 3>, std::size_t> nelderMead(F &&f, std::array<double, 3> start, double step,
                                                         std::size_t maxIterations, double tolerance)
{
    constexpr std::size_t n = 3;
    std::array<std::array<double, n>, n + 1> x{};
    std::array<double, n + 1> fx{};
    x[0] = start;
    for (std::size_t i = 0; i < n; ++i) {
        x[i + 1] = start;
        x[i + 1][i] += step;
    }
    for (std::size_t i = 0; i <= n; ++i)
        fx[i] = f(x[i]);
    std::size_t iteration = 0;
    for (; iteration < maxIterations; ++iteration) {
        std::array<std::size_t, n + 1> order{0, 1, 2, 3};
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return fx[a] < fx[b]; });
        const std::size_t best = order[0], worst = order[n], second = order[n - 1];
        if (std::fabs(fx[worst] - fx[best]) <= tolerance * (std::fabs(fx[best]) + 1e-12))
            break;
        std::array<double, n> centre{};
        for (std::size_t i = 0; i <= n; ++i)
            if (i != worst)
                for (std::size_t j = 0; j < n; ++j)
                    centre[j] += x[i][j] / n;
        const auto along = [&](double t) {
            std::array<double, n> p{};
            for (std::size_t j = 0; j < n; ++j)
                p[j] = centre[j] + t * (x[worst][j] - centre[j]);
            return p;
        };
        const auto reflected = along(-1);
        const double fr = f(reflected);
        if (fr < fx[best]) {
            const auto expanded = along(-2);
            const double fe = f(expanded);
            if (fe < fr) {
                x[worst] = expanded;
                fx[worst] = fe;
            } else {
                x[worst] = reflected;
                fx[worst] = fr;
            }
        } else if (fr < fx[second]) {
            x[worst] = reflected;
            fx[worst] = fr;
        } else {
            const auto contracted = fr < fx[worst] ? along(-0.5) : along(0.5);
            const double fc = f(contracted);
            if (fc < std::min(fr, fx[worst])) {
                x[worst] = contracted;
                fx[worst] = fc;
            } else {
                for (std::size_t i = 0; i <= n; ++i)
                    if (i != best) {
                        for (std::size_t j = 0; j < n; ++j)
                            x[i][j] = x[best][j] + 0.5 * (x[i][j] - x[best][j]);
                        fx[i] = f(x[i]);
                    }
            }
        }
    }
    const auto best = static_cast<std::size_t>(std::distance(fx.begin(), std::min_element(fx.begin(), fx.end())));
    return {x[best], iteration};
}

} // namespace

Result<GarchFit> fitGarch11(std::span<const double> r)
{
    if (r.size() < 100)
        return fail(ErrorCode::InvalidArgument,
                    "GARCH fit: " + std::to_string(r.size()) + " returns are too few (at least 100 are needed)");
    for (std::size_t i = 0; i < r.size(); ++i)
        if (!std::isfinite(r[i]))
            return fail(ErrorCode::InvalidArgument, "GARCH fit: return " + std::to_string(i) + " is not a number");
    double variance = 0;
    for (const double x : r)
        variance += x * x;
    variance /= static_cast<double>(r.size());
    if (!(variance > 0))
        return fail(ErrorCode::InvalidArgument, "GARCH fit: the returns are all zero");
    const auto objective = [&](const std::array<double, 3> &u) {
        return garchNegativeLogLikelihood(r, variance, garchParameters(u));
    };
    // Several starts, typical of daily and intraday series; the best optimum wins.
    GarchFit best;
    double bestValue = std::numeric_limits<double>::infinity();
    for (const auto &[alpha, beta] : {std::pair{0.05, 0.90}, std::pair{0.10, 0.80}, std::pair{0.20, 0.50}}) {
        const double rest = 1 - alpha - beta;
        const std::array<double, 3> start{std::log(variance * rest), std::log(alpha / rest), std::log(beta / rest)};
        auto [u, iterations] = nelderMead(objective, start, 0.5, 5000, 1e-12);
        // A restart from the optimum guards against a simplex that collapsed early.
        auto [again, more] = nelderMead(objective, u, 0.1, 5000, 1e-13);
        const double value = objective(again);
        if (value < bestValue) {
            bestValue = value;
            const auto p = garchParameters(again);
            best.omega = p[0];
            best.alpha = p[1];
            best.beta = p[2];
            best.logLikelihood = -value;
            best.iterations = iterations + more;
        }
    }
    return best;
}

JumpFit detectJumps(std::span<const double> r, double threshold)
{
    JumpFit f;
    if (r.size() < 3)
        return f;
    double bipower = 0;
    for (std::size_t t = 1; t < r.size(); ++t)
        bipower += std::fabs(r[t]) * std::fabs(r[t - 1]);
    bipower *= std::numbers::pi / 2 / static_cast<double>(r.size() - 1);
    const double sigma = std::sqrt(bipower);
    std::vector<double> jumps, rest;
    for (const double x : r)
        (std::fabs(x) > threshold * sigma ? jumps : rest).push_back(x);
    f.jumps = jumps.size();
    f.intensity = static_cast<double>(jumps.size()) / static_cast<double>(r.size());
    f.mean = metrics::mean(jumps);
    f.std = metrics::sampleStd(jumps);
    f.diffusion = metrics::sampleStd(rest);
    return f;
}

std::vector<double> intradayVolumeProfile(std::span<const std::int64_t> times, std::span<const double> volumes,
                                          int buckets)
{
    constexpr std::int64_t kDay = 86'400'000'000'000;
    std::vector<double> share(static_cast<std::size_t>(std::max(1, buckets)), 0);
    double total = 0;
    for (std::size_t i = 0; i < times.size() && i < volumes.size(); ++i) {
        const std::int64_t inDay = ((times[i] % kDay) + kDay) % kDay;
        const auto bucket = static_cast<std::size_t>(inDay * static_cast<std::int64_t>(share.size()) / kDay);
        share[bucket] += volumes[i];
        total += volumes[i];
    }
    if (total > 0)
        for (double &s : share)
            s /= total;
    return share;
}

namespace {

struct PeriodFigures
{
    double volatility = 0, amihud = 0, spread = 0;
};

Result<PeriodFigures> periodFigures(std::span<const BarSample> bars, const char *which)
{
    if (bars.size() < 20)
        return fail(ErrorCode::InvalidArgument, std::string("scenario factors: the ") + which + " period has " +
                                                    std::to_string(bars.size()) + " bars; at least 20 are needed");
    for (const BarSample &b : bars)
        if (!(b.low > 0) || b.low > b.high || b.close < b.low || b.close > b.high || b.volume < 0)
            return fail(ErrorCode::InvalidArgument, std::string("scenario factors: a bar of the ") + which +
                                                        " period is not a bar (at " + std::to_string(b.time) + " ns)");
    std::vector<double> returns;
    double amihud = 0, traded = 0;
    std::size_t counted = 0;
    for (std::size_t i = 1; i < bars.size(); ++i) {
        const double r = std::log(bars[i].close / bars[i - 1].close);
        returns.push_back(r);
        if (bars[i].volume > 0) {
            amihud += std::fabs(r) / bars[i].volume;
            ++counted;
        }
        traded += bars[i].volume;
    }
    if (counted == 0 || !(traded > 0))
        return fail(ErrorCode::InvalidArgument,
                    std::string("scenario factors: the ") + which + " period has no volume");
    // Corwin & Schultz (2012): the spread from the highs and lows of two consecutive bars.
    const double k = 3 - 2 * std::numbers::sqrt2;
    double spread = 0;
    for (std::size_t i = 1; i < bars.size(); ++i) {
        const double b1 = std::log(bars[i - 1].high / bars[i - 1].low), b2 = std::log(bars[i].high / bars[i].low);
        const double beta = b1 * b1 + b2 * b2;
        const double g = std::log(std::max(bars[i - 1].high, bars[i].high) / std::min(bars[i - 1].low, bars[i].low));
        const double alpha = (std::sqrt(2 * beta) - std::sqrt(beta)) / k - std::sqrt(g * g / k);
        spread += std::max(0.0, 2 * (std::exp(alpha) - 1) / (1 + std::exp(alpha)));
    }
    return PeriodFigures{metrics::sampleStd(returns), amihud / static_cast<double>(counted),
                         spread / static_cast<double>(bars.size() - 1)};
}

} // namespace

Result<ScenarioFactors> scenarioFactors(std::span<const BarSample> normal, std::span<const BarSample> stressed)
{
    auto n = periodFigures(normal, "normal");
    if (!n)
        return tl::unexpected(n.error());
    auto s = periodFigures(stressed, "stressed");
    if (!s)
        return tl::unexpected(s.error());
    if (!(n->volatility > 0) || !(n->amihud > 0) || !(s->amihud > 0))
        return fail(ErrorCode::InvalidArgument, "scenario factors: a period's prices never move");
    return ScenarioFactors{s->volatility / n->volatility, n->amihud / s->amihud, s->spread / 2};
}

} // namespace meridian::sim::calibration
