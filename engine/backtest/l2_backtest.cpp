// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "backtest/l2_backtest.h"

#include "backtest/backtest_host.h"
#include "book/l2_book.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace meridian::backtest {

namespace {

constexpr std::int64_t kDay = 86'400'000'000'000;

Side sideOf(meridian_side side)
{
    return side == MERIDIAN_SIDE_BUY ? Side::Buy : Side::Sell;
}

class L2Engine final : public BacktestHost
{
public:
    L2Engine(std::vector<Instrument> instruments, const L2BacktestConfig &config)
        : BacktestHost(std::move(instruments), config.initialCapital,
                       Account::Fees{config.makerFee, config.takerFee, config.feePerLot}),
          m_config(config),
          m_runner(*this),
          m_markets(m_instruments.size())
    {
        m_bids.reserve(config.bookLevels);
        m_asks.reserve(config.bookLevels);
    }

    Result<L2BacktestResult> run(const std::vector<std::span<const DepthEvent>> &streams, const std::string &plugin,
                                 const std::string &parameters, const BacktestControl &control)
    {
        auto id = m_runner.addInstance(plugin, parameters);
        if (!id)
            return tl::unexpected(id.error());
        m_id = *id;
        if (!m_runner.start(m_id))
            return fail(ErrorCode::ExternalFailure, "the strategy did not start: " + m_runner.lastError(m_id));
        flush(m_runner, m_id);
        // The streams merged in time order; at equal times, the first instrument's event first. A stream runs
        // on without looking at the others until another's next event comes before its own.
        std::vector<std::size_t> cursor(streams.size(), 0);
        std::uint64_t total = 0, all = 0;
        std::int64_t first = std::numeric_limits<std::int64_t>::max(), last = std::numeric_limits<std::int64_t>::min();
        for (const std::span<const DepthEvent> &s : streams) {
            all += s.size();
            if (!s.empty()) {
                first = std::min(first, s.front().time);
                last = std::max(last, s.back().time);
            }
        }
        // Equity sampled evenly over the events' time; progress and cancel looked at every so many events.
        const std::int64_t sampleNs =
            m_config.equityPoints > 0 && last > first
                ? std::max<std::int64_t>(1, (last - first) / static_cast<std::int64_t>(m_config.equityPoints))
                : std::numeric_limits<std::int64_t>::max();
        std::int64_t nextSample = first;
        const std::uint64_t every = std::max<std::uint64_t>(1024, control.progressEvery);
        std::uint64_t nextCheck = every;
        for (;;) {
            std::size_t next = streams.size();
            for (std::size_t i = 0; i < streams.size(); ++i)
                if (cursor[i] < streams[i].size() &&
                    (next == streams.size() || streams[i][cursor[i]].time < streams[next][cursor[next]].time))
                    next = i;
            if (next == streams.size())
                break;
            std::int64_t limit = std::numeric_limits<std::int64_t>::max();
            std::size_t limitOwner = streams.size();
            for (std::size_t i = 0; i < streams.size(); ++i)
                if (i != next && cursor[i] < streams[i].size() && streams[i][cursor[i]].time < limit) {
                    limit = streams[i][cursor[i]].time;
                    limitOwner = i;
                }
            const std::span<const DepthEvent> stream = streams[next];
            std::size_t at = cursor[next];
            do {
                const DepthEvent &e = stream[at++];
                step(next, e);
                if (e.time >= nextSample) {
                    m_result.equity.emplace_back(e.time, m_account.equity());
                    nextSample = e.time > std::numeric_limits<std::int64_t>::max() - sampleNs
                                     ? std::numeric_limits<std::int64_t>::max()
                                     : e.time + sampleNs;
                }
                if (total + (at - cursor[next]) >= nextCheck) {
                    const std::uint64_t done = total + (at - cursor[next]);
                    nextCheck = done + every;
                    if (control.cancel && control.cancel->load(std::memory_order_relaxed)) {
                        (void)m_runner.stop(m_id);
                        return fail(ErrorCode::Cancelled, "backtest: cancelled after " + std::to_string(done) + " of " +
                                                              std::to_string(all) + " events");
                    }
                    if (control.progress)
                        control.progress(done, all);
                }
            } while (at < stream.size() &&
                     (stream[at].time < limit || (stream[at].time == limit && next < limitOwner)));
            total += at - cursor[next];
            cursor[next] = at;
        }
        if (control.progress)
            control.progress(all, all);
        deliverDue(std::numeric_limits<std::int64_t>::max());
        m_account.closeDay();
        (void)m_runner.stop(m_id);
        m_result.events = total;
        m_result.finalEquity = m_account.equity();
        m_result.days = m_account.days();
        m_result.trades = m_account.trades();
        m_result.variables = m_variables.values();
        if (last >= first)
            m_result.equity.emplace_back(last, m_result.finalEquity);
        computeRunStatistics(m_result, m_config.initialCapital, m_config.annualDays);
        return std::move(m_result);
    }

private:
    struct Working
    {
        std::uint64_t id;
        std::size_t instrument; // index
        meridian_order_request request;
        std::int64_t remaining;
        double ahead; // displayed quantity in front of it at its price
        bool arrived; // in the book (after the entry latency)
        std::int64_t arrivesAt;
    };
    struct Pending // a market-data delivery or an order arrival, due at a time
    {
        std::int64_t time;
        enum class Kind : std::uint8_t { Book, Trade, Arrival } kind;
        std::size_t index; // into m_snapshots (Book), m_trades (Trade), or an order id (Arrival)
    };
    struct Snapshot
    {
        std::size_t instrument;
        std::int64_t time;
        std::vector<meridian_level> bids, asks;
    };

