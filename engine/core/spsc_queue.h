// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <atomic>
#include <cstddef>
#include <vector>

namespace meridian {

/// A bounded lock-free queue for exactly one producer thread and one consumer thread. The capacity is
/// rounded up to a power of two. push() fails when full, pop() when empty; neither blocks or allocates.
///
/// Thread: push() from the producer only, pop() from the consumer only; size() from either (a snapshot).
template <class T>
class SpscQueue
{
public:
    explicit SpscQueue(std::size_t capacity) : m_slots(roundUp(capacity)), m_mask(m_slots.size() - 1) {}

    bool push(const T &item)
    {
        const std::size_t head = m_head.load(std::memory_order_relaxed);
        if (head - m_tail.load(std::memory_order_acquire) == m_slots.size())
            return false;
        m_slots[head & m_mask] = item;
        m_head.store(head + 1, std::memory_order_release);
        return true;
    }

    bool pop(T &item)
    {
        const std::size_t tail = m_tail.load(std::memory_order_relaxed);
        if (tail == m_head.load(std::memory_order_acquire))
            return false;
        item = std::move(m_slots[tail & m_mask]);
        m_tail.store(tail + 1, std::memory_order_release);
        return true;
    }

    std::size_t size() const { return m_head.load(std::memory_order_acquire) - m_tail.load(std::memory_order_acquire); }
    std::size_t capacity() const { return m_slots.size(); }

private:
    static std::size_t roundUp(std::size_t n)
    {
        std::size_t p = 2;
        while (p < n)
            p *= 2;
        return p;
    }

    std::vector<T> m_slots;
    std::size_t m_mask;
    alignas(64) std::atomic<std::size_t> m_head{0};
    alignas(64) std::atomic<std::size_t> m_tail{0};
};

} // namespace meridian
