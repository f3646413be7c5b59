// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "widgets/main_window.h"

#include "bridge/paper_bridge.h"
#include "docks/backtest_dock.h"
#include "docks/chart_dock.h"
#include "docks/heatmap_dock.h"
#include "docks/log_dock.h"
#include "docks/order_book_dock.h"
#include "docks/orders_dock.h"
#include "docks/paper_docks.h"
#include "docks/simulation_dock.h"
#include "docks/strategy_dock.h"
#include "i18n/translations.h"
#include "widgets/calibrate_dialog.h"
#include "widgets/instrument_bar.h"
#include "widgets/ladder_view.h"
#include "widgets/price_chart.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace meridian::ui {

namespace {

// Bump when the set of docks changes, so an old saved layout is not applied to a new window.
constexpr int kLayoutVersion = 9;

const char *const kThemeKey = "ui/theme";
const char *const kLanguageKey = "ui/language";

QLabel *selectableLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

MainWindow::MainWindow(MainWindowContext context, QWidget *parent) : QMainWindow(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/meridian.png")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks | QMainWindow::AllowTabbedDocks);
    resize(1400, 860);

    // The overview is the central widget: what this installation is and where its files are.
    m_overview = new QWidget(this);
    m_overview->setObjectName(QStringLiteral("overview"));
    auto *layout = new QVBoxLayout(m_overview);
    layout->setContentsMargins(24, 24, 24, 24);
    m_overviewTitle = new QLabel(m_overview);
    QFont titleFont = m_overviewTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_overviewTitle->setFont(titleFont);
    m_overviewIntro = new QLabel(m_overview);
    m_overviewIntro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft);
    m_versionValue = selectableLabel(m_overview);
    m_dataValue = selectableLabel(m_overview);
    m_databaseValue = selectableLabel(m_overview);
    m_logValue = selectableLabel(m_overview);
    m_pluginValue = selectableLabel(m_overview);
    for (QLabel *value : {m_versionValue, m_dataValue, m_databaseValue, m_logValue, m_pluginValue}) {
        auto *key = new QLabel(m_overview);
        m_overviewKeys.append(key);
        form->addRow(key, value);
    }
    layout->addWidget(m_overviewTitle);
    layout->addWidget(m_overviewIntro);
    layout->addSpacing(12);
    layout->addLayout(form);
    layout->addStretch(1);
    setCentralWidget(m_overview);

    createDocks();
    createActions();
    createMenus();
    createStatusBar();
    retranslate();

    // The layout a first run starts with; "Reset layout" comes back to it.
    m_defaultState = saveState(kLayoutVersion);

