// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "oms/order_manager.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

// Execution algorithms: a parent order worked through the OrderManager as child orders. Each child is an
// ordinary order (journalled, risk-checked, idempotent) with the client id "<algorithm id>.<n>", so the
// journal shows which parent it served.
//
// TWAP: the quantity in `slices` equal parts (the remainder going to the first ones); slice k is due at
//   start + k × duration / slices (k = 0 … slices − 1). At each slice the child still open from the
//   previous one is cancelled and its unfilled quantity joins the new child, so the schedule is caught up
//   but never run ahead of. With a limit price the children are limit orders at it, without one market
//   orders. At start + duration the open child is cancelled and the algorithm ends with what it filled.
// Iceberg: one child at a time at the limit price, showing at most `display` lots; when it has filled the
//   next shows the next part, until the quantity is filled.
// A child that risk or the venue rejects ends the algorithm as failed, with the reason. cancel() ends it
// and cancels the open child.
//
// Nothing is sent from inside an order update (the OMS may be reporting from inside its own submit): work
// that an update makes due is done at the next poll(). Thread: the OMS's.
namespace meridian::oms {

struct AlgoSpec
{
    std::string id; // unique; the children's client ids start with it
    std::string strategy;
    std::optional<Instrument> instrument;
    Side side = Side::Invalid;
    std::int64_t quantity = 0;   // lots
    std::int64_t limitPrice = 0; // ticks; 0: none (TWAP only: market children)
};

enum class AlgoState : std::uint8_t { Working, Done, Cancelled, Failed };
std::string_view algoStateName(AlgoState state) noexcept; // "working", "done", "cancelled", "failed"

class ExecAlgo
{
public:
    virtual ~ExecAlgo() = default;
    const AlgoSpec &spec() const noexcept { return m_spec; }
    AlgoState state() const noexcept { return m_state; }
    /// Lots filled over all children.
    std::int64_t filled() const;
    const std::string &error() const noexcept { return m_error; }
    /// The children's client ids, in the order they were sent.
    const std::vector<std::string> &children() const noexcept { return m_children; }

    /// Time has passed: sends (or cancels) what is due.
    virtual void poll(std::int64_t nowNs) = 0;
    /// An update of one of its children (AlgoEngine routes them).
    void onChild(const Order &order);
    /// Ends the algorithm and cancels its open child.
    void cancel();

protected:
    ExecAlgo(OrderManager &oms, AlgoSpec spec) : m_oms(oms), m_spec(std::move(spec)) {}
    /// Sends a child of quantity lots; false when it was refused (the algorithm has then failed).
    bool sendChild(std::int64_t quantity);
    /// The open child's client id, if one is open.
    std::optional<std::string> openChild() const;
    void cancelOpenChild();
    void end(AlgoState state, std::string error = {});

    OrderManager &m_oms;
    AlgoSpec m_spec;
    AlgoState m_state = AlgoState::Working;
    std::string m_error;
    std::vector<std::string> m_children;
    std::map<std::string, Order> m_last; // the last update of each child
};

/// Errors: InvalidArgument naming what is wrong (no instrument, side, quantity, id; slices < 1 or more than
/// the quantity; duration ≤ 0).
Result<std::unique_ptr<ExecAlgo>> twap(OrderManager &oms, AlgoSpec spec, std::int64_t startNs, std::int64_t durationNs,
                                       int slices);
/// Errors: InvalidArgument (as twap; no limit price; display < 1 or above the quantity).
Result<std::unique_ptr<ExecAlgo>> iceberg(OrderManager &oms, AlgoSpec spec, std::int64_t display);

/// Owns the running algorithms and routes the OMS's order updates to them (it becomes the OMS's listener;
/// `next` still hears of every update).
class AlgoEngine
{
public:
    explicit AlgoEngine(OrderManager &oms, std::function<void(const Order &)> next = {});
    ~AlgoEngine();
    ExecAlgo &add(std::unique_ptr<ExecAlgo> algo);
    ExecAlgo *find(const std::string &id) const;
    void poll(std::int64_t nowNs);

private:
    OrderManager &m_oms;
    std::function<void(const Order &)> m_next;
    std::map<std::string, std::unique_ptr<ExecAlgo>> m_algos;
};

} // namespace meridian::oms