    struct Traded
    {
        Side side;
        std::int64_t price, quantity;
    };
    struct TopOfBook
    {
        std::int64_t bid = 0, bidSize = 0, ask = 0, askSize = 0;
        friend bool operator==(const TopOfBook &, const TopOfBook &) = default;
    };
    struct Market // one instrument's book as the replay rebuilds it
    {
        book::L2Book book;
        std::vector<Traded> tradedAt; // trades not yet matched by their level's update
        TopOfBook lastTop;
    };

    // ---- events ----------------------------------------------------------------------------------------

    void step(std::size_t instrument, const DepthEvent &e)
    {
        deliverDue(e.time);
        m_now = e.time;
        m_account.day(e.time / kDay);
        apply(instrument, e);
        if (m_failed)
            return;
        if (m_runner.state(m_id) != strategy::InstanceState::Running) {
            m_failed = true;
            m_result.strategyError = m_runner.lastError(m_id);
        }
    }

    [[gnu::flatten]] void apply(std::size_t i, const DepthEvent &e)
    {
        Market &market = m_markets[i];
        if (e.kind == DepthEvent::Kind::Trade) {
            m_account.mark(i, e.price);
            tradeHits(i, e.side, e.price, e.quantity);
            market.tradedAt.push_back({e.side, e.price, e.quantity});
            meridian_trade t{};
            t.struct_size = sizeof t;
            t.instrument = static_cast<meridian_instrument_id>(i) + 1;
            t.time_ns = e.time;
            t.price = e.price;
            t.quantity = e.quantity;
            t.aggressor = e.side == Side::Buy ? MERIDIAN_SIDE_SELL : MERIDIAN_SIDE_BUY;
            deliverTrade(t);
            return;
        }
        const std::int64_t before =
            market.book.exchange(e.side, Price(e.price), Quantity(e.quantity)).value_or(Quantity(0)).value();
        levelChanged(i, e.side, e.price, before, e.quantity);
        crossed(i);
        const auto bid = market.book.bestBid(), ask = market.book.bestAsk();
        if (bid && ask)
            m_account.mark(i, (bid->value() + ask->value()) / 2);
        const TopOfBook top = topOfBook(i);
        if (top != market.lastTop) {
            market.lastTop = top;
            deliverBook(i);
        }
    }

    /// A trade against the resting side at price: the queue in front of our orders there goes first.
    void tradeHits(std::size_t i, Side side, std::int64_t price, std::int64_t quantity)
    {
        for (std::size_t k = 0; k < m_working.size();) {
            Working &w = m_working[k];
            const bool ours = w.instrument == i && w.arrived && sideOf(w.request.side) == side &&
                              w.request.type == MERIDIAN_ORDER_LIMIT;
            if (!ours) {
                ++k;
                continue;
            }
            // A trade at a worse price than ours means the market went through us: we fill in full.
            const bool through = side == Side::Buy ? price < w.request.price : price > w.request.price;
            std::int64_t filled = 0;
            if (through) {
                filled = w.remaining;
            } else if (price == w.request.price) {
                const double left = static_cast<double>(quantity) - w.ahead;
                w.ahead = std::max(0.0, w.ahead - static_cast<double>(quantity));
                if (left > 0)
                    filled = std::min<std::int64_t>(w.remaining, static_cast<std::int64_t>(std::floor(left)));
            }
            if (filled > 0 && fillWorking(k, filled, w.request.price, true))
                continue;
            ++k;
        }
    }

