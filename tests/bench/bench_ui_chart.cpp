// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// bench_ui_chart: the two chart loads of issue 10, in a 1,200 × 700 widget, each frame a full replot.
//   1. A 1,000,000-point equity line (QCPGraph, adaptive sampling) panned across its whole range in 200
//      steps at a tenth of the range visible: frame time p50 / p95 / max. Target p95 ≤ 33 ms.
//   2. Candles from 1,000,000 one-minute bars (about two years) in the price chart at every zoom: the whole
//      range, a tenth, a hundredth, a thousandth, each panned across in 50 steps; the chart picks the candle
//      interval so that at most one candle is drawn per three pixels. Frame time p50 / p95 / max per zoom.
//      Target: every frame ≤ 33 ms.
// Last line "bench_ui_chart: <the larger of the line's p95 and the candles' max> ms".
//
// Usage: bench_ui_chart. Runs offscreen unless told otherwise.
#include "bench_support.h"
#include "core/rng.h"
#include "widgets/price_chart.h"

#include <QApplication>
#include <QElapsedTimer>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace meridian;
using meridian::bench::percentile;
using namespace meridian::ui;

namespace {} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    constexpr int kPoints = 1'000'000;
    Rng rng(11);

    // 1. The equity line.
    QCustomPlot line;
    line.resize(1200, 700);
    line.show();
    QCPGraph *graph = line.addGraph();
    graph->setAdaptiveSampling(true);
    {
        QVector<double> keys(kPoints), values(kPoints);
        double equity = 1e6;
        for (int i = 0; i < kPoints; ++i) {
            keys[i] = i;
            equity *= 1 + rng.normal(0, 0.0005);
            values[i] = equity;
        }
        graph->setData(keys, values, true);
    }
    line.yAxis->rescale();
    std::vector<double> lineFrames;
    QElapsedTimer clock;
    const double visible = kPoints / 10.0;
    for (int step = 0; step <= 200; ++step) {
        const double left = (kPoints - visible) * step / 200.0;
        line.xAxis->setRange(left, left + visible);
        clock.start();
        line.replot(QCustomPlot::rpImmediateRefresh);
        lineFrames.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("equity line, %d points, a tenth visible, panned in 200 steps: frame p50 %.2f ms, p95 %.2f ms, "
                "max %.2f ms\n",
                kPoints, percentile(lineFrames, 0.5), percentile(lineFrames, 0.95), percentile(lineFrames, 1.0));

    // 2. Candles.
    PriceChart chart(nullptr, 60'000'000'000);
    chart.resize(1200, 700);
    chart.show();
    std::vector<Candle> bars;
    bars.reserve(kPoints);
    double price = 30000;
    const std::int64_t start = 1'600'000'000LL * 1'000'000'000;
    for (int i = 0; i < kPoints; ++i) {
        const double open = price;
        price *= std::exp(rng.normal(0, 0.0008));
        bars.push_back({start + static_cast<std::int64_t>(i) * 60'000'000'000, open, std::max(open, price) * 1.0003,
                        std::min(open, price) * 0.9997, price, static_cast<double>(rng.uniformInt(1, 1000))});
    }
    clock.start();
    chart.series().setBars(bars);
    std::printf("candles: %d one-minute bars into every level in %.0f ms\n", kPoints,
                static_cast<double>(clock.nsecsElapsed()) / 1e6);
    const std::int64_t first = bars.front().time, last = bars.back().time + 60'000'000'000;
    double worst = 0;
    for (const double fraction : {1.0, 0.1, 0.01, 0.001}) {
        const auto width = static_cast<std::int64_t>(static_cast<double>(last - first) * fraction);
        std::vector<double> frames;
        std::size_t drawn = 0;
        std::int64_t interval = 0;
        const int steps = fraction == 1.0 ? 10 : 50;
        for (int step = 0; step <= steps; ++step) {
            const std::int64_t left = first + (last - first - width) * step / steps;
            clock.start();
            chart.setRange(left, left + width);
            chart.redraw();
            frames.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
            drawn = std::max(drawn, chart.visibleCandles());
            interval = chart.visibleInterval();
        }
        worst = std::max(worst, percentile(frames, 1.0));
        std::printf("candles, %6.1f%% of the range (interval %lld min, up to %zu drawn): frame p50 %.2f ms, "
                    "p95 %.2f ms, max %.2f ms\n",
                    fraction * 100, static_cast<long long>(interval / 60'000'000'000), drawn, percentile(frames, 0.5),
                    percentile(frames, 0.95), percentile(frames, 1.0));
    }
    std::printf("bench_ui_chart: %.2f ms\n", std::max(percentile(lineFrames, 0.95), worst));
    return 0;
}
