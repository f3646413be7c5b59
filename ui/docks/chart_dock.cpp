// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "docks/chart_dock.h"

#include "bridge/paper_bridge.h"
#include "widgets/instrument_bar.h"
#include "widgets/price_chart.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace meridian::ui {

namespace {
constexpr std::int64_t kBaseIntervalNs = 1'000'000'000; // one-second candles at the finest zoom
}

ChartDock::ChartDock(PaperBridge &bridge, QWidget *parent) : QDockWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("dock.chart"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    m_bar = new InstrumentBar(body);
    m_caption = new QLabel(body);
    m_chart = new PriceChart(body, kBaseIntervalNs);
    layout->addWidget(m_bar);
    layout->addWidget(m_caption);
    layout->addWidget(m_chart, 1);
    setWidget(body);
    connect(&m_bridge, &PaperBridge::drained, this, &ChartDock::refresh);
    connect(m_bar, &InstrumentBar::symbolChanged, this, &ChartDock::showInstrument);
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
    QStringList symbols;
    for (const runtime::PaperMarket &m : m_bridge.snapshot().markets)
        symbols << QString::fromStdString(m.symbol);
    m_bar->setSymbols(symbols);
    if (m_shown.empty())
        m_shown = m_bar->symbol().toStdString();
    // Every instrument's trades are kept in candles, so that choosing another shows its history at once.
    bool changed = false;
    for (const runtime::PaperTrade &t : m_bridge.newTrades()) {
        if (t.symbol == m_shown) {
            m_chart->series().addTrade(t.timeNs, t.price, t.quantity);
            changed = true;
        } else {
            m_others.try_emplace(t.symbol, kBaseIntervalNs).first->second.addTrade(t.timeNs, t.price, t.quantity);
        }
    }
    for (const runtime::PaperFill &f : m_bridge.newFills()) {
        std::vector<Fill> &fills = m_fills[f.symbol];
        fills.push_back({f.timeNs, f.price, f.side == "buy"});
        if (fills.size() > 100'000) // bounded as the chart's own marks are
            fills.erase(fills.begin(), fills.begin() + 10'000);
        if (f.symbol == m_shown) {
            m_chart->addFill(f.timeNs, f.price, f.side == "buy");
            changed = true;
        }
    }
    if (changed)
        m_chart->dataChanged();
}

void ChartDock::showInstrument(const QString &symbol)
{
    const std::string next = symbol.toStdString();
    if (next == m_shown)
        return;
    if (!m_shown.empty())
        m_others.insert_or_assign(m_shown, std::move(m_chart->series()));
    const auto kept = m_others.find(next);
    m_chart->series() = kept == m_others.end() ? CandleSeries(kBaseIntervalNs) : std::move(kept->second);
    if (kept != m_others.end())
        m_others.erase(kept);
    m_chart->clearFills();
    for (const Fill &f : m_fills[next])
        m_chart->addFill(f.timeNs, f.price, f.buy);
    m_shown = next;
    m_chart->fitAll();
    m_chart->dataChanged();
}

} // namespace meridian::ui
