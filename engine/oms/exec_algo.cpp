// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "oms/exec_algo.h"

#include <algorithm>

namespace meridian::oms {

namespace {

Result<void> checkSpec(const AlgoSpec &spec, const char *what)
{
    const std::string name = std::string(what) + " " + spec.id + ": ";
    if (spec.id.empty())
        return fail(ErrorCode::InvalidArgument, std::string(what) + ": the algorithm needs an id");
    if (!spec.instrument)
        return fail(ErrorCode::InvalidArgument, name + "no instrument");
    if (spec.side != Side::Buy && spec.side != Side::Sell)
        return fail(ErrorCode::InvalidArgument, name + "no side");
    if (spec.quantity <= 0)
        return fail(ErrorCode::InvalidArgument, name + "the quantity must be positive");
    if (spec.limitPrice < 0)
        return fail(ErrorCode::InvalidArgument, name + "the limit price must be positive");
    return {};
}

class Twap final : public ExecAlgo
{
public:
    Twap(OrderManager &oms, AlgoSpec spec, std::int64_t start, std::int64_t duration, int slices)
        : ExecAlgo(oms, std::move(spec)), m_start(start), m_duration(duration), m_slices(slices)
    {}

    void poll(std::int64_t now) override
    {
        if (m_state != AlgoState::Working)
            return;
        if (filled() >= m_spec.quantity) {
            end(AlgoState::Done);
            return;
        }
        if (now >= m_start + m_duration) {
            end(AlgoState::Done); // what is unfilled at the end time stays unfilled
            return;
        }
        bool due = false;
        while (m_sent < m_slices && now >= dueTime(m_sent)) {
            ++m_sent;
            due = true;
        }
        if (!due)
            return;
        cancelOpenChild(); // its unfilled part joins the new child (once the cancel is confirmed)
        const std::int64_t want = scheduled(m_sent) - filled() - outstanding();
        if (want > 0)
            (void)sendChild(want);
    }

private:
    std::int64_t dueTime(int slice) const
    {
        return m_start + static_cast<std::int64_t>(static_cast<double>(m_duration) * slice / m_slices);
    }
    /// Lots due by the end of the first `slices` slices (the remainder spread over the first ones).
    std::int64_t scheduled(int slices) const
    {
        const std::int64_t base = m_spec.quantity / m_slices, remainder = m_spec.quantity % m_slices;
        return base * slices + std::min<std::int64_t>(slices, remainder);
    }
    /// Unfilled lots of children not yet closed (a cancel asked for and not yet confirmed included): they
    /// may still fill, so they count against the schedule.
    std::int64_t outstanding() const
    {
        std::int64_t total = 0;
        for (const auto &[id, o] : m_last)
            if (o.open())
                total += o.spec.quantity - o.filled;
        return total;
    }

    std::int64_t m_start, m_duration;
    int m_slices;
    int m_sent = 0;
};

class Iceberg final : public ExecAlgo
{
public:
    Iceberg(OrderManager &oms, AlgoSpec spec, std::int64_t display) : ExecAlgo(oms, std::move(spec)), m_display(display)
    {}