    const QString savedTheme = QSettings().value(QLatin1String(kThemeKey)).toString();
    m_theme = themeFromName(savedTheme) == Theme::Dark ? Theme::Dark : Theme::Light;
    (m_theme == Theme::Dark ? m_darkTheme : m_lightTheme)->setChecked(true);
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_logDock = new LogDock(m_context.logBuffer, this);
    QDockWidget *previousBottom = nullptr;
    QDockWidget *previousRight = nullptr;
    QDockWidget *previousLeft = nullptr;
    // The paper session's views: what the workstation shows at start-up.
    m_paperBridge = new PaperBridge(this);
    m_links = new InstrumentLinks(this);
    auto *orderBook = new OrderBookDock(*m_paperBridge, this);
    orderBook->instrumentBar()->setLinks(m_links);
    addDockWidget(Qt::LeftDockWidgetArea, orderBook);
    m_docks.append(orderBook);
    previousLeft = orderBook;
    auto *strategies = new StrategyDock(*m_paperBridge, m_context.pluginFolders, this);
    addDockWidget(Qt::LeftDockWidgetArea, strategies);
    tabifyDockWidget(orderBook, strategies);
    m_docks.append(strategies);
    previousLeft = strategies;
    m_paperDock = new PaperDock(*m_paperBridge, this);
    addDockWidget(Qt::RightDockWidgetArea, m_paperDock);
    m_docks.append(m_paperDock);
    previousRight = m_paperDock;
    auto *heatmap = new HeatmapDock(*m_paperBridge, this);
    heatmap->instrumentBar()->setLinks(m_links);
    addDockWidget(Qt::RightDockWidgetArea, heatmap);
    tabifyDockWidget(m_paperDock, heatmap);
    m_docks.append(heatmap);
    previousRight = heatmap;
    auto *chart = new ChartDock(*m_paperBridge, this);
    chart->instrumentBar()->setLinks(m_links);
    addDockWidget(Qt::RightDockWidgetArea, chart);
    tabifyDockWidget(heatmap, chart);
    m_docks.append(chart);
    previousRight = chart;
    auto *simulation = new SimulationDock(*m_paperBridge, this);
    addDockWidget(Qt::RightDockWidgetArea, simulation);
    tabifyDockWidget(chart, simulation);
    m_docks.append(simulation);
    previousRight = simulation;
    connect(simulation, &SimulationDock::restartRequested, this, &MainWindow::paperRestartRequested);
    m_signalDock = new SignalDock(*m_paperBridge, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_signalDock);
    m_docks.append(m_signalDock);
    previousBottom = m_signalDock;
    m_alertDock = new AlertDock(*m_paperBridge, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_alertDock);
    tabifyDockWidget(m_signalDock, m_alertDock);
    m_docks.append(m_alertDock);
    previousBottom = m_alertDock;
    auto *orders = new OrdersDock(*m_paperBridge, this);
    addDockWidget(Qt::BottomDockWidgetArea, orders);
    tabifyDockWidget(m_alertDock, orders);
    m_docks.append(orders);
    previousBottom = orders;
    auto *backtest = new BacktestDock(m_context.databasePath, m_context.pluginFolders, this);
    addDockWidget(Qt::RightDockWidgetArea, backtest);
    tabifyDockWidget(previousRight, backtest);
    m_docks.append(backtest);
    previousRight = backtest;
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    tabifyDockWidget(previousBottom, m_logDock);
    m_docks.append(m_logDock);
    m_signalDock->raise();
    for (QDockWidget *dock : std::as_const(m_docks))
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                          QDockWidget::DockWidgetFloatable);
    resizeDocks({previousLeft, previousRight}, {380, 480}, Qt::Horizontal);
    resizeDocks({m_logDock}, {220}, Qt::Vertical);
    // The first tab of each group is the one shown.
    for (const char *name : {"dock.orderbook", "dock.paper"})
        if (auto *dock = findChild<QDockWidget *>(QLatin1String(name)))
            dock->raise();
}

