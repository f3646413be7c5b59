// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "backtest/optimizer.h"

#include "core/rng.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <thread>

namespace meridian::backtest {

namespace {

using Candidate = std::vector<std::size_t>; // an index into each axis

constexpr std::uint64_t kGridLimit = 1'000'000;
constexpr double kWorst = std::numeric_limits<double>::infinity();

double figure(const BarBacktestResult &r, const std::string &name)
{
    if (name == "final_equity")
        return r.finalEquity;
    if (!r.statistics)
        return std::nan("");
    const metrics::Statistics &s = *r.statistics;
    if (name == "sharpe_ratio")
        return s.sharpeRatio;
    if (name == "sortino_ratio")
        return s.sortinoRatio;
    if (name == "calmar_ratio")
        return s.calmarRatio;
    if (name == "total_return")
        return s.totalReturn;
    if (name == "annual_return")
        return s.annualReturn;
    if (name == "return_drawdown_ratio")
        return s.returnDrawdownRatio;
    if (name == "max_drawdown")
        return s.maxDrawdownPercent;
    if (name == "win_rate")
        return s.winRate;
    if (name == "profit_factor")
        return s.profitFactor;
    return std::nan("");
}

/// The objective as a cost (lower is better); undefined values are the worst.
double cost(const Evaluation &e, std::size_t k, const std::vector<Objective> &objectives)
{
    const double v = e.objectives[k];
    if (std::isnan(v))
        return kWorst;
    const bool maximize = objectives[k].name == "max_drawdown" ? false : objectives[k].maximize;
    return maximize ? -v : v;
}

bool dominates(const Evaluation &a, const Evaluation &b, const std::vector<Objective> &objectives)
{
    bool better = false;
    for (std::size_t k = 0; k < objectives.size(); ++k) {
        const double ca = cost(a, k, objectives), cb = cost(b, k, objectives);
        if (ca > cb)
            return false;
        if (ca < cb)
            better = true;
    }
    return better;
}

/// Fast non-dominated sorting (Deb et al. 2002): the front of each member, 0 the best.
std::vector<std::size_t> fronts(const std::vector<const Evaluation *> &members,
                                const std::vector<Objective> &objectives)
{
    const std::size_t n = members.size();
    std::vector<std::size_t> rank(n, 0), dominatedBy(n, 0);
    std::vector<std::vector<std::size_t>> dominating(n);
    std::vector<std::size_t> current;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            if (i == j)
                continue;
            if (dominates(*members[i], *members[j], objectives))
                dominating[i].push_back(j);
            else if (dominates(*members[j], *members[i], objectives))
                ++dominatedBy[i];
        }
        if (dominatedBy[i] == 0)
            current.push_back(i);
    }
    for (std::size_t front = 0; !current.empty(); ++front) {
        std::vector<std::size_t> next;
        for (const std::size_t i : current) {
            rank[i] = front;
            for (const std::size_t j : dominating[i])
                if (--dominatedBy[j] == 0)
                    next.push_back(j);
        }
        current = std::move(next);
    }
    return rank;
}

/// Crowding distance of each member within its front (Deb et al. 2002).
std::vector<double> crowding(const std::vector<const Evaluation *> &members, const std::vector<std::size_t> &rank,
                             const std::vector<Objective> &objectives)
{
    const std::size_t n = members.size();
    std::vector<double> distance(n, 0);
    std::map<std::size_t, std::vector<std::size_t>> byFront;
    for (std::size_t i = 0; i < n; ++i)
        byFront[rank[i]].push_back(i);
    for (auto &[front, indices] : byFront) {
        for (std::size_t k = 0; k < objectives.size(); ++k) {
            std::stable_sort(indices.begin(), indices.end(), [&](std::size_t a, std::size_t b) {
                return cost(*members[a], k, objectives) < cost(*members[b], k, objectives);
            });
            distance[indices.front()] = distance[indices.back()] = kWorst;
            const double low = cost(*members[indices.front()], k, objectives);
            const double high = cost(*members[indices.back()], k, objectives);
            if (!(high > low) || !std::isfinite(high - low))
                continue;
            for (std::size_t m = 1; m + 1 < indices.size(); ++m)
                distance[indices[m]] +=
                    (cost(*members[indices[m + 1]], k, objectives) - cost(*members[indices[m - 1]], k, objectives)) /
                    (high - low);
        }
    }
    return distance;
}

