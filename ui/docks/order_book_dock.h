// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QDockWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace meridian::ui {

class LadderView;
class PaperBridge;

/// The order book ladder of the paper session's instrument: the book, the strategy's own orders at their
/// levels, the last trade and the volume traded per level; grouping of ticks and re-centring.
///
/// Thread: GUI.
class OrderBookDock final : public QDockWidget
{
    Q_OBJECT
public:
    OrderBookDock(PaperBridge &bridge, QWidget *parent = nullptr);
    LadderView *ladder() const { return m_ladder; }
    /// Ticks per row (0: automatic), in the ladder and the grouping box.
    void setGrouping(int ticks);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();

    PaperBridge &m_bridge;
    LadderView *m_ladder = nullptr;
    QComboBox *m_grouping = nullptr;
    QPushButton *m_centre = nullptr;
    QLabel *m_caption = nullptr;
};

} // namespace meridian::ui
