// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "widgets/calibrate_dialog.h"

#include "bridge/calibration_task.h"
#include "sim/scenario.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace meridian::ui {

namespace {

enum Source { LobsterFile = 0, ImportedBook = 1, ImportedBars = 2 };

} // namespace

CalibrateDialog::CalibrateDialog(QString databasePath, QWidget *parent)
    : QDialog(parent), m_databasePath(std::move(databasePath))
{
    setObjectName(QStringLiteral("calibrateDialog"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout;
    m_symbol = new QLineEdit(this);
    m_symbol->setObjectName(QStringLiteral("calibrate.symbol"));
    m_symbolLabel = new QLabel(this);
    m_symbolLabel->setBuddy(m_symbol);
    form->addRow(m_symbolLabel, m_symbol);
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("calibrate.source"));
    for (int i = 0; i < 3; ++i)
        m_source->addItem(QString(), i);
    m_sourceLabel = new QLabel(this);
    m_sourceLabel->setBuddy(m_source);
    form->addRow(m_sourceLabel, m_source);
    auto *fileRow = new QHBoxLayout;
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("calibrate.file"));
    m_browse = new QPushButton(this);
    m_browse->setObjectName(QStringLiteral("calibrate.browse"));
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    m_fileLabel = new QLabel(this);
    m_fileLabel->setBuddy(m_file);
    form->addRow(m_fileLabel, fileRow);
    m_interval = new QLineEdit(QStringLiteral("1h"), this);
    m_interval->setObjectName(QStringLiteral("calibrate.interval"));
    m_intervalLabel = new QLabel(this);
    m_intervalLabel->setBuddy(m_interval);
    form->addRow(m_intervalLabel, m_interval);
    m_scenario = new QComboBox(this);
    m_scenario->setObjectName(QStringLiteral("calibrate.scenario"));
    for (const std::string &name : sim::scenarioNames())
        m_scenario->addItem(QString::fromStdString(name));
    m_scenarioLabel = new QLabel(this);
    m_scenarioLabel->setBuddy(m_scenario);
    form->addRow(m_scenarioLabel, m_scenario);
    layout->addLayout(form);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // busy: the fit does not know how many runs it will take
    m_busy->setVisible(false);
    layout->addWidget(m_busy);
    m_result = new QPlainTextEdit(this);
    m_result->setObjectName(QStringLiteral("calibrate.result"));
    m_result->setReadOnly(true);
    m_result->setMinimumHeight(120);
    layout->addWidget(m_result, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_run = new QPushButton(this);
    m_run->setObjectName(QStringLiteral("calibrate.run"));
    m_run->setDefault(true);
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("calibrate.close"));
    buttons->addWidget(m_run);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);

    connect(m_source, &QComboBox::currentIndexChanged, this, &CalibrateDialog::showSource);
    connect(m_run, &QPushButton::clicked, this, &CalibrateDialog::start);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("LOBSTER message file"), m_file->text(),
                                                          tr("LOBSTER message files (*message*.csv);;All files (*)"));
        if (!path.isEmpty())
            m_file->setText(path);
    });
    retranslate();
    showSource();
    resize(560, 460);
}

CalibrateDialog::~CalibrateDialog()
{
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

void CalibrateDialog::setSymbol(const QString &symbol)
{
    m_symbol->setText(symbol);
}

void CalibrateDialog::setLobsterFile(const QString &path)
{
    m_source->setCurrentIndex(LobsterFile);
    m_file->setText(path);
}

void CalibrateDialog::setImportedBook()
{
    m_source->setCurrentIndex(ImportedBook);
}

void CalibrateDialog::setImportedBars(const QString &interval)
{
    m_source->setCurrentIndex(ImportedBars);
    m_interval->setText(interval);
}

void CalibrateDialog::setScenario(const QString &scenario)
{
    m_scenario->setCurrentText(scenario);
}

QString CalibrateDialog::resultText() const
{
    return m_result->toPlainText();
}

void CalibrateDialog::showSource()
{
    const int source = m_source->currentData().toInt();
    for (QWidget *w :
         {static_cast<QWidget *>(m_file), static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_fileLabel)})
        w->setVisible(source == LobsterFile);
    m_interval->setVisible(source == ImportedBars);
    m_intervalLabel->setVisible(source == ImportedBars);
}

bool CalibrateDialog::start()
{
    if (m_worker)
        return false;
    CalibrationTask task;
    task.databasePath = m_databasePath;
    task.symbol = m_symbol->text().trimmed().toStdString();
    task.scenario = m_scenario->currentText().toStdString();
    const int source = m_source->currentData().toInt();
    task.data = source == LobsterFile    ? m_file->text().trimmed()
                : source == ImportedBook ? QStringLiteral("book")
                                         : QStringLiteral("bars:") + m_interval->text().trimmed();
    if (task.symbol.empty() || (source == LobsterFile && task.data.isEmpty())) {
        m_result->setPlainText(task.symbol.empty() ? tr("Name the symbol the calibration is for.")
                                                   : tr("Choose the LOBSTER message file."));
        emit finished(false);
        return false;
    }
    m_result->setPlainText(tr("Calibrating %1 for %2…").arg(m_symbol->text(), m_scenario->currentText()));
    m_busy->setVisible(true);
    m_run->setEnabled(false);
    m_worker = QThread::create([this, task] {
        auto result = std::make_shared<CalibrationTask::Result>(task.run());
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                m_worker->wait();
                delete m_worker;
                m_worker = nullptr;
                m_busy->setVisible(false);
                m_run->setEnabled(true);
                m_result->setPlainText(result->ok ? result->text
                                                  : tr("Not calibrated: %1\nNothing was stored.").arg(result->error));
                emit finished(result->ok);
            },
            Qt::QueuedConnection);
    });
    m_worker->setObjectName(QStringLiteral("calibration"));
    m_worker->start();
    return true;
}

void CalibrateDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void CalibrateDialog::retranslate()
{
    setWindowTitle(tr("Calibrate the Simulator"));
    m_intro->setText(tr("Fit the simulator to real data and store it as the symbol's calibration for a scenario. "
                        "Order-level data (LOBSTER) fits the order flow to its spread, trades and 1-minute "
                        "volatility; bars give volatility, GARCH(1,1), jumps and the volume profile."));
    m_symbolLabel->setText(tr("&Symbol"));
    m_sourceLabel->setText(tr("&Data"));
    m_source->setItemText(LobsterFile, tr("LOBSTER message file"));
    m_source->setItemText(ImportedBook, tr("Imported order book"));
    m_source->setItemText(ImportedBars, tr("Imported bars"));
    m_fileLabel->setText(tr("&File"));
    m_browse->setText(tr("&Browse…"));
    m_intervalLabel->setText(tr("&Interval"));
    m_scenarioLabel->setText(tr("Sce&nario"));
    m_run->setText(tr("&Calibrate"));
    m_close->setText(tr("Close"));
    m_busy->setAccessibleName(tr("Calibration in progress"));
    m_result->setAccessibleName(tr("Calibration result"));
}

} // namespace meridian::ui
