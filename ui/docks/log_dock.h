// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "bridge/log_buffer.h"

#include <QAbstractTableModel>
#include <QDockWidget>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QCheckBox;

namespace meridian::ui {

/// Table model over the newest log lines (oldest first), capped at a fixed number of rows.
///
/// Thread: GUI.
class LogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn = 0, LevelColumn, AreaColumn, MessageColumn, ColumnCount };
    static constexpr int kLevelRole = Qt::UserRole + 1;

    explicit LogModel(std::size_t maxRows, QObject *parent = nullptr);

    /// Appends entries in one batch, dropping the oldest rows beyond the cap.
    void append(std::vector<LogEntry> entries);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Returns the translated name of a spdlog level.
    static QString levelName(int level);

private:
    std::size_t m_maxRows;
    std::vector<LogEntry> m_rows;
};

/// Filters log rows by minimum level and by text in the area or message.
class LogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setMinimumLevel(int level);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_minimumLevel = 0;
    QString m_text;
};

/// The Log dock: the program's log lines, fed from a LogBuffer drained at 30 Hz.
///
/// Thread: GUI.
class LogDock final : public QDockWidget
{
    Q_OBJECT
public:
    LogDock(std::shared_ptr<LogBuffer> buffer, QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    /// Moves buffered lines into the view now (the timer does this 30 times a second).
    void drain();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    std::shared_ptr<LogBuffer> m_buffer;
    LogModel *m_model = nullptr;
    LogFilterModel *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_level = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_follow = nullptr;
    QLabel *m_dropped = nullptr;
    QTimer *m_timer = nullptr;
    std::size_t m_droppedTotal = 0;
};

} // namespace meridian::ui
