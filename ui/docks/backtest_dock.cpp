// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "docks/backtest_dock.h"

#include "backtest/optimization_store.h"
#include "backtest/optimizer.h"
#include "store/bar_import.h"
#include "strategy/plugin_registry.h"
#include "widgets/parameter_editor.h"
#include "widgets/theme.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace meridian::ui {

/// What the form asked for, copied for the worker.
struct BacktestDock::Inputs
{
    std::string database, pluginPath, strategyId, parametersJson;
    backtest::BarSet set;
    std::optional<backtest::ReplaySet> replay; // instead of the bars: an order-book or trade backtest
    std::int64_t latencyNs = 0;
    std::int64_t fromNs = 0, toNs = 0;
    backtest::BarBacktestConfig config;
    std::vector<backtest::ParameterRange> ranges;
    backtest::OptimizeConfig optimize;
};

/// What a run on the worker gives back to the GUI thread.
struct BacktestDock::Outcome
{
    enum class Kind { List, Backtest, Optimize } kind = Kind::List;
    QString error;
    bool cancelled = false;
    std::vector<backtest::BarSet> sets;
    std::vector<backtest::ReplaySet> replays;
    QString note; // worth saying about a run that went well
    std::optional<BacktestReportData> report;
    std::optional<OptimizationReportData> optimization;
    std::size_t evaluations = 0;
    std::int64_t storedRun = 0;
};

namespace {

constexpr double kLoadShare = 0.2; // of a backtest's progress bar: loading the bars, then the run

QDateTime utc(std::int64_t ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000, Qt::UTC);
}

std::int64_t nanoseconds(const QDateTimeEdit *edit)
{
    return edit->dateTime().toMSecsSinceEpoch() * 1'000'000;
}

QDoubleSpinBox *numberBox(QWidget *parent, double min, double max, int decimals, const QString &name)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setObjectName(name);
    box->setKeyboardTracking(false);
    return box;
}

QCustomPlot *newPlot(QWidget *parent, const QString &name)
{
    auto *plot = new QCustomPlot(parent);
    plot->setObjectName(name);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setMinimumHeight(160);
    return plot;
}

} // namespace

