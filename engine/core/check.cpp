// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "core/check.h"

#include "core/error.h"

#include <cstdio>
#include <cstdlib>

namespace meridian {

const char *errorCodeName(ErrorCode code) noexcept
{
    switch (code) {
    case ErrorCode::Invalid:
        return "Invalid";
    case ErrorCode::InvalidArgument:
        return "InvalidArgument";
    case ErrorCode::OutOfRange:
        return "OutOfRange";
    case ErrorCode::NotFound:
        return "NotFound";
    case ErrorCode::AlreadyExists:
        return "AlreadyExists";
    case ErrorCode::Io:
        return "Io";
    case ErrorCode::Database:
        return "Database";
    case ErrorCode::CorruptData:
        return "CorruptData";
    case ErrorCode::Unsupported:
        return "Unsupported";
    case ErrorCode::Cancelled:
        return "Cancelled";
    }
    return "Unknown";
}

namespace detail {

void checkFailed(const char *file, int line, const char *condition, const char *message) noexcept
{
    std::fprintf(stderr, "meridian: invariant broken at %s:%d: %s (%s)\n", file, line, message, condition);
    std::fflush(stderr);
    std::abort();
}

} // namespace detail
} // namespace meridian