void MainWindow::createActions()
{
    m_openDataFolder = new QAction(this);
    connect(m_openDataFolder, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_context.dataDirectory)); });
    m_quit = new QAction(this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_themeGroup = new QActionGroup(this);
    m_lightTheme = new QAction(m_themeGroup);
    m_lightTheme->setCheckable(true);
    m_lightTheme->setObjectName(QStringLiteral("action.theme.light"));
    m_darkTheme = new QAction(m_themeGroup);
    m_darkTheme->setCheckable(true);
    m_darkTheme->setObjectName(QStringLiteral("action.theme.dark"));
    connect(m_lightTheme, &QAction::triggered, this, [this] { setTheme(Theme::Light); });
    connect(m_darkTheme, &QAction::triggered, this, [this] { setTheme(Theme::Dark); });

    m_languageGroup = new QActionGroup(this);
    for (const QString &language : i18n::availableLanguages()) {
        auto *action = new QAction(i18n::nativeLanguageName(language), m_languageGroup);
        action->setCheckable(true);
        action->setData(language);
        action->setObjectName(QStringLiteral("action.language.") + language);
        action->setChecked(language == i18n::currentLanguage());
        connect(action, &QAction::triggered, this, [this, language] { setLanguage(language); });
    }

    m_resetLayout = new QAction(this);
    m_resetLayout->setObjectName(QStringLiteral("action.resetLayout"));
    connect(m_resetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
    m_redUp = new QAction(this);
    m_redUp->setObjectName(QStringLiteral("action.redUp"));
    m_redUp->setCheckable(true);
    m_redUp->setChecked(colourConvention() == ColourConvention::RedUp);
    connect(m_redUp, &QAction::toggled, this, [this](bool red) {
        setColourConvention(red ? ColourConvention::RedUp : ColourConvention::GreenUp);
        for (PriceChart *chart : findChildren<PriceChart *>())
            chart->applyColours();
    });
    m_colourBlind = new QAction(this);
    m_colourBlind->setObjectName(QStringLiteral("action.colourBlind"));
    m_colourBlind->setCheckable(true);
    m_colourBlind->setChecked(colourBlindPalette());
    connect(m_colourBlind, &QAction::toggled, this, [this](bool on) {
        setColourBlindPalette(on);
        for (PriceChart *chart : findChildren<PriceChart *>())
            chart->applyColours();
    });
    m_saveWorkspace = new QAction(this);
    m_saveWorkspace->setObjectName(QStringLiteral("action.saveWorkspace"));
    connect(m_saveWorkspace, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save Workspace"), tr("Name of the workspace:"),
                                                   QLineEdit::Normal, QString(), &ok)
                                 .trimmed();
        if (ok && !name.isEmpty())
            saveWorkspace(name);
    });
    m_fullScreen = new QAction(this);
    m_fullScreen->setShortcut(QKeySequence::FullScreen);
    m_fullScreen->setCheckable(true);
    connect(m_fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });

    auto showDock = [this](const char *name) {
        return [this, name] {
            if (auto *dock = findChild<QDockWidget *>(QLatin1String(name))) {
                dock->show();
                dock->raise();
            }
        };
    };
    m_showSimulation = new QAction(this);
    connect(m_showSimulation, &QAction::triggered, this, showDock("dock.simulation"));
    m_calibrate = new QAction(this);
    m_calibrate->setObjectName(QStringLiteral("action.calibrate"));
    connect(m_calibrate, &QAction::triggered, this, [this] {
        if (!m_calibrateDialog)
            m_calibrateDialog = new CalibrateDialog(m_context.databasePath, this);
        m_calibrateDialog->show();
        m_calibrateDialog->raise();
        m_calibrateDialog->activateWindow();
    });
    m_showBacktest = new QAction(this);
    connect(m_showBacktest, &QAction::triggered, this, showDock("dock.backtest"));
    m_showOrderBook = new QAction(this);
    connect(m_showOrderBook, &QAction::triggered, this, showDock("dock.orderbook"));
    const auto newView = [this](const char *name, ViewKind kind) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1String(name));
        connect(action, &QAction::triggered, this, [this, kind] { addView(kind)->raise(); });
        return action;
    };
    m_newOrderBook = newView("action.newOrderBook", ViewKind::OrderBook);
    m_newHeatmap = newView("action.newHeatmap", ViewKind::Heatmap);
    m_newChart = newView("action.newChart", ViewKind::Chart);
    m_newSignals = newView("action.newSignals", ViewKind::Signals);
    m_newOrders = newView("action.newOrders", ViewKind::Orders);
    m_showOrders = new QAction(this);
    connect(m_showOrders, &QAction::triggered, this, showDock("dock.orders"));
    m_showRisk = new QAction(this);
    connect(m_showRisk, &QAction::triggered, this, showDock("dock.risk"));
    m_showStrategies = new QAction(this);
    connect(m_showStrategies, &QAction::triggered, this, showDock("dock.strategies"));
    m_openPluginFolder = new QAction(this);
    connect(m_openPluginFolder, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_context.pluginDirectory)); });

    m_about = new QAction(this);
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQt = new QAction(this);
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_openDataFolder);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);

    m_viewMenu = menuBar()->addMenu(QString());
    m_docksMenu = m_viewMenu->addMenu(QString());
    for (QDockWidget *dock : std::as_const(m_docks))
        m_docksMenu->addAction(dock->toggleViewAction());
    m_newViewMenu = m_viewMenu->addMenu(QString());
    m_newViewMenu->addActions({m_newOrderBook, m_newHeatmap, m_newChart, m_newSignals, m_newOrders});
    m_themeMenu = m_viewMenu->addMenu(QString());
    m_themeMenu->addAction(m_lightTheme);
    m_themeMenu->addAction(m_darkTheme);
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->addActions(m_languageGroup->actions());
    m_viewMenu->addAction(m_redUp);
    m_viewMenu->addAction(m_colourBlind);
    m_workspacesMenu = m_viewMenu->addMenu(QString());
    m_workspacesMenu->setObjectName(QStringLiteral("menu.workspaces"));
    connect(m_workspacesMenu, &QMenu::aboutToShow, this, &MainWindow::fillWorkspacesMenu);
    fillWorkspacesMenu();
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_resetLayout);
    m_viewMenu->addAction(m_fullScreen);

    m_simulationMenu = menuBar()->addMenu(QString());
    m_simulationMenu->addAction(m_showSimulation);
    m_simulationMenu->addAction(m_calibrate);
    m_backtestMenu = menuBar()->addMenu(QString());
    m_backtestMenu->addAction(m_showBacktest);
    m_tradingMenu = menuBar()->addMenu(QString());
    m_tradingMenu->addAction(m_showOrderBook);
    m_tradingMenu->addAction(m_showOrders);
    m_tradingMenu->addAction(m_showRisk);
    m_pluginsMenu = menuBar()->addMenu(QString());
    m_pluginsMenu->addAction(m_showStrategies);
    m_pluginsMenu->addAction(m_openPluginFolder);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_about);
    m_helpMenu->addAction(m_aboutQt);
}

