// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QDockWidget>
#include <QStringList>

#include <memory>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace meridian::strategy {
class PluginRegistry;
}

namespace meridian::ui {

class PaperBridge;
class ParameterEditor;

/// Strategies and plugins: the plugins found in the plugin folders (id, name, version, kind, file) and the
/// files refused with the reason; the paper session's strategy and its parameters in an editor built from
/// the plugin's schema. Choosing another strategy plugin or changing parameters and pressing Apply restarts
/// the paper session with them (after the editor has checked them).
///
/// Thread: GUI.
class StrategyDock final : public QDockWidget
{
    Q_OBJECT
public:
    StrategyDock(PaperBridge &bridge, QStringList pluginFolders, QWidget *parent = nullptr);
    ~StrategyDock() override;
    ParameterEditor *editor() const { return m_editor; }
    /// Scans the plugin folders again.
    void rescan();
    /// Selects a strategy plugin by id for editing (false when there is none).
    bool select(const QString &id);
    /// Checks the parameters and, when they pass, asks for the restart. Returns whether it did.
    bool apply();

signals:
    void restartRequested(const QString &pluginPath, const QString &parametersJson);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSelected();
    void refreshSession();

    PaperBridge &m_bridge;
    QStringList m_folders;
    std::unique_ptr<strategy::PluginRegistry> m_registry;
    QTableWidget *m_plugins = nullptr;
    QListWidget *m_refusals = nullptr;
    QLabel *m_refusalsTitle = nullptr;
    QLabel *m_session = nullptr;
    QLabel *m_editorTitle = nullptr;
    ParameterEditor *m_editor = nullptr;
    QPushButton *m_rescan = nullptr;
    QPushButton *m_apply = nullptr;
    QString m_selectedPath;
    const void *m_shownSession = nullptr;
};

} // namespace meridian::ui
