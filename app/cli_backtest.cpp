// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "cli_backtest.h"

#include "app_environment.h"
#include "backtest/bar_source.h"
#include "backtest/optimization_store.h"
#include "backtest/optimizer.h"
#include "backtest/replay_cache.h"
#include "cli_common.h"
#ifdef MERIDIAN_HAVE_MPI
#include "cli_mpi.h"
#endif
#include "report/backtest_report.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace meridian::app {

namespace {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

/// The options both commands take, and what they make of them.
struct Common
{
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")}, BacktestCommand::tr("Show this help.")};
    QCommandLineOption symbol{QStringLiteral("symbol"), BacktestCommand::tr("The instrument whose bars to use."),
                              BacktestCommand::tr("symbol")};
    QCommandLineOption venue{QStringLiteral("venue"), BacktestCommand::tr("Its venue (default: any)."),
                             BacktestCommand::tr("venue")};
    QCommandLineOption interval{QStringLiteral("interval"), BacktestCommand::tr("The bar interval (default 1h)."),
                                BacktestCommand::tr("interval"), QStringLiteral("1h")};
    QCommandLineOption from{QStringLiteral("from"),
                            BacktestCommand::tr("First bar's open time, ISO 8601 (default: the first)."),
                            BacktestCommand::tr("time")};
    QCommandLineOption to{QStringLiteral("to"),
                          BacktestCommand::tr("End, ISO 8601, exclusive (default: after the last)."),
                          BacktestCommand::tr("time")};
    QCommandLineOption strategy{QStringLiteral("strategy"), BacktestCommand::tr("The strategy plugin id."),
                                BacktestCommand::tr("id")};
    QCommandLineOption param{QStringLiteral("param"), BacktestCommand::tr("A strategy parameter; repeat for more."),
                             BacktestCommand::tr("name=value")};
    QCommandLineOption capital{QStringLiteral("capital"), BacktestCommand::tr("Initial capital (default 100000)."),
                               BacktestCommand::tr("amount"), QStringLiteral("100000")};
    QCommandLineOption makerFee{QStringLiteral("maker-fee"),
                                BacktestCommand::tr("Maker fee, a fraction of notional (default 0)."),
                                BacktestCommand::tr("fraction"), QStringLiteral("0")};
    QCommandLineOption takerFee{QStringLiteral("taker-fee"),
                                BacktestCommand::tr("Taker fee, a fraction of notional (default 0)."),
                                BacktestCommand::tr("fraction"), QStringLiteral("0")};
    QCommandLineOption slippage{QStringLiteral("slippage-ticks"),
                                BacktestCommand::tr("Slippage of market and stop orders, in ticks (default 0)."),
                                BacktestCommand::tr("ticks"), QStringLiteral("0")};
    QCommandLineOption database{QStringLiteral("database"),
                                BacktestCommand::tr("The database file (default: the one in the data folder)."),
                                BacktestCommand::tr("path")};
    QCommandLineOption json{QStringLiteral("json"), BacktestCommand::tr("Print the result as one JSON object.")};
    QCommandLineOption margin{QStringLiteral("margin"),
                              BacktestCommand::tr("Initial margin as a fraction of notional: 1 fully paid, 0.1 ten "
                                                  "times leverage (default 0: no margin check, unlimited credit)."),
                              BacktestCommand::tr("fraction"), QStringLiteral("0")};
    QCommandLineOption maintenance{QStringLiteral("maintenance-margin"),
                                   BacktestCommand::tr("Equity below this fraction of the positions' notional "
                                                       "liquidates them (default 0: never)."),
                                   BacktestCommand::tr("fraction"), QStringLiteral("0")};
    QCommandLineOption data{QStringLiteral("data"),
                            BacktestCommand::tr("bars (default), book (imported LOBSTER messages: an order-book "
                                                "backtest with queue position) or trades (imported trades)."),
                            BacktestCommand::tr("kind"), QStringLiteral("bars")};
    QCommandLineOption latency{QStringLiteral("latency-us"),
                               BacktestCommand::tr("book and trades: order-entry and market-data latency in "
                                                   "microseconds (default 0)."),
                               BacktestCommand::tr("us"), QStringLiteral("0")};
    QCommandLineOption report{QStringLiteral("report"),
                              BacktestCommand::tr("Also write an HTML report with charts into this folder."),
                              BacktestCommand::tr("folder")};

