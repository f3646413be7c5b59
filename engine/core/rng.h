// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <cstdint>
#include <limits>

namespace meridian {

/// Seeded pseudo-random generator (xoshiro256**), with every distribution implemented here so that the
/// same seed gives the same numbers with any standard library, compiler or number of threads.
///
/// Streams: Rng(seed, stream) for stream 0, 1, 2, … are independent generators derived from the run's
/// seed alone, so giving each agent its own stream keeps its draws unchanged when another agent is added.
/// Thread: owned by one component; not thread-safe. Satisfies UniformRandomBitGenerator.
class Rng final
{
public:
    using result_type = std::uint64_t;

    explicit Rng(std::uint64_t seed, std::uint64_t stream = 0) noexcept;

    /// Returns a new generator for another stream of the same seed.
    Rng stream(std::uint64_t streamId) const noexcept { return Rng(m_seed, streamId); }
    std::uint64_t seed() const noexcept { return m_seed; }

    static constexpr result_type min() noexcept { return 0; }
    static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }
    result_type operator()() noexcept { return next(); }

    /// Returns 64 uniformly distributed bits.
    std::uint64_t next() noexcept;
    /// Returns a double uniformly distributed in [0, 1), with 53 random bits.
    double uniform() noexcept;
    /// Returns a double uniformly distributed in [low, high).
    double uniform(double low, double high) noexcept { return low + (high - low) * uniform(); }
    /// Returns an integer uniformly distributed in [low, high], without modulo bias.
    /// Preconditions: low <= high.
    std::int64_t uniformInt(std::int64_t low, std::int64_t high) noexcept;
    /// Returns true with probability p.
    bool bernoulli(double p) noexcept { return uniform() < p; }
    /// Returns a normal variate (Marsaglia's polar method).
    double normal(double mean = 0.0, double standardDeviation = 1.0) noexcept;
    /// Returns an exponential variate with the given rate (mean 1/rate). Preconditions: rate > 0.
    double exponential(double rate) noexcept;
    /// Returns a Poisson variate with the given mean. Preconditions: mean >= 0.
    std::int64_t poisson(double mean) noexcept;

private:
    std::uint64_t m_seed;
    std::uint64_t m_state[4];
    double m_spareNormal = 0.0;
    bool m_hasSpareNormal = false;
};

} // namespace meridian
