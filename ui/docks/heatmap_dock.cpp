// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "docks/heatmap_dock.h"

#include "bridge/paper_bridge.h"
#include "widgets/heatmap_view.h"
#include "widgets/instrument_bar.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace meridian::ui {

namespace {

constexpr std::int64_t kColumnNs = 100'000'000; // of simulated time

/// A row height that fits the published book (its deepest levels a side) into the middle half of the
/// heatmap's rows: the tick times the first of 1, 2, 5, 10, 20 … that does.
double rowStep(const runtime::PaperMarket &s, int rows)
{
    const double tick = s.tick > 0 ? s.tick : 0.01;
    const double range = s.asks.back().price - s.bids.back().price;
    const double wanted = range / tick / (rows / 2.0);
    for (double scale = 1; scale < 1e12; scale *= 10)
        for (const double nice : {1.0, 2.0, 5.0})
            if (nice * scale >= wanted)
                return nice * scale * tick;
    return tick;
}

} // namespace

HeatmapDock::HeatmapDock(PaperBridge &bridge, QWidget *parent) : QDockWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("dock.heatmap"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    m_bar = new InstrumentBar(body);
    m_caption = new QLabel(body);
    m_caption->setWordWrap(true);
    m_heatmap = new HeatmapView(body);
    layout->addWidget(m_bar);
    layout->addWidget(m_caption);
    layout->addWidget(m_heatmap, 1);
    setWidget(body);
    connect(&m_bridge, &PaperBridge::drained, this, &HeatmapDock::refresh);
    connect(m_bar, &InstrumentBar::symbolChanged, this, [this] {
        m_heatmap->clear();
        m_stepChosen = false; // the new instrument's own, at its first column
        m_traded.clear();
        m_lastTime = 0;
        refresh();
    });
    retranslate();
}

void HeatmapDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void HeatmapDock::retranslate()
{
    setWindowTitle(tr("Depth Heatmap"));
    m_caption->setText(tr("Resting liquidity over time: brighter rests more. Lines: best bid (blue) and best ask "
                          "(orange); circles: trades, sized by volume."));
    m_heatmap->setAccessibleName(tr("Depth heatmap"));
}

void HeatmapDock::refresh()
{
    const runtime::PaperSnapshot &snapshot = m_bridge.snapshot();
    if (!m_bridge.session())
        return;
    QStringList symbols;
    for (const runtime::PaperMarket &m : snapshot.markets)
        symbols << QString::fromStdString(m.symbol);
    m_bar->setSymbols(symbols);
    const runtime::PaperMarket *market = snapshot.market(m_bar->symbol().toStdString());
    if (!market || market->bids.empty() || market->asks.empty() || snapshot.timeNs < m_lastTime + kColumnNs)
        return;
    const runtime::PaperMarket &s = *market;
    m_lastTime = snapshot.timeNs;
    if (!m_stepChosen || !(m_heatmap->priceStep() > 0)) {
        m_heatmap->setPriceStep(rowStep(s, m_heatmap->rows()));
        m_stepChosen = true;
    }
    HeatmapColumn column;
    column.timeNs = snapshot.timeNs;
    column.bestBid = s.bids.front().price;
    column.bestAsk = s.asks.front().price;
    for (const auto *side : {&s.bids, &s.asks})
        for (const runtime::PaperLevel &l : *side)
            column.levels.emplace_back(l.price, l.quantity);
    // Trades since the last column: what the session's traded volume per price grew by.
    for (const auto &[price, total] : s.traded) {
        double &seen = m_traded[price];
        if (total > seen + 1e-12)
            column.trades.emplace_back(price, total - seen);
        seen = total;
    }
    m_heatmap->push(std::move(column));
}

} // namespace meridian::ui