    void add(QCommandLineParser &parser) const
    {
        parser.addOptions({help, symbol, venue, interval, from, to, strategy, param, capital, makerFee, takerFee,
                           slippage, database, json, report, data, latency, margin, maintenance});
    }
};

QJsonObject statisticsJson(const metrics::Statistics &s)
{
    return QJsonObject{{QStringLiteral("total_days"), static_cast<qint64>(s.totalDays)},
                       {QStringLiteral("end_balance"), s.endBalance},
                       {QStringLiteral("total_return"), s.totalReturn},
                       {QStringLiteral("annual_return"), s.annualReturn},
                       {QStringLiteral("cagr"), s.cagr},
                       {QStringLiteral("volatility"), s.volatility},
                       {QStringLiteral("sharpe_ratio"), s.sharpeRatio},
                       {QStringLiteral("sortino_ratio"), s.sortinoRatio},
                       {QStringLiteral("calmar_ratio"), s.calmarRatio},
                       {QStringLiteral("max_drawdown"), s.maxDrawdown},
                       {QStringLiteral("max_drawdown_percent"), s.maxDrawdownPercent},
                       {QStringLiteral("max_drawdown_duration"), static_cast<qint64>(s.maxDrawdownDuration)},
                       {QStringLiteral("var_95"), s.var95},
                       {QStringLiteral("cvar_95"), s.cvar95},
                       {QStringLiteral("total_commission"), s.totalCommission},
                       {QStringLiteral("total_turnover"), s.totalTurnover},
                       {QStringLiteral("total_trades"), static_cast<qint64>(s.totalTrades)},
                       {QStringLiteral("closed_trades"), static_cast<qint64>(s.closedTrades)},
                       {QStringLiteral("win_rate"), s.winRate},
                       {QStringLiteral("profit_factor"), std::isfinite(s.profitFactor) ? s.profitFactor : -1.0},
                       {QStringLiteral("expectancy"), s.expectancy}};
}

} // namespace

QString BacktestCommand::backtestSummary()
{
    return tr("Backtest a strategy over imported bars");
}

QString BacktestCommand::optimizeSummary()
{
    return tr("Search a strategy's parameters over imported bars");
}

namespace {

/// Parses the options both commands share into the bars, the strategy and the backtest configuration.
struct Prepared
{
    std::vector<backtest::BarSeries> series;
    CliStrategy strategy;
    backtest::BarBacktestConfig config;
};

} // namespace

