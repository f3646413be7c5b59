// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "sim/calibration/calibrate_job.h"

#include "metrics/statistics.h"
#include "sim/calibration/calibration_store.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace meridian::sim::calibration {

using nlohmann::json;

namespace {

json figuresJson(const MarketFigures &f)
{
    return json{{"duration_seconds", f.durationSeconds},
                {"mean_spread_ticks", f.meanSpreadTicks},
                {"trades", f.trades},
                {"minute_volatility", f.minuteVolatility},
                {"minutes", f.minutes}};
}

} // namespace

Result<OrderFlowCalibration> calibrateOrderFlow(store::Database &db, const std::string &symbol,
                                                const std::string &scenario,
                                                std::span<const book::LobsterMessage> messages,
                                                const book::LobsterBook &book, const std::string &dataSource,
                                                std::int64_t dayStartNs, std::int64_t nowNs, const FitOptions &options)
{
    OrderFlowCalibration out;
    auto estimate = estimateOrderFlow(messages, book);
    if (!estimate)
        return tl::unexpected(estimate.error());
    out.estimate = std::move(*estimate);
    const OrderFlowEstimate &e = out.estimate;
    auto fit = fitZeroIntelligence(e, lobsterMarket(symbol, e.firstMid), scenario, options);
    if (!fit)
        return tl::unexpected(fit.error());
    out.fit = std::move(*fit);

    json byDistance = json::array(), byOpposite = json::array();
    for (const auto &[d, rate] : e.limitRateByDistance)
        byDistance.push_back({d, rate});
    for (const auto &[d, rate] : e.limitRateByOppositeDistance)
        byOpposite.push_back({d, rate});
    const json estimates{{"kind", "order_flow"},
                         {"market", figuresJson(e.market)},
                         {"limit_rate", e.limitRate},
                         {"market_rate", e.marketRate},
                         {"cancel_rate", e.cancelRate},
                         {"cancel_ratio", e.cancelRatio},
                         {"limit_rate_by_distance", byDistance},
                         {"limit_rate_by_opposite_distance", byOpposite},
                         {"size", {{"mean", e.meanSize}, {"median", e.medianSize}, {"std", e.sizeStd}}},
                         {"size_quantiles", e.sizeQuantiles},
                         {"depth", e.depth},
                         {"fill_intensity",
                          {{"a", e.intensity.a},
                           {"k", e.intensity.k},
                           {"r2", e.intensity.r2},
                           {"fitted", e.intensityFitted},
                           {"units", "trades per second; delta in ticks from the mid"}}}};
    const json goodness{{"spread_ratio", out.fit.spreadRatio()},
                        {"trades_ratio", out.fit.tradesRatio()},
                        {"volatility_ratio", out.fit.volatilityRatio()},
                        {"converged", out.fit.converged},
                        {"iterations", out.fit.iterations},
                        {"simulations", out.fit.simulations},
                        {"simulated", figuresJson(out.fit.simulated)},
                        {"intensity_r2", e.intensity.r2}};
    CalibrationRecord record;
    record.symbol = symbol;
    record.scenario = scenario;
    record.factors.baseSlippage = e.market.meanSpreadTicks / 2 / std::max(1.0, e.firstMid);
    record.model = out.fit.scenario;
    record.price = e.firstMid * 0.01;
    record.estimatesJson = estimates.dump();
    record.goodnessOfFitJson = goodness.dump();
    record.dataSource = dataSource;
    record.dataFrom = dayStartNs + messages.front().timeNs;
    record.dataTo = dayStartNs + messages.back().timeNs;
    auto saved = saveCalibration(db, record, nowNs);
    if (!saved)
        return tl::unexpected(saved.error());
    out.calibrationId = *saved;
    return out;
}

Result<BarCalibration> calibrateBars(store::Database &db, const std::string &symbol, const std::string &scenario,
                                     std::span<const BarSample> bars, const std::string &dataSource,
                                     std::optional<std::pair<std::int64_t, std::int64_t>> stressed, std::int64_t nowNs)
{
    if (bars.size() < 100)
        return fail(ErrorCode::InvalidArgument,
                    "calibration: " + std::to_string(bars.size()) + " bars are too few (at least 100 are needed)");
    for (std::size_t i = 1; i < bars.size(); ++i)
        if (bars[i].time <= bars[i - 1].time)
            return fail(ErrorCode::InvalidArgument,
                        "calibration: bar " + std::to_string(i + 1) + " is not after the one before it");
    BarCalibration out;
    std::vector<double> returns;
    std::vector<std::int64_t> times;
    std::vector<double> volumes;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        if (!(bars[i].close > 0))
            return fail(ErrorCode::InvalidArgument, "calibration: bar " + std::to_string(i + 1) + " has no price");
        if (i > 0)
            returns.push_back(std::log(bars[i].close / bars[i - 1].close));
        times.push_back(bars[i].time);
        volumes.push_back(bars[i].volume);
    }
    out.volatility = metrics::sampleStd(returns);
    const double mean = metrics::mean(returns);
    std::vector<double> demeaned;
    for (const double r : returns)
        demeaned.push_back(r - mean);
    auto garch = fitGarch11(demeaned);
    if (!garch)
        return tl::unexpected(garch.error());
    out.garch = *garch;
    out.jumps = detectJumps(returns);
    out.volumeProfile = intradayVolumeProfile(times, volumes, 24);
    CalibrationRecord record;
    if (stressed) {
        std::vector<BarSample> normal, stress;
        for (const BarSample &b : bars)
            (b.time >= stressed->first && b.time < stressed->second ? stress : normal).push_back(b);
        auto factors = scenarioFactors(normal, stress);
        if (!factors)
            return tl::unexpected(factors.error());
        out.factors = *factors;
        record.factors = {factors->volatilityFactor, factors->liquidityFactor, factors->baseSlippage};
    }
    const json estimates{{"kind", "bars"},
                         {"bars", bars.size()},
                         {"volatility", out.volatility},
                         {"garch",
                          {{"omega", out.garch.omega},
                           {"alpha", out.garch.alpha},
                           {"beta", out.garch.beta},
                           {"log_likelihood", out.garch.logLikelihood}}},
                         {"jumps",
                          {{"intensity", out.jumps.intensity},
                           {"mean", out.jumps.mean},
                           {"std", out.jumps.std},
                           {"diffusion", out.jumps.diffusion},
                           {"count", out.jumps.jumps}}},
                         {"volume_profile", out.volumeProfile}};
    record.symbol = symbol;
    record.scenario = scenario;
    record.price = bars.back().close;
    record.estimatesJson = estimates.dump();
    record.goodnessOfFitJson =
        json{{"garch_log_likelihood", out.garch.logLikelihood}, {"garch_persistence", out.garch.persistence()}}.dump();
    record.dataSource = dataSource;
    record.dataFrom = bars.front().time;
    record.dataTo = bars.back().time;
    auto saved = saveCalibration(db, record, nowNs);
    if (!saved)
        return tl::unexpected(saved.error());
    out.calibrationId = *saved;
    return out;
}

} // namespace meridian::sim::calibration