    /// A level's new size: a fall not explained by the trades just reported there is cancellations, which
    /// shrink the queue in front of our orders in proportion.
    void levelChanged(std::size_t i, Side side, std::int64_t price, std::int64_t before, std::int64_t after)
    {
        double traded = 0;
        std::vector<Traded> &tradedAt = m_markets[i].tradedAt;
        for (auto it = tradedAt.begin(); it != tradedAt.end();) {
            if (it->side == side && it->price == price) {
                traded += static_cast<double>(it->quantity);
                it = tradedAt.erase(it);
            } else {
                ++it;
            }
        }
        if (after >= before)
            return;
        const double cancelled = std::max(0.0, static_cast<double>(before - after) - traded);
        const double queue = std::max(1.0, static_cast<double>(before) - traded);
        if (cancelled <= 0)
            return;
        for (Working &w : m_working)
            if (w.instrument == i && w.arrived && sideOf(w.request.side) == side && w.request.price == price)
                w.ahead = std::max(0.0, w.ahead * (1 - cancelled / queue));
    }

    /// The opposite best reaching a resting order fills it at its price.
    void crossed(std::size_t i)
    {
        if (m_working.empty())
            return;
        const auto bid = m_markets[i].book.bestBid(), ask = m_markets[i].book.bestAsk();
        for (std::size_t k = 0; k < m_working.size();) {
            const Working &w = m_working[k];
            const bool reached = w.instrument == i && w.arrived && w.request.type == MERIDIAN_ORDER_LIMIT &&
                                 (w.request.side == MERIDIAN_SIDE_BUY ? ask && ask->value() <= w.request.price
                                                                      : bid && bid->value() >= w.request.price);
            if (reached && fillWorking(k, w.remaining, w.request.price, true))
                continue;
            ++k;
        }
    }

    /// Fills part or all of working order k; returns true when it is done (and removed).
    bool fillWorking(std::size_t k, std::int64_t quantity, std::int64_t price, bool maker)
    {
        Working &w = m_working[k];
        const std::int64_t signedQuantity = w.request.side == MERIDIAN_SIDE_BUY ? quantity : -quantity;
        const double fee = m_account.fill(w.instrument, signedQuantity, price, maker);
        w.remaining -= quantity;
        m_result.fills.push_back({m_now, w.instrument, w.id, w.request.side, price, quantity, fee, maker});
        notify(w, w.remaining == 0 ? MERIDIAN_ORDER_FILLED : MERIDIAN_ORDER_PARTIALLY_FILLED, price, quantity, maker);
        if (w.remaining > 0)
            return false;
        m_working.erase(m_working.begin() + static_cast<std::ptrdiff_t>(k));
        return true;
    }

