// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "strategy/strategy_runner.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace meridian::strategy {

struct StrategyRunner::Loaded
{
    std::string path;
    std::unique_ptr<PluginLibrary> library;
    std::filesystem::file_time_type modified;
    std::uintmax_t size = 0;
};

struct StrategyRunner::Instance
{
    InstanceId id = 0;
    StrategyRunner *runner = nullptr;
    Loaded *plugin = nullptr;
    std::string parameters;
    meridian_instance *handle = nullptr;
    InstanceState state = InstanceState::Invalid;
    std::string error;
};

namespace {

// The host context a plugin gets is its Instance.
template <class Instance>
Instance &instanceOf(meridian_host_context *context)
{
    return *reinterpret_cast<Instance *>(context);
}

std::string_view view(meridian_string s)
{
    return s.data ? std::string_view(s.data, s.size) : std::string_view();
}

void stamp(const std::string &path, std::filesystem::file_time_type &modified, std::uintmax_t &size)
{
    std::error_code ec;
    modified = std::filesystem::last_write_time(path, ec);
    size = std::filesystem::file_size(path, ec);
}

} // namespace

StrategyRunner::StrategyRunner(StrategyServices &services) : m_services(services)
{
    using I = Instance;
    m_api.struct_size = sizeof m_api;
    m_api.abi_major = MERIDIAN_PLUGIN_ABI_MAJOR;
    m_api.abi_minor = MERIDIAN_PLUGIN_ABI_MINOR;
    m_api.place_order = [](meridian_host_context *c, const meridian_order_request *r, uint64_t *id) {
        I &i = instanceOf<I>(c);
        if (!r || !id)
            return MERIDIAN_STATUS_INVALID_ARGUMENT;
        return i.runner->m_services.placeOrder(i.id, *r, *id);
    };
    m_api.cancel_order = [](meridian_host_context *c, uint64_t id) {
        I &i = instanceOf<I>(c);
        return i.runner->m_services.cancelOrder(i.id, id);
    };
    m_api.modify_order = [](meridian_host_context *c, uint64_t id, int64_t price, int64_t quantity) {
        I &i = instanceOf<I>(c);
        return i.runner->m_services.modifyOrder(i.id, id, price, quantity);
    };
    m_api.publish_signal = [](meridian_host_context *c, const meridian_signal *s) {
        I &i = instanceOf<I>(c);
        if (!s)
            return MERIDIAN_STATUS_INVALID_ARGUMENT;
        meridian_signal stamped = *s;
        stamped.source = meridian_string{i.plugin->library->info().id.data(), i.plugin->library->info().id.size()};
        return i.runner->m_services.publishSignal(i.id, stamped);
    };
    m_api.get_position = [](meridian_host_context *c, meridian_instrument_id instrument, meridian_position *p) {
        I &i = instanceOf<I>(c);
        return p ? i.runner->m_services.position(i.id, instrument, *p) : MERIDIAN_STATUS_INVALID_ARGUMENT;
    };
    m_api.get_balance = [](meridian_host_context *c, meridian_string currency, meridian_balance *b) {
        I &i = instanceOf<I>(c);
        return b ? i.runner->m_services.balance(i.id, view(currency), *b) : MERIDIAN_STATUS_INVALID_ARGUMENT;
    };
    m_api.set_timer = [](meridian_host_context *c, uint64_t timer, int64_t interval, uint8_t repeat) {
        I &i = instanceOf<I>(c);
        if (interval <= 0)
            return MERIDIAN_STATUS_INVALID_ARGUMENT;
        return i.runner->m_services.setTimer(i.id, timer, interval, repeat != 0);
    };
    m_api.cancel_timer = [](meridian_host_context *c, uint64_t timer) {
        I &i = instanceOf<I>(c);
        return i.runner->m_services.cancelTimer(i.id, timer);
    };
    m_api.log = [](meridian_host_context *c, meridian_log_level level, meridian_string message) {
        I &i = instanceOf<I>(c);
        i.runner->m_services.log(i.id, level, view(message));
    };
    m_api.publish_variable = [](meridian_host_context *c, meridian_string name, double value) {
        I &i = instanceOf<I>(c);
        i.runner->m_services.publishVariable(i.id, view(name), value);
        return MERIDIAN_STATUS_OK;
    };
    m_api.now_ns = [](meridian_host_context *c) { return instanceOf<I>(c).runner->m_services.nowNs(); };
    m_api.get_instrument = [](meridian_host_context *c, meridian_instrument_id instrument,
                              meridian_instrument_info *info) {
        return info ? instanceOf<I>(c).runner->m_services.instrument(instrument, *info)
                    : MERIDIAN_STATUS_INVALID_ARGUMENT;
    };
    m_api.find_instrument = [](meridian_host_context *c, meridian_string symbol, meridian_instrument_id *out) {
        return out ? instanceOf<I>(c).runner->m_services.findInstrument(view(symbol), *out)
                   : MERIDIAN_STATUS_INVALID_ARGUMENT;
    };
}

