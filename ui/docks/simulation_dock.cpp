// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "docks/simulation_dock.h"

#include "bridge/paper_bridge.h"
#include "sim/scenario.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStringList>
#include <QVBoxLayout>

namespace meridian::ui {

namespace {

QString duration(std::int64_t ns)
{
    const std::int64_t s = ns / 1'000'000'000;
    const std::int64_t days = s / 86400;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg((s % 86400) / 3600, 2, 10, QLatin1Char('0'))
                              .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'))
                              .arg(s % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? SimulationDock::tr("%1 d %2").arg(days).arg(clock) : clock;
}

} // namespace

SimulationDock::SimulationDock(PaperBridge &bridge, QWidget *parent) : QDockWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("dock.simulation"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    m_summary = new QLabel(body);
    m_summary->setObjectName(QStringLiteral("simulation.summary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto *form = new QFormLayout;
    auto *scenarioRow = new QHBoxLayout;
    m_scenario = new QComboBox(body);
    m_scenario->setObjectName(QStringLiteral("simulation.scenario"));
    for (const std::string &name : sim::scenarioNames())
        m_scenario->addItem(QString::fromStdString(name));
    m_restart = new QPushButton(body);
    m_restart->setObjectName(QStringLiteral("simulation.restart"));
    scenarioRow->addWidget(m_scenario, 1);
    scenarioRow->addWidget(m_restart);
    m_scenarioLabel = new QLabel(body);
    m_scenarioLabel->setBuddy(m_scenario);
    form->addRow(m_scenarioLabel, scenarioRow);
    m_speed = new QComboBox(body);
    m_speed->setObjectName(QStringLiteral("simulation.speed"));
    for (const double speed : {1.0, 10.0, 100.0, 1000.0, 0.0})
        m_speed->addItem(QString(), speed);
    m_speedLabel = new QLabel(body);
    m_speedLabel->setBuddy(m_speed);
    form->addRow(m_speedLabel, m_speed);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    m_pause = new QPushButton(body);
    m_pause->setObjectName(QStringLiteral("simulation.pause"));
    m_step = new QPushButton(body);
    m_step10 = new QPushButton(body);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_step);
    buttons->addWidget(m_step10);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_progress = new QProgressBar(body);
    m_progress->setRange(0, 1000);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    setWidget(body);

    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (runtime::PaperSession *session = m_bridge.session())
            session->setPaused(!m_bridge.snapshot().paused);
    });
    connect(m_step, &QPushButton::clicked, this, [this] {
        if (runtime::PaperSession *session = m_bridge.session())
            session->step(1'000'000'000);
    });
    connect(m_step10, &QPushButton::clicked, this, [this] {
        if (runtime::PaperSession *session = m_bridge.session())
            session->step(10'000'000'000);
    });
    connect(m_speed, &QComboBox::activated, this, [this](int index) {
        if (runtime::PaperSession *session = m_bridge.session())
            session->setSpeed(m_speed->itemData(index).toDouble());
    });
    connect(m_restart, &QPushButton::clicked, this, [this] {
        const runtime::PaperSession *session = m_bridge.session();
        if (!session)
            return;
        emit restartRequested(m_scenario->currentText());
    });
    connect(&m_bridge, &PaperBridge::drained, this, &SimulationDock::refresh);
    retranslate();
}

void SimulationDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void SimulationDock::retranslate()
{
    setWindowTitle(tr("Simulation Control"));
    m_scenarioLabel->setText(tr("&Scenario"));
    m_speedLabel->setText(tr("S&peed"));
    m_restart->setText(tr("Restart in this scenario"));
    m_step->setText(tr("Step 1 s"));
    m_step10->setText(tr("Step 10 s"));
    m_step->setToolTip(tr("While paused: run one simulated second"));
    m_step10->setToolTip(tr("While paused: run ten simulated seconds"));
    m_speed->setItemText(0, tr("1× (real time)"));
    m_speed->setItemText(1, tr("10×"));
    m_speed->setItemText(2, tr("100×"));
    m_speed->setItemText(3, tr("1000×"));
    m_speed->setItemText(4, tr("As fast as possible"));
    m_progress->setAccessibleName(tr("Simulated time run"));
    refresh();
}

void SimulationDock::refresh()
{
    const runtime::PaperSession *session = m_bridge.session();
    const runtime::PaperSnapshot &s = m_bridge.snapshot();
    for (QWidget *w : std::initializer_list<QWidget *>{m_pause, m_step, m_step10, m_speed, m_restart})
        w->setEnabled(session && !s.finished);
    m_pause->setText(s.paused ? tr("Resume") : tr("Pause"));
    if (!session) {
        m_summary->setText(tr("No simulation is running."));
        m_pause->setText(tr("Pause"));
        m_progress->setValue(0);
        return;
    }
    m_step->setEnabled(s.paused && !s.finished);
    m_step10->setEnabled(s.paused && !s.finished);
    QStringList strategies;
    for (const runtime::PaperStrategy &row : s.strategies)
        strategies << QString::fromStdString(row.name);
    QStringList instruments;
    for (const runtime::PaperMarket &m : s.markets)
        instruments << QString::fromStdString(m.symbol);
    QStringList agents;
    for (const auto &[kind, count] : s.agents)
        agents << tr("%1 × %2").arg(count).arg(QString::fromStdString(kind));
    m_summary->setText(tr("%1 in the %2 scenario, seed %3; strategies: %4; agents: %5")
                           .arg(instruments.join(QStringLiteral(", ")), QString::fromStdString(s.scenario))
                           .arg(session->config().seed)
                           .arg(strategies.isEmpty() ? tr("none") : strategies.join(QStringLiteral(", ")),
                                agents.join(QStringLiteral(", "))));
    if (session != m_shownSession) { // the scenario box starts at the session's, then is the user's
        m_shownSession = session;
        m_scenario->setCurrentText(QString::fromStdString(s.scenario));
    }
    if (const int index = m_speed->findData(s.speed); index >= 0 && !m_speed->view()->isVisible())
        m_speed->setCurrentIndex(index);
    m_progress->setValue(s.durationNs > 0 ? static_cast<int>(1000.0 * static_cast<double>(s.elapsedNs) /
                                                             static_cast<double>(s.durationNs))
                                          : 0);
    m_progress->setFormat(tr("%1 of %2 simulated").arg(duration(s.elapsedNs), duration(s.durationNs)));
}

} // namespace meridian::ui