    /// The order reaches the book: it takes what it can, then rests behind the displayed size.
    void arrive(std::uint64_t id)
    {
        const auto it = std::find_if(m_working.begin(), m_working.end(), [&](const Working &w) { return w.id == id; });
        if (it == m_working.end())
            return; // cancelled while on its way
        const auto k = static_cast<std::size_t>(it - m_working.begin());
        Working &w = m_working[k];
        book::L2Book &book = m_markets[w.instrument].book;
        const Side side = sideOf(w.request.side);
        const Side other = side == Side::Buy ? Side::Sell : Side::Buy;
        const bool market = w.request.type == MERIDIAN_ORDER_MARKET;
        // Post-only is judged where the order lands: against the book when it arrives.
        if (w.request.time_in_force == MERIDIAN_TIF_POST_ONLY) {
            const auto opposite = side == Side::Buy ? book.bestAsk() : book.bestBid();
            if (opposite &&
                (side == Side::Buy ? w.request.price >= opposite->value() : w.request.price <= opposite->value())) {
                notify(w, MERIDIAN_ORDER_REJECTED, 0, 0, false, "post-only order would take");
                m_working.erase(it);
                return;
            }
        }
        // Take the displayed depth on the other side, up to the limit price.
        std::vector<std::pair<std::int64_t, std::int64_t>> taken;
        for (std::size_t rank = 0; w.remaining > 0 && rank < book.levelCount(other); ++rank) {
            const book::LevelView level = book.levelAt(other, rank);
            const std::int64_t p = level.price.value();
            if (!market && (side == Side::Buy ? p > w.request.price : p < w.request.price))
                break;
            const std::int64_t q = std::min(w.remaining, level.quantity.value());
            taken.emplace_back(p, q);
            if (fillWorking(k, q, p, false))
                break;
        }
        if (m_config.consumeLiquidity)
            for (const auto &[p, q] : taken)
                (void)book.reduce(other, Price(p), Quantity(q));
        const auto again =
            std::find_if(m_working.begin(), m_working.end(), [&](const Working &x) { return x.id == id; });
        if (again == m_working.end())
            return;
        if (market || w.request.time_in_force == MERIDIAN_TIF_IOC || w.request.time_in_force == MERIDIAN_TIF_FOK) {
            notify(*again, MERIDIAN_ORDER_CANCELLED, 0, 0, false, "not filled at once (market, IOC or FOK)");
            m_working.erase(again);
            return;
        }
        again->arrived = true;
        again->ahead = static_cast<double>(book.volumeAt(side, Price(again->request.price)).value());
    }

    // ---- delivery --------------------------------------------------------------------------------------

    TopOfBook topOfBook(std::size_t i) const
    {
        const book::L2Book &book = m_markets[i].book;
        TopOfBook t;
        if (book.levelCount(Side::Buy)) {
            const auto l = book.levelAt(Side::Buy, 0);
            t.bid = l.price.value();
            t.bidSize = l.quantity.value();
        }
        if (book.levelCount(Side::Sell)) {
            const auto l = book.levelAt(Side::Sell, 0);
            t.ask = l.price.value();
            t.askSize = l.quantity.value();
        }
        return t;
    }

    void takeSnapshot(std::size_t instrument, std::vector<meridian_level> &bids,
                      std::vector<meridian_level> &asks) const
    {
        const book::L2Book &book = m_markets[instrument].book;
        bids.resize(std::min(m_config.bookLevels, book.levelCount(Side::Buy)));
        asks.resize(std::min(m_config.bookLevels, book.levelCount(Side::Sell)));
        for (std::size_t i = 0; i < bids.size(); ++i) {
            const auto l = book.levelAt(Side::Buy, i);
            bids[i] = {l.price.value(), l.quantity.value()};
        }
        for (std::size_t i = 0; i < asks.size(); ++i) {
            const auto l = book.levelAt(Side::Sell, i);
            asks[i] = {l.price.value(), l.quantity.value()};
        }
    }

    void deliverBook(std::size_t i)
    {
        if (m_failed)
            return;
        if (m_config.marketDataLatencyNs > 0) {
            Snapshot s;
            s.instrument = i;
            s.time = m_now;
            takeSnapshot(i, s.bids, s.asks);
            m_snapshots.push_back(std::move(s));
            m_pending.push_back({m_now + m_config.marketDataLatencyNs, Pending::Kind::Book, m_snapshots.size() - 1});
            return;
        }
        takeSnapshot(i, m_bids, m_asks);
        callBook(i, m_now, m_bids, m_asks);
    }

    void callBook(std::size_t i, std::int64_t time, const std::vector<meridian_level> &bids,
                  const std::vector<meridian_level> &asks)
    {
        meridian_book_view v{};
        v.struct_size = sizeof v;
        v.instrument = static_cast<meridian_instrument_id>(i) + 1;
        v.time_ns = time;
        v.bids = bids.data();
        v.bid_count = static_cast<std::uint32_t>(bids.size());
        v.asks = asks.data();
        v.ask_count = static_cast<std::uint32_t>(asks.size());
        ++m_result.bookCallbacks;
        m_runner.onBook(v);
        flush(m_runner, m_id);
    }

    void deliverTrade(const meridian_trade &t)
    {
        if (m_failed)
            return;
        if (m_config.marketDataLatencyNs > 0) {
            m_trades.push_back(t);
            m_pending.push_back({m_now + m_config.marketDataLatencyNs, Pending::Kind::Trade, m_trades.size() - 1});
            return;
        }
        m_runner.onTrade(t);
        flush(m_runner, m_id);
    }