StrategyRunner::~StrategyRunner()
{
    // Instances go before the libraries that hold their code.
    for (auto &instance : m_instances) {
        if (instance->state == InstanceState::Running)
            (void)instance->plugin->library->descriptor().strategy->on_stop(instance->handle);
        destroy(*instance);
    }
    m_instances.clear();
    m_plugins.clear();
}

StrategyRunner::Instance *StrategyRunner::find(InstanceId id) const
{
    for (const auto &instance : m_instances)
        if (instance->id == id)
            return instance.get();
    return nullptr;
}

void StrategyRunner::destroy(Instance &instance)
{
    if (instance.handle && instance.plugin->library)
        instance.plugin->library->descriptor().strategy->destroy(instance.handle);
    instance.handle = nullptr;
}

void StrategyRunner::markFailed(Instance &instance, const std::string &what, meridian_status status)
{
    const meridian_strategy_api *api = instance.plugin->library->descriptor().strategy;
    const std::string_view why = instance.handle ? view(api->last_error(instance.handle)) : std::string_view();
    instance.error = what + " failed (status " + std::to_string(status) + ")" +
                     (why.empty() ? std::string() : ": " + std::string(why));
    if (instance.state == InstanceState::Running && instance.handle)
        (void)api->on_stop(instance.handle); // give it a chance to tidy up; its answer no longer matters
    instance.state = InstanceState::Failed;
    m_services.log(instance.id, MERIDIAN_LOG_ERROR,
                   "Strategy stopped: " + instance.plugin->library->info().id + " instance " +
                       std::to_string(instance.id) + ": " + instance.error);
}

Result<void> StrategyRunner::create(Instance &instance)
{
    const meridian_strategy_api *api = instance.plugin->library->descriptor().strategy;
    auto *context = reinterpret_cast<meridian_host_context *>(&instance);
    if (const meridian_status s = api->create(&m_api, context, &instance.handle); s != MERIDIAN_STATUS_OK) {
        instance.handle = nullptr;
        instance.state = InstanceState::Failed;
        instance.error = "create failed (status " + std::to_string(s) + ")";
        return meridian::fail(ErrorCode::ExternalFailure,
                              "Strategy " + instance.plugin->library->info().id + ": " + instance.error);
    }
    const meridian_string parameters{instance.parameters.data(), instance.parameters.size()};
    if (const meridian_status s = api->on_init(instance.handle, parameters); s != MERIDIAN_STATUS_OK) {
        markFailed(instance, "on_init", s);
        const std::string message = "Strategy " + instance.plugin->library->info().id + ": " + instance.error;
        destroy(instance);
        return meridian::fail(ErrorCode::ExternalFailure, message);
    }
    instance.state = InstanceState::Initialised;
    instance.error.clear();
    return ok();
}

