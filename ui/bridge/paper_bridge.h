// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "runtime/paper_session.h"

#include <QObject>

#include <vector>

class QTimer;

namespace meridian::ui {

/// The GUI's side of a paper session: drains the session's feed on a timer (30 Hz) and tells the views,
/// once per drain, however many events arrived in between — never a signal per tick.
///
/// Thread: GUI. The session runs on its own thread; the feed is the only thing the two share.
class PaperBridge final : public QObject
{
    Q_OBJECT
public:
    /// session must outlive the bridge (or be detached with setSession(nullptr) first).
    explicit PaperBridge(QObject *parent = nullptr);
    void setSession(runtime::PaperSession *session);
    runtime::PaperSession *session() const { return m_session; }

    /// What the last drain brought (valid in the slots connected to drained()).
    const runtime::PaperSnapshot &snapshot() const { return m_snapshot; }
    const std::vector<signal::Opportunity> &newSignals() const { return m_signals; }
    const std::vector<risk::Alert> &newAlerts() const { return m_alerts; }
    const std::vector<runtime::PaperOrder> &newOrders() const { return m_orders; }
    const std::vector<runtime::PaperFill> &newFills() const { return m_fills; }
    const std::vector<runtime::PaperTrade> &newTrades() const { return m_trades; }
    const std::vector<runtime::PaperNotice> &newNotices() const { return m_notices; }

    /// Drains now (the timer does it every 33 ms).
    void drain();

signals:
    void drained();

private:
    runtime::PaperSession *m_session = nullptr;
    QTimer *m_timer = nullptr;
    runtime::PaperSnapshot m_snapshot;
    std::vector<signal::Opportunity> m_signals;
    std::vector<risk::Alert> m_alerts;
    std::vector<runtime::PaperOrder> m_orders;
    std::vector<runtime::PaperFill> m_fills;
    std::vector<runtime::PaperTrade> m_trades;
    std::vector<runtime::PaperNotice> m_notices;
};

} // namespace meridian::ui
