// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

namespace meridian::detail {

/// Reports a broken invariant (file, line, condition, message) on stderr and aborts.
[[noreturn]] void checkFailed(const char *file, int line, const char *condition, const char *message) noexcept;

} // namespace meridian::detail

/// Stops the program when an engine invariant is broken: corrupt prices are worse than a crash.
#define MERIDIAN_CHECK(condition, message)                                                                             \
    do {                                                                                                               \
        if (!(condition)) [[unlikely]]                                                                                 \
            ::meridian::detail::checkFailed(__FILE__, __LINE__, #condition, message);                                  \
    } while (false)
