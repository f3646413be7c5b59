// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include <spdlog/sinks/base_sink.h>

namespace meridian::ui {

/// One log line as the UI shows it.
struct LogEntry
{
    std::int64_t timeNs = 0; ///< wall-clock time of the message, ns since the epoch
    int level = 0;           ///< spdlog::level::level_enum
    std::string area;        ///< logger name, e.g. "store"
    std::string message;
};

/// A spdlog sink that keeps the newest log lines for the UI's log view.
///
/// Any thread logs into it; the GUI thread drains it on a timer with take(), so a burst of messages costs
/// the GUI one batch per frame, not one signal per line. When the UI falls behind, the oldest lines are
/// dropped and counted.
/// Thread: safe.
class LogBuffer final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit LogBuffer(std::size_t capacity = 20000) : m_capacity(capacity) {}

    /// Moves out every buffered entry (oldest first) and returns how many were dropped since the last call.
    std::size_t take(std::vector<LogEntry> &out);

protected:
    void sink_it_(const spdlog::details::log_msg &message) override;
    void flush_() override {}

private:
    std::size_t m_capacity;
    std::deque<LogEntry> m_entries; // guarded by base_sink::mutex_
    std::size_t m_dropped = 0;
};

} // namespace meridian::ui
