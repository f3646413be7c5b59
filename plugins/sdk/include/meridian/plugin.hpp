// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The C++ side of the Meridian plugin SDK: write a strategy (or a venue adapter) as a small class.
//
//     class MyStrategy : public meridian::sdk::Strategy
//     {
//     public:
//         static meridian::sdk::Schema schema()
//         {
//             return meridian::sdk::Schema().addInt("spread_ticks", 4, 1, 100, 1, "Quoted spread in ticks");
//         }
//         void onInit(const meridian::sdk::Parameters &p) override { m_spread = p.getInt("spread_ticks"); }
//         void onBook(const meridian_book_view &book) override { ... host().placeOrder(...) ... }
//     private:
//         std::int64_t m_spread = 0;
//     };
//     MERIDIAN_STRATEGY_PLUGIN(MyStrategy, "my_strategy", "My strategy", "1.0.0", "What it does")
//
// Header-only and dependent on nothing but the C++20 standard library and plugin.h. Every call from the
// host goes through an exception barrier: an exception thrown by the strategy becomes
// MERIDIAN_STATUS_ERROR with its message in last_error, and the host stops that instance.
#ifndef MERIDIAN_PLUGIN_HPP
#define MERIDIAN_PLUGIN_HPP

#include <meridian/plugin.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <initializer_list>
#include <map>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace meridian::sdk {

inline meridian_string toC(std::string_view text)
{
    return meridian_string{text.data(), text.size()};
}

inline std::string_view fromC(meridian_string text)
{
    return text.data ? std::string_view(text.data, text.size) : std::string_view();
}

namespace detail {

inline std::string quoted(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

inline std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

} // namespace detail

/// Builds the parameter schema (plugin.h) of a plugin, one parameter per call.
class Schema
{
public:
    Schema &addInt(std::string_view name, std::int64_t defaultValue, std::int64_t min, std::int64_t max,
                   std::int64_t step, std::string_view description)
    {
        return add(name, "int", std::to_string(defaultValue),
                   ", \"min\": " + std::to_string(min) + ", \"max\": " + std::to_string(max) +
                       ", \"step\": " + std::to_string(step),
                   description);
    }
    Schema &addFloat(std::string_view name, double defaultValue, double min, double max, double step,
                     std::string_view description)
    {
        return add(name, "float", detail::number(defaultValue),
                   ", \"min\": " + detail::number(min) + ", \"max\": " + detail::number(max) +
                       ", \"step\": " + detail::number(step),
                   description);
    }
    Schema &addBool(std::string_view name, bool defaultValue, std::string_view description)
    {
        return add(name, "bool", defaultValue ? "true" : "false", "", description);
    }
    Schema &addEnum(std::string_view name, std::initializer_list<std::string_view> values,
                    std::string_view defaultValue, std::string_view description)
    {
        std::string list;
        for (const std::string_view v : values)
            list += (list.empty() ? "" : ", ") + detail::quoted(v);
        return add(name, "enum", detail::quoted(defaultValue), ", \"values\": [" + list + "]", description);
    }
    Schema &addString(std::string_view name, std::string_view defaultValue, std::string_view description)
    {
        return add(name, "string", detail::quoted(defaultValue), "", description);
    }
    /// Returns the schema as the JSON array plugin.h describes.
    std::string json() const { return "[" + m_entries + "]"; }

private:
    Schema &add(std::string_view name, const char *type, const std::string &defaultJson, const std::string &extra,
                std::string_view description)
    {
        if (!m_entries.empty())
            m_entries += ", ";
        m_entries += "{\"name\": " + detail::quoted(name) + ", \"type\": \"" + type +
                     "\", \"default\": " + defaultJson + extra + ", \"description\": " + detail::quoted(description) +
                     "}";
        return *this;
    }
    std::string m_entries;
};

/// Declares the live variables a strategy publishes (Host::publishVariable), for the UI.
class Variables
{
public:
    Variables &add(std::string_view name, std::string_view description)
    {
        if (!m_entries.empty())
            m_entries += ", ";
        m_entries += "{\"name\": " + detail::quoted(name) + ", \"description\": " + detail::quoted(description) + "}";
        return *this;
    }
    std::string json() const { return "[" + m_entries + "]"; }

private:
    std::string m_entries;
};

/// The parameter values the host passes to onInit: a flat JSON object, already checked against the schema
/// and complete (defaults filled in). Getters throw std::invalid_argument for an absent name or a value of
/// another type, which the exception barrier reports.
class Parameters
{
public:
    /// Parses a flat JSON object of numbers, booleans and strings. Throws std::invalid_argument.
    explicit Parameters(std::string_view json)
    {
        m_text = json;
        m_at = 0;
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            ++m_at;
            return;
        }
        for (;;) {
            skipSpace();
            std::string key = parseString();
            skipSpace();
            expect(':');
            skipSpace();
            m_values[std::move(key)] = parseScalar();
            skipSpace();
            if (peek() == ',') {
                ++m_at;
                continue;
            }
            expect('}');
            break;
        }
    }

