// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "bridge/paper_bridge.h"

#include <QTimer>

namespace meridian::ui {

PaperBridge::PaperBridge(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setInterval(33);
    connect(m_timer, &QTimer::timeout, this, &PaperBridge::drain);
}

void PaperBridge::setSession(runtime::PaperSession *session)
{
    m_session = session;
    if (session) {
        m_timer->start();
        drain();
    } else {
        m_timer->stop();
    }
}

void PaperBridge::drain()
{
    if (!m_session)
        return;
    m_snapshot = m_session->feed().snapshot();
    m_signals = m_session->feed().takeSignals();
    m_alerts = m_session->feed().takeAlerts();
    m_orders = m_session->feed().takeOrders();
    m_fills = m_session->feed().takeFills();
    m_trades = m_session->feed().takeTrades();
    m_notices = m_session->feed().takeNotices();
    emit drained();
    if (m_snapshot.finished)
        m_timer->stop(); // nothing more will come
}

} // namespace meridian::ui