BacktestDock::BacktestDock(QString databasePath, QStringList pluginFolders, QWidget *parent)
    : QDockWidget(parent), m_databasePath(std::move(databasePath)), m_folders(std::move(pluginFolders))
{
    setObjectName(QStringLiteral("dock.backtest"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);

    // The form, scrolled when the dock is short.
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *formPage = new QWidget(scroll);
    auto *column = new QVBoxLayout(formPage);
    auto *form = new QFormLayout;
    m_strategy = new QComboBox(formPage);
    m_strategy->setObjectName(QStringLiteral("backtest.strategy"));
    form->addRow(formLabel(QT_TR_NOOP("Strategy"), m_strategy), m_strategy);
    m_editor = new ParameterEditor(formPage);
    m_editor->setObjectName(QStringLiteral("backtest.parameters"));
    form->addRow(m_editor);
    auto *dataRow = new QHBoxLayout;
    m_data = new QComboBox(formPage);
    m_data->setObjectName(QStringLiteral("backtest.data"));
    m_data->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_data->setMinimumContentsLength(16);
    m_refresh = new QPushButton(formPage);
    m_refresh->setObjectName(QStringLiteral("backtest.refresh"));
    dataRow->addWidget(m_data, 1);
    dataRow->addWidget(m_refresh);
    form->addRow(formLabel(QT_TR_NOOP("Data"), m_data), dataRow);
    for (QDateTimeEdit **edit : {&m_from, &m_to}) {
        *edit = new QDateTimeEdit(formPage);
        (*edit)->setTimeSpec(Qt::UTC);
        (*edit)->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        (*edit)->setCalendarPopup(true);
    }
    m_from->setObjectName(QStringLiteral("backtest.from"));
    m_to->setObjectName(QStringLiteral("backtest.to"));
    form->addRow(formLabel(QT_TR_NOOP("From (UTC)"), m_from), m_from);
    form->addRow(formLabel(QT_TR_NOOP("To (UTC, exclusive)"), m_to), m_to);
    m_capital = numberBox(formPage, 1, 1e12, 2, QStringLiteral("backtest.capital"));
    m_capital->setValue(100'000);
    form->addRow(formLabel(QT_TR_NOOP("Capital"), m_capital), m_capital);
    // Fees in basis points; negative maker fees are rebates.
    m_makerFee = numberBox(formPage, -100, 1000, 2, QStringLiteral("backtest.makerFee"));
    m_takerFee = numberBox(formPage, -100, 1000, 2, QStringLiteral("backtest.takerFee"));
    form->addRow(formLabel(QT_TR_NOOP("Maker fee (bp)"), m_makerFee), m_makerFee);
    form->addRow(formLabel(QT_TR_NOOP("Taker fee (bp)"), m_takerFee), m_takerFee);
    m_slippage = new QSpinBox(formPage);
    m_slippage->setObjectName(QStringLiteral("backtest.slippage"));
    m_slippage->setRange(0, 1000);
    form->addRow(formLabel(QT_TR_NOOP("Slippage (ticks)"), m_slippage), m_slippage);
    m_latency = new QSpinBox(formPage);
    m_latency->setObjectName(QStringLiteral("backtest.latency"));
    m_latency->setRange(0, 10'000'000);
    m_latency->setSingleStep(100);
    form->addRow(formLabel(QT_TR_NOOP("Latency (µs)"), m_latency), m_latency);
    m_fillModel = new QLabel(formPage);
    m_fillModel->setWordWrap(true);
    form->addRow(formLabel(QT_TR_NOOP("Fill model"), m_fillModel), m_fillModel);
    column->addLayout(form);

    m_optimizeGroup = new QGroupBox(formPage);
    auto *optimizeForm = new QFormLayout(m_optimizeGroup);
    static const char *const kAxis[2] = {QT_TR_NOOP("Parameter 1"), QT_TR_NOOP("Parameter 2")};
    static const char *const kRange[2] = {QT_TR_NOOP("Range 1 (min, max, step)"),
                                          QT_TR_NOOP("Range 2 (min, max, step)")};
    for (int a = 0; a < 2; ++a) {
        m_axis[a] = new QComboBox(m_optimizeGroup);
        m_axis[a]->setObjectName(QStringLiteral("backtest.axis%1").arg(a + 1));
        optimizeForm->addRow(formLabel(kAxis[a], m_axis[a]), m_axis[a]);
        auto *range = new QHBoxLayout;
        m_min[a] = numberBox(m_optimizeGroup, -1e9, 1e9, 4, QStringLiteral("backtest.min%1").arg(a + 1));
        m_max[a] = numberBox(m_optimizeGroup, -1e9, 1e9, 4, QStringLiteral("backtest.max%1").arg(a + 1));
        m_step[a] = numberBox(m_optimizeGroup, 0, 1e9, 4, QStringLiteral("backtest.step%1").arg(a + 1));
        range->addWidget(m_min[a]);
        range->addWidget(m_max[a]);
        range->addWidget(m_step[a]);
        optimizeForm->addRow(formLabel(kRange[a], m_min[a]), range);
        connect(m_axis[a], &QComboBox::currentIndexChanged, this, [this, a] { suggestRange(a); });
    }
    m_method = new QComboBox(m_optimizeGroup);
    m_method->setObjectName(QStringLiteral("backtest.method"));
    for (int i = 0; i < 3; ++i)
        m_method->addItem(QString(), i);
    optimizeForm->addRow(formLabel(QT_TR_NOOP("Search"), m_method), m_method);
    m_objective = new QComboBox(m_optimizeGroup);
    m_objective->setObjectName(QStringLiteral("backtest.objective"));
    for (const std::string &name : backtest::objectiveNames())
        m_objective->addItem(QString::fromStdString(name));
    optimizeForm->addRow(formLabel(QT_TR_NOOP("Objective"), m_objective), m_objective);
    column->addWidget(m_optimizeGroup);

    auto *buttons = new QHBoxLayout;
    m_run = new QPushButton(formPage);
    m_run->setObjectName(QStringLiteral("backtest.run"));
    m_optimize = new QPushButton(formPage);
    m_optimize->setObjectName(QStringLiteral("backtest.optimize"));
    m_cancel = new QPushButton(formPage);
    m_cancel->setObjectName(QStringLiteral("backtest.cancel"));
    buttons->addWidget(m_run);
    buttons->addWidget(m_optimize);
    buttons->addWidget(m_cancel);
    column->addLayout(buttons);
    m_progress = new QProgressBar(formPage);
    m_progress->setObjectName(QStringLiteral("backtest.progress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    column->addWidget(m_progress);
    m_status = new QLabel(formPage);
    m_status->setObjectName(QStringLiteral("backtest.status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_status);
    auto *exports = new QHBoxLayout;
    m_exportHtml = new QPushButton(formPage);
    m_exportHtml->setObjectName(QStringLiteral("backtest.exportHtml"));
    m_exportPng = new QPushButton(formPage);
    m_exportPng->setObjectName(QStringLiteral("backtest.exportPng"));
    exports->addWidget(m_exportHtml);
    exports->addWidget(m_exportPng);
    column->addLayout(exports);
    column->addStretch(1);
    scroll->setWidget(formPage);

    // The report.
    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(QStringLiteral("backtest.report"));
    m_statistics = new QTableWidget(0, 2, m_tabs);
    m_statistics->setObjectName(QStringLiteral("backtest.statistics"));
    m_statistics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_statistics->verticalHeader()->hide();
    m_statistics->horizontalHeader()->setStretchLastSection(true);
    m_tabs->addTab(m_statistics, QString());
    auto *equityPage = new QWidget(m_tabs);
    auto *equityLayout = new QVBoxLayout(equityPage);
    equityLayout->setContentsMargins(0, 0, 0, 0);
    m_equityPlot = newPlot(equityPage, QStringLiteral("backtest.equity"));
    m_drawdownPlot = newPlot(equityPage, QStringLiteral("backtest.drawdown"));
    equityLayout->addWidget(m_equityPlot, 3);
    equityLayout->addWidget(m_drawdownPlot, 2);
    m_tabs->addTab(equityPage, QString());
    m_returnsPlot = newPlot(m_tabs, QStringLiteral("backtest.returns"));
    m_tabs->addTab(m_returnsPlot, QString());
    m_monthly = new QTableWidget(0, 13, m_tabs);
    m_monthly->setObjectName(QStringLiteral("backtest.monthly"));
    m_monthly->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tabs->addTab(m_monthly, QString());
    m_pricePlot = newPlot(m_tabs, QStringLiteral("backtest.price"));
    m_tabs->addTab(m_pricePlot, QString());
    m_optimizationPage = new QWidget(m_tabs);
    auto *optimizationLayout = new QVBoxLayout(m_optimizationPage);
    optimizationLayout->setContentsMargins(0, 0, 0, 0);
    m_heatmapPlot = newPlot(m_optimizationPage, QStringLiteral("backtest.heatmap"));
    m_results = new QTableWidget(0, 0, m_optimizationPage);
    m_results->setObjectName(QStringLiteral("backtest.results"));
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    optimizationLayout->addWidget(m_heatmapPlot, 3);
    optimizationLayout->addWidget(m_results, 2);
    m_tabs->addTab(m_optimizationPage, QString());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    setWidget(splitter);

    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { replotPage(); });
    connect(m_strategy, &QComboBox::currentIndexChanged, this, &BacktestDock::showStrategy);
    connect(m_data, &QComboBox::currentIndexChanged, this, &BacktestDock::showDataRange);
    connect(m_refresh, &QPushButton::clicked, this, &BacktestDock::refreshData);
    connect(m_run, &QPushButton::clicked, this, &BacktestDock::runBacktest);
    connect(m_optimize, &QPushButton::clicked, this, &BacktestDock::runOptimization);
    connect(m_cancel, &QPushButton::clicked, this, &BacktestDock::cancel);
    connect(m_exportHtml, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Export the report into"));
        if (folder.isEmpty())
            return;
        QString error;
        const QString path = exportHtml(folder, &error);
        setStatus(path.isEmpty() ? tr("Export failed: %1").arg(error) : tr("Report written to %1").arg(path),
                  path.isEmpty());
    });
    connect(m_exportPng, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save the chart as"), QString(), tr("PNG images (*.png)"));
        if (path.isEmpty())
            return;
        const bool ok = exportPng(path);
        setStatus(ok ? tr("Saved %1").arg(path) : tr("Could not write %1").arg(path), !ok);
    });

    retranslate();
    updateButtons();
}

void BacktestDock::showEvent(QShowEvent *event)
{
    // The plugins and the database's bar sets are read when the dock is first shown, not when the
    // workstation starts: most sessions never open it, and listing the bar sets reads all of market_data.
    if (!m_loaded) {
        m_loaded = true;
        rescanPlugins();
        refreshData();
    }
    QDockWidget::showEvent(event);
}

BacktestDock::~BacktestDock()
{
    if (m_worker) {
        m_cancelFlag = true;
        m_worker->wait();
        delete m_worker;
    }
}

QLabel *BacktestDock::formLabel(const char *text, QWidget *buddy)
{
    auto *label = new QLabel(buddy->parentWidget());
    label->setBuddy(buddy);
    m_labels.emplace_back(label, text);
    return label;
}

void BacktestDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void BacktestDock::retranslate()
{
    setWindowTitle(tr("Backtest"));
    for (const auto &[label, text] : m_labels)
        label->setText(tr(text));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("List the data sets in the database again"));
    m_latency->setToolTip(tr("Order book and trades: how long an order takes to reach the book, and market data "
                             "to reach the strategy"));
    showDataRange(); // the fill model's words follow the data chosen
    m_optimizeGroup->setTitle(tr("Optimisation"));
    const QString methods[3] = {tr("Grid: every point"), tr("Random: 100 points of the grid"),
                                tr("Genetic: 10 generations of 40")};
    for (int i = 0; i < 3; ++i)
        m_method->setItemText(i, methods[i]);
    for (int a = 0; a < 2; ++a) {
        m_min[a]->setAccessibleName(tr("Parameter %1 minimum").arg(a + 1));
        m_max[a]->setAccessibleName(tr("Parameter %1 maximum").arg(a + 1));
        m_step[a]->setAccessibleName(tr("Parameter %1 step").arg(a + 1));
    }
    if (m_axis[1]->count() > 0)
        m_axis[1]->setItemText(0, tr("(none)"));
    m_run->setText(tr("Run backtest"));
    m_optimize->setText(tr("Optimise"));
    m_cancel->setText(tr("Cancel"));
    m_exportHtml->setText(tr("Export HTML…"));
    m_exportPng->setText(tr("Export PNG…"));
    m_progress->setAccessibleName(tr("Progress of the run"));
    m_statistics->setAccessibleName(tr("Statistics"));
    m_statistics->setHorizontalHeaderLabels({tr("Statistic"), tr("Value")});
    m_monthly->setAccessibleName(tr("Monthly returns"));
    QStringList months;
    for (int m = 1; m <= 12; ++m)
        months << QLocale().monthName(m, QLocale::ShortFormat);
    m_monthly->setHorizontalHeaderLabels(months << tr("Year"));
    m_results->setAccessibleName(tr("Optimisation results"));
    m_tabs->setTabText(0, tr("Statistics"));
    m_tabs->setTabText(1, tr("Equity and drawdown"));
    m_tabs->setTabText(2, tr("Daily returns"));
    m_tabs->setTabText(3, tr("Monthly returns"));
    m_tabs->setTabText(4, tr("Trades"));
    m_tabs->setTabText(5, tr("Optimisation"));
}

void BacktestDock::rescanPlugins()
{
    m_registry = std::make_unique<strategy::PluginRegistry>();
    std::vector<std::string> folders;
    for (const QString &f : m_folders)
        folders.push_back(f.toStdString());
    m_registry->discover(folders);
    const QSignalBlocker block(m_strategy);
    m_strategy->clear();
    for (const auto &plugin : m_registry->plugins())
        if (plugin->info().kind == strategy::PluginKind::Strategy)
            m_strategy->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(plugin->info().name),
                                                              QString::fromStdString(plugin->info().id)),
                                QString::fromStdString(plugin->info().id));
    showStrategy();
}