void MainWindow::createStatusBar()
{
    m_databaseStatus = new QLabel(this);
    m_databaseStatus->setObjectName(QStringLiteral("databaseStatus"));
    m_clock = new QLabel(this);
    m_clock->setObjectName(QStringLiteral("clock"));
    m_tradingState = new QLabel(this);
    m_tradingState->setObjectName(QStringLiteral("tradingState"));
    statusBar()->addPermanentWidget(m_tradingState);
    connect(m_paperBridge, &PaperBridge::drained, this, &MainWindow::updateTradingState);
    statusBar()->addPermanentWidget(m_databaseStatus);
    statusBar()->addPermanentWidget(m_clock);
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &MainWindow::updateClock);
    timer->start(1000);
    updateClock();
}

void MainWindow::attachPaperSession(runtime::PaperSession *session)
{
    m_paperBridge->setSession(session);
    updateTradingState();
}

void MainWindow::updateTradingState()
{
    if (!m_paperBridge->session()) {
        m_tradingState->setText(tr("No trading session"));
        m_tradingState->setStyleSheet(QString());
        return;
    }
    const risk::TradingState state = m_paperBridge->snapshot().state;
    m_tradingState->setText(tr("Paper trading: %1").arg(tradingStateText(state)));
    m_tradingState->setStyleSheet(state == risk::TradingState::Active ? QString()
                                                                      : QStringLiteral("QLabel { color: #c62828; "
                                                                                       "font-weight: bold; }"));
}

