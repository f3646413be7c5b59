// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "widgets/instrument_bar.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QSignalBlocker>

namespace meridian::ui {

namespace {

/// The group's swatch: Okabe–Ito yellow, sky blue and reddish purple, told apart with any common colour
/// vision (and the letter next to it says the same).
QIcon swatch(int group)
{
    static const QColor colours[] = {QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0xCC, 0x79, 0xA7)};
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    if (group > 0) {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(colours[(group - 1) % 3]);
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(1, 1, 10, 10);
    }
    return QIcon(pixmap);
}

} // namespace

void InstrumentLinks::announce(int group, const QString &symbol, const QObject *from)
{
    if (group > 0)
        emit changed(group, symbol, from);
}

InstrumentBar::InstrumentBar(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_symbols = new QComboBox(this);
    m_symbols->setObjectName(QStringLiteral("instrument.symbol"));
    m_symbols->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_label->setBuddy(m_symbols);
    m_groups = new QComboBox(this);
    m_groups->setObjectName(QStringLiteral("instrument.link"));
    for (int g = 0; g <= InstrumentLinks::kGroups; ++g)
        m_groups->addItem(swatch(g), QString(), g);
    m_groups->setCurrentIndex(m_group);
    layout->addWidget(m_label);
    layout->addWidget(m_symbols);
    layout->addWidget(m_groups);
    layout->addStretch(1);
    connect(m_symbols, &QComboBox::activated, this,
            [this](int index) { setSymbol(m_symbols->itemText(index), /*announce=*/true); });
    connect(m_groups, &QComboBox::activated, this, [this](int index) {
        m_group = m_groups->itemData(index).toInt();
        // Joining a group brings this view's instrument to it.
        if (m_links && !m_symbol.isEmpty())
            m_links->announce(m_group, m_symbol, this);
    });
    retranslate();
}

void InstrumentBar::setLinks(InstrumentLinks *links)
{
    if (m_links)
        disconnect(m_links, nullptr, this, nullptr);
    m_links = links;
    if (m_links)
        connect(m_links, &InstrumentLinks::changed, this,
                [this](int group, const QString &symbol, const QObject *from) {
                    if (from != this && group == m_group)
                        setSymbol(symbol);
                });
}

void InstrumentBar::setSymbols(const QStringList &symbols)
{
    QStringList current;
    for (int i = 0; i < m_symbols->count(); ++i)
        current << m_symbols->itemText(i);
    if (current == symbols || symbols.isEmpty())
        return;
    {
        const QSignalBlocker blocker(m_symbols);
        m_symbols->clear();
        m_symbols->addItems(symbols);
    }
    setSymbol(symbols.contains(m_symbol) ? m_symbol : symbols.front());
    m_symbols->setCurrentText(m_symbol);
}

void InstrumentBar::setSymbol(const QString &symbol, bool announce)
{
    if (symbol.isEmpty())
        return;
    if (m_symbols->findText(symbol) < 0)
        m_symbols->addItem(symbol);
    m_symbols->setCurrentText(symbol);
    const bool changed = symbol != m_symbol;
    m_symbol = symbol;
    if (changed)
        emit symbolChanged(symbol);
    if (announce && m_links)
        m_links->announce(m_group, symbol, this);
}

void InstrumentBar::setGroup(int group)
{
    m_group = std::clamp(group, 0, InstrumentLinks::kGroups);
    m_groups->setCurrentIndex(m_group);
}

void InstrumentBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void InstrumentBar::retranslate()
{
    m_label->setText(tr("&Instrument"));
    m_groups->setItemText(0, tr("Unlinked"));
    const QStringList letters = {tr("Link A"), tr("Link B"), tr("Link C")};
    for (int g = 1; g <= InstrumentLinks::kGroups; ++g)
        m_groups->setItemText(g, letters.at(g - 1));
    m_symbols->setAccessibleName(tr("Instrument shown"));
    m_groups->setAccessibleName(tr("Link group: views in the same group show the same instrument"));
    m_groups->setToolTip(m_groups->accessibleName());
}

} // namespace meridian::ui