bool BacktestDock::selectStrategy(const QString &id)
{
    const int i = m_strategy->findData(id);
    if (i < 0)
        return false;
    m_strategy->setCurrentIndex(i);
    showStrategy();
    return true;
}

void BacktestDock::showStrategy()
{
    const strategy::PluginLibrary *plugin =
        m_registry ? m_registry->find(m_strategy->currentData().toString().toStdString()) : nullptr;
    m_editor->setSchema(plugin ? plugin->info().parameters : std::vector<strategy::ParameterSpec>{});
    fillParameterChoices();
}

void BacktestDock::fillParameterChoices()
{
    const strategy::PluginLibrary *plugin =
        m_registry ? m_registry->find(m_strategy->currentData().toString().toStdString()) : nullptr;
    for (int a = 0; a < 2; ++a) {
        const QSignalBlocker block(m_axis[a]);
        m_axis[a]->clear();
        if (a == 1)
            m_axis[a]->addItem(tr("(none)"), QString());
        if (plugin)
            for (const strategy::ParameterSpec &p : plugin->info().parameters)
                if (p.type == strategy::ParameterType::Int || p.type == strategy::ParameterType::Float)
                    m_axis[a]->addItem(QString::fromStdString(p.name), QString::fromStdString(p.name));
    }
    if (m_axis[1]->count() > 2)
        m_axis[1]->setCurrentIndex(2); // two different parameters: a heatmap
    suggestRange(0);
    suggestRange(1);
}