    bool has(const std::string &name) const { return m_values.count(name) != 0; }
    std::int64_t getInt(const std::string &name) const
    {
        const Value &v = get(name, Value::Number);
        if (!v.integral)
            throw std::invalid_argument("parameter '" + name + "' is not an integer");
        return v.integer;
    }
    double getFloat(const std::string &name) const { return get(name, Value::Number).real; }
    bool getBool(const std::string &name) const { return get(name, Value::Boolean).boolean; }
    const std::string &getString(const std::string &name) const { return get(name, Value::String).text; }

private:
    struct Value
    {
        enum Kind { Number, Boolean, String } kind = Number;
        bool integral = false;
        std::int64_t integer = 0;
        double real = 0;
        bool boolean = false;
        std::string text;
    };

    const Value &get(const std::string &name, Value::Kind kind) const
    {
        const auto it = m_values.find(name);
        if (it == m_values.end())
            throw std::invalid_argument("parameter '" + name + "' is not set");
        if (it->second.kind != kind)
            throw std::invalid_argument("parameter '" + name + "' has another type");
        return it->second;
    }
    char peek() const { return m_at < m_text.size() ? m_text[m_at] : '\0'; }
    void skipSpace()
    {
        while (m_at < m_text.size() &&
               (m_text[m_at] == ' ' || m_text[m_at] == '\n' || m_text[m_at] == '\t' || m_text[m_at] == '\r'))
            ++m_at;
    }
    void expect(char c)
    {
        if (peek() != c)
            throw std::invalid_argument(std::string("parameters: expected '") + c + "' at offset " +
                                        std::to_string(m_at));
        ++m_at;
    }
    std::string parseString()
    {
        expect('"');
        std::string out;
        while (m_at < m_text.size() && m_text[m_at] != '"') {
            char c = m_text[m_at++];
            if (c == '\\' && m_at < m_text.size()) {
                const char e = m_text[m_at++];
                switch (e) {
                case 'n':
                    c = '\n';
                    break;
                case 't':
                    c = '\t';
                    break;
                case 'r':
                    c = '\r';
                    break;
                case 'b':
                    c = '\b';
                    break;
                case 'f':
                    c = '\f';
                    break;
                case 'u':
                    // Only what quoted() writes (control characters); other code points are kept as text.
                    if (m_at + 4 <= m_text.size()) {
                        c = static_cast<char>(std::strtol(std::string(m_text.substr(m_at, 4)).c_str(), nullptr, 16));
                        m_at += 4;
                    }
                    break;
                default:
                    c = e;
                }
            }
            out += c;
        }
        expect('"');
        return out;
    }
    Value parseScalar()
    {
        Value v;
        if (peek() == '"') {
            v.kind = Value::String;
            v.text = parseString();
            return v;
        }
        if (m_text.compare(m_at, 4, "true") == 0 || m_text.compare(m_at, 5, "false") == 0) {
            v.kind = Value::Boolean;
            v.boolean = m_text[m_at] == 't';
            m_at += v.boolean ? 4 : 5;
            return v;
        }
        const std::size_t start = m_at;
        while (m_at < m_text.size() && std::string_view("+-0123456789.eE").find(m_text[m_at]) != std::string_view::npos)
            ++m_at;
        const std::string token(m_text.substr(start, m_at - start));
        if (token.empty())
            throw std::invalid_argument("parameters: a value at offset " + std::to_string(start) +
                                        " is not a number, boolean or string");
        char *end = nullptr;
        v.real = std::strtod(token.c_str(), &end);
        if (end != token.c_str() + token.size())
            throw std::invalid_argument("parameters: bad number " + token);
        v.integral = token.find_first_of(".eE") == std::string::npos;
        if (v.integral)
            v.integer = std::strtoll(token.c_str(), nullptr, 10);
        return v;
    }

