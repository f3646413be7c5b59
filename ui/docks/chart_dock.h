// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "widgets/candle_series.h"

#include <QDockWidget>

#include <map>
#include <string>
#include <vector>

class QLabel;

namespace meridian::ui {

class InstrumentBar;
class PaperBridge;
class PriceChart;

/// The price chart of one of the paper session's instruments (its instrument bar: chosen there or by its
/// link group): candles built from its trades (one-second candles and coarser ones as the zoom needs),
/// volume, a moving average and the account's fills. Every instrument's candles are kept, so another
/// shows with its history.
///
/// Thread: GUI.
class ChartDock final : public QDockWidget
{
    Q_OBJECT
public:
    ChartDock(PaperBridge &bridge, QWidget *parent = nullptr);
    PriceChart *chart() const { return m_chart; }
    InstrumentBar *instrumentBar() const { return m_bar; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();
    void showInstrument(const QString &symbol);

    struct Fill
    {
        std::int64_t timeNs;
        double price;
        bool buy;
    };
    PaperBridge &m_bridge;
    InstrumentBar *m_bar = nullptr;
    PriceChart *m_chart = nullptr;
    QLabel *m_caption = nullptr;
    std::string m_shown;                              // the instrument in the chart's series
    std::map<std::string, CandleSeries> m_others;     // the other instruments' candles, kept up to date
    std::map<std::string, std::vector<Fill>> m_fills; // every instrument's fills, bounded
};

} // namespace meridian::ui