    void poll(std::int64_t) override
    {
        if (m_state != AlgoState::Working)
            return;
        const std::int64_t done = filled();
        if (done >= m_spec.quantity) {
            end(AlgoState::Done);
            return;
        }
        if (!openChild())
            (void)sendChild(std::min(m_display, m_spec.quantity - done));
    }

private:
    std::int64_t m_display;
};

} // namespace

std::string_view algoStateName(AlgoState state) noexcept
{
    switch (state) {
    case AlgoState::Working:
        return "working";
    case AlgoState::Done:
        return "done";
    case AlgoState::Cancelled:
        return "cancelled";
    case AlgoState::Failed:
        return "failed";
    }
    return "";
}

std::int64_t ExecAlgo::filled() const
{
    std::int64_t total = 0;
    for (const auto &[id, o] : m_last)
        total += o.filled;
    return total;
}

void ExecAlgo::onChild(const Order &order)
{
    m_last[order.spec.clientOrderId] = order;
    if (m_state == AlgoState::Working && order.status == OrderStatus::Rejected)
        end(AlgoState::Failed, "child " + order.spec.clientOrderId + " was rejected: " + order.reason);
}

void ExecAlgo::cancel()
{
    if (m_state == AlgoState::Working)
        end(AlgoState::Cancelled);
}

bool ExecAlgo::sendChild(std::int64_t quantity)
{
    OrderSpec child;
    child.clientOrderId = m_spec.id + "." + std::to_string(m_children.size() + 1);
    child.strategy = m_spec.strategy;
    child.instrument = m_spec.instrument;
    child.side = m_spec.side;
    child.kind = m_spec.limitPrice > 0 ? OrderKind::Limit : OrderKind::Market;
    child.price = m_spec.limitPrice;
    child.quantity = quantity;
    m_children.push_back(child.clientOrderId);
    auto order = m_oms.submit(child);
    if (!order) {
        end(AlgoState::Failed, "child " + child.clientOrderId + " could not be sent: " + order.error().message);
        return false;
    }
    m_last[child.clientOrderId] = *order; // the order as it stands now (updates during submit included)
    if (order->status == OrderStatus::Rejected) {
        end(AlgoState::Failed, "child " + child.clientOrderId + " was rejected: " + order->reason);
        return false;
    }
    return true;
}

std::optional<std::string> ExecAlgo::openChild() const
{
    for (auto it = m_children.rbegin(); it != m_children.rend(); ++it) {
        const auto last = m_last.find(*it);
        if (last != m_last.end() && last->second.open())
            return *it;
    }
    return std::nullopt;
}

void ExecAlgo::cancelOpenChild()
{
    for (const std::string &id : m_children) {
        const auto last = m_last.find(id);
        if (last != m_last.end() && last->second.open())
            (void)m_oms.cancel(id); // a child already closing answers InvalidArgument: nothing to do
    }
}

void ExecAlgo::end(AlgoState state, std::string error)
{
    m_state = state;
    m_error = std::move(error);
    cancelOpenChild();
}

Result<std::unique_ptr<ExecAlgo>> twap(OrderManager &oms, AlgoSpec spec, std::int64_t startNs, std::int64_t durationNs,
                                       int slices)
{
    if (auto r = checkSpec(spec, "twap"); !r)
        return tl::unexpected(r.error());
    if (durationNs <= 0)
        return fail(ErrorCode::InvalidArgument, "twap " + spec.id + ": the duration must be positive");
    if (slices < 1 || slices > spec.quantity)
        return fail(ErrorCode::InvalidArgument, "twap " + spec.id + ": slices must be between 1 and the quantity (" +
                                                    std::to_string(spec.quantity) + "), not " + std::to_string(slices));
    return std::unique_ptr<ExecAlgo>(new Twap(oms, std::move(spec), startNs, durationNs, slices));
}

Result<std::unique_ptr<ExecAlgo>> iceberg(OrderManager &oms, AlgoSpec spec, std::int64_t display)
{
    if (auto r = checkSpec(spec, "iceberg"); !r)
        return tl::unexpected(r.error());
    if (spec.limitPrice <= 0)
        return fail(ErrorCode::InvalidArgument, "iceberg " + spec.id + ": an iceberg needs a limit price");
    if (display < 1 || display > spec.quantity)
        return fail(ErrorCode::InvalidArgument,
                    "iceberg " + spec.id + ": the displayed quantity must be between 1 and the quantity (" +
                        std::to_string(spec.quantity) + "), not " + std::to_string(display));
    return std::unique_ptr<ExecAlgo>(new Iceberg(oms, std::move(spec), display));
}

AlgoEngine::AlgoEngine(OrderManager &oms, std::function<void(const Order &)> next) : m_oms(oms), m_next(std::move(next))
{
    m_oms.setListener([this](const Order &order) {
        const std::string &id = order.spec.clientOrderId;
        if (const auto dot = id.rfind('.'); dot != std::string::npos)
            if (ExecAlgo *algo = find(id.substr(0, dot)))
                algo->onChild(order);
        if (m_next)
            m_next(order);
    });
}

AlgoEngine::~AlgoEngine()
{
    m_oms.setListener(m_next);
}

ExecAlgo &AlgoEngine::add(std::unique_ptr<ExecAlgo> algo)
{
    ExecAlgo &added = *algo;
    m_algos[algo->spec().id] = std::move(algo);
    return added;
}

ExecAlgo *AlgoEngine::find(const std::string &id) const
{
    const auto it = m_algos.find(id);
    return it == m_algos.end() ? nullptr : it->second.get();
}

void AlgoEngine::poll(std::int64_t nowNs)
{
    for (auto &[id, algo] : m_algos)
        algo->poll(nowNs);
}

} // namespace meridian::oms