    std::string_view m_text;
    std::size_t m_at = 0;
    std::map<std::string, Value> m_values;
};

/// The host as a strategy sees it: orders, signals, positions, timers, logging, live variables, time.
class Host
{
public:
    Host(const meridian_host_api *api, meridian_host_context *context) : m_api(api), m_context(context) {}

    /// Places an order; returns the host's order id, or 0 when the host refused it (see lastStatus()).
    std::uint64_t placeOrder(const meridian_order_request &request)
    {
        std::uint64_t id = 0;
        m_status = m_api->place_order(m_context, &request, &id);
        return m_status == MERIDIAN_STATUS_OK ? id : 0;
    }
    std::uint64_t placeLimit(meridian_instrument_id instrument, meridian_side side, std::int64_t price,
                             std::int64_t quantity, meridian_time_in_force tif = MERIDIAN_TIF_GTC,
                             std::uint64_t clientTag = 0)
    {
        meridian_order_request r = request(instrument, side, MERIDIAN_ORDER_LIMIT, tif, quantity, clientTag);
        r.price = price;
        return placeOrder(r);
    }
    std::uint64_t placeMarket(meridian_instrument_id instrument, meridian_side side, std::int64_t quantity,
                              std::uint64_t clientTag = 0)
    {
        return placeOrder(request(instrument, side, MERIDIAN_ORDER_MARKET, MERIDIAN_TIF_IOC, quantity, clientTag));
    }
    /// Returns a request with the fields every order has; set price, stop_price or expiry_ns as the type needs.
    static meridian_order_request request(meridian_instrument_id instrument, meridian_side side,
                                          meridian_order_type type, meridian_time_in_force tif, std::int64_t quantity,
                                          std::uint64_t clientTag = 0)
    {
        meridian_order_request r{};
        r.struct_size = sizeof r;
        r.instrument = instrument;
        r.side = side;
        r.type = type;
        r.time_in_force = tif;
        r.quantity = quantity;
        r.client_tag = clientTag;
        return r;
    }
    bool cancelOrder(std::uint64_t orderId) { return ok(m_api->cancel_order(m_context, orderId)); }
    bool modifyOrder(std::uint64_t orderId, std::int64_t price, std::int64_t quantity)
    {
        return ok(m_api->modify_order(m_context, orderId, price, quantity));
    }
    bool publishSignal(meridian_instrument_id instrument, std::int32_t direction, double strength, double confidence,
                       std::string_view reason)
    {
        meridian_signal s{};
        s.struct_size = sizeof s;
        s.instrument = instrument;
        s.time_ns = now();
        s.direction = direction;
        s.strength = strength;
        s.confidence = confidence;
        s.reason = toC(reason);
        return ok(m_api->publish_signal(m_context, &s));
    }
    /// Returns the position in an instrument (a flat position when the host has none).
    meridian_position position(meridian_instrument_id instrument)
    {
        meridian_position p{};
        p.struct_size = sizeof p;
        p.instrument = instrument;
        m_status = m_api->get_position(m_context, instrument, &p);
        return p;
    }
    meridian_balance balance(std::string_view currency)
    {
        meridian_balance b{};
        b.struct_size = sizeof b;
        m_status = m_api->get_balance(m_context, toC(currency), &b);
        return b;
    }
    bool setTimer(std::uint64_t timerId, std::int64_t intervalNs, bool repeat)
    {
        return ok(m_api->set_timer(m_context, timerId, intervalNs, repeat ? 1 : 0));
    }
    bool cancelTimer(std::uint64_t timerId) { return ok(m_api->cancel_timer(m_context, timerId)); }
    void log(meridian_log_level level, std::string_view message) { m_api->log(m_context, level, toC(message)); }
    bool publishVariable(std::string_view name, double value)
    {
        return ok(m_api->publish_variable(m_context, toC(name), value));
    }
    std::int64_t now() { return m_api->now_ns(m_context); }
    /// Returns the instrument's description; its strings are valid until the host is destroyed.
    meridian_instrument_info instrument(meridian_instrument_id instrument)
    {
        meridian_instrument_info info{};
        info.struct_size = sizeof info;
        m_status = m_api->get_instrument(m_context, instrument, &info);
        return info;
    }
    /// Returns the id of the instrument with symbol, or 0 when there is none.
    meridian_instrument_id findInstrument(std::string_view symbol)
    {
        meridian_instrument_id id = 0;
        m_status = m_api->find_instrument(m_context, toC(symbol), &id);
        return m_status == MERIDIAN_STATUS_OK ? id : 0;
    }
    /// Returns the id of the instrument with symbol; throws std::invalid_argument naming it when the host has
    /// none (in onStart, that stops the instance with the reason).
    meridian_instrument_id requireInstrument(std::string_view symbol)
    {
        const meridian_instrument_id id = findInstrument(symbol);
        if (id == 0)
            throw std::invalid_argument("instrument " + std::string(symbol) + " is unknown to the host");
        return id;
    }
    /// The status of the last call that returned no status itself.
    meridian_status lastStatus() const { return m_status; }

private:
    bool ok(meridian_status status)
    {
        m_status = status;
        return status == MERIDIAN_STATUS_OK;
    }

