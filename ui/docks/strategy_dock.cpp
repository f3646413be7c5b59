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
#include <QLocale>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace meridian::ui {

namespace {

enum InstanceColumn { Id, Name, Version, State, Position, Realized, Orders, Open, Error, ColumnCount };

QTableWidget *makeTable(int columns, const QString &name, QWidget *parent)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->setObjectName(name);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return table;
}

/// Writes a cell only when its text changed: the table is refreshed at every drain, and an unchanged
/// cell must cost nothing (no repaint, no relayout).
void setCell(QTableWidget *table, int row, int column, const QString &text, const QVariant &key = {})
{
    QTableWidgetItem *item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem(text);
        table->setItem(row, column, item);
    } else if (item->text() != text) {
        item->setText(text);
    }
    if (key.isValid())
        item->setData(Qt::UserRole, key);
}

const runtime::PaperStrategy *findInstance(const runtime::PaperSnapshot &s, std::uint32_t id)
{
    for (const runtime::PaperStrategy &row : s.strategies)
        if (row.id == id)
            return &row;
    return nullptr;
}

} // namespace

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
    QFont bold = font();
    bold.setBold(true);
    const auto title = [&](QLabel *&label) {
        label = new QLabel(body);
        label->setFont(bold);
        layout->addWidget(label);
    };

    m_session = new QLabel(body);
    m_session->setWordWrap(true);
    layout->addWidget(m_session);
    title(m_instancesTitle);
    m_instances = makeTable(ColumnCount, QStringLiteral("strategies.instances"), body);
    m_instances->setMinimumHeight(120);
    layout->addWidget(m_instances);
    auto *commands = new QHBoxLayout;
    const auto button = [&](QPushButton *&b, const char *name) {
        b = new QPushButton(body);
        b->setObjectName(QLatin1String(name));
        commands->addWidget(b);
    };
    button(m_start, "strategies.start");
    button(m_stop, "strategies.stop");
    button(m_edit, "strategies.edit");
    button(m_reload, "strategies.reload");
    button(m_remove, "strategies.remove");
    commands->addStretch(1);
    layout->addLayout(commands);
    m_notice = new QLabel(body);
    m_notice->setObjectName(QStringLiteral("strategies.notice"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    layout->addWidget(m_notice);
    title(m_variablesTitle);
    m_variables = makeTable(2, QStringLiteral("strategies.variables"), body);
    m_variables->setSelectionMode(QAbstractItemView::NoSelection);
    m_variables->setMinimumHeight(90);
    layout->addWidget(m_variables);

    title(m_pluginsTitle);
    m_plugins = makeTable(5, QStringLiteral("strategies.plugins"), body);
    m_plugins->setMinimumHeight(120);
    layout->addWidget(m_plugins);
    m_refusalsTitle = new QLabel(body);
    m_refusals = new QListWidget(body);
    m_refusals->setObjectName(QStringLiteral("strategies.refusals"));
    m_refusals->setMaximumHeight(90);
    layout->addWidget(m_refusalsTitle);
    layout->addWidget(m_refusals);
    title(m_editorTitle);
    m_editorTitle->setWordWrap(true);
    m_editor = new ParameterEditor(body);
    layout->addWidget(m_editor);
    auto *buttons = new QHBoxLayout;
    m_rescan = new QPushButton(body);
    m_add = new QPushButton(body);
    m_add->setObjectName(QStringLiteral("strategies.add"));
    buttons->addWidget(m_rescan);
    buttons->addStretch(1);
    buttons->addWidget(m_add);
    layout->addLayout(buttons);
    layout->addStretch(1);
    scroll->setWidget(body);
    setWidget(scroll);

    connect(m_rescan, &QPushButton::clicked, this, &StrategyDock::rescan);
    connect(m_add, &QPushButton::clicked, this, &StrategyDock::addInstance);
    connect(m_start, &QPushButton::clicked, this, &StrategyDock::startInstance);
    connect(m_stop, &QPushButton::clicked, this, &StrategyDock::stopInstance);
    connect(m_edit, &QPushButton::clicked, this, &StrategyDock::applyToInstance);
    connect(m_reload, &QPushButton::clicked, this, &StrategyDock::reloadInstance);
    connect(m_remove, &QPushButton::clicked, this, &StrategyDock::removeInstance);
    connect(m_plugins, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!m_plugins->selectionModel()->selectedRows().isEmpty())
            m_instances->clearSelection();
        showSelectedPlugin();
    });
    connect(m_instances, &QTableWidget::itemSelectionChanged, this, [this] {
        if (selectedInstance() != 0)
            m_plugins->clearSelection();
        showSelectedInstance();
    });
    connect(&m_bridge, &PaperBridge::drained, this, &StrategyDock::refresh);
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
    m_instancesTitle->setText(tr("Strategy instances in the paper session"));
    m_instances->setHorizontalHeaderLabels({tr("Id"), tr("Name"), tr("Version"), tr("State"), tr("Position"),
                                            tr("Realised PnL"), tr("Orders (refused)"), tr("Open"), tr("Failure")});
    m_instances->setAccessibleName(tr("Strategy instances"));
    m_variablesTitle->setText(tr("Live variables of the selected instance"));
    m_variables->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    m_variables->setAccessibleName(tr("Live variables"));
    m_pluginsTitle->setText(tr("Plugins"));
    m_plugins->setHorizontalHeaderLabels({tr("Id"), tr("Name"), tr("Version"), tr("Kind"), tr("File")});
    m_refusalsTitle->setText(tr("Files refused"));
    m_plugins->setAccessibleName(tr("Plugins found"));
    m_refusals->setAccessibleName(tr("Files refused"));
    m_rescan->setText(tr("Rescan plugins"));
    m_add->setText(tr("Add to the session"));
    m_add->setToolTip(tr("Check the parameters and start a new instance of the selected plugin with them"));
    m_start->setText(tr("Start"));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Stop the instance and cancel its open orders"));
    m_edit->setText(tr("Apply parameters"));
    m_edit->setToolTip(tr("Check the parameters and give them to the selected instance (it starts afresh)"));
    m_reload->setText(tr("Reload plugin"));
    m_reload->setToolTip(tr("Load the instance's plugin file again (a new build); its instances start afresh "
                            "with their parameters"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Stop the instance, cancel its open orders and remove it; its position stays"));
    m_notice->setAccessibleName(tr("What the session said"));
    refresh(); // the cells are rewritten in the new language
    if (m_editorInstance != 0)
        showSelectedInstance();
    else
        showSelectedPlugin();
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
    m_plugins->resizeColumnsToContents();
    m_refusals->clear();
    for (const auto &refusal : m_registry->refusals())
        m_refusals->addItem(
            tr("%1: %2").arg(QString::fromStdString(refusal.path), QString::fromStdString(refusal.reason)));
    m_refusals->setVisible(m_refusals->count() > 0);
    m_refusalsTitle->setVisible(m_refusals->count() > 0);
    m_editorPlugin.clear();
    m_editorInstance = 0;
    showSelectedPlugin();
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

bool StrategyDock::selectInstance(std::uint32_t id)
{
    for (int r = 0; r < m_instances->rowCount(); ++r)
        if (m_instances->item(r, Id) && m_instances->item(r, Id)->data(Qt::UserRole).toUInt() == id) {
            m_instances->selectRow(r);
            return true;
        }
    return false;
}

std::uint32_t StrategyDock::selectedInstance() const
{
    const auto rows = m_instances->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_instances->item(rows.front().row(), Id))
        return 0;
    return m_instances->item(rows.front().row(), Id)->data(Qt::UserRole).toUInt();
}

void StrategyDock::showSelectedPlugin()
{
    const auto rows = m_plugins->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        if (selectedInstance() == 0) {
            m_editorTitle->setText(tr("Select a strategy plugin to add an instance, or an instance to edit it."));
            m_editor->setSchema({});
            m_editorPlugin.clear();
            m_editorInstance = 0;
        }
        refreshButtons();
        return;
    }
    const QString path = m_plugins->item(rows.front().row(), 0)->data(Qt::UserRole).toString();
    const strategy::PluginLibrary *plugin = nullptr;
    for (const auto &p : m_registry->plugins())
        if (QString::fromStdString(p->info().path) == path)
            plugin = p.get();
    m_editorInstance = 0;
    if (!plugin || plugin->info().kind != strategy::PluginKind::Strategy) {
        m_editorTitle->setText(tr("Venue adapters are configured when they connect."));
        m_editor->setSchema({});
        m_editorPlugin.clear();
        refreshButtons();
        return;
    }
    if (path != m_editorPlugin) {
        m_editor->setSchema(plugin->info().parameters);
        m_editorPlugin = path;
    }
    m_editorTitle->setText(tr("Parameters of a new %1 instance").arg(QString::fromStdString(plugin->info().id)));
    refreshButtons();
}