void MainWindow::updateClock()
{
    m_clock->setText(tr("UTC %1").arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("HH:mm:ss"))));
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Meridian"));
    updateTradingState();
    m_fileMenu->setTitle(tr("&File"));
    m_viewMenu->setTitle(tr("&View"));
    m_docksMenu->setTitle(tr("&Docks"));
    m_newViewMenu->setTitle(tr("&New View"));
    m_newOrderBook->setText(tr("Order &Book"));
    m_newHeatmap->setText(tr("Depth &Heatmap"));
    m_newChart->setText(tr("Price &Chart"));
    m_newSignals->setText(tr("&Signals"));
    m_newOrders->setText(tr("&Orders and Fills"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_languageMenu->setTitle(tr("&Language"));
    m_simulationMenu->setTitle(tr("&Simulation"));
    m_backtestMenu->setTitle(tr("&Backtest"));
    m_tradingMenu->setTitle(tr("&Trading"));
    m_pluginsMenu->setTitle(tr("&Plugins"));
    m_helpMenu->setTitle(tr("&Help"));

    m_openDataFolder->setText(tr("Open &Data Folder"));
    m_quit->setText(tr("&Quit"));
    m_lightTheme->setText(tr("&Light"));
    m_darkTheme->setText(tr("&Dark"));
    m_resetLayout->setText(tr("&Reset Layout"));
    m_redUp->setText(tr("Rising Prices in &Red"));
    m_workspacesMenu->setTitle(tr("&Workspaces"));
    m_colourBlind->setText(tr("&Colour-Blind Palette"));
    m_colourBlind->setToolTip(tr("Rising and falling prices in bluish green and reddish purple, which all common "
                                 "kinds of colour vision tell apart"));
    m_saveWorkspace->setText(tr("&Save Workspace As…"));
    m_redUp->setToolTip(tr("Red for rising prices and green for falling ones, as in mainland China; off: the "
                           "other way round"));
    m_resetLayout->setStatusTip(tr("Put every dock back where it was on the first start"));
    m_fullScreen->setText(tr("&Full Screen"));
    m_showSimulation->setText(tr("Simulation &Control"));
    m_calibrate->setText(tr("Ca&librate from Data…"));
    m_showBacktest->setText(tr("&Backtest"));
    m_showOrderBook->setText(tr("Order &Book"));
    m_showOrders->setText(tr("&Orders and Fills"));
    m_showRisk->setText(tr("&Risk Alerts"));
    m_showStrategies->setText(tr("&Strategies"));
    m_openPluginFolder->setText(tr("Open &Plugin Folder"));
    m_about->setText(tr("&About Meridian"));
    m_aboutQt->setText(tr("About &Qt"));

    m_overviewTitle->setText(tr("Meridian"));
    m_overviewIntro->setText(tr("Trading and market-simulation workstation. Views open as docks: drag them to "
                                "arrange the screen, float them onto other monitors, or bring them back from "
                                "the View menu."));
    const QStringList keys = {tr("Version"), tr("Data folder"), tr("Database"), tr("Log file"), tr("Plugin folder")};
    for (int i = 0; i < m_overviewKeys.size(); ++i)
        m_overviewKeys[i]->setText(keys[i]);
    m_versionValue->setText(m_context.version);
    m_dataValue->setText(QDir::toNativeSeparators(m_context.dataDirectory));
    m_logValue->setText(QDir::toNativeSeparators(m_context.logFilePath));
    m_pluginValue->setText(QDir::toNativeSeparators(m_context.pluginDirectory));
    setDatabaseStatus(m_databaseOk, m_databaseText);
    updateClock();
}

void MainWindow::setDatabaseStatus(bool ok, const QString &text)
{
    m_databaseOk = ok;
    m_databaseText = text;
    const QString path = QDir::toNativeSeparators(m_context.databasePath);
    if (m_databaseText.isEmpty()) { // the start-up worker has not reported yet
        m_databaseStatus->setText(tr("Database: opening…"));
        m_databaseValue->setText(path);
        return;
    }
    m_databaseStatus->setText(ok ? tr("Database: ready") : tr("Database: unavailable"));
    m_databaseStatus->setToolTip(text);
    m_databaseStatus->setStyleSheet(ok ? QString() : QStringLiteral("color: #e5484d;"));
    m_databaseValue->setText(path + QStringLiteral("\n") + text);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Meridian"),
                       tr("<h3>Meridian %1</h3><p>Trading and market-simulation workstation.</p>"
                          "<p>Built with Qt %2. Licensed under the GNU General Public License, version 3 or "
                          "later.</p>")
                           .arg(m_context.version, QString::fromLatin1(qVersion())));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (settings.value(QStringLiteral("window/layoutVersion")).toInt() != kLayoutVersion)
        return;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    settings.beginGroup(QStringLiteral("window"));
    restoreViews(settings);
    settings.endGroup();
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), kLayoutVersion);
    settings.beginGroup(QStringLiteral("window"));
    applyViewLinks(settings);
    settings.endGroup();
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/layoutVersion"), kLayoutVersion);
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(kLayoutVersion));
    settings.beginGroup(QStringLiteral("window"));
    saveViews(settings);
    settings.endGroup();
}