    /// Delivers what is due by time (market data, order arrivals), in the order it was scheduled.
    void deliverDue(std::int64_t time)
    {
        while (!m_pending.empty() && m_pending.front().time <= time) {
            const Pending p = m_pending.front();
            m_pending.pop_front();
            const std::int64_t saved = m_now;
            m_now = p.time;
            switch (p.kind) {
            case Pending::Kind::Book:
                if (!m_failed)
                    callBook(m_snapshots[p.index].instrument, m_snapshots[p.index].time, m_snapshots[p.index].bids,
                             m_snapshots[p.index].asks);
                break;
            case Pending::Kind::Trade:
                if (!m_failed) {
                    m_runner.onTrade(m_trades[p.index]);
                    flush(m_runner, m_id);
                }
                break;
            case Pending::Kind::Arrival:
                arrive(p.index);
                flush(m_runner, m_id);
                break;
            }
            m_now = std::max(saved, m_now);
        }
        if (m_pending.empty()) { // nothing refers to them any more
            m_snapshots.clear();
            m_trades.clear();
        }
    }

    void notify(const Working &w, meridian_order_status status, std::int64_t price, std::int64_t quantity, bool maker,
                const char *reason = "")
    {
        meridian_order_update u{};
        u.struct_size = sizeof u;
        u.instrument = static_cast<meridian_instrument_id>(w.instrument) + 1;
        u.order_id = w.id;
        u.client_tag = w.request.client_tag;
        u.status = status;
        u.side = w.request.side;
        u.time_ns = m_now;
        u.price = w.request.price;
        u.quantity = w.request.quantity;
        u.filled_quantity = w.request.quantity - w.remaining;
        u.fill_price = price;
        u.fill_quantity = quantity;
        if (quantity > 0)
            u.liquidity = maker ? MERIDIAN_LIQUIDITY_MAKER : MERIDIAN_LIQUIDITY_TAKER;
        u.reason = {reason, std::char_traits<char>::length(reason)};
        queue(u);
    }

    // ---- StrategyServices ----------------------------------------------------------------------------------

    meridian_status placeOrder(strategy::InstanceId, const meridian_order_request &r, std::uint64_t &orderId) override
    {
        if (r.instrument == 0 || r.instrument > m_markets.size())
            return MERIDIAN_STATUS_NOT_FOUND;
        if (r.quantity <= 0 || (r.side != MERIDIAN_SIDE_BUY && r.side != MERIDIAN_SIDE_SELL) ||
            (r.type != MERIDIAN_ORDER_LIMIT && r.type != MERIDIAN_ORDER_MARKET) ||
            (r.type == MERIDIAN_ORDER_LIMIT && r.price <= 0))
            return r.type == MERIDIAN_ORDER_STOP_MARKET || r.type == MERIDIAN_ORDER_STOP_LIMIT
                       ? MERIDIAN_STATUS_UNSUPPORTED
                       : MERIDIAN_STATUS_INVALID_ARGUMENT;
        orderId = m_nextOrderId++;
        ++m_result.orders;
        Working w{orderId, r.instrument - 1, r, r.quantity, 0, false, m_now + m_config.entryLatencyNs};
        notify(w, MERIDIAN_ORDER_ACCEPTED, 0, 0, false);
        m_working.push_back(w);
        if (m_config.entryLatencyNs > 0)
            m_pending.push_back({w.arrivesAt, Pending::Kind::Arrival, static_cast<std::size_t>(orderId)});
        else
            arrive(orderId);
        return MERIDIAN_STATUS_OK;
    }

    meridian_status cancelOrder(strategy::InstanceId, std::uint64_t orderId) override
    {
        const auto it =
            std::find_if(m_working.begin(), m_working.end(), [&](const Working &w) { return w.id == orderId; });
        if (it == m_working.end())
            return MERIDIAN_STATUS_NOT_FOUND;
        notify(*it, MERIDIAN_ORDER_CANCELLED, 0, 0, false, "cancelled by the strategy");
        m_working.erase(it);
        return MERIDIAN_STATUS_OK;
    }

    meridian_status modifyOrder(strategy::InstanceId, std::uint64_t, std::int64_t, std::int64_t) override
    {
        return MERIDIAN_STATUS_UNSUPPORTED; // cancel and place: the queue position is lost either way
    }