class Search
{
public:
    Search(const std::vector<BarSeries> &series, const std::string &plugin, nlohmann::json base,
           const std::vector<ParameterRange> &ranges, std::vector<std::vector<double>> axes,
           const OptimizeConfig &config, const OptimizeProgress &progress, const std::atomic<bool> *cancel)
        : m_series(series),
          m_plugin(plugin),
          m_base(std::move(base)),
          m_ranges(ranges),
          m_axes(std::move(axes)),
          m_config(config),
          m_progress(progress),
          m_cancel(cancel)
    {
        m_threads = config.threads ? config.threads : std::max(1u, std::thread::hardware_concurrency());
    }

    /// Evaluates the candidates not seen yet, in parallel (this process's share of them when the search is
    /// distributed); returns false when cancelled or when the exchange between processes failed (failure()).
    bool evaluate(const std::vector<Candidate> &candidates, std::size_t plannedTotal)
    {
        std::vector<Candidate> fresh;
        for (const Candidate &c : candidates)
            if (m_seen.emplace(c, m_result.evaluations.size() + fresh.size()).second)
                fresh.push_back(c);
        const std::size_t first = m_result.evaluations.size();
        m_result.evaluations.resize(first + fresh.size());
        Distribution *const distribution = m_config.distribution;
        const std::size_t processes = distribution ? std::max<std::size_t>(1, distribution->size()) : 1;
        const std::size_t me = distribution ? distribution->rank() : 0;
        // This process's positions in the batch: me, me + processes, …
        const std::size_t share = fresh.size() > me ? (fresh.size() - me + processes - 1) / processes : 0;
        std::vector<Evaluation> mine(share);
        std::atomic<std::size_t> next{0}, done{0};
        std::atomic<bool> stopped{false};
        const auto work = [&](bool reports) {
            for (;;) {
                if (m_cancel && m_cancel->load()) {
                    stopped = true;
                    return;
                }
                const std::size_t k = next++;
                if (k >= share)
                    return;
                mine[k] = run(fresh[me + k * processes]);
                const std::size_t finished = ++done;
                if (reports && m_progress)
                    m_progress(first + std::min(fresh.size(), finished * processes),
                               std::max(plannedTotal, first + fresh.size()));
            }
        };
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < std::min<std::size_t>(m_threads, share); ++t)
            pool.emplace_back(work, false);
        work(true);
        for (std::thread &t : pool)
            t.join();
        if (distribution && processes > 1) {
            auto whole = distribution->exchange(mine, fresh.size());
            if (!whole) {
                m_failure = whole.error();
                return false;
            }
            if (whole->size() != fresh.size()) {
                m_failure = Error{ErrorCode::ExternalFailure,
                                  "optimize: the processes returned " + std::to_string(whole->size()) +
                                      " evaluations of a batch of " + std::to_string(fresh.size())};
                return false;
            }
            for (std::size_t i = 0; i < fresh.size(); ++i) {
                if ((*whole)[i].parametersJson.empty())
                    stopped = true; // another process was cancelled
                m_result.evaluations[first + i] = std::move((*whole)[i]);
            }
        } else {
            for (std::size_t k = 0; k < share; ++k)
                m_result.evaluations[first + k] = std::move(mine[k]);
        }
        if (stopped) {
            // Keep what finished, in candidate order, and drop the rest.
            std::vector<Evaluation> kept;
            for (std::size_t i = 0; i < first + fresh.size(); ++i)
                if (i < first || !m_result.evaluations[i].parametersJson.empty())
                    kept.push_back(std::move(m_result.evaluations[i]));
            m_result.evaluations = std::move(kept);
            m_result.cancelled = true;
            return false;
        }
        return true;
    }

    OptimizeResult finish()
    {
        std::vector<const Evaluation *> all;
        for (const Evaluation &e : m_result.evaluations)
            all.push_back(&e);
        const std::vector<std::size_t> rank = fronts(all, m_config.objectives);
        for (std::size_t i = 0; i < all.size(); ++i)
            m_result.evaluations[i].rank = rank[i];
        if (m_config.objectives.size() == 1) {
            for (std::size_t i = 0; i < all.size(); ++i)
                m_result.best.push_back(i);
            std::stable_sort(m_result.best.begin(), m_result.best.end(), [&](std::size_t a, std::size_t b) {
                return cost(*all[a], 0, m_config.objectives) < cost(*all[b], 0, m_config.objectives);
            });
        } else {
            for (std::size_t i = 0; i < all.size(); ++i)
                if (rank[i] == 0)
                    m_result.best.push_back(i);
        }
        return std::move(m_result);
    }

    const std::optional<Error> &failure() const { return m_failure; }
    const Evaluation &evaluationOf(const Candidate &c) const { return m_result.evaluations[m_seen.at(c)]; }
    std::size_t evaluated() const { return m_result.evaluations.size(); }
    void setGridSize(std::size_t n) { m_result.gridSize = n; }

