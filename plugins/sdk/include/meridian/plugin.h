/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The Meridian authors
 *
 * The Meridian plugin ABI, version 1.0: the C boundary between Meridian and the strategies and venue
 * adapters users write as shared libraries.
 *
 * Rules that keep this boundary stable for years:
 *  - A plugin exports one function, MERIDIAN_PLUGIN_ENTRY_NAME, returning a descriptor (see the end).
 *  - Major version: must match exactly, or the host refuses the plugin. Minor version: the host accepts a
 *    plugin built against an older or equal minor. New minors only append fields to structs and functions
 *    to tables.
 *  - Every struct and function table begins with `uint32_t struct_size`, set by whoever fills it to the
 *    sizeof it was built with. A reader uses a field only when struct_size covers it (use
 *    MERIDIAN_HAS_FIELD), so an older peer simply does not see newer fields.
 *  - Only fixed-width integers, double, pointers to these structs and {pointer, length} strings cross.
 *    Enumerations are int32_t with #define values (a C enum's size is up to the compiler), flags are
 *    uint8_t 0/1.
 *  - Prices are int64 counts of the instrument's tick, quantities int64 counts of its lot (see
 *    meridian_instrument_info), money int64 units of 10^-8 of the currency, time int64 nanoseconds since
 *    the Unix epoch (UTC). Analytics values (signal strength, live variables) are double.
 *  - Strings are UTF-8, not necessarily NUL-terminated, and valid only for the duration of the call that
 *    passes them; copy what you keep.
 *  - Nothing throws across the boundary. Functions report failure with a meridian_status; a plugin that
 *    fails explains itself through meridian_strategy_api.last_error / meridian_adapter_api.last_error.
 *  - Threads: the host calls a strategy instance from one thread at a time (its Node). An adapter
 *    instance's functions are called from one host thread at a time; the adapter may call the
 *    meridian_adapter_events callbacks from any thread, and they are thread-safe.
 *  - Memory: each side frees only what it allocated. Pointers handed over in a call are borrowed.
 */
#ifndef MERIDIAN_PLUGIN_H
#define MERIDIAN_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MERIDIAN_PLUGIN_ABI_MAJOR 1
#define MERIDIAN_PLUGIN_ABI_MINOR 0

/* The exported entry point of every plugin. */
#define MERIDIAN_PLUGIN_ENTRY meridian_plugin_entry
#define MERIDIAN_PLUGIN_ENTRY_NAME "meridian_plugin_entry"

#if defined(_WIN32)
#define MERIDIAN_PLUGIN_VISIBLE __declspec(dllexport)
#else
#define MERIDIAN_PLUGIN_VISIBLE __attribute__((visibility("default")))
#endif
#ifdef __cplusplus
#define MERIDIAN_PLUGIN_EXPORT extern "C" MERIDIAN_PLUGIN_VISIBLE
#else
#define MERIDIAN_PLUGIN_EXPORT MERIDIAN_PLUGIN_VISIBLE
#endif

/* True when a struct filled by the other side carries `field`. */
#define MERIDIAN_HAS_FIELD(pointer, type, field)                                                                       \
    ((pointer)->struct_size >= offsetof(type, field) + sizeof(((const type *)0)->field))

/* ---- Basic types ------------------------------------------------------------------------------------ */

typedef int32_t meridian_status;
#define MERIDIAN_STATUS_OK 0
#define MERIDIAN_STATUS_ERROR 1            /* failed; last_error() explains */
#define MERIDIAN_STATUS_INVALID_ARGUMENT 2 /* a value out of range or malformed */
#define MERIDIAN_STATUS_NOT_FOUND 3        /* unknown order, instrument, timer, … */
#define MERIDIAN_STATUS_UNSUPPORTED 4      /* not offered by this host, venue or plugin */
#define MERIDIAN_STATUS_REJECTED 5         /* refused by a rule (risk, trading state) */
#define MERIDIAN_STATUS_UNAVAILABLE 6      /* not now: disconnected, stopped, rate-limited */

typedef struct meridian_string
{
    const char *data; /* UTF-8; may be NULL when size is 0 */
    size_t size;
} meridian_string;