void BacktestDock::suggestRange(int axis)
{
    const strategy::PluginLibrary *plugin =
        m_registry ? m_registry->find(m_strategy->currentData().toString().toStdString()) : nullptr;
    const std::string name = m_axis[axis]->currentData().toString().toStdString();
    const strategy::ParameterSpec *spec = nullptr;
    if (plugin)
        for (const strategy::ParameterSpec &p : plugin->info().parameters)
            if (p.name == name)
                spec = &p;
    for (QDoubleSpinBox *box : {m_min[axis], m_max[axis], m_step[axis]})
        box->setEnabled(spec != nullptr);
    if (!spec)
        return;
    // Around the default: from half to twice it, within the schema's bounds, in about ten steps.
    const double value =
        QJsonDocument::fromJson(QByteArray::fromStdString("[" + spec->defaultJson + "]")).array().at(0).toDouble(1);
    double low = value > 0 ? value / 2 : value - 1, high = value > 0 ? value * 2 : value + 1;
    if (spec->hasMin)
        low = std::max(low, spec->min);
    if (spec->hasMax)
        high = std::min(high, spec->max);
    const bool integer = spec->type == strategy::ParameterType::Int;
    double step = (high - low) / 10;
    if (integer) {
        low = std::ceil(low);
        high = std::floor(high);
        step = std::max(1.0, std::round(step));
    } else if (spec->step > 0) {
        step = std::max(step, spec->step);
    }
    for (QDoubleSpinBox *box : {m_min[axis], m_max[axis], m_step[axis]})
        box->setDecimals(integer ? 0 : 4);
    m_min[axis]->setValue(low);
    m_max[axis]->setValue(high);
    m_step[axis]->setValue(step);
}

bool BacktestDock::setOptimizedParameters(const QString &x, double xMin, double xMax, double xStep, const QString &y,
                                          double yMin, double yMax, double yStep)
{
    const int i = m_axis[0]->findData(x), j = m_axis[1]->findData(y);
    if (i < 0 || j < 0)
        return false;
    m_axis[0]->setCurrentIndex(i);
    m_axis[1]->setCurrentIndex(j);
    const double values[2][3] = {{xMin, xMax, xStep}, {yMin, yMax, yStep}};
    for (int a = 0; a < 2; ++a) {
        m_min[a]->setValue(values[a][0]);
        m_max[a]->setValue(values[a][1]);
        m_step[a]->setValue(values[a][2]);
    }
    return true;
}

bool BacktestDock::refreshData()
{
    if (m_worker)
        return false;
    Inputs in;
    in.database = m_databasePath.toStdString();
    startWorker([in](Outcome &out) {
        out.kind = Outcome::Kind::List;
        auto db = store::Database::open(in.database);
        if (!db) {
            out.error = QString::fromStdString(db.error().message);
            return;
        }
        auto sets = backtest::listBarSets(*db);
        auto replays = sets ? backtest::listReplaySets(*db) : Result<std::vector<backtest::ReplaySet>>();
        if (!sets)
            out.error = QString::fromStdString(sets.error().message);
        else if (!replays)
            out.error = QString::fromStdString(replays.error().message);
        else {
            out.sets = std::move(*sets);
            out.replays = std::move(*replays);
        }
    });
    return true;
}

bool BacktestDock::selectData(const QString &symbol, const QString &interval)
{
    for (std::size_t i = 0; i < m_sets.size(); ++i)
        if (QString::fromStdString(m_sets[i].symbol) == symbol &&
            QString::fromStdString(m_sets[i].interval) == interval) {
            m_data->setCurrentIndex(static_cast<int>(i));
            showDataRange();
            return true;
        }
    for (std::size_t i = 0; i < m_replays.size(); ++i)
        if (QString::fromStdString(m_replays[i].symbol) == symbol &&
            QString::fromStdString(std::string(store::datasetKindName(m_replays[i].kind))) == interval) {
            m_data->setCurrentIndex(static_cast<int>(m_sets.size() + i));
            showDataRange();
            return true;
        }
    return false;
}