Result<InstanceId> StrategyRunner::addInstance(const std::string &pluginPath, const std::string &parametersJson)
{
    Loaded *plugin = nullptr;
    for (const auto &loaded : m_plugins)
        if (loaded->path == pluginPath)
            plugin = loaded.get();
    if (plugin && !plugin->library)
        return meridian::fail(ErrorCode::InvalidArgument,
                              "Plugin " + pluginPath + " failed to reload; reload it again once it builds");
    if (!plugin) {
        auto library = PluginLibrary::load(pluginPath);
        if (!library)
            return tl::unexpected(library.error());
        if ((*library)->info().kind != PluginKind::Strategy)
            return meridian::fail(ErrorCode::InvalidArgument, "Plugin " + pluginPath + " is not a strategy");
        auto loaded = std::make_unique<Loaded>();
        loaded->path = pluginPath;
        loaded->library = std::move(*library);
        stamp(pluginPath, loaded->modified, loaded->size);
        plugin = loaded.get();
        m_plugins.push_back(std::move(loaded));
    }
    auto parameters = validateParameters(plugin->library->info().parameters, parametersJson);
    if (!parameters)
        return tl::unexpected(Error{parameters.error().code,
                                    "Strategy " + plugin->library->info().id + ": " + parameters.error().message});
    auto instance = std::make_unique<Instance>();
    instance->id = m_nextId++;
    instance->runner = this;
    instance->plugin = plugin;
    instance->parameters = std::move(*parameters);
    if (auto created = create(*instance); !created)
        return tl::unexpected(created.error());
    m_instances.push_back(std::move(instance));
    return m_instances.back()->id;
}

Result<void> StrategyRunner::start(InstanceId id)
{
    Instance *instance = find(id);
    if (!instance)
        return meridian::fail(ErrorCode::NotFound, "No strategy instance " + std::to_string(id));
    if (instance->state == InstanceState::Running)
        return ok();
    if (instance->state == InstanceState::Failed || !instance->handle)
        return meridian::fail(ErrorCode::InvalidArgument,
                              "Strategy instance " + std::to_string(id) + " has failed: " + instance->error);
    const meridian_strategy_api *api = instance->plugin->library->descriptor().strategy;
    if (const meridian_status s = api->on_start(instance->handle); s != MERIDIAN_STATUS_OK) {
        markFailed(*instance, "on_start", s);
        return meridian::fail(ErrorCode::ExternalFailure,
                              "Strategy instance " + std::to_string(id) + ": " + instance->error);
    }
    instance->state = InstanceState::Running;
    return ok();
}

Result<void> StrategyRunner::stop(InstanceId id)
{
    Instance *instance = find(id);
    if (!instance)
        return meridian::fail(ErrorCode::NotFound, "No strategy instance " + std::to_string(id));
    if (instance->state != InstanceState::Running)
        return ok();
    const meridian_strategy_api *api = instance->plugin->library->descriptor().strategy;
    if (const meridian_status s = api->on_stop(instance->handle); s != MERIDIAN_STATUS_OK) {
        instance->state = InstanceState::Stopped; // it is stopped either way; record why it complained
        markFailed(*instance, "on_stop", s);
        return meridian::fail(ErrorCode::ExternalFailure,
                              "Strategy instance " + std::to_string(id) + ": " + instance->error);
    }
    instance->state = InstanceState::Stopped;
    return ok();
}

Result<void> StrategyRunner::remove(InstanceId id)
{
    Instance *instance = find(id);
    if (!instance)
        return meridian::fail(ErrorCode::NotFound, "No strategy instance " + std::to_string(id));
    (void)stop(id);
    destroy(*instance);
    m_instances.erase(std::find_if(m_instances.begin(), m_instances.end(),
                                   [&](const auto &candidate) { return candidate.get() == instance; }));
    return ok();
}

