// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace meridian::book {

/// Hash map from a 64-bit id to a small value, for the per-order indices on the hot path.
///
/// Open addressing with linear probing and backward-shift deletion: one flat array, no allocation per
/// insert once it has grown to the working size, and no tombstones to slow lookups after many deletions.
/// Keys are hashed with a 64-bit multiplicative (Fibonacci) hash, so sequential ids spread evenly.
/// The table follows the live count (grows at half full, shrinks at one eighth), so lookups stay within
/// cache for a small book even after a burst: a table sized for the worst case would cost a memory miss
/// on nearly every lookup.
/// The key kEmpty (all ones) is reserved and cannot be stored.
/// Thread: owned by one Node; not thread-safe.
template <class Value>
class IdMap final
{
public:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t(0);

    explicit IdMap(std::size_t expected = 16) { rehash(capacityFor(expected)); }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    /// Returns a pointer to the value of key, or nullptr.
    Value *find(std::uint64_t key)
    {
        for (std::size_t i = slotOf(key);; i = (i + 1) & m_mask) {
            Slot &slot = m_slots[i];
            if (slot.key == key)
                return &slot.value;
            if (slot.key == kEmpty)
                return nullptr;
        }
    }
    const Value *find(std::uint64_t key) const { return const_cast<IdMap *>(this)->find(key); }
    bool contains(std::uint64_t key) const { return find(key) != nullptr; }

    /// Inserts key with value. Returns false (and changes nothing) when key is already present.
    /// Preconditions: key != kEmpty.
    bool insert(std::uint64_t key, Value value)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            rehash(m_slots.size() * 2);
        for (std::size_t i = slotOf(key);; i = (i + 1) & m_mask) {
            Slot &slot = m_slots[i];
            if (slot.key == key)
                return false;
            if (slot.key == kEmpty) {
                slot.key = key;
                slot.value = value;
                ++m_size;
                return true;
            }
        }
    }

    /// Removes key. Returns false when it was not present.
    bool erase(std::uint64_t key)
    {
        std::size_t i = slotOf(key);
        for (;; i = (i + 1) & m_mask) {
            if (m_slots[i].key == key)
                break;
            if (m_slots[i].key == kEmpty)
                return false;
        }
        // Backward-shift: pull later members of the probe run into the hole so that no lookup ever
        // stops early at it.
        for (std::size_t j = (i + 1) & m_mask;; j = (j + 1) & m_mask) {
            if (m_slots[j].key == kEmpty)
                break;
            const std::size_t home = slotOf(m_slots[j].key);
            // Move j into the hole i unless its home lies cyclically in (i, j].
            const bool homeBetween = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!homeBetween) {
                m_slots[i] = m_slots[j];
                i = j;
            }
        }
        m_slots[i].key = kEmpty;
        --m_size;
        if (m_slots.size() > kMinCapacity && m_size * 8 < m_slots.size())
            rehash(m_slots.size() / 2);
        return true;
    }

    /// Calls f(key, value) for every entry, in no particular order.
    template <class F>
    void forEach(F &&f) const
    {
        for (const Slot &slot : m_slots)
            if (slot.key != kEmpty)
                f(slot.key, slot.value);
    }

private:
    struct Slot
    {
        std::uint64_t key = kEmpty;
        Value value{};
    };

    static constexpr std::size_t kMinCapacity = 64;

    static std::size_t capacityFor(std::size_t expected)
    {
        std::size_t capacity = kMinCapacity;
        while (capacity < expected * 2)
            capacity *= 2;
        return capacity;
    }
    std::size_t slotOf(std::uint64_t key) const
    {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> m_shift);
    }
    void rehash(std::size_t capacity)
    {
        std::vector<Slot> old(capacity);
        old.swap(m_slots);
        m_mask = capacity - 1;
        m_shift = 64;
        for (std::size_t c = capacity; c > 1; c >>= 1)
            --m_shift;
        m_size = 0;
        for (const Slot &slot : old)
            if (slot.key != kEmpty)
                insert(slot.key, slot.value);
    }

    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    int m_shift = 64;
    std::size_t m_size = 0;
};

} // namespace meridian::book