const backtest::ReplaySet *BacktestDock::selectedReplay() const
{
    const int i = m_data->currentIndex() - static_cast<int>(m_sets.size());
    return i >= 0 && static_cast<std::size_t>(i) < m_replays.size() ? &m_replays[static_cast<std::size_t>(i)] : nullptr;
}

void BacktestDock::showDataRange()
{
    const backtest::ReplaySet *replay = selectedReplay();
    m_slippage->setEnabled(!replay);
    m_latency->setEnabled(replay != nullptr);
    if (replay)
        m_fillModel->setText(tr("Order book: an order joins the back of its level's queue and fills as trades "
                                "consume the quantity ahead of it (cancels shrink that in proportion); a "
                                "marketable order takes the displayed depth; orders and market data arrive after "
                                "the latency. Optimisations run over bars."));
    else
        m_fillModel->setText(tr("Bars: an order placed at a bar's close fills from the next bar; a limit fills "
                                "when a bar trades through its price, at the better of that price and the open; "
                                "stops and market orders fill at the open, less the slippage."));
    updateButtons();
    const int i = m_data->currentIndex();
    std::int64_t first = 0, end = 0;
    if (replay) {
        first = replay->firstNs;
        end = replay->lastNs + 1;
    } else if (i >= 0 && static_cast<std::size_t>(i) < m_sets.size()) {
        const backtest::BarSet &set = m_sets[static_cast<std::size_t>(i)];
        first = set.firstNs;
        end = set.lastNs + store::intervalNanoseconds(set.interval);
    } else {
        return;
    }
    // The boxes show minutes: the end rounds up so that the last event stays inside.
    end = (end + 59'999'999'999) / 60'000'000'000 * 60'000'000'000;
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setMinimumDateTime(utc(first));
        edit->setMaximumDateTime(utc(end));
    }
    m_from->setDateTime(utc(first));
    m_to->setDateTime(utc(end));
}

bool BacktestDock::gather(Inputs &in)
{
    if (m_worker) {
        setStatus(tr("A run is going; cancel it first"), true);
        return false;
    }
    const strategy::PluginLibrary *plugin =
        m_registry ? m_registry->find(m_strategy->currentData().toString().toStdString()) : nullptr;
    if (!plugin) {
        setStatus(tr("Choose a strategy: no strategy plugin was found in %1").arg(m_folders.join(QStringLiteral(", "))),
                  true);
        return false;
    }
    const int set = m_data->currentIndex();
    const backtest::ReplaySet *replay = selectedReplay();
    if (!replay && (set < 0 || static_cast<std::size_t>(set) >= m_sets.size())) {
        setStatus(tr("Choose the data: the database has none yet. Import some with meridian-cli import."), true);
        return false;
    }
    auto parameters = m_editor->parameters();
    if (!parameters) {
        setStatus(tr("The parameters are refused: %1").arg(QString::fromStdString(parameters.error().message)), true);
        return false;
    }
    in.database = m_databasePath.toStdString();
    in.pluginPath = plugin->info().path;
    in.strategyId = plugin->info().id;
    in.parametersJson = *parameters;
    if (replay)
        in.replay = *replay;
    else
        in.set = m_sets[static_cast<std::size_t>(set)];
    in.latencyNs = static_cast<std::int64_t>(m_latency->value()) * 1'000;
    in.fromNs = nanoseconds(m_from);
    in.toNs = nanoseconds(m_to);
    if (in.toNs <= in.fromNs) {
        setStatus(tr("The period is empty: the end must come after the start"), true);
        return false;
    }
    in.config.initialCapital = m_capital->value();
    in.config.makerFee = m_makerFee->value() / 10'000;
    in.config.takerFee = m_takerFee->value() / 10'000;
    in.config.slippageTicks = m_slippage->value();
    return true;
}

Result<backtest::BarSeries> BacktestDock::loadSeries(const Inputs &in, const std::function<bool(double)> &progress)
{
    auto db = store::Database::open(in.database);
    if (!db)
        return tl::unexpected(db.error());
    const backtest::ResolvedInstrument resolved = backtest::resolveInstrument(*db, in.set.symbol);
    auto instrument = Instrument::create(resolved.spec);
    if (!instrument)
        return tl::unexpected(instrument.error());
    // The set's count bounds the period's: the share shown may run short of 1, never past it.
    const auto expected = static_cast<double>(std::max<std::int64_t>(1, in.set.bars));
    return backtest::loadBars(*db, *instrument, in.set.venue, in.set.interval, in.fromNs, in.toNs,
                              [&](std::size_t bars) { return progress(static_cast<double>(bars) / expected); });
}

bool BacktestDock::runBacktest()
{
    Inputs in;
    if (!gather(in))
        return false;
    if (in.replay) {
        startWorker([this, in](Outcome &out) { runReplay(in, out); });
        return true;
    }
    startWorker([this, in](Outcome &out) {
        out.kind = Outcome::Kind::Backtest;
        auto series = loadSeries(in, [this](double loaded) { return postProgress(kLoadShare * loaded); });
        if (!series) {
            out.cancelled = series.error().code == ErrorCode::Cancelled;
            out.error = QString::fromStdString(series.error().message);
            return;
        }
        backtest::BacktestControl control;
        control.cancel = &m_cancelFlag;
        control.progressEvery = std::max<std::uint64_t>(1024, series->bars.size() / 200);
        control.progress = [this](std::uint64_t done, std::uint64_t total) {
            postProgress(kLoadShare + (1 - kLoadShare) * static_cast<double>(done) / static_cast<double>(total));
        };
        const std::vector<backtest::BarSeries> all{std::move(*series)};
        const auto r = backtest::runBarBacktest(all, in.pluginPath, in.parametersJson, in.config, control);
        if (!r) {
            out.cancelled = r.error().code == ErrorCode::Cancelled;
            out.error = QString::fromStdString(r.error().message);
            return;
        }
        out.report = BacktestReport::fromBarBacktest(all.front(), *r, in.strategyId, in.parametersJson, in.config);
    });
    return true;
}

