// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QDockWidget>

class QLabel;

namespace meridian::ui {

/// A dock for a view that a later version fills: it says what the view will show and nothing more.
/// Its texts are source strings in the "PlannedDock" context (QT_TRANSLATE_NOOP), translated on show and on
/// every language change.
///
/// Thread: GUI.
class PlannedDock final : public QDockWidget
{
    Q_OBJECT
public:
    PlannedDock(const QString &objectName, const char *title, const char *description, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    const char *m_title;
    const char *m_description;
    QLabel *m_heading = nullptr;
    QLabel *m_body = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace meridian::ui
