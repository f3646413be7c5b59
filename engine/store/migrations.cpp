// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "store/migrations.h"

namespace meridian::store {

namespace {

// Conventions: times are INTEGER nanoseconds since the epoch (UTC). Prices and quantities of orders and
// fills are exact decimal TEXT; market data columns are REAL (analytics), converted to ticks on use.
// JSON columns are checked with json_valid().
constexpr const char *kSchemaV1 = R"sql(
CREATE TABLE instruments (
    instrument_id  INTEGER PRIMARY KEY,
    symbol         TEXT NOT NULL CHECK (symbol <> ''),
    venue          TEXT NOT NULL DEFAULT '',
    asset_class    TEXT NOT NULL DEFAULT 'spot'
                   CHECK (asset_class IN ('spot', 'future', 'perpetual', 'equity', 'option')),
    base_currency  TEXT NOT NULL DEFAULT '',
    quote_currency TEXT NOT NULL DEFAULT '',
    tick_size      TEXT NOT NULL,
    lot_size       TEXT NOT NULL,
    min_quantity   TEXT NOT NULL DEFAULT '0',
    multiplier     TEXT NOT NULL DEFAULT '1',
    created_at     INTEGER NOT NULL,
    UNIQUE (symbol, venue)
);

CREATE TABLE market_data (
    symbol       TEXT NOT NULL,
    venue        TEXT NOT NULL DEFAULT '',
    interval     TEXT NOT NULL,
    ts           INTEGER NOT NULL,
    open         REAL,
    high         REAL,
    low          REAL,
    close        REAL,
    volume       REAL,
    bid          REAL,
    ask          REAL,
    bid_size     REAL,
    ask_size     REAL,
    quote_volume REAL,
    trade_count  INTEGER,
    source       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (symbol, venue, interval, ts)
) WITHOUT ROWID;
CREATE INDEX market_data_symbol_ts ON market_data (symbol, ts);

CREATE TABLE simulation_tasks (
    task_id         TEXT PRIMARY KEY,
    symbol          TEXT NOT NULL,
    period          TEXT NOT NULL,
    scenario        TEXT NOT NULL,
    strategy        TEXT NOT NULL DEFAULT '',
    strategy_params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(strategy_params)),
    seed            INTEGER,
    created_at      INTEGER NOT NULL,
    started_at      INTEGER,
    completed_at    INTEGER,
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'running', 'completed', 'failed')),
    error           TEXT
);
CREATE INDEX simulation_tasks_status ON simulation_tasks (status, created_at);

CREATE TABLE simulation_results (
    task_id          TEXT PRIMARY KEY REFERENCES simulation_tasks (task_id) ON DELETE CASCADE,
    slippage         REAL,
    fill_probability REAL,
    price_impact     REAL,
    total_return     REAL,
    max_drawdown     REAL,
    sharpe_ratio     REAL,
    order_count      INTEGER,
    trade_count      INTEGER,
    final_equity     REAL,
    metrics          TEXT CHECK (metrics IS NULL OR json_valid(metrics)),
    report_path      TEXT,
    created_at       INTEGER NOT NULL
);

CREATE TABLE calibration_params (
    calibration_id    INTEGER PRIMARY KEY,
    symbol            TEXT NOT NULL,
    scenario          TEXT NOT NULL,
    base_slippage     REAL NOT NULL CHECK (base_slippage >= 0),
    volatility_factor REAL NOT NULL CHECK (volatility_factor > 0),
    liquidity_factor  REAL NOT NULL CHECK (liquidity_factor > 0),
    params            TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
    goodness_of_fit   TEXT CHECK (goodness_of_fit IS NULL OR json_valid(goodness_of_fit)),
    data_source       TEXT NOT NULL DEFAULT '',
    data_from         INTEGER,
    data_to           INTEGER,
    calibrated_at     INTEGER NOT NULL,
    is_active         INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
);
-- At most one active parameter set per symbol and scenario; earlier sets are kept inactive.
CREATE UNIQUE INDEX calibration_params_active ON calibration_params (symbol, scenario) WHERE is_active = 1;

