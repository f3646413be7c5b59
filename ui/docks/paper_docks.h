// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "risk/monitor.h"
#include "signal/pipeline.h"

#include <QAbstractTableModel>
#include <QDockWidget>

#include <QString>

#include <deque>
#include <map>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QMessageBox;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;

namespace meridian::ui {

class PaperBridge;

/// "ACTIVE", "REDUCING", "HALTED", translated: how every view names a trading state.
QString tradingStateText(risk::TradingState state);

/// The paper session at a glance: market, account, orders, signals and alerts counts, the trading state
/// with its kill switch, the simulation speed and the strategy's live variables.
///
/// Thread: GUI.
class PaperDock final : public QDockWidget
{
    Q_OBJECT
public:
    PaperDock(PaperBridge &bridge, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();

    PaperBridge &m_bridge;
    QLabel *m_heading = nullptr;
    QList<QLabel *> m_keys;
    QLabel *m_market = nullptr, *m_clock = nullptr, *m_position = nullptr, *m_equity = nullptr, *m_orders = nullptr,
           *m_signals = nullptr, *m_state = nullptr, *m_note = nullptr;
    QComboBox *m_speed = nullptr;
    QPushButton *m_killSwitch = nullptr;
    QTableWidget *m_variables = nullptr;
};

/// Published opportunities, newest first (the last kMaxRows).
class SignalModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kMaxRows = 2000;
    enum Column { Time, Instrument, Direction, Strength, Confidence, Sources, Reason, Latency, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void add(const std::vector<signal::Opportunity> &batch);
    void retranslate() { emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1); }
    /// The symbols of the session's instruments, by id (signals carry the id).
    void setSymbols(std::map<InstrumentId, QString> symbols) { m_symbols = std::move(symbols); }

private:
    std::deque<signal::Opportunity> m_rows; // newest first
    std::map<InstrumentId, QString> m_symbols;
};

/// The signal stream, newest first, with a pause and filters: the direction, and any text in a row (an
/// instrument, a strategy, a reason).
class SignalDock final : public QDockWidget
{
    Q_OBJECT
public:
    SignalDock(PaperBridge &bridge, QWidget *parent = nullptr);
    SignalModel *model() const { return m_model; }
    /// What the view shows: the model through the filters.
    QSortFilterProxyModel *shown() const { return m_filter; }
    /// 0: both directions, 1: long only, 2: short only.
    void setDirectionFilter(int which);
    void setTextFilter(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    PaperBridge &m_bridge;
    SignalModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_direction = nullptr;
    QLineEdit *m_text = nullptr;
    QCheckBox *m_pause = nullptr;
    QLabel *m_count = nullptr;
    std::vector<signal::Opportunity> m_held; // arrived while paused
    std::uint64_t m_total = 0;
    std::size_t m_symbolCount = 0; // instruments whose symbols the model has
};

/// Risk alerts by level, newest first, and the count of critical ones. A critical alert brings the dock to
/// the front, rings the bell and shows a popup at once (within the drain that brought it).
class AlertDock final : public QDockWidget
{
    Q_OBJECT
public:
    AlertDock(PaperBridge &bridge, QWidget *parent = nullptr);
    int alertCount() const;
    /// Alerts not acknowledged yet.
    int unacknowledgedCount() const;
    /// Acknowledges the selected alerts, or all of them: they are shown as seen and the session journals
    /// when (risk_alerts.acknowledged_at). The critical popup's button acknowledges the critical ones.
    void acknowledgeSelected();
    void acknowledgeAll();
    /// The popup of the last critical alert (null before the first).
    QMessageBox *popup() const { return m_popup; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    PaperBridge &m_bridge;
    void raiseCritical(const risk::Alert &alert);
    void acknowledge(const QList<QListWidgetItem *> &items);
    /// The counts and the buttons, after alerts arrive or are acknowledged.
    void updateSummary();
    void showAcknowledged(QListWidgetItem *item);

    QListWidget *m_list = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QPushButton *m_acknowledgeAll = nullptr;
    QMessageBox *m_popup = nullptr;
    int m_critical = 0;
};

} // namespace meridian::ui