static bool prepare(const QCommandLineParser &parser, const Common &c, Prepared &p, QString &why, bool &usage)
{
    usage = true;
    const std::string symbol = parser.value(c.symbol).toStdString();
    if (symbol.empty()) {
        why = BacktestCommand::tr("--symbol is required");
        return false;
    }
    if (!parser.isSet(c.strategy)) {
        why = BacktestCommand::tr("--strategy is required");
        return false;
    }
    bool ok = true;
    p.config.initialCapital = parser.value(c.capital).toDouble(&ok);
    if (!ok || !(p.config.initialCapital > 0)) {
        why = BacktestCommand::tr("--capital must be a positive amount, not \"%1\"").arg(parser.value(c.capital));
        return false;
    }
    for (const auto &[option, target] :
         {std::pair{&c.makerFee, &p.config.makerFee}, std::pair{&c.takerFee, &p.config.takerFee}}) {
        *target = parser.value(*option).toDouble(&ok);
        if (!ok || !std::isfinite(*target) || std::fabs(*target) >= 1) {
            why = BacktestCommand::tr("--%1 must be a fraction such as 0.0004, not \"%2\"")
                      .arg(option->names().constFirst(), parser.value(*option));
            return false;
        }
    }
    p.config.initialMargin = parser.value(c.margin).toDouble(&ok);
    const bool marginOk = ok && p.config.initialMargin >= 0 && p.config.initialMargin <= 10;
    p.config.maintenanceMargin = parser.value(c.maintenance).toDouble(&ok);
    if (!marginOk || !ok || !(p.config.maintenanceMargin >= 0) || p.config.maintenanceMargin > p.config.initialMargin) {
        why = BacktestCommand::tr("--margin must be between 0 and 10, and --maintenance-margin between 0 and --margin");
        return false;
    }
    p.config.slippageTicks = parser.value(c.slippage).toLongLong(&ok);
    if (!ok || p.config.slippageTicks < 0) {
        why = BacktestCommand::tr("--slippage-ticks must be a whole number ≥ 0");
        return false;
    }
    std::int64_t from = std::numeric_limits<std::int64_t>::min(), to = std::numeric_limits<std::int64_t>::max();
    if (!readTimeOptions(parser, {{&c.from, &from}, {&c.to, &to}}, why))
        return false;
    const AppPaths paths = resolvePaths(parser.value(c.database));
    if (!p.strategy.resolve(paths, parser.value(c.strategy), parser.values(c.param), why))
        return false;
    auto db = store::Database::open(paths.databasePath.toStdString());
    if (!db) {
        usage = false;
        why = QString::fromStdString(db.error().message);
        return false;
    }
    const CliStrategy::Resolved resolved = CliStrategy::instrumentFor(*db, symbol);
    auto instrument = Instrument::create(resolved.spec);
    if (!instrument) {
        why = QString::fromStdString(instrument.error().message);
        return false;
    }
    auto bars = backtest::loadBars(*db, *instrument, parser.value(c.venue).toStdString(),
                                   parser.value(c.interval).toStdString(), from, to);
    if (!bars) {
        why = QString::fromStdString(bars.error().message);
        return false;
    }
    p.series.push_back(std::move(*bars));
    return true;
}