INSERT INTO calibration_params
    (symbol, scenario, base_slippage, volatility_factor, liquidity_factor, data_source, calibrated_at, is_active)
VALUES
    ('BTCUSDT', 'normal',          0.001,  1.0, 1.0, 'default', unixepoch('now') * 1000000000, 1),
    ('BTCUSDT', 'black_swan',      0.005,  3.0, 0.3, 'default', unixepoch('now') * 1000000000, 1),
    ('ETHUSDT', 'normal',          0.0012, 1.1, 0.9, 'default', unixepoch('now') * 1000000000, 1),
    ('ETHUSDT', 'high_volatility', 0.003,  2.0, 0.6, 'default', unixepoch('now') * 1000000000, 1);

CREATE TABLE strategies (
    strategy_id    INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE CHECK (name <> ''),
    plugin_id      TEXT NOT NULL,
    plugin_version TEXT NOT NULL DEFAULT '',
    params         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
    instruments    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(instruments)),
    enabled        INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);

CREATE TABLE orders (
    order_id        INTEGER PRIMARY KEY,
    client_order_id TEXT NOT NULL UNIQUE,
    venue_order_id  TEXT,
    venue           TEXT NOT NULL,
    symbol          TEXT NOT NULL,
    strategy_id     INTEGER REFERENCES strategies (strategy_id) ON DELETE SET NULL,
    side            TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
    order_type      TEXT NOT NULL CHECK (order_type IN ('limit', 'market', 'stop_market', 'stop_limit')),
    time_in_force   TEXT NOT NULL CHECK (time_in_force IN ('gtc', 'ioc', 'fok', 'gtd', 'post_only')),
    price           TEXT,
    stop_price      TEXT,
    quantity        TEXT NOT NULL,
    filled_quantity TEXT NOT NULL DEFAULT '0',
    status          TEXT NOT NULL
                    CHECK (status IN ('new', 'pending', 'accepted', 'partially_filled', 'filled', 'cancelled',
                                      'rejected', 'expired')),
    reject_reason   TEXT,
    expire_at       INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX orders_open ON orders (status) WHERE status IN ('new', 'pending', 'accepted', 'partially_filled');
CREATE INDEX orders_symbol ON orders (symbol, created_at);

CREATE TABLE fills (
    fill_id       INTEGER PRIMARY KEY,
    order_id      INTEGER NOT NULL REFERENCES orders (order_id),
    venue_fill_id TEXT,
    price         TEXT NOT NULL,
    quantity      TEXT NOT NULL,
    fee           TEXT NOT NULL DEFAULT '0',
    fee_currency  TEXT NOT NULL DEFAULT '',
    liquidity     TEXT CHECK (liquidity IS NULL OR liquidity IN ('maker', 'taker')),
    ts            INTEGER NOT NULL,
    UNIQUE (order_id, venue_fill_id)
);
CREATE INDEX fills_ts ON fills (ts);
)sql";

// Users' own market scenarios for the simulator (engine/sim/scenario_json.h describes the definition).
constexpr const char *kSchemaV2 = R"sql(
CREATE TABLE scenarios (
    name        TEXT PRIMARY KEY CHECK (name <> ''),
    description TEXT NOT NULL DEFAULT '',
    definition  TEXT NOT NULL CHECK (json_valid(definition)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
)sql";

// Parameter searches and every evaluation they made (engine/backtest/optimizer.h).
constexpr const char *kSchemaV3 = R"sql(
CREATE TABLE optimization_runs (
    run_id       INTEGER PRIMARY KEY,
    strategy     TEXT NOT NULL,
    symbol       TEXT NOT NULL,
    interval     TEXT NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('grid', 'random', 'genetic')),
    objectives   TEXT NOT NULL CHECK (json_valid(objectives)),
    ranges       TEXT NOT NULL CHECK (json_valid(ranges)),
    base_params  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(base_params)),
    data_from    INTEGER,
    data_to      INTEGER,
    seed         INTEGER,
    evaluations  INTEGER NOT NULL DEFAULT 0,
    cancelled    INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL
);
CREATE TABLE optimization_results (
    run_id      INTEGER NOT NULL REFERENCES optimization_runs (run_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    params      TEXT NOT NULL CHECK (json_valid(params)),
    objectives  TEXT NOT NULL CHECK (json_valid(objectives)),
    rank        INTEGER NOT NULL,
    error       TEXT,
    PRIMARY KEY (run_id, position)
) WITHOUT ROWID;
)sql";

