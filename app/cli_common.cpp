// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "cli_common.h"

#include "backtest/bar_source.h"
#include "core/timestamp.h"
#include "sim/calibration/calibration_store.h"
#include "strategy/plugin_registry.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace meridian::app {

CliStrategy::CliStrategy() : m_registry(std::make_unique<strategy::PluginRegistry>()) {}

CliStrategy::~CliStrategy() = default;

bool CliStrategy::resolve(const AppPaths &paths, const QString &id, const QStringList &assignments, QString &why)
{
    std::vector<std::string> folders;
    for (const QString &folder : pluginFolders(paths))
        folders.push_back(folder.toStdString());
    m_registry->discover(folders);
    const strategy::PluginLibrary *plugin = m_registry->find(id.toStdString());
    if (!plugin || plugin->info().kind != strategy::PluginKind::Strategy) {
        QStringList known;
        for (const auto &p : m_registry->plugins())
            if (p->info().kind == strategy::PluginKind::Strategy)
                known << QString::fromStdString(p->info().id);
        why = tr("unknown strategy \"%1\" (known: %2)").arg(id, known.join(QStringLiteral(", ")));
        return false;
    }
    QJsonObject params;
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            why = tr("--param \"%1\": write name=value").arg(assignment);
            return false;
        }
        const QString name = assignment.left(eq), text = assignment.mid(eq + 1);
        const auto &specs = plugin->info().parameters;
        const auto spec = std::find_if(specs.begin(), specs.end(),
                                       [&](const strategy::ParameterSpec &p) { return p.name == name.toStdString(); });
        if (spec == specs.end()) {
            QStringList names;
            for (const auto &p : specs)
                names << QString::fromStdString(p.name);
            why =
                tr("strategy %1 has no parameter \"%2\" (it has: %3)").arg(id, name, names.join(QStringLiteral(", ")));
            return false;
        }
        bool parsed = true;
        switch (spec->type) {
        case strategy::ParameterType::Int:
            params.insert(name, text.toLongLong(&parsed));
            break;
        case strategy::ParameterType::Float:
            params.insert(name, text.toDouble(&parsed));
            break;
        case strategy::ParameterType::Bool:
            parsed = text == QLatin1String("true") || text == QLatin1String("false");
            params.insert(name, text == QLatin1String("true"));
            break;
        default:
            params.insert(name, text);
        }
        if (!parsed) {
            why = tr("--param %1: \"%2\" is not a valid value").arg(name, text);
            return false;
        }
    }
    m_info = &plugin->info();
    m_parameters = QJsonDocument(params).toJson(QJsonDocument::Compact).toStdString();
    return true;
}

CliStrategy::Resolved CliStrategy::instrumentFor(store::Database &db, const std::string &symbol)
{
    const backtest::ResolvedInstrument resolved = backtest::resolveInstrument(db, symbol);
    return {resolved.spec, resolved.fromDatabase ? QStringLiteral("database") : QStringLiteral("default"),
            resolved.lastPrice};
}

CliStrategy::ResolvedMarket CliStrategy::marketFor(store::Database &db, const std::string &symbol)
{
    const Resolved resolved = instrumentFor(db, symbol);
    ResolvedMarket r;
    r.market.instrument.spec = resolved.spec;
    r.source = resolved.source;
    const double price = resolved.lastPrice > 0 ? resolved.lastPrice
                         : symbol == "BTCUSDT"  ? 30000
                         : symbol == "ETHUSDT"  ? 2000
                                                : 100;
    const double tick = r.market.instrument.spec.tickSize.toDouble();
    r.market.instrument.initialPrice = std::max(1.0, std::round(price / tick));
    return r;
}

sim::CalibrationFactors CliStrategy::calibrationOf(store::Database &db, const std::string &symbol,
                                                   const std::string &scenario)
{
    const auto active = sim::calibration::activeCalibration(db, symbol, scenario);
    return active && *active ? (*active)->factors : sim::CalibrationFactors{};
}

bool readTimeOptions(const QCommandLineParser &parser,
                     std::initializer_list<std::pair<const QCommandLineOption *, std::int64_t *>> options, QString &why)
{
    for (const auto &[option, target] : options) {
        if (!parser.isSet(*option))
            continue;
        const auto t = Timestamp::parseIso8601(parser.value(*option).toStdString());
        if (!t) {
            why =
                QStringLiteral("--%1: %2").arg(option->names().constFirst(), QString::fromStdString(t.error().message));
            return false;
        }
        *target = t->nanoseconds();
    }
    return true;
}

Result<std::unique_ptr<runtime::PaperSession>>
createDefaultPaperSession(const AppPaths &paths, const std::string &scenario,
                          const std::vector<runtime::PaperStrategy> *strategies)
{
    runtime::PaperConfig config;
    if (!scenario.empty())
        config.scenario = scenario;
    if (!strategies) {
        CliStrategy strategy;
        QString why;
        if (!strategy.resolve(paths, QStringLiteral("adaptive_mm"), {QStringLiteral("sample_ms=100")}, why))
            return tl::unexpected(Error{ErrorCode::NotFound, why.toStdString()});
        config.strategyPath = strategy.info().path;
        config.strategyParams = strategy.parametersJson();
    }
    config.initialCapital = 100'000;
    config.warmupNs = 60'000'000'000; // the market's first minute fast-forwarded: a book and quotes at once
    config.limits = runtime::defaultPaperLimits(config.initialCapital);
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    config.seed = static_cast<std::uint64_t>(nowMs);
    config.startTimeNs = (nowMs * 1'000'000) - config.warmupNs; // after the warm-up, the clocks agree
    config.journalPath = paths.databasePath.toStdString();
    {
        QDir().mkpath(QFileInfo(paths.databasePath).absolutePath());
        auto db = store::Database::open(config.journalPath);
        if (!db)
            return tl::unexpected(db.error());
        config.market = CliStrategy::marketFor(*db, "BTCUSDT").market;
        config.calibration = CliStrategy::calibrationOf(*db, "BTCUSDT", config.scenario);
        // A second instrument that moves with the first, for pairs and arbitrage and for views to switch to.
        config.moreMarkets.push_back(CliStrategy::marketFor(*db, "ETHUSDT").market);
        config.market.commonLoading = 1;
        config.moreMarkets.back().commonLoading = 1;
        config.commonFactor.sigma = 2e-4;
    }
    auto session = runtime::PaperSession::create(std::move(config));
    if (session && strategies)
        for (const runtime::PaperStrategy &s : *strategies)
            (*session)->addStrategy(s.path, s.parameters, s.state == "running");
    return session;
}

} // namespace meridian::app
