// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "signal/pipeline.h"
#include "store/database.h"

#include <string>
#include <vector>

// The signal journal in SQLite (table signals): every opportunity the pipeline published, with the time it
// passed each stage. A sink of the pipeline: publish() keeps the opportunity, flush() writes what was kept
// in one transaction (a pipeline publishing thousands a second would otherwise wait on a commit each).
namespace meridian::signal {

class SignalJournal final : public SignalSink
{
public:
    /// session names the run the rows belong to ("paper-…"); db must outlive the journal.
    SignalJournal(store::Database &db, std::string session) : m_db(db), m_session(std::move(session)) {}

    void publish(const Opportunity &opportunity) override { m_pending.push_back(opportunity); }
    /// Writes the kept opportunities. Errors: Database (nothing of the batch is written, and it is kept for
    /// the next flush).
    Result<void> flush();
    std::size_t pending() const noexcept { return m_pending.size(); }
    std::uint64_t written() const noexcept { return m_written; }

private:
    store::Database &m_db;
    std::string m_session;
    std::vector<Opportunity> m_pending;
    std::uint64_t m_written = 0;
};

struct StoredSignal
{
    std::int64_t id = 0;
    std::string session;
    Opportunity opportunity;
};

/// The last `limit` journalled signals, newest first. Errors: Database.
Result<std::vector<StoredSignal>> recentSignals(store::Database &db, std::size_t limit);

} // namespace meridian::signal