Result<void> StrategyRunner::reconfigure(InstanceId id, const std::string &parametersJson)
{
    Instance *instance = find(id);
    if (!instance)
        return meridian::fail(ErrorCode::NotFound, "No strategy instance " + std::to_string(id));
    if (!instance->plugin->library)
        return meridian::fail(ErrorCode::InvalidArgument,
                              "Plugin " + instance->plugin->path + " failed to reload; reload it again once it builds");
    const PluginInfo &info = instance->plugin->library->info();
    auto parameters = validateParameters(info.parameters, parametersJson);
    if (!parameters)
        return tl::unexpected(
            Error{parameters.error().code, "Strategy " + info.id + ": " + parameters.error().message});
    const bool wasRunning = instance->state == InstanceState::Running;
    if (wasRunning)
        (void)instance->plugin->library->descriptor().strategy->on_stop(instance->handle);
    destroy(*instance);
    instance->state = InstanceState::Stopped;
    instance->parameters = std::move(*parameters);
    if (auto created = create(*instance); !created)
        return created;
    if (wasRunning)
        return start(id);
    return ok();
}

template <class Call>
void StrategyRunner::dispatch(Instance &instance, const char *what, Call &&call)
{
    if (instance.state != InstanceState::Running)
        return;
    const meridian_status s = call(*instance.plugin->library->descriptor().strategy, instance.handle);
    if (s != MERIDIAN_STATUS_OK)
        markFailed(instance, what, s);
}

void StrategyRunner::onBook(const meridian_book_view &book)
{
    for (auto &i : m_instances)
        dispatch(*i, "on_book", [&](const meridian_strategy_api &api, meridian_instance *h) {
            return api.on_book ? api.on_book(h, &book) : MERIDIAN_STATUS_OK;
        });
}

void StrategyRunner::onTrade(const meridian_trade &trade)
{
    for (auto &i : m_instances)
        dispatch(*i, "on_trade", [&](const meridian_strategy_api &api, meridian_instance *h) {
            return api.on_trade ? api.on_trade(h, &trade) : MERIDIAN_STATUS_OK;
        });
}

void StrategyRunner::onBar(const meridian_bar &bar)
{
    for (auto &i : m_instances)
        dispatch(*i, "on_bar", [&](const meridian_strategy_api &api, meridian_instance *h) {
            return api.on_bar ? api.on_bar(h, &bar) : MERIDIAN_STATUS_OK;
        });
}

void StrategyRunner::onSignal(const meridian_signal &signal)
{
    for (auto &i : m_instances)
        dispatch(*i, "on_signal", [&](const meridian_strategy_api &api, meridian_instance *h) {
            return api.on_signal ? api.on_signal(h, &signal) : MERIDIAN_STATUS_OK;
        });
}

void StrategyRunner::onOrder(InstanceId to, const meridian_order_update &update)
{
    if (Instance *i = find(to))
        dispatch(*i, "on_order", [&](const meridian_strategy_api &api, meridian_instance *h) {
            return api.on_order ? api.on_order(h, &update) : MERIDIAN_STATUS_OK;
        });
}

void StrategyRunner::onTimer(InstanceId to, std::uint64_t timerId, std::int64_t nowNs)
{
    if (Instance *i = find(to))
        dispatch(*i, "on_timer", [&](const meridian_strategy_api &api, meridian_instance *h) {
            return api.on_timer ? api.on_timer(h, timerId, nowNs) : MERIDIAN_STATUS_OK;
        });
}

std::vector<std::string> StrategyRunner::changedPlugins() const
{
    std::vector<std::string> changed;
    for (const auto &plugin : m_plugins) {
        std::filesystem::file_time_type modified;
        std::uintmax_t size = 0;
        stamp(plugin->path, modified, size);
        if (modified != plugin->modified || size != plugin->size)
            changed.push_back(plugin->path);
    }
    return changed;
}

