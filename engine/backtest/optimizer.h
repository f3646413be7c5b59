// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "backtest/bar_backtest.h"
#include "core/error.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

// Parameter optimisation of a strategy plugin over bar backtests: grid, random and genetic (NSGA-II,
// several objectives) search, on a pool of threads.
//
// Every candidate is a point of the grid the ranges define (min, min + step, …, max; or the listed
// choices). Candidates are evaluated independently and stored by their index, and every random draw comes
// from a stream of the seed named by what it is for, so the results are the same on any number of threads.
namespace meridian::backtest {

struct ParameterRange
{
    std::string name;                  // as in the plugin's schema
    double min = 0, max = 0, step = 1; // numbers: the grid min, min + step, … ≤ max
    bool integer = true;               // write the values as whole numbers
    std::vector<std::string> choices;  // when not empty: these texts (an enum), and min/max/step are unused
};

/// What to optimise: a figure of the backtest (see objectiveNames) and its direction.
struct Objective
{
    std::string name = "sharpe_ratio";
    bool maximize = true; // max_drawdown is minimised whatever this says
};

/// The figures an objective may name: sharpe_ratio, sortino_ratio, calmar_ratio, total_return,
/// annual_return, return_drawdown_ratio, max_drawdown, win_rate, profit_factor, final_equity.
std::vector<std::string> objectiveNames();

class Distribution;

struct OptimizeConfig
{
    enum class Method { Grid, Random, Genetic };
    Method method = Method::Grid;
    std::vector<Objective> objectives{Objective{}};
    std::size_t samples = 100;   // Random: candidates drawn (without repeats, at most the grid's size)
    std::size_t population = 40; // Genetic
    std::size_t generations = 10;
    std::uint64_t seed = 1;
    unsigned threads = 0;                 // 0: all cores (of this process)
    Distribution *distribution = nullptr; // several processes (MPI); null: this process alone
    BarBacktestConfig backtest;
};

struct Evaluation
{
    std::vector<double> values;     // per range: the number, or the index of the choice
    std::string parametersJson;     // what the plugin got (the base parameters with these values)
    std::vector<double> objectives; // per objective, in its natural sign; NaN when undefined
    std::string error;              // why the backtest failed or had no statistics ("" when fine)
    std::size_t rank = 0;           // Pareto front: 0 the best (Genetic: in the final population only)
};

struct OptimizeResult
{
    std::vector<Evaluation> evaluations; // every candidate evaluated, in the order they were chosen
    std::vector<std::size_t> best;       // indices of the best: the first objective's best first (one
                                         // objective) or the Pareto front (several)
    std::size_t gridSize = 0;
    bool cancelled = false;
};

/// Spreads a search across processes (the ranks of an MPI job). Every process runs the same search with the
/// same inputs; of each batch of candidates, process rank() of size() evaluates those at positions i with
/// i % size() == rank(), and exchange() gives every process the whole batch, so that each makes the same next
/// choices and ends with the same result.
class Distribution
{
public:
    virtual ~Distribution() = default;
    virtual std::size_t rank() const = 0;
    virtual std::size_t size() const = 0;
    /// Takes this process's share of a batch of `batch` candidates (positions rank, rank + size, …, in that
    /// order; an evaluation with empty parametersJson was not run because of a cancel) and returns the whole
    /// batch in candidate order. An error when the exchange between processes failed.
    virtual Result<std::vector<Evaluation>> exchange(const std::vector<Evaluation> &share, std::size_t batch) = 0;
};

/// Evaluations as bytes and back, for exchanges between processes of the same build and machine type
/// (numbers are copied as they are in memory). decodeEvaluations: InvalidArgument when the bytes are cut
/// short or malformed.
std::string encodeEvaluations(const std::vector<Evaluation> &evaluations);
Result<std::vector<Evaluation>> decodeEvaluations(std::string_view bytes);

/// Progress: evaluations done and planned. Called from the calling thread.
using OptimizeProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Errors: InvalidArgument for an empty or bad range (naming it), an unknown objective, a grid too large for
/// the grid method (over 1,000,000 points), a base that is not a JSON object.
Result<OptimizeResult> optimize(const std::vector<BarSeries> &series, const std::string &pluginPath,
                                const std::string &baseParametersJson, const std::vector<ParameterRange> &ranges,
                                const OptimizeConfig &config, const OptimizeProgress &progress = {},
                                const std::atomic<bool> *cancel = nullptr);

/// Walk-forward analysis: optimise on an in-sample window, then backtest the best parameters (by the first
/// objective) on the out-of-sample window that follows it; then move both forward by step. Each
/// out-of-sample run starts flat, with its indicators cold, as a strategy deployed on that day would.
struct WalkForwardConfig
{
    std::int64_t inSampleNs = 0;
    std::int64_t outOfSampleNs = 0;
    std::int64_t stepNs = 0; // 0: the out-of-sample length (windows that tile the data)
    OptimizeConfig optimize;
};

struct WalkForwardWindow
{
    std::int64_t inStart = 0, inEnd = 0, outStart = 0, outEnd = 0; // ns; a bar belongs where it opens
    std::string parametersJson;                                    // the in-sample best
    double inSampleObjective = 0;                                  // its first objective in sample
    double outOfSampleObjective = 0;
    double outOfSampleReturn = 0;
    std::size_t outOfSampleFills = 0;
    std::string error; // why the window has no out-of-sample figures ("" when it has)
};

struct WalkForwardResult
{
    std::vector<WalkForwardWindow> windows;
    double compoundedReturn = 0; // of the out-of-sample returns, one after another
    bool cancelled = false;
};

/// Errors: InvalidArgument for non-positive lengths or data shorter than one window; as optimize().
Result<WalkForwardResult> walkForward(const std::vector<BarSeries> &series, const std::string &pluginPath,
                                      const std::string &baseParametersJson, const std::vector<ParameterRange> &ranges,
                                      const WalkForwardConfig &config, const std::atomic<bool> *cancel = nullptr);

} // namespace meridian::backtest