void StrategyDock::showSelectedInstance()
{
    const std::uint32_t id = selectedInstance();
    if (id == 0) {
        showSelectedPlugin();
        return;
    }
    const runtime::PaperStrategy *row = findInstance(m_bridge.snapshot(), id);
    if (!row)
        return;
    m_editorPlugin.clear();
    const strategy::PluginLibrary *plugin = m_registry->find(row->pluginId);
    if (!plugin) {
        m_editorTitle->setText(tr("The plugin of instance %1 (%2) is not in the plugin folders: its parameters "
                                  "cannot be edited here.")
                                   .arg(id)
                                   .arg(QString::fromStdString(row->name)));
        m_editor->setSchema({});
        m_editorInstance = 0;
    } else {
        if (id != m_editorInstance)
            m_editor->setSchema(plugin->info().parameters, row->parameters);
        m_editorInstance = id;
        m_editorTitle->setText(tr("Parameters of instance %1 (%2)").arg(id).arg(QString::fromStdString(row->name)));
    }
    m_variables->setRowCount(0);
    refresh();
}

void StrategyDock::refresh()
{
    // Rows added or removed here change the selection, whose handler refreshes again: once is enough.
    if (m_refreshing)
        return;
    const QScopedValueRollback guard(m_refreshing, true);
    const runtime::PaperSession *session = m_bridge.session();
    const runtime::PaperSnapshot &s = m_bridge.snapshot();
    for (const runtime::PaperNotice &n : m_bridge.newNotices()) {
        m_lastNotice = QString::fromStdString(n.text);
        m_lastNoticeError = n.error;
    }
    if (!m_lastNotice.isEmpty()) {
        m_notice->setText(m_lastNoticeError ? tr("Refused: %1").arg(m_lastNotice) : m_lastNotice);
        m_notice->show();
    }
    if (!session) {
        m_session->setText(tr("No paper session is running."));
        m_instances->setRowCount(0);
        m_variables->setRowCount(0);
        refreshButtons();
        return;
    }
    int running = 0;
    for (const runtime::PaperStrategy &row : s.strategies)
        running += row.state == "running" ? 1 : 0;
    m_session->setText(tr("Paper session %1: strategy instances %2, running %3.")
                           .arg(QString::fromStdString(s.session))
                           .arg(s.strategies.size())
                           .arg(running));

    const std::uint32_t selected = selectedInstance();
    const QLocale locale;
    const bool rowsChanged = m_instances->rowCount() != static_cast<int>(s.strategies.size());
    if (rowsChanged)
        m_instances->setRowCount(static_cast<int>(s.strategies.size()));
    for (int r = 0; r < static_cast<int>(s.strategies.size()); ++r) {
        const runtime::PaperStrategy &row = s.strategies[static_cast<std::size_t>(r)];
        QString state;
        // A sign with each state, so that nothing depends on reading a colour.
        if (row.state == "running")
            state = tr("▶ running");
        else if (row.state == "stopped")
            state = tr("■ stopped");
        else if (row.state == "failed")
            state = tr("✕ failed");
        else
            state = tr("○ ready");
        setCell(m_instances, r, Id, QString::number(row.id), row.id);
        setCell(m_instances, r, Name, QString::fromStdString(row.name));
        setCell(m_instances, r, Version, QString::fromStdString(row.version));
        setCell(m_instances, r, State, state);
        // Its position in each instrument it holds (a pair holds two), by symbol.
        QStringList held;
        for (std::size_t i = 0; i < row.positions.size() && i < s.markets.size(); ++i)
            if (row.positions[i] != 0)
                held << tr("%1 %2").arg(locale.toString(row.positions[i], 'f', 3),
                                        QString::fromStdString(s.markets[i].symbol));
        setCell(m_instances, r, Position,
                held.isEmpty() ? locale.toString(0.0, 'f', 3) : held.join(QStringLiteral(", ")));
        setCell(m_instances, r, Realized, locale.toString(row.realizedPnl, 'f', 2));
        setCell(m_instances, r, Orders, tr("%1 (%2)").arg(row.ordersSent).arg(row.ordersRefused + row.ordersRejected));
        setCell(m_instances, r, Open, QString::number(row.openOrders));
        setCell(m_instances, r, Error, QString::fromStdString(row.error));
        m_instances->item(r, Error)->setToolTip(QString::fromStdString(row.error));
        m_instances->item(r, Name)->setToolTip(QString::fromStdString(row.path));
    }
    if (rowsChanged) // only then: sizing columns at every refresh would cost a layout per drain
        m_instances->resizeColumnsToContents();
    if (selected != 0 && selectedInstance() != selected)
        selectInstance(selected); // rows moved (one was removed): the selection follows its instance

    const runtime::PaperStrategy *shown = findInstance(s, selectedInstance());
    const int variables = shown ? static_cast<int>(shown->variables.size()) : 0;
    const bool variablesChanged = m_variables->rowCount() != variables;
    if (variablesChanged)
        m_variables->setRowCount(variables);
    for (int r = 0; r < variables; ++r) {
        const auto &[name, value] = shown->variables[static_cast<std::size_t>(r)];
        setCell(m_variables, r, 0, QString::fromStdString(name));
        // A strategy publishes NaN for what it cannot tell yet (a spread before its first estimate).
        setCell(m_variables, r, 1, std::isfinite(value) ? locale.toString(value, 'g', 8) : QStringLiteral("—"));
    }
    if (variablesChanged)
        m_variables->resizeColumnToContents(0);
    refreshButtons();
}

