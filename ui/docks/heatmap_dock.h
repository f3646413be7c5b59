// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QDockWidget>

#include <map>

class QLabel;

namespace meridian::ui {

class HeatmapView;
class PaperBridge;

/// The paper session's depth heatmap: a column every 100 ms of wall time at most (what the bridge brings),
/// with the trades since the previous column.
///
/// Thread: GUI.
class HeatmapDock final : public QDockWidget
{
    Q_OBJECT
public:
    HeatmapDock(PaperBridge &bridge, QWidget *parent = nullptr);
    HeatmapView *heatmap() const { return m_heatmap; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();

    PaperBridge &m_bridge;
    HeatmapView *m_heatmap = nullptr;
    QLabel *m_caption = nullptr;
    std::int64_t m_lastTime = 0;
    std::map<double, double> m_traded; // the session's traded volume per price at the last column
};

} // namespace meridian::ui
