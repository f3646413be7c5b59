// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "bridge/log_buffer.h"

#include <chrono>

namespace meridian::ui {

void LogBuffer::sink_it_(const spdlog::details::log_msg &message)
{
    LogEntry entry;
    entry.timeNs = std::chrono::duration_cast<std::chrono::nanoseconds>(message.time.time_since_epoch()).count();
    entry.level = static_cast<int>(message.level);
    entry.area.assign(message.logger_name.data(), message.logger_name.size());
    entry.message.assign(message.payload.data(), message.payload.size());
    if (m_entries.size() >= m_capacity) {
        m_entries.pop_front();
        ++m_dropped;
    }
    m_entries.push_back(std::move(entry));
}

std::size_t LogBuffer::take(std::vector<LogEntry> &out)
{
    std::lock_guard lock(mutex_);
    out.insert(out.end(), std::make_move_iterator(m_entries.begin()), std::make_move_iterator(m_entries.end()));
    m_entries.clear();
    return std::exchange(m_dropped, 0);
}

} // namespace meridian::ui
