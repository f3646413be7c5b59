// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "docks/chart_dock.h"

#include "bridge/paper_bridge.h"
#include "widgets/price_chart.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace meridian::ui {

ChartDock::ChartDock(PaperBridge &bridge, QWidget *parent) : QDockWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("dock.chart"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    m_caption = new QLabel(body);
    m_chart = new PriceChart(body, 1'000'000'000);
    layout->addWidget(m_caption);
    layout->addWidget(m_chart, 1);
    setWidget(body);
    connect(&m_bridge, &PaperBridge::drained, this, &ChartDock::refresh);
    retranslate();
}

void ChartDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void ChartDock::retranslate()
{
    setWindowTitle(tr("Price Chart"));
    m_caption->setText(tr("Drag to pan, wheel or + / − to zoom, Home to see everything; triangles mark your fills."));
    m_chart->setAccessibleName(tr("Price chart"));
}

void ChartDock::refresh()
{
    if (!m_bridge.session())
        return;
    const auto &trades = m_bridge.newTrades();
    for (const runtime::PaperTrade &t : trades)
        m_chart->series().addTrade(t.timeNs, t.price, t.quantity);
    for (const runtime::PaperFill &f : m_bridge.newFills())
        m_chart->addFill(f.timeNs, f.price, f.side == "buy");
    if (!trades.empty() || !m_bridge.newFills().empty())
        m_chart->dataChanged();
}

} // namespace meridian::ui
