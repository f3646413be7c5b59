// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"
#include "strategy/plugin_library.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace meridian::strategy {

using InstanceId = std::uint32_t;

/// What strategy instances may do to the world: implemented by the simulated venue, the backtester and the
/// live OMS. Every call names the instance it comes from.
class StrategyServices
{
public:
    virtual ~StrategyServices() = default;
    virtual meridian_status placeOrder(InstanceId from, const meridian_order_request &request,
                                       std::uint64_t &orderId) = 0;
    virtual meridian_status cancelOrder(InstanceId from, std::uint64_t orderId) = 0;
    virtual meridian_status modifyOrder(InstanceId from, std::uint64_t orderId, std::int64_t price,
                                        std::int64_t quantity) = 0;
    virtual meridian_status publishSignal(InstanceId from, const meridian_signal &signal) = 0;
    virtual meridian_status position(InstanceId from, meridian_instrument_id instrument,
                                     meridian_position &position) = 0;
    virtual meridian_status balance(InstanceId from, std::string_view currency, meridian_balance &balance) = 0;
    virtual meridian_status setTimer(InstanceId from, std::uint64_t timerId, std::int64_t intervalNs, bool repeat) = 0;
    virtual meridian_status cancelTimer(InstanceId from, std::uint64_t timerId) = 0;
    virtual void log(InstanceId from, meridian_log_level level, std::string_view message) = 0;
    virtual void publishVariable(InstanceId from, std::string_view name, double value) = 0;
    virtual std::int64_t nowNs() = 0;
    virtual meridian_status instrument(meridian_instrument_id instrument, meridian_instrument_info &info) = 0;
    virtual meridian_status findInstrument(std::string_view symbol, meridian_instrument_id &instrument) = 0;
};

enum class InstanceState : std::uint8_t { Invalid = 0, Initialised, Running, Stopped, Failed };

/// Runs strategy plugin instances on one Node: creates them with validated parameters, starts and stops
/// them, hands them market data and order updates, and reloads their plugin when its file changes.
///
/// A strategy that fails a callback (returns an error or, through plugin.hpp, throws) is stopped and
/// marked Failed with its message; the other instances keep running.
/// Thread: owned by one Node; not thread-safe.
class StrategyRunner final
{
public:
    explicit StrategyRunner(StrategyServices &services);
    ~StrategyRunner();
    StrategyRunner(const StrategyRunner &) = delete;
    StrategyRunner &operator=(const StrategyRunner &) = delete;

    /// Loads (or reuses) the plugin at path and creates an instance with parameters (JSON object; defaults
    /// fill what is missing). Errors: as PluginLibrary::load; InvalidArgument naming the parameter; Error
    /// with the plugin's own message when create or on_init fails.
    Result<InstanceId> addInstance(const std::string &pluginPath, const std::string &parametersJson);
    Result<void> start(InstanceId id);
    Result<void> stop(InstanceId id);
    /// Stops (if running) and destroys an instance.
    Result<void> remove(InstanceId id);
    /// Gives an instance new parameters (checked against its plugin's schema first; a refusal changes
    /// nothing): it is stopped, destroyed and created again with them under the same id, and restarted when
    /// it was running. Its in-memory state is lost, as on a reload. Errors: NotFound; InvalidArgument naming
    /// the parameter; ExternalFailure when the plugin's create or on_init fails (the instance is then
    /// Failed, with the reason).
    Result<void> reconfigure(InstanceId id, const std::string &parametersJson);

    void onBook(const meridian_book_view &book);
    void onTrade(const meridian_trade &trade);
    void onBar(const meridian_bar &bar);
    void onSignal(const meridian_signal &signal);
    /// Order updates and timers go to the instance they belong to.
    void onOrder(InstanceId to, const meridian_order_update &update);
    void onTimer(InstanceId to, std::uint64_t timerId, std::int64_t nowNs);

    /// Returns the plugin files that changed on disk since they were loaded.
    std::vector<std::string> changedPlugins() const;
    /// Reloads the plugin at path: stops and destroys its instances, unloads it, loads the new build and
    /// re-creates the instances with the same parameters, restarting those that were running (after a
    /// refused build, reloading a good one restarts them too). Returns a
    /// report of what happened, including the in-memory state each instance lost. Errors: the new build is
    /// refused (its instances stay stopped, marked Failed, with the reason).
    Result<std::string> reload(const std::string &pluginPath);

    InstanceState state(InstanceId id) const;
    /// The last failure of an instance ("" when none).
    std::string lastError(InstanceId id) const;
    /// The validated, complete parameters of an instance.
    std::string parameters(InstanceId id) const;
    const PluginInfo *pluginOf(InstanceId id) const;
    /// The file an instance's plugin was loaded from ("" when there is no such instance).
    std::string pluginPath(InstanceId id) const;
    /// Every instance, in the order they were added.
    std::vector<InstanceId> instances() const;

private:
    struct Loaded;
    struct Instance;
    Instance *find(InstanceId id) const;
    Result<void> create(Instance &instance);
    void destroy(Instance &instance);
    void markFailed(Instance &instance, const std::string &what, meridian_status status);
    template <class Call>
    void dispatch(Instance &instance, const char *what, Call &&call);

    StrategyServices &m_services;
    meridian_host_api m_api{};
    std::vector<std::unique_ptr<Loaded>> m_plugins;
    std::vector<std::unique_ptr<Instance>> m_instances;
    InstanceId m_nextId = 1;
};

} // namespace meridian::strategy
