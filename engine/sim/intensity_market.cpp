// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "sim/intensity_market.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

namespace meridian::sim {

namespace {

constexpr meridian_instrument_id kInstrument = 1;
constexpr std::string_view kSymbol = "SIM";

Result<void> positive(double value, const char *name)
{
    if (!(value > 0) || !std::isfinite(value))
        return fail(ErrorCode::InvalidArgument,
                    std::string("intensity model: ") + name + " must be positive, not " + std::to_string(value));
    return ok();
}

} // namespace

Result<void> IntensityModel::validate() const
{
    for (const auto &[value, name] :
         {std::pair{initialMid, "initialMid"}, std::pair{sigma, "sigma"}, std::pair{horizon, "horizon"},
          std::pair{dt, "dt"}, std::pair{intensityA, "intensityA"}, std::pair{intensityK, "intensityK"},
          std::pair{tickSize, "tickSize"}})
        if (auto r = positive(value, name); !r)
            return r;
    if (dt > horizon)
        return fail(ErrorCode::InvalidArgument, "intensity model: dt exceeds the horizon");
    if (timeUnitNs <= 0)
        return fail(ErrorCode::InvalidArgument, "intensity model: timeUnitNs must be positive");
    if (initialMid / tickSize > 1e15)
        return fail(ErrorCode::InvalidArgument, "intensity model: initialMid is too many ticks for a price");
    return ok();
}

std::int64_t IntensityModel::steps() const
{
    return std::llround(horizon / dt);
}

IntensityMarket::IntensityMarket(IntensityModel model) : m_model(model), m_runner(*this) {}

IntensityMarket::~IntensityMarket() = default;

Result<IntensityPath> IntensityMarket::runPath(const std::string &pluginPath, const std::string &parametersJson,
                                               std::uint64_t seed, std::uint64_t path)
{
    if (auto valid = m_model.validate(); !valid)
        return tl::unexpected(valid.error());
    m_orders.clear();
    m_nowNs = 0;
    m_mid = m_model.initialMid;
    m_cash = 0;
    m_inventory = 0;
    m_fills = 0;
    m_lastLog.clear();
    Rng rng(seed, path);

    auto id = m_runner.addInstance(pluginPath, parametersJson);
    if (!id)
        return tl::unexpected(id.error());
    const auto failed = [&](const std::string &what) {
        std::string message = "path " + std::to_string(path) + ": " + what + ": " + m_runner.lastError(*id);
        if (!m_lastLog.empty())
            message += " (its last error log: " + m_lastLog + ")";
        (void)m_runner.remove(*id);
        return fail(ErrorCode::ExternalFailure, message);
    };
    if (auto started = m_runner.start(*id); !started)
        return failed("the strategy did not start");

    IntensityPath result;
    double spreadSum = 0;
    const std::int64_t steps = m_model.steps();
    const double move = m_model.sigma * std::sqrt(m_model.dt);
    for (std::int64_t step = 0; step < steps; ++step) {
        m_nowNs = std::llround(static_cast<double>(step) * m_model.dt * static_cast<double>(m_model.timeUnitNs));
        const meridian_level level{std::llround(m_mid / m_model.tickSize), std::numeric_limits<std::int32_t>::max()};
        meridian_book_view book{};
        book.struct_size = sizeof book;
        book.instrument = kInstrument;
        book.time_ns = m_nowNs;
        book.sequence = static_cast<std::uint64_t>(step) + 1;
        book.bids = &level;
        book.bid_count = 1;
        book.asks = &level;
        book.ask_count = 1;
        m_runner.onBook(book);
        if (m_runner.state(*id) != strategy::InstanceState::Running)
            return failed("the strategy stopped at step " + std::to_string(step));

        std::int64_t bestBid = std::numeric_limits<std::int64_t>::min();
        std::int64_t bestAsk = std::numeric_limits<std::int64_t>::max();
        for (const Order &o : m_orders) {
            if (o.side == MERIDIAN_SIDE_BUY)
                bestBid = std::max(bestBid, o.price);
            else
                bestAsk = std::min(bestAsk, o.price);
        }
        if (bestBid != std::numeric_limits<std::int64_t>::min() &&
            bestAsk != std::numeric_limits<std::int64_t>::max()) {
            spreadSum += static_cast<double>(bestAsk - bestBid) * m_model.tickSize;
            ++result.quotedSteps;
        }

        drawFills(*id, rng);
        if (m_runner.state(*id) != strategy::InstanceState::Running)
            return failed("the strategy stopped at step " + std::to_string(step));
        m_mid += rng.bernoulli(0.5) ? move : -move;
    }
    if (auto stopped = m_runner.remove(*id); !stopped)
        return tl::unexpected(stopped.error());

    result.profit = m_cash + static_cast<double>(m_inventory) * m_mid;
    result.finalInventory = m_inventory;
    result.averageSpread = result.quotedSteps ? spreadSum / static_cast<double>(result.quotedSteps) : 0;
    result.fills = m_fills;
    return result;
}

void IntensityMarket::drawFills(strategy::InstanceId instance, Rng &rng)
{
    // Draw every resting order first, then report: the strategy may re-quote from onOrder.
    std::vector<Order> filled;
    for (auto it = m_orders.begin(); it != m_orders.end();) {
        const double price = static_cast<double>(it->price) * m_model.tickSize;
        const double delta = it->side == MERIDIAN_SIDE_BUY ? m_mid - price : price - m_mid;
        const double probability = m_model.intensityA * std::exp(-m_model.intensityK * delta) * m_model.dt;
        if (rng.uniform() < probability) {
            filled.push_back(*it);
            it = m_orders.erase(it);
        } else {
            ++it;
        }
    }
    for (const Order &o : filled) {
        const double notional = static_cast<double>(o.price) * m_model.tickSize * static_cast<double>(o.quantity);
        const bool buy = o.side == MERIDIAN_SIDE_BUY;
        m_cash += buy ? -notional : notional;
        m_inventory += buy ? o.quantity : -o.quantity;
        ++m_fills;
        meridian_order_update u{};
        u.struct_size = sizeof u;
        u.instrument = kInstrument;
        u.order_id = o.id;
        u.client_tag = o.clientTag;
        u.status = MERIDIAN_ORDER_FILLED;
        u.side = o.side;
        u.time_ns = m_nowNs;
        u.price = o.price;
        u.quantity = o.quantity;
        u.filled_quantity = o.quantity;
        u.fill_price = o.price;
        u.fill_quantity = o.quantity;
        u.liquidity = MERIDIAN_LIQUIDITY_MAKER;
        m_runner.onOrder(instance, u);
    }
}

Result<std::vector<IntensityPath>> IntensityMarket::runPaths(const IntensityModel &model, const std::string &pluginPath,
                                                             const std::string &parametersJson, std::uint64_t seed,
                                                             std::uint64_t count, unsigned threads)
{
    if (auto valid = model.validate(); !valid)
        return tl::unexpected(valid.error());
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::uint64_t>(count, 1))));
    std::vector<IntensityPath> results(count);
    std::vector<Result<void>> outcomes(threads, ok());
    // Path i runs on thread i mod threads; every path has its own random stream, so the split changes
    // nothing in the results.
    const auto work = [&](unsigned t) {
        IntensityMarket market(model);
        for (std::uint64_t path = t; path < count; path += threads) {
            auto r = market.runPath(pluginPath, parametersJson, seed, path);
            if (!r) {
                outcomes[t] = tl::unexpected(r.error());
                return;
            }
            results[path] = *r;
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work, t);
    work(0);
    for (std::thread &th : pool)
        th.join();
    for (const auto &outcome : outcomes)
        if (!outcome)
            return tl::unexpected(outcome.error());
    return results;
}

