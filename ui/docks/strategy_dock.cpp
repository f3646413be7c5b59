// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "docks/strategy_dock.h"

#include "bridge/paper_bridge.h"
#include "strategy/plugin_registry.h"
#include "widgets/parameter_editor.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meridian::ui {

StrategyDock::StrategyDock(PaperBridge &bridge, QStringList pluginFolders, QWidget *parent)
    : QDockWidget(parent),
      m_bridge(bridge),
      m_folders(std::move(pluginFolders)),
      m_registry(std::make_unique<strategy::PluginRegistry>())
{
    setObjectName(QStringLiteral("dock.strategies"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *body = new QWidget(scroll);
    auto *layout = new QVBoxLayout(body);
    m_session = new QLabel(body);
    m_session->setWordWrap(true);
    layout->addWidget(m_session);
    m_plugins = new QTableWidget(0, 5, body);
    m_plugins->setObjectName(QStringLiteral("strategies.plugins"));
    m_plugins->verticalHeader()->hide();
    m_plugins->horizontalHeader()->setStretchLastSection(true);
    m_plugins->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_plugins->setSelectionMode(QAbstractItemView::SingleSelection);
    m_plugins->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_plugins->setMinimumHeight(140);
    layout->addWidget(m_plugins);
    m_refusalsTitle = new QLabel(body);
    m_refusals = new QListWidget(body);
    m_refusals->setObjectName(QStringLiteral("strategies.refusals"));
    m_refusals->setMaximumHeight(90);
    layout->addWidget(m_refusalsTitle);
    layout->addWidget(m_refusals);
    m_editorTitle = new QLabel(body);
    QFont bold = m_editorTitle->font();
    bold.setBold(true);
    m_editorTitle->setFont(bold);
    layout->addWidget(m_editorTitle);
    m_editor = new ParameterEditor(body);
    layout->addWidget(m_editor);
    auto *buttons = new QHBoxLayout;
    m_rescan = new QPushButton(body);
    m_apply = new QPushButton(body);
    m_apply->setObjectName(QStringLiteral("strategies.apply"));
    buttons->addWidget(m_rescan);
    buttons->addStretch(1);
    buttons->addWidget(m_apply);
    layout->addLayout(buttons);
    layout->addStretch(1);
    scroll->setWidget(body);
    setWidget(scroll);

    connect(m_rescan, &QPushButton::clicked, this, &StrategyDock::rescan);
    connect(m_apply, &QPushButton::clicked, this, &StrategyDock::apply);
    connect(m_plugins, &QTableWidget::itemSelectionChanged, this, &StrategyDock::showSelected);
    connect(&m_bridge, &PaperBridge::drained, this, &StrategyDock::refreshSession);
    retranslate();
    rescan();
}

StrategyDock::~StrategyDock() = default;

void StrategyDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void StrategyDock::retranslate()
{
    setWindowTitle(tr("Strategies"));
    m_plugins->setHorizontalHeaderLabels({tr("Id"), tr("Name"), tr("Version"), tr("Kind"), tr("File")});
    m_refusalsTitle->setText(tr("Files refused"));
    m_plugins->setAccessibleName(tr("Plugins found"));
    m_refusals->setAccessibleName(tr("Files refused"));
    m_rescan->setText(tr("Rescan plugins"));
    m_apply->setText(tr("Apply: restart the paper session"));
    m_apply->setToolTip(tr("Check the parameters and restart the paper session with this strategy and them"));
    m_shownSession = nullptr; // the session line is rewritten in the new language
    refreshSession();
    showSelected();
}

void StrategyDock::rescan()
{
    m_registry = std::make_unique<strategy::PluginRegistry>();
    std::vector<std::string> folders;
    for (const QString &f : m_folders)
        folders.push_back(f.toStdString());
    m_registry->discover(folders);
    m_plugins->setRowCount(0);
    for (const auto &plugin : m_registry->plugins()) {
        const strategy::PluginInfo &info = plugin->info();
        const int row = m_plugins->rowCount();
        m_plugins->insertRow(row);
        const QString kind = info.kind == strategy::PluginKind::Strategy ? tr("strategy") : tr("venue adapter");
        const QStringList cells = {QString::fromStdString(info.id), QString::fromStdString(info.name),
                                   QString::fromStdString(info.version), kind,
                                   QFileInfo(QString::fromStdString(info.path)).fileName()};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setData(Qt::UserRole, QString::fromStdString(info.path));
            item->setToolTip(QString::fromStdString(info.description));
            m_plugins->setItem(row, c, item);
        }
    }
    m_refusals->clear();
    for (const auto &refusal : m_registry->refusals())
        m_refusals->addItem(
            tr("%1: %2").arg(QString::fromStdString(refusal.path), QString::fromStdString(refusal.reason)));
    m_refusals->setVisible(m_refusals->count() > 0);
    m_refusalsTitle->setVisible(m_refusals->count() > 0);
    m_shownSession = nullptr;
    refreshSession();
}

bool StrategyDock::select(const QString &id)
{
    for (int r = 0; r < m_plugins->rowCount(); ++r)
        if (m_plugins->item(r, 0)->text() == id) {
            m_plugins->selectRow(r);
            return true;
        }
    return false;
}

void StrategyDock::showSelected()
{
    const auto rows = m_plugins->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_editorTitle->setText(tr("Select a strategy plugin to edit its parameters."));
        m_editor->setSchema({});
        m_apply->setEnabled(false);
        m_selectedPath.clear();
        return;
    }
    const QString path = m_plugins->item(rows.front().row(), 0)->data(Qt::UserRole).toString();
    const strategy::PluginLibrary *plugin = nullptr;
    for (const auto &p : m_registry->plugins())
        if (QString::fromStdString(p->info().path) == path)
            plugin = p.get();
    if (!plugin || plugin->info().kind != strategy::PluginKind::Strategy) {
        m_editorTitle->setText(tr("Venue adapters are configured when they connect."));
        m_editor->setSchema({});
        m_apply->setEnabled(false);
        m_selectedPath.clear();
        return;
    }
    // The session's own parameters when it runs this plugin, the schema's defaults otherwise.
    std::string values = "{}";
    if (const runtime::PaperSession *session = m_bridge.session();
        session &&
        QFileInfo(QString::fromStdString(session->config().strategyPath)).fileName() == QFileInfo(path).fileName())
        values = session->config().strategyParams;
    if (path != m_selectedPath) {
        m_editor->setSchema(plugin->info().parameters, values);
        m_selectedPath = path;
    }
    m_editorTitle->setText(tr("Parameters of %1").arg(QString::fromStdString(plugin->info().id)));
    m_apply->setEnabled(true);
}

bool StrategyDock::apply()
{
    if (m_selectedPath.isEmpty())
        return false;
    auto parameters = m_editor->parameters();
    if (!parameters)
        return false; // the editor shows why
    emit restartRequested(m_selectedPath, QString::fromStdString(*parameters));
    return true;
}

void StrategyDock::refreshSession()
{
    const runtime::PaperSession *session = m_bridge.session();
    if (session == m_shownSession)
        return;
    m_shownSession = session;
    if (!session) {
        m_session->setText(tr("No paper session is running."));
        return;
    }
    const QString file = QFileInfo(QString::fromStdString(session->config().strategyPath)).fileName();
    m_session->setText(
        tr("The paper session runs %1 with %2")
            .arg(file.isEmpty() ? tr("no strategy") : file, QString::fromStdString(session->config().strategyParams)));
    for (int r = 0; r < m_plugins->rowCount(); ++r)
        if (QFileInfo(m_plugins->item(r, 0)->data(Qt::UserRole).toString()).fileName() == file &&
            m_plugins->selectionModel()->selectedRows().isEmpty())
            m_plugins->selectRow(r);
}

} // namespace meridian::ui