void StrategyDock::refreshButtons()
{
    const bool session = m_bridge.session() != nullptr && !m_bridge.snapshot().finished;
    const runtime::PaperStrategy *row = findInstance(m_bridge.snapshot(), selectedInstance());
    const bool live = session && row;
    m_start->setEnabled(live && (row->state == "stopped" || row->state == "initialised"));
    m_stop->setEnabled(live && row->state == "running");
    m_edit->setEnabled(live && m_editorInstance == row->id);
    m_reload->setEnabled(live);
    m_remove->setEnabled(live);
    m_add->setEnabled(session && !m_editorPlugin.isEmpty());
}

bool StrategyDock::addInstance()
{
    if (m_editorPlugin.isEmpty())
        return false;
    auto parameters = m_editor->parameters();
    if (!parameters)
        return false; // the editor shows why
    runtime::PaperSession *session = m_bridge.session();
    if (!session)
        return false;
    session->addStrategy(m_editorPlugin.toStdString(), *parameters);
    return true;
}

bool StrategyDock::applyToInstance()
{
    runtime::PaperSession *session = m_bridge.session();
    const std::uint32_t id = selectedInstance();
    if (!session || id == 0 || id != m_editorInstance)
        return false;
    auto parameters = m_editor->parameters();
    if (!parameters)
        return false;
    session->reconfigureStrategy(id, *parameters);
    return true;
}

void StrategyDock::commandSelected(void (runtime::PaperSession::*command)(std::uint32_t))
{
    if (runtime::PaperSession *session = m_bridge.session(); session && selectedInstance() != 0)
        (session->*command)(selectedInstance());
}

void StrategyDock::startInstance()
{
    commandSelected(&runtime::PaperSession::startStrategy);
}

void StrategyDock::stopInstance()
{
    commandSelected(&runtime::PaperSession::stopStrategy);
}

void StrategyDock::reloadInstance()
{
    commandSelected(&runtime::PaperSession::reloadStrategy);
}

void StrategyDock::removeInstance()
{
    commandSelected(&runtime::PaperSession::removeStrategy);
}

QString StrategyDock::notice() const
{
    return m_lastNotice.isEmpty() ? QString() : m_notice->text();
}

} // namespace meridian::ui
