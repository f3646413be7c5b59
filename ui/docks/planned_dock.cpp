// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "docks/planned_dock.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace meridian::ui {

PlannedDock::PlannedDock(const QString &objectName, const char *title, const char *description, QWidget *parent)
    : QDockWidget(parent), m_title(title), m_description(description)
{
    setObjectName(objectName);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 12, 12, 12);
    m_heading = new QLabel(content);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_body = new QLabel(content);
    m_body->setWordWrap(true);
    m_status = new QLabel(content);
    m_status->setWordWrap(true);
    m_status->setEnabled(false); // drawn in the palette's disabled colour: it is a note, not content
    layout->addWidget(m_heading);
    layout->addWidget(m_body);
    layout->addWidget(m_status);
    layout->addStretch(1);
    setWidget(content);
    retranslate();
}

void PlannedDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void PlannedDock::retranslate()
{
    const QString title = QCoreApplication::translate("PlannedDock", m_title);
    setWindowTitle(title);
    m_heading->setText(title);
    m_body->setText(QCoreApplication::translate("PlannedDock", m_description));
    m_status->setText(tr("This view is not available in this version yet."));
}

} // namespace meridian::ui