    L2BacktestConfig m_config;
    strategy::StrategyRunner m_runner;
    strategy::InstanceId m_id = 0;
    std::vector<Market> m_markets; // per instrument
    std::vector<Working> m_working;
    std::deque<Pending> m_pending;
    std::vector<Snapshot> m_snapshots;
    std::vector<meridian_trade> m_trades;
    std::vector<meridian_level> m_bids, m_asks; // scratch for immediate delivery
    std::uint64_t m_nextOrderId = 1;
    bool m_failed = false;
    L2BacktestResult m_result;
};

} // namespace

Result<L2BacktestResult> runL2Backtest(const std::vector<Instrument> &instruments,
                                       const std::vector<std::span<const DepthEvent>> &streams,
                                       const std::string &pluginPath, const std::string &parametersJson,
                                       const L2BacktestConfig &config, const BacktestControl &control)
{
    if (!(config.initialCapital > 0))
        return fail(ErrorCode::InvalidArgument, "backtest: the initial capital must be positive");
    if (config.entryLatencyNs < 0 || config.marketDataLatencyNs < 0)
        return fail(ErrorCode::InvalidArgument, "backtest: latencies cannot be negative");
    if (instruments.empty() || instruments.size() != streams.size())
        return fail(ErrorCode::InvalidArgument, "backtest: one event stream per instrument is needed");
    for (std::size_t s = 0; s < streams.size(); ++s) {
        const std::span<const DepthEvent> events = streams[s];
        const std::string of = streams.size() > 1 ? " of " + instruments[s].symbol() : std::string();
        for (std::size_t i = 0; i < events.size(); ++i) {
            if (i > 0 && events[i].time < events[i - 1].time)
                return fail(ErrorCode::InvalidArgument,
                            "backtest: event " + std::to_string(i) + of + " is earlier than the one before");
            if ((events[i].side != Side::Buy && events[i].side != Side::Sell) || events[i].price <= 0 ||
                events[i].quantity < 0)
                return fail(ErrorCode::InvalidArgument, "backtest: event " + std::to_string(i) + of + " is malformed");
        }
    }
    L2Engine engine(instruments, config);
    return engine.run(streams, pluginPath, parametersJson, control);
}

Result<L2BacktestResult> runL2Backtest(const Instrument &instrument, const std::vector<DepthEvent> &events,
                                       const std::string &pluginPath, const std::string &parametersJson,
                                       const L2BacktestConfig &config, const BacktestControl &control)
{
    return runL2Backtest(std::vector<Instrument>{instrument}, {std::span<const DepthEvent>(events)}, pluginPath,
                         parametersJson, config, control);
}

std::vector<DepthEvent> depthEventsFromLobster(const std::vector<book::LobsterMessage> &messages,
                                               const book::LobsterBook &book, std::int64_t dayStartNs)
{
    std::vector<DepthEvent> events;
    const auto diff = [&](std::int64_t time, Side side, std::span<const book::LevelView> before,
                          std::span<const book::LevelView> after) {
        // Levels that changed size or appeared, then those that went away.
        for (const book::LevelView &l : after) {
            const auto old = std::find_if(before.begin(), before.end(),
                                          [&](const book::LevelView &b) { return b.price == l.price; });
            if (old == before.end() || old->quantity != l.quantity)
                events.push_back({time, DepthEvent::Kind::Level, side, l.price.value(), l.quantity.value()});
        }
        for (const book::LevelView &b : before)
            if (std::none_of(after.begin(), after.end(), [&](const book::LevelView &l) { return l.price == b.price; }))
                events.push_back({time, DepthEvent::Kind::Level, side, b.price.value(), 0});
    };
    const std::size_t rows = std::min(messages.size(), book.size());
    for (std::size_t i = 0; i < rows; ++i) {
        const book::LobsterMessage &m = messages[i];
        const std::int64_t time = dayStartNs + m.timeNs;
        if (m.type == 4) // a visible execution hits the resting order's side
            events.push_back(
                {time, DepthEvent::Kind::Trade, m.direction == 1 ? Side::Buy : Side::Sell, m.price, m.size});
        const book::LobsterBookRow now = book[i];
        const book::LobsterBookRow before = i > 0 ? book[i - 1] : book::LobsterBookRow{};
        diff(time, Side::Buy, before.bids, now.bids);
        diff(time, Side::Sell, before.asks, now.asks);
    }
    return events;
}

} // namespace meridian::backtest
