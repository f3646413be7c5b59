// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QDockWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace meridian::ui {

class PaperBridge;

/// Control of the simulated market under the paper session: its scenario (changing it restarts the session
/// in that scenario, with the same strategy), pause and resume, a step of one or ten simulated seconds while
/// paused, the speed, and how far the simulated clock has run.
///
/// Thread: GUI.
class SimulationDock final : public QDockWidget
{
    Q_OBJECT
public:
    SimulationDock(PaperBridge &bridge, QWidget *parent = nullptr);

signals:
    void restartRequested(const QString &scenario);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();

    PaperBridge &m_bridge;
    QLabel *m_summary = nullptr;
    QComboBox *m_scenario = nullptr;
    QPushButton *m_restart = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_step = nullptr;
    QPushButton *m_step10 = nullptr;
    QComboBox *m_speed = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_scenarioLabel = nullptr, *m_speedLabel = nullptr;
    const void *m_shownSession = nullptr;
};

} // namespace meridian::ui
