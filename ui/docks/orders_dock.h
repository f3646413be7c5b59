// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QDockWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace meridian::ui {

class PaperBridge;
class RecordModel;

/// The paper session's orders, fills and positions: one table each, sortable by any column, filtered by
/// the text typed above it, exported as CSV (what the filter shows, in its order) from the context menu.
/// Bounded: the newest 5,000 orders and fills are held.
///
/// Thread: GUI.
class OrdersDock final : public QDockWidget
{
    Q_OBJECT
public:
    enum Table { Orders, Fills, Positions, TableCount };
    OrdersDock(PaperBridge &bridge, QWidget *parent = nullptr);
    RecordModel *model(Table table) const { return m_tables[table].model; }
    QSortFilterProxyModel *proxy(Table table) const { return m_tables[table].proxy; }
    QLineEdit *filter(Table table) const { return m_tables[table].filter; }
    /// Writes what the table shows as CSV. Returns false with the reason when the file cannot be written.
    bool exportCsv(Table table, const QString &path, QString *error = nullptr) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Tab
    {
        RecordModel *model = nullptr;
        QSortFilterProxyModel *proxy = nullptr;
        QTableView *view = nullptr;
        QLineEdit *filter = nullptr;
    };
    void retranslate();
    void refresh();

    PaperBridge &m_bridge;
    QTabWidget *m_tabs = nullptr;
    Tab m_tables[TableCount];
};

} // namespace meridian::ui
