// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "app_environment.h"
#include "core/instrument.h"
#include "runtime/paper_session.h"
#include "sim/scenario.h"
#include "store/database.h"
#include "strategy/plugin_library.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>

class QCommandLineOption;
class QCommandLineParser;

namespace meridian::strategy {
class PluginRegistry;
}

namespace meridian::app {

/// What the commands that run a strategy share: finding the plugin, typing its --param values, and the
/// instrument a symbol stands for.
class CliStrategy
{
    Q_DECLARE_TR_FUNCTIONS(CliStrategy)
public:
    CliStrategy();
    ~CliStrategy();

    /// Finds the strategy plugin with this id in the user's, the installed and the build tree's folders and
    /// turns name=value assignments into its parameters (typed by its schema). Returns false with why.
    bool resolve(const AppPaths &paths, const QString &id, const QStringList &assignments, QString &why);
    const strategy::PluginInfo &info() const { return *m_info; }
    const std::string &parametersJson() const { return m_parameters; }

    /// The instrument a symbol stands for: from the instruments table when it is there, otherwise a default
    /// (BTCUSDT and ETHUSDT: 0.01 and 0.001 in USDT; others 0.01 and 1 in USD). source says which; lastPrice
    /// is the last close in market_data, 0 when none.
    struct Resolved
    {
        InstrumentSpec spec;
        QString source;
        double lastPrice = 0;
    };
    static Resolved instrumentFor(store::Database &db, const std::string &symbol);

    /// The market to simulate for a symbol: its instrument and an initial price, the last close in the
    /// database or a default (BTCUSDT 30 000, ETHUSDT 2 000, others 100). source: "database" or "default".
    struct ResolvedMarket
    {
        sim::MarketSetup market;
        QString source;
    };
    static ResolvedMarket marketFor(store::Database &db, const std::string &symbol);
    /// The active calibration of (symbol, scenario) in calibration_params, or neutral factors.
    static sim::CalibrationFactors calibrationOf(store::Database &db, const std::string &symbol,
                                                 const std::string &scenario);

private:
    std::unique_ptr<strategy::PluginRegistry> m_registry;
    const strategy::PluginInfo *m_info = nullptr;
    std::string m_parameters;
};

/// Reads the time options that are set (ISO 8601) into their targets (ns since the epoch, UTC), leaving the
/// others as they are. Returns false with why ("--option: what is wrong") at the first that does not parse.
bool readTimeOptions(const QCommandLineParser &parser,
                     std::initializer_list<std::pair<const QCommandLineOption *, std::int64_t *>> options,
                     QString &why);

/// The paper session the workstation starts with: BTCUSDT and ETHUSDT moving together, adaptive_mm
/// (sampling the mid every 100 ms) quoting BTCUSDT, in the normal scenario at 1×, journalled in the user's
/// database. Errors: as
/// PaperSession::create, or NotFound when the plugin is not installed.
/// A restart in another scenario passes the strategies the running session had (possibly none): they are
/// added instead, with their parameters, and started when they ran.
Result<std::unique_ptr<runtime::PaperSession>>
createDefaultPaperSession(const AppPaths &paths, const std::string &scenario = {},
                          const std::vector<runtime::PaperStrategy> *strategies = nullptr);

} // namespace meridian::app
