// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "book/l2_book.h"
#include "core/error.h"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace meridian::book {

/// How a feed numbers its incremental updates.
enum class SequenceRule : std::uint8_t {
    Invalid = 0,
    /// Each update covers the range [first, last] of update ids (Binance U/u). The snapshot carries the
    /// last id it includes; the next update must have first <= expected <= last, where expected is one
    /// past the last id applied.
    Range,
    /// Each update names its own id and the previous update's id (OKX seqId/prevSeqId). The next update's
    /// previous id must equal the last id applied; an id lower than its previous one is a sequence reset.
    Chained,
};

/// Absolute quantity at one price after an update (zero: the level is gone).
struct LevelUpdate
{
    Side side = Side::Invalid;
    Price price;
    Quantity quantity;
};

/// One incremental update. Range feeds fill first and last; chained feeds fill last and previous.
struct L2Update
{
    std::uint64_t first = 0;
    std::uint64_t last = 0;
    std::uint64_t previous = 0;
    std::span<const LevelUpdate> changes;
};

enum class FeedState : std::uint8_t { Invalid = 0, AwaitingSnapshot, Synced, Stale };

/// What became of one update.
enum class UpdateOutcome : std::uint8_t {
    Invalid = 0,
    Applied,
    Buffered,  ///< kept until a snapshot arrives
    Duplicate, ///< already applied: dropped
    Stale,     ///< older than the snapshot: dropped
    Gap,       ///< updates are missing: the book is stale and a resync was requested
    Rejected,  ///< malformed (bad side, negative quantity, reset sequence) or it crossed the book: resync
};

/// Maintains an L2 book from a snapshot plus incremental updates with sequence numbers, as real feeds
/// require: updates received before the snapshot are buffered and those it already covers dropped; a
/// duplicate or stale update is dropped and counted; a gap, a malformed update or a crossed book marks the
/// book stale and asks for a resync (a new snapshot), buffering what arrives meanwhile.
/// Exchange-specific parsing lives in the adapters; this is the rule they share.
/// Thread: owned by one Node; not thread-safe.
class L2FeedBuilder final
{
public:
    struct Stats
    {
        std::size_t snapshots = 0;
        std::size_t applied = 0;
        std::size_t buffered = 0;
        std::size_t duplicates = 0;
        std::size_t stale = 0;
        std::size_t gaps = 0;
        std::size_t rejected = 0;
        std::size_t crossed = 0;
        std::size_t resyncRequests = 0;
        std::size_t bufferOverflows = 0; ///< buffered updates dropped because the buffer was full
    };

    /// maxBuffered: how many updates to hold while waiting for a snapshot; when full, the oldest half is
    /// dropped (the snapshot then shows the gap and asks again).
    explicit L2FeedBuilder(SequenceRule rule, std::size_t maxBuffered = 4096);

    /// Called (synchronously) each time the builder needs a new snapshot; it must not call back into the
    /// builder (request the snapshot and deliver it later).
    void setResyncHandler(std::function<void()> handler) { m_onResync = std::move(handler); }

    /// Replaces the book with a snapshot that includes every update up to sequence, then applies the
    /// buffered updates that follow it. Errors: InvalidArgument for a malformed or crossed snapshot (the
    /// builder stays waiting for another).
    Result<void> snapshot(std::uint64_t sequence, std::span<const LevelUpdate> levels);
    /// Applies, buffers or drops one update (see UpdateOutcome).
    UpdateOutcome update(const L2Update &update);

    const L2Book &book() const { return m_book; }
    FeedState state() const { return m_state; }
    /// The id of the last update in the book (the snapshot's until an update applies).
    std::uint64_t sequence() const { return m_sequence; }
    const Stats &stats() const { return m_stats; }

private:
    struct Held
    {
        std::uint64_t first;
        std::uint64_t last;
        std::uint64_t previous;
        std::size_t offset;
        std::size_t count;
    };

    static bool wellFormed(std::span<const LevelUpdate> changes);
    UpdateOutcome applyInSync(const L2Update &update);
    void hold(const L2Update &update);
    void goStale();

    SequenceRule m_rule;
    std::size_t m_maxBuffered;
    FeedState m_state = FeedState::AwaitingSnapshot;
    std::uint64_t m_sequence = 0;
    std::uint64_t m_snapshotSequence = 0;
    L2Book m_book;
    Stats m_stats;
    std::function<void()> m_onResync;
    std::vector<Held> m_held;
    std::vector<LevelUpdate> m_heldChanges;
};

} // namespace meridian::book