// Trades (ticks) as imported (engine/store/trade_import.h): one row per trade, keyed by the venue's id.
constexpr const char *kSchemaV4 = R"sql(
CREATE TABLE trades (
    symbol    TEXT NOT NULL,
    venue     TEXT NOT NULL DEFAULT '',
    ts        INTEGER NOT NULL,
    trade_id  INTEGER NOT NULL,
    price     REAL NOT NULL CHECK (price > 0),
    quantity  REAL NOT NULL CHECK (quantity > 0),
    aggressor TEXT NOT NULL DEFAULT '' CHECK (aggressor IN ('buy', 'sell', '')),
    source    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (symbol, venue, trade_id)
) WITHOUT ROWID;
CREATE INDEX trades_symbol_ts ON trades (symbol, ts);
)sql";

// Order-book messages (LOBSTER, engine/backtest/book_store.h): one row per message with the visible book
// after it; the versions of imported data sets; and the catalogue of binary replay files built from them
// (engine/backtest/replay_cache.h), which live beside the database.
constexpr const char *kSchemaV5 = R"sql(
CREATE TABLE book_messages (
    symbol    TEXT NOT NULL,
    venue     TEXT NOT NULL DEFAULT '',
    ts        INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    type      INTEGER NOT NULL CHECK (type BETWEEN 1 AND 7),
    order_id  INTEGER NOT NULL,
    size      INTEGER NOT NULL CHECK (size >= 0),
    price     INTEGER NOT NULL,
    direction INTEGER NOT NULL CHECK (direction IN (-1, 1)),
    book      BLOB NOT NULL CHECK (length(book) > 0 AND length(book) % 32 = 0),
    source    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (symbol, venue, ts, seq)
) WITHOUT ROWID;
CREATE TABLE dataset_versions (
    symbol     TEXT NOT NULL,
    venue      TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL CHECK (kind IN ('trades', 'book')),
    version    INTEGER NOT NULL CHECK (version > 0),
    changed_at INTEGER NOT NULL,
    PRIMARY KEY (symbol, venue, kind)
) WITHOUT ROWID;
CREATE TABLE replay_cache (
    symbol     TEXT NOT NULL,
    venue      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    from_ts    INTEGER NOT NULL,
    to_ts      INTEGER NOT NULL,
    scale      TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL,
    file       TEXT NOT NULL,
    events     INTEGER NOT NULL CHECK (events >= 0),
    checksum   INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (symbol, venue, kind, from_ts, to_ts, scale)
) WITHOUT ROWID;
)sql";

// The risk journal (engine/risk/risk_store.h): alerts and trading-state changes.
constexpr const char *kSchemaV6 = R"sql(
CREATE TABLE risk_alerts (
    alert_id        INTEGER PRIMARY KEY,
    ts              INTEGER NOT NULL,
    metric          TEXT NOT NULL,
    level           TEXT NOT NULL CHECK (level IN ('info', 'warning', 'critical')),
    instrument      INTEGER,
    value           REAL,
    threshold       REAL,
    message         TEXT NOT NULL,
    acknowledged_at INTEGER
);
CREATE INDEX risk_alerts_open ON risk_alerts (acknowledged_at, alert_id);
CREATE TABLE trading_state_log (
    change_id  INTEGER PRIMARY KEY,
    ts         INTEGER NOT NULL,
    from_state TEXT NOT NULL CHECK (from_state IN ('ACTIVE', 'REDUCING', 'HALTED')),
    to_state   TEXT NOT NULL CHECK (to_state IN ('ACTIVE', 'REDUCING', 'HALTED')),
    reason     TEXT NOT NULL
);
)sql";

