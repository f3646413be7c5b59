// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QThread;

namespace meridian::ui {

/// Simulation → Calibrate from Data: fits the simulator to a symbol's real data (a LOBSTER file, its
/// imported order-book messages or its imported bars) for a scenario and stores it as the active calibration,
/// which simulations of that symbol and scenario then use. The fit runs on a worker (a few seconds for a
/// day of messages); the dialog shows what was found and how close the simulated market came.
///
/// Thread: GUI; the destructor waits for a running calibration (it cannot be stopped half-way: nothing is
/// stored until it has finished).
class CalibrateDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit CalibrateDialog(QString databasePath, QWidget *parent = nullptr);
    ~CalibrateDialog() override;

    void setSymbol(const QString &symbol);
    /// The data: a LOBSTER message file, the imported order book, or imported bars of an interval.
    void setLobsterFile(const QString &path);
    void setImportedBook();
    void setImportedBars(const QString &interval);
    void setScenario(const QString &scenario);
    /// Starts the calibration; false (with the reason shown) when the form is incomplete or one is running.
    bool start();
    bool isRunning() const { return m_worker != nullptr; }
    /// The last result or refusal, as shown.
    QString resultText() const;

signals:
    void finished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSource();

    QString m_databasePath;
    QLineEdit *m_symbol = nullptr;
    QComboBox *m_source = nullptr;
    QLineEdit *m_file = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_interval = nullptr;
    QComboBox *m_scenario = nullptr;
    QLabel *m_symbolLabel = nullptr, *m_sourceLabel = nullptr, *m_fileLabel = nullptr, *m_intervalLabel = nullptr,
           *m_scenarioLabel = nullptr, *m_intro = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_close = nullptr;
    QProgressBar *m_busy = nullptr;
    QPlainTextEdit *m_result = nullptr;
    QThread *m_worker = nullptr;
};

} // namespace meridian::ui