    const meridian_host_api *m_api;
    meridian_host_context *m_context;
    meridian_status m_status = MERIDIAN_STATUS_OK;
};

/// Base class of a strategy. Override what you need; throw to report an error (the host stops the
/// instance and logs the message).
class Strategy
{
public:
    virtual ~Strategy() = default;
    virtual void onInit(const Parameters &) {}
    virtual void onStart() {}
    virtual void onStop() {}
    virtual void onBook(const meridian_book_view &) {}
    virtual void onTrade(const meridian_trade &) {}
    virtual void onBar(const meridian_bar &) {}
    virtual void onTimer(std::uint64_t /*timerId*/, std::int64_t /*nowNs*/) {}
    virtual void onOrder(const meridian_order_update &) {}
    virtual void onSignal(const meridian_signal &) {}

    Host &host() { return *m_host; }

private:
    template <class T>
    friend struct StrategyGlue;
    std::unique_ptr<Host> m_host;
};

/// Turns a Strategy subclass into the C function table, with an exception barrier around every call.
/// Thrown by an adapter for an operation its venue does not offer; the host sees MERIDIAN_STATUS_UNSUPPORTED.
class Unsupported : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// Where an adapter reports what its venue says. Every method may be called from any thread (the
/// adapter's network threads); the host copies the data before the call returns.
class AdapterEvents
{
public:
    AdapterEvents(const meridian_adapter_events *events, meridian_host_context *context)
        : m_events(events), m_context(context)
    {}
    void bookSnapshot(const meridian_book_view &book) const { m_events->book_snapshot(m_context, &book); }
    void bookDelta(const meridian_book_delta &delta) const { m_events->book_delta(m_context, &delta); }
    void trade(const meridian_trade &trade) const { m_events->trade(m_context, &trade); }
    void bar(const meridian_bar &bar) const { m_events->bar(m_context, &bar); }
    void orderUpdate(const meridian_order_update &update) const { m_events->order_update(m_context, &update); }
    void account(const meridian_account &account) const { m_events->account(m_context, &account); }
    void position(const meridian_position &position) const { m_events->position(m_context, &position); }
    void connection(meridian_connection_status status, std::string_view message = {}) const
    {
        m_events->connection(m_context, status, toC(message));
    }
    void log(meridian_log_level level, std::string_view message) const
    {
        m_events->log(m_context, level, toC(message));
    }

private:
    const meridian_adapter_events *m_events;
    meridian_host_context *m_context;
};

