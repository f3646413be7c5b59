// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QDockWidget>
#include <QStringList>

#include <cstdint>
#include <memory>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace meridian::strategy {
class PluginRegistry;
}
namespace meridian::runtime {
class PaperSession;
}

namespace meridian::ui {

class PaperBridge;
class ParameterEditor;

/// The strategy manager and the plugin manager.
///
/// Strategy instances trading in the paper session: their state, position, realised profit, orders and
/// failure; the selected one's live variables. Start, stop (its open orders are cancelled), edit (new
/// parameters, checked by the editor first), reload (its plugin file again, a new build) and remove.
/// Plugins found in the plugin folders (id, name, version, kind, file) and the files refused with the
/// reason; a strategy plugin with parameters from the editor is added to the session as a new instance.
/// The editor is built from the plugin's schema: for the selected plugin (a new instance) or the selected
/// instance (its parameters now). What became of a command that the session refused, and reload reports,
/// show under the instances.
///
/// Thread: GUI. Commands go to the session, which applies them between slices of the market.
class StrategyDock final : public QDockWidget
{
    Q_OBJECT
public:
    StrategyDock(PaperBridge &bridge, QStringList pluginFolders, QWidget *parent = nullptr);
    ~StrategyDock() override;
    ParameterEditor *editor() const { return m_editor; }
    /// Scans the plugin folders again.
    void rescan();
    /// Selects a strategy plugin by id, for a new instance (false when there is none).
    bool select(const QString &id);
    /// Selects an instance of the session by id, for its commands and parameters (false when there is none).
    bool selectInstance(std::uint32_t id);
    /// The selected plugin with the editor's parameters, added to the session and started: false (the
    /// editor says why) when they are refused, or when no strategy plugin or no session is selected.
    bool addInstance();
    /// The editor's parameters to the selected instance: false (the editor says why) when refused.
    bool applyToInstance();
    void startInstance();
    void stopInstance();
    void reloadInstance();
    void removeInstance();
    /// The last thing the session said about a command ("" when none).
    QString notice() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSelectedPlugin();
    void showSelectedInstance();
    void refresh();
    void refreshButtons();
    std::uint32_t selectedInstance() const;
    /// Sends the selected instance's id to one of the session's strategy commands.
    void commandSelected(void (runtime::PaperSession::*command)(std::uint32_t));

    PaperBridge &m_bridge;
    QStringList m_folders;
    std::unique_ptr<strategy::PluginRegistry> m_registry;
    QLabel *m_session = nullptr;
    QLabel *m_instancesTitle = nullptr;
    QTableWidget *m_instances = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_variablesTitle = nullptr;
    QTableWidget *m_variables = nullptr;
    QLabel *m_pluginsTitle = nullptr;
    QTableWidget *m_plugins = nullptr;
    QListWidget *m_refusals = nullptr;
    QLabel *m_refusalsTitle = nullptr;
    QLabel *m_editorTitle = nullptr;
    ParameterEditor *m_editor = nullptr;
    QPushButton *m_rescan = nullptr;
    QPushButton *m_add = nullptr;
    // What the editor shows: a plugin's defaults for a new instance (its path), or an instance's parameters.
    QString m_editorPlugin;
    std::uint32_t m_editorInstance = 0;
    QString m_lastNotice;
    bool m_lastNoticeError = false;
    bool m_refreshing = false;
};

} // namespace meridian::ui