private:
    Evaluation run(const Candidate &c) const
    {
        Evaluation e;
        nlohmann::json parameters = m_base;
        for (std::size_t k = 0; k < m_ranges.size(); ++k) {
            const double v = m_axes[k][c[k]];
            e.values.push_back(v);
            const ParameterRange &r = m_ranges[k];
            if (!r.choices.empty())
                parameters[r.name] = r.choices[static_cast<std::size_t>(v)];
            else if (r.integer)
                parameters[r.name] = std::llround(v);
            else
                parameters[r.name] = v;
        }
        e.parametersJson = parameters.dump();
        const auto result = runBarBacktest(m_series, m_plugin, e.parametersJson, m_config.backtest);
        if (!result) {
            e.error = result.error().message;
            e.objectives.assign(m_config.objectives.size(), std::nan(""));
            return e;
        }
        if (!result->strategyError.empty())
            e.error = "the strategy stopped: " + result->strategyError;
        else if (!result->statistics)
            e.error = result->statisticsError;
        for (const Objective &o : m_config.objectives)
            e.objectives.push_back(figure(*result, o.name));
        return e;
    }

    const std::vector<BarSeries> &m_series;
    const std::string &m_plugin;
    nlohmann::json m_base;
    const std::vector<ParameterRange> &m_ranges;
    std::vector<std::vector<double>> m_axes;
    const OptimizeConfig &m_config;
    const OptimizeProgress &m_progress;
    const std::atomic<bool> *m_cancel;
    unsigned m_threads = 1;
    std::map<Candidate, std::size_t> m_seen; // candidate → its evaluation
    OptimizeResult m_result;
    std::optional<Error> m_failure;
};

Candidate randomCandidate(Rng &rng, const std::vector<std::vector<double>> &axes)
{
    Candidate c;
    for (const auto &axis : axes)
        c.push_back(static_cast<std::size_t>(rng.uniformInt(0, static_cast<std::int64_t>(axis.size()) - 1)));
    return c;
}

} // namespace

namespace {

void put(std::string &out, std::uint64_t v)
{
    out.append(reinterpret_cast<const char *>(&v), sizeof v);
}

void put(std::string &out, const std::vector<double> &v)
{
    put(out, v.size());
    out.append(reinterpret_cast<const char *>(v.data()), v.size() * sizeof(double));
}

void put(std::string &out, const std::string &v)
{
    put(out, v.size());
    out += v;
}

class Reader
{
public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}
    bool take(std::uint64_t &v) { return copy(&v, sizeof v); }
    bool take(std::vector<double> &v)
    {
        std::uint64_t n = 0;
        if (!take(n) || n > (m_bytes.size() - m_at) / sizeof(double))
            return false;
        v.resize(n);
        return copy(v.data(), n * sizeof(double));
    }
    bool take(std::string &v)
    {
        std::uint64_t n = 0;
        if (!take(n) || n > m_bytes.size() - m_at)
            return false;
        v.assign(m_bytes.substr(m_at, n));
        m_at += n;
        return true;
    }
    bool atEnd() const { return m_at == m_bytes.size(); }

private:
    bool copy(void *to, std::size_t n)
    {
        if (n > m_bytes.size() - m_at)
            return false;
        if (n == 0)
            return true; // `to` may be the null data() of an empty vector
        std::memcpy(to, m_bytes.data() + m_at, n);
        m_at += n;
        return true;
    }
    std::string_view m_bytes;
    std::size_t m_at = 0;
};

} // namespace