/* An exact decimal: mantissa × 10^-scale (0 <= scale <= 18). */
typedef struct meridian_decimal
{
    int64_t mantissa;
    int32_t scale;
    int32_t reserved; /* 0 */
} meridian_decimal;

typedef int32_t meridian_side;
#define MERIDIAN_SIDE_BUY 1
#define MERIDIAN_SIDE_SELL 2

typedef int32_t meridian_order_type;
#define MERIDIAN_ORDER_LIMIT 1
#define MERIDIAN_ORDER_MARKET 2
#define MERIDIAN_ORDER_STOP_MARKET 3
#define MERIDIAN_ORDER_STOP_LIMIT 4

typedef int32_t meridian_time_in_force;
#define MERIDIAN_TIF_GTC 1
#define MERIDIAN_TIF_IOC 2
#define MERIDIAN_TIF_FOK 3
#define MERIDIAN_TIF_GTD 4
#define MERIDIAN_TIF_POST_ONLY 5

typedef int32_t meridian_log_level;
#define MERIDIAN_LOG_DEBUG 1
#define MERIDIAN_LOG_INFO 2
#define MERIDIAN_LOG_WARNING 3
#define MERIDIAN_LOG_ERROR 4

/* ---- Instruments -------------------------------------------------------------------------------------- */

/* Instruments are named by a host-assigned id, stable for the life of the host process. */
typedef uint32_t meridian_instrument_id;

typedef struct meridian_instrument_info
{
    uint32_t struct_size;
    meridian_instrument_id id;
    meridian_string symbol; /* "BTCUSDT", "AAPL", "600519.SH" */
    meridian_string venue;  /* "BINANCE", "SIM", … */
    meridian_string quote_currency;
    meridian_decimal tick_size;  /* one price unit */
    meridian_decimal lot_size;   /* one quantity unit */
    meridian_decimal multiplier; /* notional = price × quantity × multiplier */
    int64_t min_quantity;        /* in lots */
} meridian_instrument_info;

/* ---- Market data (hot path) ------------------------------------------------------------------------ */

typedef struct meridian_level
{
    int64_t price;    /* ticks */
    int64_t quantity; /* lots */
} meridian_level;

/* The top of a book: up to N levels a side, best first. */
typedef struct meridian_book_view
{
    uint32_t struct_size;
    meridian_instrument_id instrument;
    int64_t time_ns;
    uint64_t sequence; /* the venue's update id, 0 when it has none */
    const meridian_level *bids;
    const meridian_level *asks;
    uint32_t bid_count;
    uint32_t ask_count;
} meridian_book_view;

/* Level changes since the last snapshot or delta: quantity is the new total, 0 removes the level. */
typedef struct meridian_book_delta
{
    uint32_t struct_size;
    meridian_instrument_id instrument;
    int64_t time_ns;
    uint64_t first_sequence;
    uint64_t last_sequence;
    const meridian_level *bids;
    const meridian_level *asks;
    uint32_t bid_count;
    uint32_t ask_count;
} meridian_book_delta;

typedef struct meridian_trade
{
    uint32_t struct_size;
    meridian_instrument_id instrument;
    int64_t time_ns;
    int64_t price;
    int64_t quantity;
    uint64_t trade_id;
    meridian_side aggressor; /* 0 when the venue does not say */
    int32_t reserved;
} meridian_trade;

typedef struct meridian_bar
{
    uint32_t struct_size;
    meridian_instrument_id instrument;
    int64_t open_time_ns;
    int64_t duration_ns;
    int64_t open;
    int64_t high;
    int64_t low;
    int64_t close;
    int64_t volume; /* lots */
    int64_t trade_count;
} meridian_bar;

/* ---- Orders --------------------------------------------------------------------------------------------- */

typedef struct meridian_order_request
{
    uint32_t struct_size;
    meridian_instrument_id instrument;
    meridian_side side;
    meridian_order_type type;
    meridian_time_in_force time_in_force;
    int32_t reserved;
    int64_t price;      /* limit price (LIMIT, STOP_LIMIT) */
    int64_t stop_price; /* trigger (STOP_MARKET, STOP_LIMIT) */
    int64_t quantity;
    int64_t expiry_ns;   /* GTD */
    uint64_t client_tag; /* the plugin's own reference, echoed in updates */
} meridian_order_request;

