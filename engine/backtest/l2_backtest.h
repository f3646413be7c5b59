// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "backtest/bar_backtest.h"
#include "book/lobster.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

// An order-book backtest: a strategy plugin replayed over depth updates and trades of one or more
// instruments, with our orders waiting in the queue.
//
// Events: a level set to a new displayed size (0 removes it), or a trade at a price against the resting
// side. The strategy sees the book (top levels) whenever its best bid or ask changes, and every trade, after
// the market-data latency; its orders reach the book after the entry latency.
// Fill model (queue position, as in hftbacktest's "risk-averse" model made proportional):
//  * a limit order that can trade on arrival takes the displayed depth up to its price (taker), the depth
//    itself is not consumed (set consumeLiquidity to remove what it took until the next update of the level);
//    what is left rests;
//  * a resting order joins the back of its level: the displayed size at its price is ahead of it;
//  * a trade at its price first consumes the quantity ahead, then fills it (maker);
//  * a level shrinking without a trade to explain it (cancellations) shrinks the quantity ahead in
//    proportion: cancels are assumed to come from anywhere in the queue;
//  * a trade beyond its price, or the opposite best reaching it, fills what is left at its price;
//  * market orders walk the displayed depth.
// Fees and accounting as in the bar backtest; there are no bars, so days are UTC days of event times.
namespace meridian::backtest {

struct DepthEvent
{
    enum class Kind : std::uint8_t { Level, Trade };
    std::int64_t time = 0; // ns
    Kind kind = Kind::Level;
    Side side = Side::Invalid; // Level: the book side; Trade: the resting side that traded (Buy: a bid was hit)
    std::int64_t price = 0;    // ticks
    std::int64_t quantity = 0; // Level: the new displayed size; Trade: the traded size
};

struct L2BacktestConfig
{
    double initialCapital = 100'000;
    double makerFee = 0, takerFee = 0, feePerLot = 0;
    std::int64_t entryLatencyNs = 0;
    std::int64_t marketDataLatencyNs = 0;
    std::size_t bookLevels = 10; // in the strategy's book view
    bool consumeLiquidity = false;
    double annualDays = 365;         // for the statistics
    std::size_t equityPoints = 1000; // samples in the equity series, evenly spread over the events' time
};

struct L2BacktestResult
{
    std::vector<BacktestFill> fills;
    std::vector<metrics::DailyResult> days;
    std::vector<metrics::ClosedTrade> trades;
    std::vector<std::pair<std::int64_t, double>> equity; // (time, equity marked to the books)
    std::optional<metrics::Statistics> statistics;       // from the days, as in the bar backtest
    std::string statisticsError;                         // why there are none (too few days, …)
    double finalEquity = 0;
    std::uint64_t events = 0, bookCallbacks = 0, orders = 0;
    std::string strategyError;
    std::vector<std::pair<std::string, double>> variables;
};

/// Errors: InvalidArgument for events out of time order (naming the index) or a bad config; the plugin's
/// errors as StrategyRunner reports them; Cancelled (saying how far it got) when control.cancel was set.
/// control.progress counts events.
Result<L2BacktestResult> runL2Backtest(const Instrument &instrument, const std::vector<DepthEvent> &events,
                                       const std::string &pluginPath, const std::string &parametersJson,
                                       const L2BacktestConfig &config = {}, const BacktestControl &control = {});

/// Several instruments, each with its own stream of events (plugin instrument ids are their index + 1):
/// the streams are replayed merged in time order, at equal times in instrument order, with a book, a queue
/// model and marks per instrument and one account. Fills name the instrument by its index.
Result<L2BacktestResult> runL2Backtest(const std::vector<Instrument> &instruments,
                                       const std::vector<std::span<const DepthEvent>> &streams,
                                       const std::string &pluginPath, const std::string &parametersJson,
                                       const L2BacktestConfig &config = {}, const BacktestControl &control = {});

/// Depth events from LOBSTER files: each orderbook row compared with the one before gives the levels that
/// changed; each visible execution (type 4) gives a trade before them. Times are nanoseconds after
/// midnight plus dayStartNs.
std::vector<DepthEvent> depthEventsFromLobster(const std::vector<book::LobsterMessage> &messages,
                                               const book::LobsterBook &book, std::int64_t dayStartNs = 0);

} // namespace meridian::backtest