QDockWidget *MainWindow::makeView(ViewKind kind, const QString &objectName)
{
    QDockWidget *dock = nullptr;
    InstrumentBar *bar = nullptr;
    switch (kind) {
    case ViewKind::OrderBook: {
        auto *view = new OrderBookDock(*m_paperBridge, this);
        bar = view->instrumentBar();
        dock = view;
        break;
    }
    case ViewKind::Heatmap: {
        auto *view = new HeatmapDock(*m_paperBridge, this);
        bar = view->instrumentBar();
        dock = view;
        break;
    }
    case ViewKind::Chart: {
        auto *view = new ChartDock(*m_paperBridge, this);
        bar = view->instrumentBar();
        dock = view;
        break;
    }
    case ViewKind::Signals:
        dock = new SignalDock(*m_paperBridge, this);
        break;
    case ViewKind::Orders:
        dock = new OrdersDock(*m_paperBridge, this);
        break;
    }
    const QString first = objectName.section(QLatin1Char('.'), 0, 1); // "dock.orderbook.2" → "dock.orderbook"
    dock->setObjectName(objectName);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                      QDockWidget::DockWidgetFloatable);
    if (bar)
        bar->setLinks(m_links);
    auto *original = findChild<QDockWidget *>(first);
    addDockWidget(original ? dockWidgetArea(original) : Qt::RightDockWidgetArea, dock);
    if (original && original != dock)
        tabifyDockWidget(original, dock);
    // The new view starts on the instrument its group shows.
    if (original && bar)
        if (auto *shown = original->findChild<InstrumentBar *>())
            bar->setSymbol(shown->symbol());
    m_docks.append(dock);
    m_extraViews.append(dock);
    if (m_docksMenu)
        m_docksMenu->addAction(dock->toggleViewAction());
    return dock;
}

QDockWidget *MainWindow::addView(ViewKind kind)
{
    const QString base = kind == ViewKind::OrderBook ? QStringLiteral("dock.orderbook")
                         : kind == ViewKind::Heatmap ? QStringLiteral("dock.heatmap")
                         : kind == ViewKind::Chart   ? QStringLiteral("dock.chart")
                         : kind == ViewKind::Signals ? QStringLiteral("dock.signals")
                                                     : QStringLiteral("dock.orders");
    int n = 2;
    while (findChild<QDockWidget *>(base + QLatin1Char('.') + QString::number(n)))
        ++n;
    return makeView(kind, base + QLatin1Char('.') + QString::number(n));
}

void MainWindow::saveViews(QSettings &settings) const
{
    QStringList extra;
    for (const QDockWidget *dock : m_extraViews)
        extra << dock->objectName();
    settings.setValue(QStringLiteral("views"), extra);
    settings.beginGroup(QStringLiteral("links"));
    settings.remove(QString());
    for (const QDockWidget *dock : m_docks)
        if (const auto *bar = dock->findChild<InstrumentBar *>()) {
            settings.setValue(dock->objectName() + QStringLiteral("/symbol"), bar->symbol());
            settings.setValue(dock->objectName() + QStringLiteral("/group"), bar->group());
        }
    settings.endGroup();
}

void MainWindow::restoreViews(QSettings &settings)
{
    const QStringList wanted = settings.value(QStringLiteral("views")).toStringList();
    // Views the saved layout did not have go; those it had and this window lacks are opened.
    for (QDockWidget *dock : QList<QDockWidget *>(m_extraViews))
        if (!wanted.contains(dock->objectName())) {
            m_extraViews.removeAll(dock);
            m_docks.removeAll(dock);
            removeDockWidget(dock);
            dock->deleteLater();
        }
    for (const QString &name : wanted) {
        if (findChild<QDockWidget *>(name))
            continue;
        if (name.startsWith(QLatin1String("dock.orderbook.")))
            makeView(ViewKind::OrderBook, name);
        else if (name.startsWith(QLatin1String("dock.heatmap.")))
            makeView(ViewKind::Heatmap, name);
        else if (name.startsWith(QLatin1String("dock.chart.")))
            makeView(ViewKind::Chart, name);
        else if (name.startsWith(QLatin1String("dock.signals.")))
            makeView(ViewKind::Signals, name);
        else if (name.startsWith(QLatin1String("dock.orders.")))
            makeView(ViewKind::Orders, name);
    }
}