// The OMS journal (engine/oms/order_manager.h): what instrument each order is for and who sent it, every
// state change of every order; and what the simulated venue keeps (engine/oms/sim_venue.h).
constexpr const char *kSchemaV7 = R"sql(
ALTER TABLE orders ADD COLUMN strategy TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN instrument_id INTEGER;
ALTER TABLE orders ADD COLUMN tick_size TEXT;
ALTER TABLE orders ADD COLUMN lot_size TEXT;
CREATE TABLE order_events (
    event_id        INTEGER PRIMARY KEY,
    order_id        INTEGER NOT NULL REFERENCES orders (order_id),
    ts              INTEGER NOT NULL,
    from_status     TEXT,
    to_status       TEXT NOT NULL,
    filled_quantity TEXT NOT NULL,
    detail          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_events_order ON order_events (order_id, event_id);
CREATE TABLE sim_venue_orders (
    venue           TEXT NOT NULL,
    client_order_id TEXT NOT NULL,
    matching_id     INTEGER NOT NULL,
    instrument_id   INTEGER NOT NULL,
    symbol          TEXT NOT NULL,
    tick_size       TEXT NOT NULL,
    lot_size        TEXT NOT NULL,
    side            TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
    kind            TEXT NOT NULL CHECK (kind IN ('limit', 'market')),
    price           INTEGER NOT NULL,
    quantity        INTEGER NOT NULL,
    filled          INTEGER NOT NULL,
    status          TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    ts              INTEGER NOT NULL,
    PRIMARY KEY (venue, client_order_id)
) WITHOUT ROWID;
CREATE TABLE sim_venue_fills (
    venue           TEXT NOT NULL,
    fill_id         TEXT NOT NULL,
    client_order_id TEXT NOT NULL,
    price           INTEGER NOT NULL,
    quantity        INTEGER NOT NULL,
    fee             REAL NOT NULL,
    maker           INTEGER NOT NULL,
    ts              INTEGER NOT NULL,
    UNIQUE (venue, fill_id)
);
)sql";

// The signal journal (engine/signal/signal_store.h): every opportunity the pipeline published, with the
// time it passed each stage.
constexpr const char *kSchemaV8 = R"sql(
CREATE TABLE signals (
    signal_id      INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL,
    session        TEXT NOT NULL DEFAULT '',
    ts             INTEGER NOT NULL,
    instrument_id  INTEGER NOT NULL,
    direction      TEXT NOT NULL CHECK (direction IN ('long', 'short')),
    strength       REAL NOT NULL,
    confidence     REAL NOT NULL,
    signal_count   INTEGER NOT NULL,
    sources        TEXT NOT NULL,
    reason         TEXT NOT NULL,
    received_ns    INTEGER NOT NULL,
    featured_ns    INTEGER NOT NULL,
    evaluated_ns   INTEGER NOT NULL,
    aggregated_ns  INTEGER NOT NULL,
    guarded_ns     INTEGER NOT NULL,
    published_ns   INTEGER NOT NULL
);
CREATE INDEX signals_time ON signals (ts);
)sql";

constexpr Migration kMigrations[] = {
    {1, "initial schema", kSchemaV1},
    {2, "users' simulator scenarios", kSchemaV2},
    {3, "parameter searches and their evaluations", kSchemaV3},
    {4, "trades", kSchemaV4},
    {5, "order-book messages, data set versions, replay cache catalogue", kSchemaV5},
    {6, "risk alerts and trading-state changes", kSchemaV6},
    {7, "order journal, simulated venue", kSchemaV7},
    {8, "signal journal", kSchemaV8},
};

} // namespace

std::span<const Migration> schemaMigrations() noexcept
{
    return kMigrations;
}

int latestSchemaVersion() noexcept
{
    return kMigrations[std::size(kMigrations) - 1].version;
}

} // namespace meridian::store