/// `backtest --data book|trades`: an order-book backtest over imported messages or trades, read through the
/// replay cache.
static int replayBacktest(const QCommandLineParser &parser, const Common &c, bool book,
                          const BacktestCommand::Writer &out, const BacktestCommand::Writer &err)
{
    const auto refuse = [&](const QString &why, int code = UsageError) {
        err(BacktestCommand::tr("meridian-cli backtest: %1\n").arg(why));
        return code;
    };
    if (parser.isSet(c.report))
        return refuse(
            BacktestCommand::tr("--report is for bar backtests; book and trades backtests print their figures"));
    // The options the bar path checks (symbol, strategy, capital, fees, period) are checked the same way.
    Prepared checked;
    QString why;
    const std::string symbol = parser.value(c.symbol).toStdString();
    if (symbol.empty())
        return refuse(BacktestCommand::tr("--symbol is required"));
    if (!parser.isSet(c.strategy))
        return refuse(BacktestCommand::tr("--strategy is required"));
    bool ok = true;
    backtest::L2BacktestConfig config;
    config.initialCapital = parser.value(c.capital).toDouble(&ok);
    if (!ok || !(config.initialCapital > 0))
        return refuse(
            BacktestCommand::tr("--capital must be a positive amount, not \"%1\"").arg(parser.value(c.capital)));
    config.makerFee = parser.value(c.makerFee).toDouble(&ok);
    const bool makerOk = ok && std::isfinite(config.makerFee) && std::fabs(config.makerFee) < 1;
    config.takerFee = parser.value(c.takerFee).toDouble(&ok);
    if (!makerOk || !ok || !std::isfinite(config.takerFee) || std::fabs(config.takerFee) >= 1)
        return refuse(BacktestCommand::tr("--maker-fee and --taker-fee must be fractions such as 0.0004"));
    const qlonglong latencyUs = parser.value(c.latency).toLongLong(&ok);
    if (!ok || latencyUs < 0)
        return refuse(BacktestCommand::tr("--latency-us must be a whole number ≥ 0"));
    config.entryLatencyNs = config.marketDataLatencyNs = latencyUs * 1'000;
    std::int64_t fromNs = std::numeric_limits<std::int64_t>::min(), toNs = std::numeric_limits<std::int64_t>::max();
    if (!readTimeOptions(parser, {{&c.from, &fromNs}, {&c.to, &toNs}}, why))
        return refuse(why);
    const AppPaths paths = resolvePaths(parser.value(c.database));
    if (!checked.strategy.resolve(paths, parser.value(c.strategy), parser.values(c.param), why))
        return refuse(why);
    auto db = store::Database::open(paths.databasePath.toStdString());
    if (!db)
        return refuse(QString::fromStdString(db.error().message), Failure);
    // The replay cache lives beside the database; SQLite keeps its catalogue.
    const std::string cache = backtest::replayCacheFolder(paths.databasePath.toStdString());
    // Several symbols (comma-separated) replay together, merged in time order; plugin ids follow their order.
    std::vector<Instrument> instruments;
    std::vector<std::vector<backtest::DepthEvent>> streams;
    bool allFromCache = true;
    for (const QString &name : QString::fromStdString(symbol).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        auto source = backtest::replaySource(*db, name.trimmed().toStdString(), parser.value(c.venue).toStdString(),
                                             book ? store::DatasetKind::Book : store::DatasetKind::Trades, fromNs, toNs,
                                             static_cast<InstrumentId>(instruments.size() + 1));
        if (!source)
            return refuse(QString::fromStdString(source.error().message));
        auto replay = backtest::loadReplay(*db, cache, source->request);
        if (!replay)
            return refuse(QString::fromStdString(replay.error().message),
                          replay.error().code == ErrorCode::NotFound ? UsageError : Failure);
        if (!replay->cacheProblem.empty())
            err(BacktestCommand::tr("meridian-cli backtest: replay cache not used for %1: %2\n")
                    .arg(name, QString::fromStdString(replay->cacheProblem)));
        allFromCache = allFromCache && replay->fromCache;
        instruments.push_back(source->instrument);
        streams.push_back(std::move(replay->events));
    }
    std::vector<std::span<const backtest::DepthEvent>> spans(streams.begin(), streams.end());
    const auto r = backtest::runL2Backtest(instruments, spans, checked.strategy.info().path,
                                           checked.strategy.parametersJson(), config);
    if (!r)
        return refuse(QString::fromStdString(r.error().message));
    if (parser.isSet(c.json)) {
        const QJsonObject o{{QStringLiteral("strategy"), QString::fromStdString(checked.strategy.info().id)},
                            {QStringLiteral("parameters"), QString::fromStdString(checked.strategy.parametersJson())},
                            {QStringLiteral("data"), book ? QStringLiteral("book") : QStringLiteral("trades")},
                            {QStringLiteral("events"), static_cast<qint64>(r->events)},
                            {QStringLiteral("from_cache"), allFromCache},
                            {QStringLiteral("book_callbacks"), static_cast<qint64>(r->bookCallbacks)},
                            {QStringLiteral("orders"), static_cast<qint64>(r->orders)},
                            {QStringLiteral("fills"), static_cast<qint64>(r->fills.size())},
                            {QStringLiteral("round_trips"), static_cast<qint64>(r->trades.size())},
                            {QStringLiteral("final_equity"), r->finalEquity},
                            {QStringLiteral("strategy_error"), QString::fromStdString(r->strategyError)}};
        out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return Success;
    }
    QString text =
        BacktestCommand::tr("%1 over %2 %3 events of %4 (%5): %6 orders, %7 fills, final equity %8\n")
            .arg(QString::fromStdString(checked.strategy.info().id))
            .arg(r->events)
            .arg(book ? BacktestCommand::tr("order-book") : BacktestCommand::tr("trade"),
                 QString::fromStdString(symbol),
                 allFromCache ? BacktestCommand::tr("from the replay cache") : BacktestCommand::tr("from the database"))
            .arg(r->orders)
            .arg(r->fills.size())
            .arg(r->finalEquity, 0, 'f', 2);
    if (!r->strategyError.empty())
        text += BacktestCommand::tr("  The strategy stopped early: %1\n").arg(QString::fromStdString(r->strategyError));
    out(text);
    return Success;
}