/// Base class of a venue adapter. The host calls it from one thread; the adapter may run threads of its
/// own (a socket, a timer) and report from them through events(). Stop them in disconnect() and in the
/// destructor. Throw to report an error (Unsupported for an operation the venue lacks).
class Adapter
{
public:
    virtual ~Adapter() = default;
    /// config: the configuration, checked against the schema and complete (defaults filled in).
    virtual void connect(const Parameters &config) = 0;
    virtual void disconnect() {}
    virtual void subscribe(const meridian_instrument_info &instrument, meridian_channels channels) = 0;
    virtual void unsubscribe(meridian_instrument_id, meridian_channels) {}
    /// orderId is the host's; report on it through events().orderUpdate.
    virtual void placeOrder(std::uint64_t orderId, const meridian_order_request &request) = 0;
    virtual void cancelOrder(std::uint64_t orderId) = 0;
    virtual void modifyOrder(std::uint64_t, std::int64_t /*price*/, std::int64_t /*quantity*/)
    {
        throw Unsupported("this venue cannot modify orders");
    }
    virtual void queryAccount() { throw Unsupported("this venue does not report its account"); }
    virtual void queryPositions() { throw Unsupported("this venue does not report positions"); }
    virtual void queryOpenOrders() { throw Unsupported("this venue does not report open orders"); }

protected:
    const AdapterEvents &events() const { return *m_events; }

private:
    template <class>
    friend struct AdapterGlue;
    std::unique_ptr<AdapterEvents> m_events;
};

template <class T>
struct AdapterGlue
{
    struct Instance
    {
        std::unique_ptr<T> adapter;
        std::string lastError;
    };

    template <class F>
    static meridian_status guard(meridian_instance *instance, F &&f) noexcept
    {
        Instance *self = reinterpret_cast<Instance *>(instance);
        try {
            f(*self->adapter);
            return MERIDIAN_STATUS_OK;
        } catch (const Unsupported &e) {
            self->lastError = e.what();
            return MERIDIAN_STATUS_UNSUPPORTED;
        } catch (const std::exception &e) {
            self->lastError = e.what();
        } catch (...) {
            self->lastError = "unknown exception";
        }
        return MERIDIAN_STATUS_ERROR;
    }

    static meridian_status create(const meridian_adapter_events *events, meridian_host_context *context,
                                  meridian_instance **out) noexcept
    {
        try {
            auto self = std::make_unique<Instance>();
            self->adapter = std::make_unique<T>();
            self->adapter->m_events = std::make_unique<AdapterEvents>(events, context);
            *out = reinterpret_cast<meridian_instance *>(self.release());
            return MERIDIAN_STATUS_OK;
        } catch (...) {
            return MERIDIAN_STATUS_ERROR;
        }
    }
    static void destroy(meridian_instance *instance) noexcept
    {
        try {
            delete reinterpret_cast<Instance *>(instance);
        } catch (...) { // a destructor that throws must not cross the boundary
        }
    }
    static meridian_status connect(meridian_instance *i, meridian_string json) noexcept
    {
        return guard(i, [&](T &a) { a.connect(Parameters(fromC(json))); });
    }
    static meridian_status disconnect(meridian_instance *i) noexcept
    {
        return guard(i, [](T &a) { a.disconnect(); });
    }
    static meridian_status subscribe(meridian_instance *i, const meridian_instrument_info *info,
                                     meridian_channels channels) noexcept
    {
        return guard(i, [&](T &a) { a.subscribe(*info, channels); });
    }
    static meridian_status unsubscribe(meridian_instance *i, meridian_instrument_id id,
                                       meridian_channels channels) noexcept
    {
        return guard(i, [&](T &a) { a.unsubscribe(id, channels); });
    }
    static meridian_status placeOrder(meridian_instance *i, std::uint64_t id,
                                      const meridian_order_request *request) noexcept
    {
        return guard(i, [&](T &a) { a.placeOrder(id, *request); });
    }
    static meridian_status cancelOrder(meridian_instance *i, std::uint64_t id) noexcept
    {
        return guard(i, [&](T &a) { a.cancelOrder(id); });
    }
    static meridian_status modifyOrder(meridian_instance *i, std::uint64_t id, std::int64_t price,
                                       std::int64_t quantity) noexcept
    {
        return guard(i, [&](T &a) { a.modifyOrder(id, price, quantity); });
    }
    static meridian_status queryAccount(meridian_instance *i) noexcept
    {
        return guard(i, [](T &a) { a.queryAccount(); });
    }
    static meridian_status queryPositions(meridian_instance *i) noexcept
    {
        return guard(i, [](T &a) { a.queryPositions(); });
    }
    static meridian_status queryOpenOrders(meridian_instance *i) noexcept
    {
        return guard(i, [](T &a) { a.queryOpenOrders(); });
    }
    static meridian_string lastError(meridian_instance *i) noexcept
    {
        return toC(reinterpret_cast<Instance *>(i)->lastError);
    }

