// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The workstation at the scale factor this process was started with (ctest runs it at QT_SCALE_FACTOR 1,
// 1.25, 1.5 and 2), in English and Chinese, with every dock brought to the front in turn: no text is clipped
// (a label's text fits its contents, a word-wrapped label's lines fit its height; buttons, check boxes,
// combo boxes and group boxes get at least their minimum size), and every plot's buffer follows the
// device pixel ratio.
#include "support/main_window_context.h"
#include "widgets/main_window.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <qcustomplot.h>

using meridian::ui::MainWindow;

class TestHiDpi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void nothingIsClipped_data();
    void nothingIsClipped();

private:
    QTemporaryDir m_home;
};

namespace {

/// What is clipped among the visible widgets of the window, one line each.
QStringList clipped(QWidget &window)
{
    QStringList found;
    const auto name = [](const QWidget *w) {
        return (w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName());
    };
    for (QWidget *w : window.findChildren<QWidget *>()) {
        if (!w->isVisible() || w->width() <= 0 || w->objectName().startsWith(QLatin1String("qt_")))
            continue; // hidden, or a part of Qt's own (a dock's title-bar buttons, drawn by the style)
        if (auto *label = qobject_cast<QLabel *>(w)) {
            QString text = label->text();
            if (label->buddy()) // the mnemonic's & is not drawn
                text.replace(QRegularExpression(QStringLiteral("&(.)")), QStringLiteral("\\1"));
            if (text.isEmpty() || Qt::mightBeRichText(text) || label->textFormat() == Qt::RichText)
                continue;
            const QRect box = label->contentsRect();
            if (label->wordWrap()) {
                if (label->heightForWidth(label->width()) > label->height() + 1)
                    found << QStringLiteral("%1 \"%2\": needs %3 px of height, has %4")
                                 .arg(name(label), text.left(40))
                                 .arg(label->heightForWidth(label->width()))
                                 .arg(label->height());
                continue;
            }
            int widest = 0;
            for (const QString &line : text.split(QLatin1Char('\n')))
                widest = std::max(widest, label->fontMetrics().horizontalAdvance(line));
            if (widest > box.width() + 1)
                found << QStringLiteral("%1 \"%2\": %3 px of text in %4")
                             .arg(name(label), text.left(40))
                             .arg(widest)
                             .arg(box.width());
            continue;
        }
        const bool sized = (qobject_cast<QAbstractButton *>(w) && !qobject_cast<QToolButton *>(w)) ||
                           qobject_cast<QComboBox *>(w) || qobject_cast<QGroupBox *>(w);
        if (sized) {
            const QSize least = w->minimumSizeHint();
            if (w->width() + 1 < least.width() || w->height() + 1 < least.height())
                found << QStringLiteral("%1: %2×%3, needs %4×%5")
                             .arg(name(w))
                             .arg(w->width())
                             .arg(w->height())
                             .arg(least.width())
                             .arg(least.height());
        }
    }
    return found;
}

} // namespace

void TestHiDpi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MeridianTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_hidpi"));
    qInfo("QT_SCALE_FACTOR=%s, device pixel ratio %.2f", qgetenv("QT_SCALE_FACTOR").constData(),
          qApp->devicePixelRatio());
}

void TestHiDpi::nothingIsClipped_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestHiDpi::nothingIsClipped()
{
    QFETCH(QString, language);
    MainWindow window(meridian::test::mainWindowContext(m_home.path()));
    QVERIFY(window.setLanguage(language, false));
    window.resize(1600, 1000); // logical pixels: a 3200×2000 screen at 2×
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList problems;
    int plots = 0;
    for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        dock->raise();
        QCoreApplication::processEvents();
        for (const QString &p : clipped(window))
            if (!problems.contains(p))
                problems << p;
        for (QCustomPlot *plot : dock->findChildren<QCustomPlot *>()) {
            if (!plot->isVisible())
                continue;
            ++plots;
            if (!qFuzzyCompare(plot->bufferDevicePixelRatio(), plot->devicePixelRatioF()))
                problems << QStringLiteral("%1: buffer at %2× on a %3× screen")
                                .arg(plot->objectName())
                                .arg(plot->bufferDevicePixelRatio())
                                .arg(plot->devicePixelRatioF());
        }
    }
    // The calibration dialog, opened from the Simulation menu.
    auto *calibrate = window.findChild<QAction *>(QStringLiteral("action.calibrate"));
    QVERIFY(calibrate);
    calibrate->trigger();
    auto *dialog = window.findChild<QDialog *>(QStringLiteral("calibrateDialog"));
    QVERIFY(dialog && QTest::qWaitForWindowExposed(dialog));
    for (const QString &p : clipped(*dialog))
        if (!problems.contains(p))
            problems << p;
    QVERIFY(plots > 0);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestHiDpi)
#include "tst_hidpi.moc"
