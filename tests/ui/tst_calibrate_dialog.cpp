// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Simulation → Calibrate from Data, on the real AMZN LOBSTER day: the dialog fits on its worker, shows how
// close the simulated market came, and the database holds the symbol's active calibration; an incomplete
// form or bad data is refused with a message and stores nothing.
#include "sim/calibration/calibration_store.h"
#include "widgets/calibrate_dialog.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace meridian;
using namespace meridian::ui;

class TestCalibrateDialog : public QObject
{
    Q_OBJECT
private slots:
    void calibratesFromALobsterFile();
    void refusesAnIncompleteFormAndBadData();
};

namespace {

const QString kMessages =
    QStringLiteral(MERIDIAN_TEST_DATA "/lobster/AMZN_2012-06-21_34200000_57600000_message_1.resaved.csv");
const QString kShort =
    QStringLiteral(MERIDIAN_TEST_DATA "/lobster/AAPL_2012-06-21_34200000_57600000_message_10.rows1-999.csv");

} // namespace

void TestCalibrateDialog::calibratesFromALobsterFile()
{
    if (!QFile::exists(kMessages))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(kMessages)));
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("m.sqlite"));
    CalibrateDialog dialog(database);
    dialog.show();
    dialog.setSymbol(QStringLiteral("AMZN"));
    dialog.setLobsterFile(kMessages);
    dialog.setScenario(QStringLiteral("normal"));
    QSignalSpy finished(&dialog, &CalibrateDialog::finished);
    QVERIFY(dialog.start());
    QVERIFY(dialog.isRunning());
    QVERIFY(!dialog.start()); // one at a time
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog.resultText()));
    QVERIFY2(dialog.resultText().contains(QStringLiteral("Simulated / real")), qPrintable(dialog.resultText()));
    auto db = store::Database::open(database.toStdString());
    QVERIFY(db);
    const auto active = sim::calibration::activeCalibration(*db, "AMZN", "normal");
    QVERIFY(active && *active && (*active)->model);
}

void TestCalibrateDialog::refusesAnIncompleteFormAndBadData()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("m.sqlite"));
    CalibrateDialog dialog(database);
    QSignalSpy finished(&dialog, &CalibrateDialog::finished);
    QVERIFY(!dialog.start());
    QVERIFY(dialog.resultText().contains(QStringLiteral("symbol")));
    dialog.setSymbol(QStringLiteral("AAPL"));
    QVERIFY(!dialog.start());
    QVERIFY(dialog.resultText().contains(QStringLiteral("LOBSTER")));
    if (!QFile::exists(kShort))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(kShort)));
    dialog.setLobsterFile(kShort);
    finished.clear();
    QVERIFY(dialog.start());
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY2(dialog.resultText().contains(QStringLiteral("at least 10 minutes")), qPrintable(dialog.resultText()));
    QVERIFY(dialog.resultText().contains(QStringLiteral("Nothing was stored")));
    auto db = store::Database::open(database.toStdString());
    QVERIFY(db);
    const auto active = sim::calibration::activeCalibration(*db, "AAPL", "normal");
    QVERIFY(active && !*active);
}

QTEST_MAIN(TestCalibrateDialog)
#include "tst_calibrate_dialog.moc"