Result<std::string> StrategyRunner::reload(const std::string &pluginPath)
{
    Loaded *plugin = nullptr;
    for (const auto &loaded : m_plugins)
        if (loaded->path == pluginPath)
            plugin = loaded.get();
    if (!plugin)
        return meridian::fail(ErrorCode::NotFound, "Plugin " + pluginPath + " is not loaded");
    const std::string oldVersion = plugin->library ? plugin->library->info().version : "refused";

    struct Affected
    {
        Instance *instance;
        bool wasRunning;
    };
    std::vector<Affected> affected;
    for (auto &instance : m_instances) {
        if (instance->plugin != plugin)
            continue;
        const bool wasRunning =
            instance->state == InstanceState::Running || (instance->state == InstanceState::Failed && !plugin->library);
        if (instance->state == InstanceState::Running)
            (void)plugin->library->descriptor().strategy->on_stop(instance->handle);
        destroy(*instance);
        instance->state = InstanceState::Stopped;
        affected.push_back({instance.get(), wasRunning});
    }
    plugin->library.reset(); // dlclose: nothing of the old build is referenced any more

    auto library = PluginLibrary::load(pluginPath);
    if (!library || (*library)->info().kind != PluginKind::Strategy) {
        const std::string why = library ? "Plugin " + pluginPath + " is no longer a strategy" : library.error().message;
        // The entry stays without a library: its instances remain listed as Failed, with the reason, until
        // a good build is reloaded or they are removed.
        for (const Affected &a : affected) {
            a.instance->state = InstanceState::Failed;
            a.instance->error = "reload refused: " + why;
        }
        m_services.log(0, MERIDIAN_LOG_ERROR, "Plugin reload failed: " + why);
        return meridian::fail(ErrorCode::InvalidArgument, why);
    }
    plugin->library = std::move(*library);
    stamp(pluginPath, plugin->modified, plugin->size);

    std::size_t recreated = 0, restarted = 0;
    std::string problems;
    for (const Affected &a : affected) {
        // The parameters are checked against the new schema: a parameter may have gone or changed range.
        auto parameters = validateParameters(plugin->library->info().parameters, a.instance->parameters);
        if (!parameters) {
            a.instance->state = InstanceState::Failed;
            a.instance->error = "its parameters no longer fit the plugin: " + parameters.error().message;
            problems += "; instance " + std::to_string(a.instance->id) + ": " + a.instance->error;
            continue;
        }
        a.instance->parameters = std::move(*parameters);
        if (auto created = create(*a.instance); !created) {
            problems += "; instance " + std::to_string(a.instance->id) + ": " + a.instance->error;
            continue;
        }
        ++recreated;
        if (a.wasRunning && start(a.instance->id))
            ++restarted;
    }
    const std::string report =
        "Reloaded plugin " + plugin->library->info().id + " from " + pluginPath + " (version " + oldVersion + " -> " +
        plugin->library->info().version + "): " + std::to_string(recreated) + " of " + std::to_string(affected.size()) +
        " instances re-created with their parameters, " + std::to_string(restarted) +
        " restarted. Lost: each instance's in-memory state (indicator windows, inventory and order tracking); "
        "orders it had placed stay at the venue but are no longer known to it" +
        problems;
    m_services.log(0, problems.empty() ? MERIDIAN_LOG_WARNING : MERIDIAN_LOG_ERROR, report);
    return report;
}

InstanceState StrategyRunner::state(InstanceId id) const
{
    const Instance *instance = find(id);
    return instance ? instance->state : InstanceState::Invalid;
}

std::string StrategyRunner::lastError(InstanceId id) const
{
    const Instance *instance = find(id);
    return instance ? instance->error : std::string();
}

std::string StrategyRunner::parameters(InstanceId id) const
{
    const Instance *instance = find(id);
    return instance ? instance->parameters : std::string();
}

const PluginInfo *StrategyRunner::pluginOf(InstanceId id) const
{
    const Instance *instance = find(id);
    return instance && instance->plugin->library ? &instance->plugin->library->info() : nullptr;
}

std::string StrategyRunner::pluginPath(InstanceId id) const
{
    const Instance *instance = find(id);
    return instance ? instance->plugin->path : std::string();
}

std::vector<InstanceId> StrategyRunner::instances() const
{
    std::vector<InstanceId> out;
    out.reserve(m_instances.size());
    for (const auto &instance : m_instances)
        out.push_back(instance->id);
    return out;
}

} // namespace meridian::strategy