void BacktestDock::runReplay(const Inputs &in, Outcome &out)
{
    out.kind = Outcome::Kind::Backtest;
    auto db = store::Database::open(in.database);
    if (!db) {
        out.error = QString::fromStdString(db.error().message);
        return;
    }
    auto source = backtest::replaySource(*db, in.replay->symbol, in.replay->venue, in.replay->kind, in.fromNs, in.toNs);
    if (!source) {
        out.error = QString::fromStdString(source.error().message);
        return;
    }
    // Loading reports no progress of its own (the cache reads at disk speed; a first read builds it).
    auto replay = backtest::loadReplay(*db, backtest::replayCacheFolder(in.database), source->request);
    if (!replay) {
        out.error = QString::fromStdString(replay.error().message);
        return;
    }
    if (!postProgress(kLoadShare)) {
        out.cancelled = true;
        out.error = tr("cancelled");
        return;
    }
    backtest::L2BacktestConfig config;
    config.initialCapital = in.config.initialCapital;
    config.makerFee = in.config.makerFee;
    config.takerFee = in.config.takerFee;
    config.entryLatencyNs = config.marketDataLatencyNs = in.latencyNs;
    backtest::BacktestControl control;
    control.cancel = &m_cancelFlag;
    control.progressEvery = std::max<std::uint64_t>(4096, replay->events.size() / 200);
    control.progress = [this](std::uint64_t done, std::uint64_t total) {
        postProgress(kLoadShare + (1 - kLoadShare) * static_cast<double>(done) / static_cast<double>(total));
    };
    const auto r =
        backtest::runL2Backtest(source->instrument, replay->events, in.pluginPath, in.parametersJson, config, control);
    if (!r) {
        out.cancelled = r.error().code == ErrorCode::Cancelled;
        out.error = QString::fromStdString(r.error().message);
        return;
    }
    out.report = BacktestReport::fromL2Backtest(source->instrument, replay->events, *r, in.strategyId,
                                                in.parametersJson, config);
    if (!replay->cacheProblem.empty())
        out.note = tr("the replay cache was not used: %1").arg(QString::fromStdString(replay->cacheProblem));
}

bool BacktestDock::runOptimization()
{
    Inputs in;
    if (!gather(in))
        return false;
    const strategy::PluginLibrary *plugin = m_registry->find(in.strategyId);
    for (int a = 0; a < 2; ++a) {
        const std::string name = m_axis[a]->currentData().toString().toStdString();
        if (name.empty())
            continue;
        backtest::ParameterRange range;
        range.name = name;
        range.min = m_min[a]->value();
        range.max = m_max[a]->value();
        range.step = m_step[a]->value();
        for (const strategy::ParameterSpec &p : plugin->info().parameters)
            if (p.name == name)
                range.integer = p.type == strategy::ParameterType::Int;
        if (!(range.step > 0) || range.max < range.min) {
            setStatus(tr("The range of %1 is empty: the step must be positive and the maximum at least the minimum")
                          .arg(QString::fromStdString(name)),
                      true);
            return false;
        }
        in.ranges.push_back(range);
    }
    if (in.ranges.empty()) {
        setStatus(tr("Choose a parameter to optimise: %1 has no numeric parameter")
                      .arg(QString::fromStdString(in.strategyId)),
                  true);
        return false;
    }
    if (in.ranges.size() == 2 && in.ranges[0].name == in.ranges[1].name) {
        setStatus(tr("Choose two different parameters"), true);
        return false;
    }
    in.optimize.method = static_cast<backtest::OptimizeConfig::Method>(m_method->currentData().toInt());
    in.optimize.objectives = {backtest::Objective{m_objective->currentText().toStdString(), true}};
    in.optimize.backtest = in.config;
    startWorker([this, in](Outcome &out) {
        out.kind = Outcome::Kind::Optimize;
        // Loading is a small share of an optimisation's time.
        auto series = loadSeries(in, [this](double loaded) { return postProgress(0.02 * loaded); });
        if (!series) {
            out.cancelled = series.error().code == ErrorCode::Cancelled;
            out.error = QString::fromStdString(series.error().message);
            return;
        }
        const std::vector<backtest::BarSeries> all{std::move(*series)};
        const auto r = backtest::optimize(
            all, in.pluginPath, in.parametersJson, in.ranges, in.optimize,
            [this](std::size_t done, std::size_t total) {
                postProgress(0.02 + 0.98 * static_cast<double>(done) / static_cast<double>(total));
            },
            &m_cancelFlag);
        if (!r) {
            out.error = QString::fromStdString(r.error().message);
            return;
        }
        out.evaluations = r->evaluations.size();
        if (r->cancelled) {
            out.cancelled = true;
            out.error = tr("cancelled after %1 evaluations").arg(r->evaluations.size());
            return;
        }
        // Every search is kept, as the CLI keeps its own.
        auto db = store::Database::open(in.database);
        if (!db) {
            out.error = QString::fromStdString(db.error().message);
            return;
        }
        const backtest::OptimizationRun run{in.strategyId,
                                            in.set.symbol,
                                            in.set.interval,
                                            in.parametersJson,
                                            all[0].bars.front().openTime,
                                            all[0].bars.back().openTime};
        auto saved = backtest::saveOptimization(*db, run, in.ranges, in.optimize, *r,
                                                QDateTime::currentMSecsSinceEpoch() * 1'000'000);
        if (!saved) {
            out.error = QString::fromStdString(saved.error().message);
            return;
        }
        out.storedRun = *saved;
        out.optimization =
            BacktestReport::fromOptimization(in.strategyId, in.set.symbol, in.ranges, in.optimize, *r, 50);
    });
    return true;
}

