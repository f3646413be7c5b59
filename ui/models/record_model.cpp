// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "models/record_model.h"

#include <QLocale>

namespace meridian::ui {

RecordModel::RecordModel(std::vector<Column> columns, int cap, QObject *parent)
    : QAbstractTableModel(parent), m_columns(std::move(columns)), m_cap(std::max(1, cap))
{}

void RecordModel::apply(const std::vector<Record> &batch)
{
    if (batch.empty())
        return;
    beginResetModel();
    for (const Record &r : batch) {
        if (!r.key.isEmpty()) {
            if (const auto it = m_index.find(r.key); it != m_index.end() && it->second >= m_base) {
                m_rows[it->second - m_base].values = r.values;
                continue;
            }
            m_index[r.key] = m_base + m_rows.size();
        }
        m_rows.push_back(r);
    }
    while (m_rows.size() > static_cast<std::size_t>(m_cap)) {
        if (!m_rows.front().key.isEmpty())
            m_index.erase(m_rows.front().key);
        m_rows.pop_front();
        ++m_base;
    }
    endResetModel();
}

void RecordModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_base = 0;
    endResetModel();
}

int RecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant RecordModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const QVariant &v = m_rows[static_cast<std::size_t>(index.row())].values.value(index.column());
    const bool number = v.typeId() == QMetaType::Double || v.typeId() == QMetaType::LongLong;
    switch (role) {
    case Qt::DisplayRole: {
        const int decimals = m_columns[static_cast<std::size_t>(index.column())].decimals;
        if (v.typeId() == QMetaType::Double && decimals >= 0)
            return QLocale().toString(v.toDouble(), 'f', decimals);
        return number ? QLocale().toString(v.toDouble(), 'g', 12) : v;
    }
    case Qt::EditRole:
        return v; // the raw value: what the sort proxy compares
    case Qt::TextAlignmentRole:
        return number ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant RecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return {};
    return m_columns[static_cast<std::size_t>(section)].title();
}

} // namespace meridian::ui
