// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "core/check.h"

#include <cstdio>
#include <cstdlib>

namespace meridian {

namespace detail {

void checkFailed(const char *file, int line, const char *condition, const char *message) noexcept
{
    std::fprintf(stderr, "meridian: invariant broken at %s:%d: %s (%s)\n", file, line, message, condition);
    std::fflush(stderr);
    std::abort();
}

} // namespace detail
} // namespace meridian
