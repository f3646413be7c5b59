// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "signal/signal_store.h"

namespace meridian::signal {

namespace {

std::string joined(const std::vector<std::string> &parts)
{
    std::string out;
    for (const std::string &p : parts)
        out += (out.empty() ? "" : ",") + p;
    return out;
}

std::vector<std::string> split(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= text.size() && !text.empty()) {
        const std::size_t comma = text.find(',', from);
        out.push_back(text.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
        if (comma == std::string::npos)
            break;
        from = comma + 1;
    }
    return out;
}

} // namespace

Result<void> SignalJournal::flush()
{
    if (m_pending.empty())
        return {};
    auto transaction = store::Transaction::begin(m_db);
    if (!transaction)
        return tl::unexpected(transaction.error());
    auto insert = m_db.prepare(
        "INSERT INTO signals (opportunity_id, session, ts, instrument_id, direction, strength, confidence, "
        "signal_count, sources, reason, received_ns, featured_ns, evaluated_ns, aggregated_ns, guarded_ns, "
        "published_ns) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    if (!insert)
        return tl::unexpected(insert.error());
    for (const Opportunity &o : m_pending) {
        insert->reset();
        for (auto b :
             {insert->bind(1, static_cast<std::int64_t>(o.id)), insert->bind(2, std::string_view(m_session)),
              insert->bind(3, o.updatedNs), insert->bind(4, static_cast<std::int64_t>(o.instrument)),
              insert->bind(5, o.direction == Direction::Long ? "long" : "short"), insert->bind(6, o.strength),
              insert->bind(7, o.confidence), insert->bind(8, static_cast<std::int64_t>(o.signalCount)),
              insert->bind(9, std::string_view(joined(o.sources))), insert->bind(10, std::string_view(o.reason)),
              insert->bind(11, o.stages.received), insert->bind(12, o.stages.featured),
              insert->bind(13, o.stages.evaluated), insert->bind(14, o.stages.aggregated),
              insert->bind(15, o.stages.guarded), insert->bind(16, o.stages.published)})
            if (!b)
                return b;
        if (auto r = insert->run(); !r)
            return r;
    }
    if (auto r = transaction->commit(); !r)
        return r;
    m_written += m_pending.size();
    m_pending.clear();
    return {};
}

Result<std::vector<StoredSignal>> recentSignals(store::Database &db, std::size_t limit)
{
    auto select = db.prepare("SELECT signal_id, session, opportunity_id, ts, instrument_id, direction, strength, "
                             "confidence, signal_count, sources, reason, received_ns, featured_ns, evaluated_ns, "
                             "aggregated_ns, guarded_ns, published_ns FROM signals ORDER BY signal_id DESC LIMIT ?1");
    if (!select)
        return tl::unexpected(select.error());
    if (auto b = select->bind(1, static_cast<std::int64_t>(limit)); !b)
        return tl::unexpected(b.error());
    std::vector<StoredSignal> out;
    for (;;) {
        auto row = select->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        StoredSignal s;
        s.id = select->columnInt64(0);
        s.session = select->columnText(1);
        Opportunity &o = s.opportunity;
        o.id = static_cast<std::uint64_t>(select->columnInt64(2));
        o.updatedNs = select->columnInt64(3);
        o.instrument = static_cast<InstrumentId>(select->columnInt64(4));
        o.direction = select->columnText(5) == "long" ? Direction::Long : Direction::Short;
        o.strength = select->columnDouble(6);
        o.confidence = select->columnDouble(7);
        o.signalCount = static_cast<std::size_t>(select->columnInt64(8));
        o.sources = split(select->columnText(9));
        o.reason = select->columnText(10);
        o.stages = {select->columnInt64(11), select->columnInt64(12), select->columnInt64(13),
                    select->columnInt64(14), select->columnInt64(15), select->columnInt64(16)};
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace meridian::signal