void MainWindow::applyViewLinks(QSettings &settings)
{
    settings.beginGroup(QStringLiteral("links"));
    for (QDockWidget *dock : std::as_const(m_docks))
        if (auto *bar = dock->findChild<InstrumentBar *>()) {
            bar->setGroup(settings.value(dock->objectName() + QStringLiteral("/group"), bar->group()).toInt());
            bar->setSymbol(settings.value(dock->objectName() + QStringLiteral("/symbol")).toString());
        }
    settings.endGroup();
}

QStringList MainWindow::workspaces() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("workspaces"));
    return settings.childGroups();
}

bool MainWindow::saveWorkspace(const QString &name)
{
    if (name.trimmed().isEmpty())
        return false;
    QSettings settings;
    settings.beginGroup(QStringLiteral("workspaces/") + name);
    settings.setValue(QStringLiteral("layoutVersion"), kLayoutVersion);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState(kLayoutVersion));
    saveViews(settings);
    if (auto *book = findChild<OrderBookDock *>())
        settings.setValue(QStringLiteral("ladderGrouping"), book->ladder()->grouping());
    settings.setValue(QStringLiteral("redUp"), colourConvention() == ColourConvention::RedUp);
    statusBar()->showMessage(tr("Workspace \"%1\" saved").arg(name), 4000);
    return true;
}

bool MainWindow::restoreWorkspace(const QString &name)
{
    if (!workspaces().contains(name))
        return false;
    QSettings settings;
    settings.beginGroup(QStringLiteral("workspaces/") + name);
    if (settings.value(QStringLiteral("layoutVersion")).toInt() != kLayoutVersion) {
        statusBar()->showMessage(
            tr("Workspace \"%1\" was saved with other views and cannot be restored; save it again").arg(name), 6000);
        return false;
    }
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreViews(settings);
    restoreState(settings.value(QStringLiteral("state")).toByteArray(), kLayoutVersion);
    applyViewLinks(settings);
    if (auto *book = findChild<OrderBookDock *>())
        book->setGrouping(settings.value(QStringLiteral("ladderGrouping"), 0).toInt());
    m_redUp->setChecked(settings.value(QStringLiteral("redUp"), m_redUp->isChecked()).toBool());
    return true;
}

void MainWindow::deleteWorkspace(const QString &name)
{
    QSettings().remove(QStringLiteral("workspaces/") + name);
}

void MainWindow::fillWorkspacesMenu()
{
    m_workspacesMenu->clear();
    m_workspacesMenu->addAction(m_saveWorkspace);
    const QStringList names = workspaces();
    if (names.isEmpty())
        return;
    m_workspacesMenu->addSeparator();
    for (const QString &name : names)
        m_workspacesMenu->addAction(name, this, [this, name] { restoreWorkspace(name); });
    QMenu *remove = m_workspacesMenu->addMenu(tr("&Delete"));
    for (const QString &name : names)
        remove->addAction(name, this, [this, name] { deleteWorkspace(name); });
}

void MainWindow::resetLayout()
{
    for (QDockWidget *dock : QList<QDockWidget *>(m_extraViews)) {
        m_docks.removeAll(dock);
        removeDockWidget(dock);
        dock->deleteLater();
    }
    m_extraViews.clear();
    for (QDockWidget *dock : std::as_const(m_docks))
        dock->setFloating(false);
    restoreState(m_defaultState, kLayoutVersion);
    for (QDockWidget *dock : std::as_const(m_docks))
        dock->show();
    for (const char *name : {"dock.orderbook", "dock.chart", "dock.log"})
        if (auto *dock = findChild<QDockWidget *>(QLatin1String(name)))
            dock->raise();
}

void MainWindow::setTheme(Theme theme, bool remember)
{
    if (theme == Theme::Invalid)
        return;
    m_theme = theme;
    applyTheme(*qApp, theme);
    (theme == Theme::Dark ? m_darkTheme : m_lightTheme)->setChecked(true);
    if (remember)
        QSettings().setValue(QLatin1String(kThemeKey), themeName(theme));
}

bool MainWindow::setLanguage(const QString &language, bool remember)
{
    if (!i18n::installTranslations(*qApp, language))
        return false;
    applyFont(*qApp, language);
    for (QAction *action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == language);
    if (remember)
        QSettings().setValue(QLatin1String(kLanguageKey), language);
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

} // namespace meridian::ui
