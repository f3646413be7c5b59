// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "docks/order_book_dock.h"

#include "bridge/paper_bridge.h"
#include "widgets/instrument_bar.h"
#include "widgets/ladder_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace meridian::ui {

OrderBookDock::OrderBookDock(PaperBridge &bridge, QWidget *parent) : QDockWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("dock.orderbook"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    m_bar = new InstrumentBar(body);
    layout->addWidget(m_bar);
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
    auto *trading = new QHBoxLayout;
    m_quantityLabel = new QLabel(body);
    m_quantity = new QDoubleSpinBox(body);
    m_quantity->setObjectName(QStringLiteral("ladder.quantity"));
    m_quantity->setDecimals(3);
    m_quantity->setRange(0.001, 1000);
    m_quantity->setSingleStep(0.001);
    m_quantity->setValue(0.001);
    m_quantityLabel->setBuddy(m_quantity);
    m_confirm = new QCheckBox(body);
    m_confirm->setObjectName(QStringLiteral("ladder.confirm"));
    m_confirm->setChecked(true);
    trading->addWidget(m_quantityLabel);
    trading->addWidget(m_quantity);
    trading->addStretch(1);
    trading->addWidget(m_confirm);
    layout->addLayout(trading);
    m_ladder = new LadderView(body);
    layout->addWidget(m_ladder, 1);
    setWidget(body);

    connect(m_bar, &InstrumentBar::symbolChanged, this, [this] {
        refresh();
        m_ladder->centre(); // another instrument's prices: start at its mid
    });
    connect(m_grouping, &QComboBox::activated, this,
            [this](int index) { m_ladder->setGrouping(m_grouping->itemData(index).toInt()); });
    connect(m_centre, &QPushButton::clicked, m_ladder, &LadderView::centre);
    connect(m_ladder, &LadderView::orderRequested, this, &OrderBookDock::placeAt);
    connect(m_ladder, &LadderView::cancelRequested, this, &OrderBookDock::cancelAt);
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

bool OrderBookDock::placeAt(bool buy, double price)
{
    runtime::PaperSession *session = m_bridge.session();
    if (!session || m_bridge.snapshot().finished)
        return false;
    const double quantity = m_quantity->value();
    const QString what =
        (buy ? tr("Buy %1 %2 at %3") : tr("Sell %1 %2 at %3"))
            .arg(QLocale().toString(quantity, 'g', 6), m_bar->symbol(), QLocale().toString(price, 'f', 2));
    if (m_confirm->isChecked() &&
        QMessageBox::question(this, tr("Confirm order"), tr("%1?").arg(what)) != QMessageBox::Yes)
        return false;
    session->submitManual(buy ? Side::Buy : Side::Sell, price, quantity, m_bar->symbol().toStdString());
    return true;
}

void OrderBookDock::cancelAt(double price)
{
    if (runtime::PaperSession *session = m_bridge.session())
        session->cancelManualAt(price, m_bar->symbol().toStdString());
}

void OrderBookDock::setConfirmation(bool on)
{
    m_confirm->setChecked(on);
}

void OrderBookDock::setOrderQuantity(double quantity)
{
    m_quantity->setValue(quantity);
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
    m_quantityLabel->setText(tr("&Quantity"));
    m_confirm->setText(tr("Confirm orders"));
    m_confirm->setToolTip(tr("Click the bid or ask column to place a limit order there; click your orders (or "
                             "right-click a row) to cancel them"));
    m_centre->setToolTip(tr("Centre the ladder on the mid price (C)"));
    m_ladder->setAccessibleName(tr("Order book ladder"));
    m_ladder->setAccessibleDescription(
        tr("Rows of prices, highest first, with the bid and ask sizes, your own orders and the volume traded at "
           "each price."));
    refresh();
}

void OrderBookDock::refresh()
{
    const runtime::PaperSnapshot &snapshot = m_bridge.snapshot();
    QStringList symbols;
    for (const runtime::PaperMarket &m : snapshot.markets)
        symbols << QString::fromStdString(m.symbol);
    m_bar->setSymbols(symbols);
    const runtime::PaperMarket *market = snapshot.market(m_bar->symbol().toStdString());
    if (!m_bridge.session() || !market) {
        m_caption->setText(tr("No market data."));
        return;
    }
    const runtime::PaperMarket &s = *market;
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
