// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "strategy/adapter_host.h"

#include <algorithm>
#include <cstring>
#include <variant>

namespace meridian::strategy {

namespace {

std::string copy(meridian_string s)
{
    return s.data ? std::string(s.data, s.size) : std::string();
}

meridian_string view(const std::string &s)
{
    return meridian_string{s.data(), s.size()};
}

struct Book
{
    meridian_book_view view;
    std::vector<meridian_level> bids, asks;
};
struct Delta
{
    meridian_book_delta delta;
    std::vector<meridian_level> bids, asks;
};
struct OrderUpdate
{
    meridian_order_update update;
    std::string feeCurrency, reason;
};
struct Account
{
    meridian_account account;
    std::vector<meridian_balance> balances;
    std::vector<std::string> currencies;
};
struct Connection
{
    meridian_connection_status status;
    std::string message;
};
struct Log
{
    meridian_log_level level;
    std::string message;
};

} // namespace

struct AdapterHost::Event
{
    std::variant<Book, Delta, meridian_trade, meridian_bar, OrderUpdate, Account, meridian_position, Connection, Log>
        data;
};

/// The host context the adapter's callbacks get: the queue, behind a mutex.
struct AdapterHost::Context
{
    meridian_adapter_events events{};
    std::mutex mutex;
    std::vector<Event> queue;
    std::function<void()> wakeup;

