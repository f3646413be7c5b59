// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "strategy/plugin_library.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace meridian::strategy {

/// What an adapter reported, handed over on the owner's thread by AdapterHost::drain. The structs are
/// valid during the call only.
class AdapterEventSink
{
public:
    virtual ~AdapterEventSink() = default;
    virtual void onBookSnapshot(const meridian_book_view &) {}
    virtual void onBookDelta(const meridian_book_delta &) {}
    virtual void onTrade(const meridian_trade &) {}
    virtual void onBar(const meridian_bar &) {}
    virtual void onOrderUpdate(const meridian_order_update &) {}
    virtual void onAccount(const meridian_account &) {}
    virtual void onPosition(const meridian_position &) {}
    virtual void onConnection(meridian_connection_status, const std::string &) {}
    virtual void onLog(meridian_log_level, const std::string &) {}
};

/// One venue adapter plugin, loaded and connected. Calls into the adapter happen on the owner's thread;
/// the adapter reports from any thread, and its events are copied into a queue at once and delivered, in
/// the order they arrived, when the owner calls drain(). setWakeup() lets the owner learn that events are
/// waiting (for example to post itself a Qt event).
///
/// A call the adapter fails (an error status, or an exception its plugin.hpp barrier caught) returns
/// ExternalFailure with the plugin's id and message; Unsupported when it says the venue lacks the
/// operation; Unavailable when it says not now (disconnected, rate-limited). Nothing the plugin does makes the host
/// crash or throw. Thread: one owner; drain() and the calls on the owner's thread, the event callbacks on any.
class AdapterHost final
{
public:
    /// Loads the adapter plugin at path and creates its instance. Errors: as PluginLibrary::load;
    /// InvalidArgument when the plugin is a strategy; ExternalFailure when create fails.
    static Result<std::unique_ptr<AdapterHost>> load(const std::string &path);
    ~AdapterHost();
    AdapterHost(const AdapterHost &) = delete;
    AdapterHost &operator=(const AdapterHost &) = delete;

    const PluginInfo &info() const;

    /// Connects with a JSON configuration, checked against the plugin's schema first (an error names the
    /// parameter); the result of connecting arrives as onConnection events.
    Result<void> connect(const std::string &configJson);
    Result<void> disconnect();
    Result<void> subscribe(const meridian_instrument_info &instrument, meridian_channels channels);
    Result<void> unsubscribe(meridian_instrument_id instrument, meridian_channels channels);
    Result<void> placeOrder(std::uint64_t orderId, const meridian_order_request &request);
    Result<void> cancelOrder(std::uint64_t orderId);
    Result<void> modifyOrder(std::uint64_t orderId, std::int64_t price, std::int64_t quantity);
    Result<void> queryAccount();
    Result<void> queryPositions();
    Result<void> queryOpenOrders();

    /// Hands the queued events to sink, oldest first; returns how many.
    std::size_t drain(AdapterEventSink &sink);
    /// Called, from the reporting thread, when an event arrives to an empty queue.
    void setWakeup(std::function<void()> wakeup);

    struct Event; // a copied event (public for the callbacks that build it)
    struct Context;

private:
    AdapterHost() = default;
    Result<void> check(meridian_status status, const char *what);

    std::unique_ptr<PluginLibrary> m_library;
    std::unique_ptr<Context> m_context;
    meridian_instance *m_instance = nullptr;
};

} // namespace meridian::strategy