meridian_status IntensityMarket::placeOrder(strategy::InstanceId, const meridian_order_request &request,
                                            std::uint64_t &orderId)
{
    if (request.type != MERIDIAN_ORDER_LIMIT)
        return MERIDIAN_STATUS_UNSUPPORTED;
    if (request.instrument != kInstrument || request.quantity <= 0 ||
        (request.side != MERIDIAN_SIDE_BUY && request.side != MERIDIAN_SIDE_SELL))
        return MERIDIAN_STATUS_INVALID_ARGUMENT;
    orderId = m_nextOrderId++;
    m_orders.push_back({orderId, request.side, request.price, request.quantity, request.client_tag});
    return MERIDIAN_STATUS_OK;
}

meridian_status IntensityMarket::cancelOrder(strategy::InstanceId, std::uint64_t orderId)
{
    const auto it = std::find_if(m_orders.begin(), m_orders.end(), [&](const Order &o) { return o.id == orderId; });
    if (it == m_orders.end())
        return MERIDIAN_STATUS_NOT_FOUND;
    m_orders.erase(it);
    // Cancels take effect at once here; the confirmation is not reported (no strategy here depends on it).
    return MERIDIAN_STATUS_OK;
}

meridian_status IntensityMarket::modifyOrder(strategy::InstanceId, std::uint64_t orderId, std::int64_t price,
                                             std::int64_t quantity)
{
    const auto it = std::find_if(m_orders.begin(), m_orders.end(), [&](const Order &o) { return o.id == orderId; });
    if (it == m_orders.end())
        return MERIDIAN_STATUS_NOT_FOUND;
    if (quantity <= 0)
        return MERIDIAN_STATUS_INVALID_ARGUMENT;
    it->price = price;
    it->quantity = quantity;
    return MERIDIAN_STATUS_OK;
}

