// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "widgets/candle_series.h"

#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPBars;
class QCPFinancial;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QTimer;

namespace meridian::ui {

/// Candles with volume beneath, a 20-candle moving average, our fills marked (triangles: up for a buy,
/// down for a sell), and a crosshair with a readout of the candle under the mouse. Zoom with the wheel or
/// + and −, pan by dragging or with the arrow keys, Home shows everything. The candle interval follows the
/// zoom (CandleSeries' levels), so a frame draws at most one candle per three pixels. While the view shows
/// the newest candle it follows new data; once the user pans back it stays where it is.
///
/// Thread: GUI.
class PriceChart final : public QWidget
{
    Q_OBJECT
public:
    explicit PriceChart(QWidget *parent = nullptr, std::int64_t baseIntervalNs = 60'000'000'000);

    CandleSeries &series() { return m_series; }
    /// Call after changing the series (trades or bars added): redraws on the next frame.
    void dataChanged();
    void addFill(std::int64_t timeNs, double price, bool buy);
    void clearFills();
    /// Shows [fromNs, toNs]; fitAll() shows everything.
    void setRange(std::int64_t fromNs, std::int64_t toNs);
    void fitAll();
    /// Draws now (what a queued frame would).
    void redraw();
    /// Takes the up/down colours of the colour-convention setting again.
    void applyColours();

    std::int64_t visibleInterval() const { return m_interval; } // of the candles drawn
    std::size_t visibleCandles() const { return m_drawn; }
    QString readout() const; // the crosshair's text
    QCustomPlot *plot() const { return m_plot; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void schedule();
    void rebuild();
    void moveCrosshair(double key, double value);

    CandleSeries m_series;
    QCustomPlot *m_plot = nullptr;
    QCPAxisRect *m_volumeRect = nullptr;
    QCPFinancial *m_candles = nullptr;
    QCPBars *m_volume = nullptr;
    QCPGraph *m_average = nullptr;
    QCPGraph *m_buys = nullptr;
    QCPGraph *m_sells = nullptr;
    QCPItemStraightLine *m_crossX = nullptr;
    QCPItemStraightLine *m_crossY = nullptr;
    QCPItemText *m_readout = nullptr;
    QTimer *m_frame = nullptr;
    std::vector<std::pair<std::int64_t, double>> m_buyFills, m_sellFills;
    std::int64_t m_interval = 0;
    std::size_t m_drawn = 0;
    bool m_follow = true; // the view's right edge stays at the newest candle
    bool m_rebuilding = false;
};

} // namespace meridian::ui