typedef int32_t meridian_order_status;
#define MERIDIAN_ORDER_ACCEPTED 1
#define MERIDIAN_ORDER_REJECTED 2
#define MERIDIAN_ORDER_PARTIALLY_FILLED 3
#define MERIDIAN_ORDER_FILLED 4
#define MERIDIAN_ORDER_CANCELLED 5
#define MERIDIAN_ORDER_EXPIRED 6
#define MERIDIAN_ORDER_MODIFIED 7

typedef int32_t meridian_liquidity;
#define MERIDIAN_LIQUIDITY_MAKER 1
#define MERIDIAN_LIQUIDITY_TAKER 2

/* What happened to an order. For PARTIALLY_FILLED and FILLED, the fill_* fields describe this fill. */
typedef struct meridian_order_update
{
    uint32_t struct_size;
    meridian_instrument_id instrument;
    uint64_t order_id; /* assigned by the host when the order was placed */
    uint64_t client_tag;
    meridian_order_status status;
    meridian_side side;
    int64_t time_ns;
    int64_t price;
    int64_t quantity;        /* the order's quantity */
    int64_t filled_quantity; /* in total so far */
    int64_t fill_price;
    int64_t fill_quantity;
    int64_t fee; /* money units (10^-8) of fee_currency; negative for a rebate */
    meridian_string fee_currency;
    meridian_liquidity liquidity;
    int32_t reason_code;    /* venue- or engine-specific; 0 when none */
    meridian_string reason; /* why rejected or cancelled; empty otherwise */
} meridian_order_update;

typedef struct meridian_position
{
    uint32_t struct_size;
    meridian_instrument_id instrument;
    int64_t quantity;       /* lots; negative when short */
    int64_t average_price;  /* ticks; 0 when flat */
    int64_t realized_pnl;   /* money units */
    int64_t unrealized_pnl; /* money units, at the host's mark */
} meridian_position;

typedef struct meridian_balance
{
    uint32_t struct_size;
    int32_t reserved;
    meridian_string currency;
    int64_t total;     /* money units */
    int64_t available; /* money units */
} meridian_balance;

/* ---- Signals -------------------------------------------------------------------------------------------- */

typedef struct meridian_signal
{
    uint32_t struct_size;
    meridian_instrument_id instrument;
    int64_t time_ns;
    int32_t direction; /* +1 long, -1 short, 0 flat / exit */
    int32_t reserved;
    double strength;   /* in [0, 1] */
    double confidence; /* in [0, 1] */
    meridian_string reason;
    meridian_string source; /* the publishing strategy's id, filled by the host on delivery */
} meridian_signal;

/* ---- The host, as a strategy sees it ----------------------------------------------------------------- */

/* Opaque: the host's state for one plugin instance. Pass it back on every host call. */
typedef struct meridian_host_context meridian_host_context;

typedef struct meridian_host_api
{
    uint32_t struct_size;
    uint16_t abi_major;
    uint16_t abi_minor;
    /* Places an order; on MERIDIAN_STATUS_OK, *order_id receives the host's id for it. The outcome
     * arrives later through on_order. REJECTED: a pre-trade risk rule refused it (last_error explains). */
    meridian_status (*place_order)(meridian_host_context *host, const meridian_order_request *request,
                                   uint64_t *order_id);
    meridian_status (*cancel_order)(meridian_host_context *host, uint64_t order_id);
    /* Sets the price and open quantity of a resting order (a new price or a larger quantity loses time
     * priority at most venues). */
    meridian_status (*modify_order)(meridian_host_context *host, uint64_t order_id, int64_t price, int64_t quantity);
    meridian_status (*publish_signal)(meridian_host_context *host, const meridian_signal *signal);
    meridian_status (*get_position)(meridian_host_context *host, meridian_instrument_id instrument,
                                    meridian_position *position);
    meridian_status (*get_balance)(meridian_host_context *host, meridian_string currency, meridian_balance *balance);
    /* Calls on_timer(timer_id) after interval_ns, and every interval_ns after that when repeat is 1.
     * Setting an existing timer_id replaces it. */
    meridian_status (*set_timer)(meridian_host_context *host, uint64_t timer_id, int64_t interval_ns, uint8_t repeat);
    meridian_status (*cancel_timer)(meridian_host_context *host, uint64_t timer_id);
    void (*log)(meridian_host_context *host, meridian_log_level level, meridian_string message);
    /* Publishes the current value of a live variable declared in the descriptor. */
    meridian_status (*publish_variable)(meridian_host_context *host, meridian_string name, double value);
    /* Returns the host's time (simulated in simulations and backtests). */
    int64_t (*now_ns)(meridian_host_context *host);
    meridian_status (*get_instrument)(meridian_host_context *host, meridian_instrument_id instrument,
                                      meridian_instrument_info *info);
    meridian_status (*find_instrument)(meridian_host_context *host, meridian_string symbol,
                                       meridian_instrument_id *instrument);
} meridian_host_api;