int BacktestCommand::backtest(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Runs a strategy plugin over bars imported with meridian-cli import: it sees "
                                        "each bar at its close, its orders fill from the next bar."));
    const Common c;
    c.add(parser);
    const auto refuse = [&](const QString &why, int code = UsageError) {
        m_err(tr("meridian-cli backtest: %1\n").arg(why));
        return code;
    };
    if (!parser.parse(QStringList{QStringLiteral("meridian-cli")} + arguments))
        return refuse(parser.errorText());
    if (parser.isSet(c.help)) {
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), QStringLiteral("meridian-cli backtest"));
        m_out(text);
        return Success;
    }
    const QString data = parser.value(c.data);
    if (data == QLatin1String("book") || data == QLatin1String("trades"))
        return replayBacktest(parser, c, data == QLatin1String("book"), m_out, m_err);
    if (data != QLatin1String("bars"))
        return refuse(tr("--data must be bars, book or trades, not \"%1\"").arg(data));
    Prepared p;
    QString why;
    bool usage = true;
    if (!prepare(parser, c, p, why, usage))
        return refuse(why, usage ? UsageError : Failure);
    const auto r = backtest::runBarBacktest(p.series, p.strategy.info().path, p.strategy.parametersJson(), p.config);
    if (!r)
        return refuse(QString::fromStdString(r.error().message));
    if (parser.isSet(c.report)) {
        QString error;
        const QString path =
            ui::BacktestReport::write(parser.value(c.report),
                                      ui::BacktestReport::fromBarBacktest(p.series.front(), *r, p.strategy.info().id,
                                                                          p.strategy.parametersJson(), p.config),
                                      &error);
        if (path.isEmpty())
            return refuse(error, Failure);
        m_err(tr("meridian-cli backtest: report written to %1\n").arg(path));
    }
    if (parser.isSet(c.json)) {
        QJsonObject o{{QStringLiteral("strategy"), QString::fromStdString(p.strategy.info().id)},
                      {QStringLiteral("parameters"), QString::fromStdString(p.strategy.parametersJson())},
                      {QStringLiteral("bars"), static_cast<qint64>(r->bars)},
                      {QStringLiteral("orders"), static_cast<qint64>(r->orders)},
                      {QStringLiteral("rejected"), static_cast<qint64>(r->rejected)},
                      {QStringLiteral("margin_rejections"), static_cast<qint64>(r->marginRejections)},
                      {QStringLiteral("liquidations"), static_cast<qint64>(r->liquidations)},
                      {QStringLiteral("fills"), static_cast<qint64>(r->fills.size())},
                      {QStringLiteral("final_equity"), r->finalEquity},
                      {QStringLiteral("strategy_error"), QString::fromStdString(r->strategyError)}};
        if (r->statistics)
            o.insert(QStringLiteral("statistics"), statisticsJson(*r->statistics));
        else
            o.insert(QStringLiteral("statistics_error"), QString::fromStdString(r->statisticsError));
        m_out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return Success;
    }
    QString text = tr("%1 over %2 bars of %3: %4 orders, %5 fills, final equity %6\n")
                       .arg(QString::fromStdString(p.strategy.info().id))
                       .arg(r->bars)
                       .arg(QString::fromStdString(p.series[0].instrument.symbol()))
                       .arg(r->orders)
                       .arg(r->fills.size())
                       .arg(r->finalEquity, 0, 'f', 2);
    if (r->statistics) {
        const metrics::Statistics &s = *r->statistics;
        text += tr("  Total return   %1%\n  CAGR           %2%\n  Sharpe ratio   %3\n  Max drawdown   %4% over %5 "
                   "days\n  Win rate       %6% of %7 round trips\n")
                    .arg(s.totalReturn * 100, 0, 'f', 2)
                    .arg(s.cagr * 100, 0, 'f', 2)
                    .arg(s.sharpeRatio, 0, 'f', 3)
                    .arg(s.maxDrawdownPercent * 100, 0, 'f', 2)
                    .arg(s.maxDrawdownDuration)
                    .arg(s.winRate * 100, 0, 'f', 1)
                    .arg(s.closedTrades);
    } else {
        text += tr("  No statistics: %1\n").arg(QString::fromStdString(r->statisticsError));
    }
    if (r->marginRejections > 0 || r->liquidations > 0)
        text += tr("  Margin: %1 orders rejected, %2 margin calls liquidated the positions\n")
                    .arg(r->marginRejections)
                    .arg(r->liquidations);
    if (!r->strategyError.empty())
        text += tr("  The strategy stopped early: %1\n").arg(QString::fromStdString(r->strategyError));
    m_out(text);
    return Success;
}