    static const meridian_adapter_api *table() noexcept
    {
        static const meridian_adapter_api api = {sizeof(meridian_adapter_api),
                                                 0,
                                                 &create,
                                                 &destroy,
                                                 &connect,
                                                 &disconnect,
                                                 &subscribe,
                                                 &unsubscribe,
                                                 &placeOrder,
                                                 &cancelOrder,
                                                 &modifyOrder,
                                                 &queryAccount,
                                                 &queryPositions,
                                                 &queryOpenOrders,
                                                 &lastError};
        return &api;
    }
};

template <class T>
struct StrategyGlue
{
    struct Instance
    {
        std::unique_ptr<T> strategy;
        std::string lastError;
    };

    template <class F>
    static meridian_status guard(meridian_instance *instance, F &&f) noexcept
    {
        Instance *self = reinterpret_cast<Instance *>(instance);
        try {
            f(*self->strategy);
            return MERIDIAN_STATUS_OK;
        } catch (const std::exception &e) {
            self->lastError = e.what();
        } catch (...) {
            self->lastError = "unknown exception";
        }
        return MERIDIAN_STATUS_ERROR;
    }

    static meridian_status create(const meridian_host_api *host, meridian_host_context *context,
                                  meridian_instance **out) noexcept
    {
        try {
            auto self = std::make_unique<Instance>();
            self->strategy = std::make_unique<T>();
            self->strategy->m_host = std::make_unique<Host>(host, context);
            *out = reinterpret_cast<meridian_instance *>(self.release());
            return MERIDIAN_STATUS_OK;
        } catch (...) {
            return MERIDIAN_STATUS_ERROR;
        }
    }
    static void destroy(meridian_instance *instance) noexcept { delete reinterpret_cast<Instance *>(instance); }
    static meridian_status onInit(meridian_instance *i, meridian_string json) noexcept
    {
        return guard(i, [&](T &s) { s.onInit(Parameters(fromC(json))); });
    }
    static meridian_status onStart(meridian_instance *i) noexcept
    {
        return guard(i, [](T &s) { s.onStart(); });
    }
    static meridian_status onStop(meridian_instance *i) noexcept
    {
        return guard(i, [](T &s) { s.onStop(); });
    }
    static meridian_status onBook(meridian_instance *i, const meridian_book_view *v) noexcept
    {
        return guard(i, [&](T &s) { s.onBook(*v); });
    }
    static meridian_status onTrade(meridian_instance *i, const meridian_trade *v) noexcept
    {
        return guard(i, [&](T &s) { s.onTrade(*v); });
    }
    static meridian_status onBar(meridian_instance *i, const meridian_bar *v) noexcept
    {
        return guard(i, [&](T &s) { s.onBar(*v); });
    }
    static meridian_status onTimer(meridian_instance *i, std::uint64_t id, std::int64_t now) noexcept
    {
        return guard(i, [&](T &s) { s.onTimer(id, now); });
    }
    static meridian_status onOrder(meridian_instance *i, const meridian_order_update *v) noexcept
    {
        return guard(i, [&](T &s) { s.onOrder(*v); });
    }
    static meridian_status onSignal(meridian_instance *i, const meridian_signal *v) noexcept
    {
        return guard(i, [&](T &s) { s.onSignal(*v); });
    }
    static meridian_string lastError(meridian_instance *i) noexcept
    {
        return toC(reinterpret_cast<Instance *>(i)->lastError);
    }