void BacktestDock::startWorker(std::function<void(Outcome &)> job)
{
    m_cancelFlag = false;
    m_clock.start();
    m_shownProgress.invalidate();
    m_progress->setValue(0);
    m_worker = QThread::create([this, job = std::move(job)] {
        auto outcome = std::make_shared<Outcome>();
        job(*outcome);
        QMetaObject::invokeMethod(
            this, [this, outcome] { done(outcome); }, Qt::QueuedConnection);
    });
    m_worker->setObjectName(QStringLiteral("backtest"));
    m_worker->start();
    setStatus(tr("Running…"));
    updateButtons();
}

void BacktestDock::cancel()
{
    if (!m_worker)
        return;
    m_cancelFlag = true;
    setStatus(tr("Cancelling…"));
}

bool BacktestDock::postProgress(double fraction)
{
    QMetaObject::invokeMethod(
        this, [this, fraction] { progress(fraction); }, Qt::QueuedConnection);
    return !m_cancelFlag;
}

void BacktestDock::progress(double fraction)
{
    if (!m_worker || m_cancelFlag)
        return;
    // Reports come every few ms on a fast run; the bar and the text are redrawn at most 20 times a second.
    if (m_shownProgress.isValid() && m_shownProgress.elapsed() < 50)
        return;
    m_shownProgress.start();
    fraction = std::clamp(fraction, 0.0, 1.0);
    m_progress->setValue(static_cast<int>(1000 * fraction));
    const double elapsed = static_cast<double>(m_clock.elapsed()) / 1000;
    const double left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0;
    setStatus(tr("Running: %1% done, about %2 s left").arg(100 * fraction, 0, 'f', 0).arg(left, 0, 'f', 0));
}

void BacktestDock::done(const std::shared_ptr<Outcome> &outcome)
{
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
    const Outcome &o = *outcome;
    const double seconds = static_cast<double>(m_clock.elapsed()) / 1000;
    m_progress->setValue(o.error.isEmpty() ? 1000 : 0);
    switch (o.kind) {
    case Outcome::Kind::List: {
        m_sets = o.sets;
        m_replays = o.replays;
        const QSignalBlocker block(m_data);
        const QString previous = m_data->currentText();
        m_data->clear();
        for (const backtest::BarSet &s : m_sets)
            m_data->addItem(tr("%1 %2 %3: %4 bars, %5 to %6")
                                .arg(QString::fromStdString(s.symbol), QString::fromStdString(s.venue),
                                     QString::fromStdString(s.interval))
                                .arg(s.bars)
                                .arg(utc(s.firstNs).toString(QStringLiteral("yyyy-MM-dd")),
                                     utc(s.lastNs).toString(QStringLiteral("yyyy-MM-dd"))));
        for (const backtest::ReplaySet &s : m_replays)
            m_data->addItem((s.kind == store::DatasetKind::Book ? tr("%1 %2 order book: %3 messages, %4 to %5")
                                                                : tr("%1 %2 trades: %3 trades, %4 to %5"))
                                .arg(QString::fromStdString(s.symbol), QString::fromStdString(s.venue))
                                .arg(s.rows)
                                .arg(utc(s.firstNs).toString(QStringLiteral("yyyy-MM-dd")),
                                     utc(s.lastNs).toString(QStringLiteral("yyyy-MM-dd"))));
        const int again = m_data->findText(previous);
        m_data->setCurrentIndex(again >= 0 ? again : 0);
        showDataRange();
        if (!o.error.isEmpty())
            setStatus(tr("Cannot list the data in %1: %2").arg(m_databasePath, o.error), true);
        else if (m_sets.empty() && m_replays.empty())
            setStatus(tr("The database has no data yet. Import some with meridian-cli import, then Refresh."));
        else
            setStatus(tr("%n bar set(s) in the database", nullptr, static_cast<int>(m_sets.size())) +
                      (m_replays.empty()
                           ? QString()
                           : tr("; %n order-book or trade set(s)", nullptr, static_cast<int>(m_replays.size()))));
        updateButtons();
        emit dataListed();
        return;
    }
    case Outcome::Kind::Backtest:
        if (o.report) {
            m_report = o.report;
            showReport();
            setStatus(o.note.isEmpty() ? tr("Backtest done in %1 s").arg(seconds, 0, 'f', 1)
                                       : tr("Backtest done in %1 s; %2").arg(seconds, 0, 'f', 1).arg(o.note));
        }
        break;
    case Outcome::Kind::Optimize:
        if (o.optimization) {
            m_optimization = o.optimization;
            showOptimization();
            setStatus(tr("%1 evaluations in %2 s, stored as optimisation run %3")
                          .arg(o.evaluations)
                          .arg(seconds, 0, 'f', 1)
                          .arg(o.storedRun));
        }
        break;
    }
    if (o.cancelled)
        setStatus(tr("Cancelled: %1").arg(o.error));
    else if (!o.error.isEmpty())
        setStatus(tr("The run failed: %1").arg(o.error), true);
    updateButtons();
    emit finished(o.error.isEmpty());
}