int BacktestCommand::optimize(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Searches a strategy's parameters: every point of a grid, a random sample of it, or a genetic search "
           "(NSGA-II) over one or more objectives. Ranges: name=min:max:step, or name=a|b|c for choices."));
    const Common c;
    c.add(parser);
    const QCommandLineOption range(QStringLiteral("range"), tr("A parameter to vary; repeat for more."),
                                   tr("name=min:max:step"));
    const QCommandLineOption method(QStringLiteral("method"), tr("grid, random or genetic (default grid)."),
                                    tr("method"), QStringLiteral("grid"));
    const QCommandLineOption objective(QStringLiteral("objective"),
                                       tr("What to optimise, as name or name:min (default sharpe_ratio); repeat for "
                                          "several (genetic)."),
                                       tr("objective"));
    const QCommandLineOption samples(QStringLiteral("samples"), tr("Random: how many points (default 100)."), tr("n"),
                                     QStringLiteral("100"));
    const QCommandLineOption population(QStringLiteral("population"), tr("Genetic: population (default 40)."), tr("n"),
                                        QStringLiteral("40"));
    const QCommandLineOption generations(QStringLiteral("generations"), tr("Genetic: generations (default 10)."),
                                         tr("n"), QStringLiteral("10"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("The random seed (default 1)."), tr("n"),
                                  QStringLiteral("1"));
    const QCommandLineOption threads(QStringLiteral("threads"), tr("Worker threads (default: all cores)."), tr("n"),
                                     QStringLiteral("0"));
    const QCommandLineOption top(QStringLiteral("top"), tr("How many of the best to print (default 10)."), tr("n"),
                                 QStringLiteral("10"));
    const QCommandLineOption mpi(
        QStringLiteral("mpi"), tr("Split the search across MPI ranks (run under mpirun); rank 0 stores the results."));
    parser.addOptions({range, method, objective, samples, population, generations, seed, threads, top, mpi});
    // Under MPI every rank runs this command with the same arguments; rank 0 alone speaks, stores and reports.
    bool speaks = true;
    const auto refuse = [&](const QString &why, int code = UsageError) {
        if (speaks)
            m_err(tr("meridian-cli optimize: %1\n").arg(why));
        return code;
    };
    if (!parser.parse(QStringList{QStringLiteral("meridian-cli")} + arguments))
        return refuse(parser.errorText());
    if (parser.isSet(c.help)) {
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), QStringLiteral("meridian-cli optimize"));
        m_out(text);
        return Success;
    }
#ifdef MERIDIAN_HAVE_MPI
    std::unique_ptr<MpiJob> job;
    if (parser.isSet(mpi)) {
        auto started = MpiJob::start();
        if (!started)
            return refuse(QString::fromStdString(started.error().message), Failure);
        job = std::move(*started);
        speaks = job->rank() == 0;
    }
