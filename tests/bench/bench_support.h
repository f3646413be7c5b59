// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

// What the benchmarks share: percentiles of their samples, and what the machine did meanwhile.

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace meridian::bench {

/// The value below which a fraction p of the samples lie (p = 1: the largest; 0 for no samples).
template <class T>
T percentile(std::vector<T> samples, double p)
{
    if (samples.empty())
        return T{};
    const std::size_t k =
        std::min(samples.size() - 1, static_cast<std::size_t>(p * static_cast<double>(samples.size())));
    std::nth_element(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(k), samples.end());
    return samples[k];
}

/// The value of --seconds N on the command line (at least 1), or fallback.
inline double secondsArgument(int argc, char **argv, double fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--seconds")
            return std::max(1.0, std::atof(argv[i + 1]));
    return fallback;
}

/// The process's resident memory, in kB.
inline long residentKb()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * 4;
}

/// Time the hypervisor gave the machine's CPUs to others (the "steal" column of /proc/stat), in ms. On a
/// virtual machine it stalls every thread for tens to hundreds of milliseconds at a time; benchmarks print it
/// beside their latencies so that the two can be told apart.
inline double stealMs()
{
    std::ifstream stat("/proc/stat");
    std::string cpu;
    long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    stat >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal;
    return static_cast<double>(steal) * 1000.0 / 100.0; // USER_HZ = 100
}

} // namespace meridian::bench
