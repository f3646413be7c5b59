// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "docks/order_book_dock.h"

#include "bridge/paper_bridge.h"
#include "widgets/ladder_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace meridian::ui {

OrderBookDock::OrderBookDock(PaperBridge &bridge, QWidget *parent) : QDockWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("dock.orderbook"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_caption = new QLabel(body);
    m_grouping = new QComboBox(body);
    m_grouping->setObjectName(QStringLiteral("ladder.grouping"));
    for (const int ticks : {0, 1, 10, 100, 1000})
        m_grouping->addItem(QString(), ticks);
    m_centre = new QPushButton(body);
    m_centre->setObjectName(QStringLiteral("ladder.centre"));
    bar->addWidget(m_caption, 1);
    bar->addWidget(m_grouping);
    bar->addWidget(m_centre);
    layout->addLayout(bar);
    m_ladder = new LadderView(body);
    layout->addWidget(m_ladder, 1);
    setWidget(body);

    connect(m_grouping, &QComboBox::activated, this,
            [this](int index) { m_ladder->setGrouping(m_grouping->itemData(index).toInt()); });
    connect(m_centre, &QPushButton::clicked, m_ladder, &LadderView::centre);
    connect(&m_bridge, &PaperBridge::drained, this, &OrderBookDock::refresh);
    retranslate();
}

void OrderBookDock::setGrouping(int ticks)
{
    const int index = m_grouping->findData(ticks);
    if (index >= 0)
        m_grouping->setCurrentIndex(index);
    m_ladder->setGrouping(ticks);
}

void OrderBookDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void OrderBookDock::retranslate()
{
    setWindowTitle(tr("Order Book"));
    m_grouping->setItemText(0, tr("Auto grouping"));
    for (int i = 1; i < m_grouping->count(); ++i)
        m_grouping->setItemText(i, tr("%n tick(s)", "", m_grouping->itemData(i).toInt()));
    m_centre->setText(tr("Centre"));
    m_grouping->setAccessibleName(tr("Ticks per row"));
    m_centre->setToolTip(tr("Centre the ladder on the mid price (C)"));
    m_ladder->setAccessibleName(tr("Order book ladder"));
    m_ladder->setAccessibleDescription(
        tr("Rows of prices, highest first, with the bid and ask sizes, your own orders and the volume traded at "
           "each price."));
    refresh();
}

void OrderBookDock::refresh()
{
    const runtime::PaperSnapshot &s = m_bridge.snapshot();
    if (!m_bridge.session()) {
        m_caption->setText(tr("No market data."));
        return;
    }
    m_caption->setText(tr("%1 · %2 per row")
                           .arg(QString::fromStdString(s.symbol))
                           .arg(QLocale().toString(s.tick * static_cast<double>(m_ladder->step()), 'g', 6)));
    LadderData view;
    view.tick = s.tick;
    view.last = s.last;
    for (const runtime::PaperLevel &l : s.bids)
        view.bids.push_back({l.price, l.quantity, l.own});
    for (const runtime::PaperLevel &l : s.asks)
        view.asks.push_back({l.price, l.quantity, l.own});
    view.traded = s.traded;
    m_ladder->setData(std::move(view));
}

} // namespace meridian::ui