#else
    if (parser.isSet(mpi))
        return refuse(tr("MPI is not available in this build: Open MPI was not found when Meridian was built; "
                         "run without --mpi to use this machine's threads"),
                      Failure);
#endif
    backtest::OptimizeConfig config;
    const QString m = parser.value(method);
    if (m == QLatin1String("grid"))
        config.method = backtest::OptimizeConfig::Method::Grid;
    else if (m == QLatin1String("random"))
        config.method = backtest::OptimizeConfig::Method::Random;
    else if (m == QLatin1String("genetic"))
        config.method = backtest::OptimizeConfig::Method::Genetic;
    else
        return refuse(tr("--method must be grid, random or genetic, not \"%1\"").arg(m));
    if (parser.isSet(objective)) {
        config.objectives.clear();
        for (const QString &o : parser.values(objective)) {
            const QStringList parts = o.split(QLatin1Char(':'));
            config.objectives.push_back(
                {parts[0].toStdString(), !(parts.size() > 1 && parts[1] == QLatin1String("min"))});
        }
    }
    bool ok = true;
    const auto count = [&](const QCommandLineOption &option) {
        const qulonglong v = parser.value(option).toULongLong(&ok);
        return static_cast<std::size_t>(v);
    };
    config.samples = count(samples);
    config.population = ok ? count(population) : 0;
    config.generations = ok ? count(generations) : 0;
    config.seed = ok ? count(seed) : 0;
    config.threads = ok ? static_cast<unsigned>(count(threads)) : 0;
    const std::size_t shown = ok ? count(top) : 0;
    if (!ok)
        return refuse(tr("--samples, --population, --generations, --seed, --threads and --top take whole numbers"));
    std::vector<backtest::ParameterRange> ranges;
    for (const QString &text : parser.values(range)) {
        const qsizetype eq = text.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return refuse(tr("--range \"%1\": write name=min:max:step or name=a|b|c").arg(text));
        backtest::ParameterRange r;
        r.name = text.left(eq).toStdString();
        const QString spec = text.mid(eq + 1);
        if (spec.contains(QLatin1Char('|'))) {
            for (const QString &choice : spec.split(QLatin1Char('|')))
                r.choices.push_back(choice.toStdString());
        } else {
            const QStringList parts = spec.split(QLatin1Char(':'));
            bool a = false, b = false, s = true;
            if (parts.size() < 2 || parts.size() > 3)
                return refuse(tr("--range \"%1\": write name=min:max:step or name=a|b|c").arg(text));
            r.min = parts[0].toDouble(&a);
            r.max = parts[1].toDouble(&b);
            r.step = parts.size() == 3 ? parts[2].toDouble(&s) : 1;
            if (!a || !b || !s)
                return refuse(tr("--range \"%1\": min, max and step must be numbers").arg(text));
            r.integer = !spec.contains(QLatin1Char('.'));
        }
        ranges.push_back(std::move(r));
    }
    if (ranges.empty())
        return refuse(tr("give at least one --range"));
    Prepared p;
    QString why;
    bool usage = true;
    bool prepared = false;
#ifdef MERIDIAN_HAVE_MPI
    if (job) {
        // Rank 0 opens the database first (it may create or migrate it); the others read it once it has, and
        // no rank starts the search unless every rank has its data.
        prepared = job->rank() == 0 && prepare(parser, c, p, why, usage);
        if (!job->agree(prepared))
            return job->rank() == 0 ? refuse(why, usage ? UsageError : Failure) : Failure;
        if (job->rank() != 0) {
            prepared = prepare(parser, c, p, why, usage);
            if (!prepared)
                m_err(tr("meridian-cli optimize: rank %1: %2\n").arg(job->rank()).arg(why));
        }
        if (!job->all(prepared))
            return refuse(tr("another rank could not load the data; see its message"), Failure);
        config.distribution = &job->distribution();
    }