std::string encodeEvaluations(const std::vector<Evaluation> &evaluations)
{
    std::string out;
    put(out, evaluations.size());
    for (const Evaluation &e : evaluations) {
        put(out, e.values);
        put(out, e.parametersJson);
        put(out, e.objectives);
        put(out, e.error);
        put(out, e.rank);
    }
    return out;
}

Result<std::vector<Evaluation>> decodeEvaluations(std::string_view bytes)
{
    Reader in(bytes);
    std::uint64_t n = 0;
    // Each evaluation takes at least five 8-byte fields.
    if (!in.take(n) || n > bytes.size() / 40)
        return fail(ErrorCode::InvalidArgument, "optimize: malformed evaluations from another process");
    std::vector<Evaluation> out(n);
    for (Evaluation &e : out) {
        std::uint64_t rank = 0;
        if (!in.take(e.values) || !in.take(e.parametersJson) || !in.take(e.objectives) || !in.take(e.error) ||
            !in.take(rank))
            return fail(ErrorCode::InvalidArgument, "optimize: evaluations from another process are cut short");
        e.rank = rank;
    }
    if (!in.atEnd())
        return fail(ErrorCode::InvalidArgument, "optimize: evaluations from another process have trailing bytes");
    return out;
}

std::vector<std::string> objectiveNames()
{
    return {"sharpe_ratio",          "sortino_ratio", "calmar_ratio", "total_return",  "annual_return",
            "return_drawdown_ratio", "max_drawdown",  "win_rate",     "profit_factor", "final_equity"};
}

