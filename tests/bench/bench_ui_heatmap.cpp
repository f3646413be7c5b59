// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// bench_ui_heatmap: the depth heatmap at its full size, 1,200 time columns × 400 price rows, in a 900 × 480
// widget. A seeded book of 50 levels a side drifts; each new column (what arrives every 100 ms in the
// workstation) is pushed and the widget repainted at once, and the two are timed together. The ring is
// filled first (1,200 columns), then 600 more columns are timed, some of which re-centre the price range
// (every kept column drawn again). Prints the push and the repaint costs apart, p50 / p99 / max of the two
// together, and last "bench_ui_heatmap: <p99> ms". Target (issue 10): at most 8 ms.
//
// Usage: bench_ui_heatmap [--columns N]   (timed columns, default 600). Runs offscreen unless told otherwise.
#include "bench_support.h"
#include "core/rng.h"
#include "widgets/heatmap_view.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace meridian;
using meridian::bench::percentile;
using namespace meridian::ui;

namespace {

constexpr double kTick = 0.01;

HeatmapColumn nextColumn(Rng &rng, std::int64_t &mid, std::int64_t time)
{
    if (rng.bernoulli(0.3))
        mid += rng.uniformInt(-20, 20); // ticks; now and then the mid leaves the middle half: a re-centre
    HeatmapColumn c;
    c.timeNs = time;
    for (int i = 0; i < 50; ++i) {
        c.levels.emplace_back(static_cast<double>(mid - 1 - 5 * i) * kTick,
                              0.001 * static_cast<double>(rng.uniformInt(1, 5000)));
        c.levels.emplace_back(static_cast<double>(mid + 1 + 5 * i) * kTick,
                              0.001 * static_cast<double>(rng.uniformInt(1, 5000)));
    }
    c.bestBid = static_cast<double>(mid - 1) * kTick;
    c.bestAsk = static_cast<double>(mid + 1) * kTick;
    for (int t = static_cast<int>(rng.uniformInt(0, 3)); t > 0; --t)
        c.trades.emplace_back(rng.bernoulli(0.5) ? c.bestBid : c.bestAsk,
                              0.001 * static_cast<double>(rng.uniformInt(1, 500)));
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int timed = 600;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--columns")
            timed = std::max(10, std::atoi(argv[i + 1]));
    QApplication app(argc, argv);
    HeatmapView heatmap(nullptr, 1200, 400);
    heatmap.resize(900, 480);
    heatmap.setPriceStep(kTick);
    heatmap.show();
    QApplication::processEvents();

    Rng rng(3);
    std::int64_t mid = 3'000'000;
    std::int64_t time = 0;
    for (int i = 0; i < 1200; ++i, time += 100'000'000)
        heatmap.push(nextColumn(rng, mid, time));
    heatmap.repaint();

    std::vector<double> push, paint, total;
    std::vector<HeatmapColumn> columns;
    for (int i = 0; i < timed; ++i, time += 100'000'000)
        columns.push_back(nextColumn(rng, mid, time));
    QElapsedTimer clock;
    for (HeatmapColumn &c : columns) {
        clock.start();
        heatmap.push(std::move(c));
        const double pushed = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        heatmap.repaint();
        const double all = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        push.push_back(pushed);
        paint.push_back(all - pushed);
        total.push_back(all);
    }
    std::printf("heatmap: %d columns kept × %d rows in a %dx%d widget, %d columns timed\n", heatmap.columnCount(),
                heatmap.rows(), heatmap.width(), heatmap.height(), timed);
    std::printf("push: p50 %.2f ms, p99 %.2f ms, max %.2f ms (the max re-centres: every kept column drawn again)\n",
                percentile(push, 0.5), percentile(push, 0.99), percentile(push, 1.0));
    std::printf("repaint: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", percentile(paint, 0.5), percentile(paint, 0.99),
                percentile(paint, 1.0));
    std::printf("push + repaint: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", percentile(total, 0.5),
                percentile(total, 0.99), percentile(total, 1.0));
    std::printf("bench_ui_heatmap: %.2f ms\n", percentile(total, 0.99));
    return 0;
}
