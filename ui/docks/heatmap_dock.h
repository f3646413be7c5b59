// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QDockWidget>

#include <map>

class QLabel;

namespace meridian::ui {

class HeatmapView;
class InstrumentBar;
class PaperBridge;

/// The depth heatmap of one of the paper session's instruments (its instrument bar: chosen there or by its
/// link group): a column every 100 ms of wall time at most (what the bridge brings), with the trades since
/// the previous column. Another instrument starts a new picture.
///
/// Thread: GUI.
class HeatmapDock final : public QDockWidget
{
    Q_OBJECT
public:
    HeatmapDock(PaperBridge &bridge, QWidget *parent = nullptr);
    HeatmapView *heatmap() const { return m_heatmap; }
    InstrumentBar *instrumentBar() const { return m_bar; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();

    PaperBridge &m_bridge;
    InstrumentBar *m_bar = nullptr;
    HeatmapView *m_heatmap = nullptr;
    QLabel *m_caption = nullptr;
    std::int64_t m_lastTime = 0;
    bool m_stepChosen = false;
    std::map<double, double> m_traded; // the session's traded volume per price at the last column
};

} // namespace meridian::ui