meridian_status IntensityMarket::publishSignal(strategy::InstanceId, const meridian_signal &)
{
    return MERIDIAN_STATUS_OK;
}

meridian_status IntensityMarket::position(strategy::InstanceId, meridian_instrument_id instrument,
                                          meridian_position &position)
{
    if (instrument != kInstrument)
        return MERIDIAN_STATUS_NOT_FOUND;
    position.instrument = instrument;
    position.quantity = m_inventory;
    return MERIDIAN_STATUS_OK;
}

meridian_status IntensityMarket::balance(strategy::InstanceId, std::string_view, meridian_balance &)
{
    return MERIDIAN_STATUS_UNSUPPORTED;
}

meridian_status IntensityMarket::setTimer(strategy::InstanceId, std::uint64_t, std::int64_t, bool)
{
    return MERIDIAN_STATUS_UNSUPPORTED;
}

meridian_status IntensityMarket::cancelTimer(strategy::InstanceId, std::uint64_t)
{
    return MERIDIAN_STATUS_UNSUPPORTED;
}

void IntensityMarket::log(strategy::InstanceId, meridian_log_level level, std::string_view message)
{
    if (level >= MERIDIAN_LOG_ERROR)
        m_lastLog = message;
}

void IntensityMarket::publishVariable(strategy::InstanceId, std::string_view, double) {}

std::int64_t IntensityMarket::nowNs()
{
    return m_nowNs;
}

meridian_status IntensityMarket::instrument(meridian_instrument_id instrument, meridian_instrument_info &info)
{
    if (instrument != kInstrument)
        return MERIDIAN_STATUS_NOT_FOUND;
    info.id = kInstrument;
    info.symbol = {kSymbol.data(), kSymbol.size()};
    info.venue = {kSymbol.data(), kSymbol.size()};
    info.tick_size = {std::llround(m_model.tickSize * 1e12), 12, 0};
    info.lot_size = {1, 0, 0};
    info.multiplier = {1, 0, 0};
    info.min_quantity = 1;
    return MERIDIAN_STATUS_OK;
}

meridian_status IntensityMarket::findInstrument(std::string_view symbol, meridian_instrument_id &instrument)
{
    if (symbol != kSymbol)
        return MERIDIAN_STATUS_NOT_FOUND;
    instrument = kInstrument;
    return MERIDIAN_STATUS_OK;
}

} // namespace meridian::sim