/* ---- Strategies ------------------------------------------------------------------------------------------ */

/* Opaque: the plugin's state for one instance. */
typedef struct meridian_instance meridian_instance;

typedef struct meridian_strategy_api
{
    uint32_t struct_size;
    int32_t reserved;
    /* Creates an instance bound to host/context (both valid until destroy). */
    meridian_status (*create)(const meridian_host_api *host, meridian_host_context *context,
                              meridian_instance **instance);
    void (*destroy)(meridian_instance *instance);
    /* Receives the parameters as a JSON object, already checked against the schema by the host. */
    meridian_status (*on_init)(meridian_instance *instance, meridian_string parameters_json);
    meridian_status (*on_start)(meridian_instance *instance);
    meridian_status (*on_stop)(meridian_instance *instance);
    meridian_status (*on_book)(meridian_instance *instance, const meridian_book_view *book);
    meridian_status (*on_trade)(meridian_instance *instance, const meridian_trade *trade);
    meridian_status (*on_bar)(meridian_instance *instance, const meridian_bar *bar);
    meridian_status (*on_timer)(meridian_instance *instance, uint64_t timer_id, int64_t now_ns);
    meridian_status (*on_order)(meridian_instance *instance, const meridian_order_update *update);
    meridian_status (*on_signal)(meridian_instance *instance, const meridian_signal *signal);
    /* Explains the last failure of this instance; valid until the next call into it. */
    meridian_string (*last_error)(meridian_instance *instance);
} meridian_strategy_api;

/* ---- Venue adapters ----------------------------------------------------------------------------------- */

typedef uint32_t meridian_channels;
#define MERIDIAN_CHANNEL_BOOK 1u
#define MERIDIAN_CHANNEL_TRADES 2u
#define MERIDIAN_CHANNEL_BARS 4u

typedef int32_t meridian_connection_status;
#define MERIDIAN_CONNECTION_CONNECTING 1
#define MERIDIAN_CONNECTION_CONNECTED 2
#define MERIDIAN_CONNECTION_DISCONNECTED 3
#define MERIDIAN_CONNECTION_FAILED 4

typedef struct meridian_account
{
    uint32_t struct_size;
    uint32_t balance_count;
    const meridian_balance *balances;
    int64_t time_ns;
} meridian_account;

/* What an adapter reports back. Every callback is thread-safe and may be called from any thread; the
 * data is copied before the callback returns. */
typedef struct meridian_adapter_events
{
    uint32_t struct_size;
    int32_t reserved;
    void (*book_snapshot)(meridian_host_context *host, const meridian_book_view *book);
    void (*book_delta)(meridian_host_context *host, const meridian_book_delta *delta);
    void (*trade)(meridian_host_context *host, const meridian_trade *trade);
    void (*bar)(meridian_host_context *host, const meridian_bar *bar);
    /* Order state changes and fills (status PARTIALLY_FILLED / FILLED with the fill_* fields). */
    void (*order_update)(meridian_host_context *host, const meridian_order_update *update);
    void (*account)(meridian_host_context *host, const meridian_account *account);
    void (*position)(meridian_host_context *host, const meridian_position *position);
    void (*connection)(meridian_host_context *host, meridian_connection_status status, meridian_string message);
    void (*log)(meridian_host_context *host, meridian_log_level level, meridian_string message);
} meridian_adapter_events;

