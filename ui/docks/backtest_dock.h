// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "backtest/bar_source.h"
#include "backtest/replay_cache.h"
#include "report/backtest_report.h"

#include <QDockWidget>
#include <QElapsedTimer>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QComboBox;
class QCustomPlot;
class QDateTimeEdit;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QThread;

namespace meridian::strategy {
class PluginRegistry;
}

namespace meridian::ui {

class ParameterEditor;

/// Backtests and optimisations of a strategy plugin over data imported into the database: bars, order-book
/// messages (LOBSTER) or trades.
///
/// The form: the strategy and its parameters (an editor built from the plugin's schema), the data set
/// (symbol, venue and interval or kind, as imported) and the period, the capital, maker and taker fees, and
/// slippage (bars) or latency (order book and trades). Bars fill orders by the engine's bar model (a limit
/// fills when a later bar trades through it, at the better of its price and the open; stops gap at the
/// open); order-book and trade data by the queue-position model (l2_backtest.h), through the replay cache.
/// Optimisations run over bars. An optimisation varies one or two numeric
/// parameters over min..max by step (grid, random or genetic search) for an objective, and is stored in
/// the database as the CLI's is.
///
/// The plugins and the bar sets are read when the dock is first shown. Runs go on a worker thread; the dock
/// shows progress with the time left and can cancel. The report: a statistics table, equity and drawdown, a
/// histogram of daily returns, a table of monthly returns, the price with the fills; for an optimisation, the
/// best results and a heatmap of the objective over the two parameters. Export writes the HTML report with
/// its charts, or the page in view as PNG.
///
/// Thread: GUI; the runs on their worker, which the destructor cancels and waits for.
class BacktestDock final : public QDockWidget
{
    Q_OBJECT
public:
    BacktestDock(QString databasePath, QStringList pluginFolders, QWidget *parent = nullptr);
    ~BacktestDock() override;

    /// Lists the bar sets of the database again (on the worker); dataListed() follows. False while a run goes.
    bool refreshData();
    /// Selects a strategy plugin by id (false when there is none) and a data set (false when not listed):
    /// bars by their interval, order-book messages by "book", trades by "trades".
    bool selectStrategy(const QString &id);
    bool selectData(const QString &symbol, const QString &interval);
    ParameterEditor *editor() const { return m_editor; }

    /// Starts a backtest; false (with the reason shown, see message()) when the form is refused or a run goes.
    bool runBacktest();
    /// Chooses the parameters an optimisation varies (y empty: one only), with their ranges.
    bool setOptimizedParameters(const QString &x, double xMin, double xMax, double xStep, const QString &y = {},
                                double yMin = 0, double yMax = 0, double yStep = 0);
    /// Starts an optimisation of the chosen parameters; false as runBacktest().
    bool runOptimization();
    void cancel();
    bool isRunning() const { return m_worker != nullptr; }
    QString message() const;

    /// The last backtest's and optimisation's reports (null before one finished).
    const BacktestReportData *report() const { return m_report ? &*m_report : nullptr; }
    const OptimizationReportData *optimization() const { return m_optimization ? &*m_optimization : nullptr; }
    /// Writes the HTML report of the last backtest (or, with the optimisation page in view, the
    /// optimisation's) into folder; returns its path, or an empty string and why.
    QString exportHtml(const QString &folder, QString *error);
    /// Saves the report page in view as PNG; false when there is nothing to show or it could not be written.
    bool exportPng(const QString &path);

signals:
    void dataListed();
    /// A run ended: ok false when it was refused by the engine, failed or was cancelled.
    void finished(bool ok);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Outcome;
    struct Inputs;
    QLabel *formLabel(const char *text, QWidget *buddy);
    void retranslate();
    void rescanPlugins();
    void showStrategy();
    void showDataRange();
    void fillParameterChoices();
    void suggestRange(int axis);
    bool gather(Inputs &inputs);
    /// Opens the database and loads the bars the inputs name (on the worker).
    static Result<backtest::BarSeries> loadSeries(const Inputs &in, const std::function<bool(double)> &progress);
    /// On the worker: an order-book or trade backtest (events through the replay cache beside the database).
    void runReplay(const Inputs &in, Outcome &out);
    /// On the worker: posts the share of the run done to the GUI thread; false once cancelled.
    bool postProgress(double fraction);
    void startWorker(std::function<void(Outcome &)> job);
    void progress(double fraction);
    void done(const std::shared_ptr<Outcome> &outcome);
    void showReport();
    void showOptimization();
    void replotPage(bool now = false);
    void setStatus(const QString &text, bool error = false);
    void updateButtons();

    QString m_databasePath;
    QStringList m_folders;
    std::unique_ptr<strategy::PluginRegistry> m_registry;
    std::vector<backtest::BarSet> m_sets;       // the data box lists these first,
    std::vector<backtest::ReplaySet> m_replays; // then these
    const backtest::ReplaySet *selectedReplay() const;
    std::vector<std::pair<QLabel *, const char *>> m_labels;

    QComboBox *m_strategy = nullptr;
    ParameterEditor *m_editor = nullptr;
    QComboBox *m_data = nullptr;
    QPushButton *m_refresh = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QDoubleSpinBox *m_capital = nullptr;
    QDoubleSpinBox *m_makerFee = nullptr;
    QDoubleSpinBox *m_takerFee = nullptr;
    QSpinBox *m_slippage = nullptr;
    QSpinBox *m_latency = nullptr;
    QLabel *m_fillModel = nullptr;
    QGroupBox *m_optimizeGroup = nullptr;
    QComboBox *m_axis[2] = {};
    QDoubleSpinBox *m_min[2] = {};
    QDoubleSpinBox *m_max[2] = {};
    QDoubleSpinBox *m_step[2] = {};
    QComboBox *m_method = nullptr;
    QComboBox *m_objective = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_optimize = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_exportHtml = nullptr;
    QPushButton *m_exportPng = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;

    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_statistics = nullptr;
    QCustomPlot *m_equityPlot = nullptr;
    QCustomPlot *m_drawdownPlot = nullptr;
    QCustomPlot *m_returnsPlot = nullptr;
    QTableWidget *m_monthly = nullptr;
    QCustomPlot *m_pricePlot = nullptr;
    QTableWidget *m_results = nullptr;
    QCustomPlot *m_heatmapPlot = nullptr;
    QWidget *m_optimizationPage = nullptr;

    QThread *m_worker = nullptr;
    std::atomic<bool> m_cancelFlag{false};
    QElapsedTimer m_clock;
    QElapsedTimer m_shownProgress; // when the progress was last drawn
    bool m_statusIsError = false;
    bool m_loaded = false; // plugins and bar sets read (on first show)
    std::optional<BacktestReportData> m_report;
    std::optional<OptimizationReportData> m_optimization;
};

} // namespace meridian::ui
