// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>

#include <deque>
#include <functional>
#include <unordered_map>
#include <vector>

namespace meridian::ui {

/// A bounded table of records for the monitors (orders, fills, positions): each row a vector of values
/// (numbers stay numbers, so a proxy sorts them as numbers), optionally keyed so that a newer version of a
/// record replaces the older one in place. Updates come in batches (one per bridge drain) and cost one
/// model reset each, however many records the batch holds. When more than `cap` rows are held, the oldest
/// go. The display role formats numbers for the locale; the edit role gives the raw value (for sorting and
/// export).
///
/// Thread: GUI.
class RecordModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Column
    {
        std::function<QString()> title; // translated when asked
        int decimals = -1;              // numbers: fixed decimals, -1: as they are
    };
    RecordModel(std::vector<Column> columns, int cap, QObject *parent = nullptr);

    struct Record
    {
        QString key; // empty: never replaced
        QVector<QVariant> values;
    };
    void apply(const std::vector<Record> &batch);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void retranslate() { emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1); }

    int cap() const { return m_cap; }

private:
    std::vector<Column> m_columns;
    int m_cap;
    std::deque<Record> m_rows;                        // oldest first
    std::unordered_map<QString, std::size_t> m_index; // key → position in m_rows + m_base
    std::size_t m_base = 0;                           // how many rows were dropped from the front
};

} // namespace meridian::ui