void BacktestDock::showReport()
{
    const BacktestReportData &d = *m_report;
    m_statistics->setRowCount(0);
    for (const auto &[label, value] : d.statistics) {
        const int row = m_statistics->rowCount();
        m_statistics->insertRow(row);
        m_statistics->setItem(row, 0, new QTableWidgetItem(label));
        auto *item = new QTableWidgetItem(value);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_statistics->setItem(row, 1, item);
    }
    m_statistics->resizeColumnToContents(0);
    for (const auto &[plot, draw] : {std::pair{m_equityPlot, &BacktestReport::plotEquity},
                                     std::pair{m_drawdownPlot, &BacktestReport::plotDrawdown},
                                     std::pair{m_returnsPlot, &BacktestReport::plotDailyReturns},
                                     std::pair{m_pricePlot, &BacktestReport::plotPriceAndFills}}) {
        plot->clearPlottables();
        draw(*plot, d);
    }
    const auto monthly = BacktestReport::monthlyReturns(d);
    const UpDownColours colours = upDownColours();
    m_monthly->setRowCount(0);
    QStringList years;
    for (const auto &[year, months] : monthly) {
        const int row = m_monthly->rowCount();
        m_monthly->insertRow(row);
        years << QString::number(year);
        double growth = 1;
        const auto cell = [&](int column, double r) {
            auto *item = new QTableWidgetItem(QString::number(r * 100, 'f', 2));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            QColor tint = r >= 0 ? colours.up : colours.down;
            tint.setAlpha(static_cast<int>(std::min(1.0, std::fabs(r) * 10) * 120) + 20);
            item->setBackground(tint);
            m_monthly->setItem(row, column, item);
        };
        for (const auto &[month, r] : months) {
            growth *= 1 + r;
            cell(month - 1, r);
        }
        cell(12, growth - 1);
    }
    m_monthly->setVerticalHeaderLabels(years);
    m_monthly->resizeColumnsToContents();
    m_tabs->setCurrentIndex(1);
    replotPage(); // the other pages when they are shown: a plot of tens of thousands of fills costs a frame
}

void BacktestDock::showOptimization()
{
    const OptimizationReportData &d = *m_optimization;
    // A new plot each time: the heatmap adds a colour scale to the plot's layout.
    auto *plot = newPlot(m_optimizationPage, QStringLiteral("backtest.heatmap"));
    delete m_optimizationPage->layout()->replaceWidget(m_heatmapPlot, plot); // the old layout item is ours
    delete m_heatmapPlot;
    m_heatmapPlot = plot;
    const bool heatmap = BacktestReport::plotHeatmap(*m_heatmapPlot, d);
    m_heatmapPlot->setVisible(heatmap);
    m_heatmapPlot->replot();
    m_results->clear();
    m_results->setColumnCount(static_cast<int>(d.header.size()));
    m_results->setHorizontalHeaderLabels(d.header);
    m_results->setRowCount(static_cast<int>(d.rows.size()));
    for (int r = 0; r < static_cast<int>(d.rows.size()); ++r)
        for (int c = 0; c < d.rows[static_cast<std::size_t>(r)].size(); ++c)
            m_results->setItem(r, c, new QTableWidgetItem(d.rows[static_cast<std::size_t>(r)][c]));
    m_results->resizeColumnsToContents();
    m_tabs->setCurrentWidget(m_optimizationPage);
}

void BacktestDock::replotPage(bool now)
{
    QWidget *page = m_tabs->currentWidget();
    if (!page)
        return;
    QList<QCustomPlot *> plots = page->findChildren<QCustomPlot *>();
    if (auto *plot = qobject_cast<QCustomPlot *>(page))
        plots << plot;
    for (QCustomPlot *plot : plots)
        // Queued: once, however many times it is asked for before the event loop comes round.
        plot->replot(now ? QCustomPlot::rpImmediateRefresh : QCustomPlot::rpQueuedReplot);
}

QString BacktestDock::exportHtml(const QString &folder, QString *error)
{
    if (m_tabs->currentWidget() == m_optimizationPage && m_optimization)
        return BacktestReport::writeOptimization(folder, *m_optimization, error);
    if (!m_report) {
        if (error)
            *error = tr("there is no report yet: run a backtest first");
        return {};
    }
    return BacktestReport::write(folder, *m_report, error);
}

bool BacktestDock::exportPng(const QString &path)
{
    const bool shown =
        m_tabs->currentWidget() == m_optimizationPage ? m_optimization.has_value() : m_report.has_value();
    if (!shown)
        return false;
    replotPage(true);
    return m_tabs->currentWidget()->grab().save(path, "PNG");
}

QString BacktestDock::message() const
{
    return m_status->text();
}

void BacktestDock::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    if (error == m_statusIsError)
        return;
    m_statusIsError = error;
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText,
                     error ? QColor(0xd6, 0x27, 0x28) : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

void BacktestDock::updateButtons()
{
    const bool running = m_worker != nullptr;
    const bool ready = !running && m_strategy->count() > 0 && m_data->currentIndex() >= 0;
    m_run->setEnabled(ready);
    m_optimize->setEnabled(ready && m_axis[0]->count() > 0 && !selectedReplay());
    m_cancel->setEnabled(running);
    m_refresh->setEnabled(!running);
    m_exportHtml->setEnabled(m_report.has_value() || m_optimization.has_value());
    m_exportPng->setEnabled(m_report.has_value() || m_optimization.has_value());
}

} // namespace meridian::ui
