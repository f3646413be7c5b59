// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace meridian {

/// Broad category of an expected failure; the message carries the details (what and where).
enum class ErrorCode : std::uint16_t {
    Invalid = 0,
    InvalidArgument, ///< a value is malformed or out of range
    OutOfRange,      ///< a value does not fit the representation (overflow)
    NotFound,
    AlreadyExists,
    Io,          ///< the file system or the operating system refused
    Database,    ///< SQLite reported an error
    CorruptData, ///< stored or received data is damaged
    Unsupported, ///< a newer format or version than this build understands
    Cancelled,
    ExternalFailure, ///< another component (a plugin, a venue) reported a failure; the message has its words
    Unavailable,     ///< not now (disconnected, busy, rate-limited): the same request may succeed later
};

/// An expected failure: a code and a message that names what was wrong and where.
struct Error
{
    ErrorCode code = ErrorCode::Invalid;
    std::string message;
};

/// Result of an operation that can fail in an expected way.
template <class T>
using Result = tl::expected<T, Error>;

/// Returns success, for `return ok();` in functions returning Result<void>. Prefer it to `return {};`
/// on hot paths: tl::expected's default constructor is defaulted, so value-initialisation (`{}`) first
/// zeroes the whole object, Error's storage included (a `rep stos` of 48 bytes per call).
inline Result<void> ok() noexcept
{
    Result<void> success; // default-initialised: only the has-value flag is set
    return success;
}

/// Returns an unexpected Error, for `return fail(ErrorCode::NotFound, "...")`.
inline tl::unexpected<Error> fail(ErrorCode code, std::string message)
{
    return tl::unexpected<Error>(Error{code, std::move(message)});
}

} // namespace meridian
