// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "sim/scenario_json.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace meridian::sim {

namespace {

using nlohmann::json;

enum class Kind { Real, Integer, Count, Seconds, Milliseconds, Boolean };

/// One parameter: where it lives in the JSON and in the Scenario, and its range.
struct Field
{
    const char *group; // "" for top level
    const char *name;
    Kind kind;
    void *target;
    double min;
    double max;
};

constexpr double kHuge = 1e15;

std::vector<Field> fields(Scenario &s)
{
    Population &p = s.population;
    FundamentalParameters &f = s.fundamental;
    auto &zi = p.zeroIntelligenceParameters;
    auto &mo = p.momentumParameters;
    auto &no = p.noiseParameters;
    auto &mm = p.marketMakerParameters;
    std::vector<Field> out = {
        {"fundamental", "kappa", Kind::Real, &f.kappa, 0, 1},
        {"fundamental", "sigma", Kind::Real, &f.sigma, 0, 1},
        {"fundamental", "jump_rate", Kind::Real, &f.jumpRate, 0, 1},
        {"fundamental", "jump_mean", Kind::Real, &f.jumpMean, -5, 5},
        {"fundamental", "jump_std", Kind::Real, &f.jumpStd, 0, 5},
        {"fundamental", "drift", Kind::Real, &f.drift, -1e-3, 1e-3},
        {"population", "zero_intelligence", Kind::Count, &p.zeroIntelligence, 0, 100000},
        {"population", "value", Kind::Count, &p.value, 0, 100000},
        {"population", "informed", Kind::Count, &p.informed, 0, 100000},
        {"population", "momentum", Kind::Count, &p.momentum, 0, 100000},
        {"population", "noise", Kind::Count, &p.noise, 0, 100000},
        {"population", "market_makers", Kind::Count, &p.marketMakers, 0, 100000},
        {"population", "instrument_ticks", Kind::Boolean, &p.instrumentTicks, 0, 1},
        {"zero_intelligence", "limit_rate", Kind::Real, &zi.limitRate, 0, 1e6},
        {"zero_intelligence", "market_rate", Kind::Real, &zi.marketRate, 0, 1e6},
        {"zero_intelligence", "cancel_rate", Kind::Real, &zi.cancelRate, 0, 1e6},
        {"zero_intelligence", "price_range", Kind::Integer, &zi.priceRange, 1, 1e9},
        {"zero_intelligence", "size", Kind::Integer, &zi.size, 1, 1e9},
        {"zero_intelligence", "size_jitter", Kind::Integer, &zi.sizeJitter, 0, 1e9},
        {"momentum", "interval_s", Kind::Seconds, &mo.intervalNs, 0.001, 86400},
        {"momentum", "short_window", Kind::Count, &mo.shortWindow, 1, 100000},
        {"momentum", "long_window", Kind::Count, &mo.longWindow, 2, 100000},
        {"momentum", "threshold", Kind::Real, &mo.threshold, 0, 1},
        {"momentum", "size", Kind::Integer, &mo.size, 1, 1e9},
        {"momentum", "max_position", Kind::Integer, &mo.maxPosition, 0, 1e12},
        {"noise", "wake_rate", Kind::Real, &no.wakeRate, 0, 1e6},
        {"noise", "market_probability", Kind::Real, &no.marketProbability, 0, 1},
        {"noise", "price_range", Kind::Integer, &no.priceRange, 0, 1e9},
        {"noise", "max_size", Kind::Integer, &no.maxSize, 1, 1e9},
        {"noise", "lifetime_s", Kind::Seconds, &no.lifetimeNs, 0.001, 1e7},
        {"market_maker", "interval_s", Kind::Seconds, &mm.intervalNs, 0.001, 86400},
        {"market_maker", "half_spread", Kind::Integer, &mm.halfSpread, 0, 1e9},
        {"market_maker", "spacing", Kind::Integer, &mm.spacing, 1, 1e9},
        {"market_maker", "levels", Kind::Count, &mm.levels, 1, 100},
        {"market_maker", "size", Kind::Integer, &mm.size, 1, 1e9},
        {"market_maker", "skew", Kind::Real, &mm.skew, 0, 1e6},
        {"market_maker", "withdraw_volatility", Kind::Real, &mm.withdrawVolatility, 0, kHuge},
        {"market_maker", "cooldown_s", Kind::Seconds, &mm.cooldownNs, 0, 1e7},
        {"market_maker", "tolerance", Kind::Integer, &mm.tolerance, 0, 1e9},
        {"market_maker", "keep_quotes", Kind::Boolean, &mm.keepQuotes, 0, 1},
        {"latency", "entry_ms", Kind::Milliseconds, &p.entry.fixedNs, 0, 1e6},
        {"latency", "entry_jitter_ms", Kind::Milliseconds, &p.entry.jitterNs, 0, 1e6},
        {"latency", "market_data_ms", Kind::Milliseconds, &p.marketData.fixedNs, 0, 1e6},
        {"latency", "market_data_jitter_ms", Kind::Milliseconds, &p.marketData.jitterNs, 0, 1e6},
        {"shock", "from", Kind::Real, &s.shockFrom, -1, 1},
        {"shock", "to", Kind::Real, &s.shockTo, -1, 1},
        {"shock", "jump", Kind::Real, &s.shockJump, -5, 5},
        {"shock", "jump_half_life", Kind::Real, &s.shockJumpHalfLife, 0, 1},
        {"shock", "liquidity_drop", Kind::Real, &s.shockLiquidityDrop, 0, 0.99},
        {"shock", "recovery_half_life", Kind::Real, &s.shockRecoveryHalfLife, 0, 1},
    };
    for (const char *group : {"value", "informed"}) {
        auto &v = std::string_view(group) == "value" ? p.valueParameters : p.informedParameters;
        out.push_back({group, "wake_rate", Kind::Real, &v.wakeRate, 0, 1e6});
        out.push_back({group, "observation_noise", Kind::Real, &v.observationNoise, 0, 1});
        out.push_back({group, "aggressiveness", Kind::Real, &v.aggressiveness, 0, 1});
        out.push_back({group, "size", Kind::Integer, &v.size, 1, 1e9});
        out.push_back({group, "max_position", Kind::Integer, &v.maxPosition, 0, 1e12});
        out.push_back({group, "urgency", Kind::Real, &v.urgency, 0, 1});
    }
    return out;
}

std::string path(const Field &f)
{
    return std::string(f.group) + "." + f.name;
}

std::string number(double x)
{
    json j = x;
    return j.dump();
}

Result<void> read(const Field &f, const json &value)
{
    const auto bad = [&](const std::string &why) {
        return fail(ErrorCode::InvalidArgument, "scenario parameter " + path(f) + ": " + why);
    };
    if (f.kind == Kind::Boolean) {
        if (!value.is_boolean())
            return bad("expected true or false");
        *static_cast<bool *>(f.target) = value.get<bool>();
        return ok();
    }
    if (!value.is_number())
        return bad("expected a number, not " + value.dump());
    const double x = value.get<double>();
    if (!std::isfinite(x) || x < f.min || x > f.max)
        return bad(value.dump() + " is out of range (" + number(f.min) + " to " + number(f.max) + ")");
    switch (f.kind) {
    case Kind::Real:
        *static_cast<double *>(f.target) = x;
        break;
    case Kind::Integer:
    case Kind::Count:
        if (x != std::floor(x))
            return bad("expected a whole number, not " + value.dump());
        if (f.kind == Kind::Integer)
            *static_cast<std::int64_t *>(f.target) = static_cast<std::int64_t>(x);
        else
            *static_cast<std::size_t *>(f.target) = static_cast<std::size_t>(x);
        break;
    case Kind::Seconds:
        *static_cast<std::int64_t *>(f.target) = std::llround(x * 1e9);
        break;
    case Kind::Milliseconds:
        *static_cast<std::int64_t *>(f.target) = std::llround(x * 1e6);
        break;
    case Kind::Boolean:
        break;
    }
    return ok();
}

json write(const Field &f)
{
    switch (f.kind) {
    case Kind::Real:
        return *static_cast<const double *>(f.target);
    case Kind::Integer:
        return *static_cast<const std::int64_t *>(f.target);
    case Kind::Count:
        return *static_cast<const std::size_t *>(f.target);
    case Kind::Seconds:
        return static_cast<double>(*static_cast<const std::int64_t *>(f.target)) / 1e9;
    case Kind::Milliseconds:
        return static_cast<double>(*static_cast<const std::int64_t *>(f.target)) / 1e6;
    case Kind::Boolean:
        return *static_cast<const bool *>(f.target);
    }
    return nullptr;
}

bool plainName(std::string_view name)
{
    if (name.empty() || name.size() > 64)
        return false;
    for (const char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'))
            return false;
    return true;
}

bool isPreset(std::string_view name)
{
    for (const std::string &preset : scenarioNames())
        if (preset == name)
            return true;
    return false;
}

} // namespace

Result<Scenario> scenarioFromJson(std::string_view text)
{
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return fail(ErrorCode::InvalidArgument, "scenario: not a JSON object");
    std::string base = "normal";
    if (const auto it = j.find("base"); it != j.end()) {
        if (!it->is_string())
            return fail(ErrorCode::InvalidArgument, "scenario: base must be a preset's name");
        base = it->get<std::string>();
    }
    auto preset = presetScenario(base);
    if (!preset)
        return tl::unexpected(preset.error());
    Scenario s = *preset;
    s.description.clear();
    for (const char *key : {"name", "description"}) {
        const auto it = j.find(key);
        if (it == j.end())
            continue;
        if (!it->is_string())
            return fail(ErrorCode::InvalidArgument, std::string("scenario: ") + key + " must be text");
        (std::string_view(key) == "name" ? s.name : s.description) = it->get<std::string>();
    }
    if (!j.contains("name"))
        return fail(ErrorCode::InvalidArgument, "scenario: it needs a name");
    const std::vector<Field> table = fields(s);
    for (const auto &[group, members] : j.items()) {
        if (group == "name" || group == "description" || group == "base")
            continue;
        if (!members.is_object())
            return fail(ErrorCode::InvalidArgument, "scenario: " + group +
                                                        " is not an object of parameters, or not "
                                                        "a known name");
        for (const auto &[name, value] : members.items()) {
            if (group == "zero_intelligence" && name == "offset_weights") {
                // The placement profile: a list of weights, offset 1, 2, … ticks behind the opposite quote.
                auto &weights = s.population.zeroIntelligenceParameters.offsetWeights;
                weights.clear();
                const auto bad = [](const std::string &why) {
                    return fail(ErrorCode::InvalidArgument,
                                "scenario parameter zero_intelligence.offset_weights: " + why);
                };
                if (!value.is_array() || value.size() > 100000)
                    return bad("expected a list of at most 100,000 weights");
                double total = 0;
                for (const json &w : value) {
                    if (!w.is_number() || !std::isfinite(w.get<double>()) || w.get<double>() < 0)
                        return bad("every weight must be a number ≥ 0, not " + w.dump());
                    weights.push_back(w.get<double>());
                    total += weights.back();
                }
                if (!weights.empty() && !(total > 0))
                    return bad("at least one weight must be positive");
                continue;
            }
            const auto field = std::find_if(table.begin(), table.end(),
                                            [&](const Field &f) { return group == f.group && name == f.name; });
            if (field == table.end())
                return fail(ErrorCode::InvalidArgument, "scenario: unknown parameter " + group + "." + name);
            if (auto r = read(*field, value); !r)
                return tl::unexpected(r.error());
        }
    }
    if (s.shockFrom >= 0 && s.shockTo < s.shockFrom)
        return fail(ErrorCode::InvalidArgument, "scenario parameter shock.to is before shock.from");
    if (s.population.momentumParameters.shortWindow >= s.population.momentumParameters.longWindow)
        return fail(ErrorCode::InvalidArgument,
                    "scenario parameter momentum.short_window must be shorter than momentum.long_window");
    return s;
}

std::string scenarioToJson(const Scenario &scenario)
{
    Scenario copy = scenario; // fields() hands out pointers into a mutable scenario
    json j;
    j["name"] = copy.name;
    j["description"] = copy.description;
    for (const Field &f : fields(copy))
        j[f.group][f.name] = write(f);
    if (!copy.population.zeroIntelligenceParameters.offsetWeights.empty())
        j["zero_intelligence"]["offset_weights"] = copy.population.zeroIntelligenceParameters.offsetWeights;
    return j.dump(2);
}

Result<void> saveScenario(store::Database &db, const Scenario &scenario, std::int64_t nowNs)
{
    if (!plainName(scenario.name))
        return fail(ErrorCode::InvalidArgument,
                    "scenario name '" + scenario.name + "': use 1 to 64 letters, digits, '_' or '-'");
    if (isPreset(scenario.name))
        return fail(ErrorCode::InvalidArgument,
                    "scenario name '" + scenario.name + "' is a preset's; choose another name");
    auto s = db.prepare("INSERT INTO scenarios (name, description, definition, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET description = excluded.description, "
                        "definition = excluded.definition, updated_at = excluded.updated_at");
    if (!s)
        return tl::unexpected(s.error());
    const std::string definition = scenarioToJson(scenario);
    for (const auto &r :
         {s->bind(1, std::string_view(scenario.name)), s->bind(2, std::string_view(scenario.description)),
          s->bind(3, std::string_view(definition)), s->bind(4, nowNs), s->bind(5, nowNs)})
        if (!r)
            return r;
    return s->run();
}

Result<Scenario> findScenario(store::Database &db, std::string_view name)
{
    if (isPreset(name))
        return presetScenario(name);
    auto s = db.prepare("SELECT definition FROM scenarios WHERE name = ?");
    if (!s)
        return tl::unexpected(s.error());
    if (auto r = s->bind(1, name); !r)
        return tl::unexpected(r.error());
    auto row = s->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row) {
        std::string known;
        for (const std::string &n : scenarioNames())
            known += (known.empty() ? "" : ", ") + n;
        if (auto saved = savedScenarioNames(db))
            for (const std::string &n : *saved)
                known += ", " + n;
        return fail(ErrorCode::NotFound, "unknown scenario '" + std::string(name) + "' (known: " + known + ")");
    }
    auto scenario = scenarioFromJson(s->columnText(0));
    if (!scenario)
        return fail(ErrorCode::CorruptData,
                    "stored scenario '" + std::string(name) + "' is damaged: " + scenario.error().message);
    return scenario;
}

Result<std::vector<std::string>> savedScenarioNames(store::Database &db)
{
    auto s = db.prepare("SELECT name FROM scenarios ORDER BY name");
    if (!s)
        return tl::unexpected(s.error());
    std::vector<std::string> names;
    for (;;) {
        auto row = s->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return names;
        names.push_back(s->columnText(0));
    }
}

Result<void> deleteScenario(store::Database &db, std::string_view name)
{
    auto s = db.prepare("DELETE FROM scenarios WHERE name = ?");
    if (!s)
        return tl::unexpected(s.error());
    if (auto r = s->bind(1, name); !r)
        return r;
    if (auto r = s->run(); !r)
        return r;
    if (db.changes() == 0)
        return fail(ErrorCode::NotFound, "no saved scenario '" + std::string(name) + "'");
    return ok();
}

} // namespace meridian::sim
