// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "widgets/theme.h"

#include <QByteArray>
#include <QList>
#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QSettings;

namespace meridian::runtime {
class PaperSession;
}

namespace meridian::ui {

class AlertDock;
class CalibrateDialog;
class InstrumentLinks;
class LogBuffer;
class LogDock;
class PaperBridge;
class PaperDock;
class SignalDock;

/// What the main window shows about the installation; filled by the composition root.
struct MainWindowContext
{
    QString version;
    QString dataDirectory;
    QString databasePath;
    QString logFilePath;
    QString pluginDirectory;
    QStringList pluginFolders; // where strategy plugins are looked for, in order
    std::shared_ptr<LogBuffer> logBuffer;
};

/// Meridian's main window: dockable views, menus, status bar, theme, language and saved layout.
///
/// Thread: GUI.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(MainWindowContext context, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Restores the layout saved by the last session, if any (call before show()).
    void restoreLayout();
    /// Saves geometry and dock layout to the user's settings.
    void saveLayout() const;
    /// Puts every dock back where it starts on a first run.
    void resetLayout();

    /// The views of which several may be open: those of one instrument, the signal stream and the order
    /// monitors (each with its own filters).
    enum class ViewKind { OrderBook, Heatmap, Chart, Signals, Orders };
    /// Opens another view of a kind, tabbed with the first of its kind (an instrument's view joins link
    /// group A: it follows the instrument chosen there); returns it. Its object name is the first's with
    /// ".<n>".
    QDockWidget *addView(ViewKind kind);
    InstrumentLinks *instrumentLinks() const { return m_links; }

    /// Named workspaces: the window's geometry, the docks' places and visibility, the views opened beyond
    /// the first of each kind, each view's instrument and link group, and the views' settings (ladder
    /// grouping, colour convention), kept in the user's settings under workspaces/<name>.
    QStringList workspaces() const;
    /// Errors (false): an empty name.
    bool saveWorkspace(const QString &name);
    /// Errors (false): no such workspace, or one saved by a version with other docks.
    bool restoreWorkspace(const QString &name);
    void deleteWorkspace(const QString &name);

    Theme theme() const { return m_theme; }
    /// Applies and remembers a theme.
    void setTheme(Theme theme, bool remember = true);
    /// Switches the interface language ("en", "zh_CN") and remembers it.
    bool setLanguage(const QString &language, bool remember = true);

    /// Returns the docks, in the order they are listed in the View menu.
    QList<QDockWidget *> docks() const { return m_docks; }
    LogDock *logDock() const { return m_logDock; }
    PaperBridge *paperBridge() const { return m_paperBridge; }
    /// Shows a paper session in the paper, signal and risk views (null: none). The session must outlive
    /// the window or be detached first.
    void attachPaperSession(runtime::PaperSession *session);

signals:
    /// The user asked for the paper session to start again in this scenario, with the strategies it runs.
    void paperRestartRequested(const QString &scenario);

public slots:
    /// Shows the outcome of opening the database (called from the start-up worker, queued).
    void setDatabaseStatus(bool ok, const QString &text);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createDocks();
    void createActions();
    void createMenus();
    void createStatusBar();
    void retranslate();
    void showAbout();
    void updateClock();
    void updateTradingState();
    void fillWorkspacesMenu();
    QDockWidget *makeView(ViewKind kind, const QString &objectName);
    /// The extra views and every view's instrument and link group, into (or from) a settings group;
    /// restoreViews goes before restoreState (the views must exist by then), applyViewLinks after.
    void saveViews(QSettings &settings) const;
    void restoreViews(QSettings &settings);
    void applyViewLinks(QSettings &settings);

    MainWindowContext m_context;
    Theme m_theme = Theme::Light;
    QByteArray m_defaultState;
    QList<QDockWidget *> m_docks;
    QList<QDockWidget *> m_extraViews; // opened with addView
    InstrumentLinks *m_links = nullptr;
    QMenu *m_newViewMenu = nullptr;
    QAction *m_newOrderBook = nullptr;
    QAction *m_newHeatmap = nullptr;
    QAction *m_newChart = nullptr;
    QAction *m_newSignals = nullptr;
    QAction *m_newOrders = nullptr;
    LogDock *m_logDock = nullptr;
    PaperBridge *m_paperBridge = nullptr;
    PaperDock *m_paperDock = nullptr;
    SignalDock *m_signalDock = nullptr;
    AlertDock *m_alertDock = nullptr;
    QLabel *m_tradingState = nullptr;

    QWidget *m_overview = nullptr;
    QLabel *m_overviewTitle = nullptr;
    QLabel *m_overviewIntro = nullptr;
    QList<QLabel *> m_overviewKeys;
    QLabel *m_versionValue = nullptr;
    QLabel *m_dataValue = nullptr;
    QLabel *m_databaseValue = nullptr;
    QLabel *m_logValue = nullptr;
    QLabel *m_pluginValue = nullptr;

    QLabel *m_databaseStatus = nullptr;
    QLabel *m_clock = nullptr;
    bool m_databaseOk = false;
    QString m_databaseText;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_docksMenu = nullptr;
    QMenu *m_themeMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_workspacesMenu = nullptr;
    QMenu *m_simulationMenu = nullptr;
    QMenu *m_backtestMenu = nullptr;
    QMenu *m_tradingMenu = nullptr;
    QMenu *m_pluginsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;

    QAction *m_openDataFolder = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_lightTheme = nullptr;
    QAction *m_darkTheme = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_resetLayout = nullptr;
    QAction *m_fullScreen = nullptr;
    QAction *m_redUp = nullptr;
    QAction *m_colourBlind = nullptr;
    QAction *m_saveWorkspace = nullptr;
    QAction *m_showSimulation = nullptr;
    QAction *m_calibrate = nullptr;
    CalibrateDialog *m_calibrateDialog = nullptr; // made when first asked for
    QAction *m_showBacktest = nullptr;
    QAction *m_showOrderBook = nullptr;
    QAction *m_showOrders = nullptr;
    QAction *m_showRisk = nullptr;
    QAction *m_showStrategies = nullptr;
    QAction *m_openPluginFolder = nullptr;
    QAction *m_about = nullptr;
    QAction *m_aboutQt = nullptr;
};

} // namespace meridian::ui
