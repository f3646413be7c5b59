// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "docks/log_dock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <spdlog/common.h>

namespace meridian::ui {

LogModel::LogModel(std::size_t maxRows, QObject *parent) : QAbstractTableModel(parent), m_maxRows(maxRows) {}

void LogModel::append(std::vector<LogEntry> entries)
{
    if (entries.empty())
        return;
    if (entries.size() > m_maxRows)
        entries.erase(entries.begin(), entries.end() - static_cast<std::ptrdiff_t>(m_maxRows));
    const std::size_t overflow =
        m_rows.size() + entries.size() > m_maxRows ? m_rows.size() + entries.size() - m_maxRows : 0;
    if (overflow > 0) {
        beginRemoveRows({}, 0, static_cast<int>(overflow) - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + static_cast<std::ptrdiff_t>(overflow));
        endRemoveRows();
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(entries.size()) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(entries.begin()), std::make_move_iterator(entries.end()));
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::levelName(int level)
{
    switch (level) {
    case spdlog::level::trace:
        return tr("Trace");
    case spdlog::level::debug:
        return tr("Debug");
    case spdlog::level::info:
        return tr("Info");
    case spdlog::level::warn:
        return tr("Warning");
    case spdlog::level::err:
        return tr("Error");
    case spdlog::level::critical:
        return tr("Critical");
    default:
        return QString::number(level);
    }
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size()))
        return {};
    const LogEntry &entry = m_rows[static_cast<std::size_t>(index.row())];
    if (role == kLevelRole)
        return entry.level;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(entry.timeNs / 1000000).toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return levelName(entry.level);
        case AreaColumn:
            return QString::fromStdString(entry.area);
        case MessageColumn:
            return QString::fromStdString(entry.message);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == LevelColumn) {
        if (entry.level >= spdlog::level::err)
            return QColor(0xe5, 0x48, 0x4d);
        if (entry.level == spdlog::level::warn)
            return QColor(0xd9, 0x8e, 0x04);
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case AreaColumn:
        return tr("Area");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

void LogFilterModel::setMinimumLevel(int level)
{
    m_minimumLevel = level;
    invalidateFilter();
}

void LogFilterModel::setText(const QString &text)
{
    m_text = text;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    if (source->index(sourceRow, 0, sourceParent).data(LogModel::kLevelRole).toInt() < m_minimumLevel)
        return false;
    if (m_text.isEmpty())
        return true;
    return source->index(sourceRow, LogModel::MessageColumn, sourceParent)
               .data()
               .toString()
               .contains(m_text, Qt::CaseInsensitive) ||
           source->index(sourceRow, LogModel::AreaColumn, sourceParent)
               .data()
               .toString()
               .contains(m_text, Qt::CaseInsensitive);
}

LogDock::LogDock(std::shared_ptr<LogBuffer> buffer, QWidget *parent) : QDockWidget(parent), m_buffer(std::move(buffer))
{
    setObjectName(QStringLiteral("dock.log"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_level = new QComboBox(content);
    m_level->setObjectName(QStringLiteral("levelFilter"));
    m_search = new QLineEdit(content);
    m_search->setObjectName(QStringLiteral("textFilter"));
    m_search->setClearButtonEnabled(true);
    m_follow = new QCheckBox(content);
    m_follow->setChecked(true);
    auto *clear = new QPushButton(content);
    clear->setObjectName(QStringLiteral("clear"));
    m_dropped = new QLabel(content);
    bar->addWidget(m_level);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_follow);
    bar->addWidget(clear);
    bar->addWidget(m_dropped);
    layout->addLayout(bar);

    m_model = new LogModel(10000, this);
    m_filter = new LogFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_view = new QTableView(content);
    m_view->setModel(m_filter);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 4);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_level, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setMinimumLevel(m_level->currentData().toInt()); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &LogFilterModel::setText);
    connect(clear, &QPushButton::clicked, m_model, &LogModel::clear);

    retranslate(); // fills the level filter; Info and above by default
    m_filter->setMinimumLevel(m_level->currentData().toInt());

    m_timer = new QTimer(this);
    m_timer->setInterval(33); // ~30 Hz: one batch per frame whatever the log rate
    connect(m_timer, &QTimer::timeout, this, &LogDock::drain);
    m_timer->start();
}

void LogDock::drain()
{
    if (!m_buffer)
        return;
    std::vector<LogEntry> entries;
    const std::size_t dropped = m_buffer->take(entries);
    if (dropped > 0) {
        m_droppedTotal += dropped;
        m_dropped->setText(tr("%n line(s) dropped", nullptr, static_cast<int>(m_droppedTotal)));
    }
    if (entries.empty())
        return;
    m_model->append(std::move(entries));
    if (m_follow->isChecked())
        m_view->scrollToBottom();
}

void LogDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void LogDock::retranslate()
{
    setWindowTitle(tr("Log"));
    const int current = m_level->currentIndex();
    m_level->blockSignals(true);
    m_level->clear();
    for (int level : {spdlog::level::debug, spdlog::level::info, spdlog::level::warn, spdlog::level::err})
        m_level->addItem(LogModel::levelName(level), level);
    m_level->setCurrentIndex(current < 0 ? 1 : current);
    m_level->blockSignals(false);
    m_level->setToolTip(tr("Show lines at this level and above"));
    m_search->setPlaceholderText(tr("Filter by text"));
    m_level->setAccessibleName(tr("Lowest level shown"));
    m_search->setAccessibleName(tr("Filter by text"));
    m_view->setAccessibleName(tr("Log lines"));
    m_follow->setText(tr("Follow"));
    m_follow->setToolTip(tr("Scroll to the newest line as it arrives"));
    if (auto *clear = findChild<QPushButton *>(QStringLiteral("clear")))
        clear->setText(tr("Clear"));
    if (m_droppedTotal > 0)
        m_dropped->setText(tr("%n line(s) dropped", nullptr, static_cast<int>(m_droppedTotal)));
    emit m_model->headerDataChanged(Qt::Horizontal, 0, LogModel::ColumnCount - 1);
}

} // namespace meridian::ui
