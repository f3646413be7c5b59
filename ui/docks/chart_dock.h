// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QDockWidget>

class QLabel;

namespace meridian::ui {

class PaperBridge;
class PriceChart;

/// The price chart of the paper session's instrument: candles built from its trades (one-second candles
/// and coarser ones as the zoom needs), volume, a moving average and the strategy's fills.
///
/// Thread: GUI.
class ChartDock final : public QDockWidget
{
    Q_OBJECT
public:
    ChartDock(PaperBridge &bridge, QWidget *parent = nullptr);
    PriceChart *chart() const { return m_chart; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();

    PaperBridge &m_bridge;
    PriceChart *m_chart = nullptr;
    QLabel *m_caption = nullptr;
};

} // namespace meridian::ui
