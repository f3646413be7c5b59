// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "core/log.h"

#include <mutex>
#include <string>

#include <spdlog/spdlog.h>

namespace meridian::log {

namespace {

std::mutex &sinksMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::vector<spdlog::sink_ptr> &installedSinks()
{
    static std::vector<spdlog::sink_ptr> sinks;
    return sinks;
}

} // namespace

std::shared_ptr<spdlog::logger> get(std::string_view area)
{
    const std::string name(area);
    std::lock_guard lock(sinksMutex());
    if (auto existing = spdlog::get(name))
        return existing;
    const auto &sinks = installedSinks();
    auto logger = std::make_shared<spdlog::logger>(name, sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

void setSinks(std::vector<spdlog::sink_ptr> sinks)
{
    std::lock_guard lock(sinksMutex());
    installedSinks() = std::move(sinks);
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger> &logger) { logger->sinks() = installedSinks(); });
}

void flushAll()
{
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger> &logger) { logger->flush(); });
}

} // namespace meridian::log
