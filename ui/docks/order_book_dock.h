// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace meridian::ui {

class InstrumentBar;
class LadderView;
class PaperBridge;

/// The order book ladder of one of the paper session's instruments (its instrument bar: chosen there or by
/// its link group): the book, the strategy's own orders at their
/// levels, the last trade and the volume traded per level; grouping of ticks and re-centring; click-to-trade
/// (a limit order of the quantity in the box at the clicked level, confirmed first unless that is off; a
/// click on our orders cancels them).
///
/// Thread: GUI.
class OrderBookDock final : public QDockWidget
{
    Q_OBJECT
public:
    OrderBookDock(PaperBridge &bridge, QWidget *parent = nullptr);
    LadderView *ladder() const { return m_ladder; }
    InstrumentBar *instrumentBar() const { return m_bar; }
    /// Ticks per row (0: automatic), in the ladder and the grouping box.
    void setGrouping(int ticks);
    /// Click-to-trade: asks for confirmation when that is on, then sends a limit order of the quantity in
    /// the box to the paper session. Returns whether it was sent.
    bool placeAt(bool buy, double price);
    /// Cancels our manual orders at a price (no confirmation: cancelling only reduces risk).
    void cancelAt(double price);
    void setConfirmation(bool on);
    void setOrderQuantity(double quantity);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();

    PaperBridge &m_bridge;
    InstrumentBar *m_bar = nullptr;
    LadderView *m_ladder = nullptr;
    QComboBox *m_grouping = nullptr;
    QPushButton *m_centre = nullptr;
    QLabel *m_caption = nullptr;
    QDoubleSpinBox *m_quantity = nullptr;
    QCheckBox *m_confirm = nullptr;
    QLabel *m_quantityLabel = nullptr;
};

} // namespace meridian::ui