Result<OptimizeResult> optimize(const std::vector<BarSeries> &series, const std::string &pluginPath,
                                const std::string &baseParametersJson, const std::vector<ParameterRange> &ranges,
                                const OptimizeConfig &config, const OptimizeProgress &progress,
                                const std::atomic<bool> *cancel)
{
    const nlohmann::json base =
        nlohmann::json::parse(baseParametersJson.empty() ? "{}" : baseParametersJson, nullptr, false);
    if (base.is_discarded() || !base.is_object())
        return fail(ErrorCode::InvalidArgument, "optimize: the base parameters are not a JSON object");
    if (ranges.empty())
        return fail(ErrorCode::InvalidArgument, "optimize: no parameter to vary");
    if (config.objectives.empty())
        return fail(ErrorCode::InvalidArgument, "optimize: no objective");
    const std::vector<std::string> known = objectiveNames();
    for (const Objective &o : config.objectives)
        if (std::find(known.begin(), known.end(), o.name) == known.end())
            return fail(ErrorCode::InvalidArgument, "optimize: unknown objective '" + o.name + "'");
    std::vector<std::vector<double>> axes;
    double gridSize = 1;
    for (const ParameterRange &r : ranges) {
        if (r.name.empty())
            return fail(ErrorCode::InvalidArgument, "optimize: a range without a parameter name");
        std::vector<double> axis;
        if (!r.choices.empty()) {
            for (std::size_t i = 0; i < r.choices.size(); ++i)
                axis.push_back(static_cast<double>(i));
        } else {
            if (!(r.step > 0) || !(r.min <= r.max) || !std::isfinite(r.min) || !std::isfinite(r.max))
                return fail(ErrorCode::InvalidArgument,
                            "optimize: range of " + r.name + " needs min ≤ max and a positive step");
            const auto count = static_cast<std::size_t>(std::floor((r.max - r.min) / r.step + 1e-9)) + 1;
            if (count > kGridLimit)
                return fail(ErrorCode::InvalidArgument, "optimize: range of " + r.name + " has too many values");
            for (std::size_t k = 0; k < count; ++k)
                axis.push_back(r.min + static_cast<double>(k) * r.step);
        }
        gridSize *= static_cast<double>(axis.size());
        axes.push_back(std::move(axis));
    }
    Search search(series, pluginPath, base, ranges, axes, config, progress, cancel);
    search.setGridSize(gridSize > 1e18 ? std::numeric_limits<std::size_t>::max() : static_cast<std::size_t>(gridSize));

    switch (config.method) {
    case OptimizeConfig::Method::Grid: {
        if (gridSize > static_cast<double>(kGridLimit))
            return fail(ErrorCode::InvalidArgument, "optimize: the grid has " + std::to_string(gridSize) +
                                                        " points, more than 1,000,000; use random or genetic search");
        std::vector<Candidate> all;
        Candidate c(axes.size(), 0);
        for (;;) {
            all.push_back(c);
            std::size_t k = axes.size();
            while (k > 0 && ++c[k - 1] == axes[k - 1].size())
                c[--k] = 0;
            if (k == 0)
                break;
        }
        search.evaluate(all, all.size());
        break;
    }
    case OptimizeConfig::Method::Random: {
        const std::size_t wanted =
            static_cast<std::size_t>(std::min<double>(gridSize, static_cast<double>(config.samples)));
        std::vector<Candidate> chosen;
        std::map<Candidate, bool> unique;
        Rng rng(config.seed, 1);
        for (std::size_t attempts = 0; chosen.size() < wanted && attempts < wanted * 100; ++attempts) {
            Candidate c = randomCandidate(rng, axes);
            if (unique.emplace(c, true).second)
                chosen.push_back(std::move(c));
        }
        search.evaluate(chosen, chosen.size());
        break;
    }
    case OptimizeConfig::Method::Genetic: {
        const std::size_t n = std::max<std::size_t>(4, config.population);
        const std::size_t planned = n * (config.generations + 1);
        Rng initial(config.seed, 1);
        std::vector<Candidate> population;
        std::map<Candidate, bool> unique;
        for (std::size_t attempts = 0; population.size() < n && attempts < n * 100; ++attempts) {
            Candidate c = randomCandidate(initial, axes);
            if (unique.emplace(c, true).second)
                population.push_back(std::move(c));
        }
        if (!search.evaluate(population, planned))
            break;
        for (std::size_t g = 0; g < config.generations; ++g) {
            Rng rng(config.seed, 1000 + g);
            std::vector<const Evaluation *> members;
            for (const Candidate &c : population)
                members.push_back(&search.evaluationOf(c));
            const std::vector<std::size_t> rank = fronts(members, config.objectives);
            const std::vector<double> distance = crowding(members, rank, config.objectives);
            const auto tournament = [&]() -> const Candidate & {
                const auto a =
                    static_cast<std::size_t>(rng.uniformInt(0, static_cast<std::int64_t>(population.size()) - 1));
                const auto b =
                    static_cast<std::size_t>(rng.uniformInt(0, static_cast<std::int64_t>(population.size()) - 1));
                const bool first = rank[a] != rank[b] ? rank[a] < rank[b] : distance[a] >= distance[b];
                return population[first ? a : b];
            };
            std::vector<Candidate> offspring;
            const double mutation = 1.0 / static_cast<double>(axes.size());
            for (std::size_t attempts = 0; offspring.size() < n && attempts < n * 50; ++attempts) {
                const Candidate &mother = tournament();
                const Candidate &father = tournament();
                Candidate child(axes.size());
                for (std::size_t k = 0; k < axes.size(); ++k) {
                    child[k] = rng.bernoulli(0.5) ? mother[k] : father[k];
                    if (rng.bernoulli(mutation))
                        child[k] =
                            static_cast<std::size_t>(rng.uniformInt(0, static_cast<std::int64_t>(axes[k].size()) - 1));
                }
                if (unique.emplace(child, true).second)
                    offspring.push_back(std::move(child));
            }
            if (!search.evaluate(offspring, planned))
                break;
            // Survivors: the best fronts of parents and children, the last one cut by crowding distance.
            std::vector<Candidate> pool = population;
            pool.insert(pool.end(), offspring.begin(), offspring.end());
            std::vector<const Evaluation *> poolMembers;
            for (const Candidate &c : pool)
                poolMembers.push_back(&search.evaluationOf(c));
            const std::vector<std::size_t> poolRank = fronts(poolMembers, config.objectives);
            const std::vector<double> poolDistance = crowding(poolMembers, poolRank, config.objectives);
            std::vector<std::size_t> order(pool.size());
            for (std::size_t i = 0; i < order.size(); ++i)
                order[i] = i;
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                return poolRank[a] != poolRank[b] ? poolRank[a] < poolRank[b] : poolDistance[a] > poolDistance[b];
            });
            std::vector<Candidate> next;
            for (std::size_t i = 0; i < n && i < order.size(); ++i)
                next.push_back(pool[order[i]]);
            population = std::move(next);
        }
        break;
    }
    }
    if (search.failure())
        return tl::unexpected(*search.failure());
    return search.finish();
}