#endif
    if (!prepared && !prepare(parser, c, p, why, usage))
        return refuse(why, usage ? UsageError : Failure);
    config.backtest = p.config;
    const auto r = backtest::optimize(p.series, p.strategy.info().path, p.strategy.parametersJson(), ranges, config);
    if (!r)
        return refuse(QString::fromStdString(r.error().message), Failure);
    if (!speaks)
        return Success;
#ifdef MERIDIAN_HAVE_MPI
    if (job)
        m_err(tr("meridian-cli optimize: %1 evaluations spread over %2 MPI ranks\n")
                  .arg(r->evaluations.size())
                  .arg(job->size()));
#endif
    // Every evaluation is kept in the database, whatever is printed.
    {
        auto db = store::Database::open(resolvePaths(parser.value(c.database)).databasePath.toStdString());
        if (!db)
            return refuse(QString::fromStdString(db.error().message), Failure);
        backtest::OptimizationRun run{
            p.strategy.info().id,        p.series[0].instrument.symbol(),   parser.value(c.interval).toStdString(),
            p.strategy.parametersJson(), p.series[0].bars.front().openTime, p.series[0].bars.back().openTime};
        auto saved =
            backtest::saveOptimization(*db, run, ranges, config, *r, QDateTime::currentMSecsSinceEpoch() * 1'000'000);
        if (!saved)
            return refuse(QString::fromStdString(saved.error().message), Failure);
        m_err(tr("meridian-cli optimize: stored as run %1\n").arg(*saved));
    }
    if (parser.isSet(c.report)) {
        const ui::OptimizationReportData d = ui::BacktestReport::fromOptimization(
            p.strategy.info().id, p.series[0].instrument.symbol(), ranges, config, *r, shown);
        QString error;
        const QString path = ui::BacktestReport::writeOptimization(parser.value(c.report), d, &error);
        if (path.isEmpty())
            return refuse(error, Failure);
        m_err(tr("meridian-cli optimize: report written to %1\n").arg(path));
    }
    if (parser.isSet(c.json)) {
        QJsonArray best;
        for (std::size_t i = 0; i < r->best.size() && i < shown; ++i) {
            const backtest::Evaluation &e = r->evaluations[r->best[i]];
            QJsonArray objectives;
            for (const double v : e.objectives)
                objectives.append(std::isfinite(v) ? QJsonValue(v) : QJsonValue());
            best.append(QJsonObject{{QStringLiteral("parameters"),
                                     QJsonDocument::fromJson(QByteArray::fromStdString(e.parametersJson)).object()},
                                    {QStringLiteral("objectives"), objectives},
                                    {QStringLiteral("rank"), static_cast<qint64>(e.rank)},
                                    {QStringLiteral("error"), QString::fromStdString(e.error)}});
        }
        const QJsonObject o{{QStringLiteral("evaluations"), static_cast<qint64>(r->evaluations.size())},
                            {QStringLiteral("grid_size"), static_cast<qint64>(r->gridSize)},
                            {QStringLiteral("best"), best}};
        m_out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return Success;
    }
    QString text = tr("%1 evaluations of %2 (grid of %3); the best:\n")
                       .arg(r->evaluations.size())
                       .arg(QString::fromStdString(p.strategy.info().id))
                       .arg(r->gridSize);
    for (std::size_t i = 0; i < r->best.size() && i < shown; ++i) {
        const backtest::Evaluation &e = r->evaluations[r->best[i]];
        QStringList values;
        for (std::size_t k = 0; k < e.objectives.size(); ++k)
            values << QStringLiteral("%1 %2")
                          .arg(QString::fromStdString(config.objectives[k].name))
                          .arg(e.objectives[k], 0, 'g', 5);
        text += QStringLiteral("  %1  %2\n")
                    .arg(values.join(QStringLiteral(", ")), QString::fromStdString(e.parametersJson));
    }
    m_out(text);
    return Success;
}

} // namespace meridian::app