typedef struct meridian_adapter_api
{
    uint32_t struct_size;
    int32_t reserved;
    meridian_status (*create)(const meridian_adapter_events *events, meridian_host_context *context,
                              meridian_instance **instance);
    void (*destroy)(meridian_instance *instance);
    /* Connects with a JSON configuration (endpoints, keys, options) checked against the schema. Progress
     * and failures arrive through events.connection. */
    meridian_status (*connect)(meridian_instance *instance, meridian_string config_json);
    meridian_status (*disconnect)(meridian_instance *instance);
    /* Starts the channels for an instrument; the adapter echoes info->id in every event about it. */
    meridian_status (*subscribe)(meridian_instance *instance, const meridian_instrument_info *info,
                                 meridian_channels channels);
    meridian_status (*unsubscribe)(meridian_instance *instance, meridian_instrument_id instrument,
                                   meridian_channels channels);
    /* order_id is the host's; the adapter reports on it through events.order_update. */
    meridian_status (*place_order)(meridian_instance *instance, uint64_t order_id,
                                   const meridian_order_request *request);
    meridian_status (*cancel_order)(meridian_instance *instance, uint64_t order_id);
    meridian_status (*modify_order)(meridian_instance *instance, uint64_t order_id, int64_t price, int64_t quantity);
    /* Answers arrive through events.account, events.position and events.order_update. */
    meridian_status (*query_account)(meridian_instance *instance);
    meridian_status (*query_positions)(meridian_instance *instance);
    meridian_status (*query_open_orders)(meridian_instance *instance);
    meridian_string (*last_error)(meridian_instance *instance);
} meridian_adapter_api;

/* ---- The descriptor ---------------------------------------------------------------------------------- */

typedef int32_t meridian_plugin_kind;
#define MERIDIAN_PLUGIN_STRATEGY 1
#define MERIDIAN_PLUGIN_ADAPTER 2

/*
 * parameters_json is a JSON array of parameter declarations:
 *   {"name": "spread_ticks", "type": "int" | "float" | "bool" | "enum" | "string",
 *    "default": …, "min": …, "max": …, "step": …,            (int and float)
 *    "values": ["a", "b"],                                     (enum)
 *    "description": "…"}
 * variables_json is a JSON array of live variables: {"name": "inventory", "description": "…"}.
 */
typedef struct meridian_plugin_descriptor
{
    uint32_t struct_size;
    uint16_t abi_major;
    uint16_t abi_minor;
    meridian_plugin_kind kind;
    int32_t reserved;
    meridian_string id;      /* unique, stable: "fixed_spread_mm", "com.example.my_adapter" */
    meridian_string name;    /* for people */
    meridian_string version; /* the plugin's own version, "1.2.0" */
    meridian_string description;
    meridian_string parameters_json;
    meridian_string variables_json;
    const meridian_strategy_api *strategy; /* when kind is MERIDIAN_PLUGIN_STRATEGY */
    const meridian_adapter_api *adapter;   /* when kind is MERIDIAN_PLUGIN_ADAPTER */
} meridian_plugin_descriptor;

/*
 * The entry point every plugin exports. The host passes the ABI version it speaks; the plugin returns
 * its descriptor (static storage, valid until the library is unloaded), or NULL when it cannot work with
 * that host. The host then checks abi_major and abi_minor itself.
 */
typedef const meridian_plugin_descriptor *(*meridian_plugin_entry_fn)(uint16_t host_abi_major, uint16_t host_abi_minor);

/* The declaration a plugin defines (with MERIDIAN_PLUGIN_EXPORT). */
MERIDIAN_PLUGIN_VISIBLE const meridian_plugin_descriptor *MERIDIAN_PLUGIN_ENTRY(uint16_t host_abi_major,
                                                                                uint16_t host_abi_minor);

#ifdef __cplusplus
}
#endif

#endif /* MERIDIAN_PLUGIN_H */