    void push(Event &&event)
    {
        std::function<void()> wake;
        {
            std::lock_guard lock(mutex);
            if (queue.empty())
                wake = wakeup;
            queue.push_back(std::move(event));
        }
        if (wake)
            wake();
    }
};

namespace {

AdapterHost::Context &contextOf(meridian_host_context *c)
{
    return *reinterpret_cast<AdapterHost::Context *>(c);
}

/// The structs an adapter built may be older (smaller) than ours: copy what it has, zero the rest.
template <class T>
T sized(const T *from)
{
    T out{};
    const std::size_t size = std::min<std::size_t>(from->struct_size, sizeof(T));
    std::memcpy(&out, from, size);
    out.struct_size = sizeof(T);
    return out;
}

} // namespace

Result<std::unique_ptr<AdapterHost>> AdapterHost::load(const std::string &path)
{
    auto library = PluginLibrary::load(path);
    if (!library)
        return tl::unexpected(library.error());
    if ((*library)->info().kind != PluginKind::Adapter)
        return fail(ErrorCode::InvalidArgument, "Plugin " + path + " is a strategy, not a venue adapter");
    std::unique_ptr<AdapterHost> host(new AdapterHost());
    host->m_library = std::move(*library);
    host->m_context = std::make_unique<Context>();
    meridian_adapter_events &e = host->m_context->events;
    e.struct_size = sizeof e;
    e.book_snapshot = [](meridian_host_context *c, const meridian_book_view *b) {
        Book book{sized(b), {}, {}};
        book.bids.assign(b->bids, b->bids + b->bid_count);
        book.asks.assign(b->asks, b->asks + b->ask_count);
        contextOf(c).push(Event{std::move(book)});
    };
    e.book_delta = [](meridian_host_context *c, const meridian_book_delta *d) {
        Delta delta{sized(d), {}, {}};
        delta.bids.assign(d->bids, d->bids + d->bid_count);
        delta.asks.assign(d->asks, d->asks + d->ask_count);
        contextOf(c).push(Event{std::move(delta)});
    };
    e.trade = [](meridian_host_context *c, const meridian_trade *t) { contextOf(c).push(Event{sized(t)}); };
    e.bar = [](meridian_host_context *c, const meridian_bar *b) { contextOf(c).push(Event{sized(b)}); };
    e.order_update = [](meridian_host_context *c, const meridian_order_update *u) {
        OrderUpdate update{sized(u), copy(u->fee_currency), copy(u->reason)};
        contextOf(c).push(Event{std::move(update)});
    };
    e.account = [](meridian_host_context *c, const meridian_account *a) {
        Account account{sized(a), {}, {}};
        for (std::uint32_t i = 0; i < a->balance_count; ++i) {
            account.balances.push_back(sized(&a->balances[i]));
            account.currencies.push_back(copy(a->balances[i].currency));
        }
        contextOf(c).push(Event{std::move(account)});
    };
    e.position = [](meridian_host_context *c, const meridian_position *p) { contextOf(c).push(Event{sized(p)}); };
    e.connection = [](meridian_host_context *c, meridian_connection_status status, meridian_string message) {
        contextOf(c).push(Event{Connection{status, copy(message)}});
    };
    e.log = [](meridian_host_context *c, meridian_log_level level, meridian_string message) {
        contextOf(c).push(Event{Log{level, copy(message)}});
    };
    const meridian_adapter_api *api = host->m_library->descriptor().adapter;
    if (api->create(&e, reinterpret_cast<meridian_host_context *>(host->m_context.get()), &host->m_instance) !=
            MERIDIAN_STATUS_OK ||
        !host->m_instance)
        return fail(ErrorCode::ExternalFailure, "Adapter " + host->info().id + " (" + path + ") failed to start");
    return host;
}

AdapterHost::~AdapterHost()
{
    if (m_instance) {
        // The plugin stops its threads in destroy; only then may the context go.
        m_library->descriptor().adapter->destroy(m_instance);
        m_instance = nullptr;
    }
}

const PluginInfo &AdapterHost::info() const
{
    return m_library->info();
}

Result<void> AdapterHost::check(meridian_status status, const char *what)
{
    if (status == MERIDIAN_STATUS_OK)
        return ok();
    const meridian_adapter_api *api = m_library->descriptor().adapter;
    std::string message = api->last_error ? copy(api->last_error(m_instance)) : std::string();
    if (message.empty())
        message = "status " + std::to_string(status);
    const std::string text = "Adapter " + info().id + ": " + what + " failed: " + message;
    return fail(status == MERIDIAN_STATUS_UNSUPPORTED   ? ErrorCode::Unsupported
                : status == MERIDIAN_STATUS_UNAVAILABLE ? ErrorCode::Unavailable
                                                        : ErrorCode::ExternalFailure,
                text);
}

Result<void> AdapterHost::connect(const std::string &configJson)
{
    auto config = validateParameters(info().parameters, configJson);
    if (!config)
        return fail(config.error().code, "Adapter " + info().id + ": " + config.error().message);
    return check(m_library->descriptor().adapter->connect(m_instance, view(*config)), "connect");
}

Result<void> AdapterHost::disconnect()
{
    return check(m_library->descriptor().adapter->disconnect(m_instance), "disconnect");
}

Result<void> AdapterHost::subscribe(const meridian_instrument_info &instrument, meridian_channels channels)
{
    return check(m_library->descriptor().adapter->subscribe(m_instance, &instrument, channels), "subscribe");
}

Result<void> AdapterHost::unsubscribe(meridian_instrument_id instrument, meridian_channels channels)
{
    return check(m_library->descriptor().adapter->unsubscribe(m_instance, instrument, channels), "unsubscribe");
}

Result<void> AdapterHost::placeOrder(std::uint64_t orderId, const meridian_order_request &request)
{
    return check(m_library->descriptor().adapter->place_order(m_instance, orderId, &request), "place_order");
}

Result<void> AdapterHost::cancelOrder(std::uint64_t orderId)
{
    return check(m_library->descriptor().adapter->cancel_order(m_instance, orderId), "cancel_order");
}

Result<void> AdapterHost::modifyOrder(std::uint64_t orderId, std::int64_t price, std::int64_t quantity)
{
    return check(m_library->descriptor().adapter->modify_order(m_instance, orderId, price, quantity), "modify_order");
}

Result<void> AdapterHost::queryAccount()
{
    return check(m_library->descriptor().adapter->query_account(m_instance), "query_account");
}

Result<void> AdapterHost::queryPositions()
{
    return check(m_library->descriptor().adapter->query_positions(m_instance), "query_positions");
}

Result<void> AdapterHost::queryOpenOrders()
{
    return check(m_library->descriptor().adapter->query_open_orders(m_instance), "query_open_orders");
}

void AdapterHost::setWakeup(std::function<void()> wakeup)
{
    std::lock_guard lock(m_context->mutex);
    m_context->wakeup = std::move(wakeup);
}

std::size_t AdapterHost::drain(AdapterEventSink &sink)
{
    std::vector<Event> events;
    {
        std::lock_guard lock(m_context->mutex);
        events.swap(m_context->queue);
    }
    for (Event &event : events) {
        std::visit(
            [&](auto &e) {
                using T = std::decay_t<decltype(e)>;
                if constexpr (std::is_same_v<T, Book>) {
                    e.view.bids = e.bids.data();
                    e.view.asks = e.asks.data();
                    sink.onBookSnapshot(e.view);
                } else if constexpr (std::is_same_v<T, Delta>) {
                    e.delta.bids = e.bids.data();
                    e.delta.asks = e.asks.data();
                    sink.onBookDelta(e.delta);
                } else if constexpr (std::is_same_v<T, meridian_trade>) {
                    sink.onTrade(e);
                } else if constexpr (std::is_same_v<T, meridian_bar>) {
                    sink.onBar(e);
                } else if constexpr (std::is_same_v<T, OrderUpdate>) {
                    e.update.fee_currency = view(e.feeCurrency);
                    e.update.reason = view(e.reason);
                    sink.onOrderUpdate(e.update);
                } else if constexpr (std::is_same_v<T, Account>) {
                    for (std::size_t i = 0; i < e.balances.size(); ++i)
                        e.balances[i].currency = view(e.currencies[i]);
                    e.account.balances = e.balances.data();
                    sink.onAccount(e.account);
                } else if constexpr (std::is_same_v<T, meridian_position>) {
                    sink.onPosition(e);
                } else if constexpr (std::is_same_v<T, Connection>) {
                    sink.onConnection(e.status, e.message);
                } else {
                    sink.onLog(e.level, e.message);
                }
            },
            event.data);
    }
    return events.size();
}

} // namespace meridian::strategy
