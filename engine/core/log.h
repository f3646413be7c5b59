// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace spdlog {
class logger;
namespace sinks {
class sink;
}
} // namespace spdlog

namespace meridian::log {

/// Returns the logger of an area ("engine.book", "runtime.plugins", "app"), creating it on first use
/// with the sinks installed by setSinks(). Include <spdlog/spdlog.h> where you log.
/// Thread: safe.
std::shared_ptr<spdlog::logger> get(std::string_view area);

/// Installs the sinks every logger writes to (file, console, UI), for existing and future loggers.
/// The program calls it once at start-up; with no sinks installed loggers write nowhere.
/// Thread: safe, but meant for start-up.
void setSinks(std::vector<std::shared_ptr<spdlog::sinks::sink>> sinks);

/// Flushes every logger (before exit, or after an error that may end the program).
void flushAll();

} // namespace meridian::log
