// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// bench_ui_signals: the signal stream under a steady feed. A worker thread publishes 1,000 opportunities a
// second (three sources, reasons of realistic length) into the bridge's hand-over; the GUI thread takes
// them at 30 Hz into the signal model shown in a table view. The model is filled to its cap first; then,
// for the run (60 s by default), the rows must stay at the cap and the resident memory must not grow. A
// 2 ms probe timer measures the event loop's lag. Prints the rows, the memory growth in each half of the
// run, the lag p99 / max and last "bench_ui_signals: <growth in the second half> kB".
//
// Usage: bench_ui_signals [--seconds S]. Runs offscreen unless told otherwise.
#include "bench_support.h"
#include "docks/paper_docks.h"
#include "lag_probe.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace meridian;
using meridian::bench::percentile;
using namespace meridian::ui;

namespace {

signal::Opportunity make(std::uint64_t n)
{
    signal::Opportunity o;
    o.id = n;
    o.instrument = static_cast<InstrumentId>(1 + n % 5);
    o.direction = n % 2 ? signal::Direction::Long : signal::Direction::Short;
    o.strength = 0.5;
    o.confidence = 0.7;
    o.sources = {"momentum", n % 3 ? "imbalance" : "vwap_reversion"};
    o.reason = "top-of-book imbalance 0." + std::to_string(60 + n % 40) + " (threshold 0.60)";
    o.signalCount = 1 + n % 4;
    o.updatedNs = static_cast<std::int64_t>(n) * 1'000'000;
    o.stages = {0, 100, 700, 800, 830, 860};
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const double seconds = bench::secondsArgument(argc, argv, 60);
    QApplication app(argc, argv);
    SignalModel model;
    QTableView view;
    view.setModel(&model);
    view.verticalHeader()->hide();
    view.resize(1100, 500);
    view.show();

    std::mutex mutex;
    std::vector<signal::Opportunity> pending;
    std::atomic<bool> stop{false};
    std::uint64_t made = 0;
    // Fill the model to its cap first.
    std::vector<signal::Opportunity> first;
    for (; made < static_cast<std::uint64_t>(SignalModel::kMaxRows); ++made)
        first.push_back(make(made));
    model.add(first);
    QApplication::processEvents();

    std::thread worker([&] {
        auto next = std::chrono::steady_clock::now();
        std::uint64_t n = made;
        while (!stop.load()) {
            next += std::chrono::milliseconds(1);
            {
                std::lock_guard lock(mutex);
                pending.push_back(make(n++));
            }
            std::this_thread::sleep_until(next);
        }
    });
    std::uint64_t delivered = 0;
    QTimer drain;
    drain.setInterval(33);
    QObject::connect(&drain, &QTimer::timeout, [&] {
        std::vector<signal::Opportunity> batch;
        {
            std::lock_guard lock(mutex);
            batch.swap(pending);
        }
        delivered += batch.size();
        model.add(batch);
    });
    drain.start();
    std::vector<double> lags;
    std::size_t *probeCount = nullptr; // set when the measurement starts
    bench::LagProbe probe([&](double lag) {
        if (probeCount && *probeCount < lags.size())
            lags[(*probeCount)++] = lag;
    });
    probe.start();

    QEventLoop loop;
    QTimer::singleShot(2000, &loop, &QEventLoop::quit); // warm-up: allocations settle
    loop.exec();
    // The probe's own record is allocated and touched now, so that it does not count as growth.
    lags.assign(static_cast<std::size_t>(seconds * 600), 0.0);
    std::size_t probes = 0;
    probeCount = &probes;
    const long before = bench::residentKb();
    const std::uint64_t deliveredBefore = delivered;
    int largest = 0;
    QTimer watch;
    watch.setInterval(100);
    QObject::connect(&watch, &QTimer::timeout, [&] { largest = std::max(largest, model.rowCount()); });
    watch.start();
    long half = 0;
    QTimer::singleShot(static_cast<int>(seconds * 500), [&] { half = bench::residentKb(); });
    QTimer::singleShot(static_cast<int>(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
    const long after = bench::residentKb();
    probeCount = nullptr;
    lags.resize(probes);
    stop = true;
    worker.join();

    std::printf("%llu signals in %.0f s (%.0f/s); rows at most %d (cap %d), now %d\n",
                static_cast<unsigned long long>(delivered - deliveredBefore), seconds,
                static_cast<double>(delivered - deliveredBefore) / seconds, largest, SignalModel::kMaxRows,
                model.rowCount());
    std::printf("event-loop lag p99 %.2f ms, max %.2f ms\n", percentile(lags, 0.99), percentile(lags, 1.0));
    std::printf("resident memory: %+ld kB in the first half (allocators settling), %+ld kB in the second\n",
                half - before, after - half);
    std::printf("bench_ui_signals: %ld kB\n", after - half);
    return largest <= SignalModel::kMaxRows ? 0 : 1;
}
