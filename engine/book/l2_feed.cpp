// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "book/l2_feed.h"

#include "core/check.h"

#include <algorithm>
#include <string>

namespace meridian::book {

L2FeedBuilder::L2FeedBuilder(SequenceRule rule, std::size_t maxBuffered)
    : m_rule(rule), m_maxBuffered(std::max<std::size_t>(maxBuffered, 1))
{
    MERIDIAN_CHECK(rule == SequenceRule::Range || rule == SequenceRule::Chained, "L2 feed without a sequence rule");
}

bool L2FeedBuilder::wellFormed(std::span<const LevelUpdate> changes)
{
    return std::all_of(changes.begin(), changes.end(), [](const LevelUpdate &c) {
        return (c.side == Side::Buy || c.side == Side::Sell) && c.quantity.value() >= 0;
    });
}

void L2FeedBuilder::goStale()
{
    m_state = FeedState::Stale;
    ++m_stats.resyncRequests;
    if (m_onResync)
        m_onResync();
}

void L2FeedBuilder::hold(const L2Update &update)
{
    if (m_held.size() >= m_maxBuffered) {
        // Drop the oldest half at once and compact the changes they held, so a long outage costs
        // amortised O(1) per update and bounded memory.
        const std::size_t drop = std::max<std::size_t>(m_held.size() / 2, 1);
        const std::size_t firstKept = drop < m_held.size() ? m_held[drop].offset : m_heldChanges.size();
        m_heldChanges.erase(m_heldChanges.begin(), m_heldChanges.begin() + static_cast<std::ptrdiff_t>(firstKept));
        m_held.erase(m_held.begin(), m_held.begin() + static_cast<std::ptrdiff_t>(drop));
        for (Held &h : m_held)
            h.offset -= firstKept;
        m_stats.bufferOverflows += drop;
    }
    m_held.push_back(Held{update.first, update.last, update.previous, m_heldChanges.size(), update.changes.size()});
    m_heldChanges.insert(m_heldChanges.end(), update.changes.begin(), update.changes.end());
    ++m_stats.buffered;
}

Result<void> L2FeedBuilder::snapshot(std::uint64_t sequence, std::span<const LevelUpdate> levels)
{
    if (!wellFormed(levels))
        return fail(ErrorCode::InvalidArgument,
                    "Snapshot " + std::to_string(sequence) + " has a level without a side or with a negative quantity");
    L2Book book;
    for (const LevelUpdate &level : levels)
        (void)book.set(level.side, level.price, level.quantity);
    if (book.isCrossed())
        return fail(ErrorCode::InvalidArgument, "Snapshot " + std::to_string(sequence) + " is crossed: bid " +
                                                    std::to_string(book.bestBid()->value()) + " >= ask " +
                                                    std::to_string(book.bestAsk()->value()));
    m_book = std::move(book);
    m_sequence = m_snapshotSequence = sequence;
    m_state = FeedState::Synced;
    ++m_stats.snapshots;

    std::vector<Held> held;
    held.swap(m_held);
    std::vector<LevelUpdate> changes;
    changes.swap(m_heldChanges);
    for (const Held &h : held) {
        const L2Update update{h.first, h.last, h.previous,
                              std::span<const LevelUpdate>(changes.data() + h.offset, h.count)};
        if (m_state != FeedState::Synced) {
            hold(update); // a gap among the buffered updates: keep the rest for the next snapshot
            continue;
        }
        applyInSync(update);
    }
    return ok();
}

UpdateOutcome L2FeedBuilder::update(const L2Update &update)
{
    if (m_state != FeedState::Synced) {
        hold(update);
        return UpdateOutcome::Buffered;
    }
    return applyInSync(update);
}

UpdateOutcome L2FeedBuilder::applyInSync(const L2Update &update)
{
    if (m_rule == SequenceRule::Range) {
        if (update.last < update.first) {
            ++m_stats.rejected;
            goStale();
            return UpdateOutcome::Rejected;
        }
        if (update.last <= m_sequence) {
            ++(update.last <= m_snapshotSequence ? m_stats.stale : m_stats.duplicates);
            return update.last <= m_snapshotSequence ? UpdateOutcome::Stale : UpdateOutcome::Duplicate;
        }
        // Levels are absolute, so an update overlapping what we hold is safe to apply again.
        if (update.first > m_sequence + 1) {
            ++m_stats.gaps;
            goStale();
            return UpdateOutcome::Gap;
        }
    } else {
        if (update.last < update.previous) {
            ++m_stats.rejected; // the venue reset its sequence
            goStale();
            return UpdateOutcome::Rejected;
        }
        if (update.last <= m_sequence && !(update.previous == m_sequence && update.last == m_sequence)) {
            ++(update.last <= m_snapshotSequence ? m_stats.stale : m_stats.duplicates);
            return update.last <= m_snapshotSequence ? UpdateOutcome::Stale : UpdateOutcome::Duplicate;
        }
        if (update.previous != m_sequence) {
            ++m_stats.gaps;
            goStale();
            return UpdateOutcome::Gap;
        }
    }
    if (!wellFormed(update.changes)) {
        ++m_stats.rejected;
        goStale();
        return UpdateOutcome::Rejected;
    }
    for (const LevelUpdate &change : update.changes)
        (void)m_book.set(change.side, change.price, change.quantity);
    m_sequence = update.last;
    ++m_stats.applied;
    if (m_book.isCrossed()) {
        ++m_stats.crossed;
        goStale();
        return UpdateOutcome::Rejected;
    }
    return UpdateOutcome::Applied;
}

} // namespace meridian::book
