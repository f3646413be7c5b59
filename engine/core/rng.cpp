// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "core/rng.h"

#include "core/check.h"
#include "core/int128.h"

#include <cmath>

namespace meridian {

namespace {

// SplitMix64 (Steele, Lea, Flood 2014): spreads any 64-bit input over the whole state space.
std::uint64_t splitMix64(std::uint64_t &x) noexcept
{
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

Rng::Rng(std::uint64_t seed, std::uint64_t stream) noexcept : m_seed(seed)
{
    // Mix the stream id in through its own SplitMix step, so neighbouring streams are unrelated.
    std::uint64_t streamMix = stream;
    std::uint64_t x = seed ^ splitMix64(streamMix);
    for (auto &word : m_state)
        word = splitMix64(x);
}

std::uint64_t Rng::next() noexcept
{
    // xoshiro256** (Blackman, Vigna 2018).
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double Rng::uniform() noexcept
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::int64_t Rng::uniformInt(std::int64_t low, std::int64_t high) noexcept
{
    MERIDIAN_CHECK(low <= high, "uniformInt with an empty range");
    const std::uint64_t range = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
    if (range == std::numeric_limits<std::uint64_t>::max())
        return static_cast<std::int64_t>(next());
    const std::uint64_t span = range + 1;
    // Lemire's multiply-and-reject: unbiased, one multiplication in the common case.
    UInt128 product = static_cast<UInt128>(next()) * span;
    auto lowBits = static_cast<std::uint64_t>(product);
    if (lowBits < span) {
        const std::uint64_t threshold = (0 - span) % span;
        while (lowBits < threshold) {
            product = static_cast<UInt128>(next()) * span;
            lowBits = static_cast<std::uint64_t>(product);
        }
    }
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + static_cast<std::uint64_t>(product >> 64));
}

double Rng::normal(double mean, double standardDeviation) noexcept
{
    if (m_hasSpareNormal) {
        m_hasSpareNormal = false;
        return mean + standardDeviation * m_spareNormal;
    }
    double u = 0.0, v = 0.0, s = 0.0;
    do {
        u = uniform(-1.0, 1.0);
        v = uniform(-1.0, 1.0);
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = std::sqrt(-2.0 * std::log(s) / s);
    m_spareNormal = v * factor;
    m_hasSpareNormal = true;
    return mean + standardDeviation * u * factor;
}

double Rng::exponential(double rate) noexcept
{
    MERIDIAN_CHECK(rate > 0.0, "exponential with a non-positive rate");
    // 1 - uniform() is in (0, 1], so the logarithm is finite.
    return -std::log(1.0 - uniform()) / rate;
}

std::int64_t Rng::poisson(double mean) noexcept
{
    MERIDIAN_CHECK(mean >= 0.0, "poisson with a negative mean");
    if (mean < 30.0) {
        // Knuth's multiplication method: fine for small means.
        const double limit = std::exp(-mean);
        std::int64_t k = 0;
        double product = uniform();
        while (product > limit) {
            ++k;
            product *= uniform();
        }
        return k;
    }
    // Hörmann's transformed rejection with squeeze (PTRS, 1993) for large means.
    const double slam = std::sqrt(mean);
    const double logLambda = std::log(mean);
    const double b = 0.931 + 2.53 * slam;
    const double a = -0.059 + 0.02483 * b;
    const double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const double vr = 0.9277 - 3.6224 / (b - 2.0);
    for (;;) {
        const double u = uniform() - 0.5;
        const double v = uniform();
        const double us = 0.5 - std::fabs(u);
        const double k = std::floor((2.0 * a / us + b) * u + mean + 0.43);
        if (us >= 0.07 && v <= vr)
            return static_cast<std::int64_t>(k);
        if (k < 0.0 || (us < 0.013 && v > us))
            continue;
        if (std::log(v) + std::log(invAlpha) - std::log(a / (us * us) + b) <=
            -mean + k * logLambda - std::lgamma(k + 1.0))
            return static_cast<std::int64_t>(k);
    }
}

} // namespace meridian