    static const meridian_strategy_api *table() noexcept
    {
        static const meridian_strategy_api api = {sizeof(meridian_strategy_api),
                                                  0,
                                                  &create,
                                                  &destroy,
                                                  &onInit,
                                                  &onStart,
                                                  &onStop,
                                                  &onBook,
                                                  &onTrade,
                                                  &onBar,
                                                  &onTimer,
                                                  &onOrder,
                                                  &onSignal,
                                                  &lastError};
        return &api;
    }
};

/// Returns the descriptor of a strategy (T derives from Strategy) or adapter (from Adapter) plugin; the
/// strings live as long as the library.
template <class T>
const meridian_plugin_descriptor *pluginDescriptor(const char *id, const char *name, const char *version,
                                                   const char *description) noexcept
{
    struct Storage
    {
        std::string id, name, version, description, parameters, variables;
        meridian_plugin_descriptor descriptor{};
    };
    try {
        static Storage storage = [&] {
            Storage s;
            s.id = id;
            s.name = name;
            s.version = version;
            s.description = description;
            s.parameters = T::schema().json();
            if constexpr (requires { T::variables(); })
                s.variables = T::variables().json();
            s.descriptor.struct_size = sizeof(meridian_plugin_descriptor);
            s.descriptor.abi_major = MERIDIAN_PLUGIN_ABI_MAJOR;
            s.descriptor.abi_minor = MERIDIAN_PLUGIN_ABI_MINOR;
            if constexpr (std::is_base_of_v<Adapter, T>) {
                s.descriptor.kind = MERIDIAN_PLUGIN_ADAPTER;
                s.descriptor.adapter = AdapterGlue<T>::table();
            } else {
                s.descriptor.kind = MERIDIAN_PLUGIN_STRATEGY;
                s.descriptor.strategy = StrategyGlue<T>::table();
            }
            return s;
        }();
        // Point at the strings where they finally live.
        storage.descriptor.id = toC(storage.id);
        storage.descriptor.name = toC(storage.name);
        storage.descriptor.version = toC(storage.version);
        storage.descriptor.description = toC(storage.description);
        storage.descriptor.parameters_json = toC(storage.parameters);
        storage.descriptor.variables_json = toC(storage.variables);
        return &storage.descriptor;
    } catch (...) {
        return nullptr;
    }
}

} // namespace meridian::sdk

/// Exports a Strategy subclass T as a plugin. T provides `static meridian::sdk::Schema schema()` and may
/// provide `static meridian::sdk::Variables variables()`.
#define MERIDIAN_STRATEGY_PLUGIN(T, id, name, version, description)                                                    \
    MERIDIAN_PLUGIN_EXPORT const meridian_plugin_descriptor *MERIDIAN_PLUGIN_ENTRY(uint16_t, uint16_t)                 \
    {                                                                                                                  \
        return ::meridian::sdk::pluginDescriptor<T>(id, name, version, description);                                   \
    }

/// Exports an Adapter subclass T as a plugin. T provides `static meridian::sdk::Schema schema()`: the
/// configuration connect() takes (endpoints, keys, options).
#define MERIDIAN_ADAPTER_PLUGIN(T, id, name, version, description)                                                     \
    MERIDIAN_PLUGIN_EXPORT const meridian_plugin_descriptor *MERIDIAN_PLUGIN_ENTRY(uint16_t, uint16_t)                 \
    {                                                                                                                  \
        return ::meridian::sdk::pluginDescriptor<T>(id, name, version, description);                                   \
    }

#endif // MERIDIAN_PLUGIN_HPP