namespace {

/// The bars of each series that open in [from, to).
std::vector<BarSeries> slice(const std::vector<BarSeries> &series, std::int64_t from, std::int64_t to)
{
    std::vector<BarSeries> out;
    for (const BarSeries &s : series) {
        BarSeries part{s.instrument, s.durationNs, {}};
        for (const Bar &b : s.bars)
            if (b.openTime >= from && b.openTime < to)
                part.bars.push_back(b);
        out.push_back(std::move(part));
    }
    return out;
}

bool allHaveBars(const std::vector<BarSeries> &series)
{
    return std::all_of(series.begin(), series.end(), [](const BarSeries &s) { return !s.bars.empty(); });
}

} // namespace

Result<WalkForwardResult> walkForward(const std::vector<BarSeries> &series, const std::string &pluginPath,
                                      const std::string &baseParametersJson, const std::vector<ParameterRange> &ranges,
                                      const WalkForwardConfig &config, const std::atomic<bool> *cancel)
{
    if (config.inSampleNs <= 0 || config.outOfSampleNs <= 0 || config.stepNs < 0)
        return fail(ErrorCode::InvalidArgument, "walk-forward: the window lengths must be positive");
    if (series.empty() || !allHaveBars(series))
        return fail(ErrorCode::InvalidArgument, "walk-forward: no bars");
    std::int64_t first = series.front().bars.front().openTime, last = series.front().bars.back().openTime;
    for (const BarSeries &s : series) {
        first = std::min(first, s.bars.front().openTime);
        last = std::max(last, s.bars.back().openTime + s.durationNs);
    }
    const std::int64_t step = config.stepNs ? config.stepNs : config.outOfSampleNs;
    if (first + config.inSampleNs + config.outOfSampleNs > last)
        return fail(ErrorCode::InvalidArgument, "walk-forward: the data is shorter than one in-sample and one "
                                                "out-of-sample window");
    WalkForwardResult result;
    double growth = 1;
    for (std::int64_t start = first; start + config.inSampleNs + config.outOfSampleNs <= last; start += step) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            break;
        }
        WalkForwardWindow w;
        w.inStart = start;
        w.inEnd = w.outStart = start + config.inSampleNs;
        w.outEnd = w.outStart + config.outOfSampleNs;
        const std::vector<BarSeries> in = slice(series, w.inStart, w.inEnd);
        const std::vector<BarSeries> out = slice(series, w.outStart, w.outEnd);
        if (!allHaveBars(in) || !allHaveBars(out)) {
            w.error = "no bars in the window";
            result.windows.push_back(std::move(w));
            continue;
        }
        auto optimized = optimize(in, pluginPath, baseParametersJson, ranges, config.optimize, {}, cancel);
        if (!optimized)
            return tl::unexpected(optimized.error());
        if (optimized->cancelled) {
            result.cancelled = true;
            break;
        }
        const Evaluation &best = optimized->evaluations[optimized->best.front()];
        w.parametersJson = best.parametersJson;
        w.inSampleObjective = best.objectives.front();
        auto tested = runBarBacktest(out, pluginPath, w.parametersJson, config.optimize.backtest);
        if (!tested) {
            w.error = tested.error().message;
        } else {
            w.outOfSampleReturn = tested->finalEquity / config.optimize.backtest.initialCapital - 1;
            w.outOfSampleFills = tested->fills.size();
            w.outOfSampleObjective = figure(*tested, config.optimize.objectives.front().name);
            growth *= 1 + w.outOfSampleReturn;
        }
        result.windows.push_back(std::move(w));
    }
    result.compoundedReturn = growth - 1;
    return result;
}

} // namespace meridian::backtest
