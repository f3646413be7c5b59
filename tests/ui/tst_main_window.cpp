// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "docks/log_dock.h"
#include "docks/order_book_dock.h"
#include "docks/paper_docks.h"
#include "i18n/translations.h"
#include "support/main_window_context.h"
#include "widgets/instrument_bar.h"
#include "widgets/ladder_view.h"
#include "widgets/main_window.h"
#include "widgets/theme.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using meridian::ui::InstrumentBar;
using meridian::ui::MainWindow;
using meridian::ui::MainWindowContext;
using meridian::ui::Theme;

namespace {

MainWindowContext context()
{
    static const QTemporaryDir home; // the Backtest dock opens the database: never one outside the test's
    return meridian::test::mainWindowContext(home.path());
}

QStringList menuTitles(const MainWindow &window)
{
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles.append(action->text());
    return titles;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void hasTheMenusInOrder();
    void docksAreMovableFloatableAndNamed();
    void viewMenuTogglesEveryDock();
    void resetLayoutBringsEveryDockBack();
    void layoutIsSavedAndRestoredPerUser();
    void aWorkspaceRoundTrips();
    void everyInteractiveWidgetHasAnAccessibleName();
    void colourSettings();
    void languageSwitchRetranslatesAtRunTime();
    void themeSwitchChangesPaletteAndIsRemembered();
    void databaseStatusIsShown();
};

void TestMainWindow::initTestCase()
{
    // Settings go to a throw-away folder, never to the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MeridianTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
}

void TestMainWindow::init()
{
    QSettings().clear();
    meridian::i18n::installTranslations(*qApp, QStringLiteral("en"));
}

void TestMainWindow::hasTheMenusInOrder()
{
    MainWindow window(context());
    QCOMPARE(menuTitles(window),
             (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Simulation"),
                          QStringLiteral("&Backtest"), QStringLiteral("&Trading"), QStringLiteral("&Plugins"),
                          QStringLiteral("&Help")}));
}

void TestMainWindow::docksAreMovableFloatableAndNamed()
{
    MainWindow window(context());
    QSet<QString> names;
    QVERIFY(window.docks().size() >= 9);
    for (QDockWidget *dock : window.docks()) {
        QVERIFY(!dock->objectName().isEmpty());
        names.insert(dock->objectName());
        QVERIFY(dock->features().testFlag(QDockWidget::DockWidgetMovable));
        QVERIFY(dock->features().testFlag(QDockWidget::DockWidgetFloatable));
        QVERIFY(dock->features().testFlag(QDockWidget::DockWidgetClosable));
        QVERIFY(!dock->windowTitle().isEmpty());
    }
    QCOMPARE(names.size(), window.docks().size());
    QVERIFY(names.contains(QStringLiteral("dock.log")));
}

void TestMainWindow::viewMenuTogglesEveryDock()
{
    MainWindow window(context());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (QDockWidget *dock : window.docks()) {
        QAction *toggle = dock->toggleViewAction();
        const bool wasHidden = dock->isHidden();
        toggle->trigger();
        QCOMPARE(dock->isHidden(), !wasHidden);
        toggle->trigger();
        QCOMPARE(dock->isHidden(), wasHidden);
    }
}

void TestMainWindow::resetLayoutBringsEveryDockBack()
{
    MainWindow window(context());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QDockWidget *first = window.docks().first();
    QDockWidget *last = window.docks().last();
    first->close();
    last->setFloating(true);
    QVERIFY(first->isHidden());

    window.resetLayout();

    for (QDockWidget *dock : window.docks()) {
        QVERIFY2(!dock->isHidden(), qPrintable(dock->objectName()));
        QVERIFY2(!dock->isFloating(), qPrintable(dock->objectName()));
    }
}

void TestMainWindow::layoutIsSavedAndRestoredPerUser()
{
    {
        MainWindow window(context());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.logDock()->close();
        window.close(); // saves the layout
    }
    MainWindow restored(context());
    restored.restoreLayout();
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    QVERIFY(restored.logDock()->isHidden());
    restored.resetLayout();
    QVERIFY(!restored.logDock()->isHidden());
}

void TestMainWindow::aWorkspaceRoundTrips()
{
    MainWindow window(context());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *book = window.findChild<meridian::ui::OrderBookDock *>();
    QVERIFY(book);
    book->setGrouping(10);
    window.logDock()->close();
    // A second chart on another instrument, in its own link group; the ladder unlinked.
    QDockWidget *chart = window.addView(MainWindow::ViewKind::Chart);
    QCOMPARE(chart->objectName(), QStringLiteral("dock.chart.2"));
    auto *chartBar = chart->findChild<InstrumentBar *>();
    chartBar->setGroup(2);
    chartBar->setSymbol(QStringLiteral("ETHUSDT"));
    book->instrumentBar()->setGroup(0);
    book->instrumentBar()->setSymbol(QStringLiteral("SOLUSDT"));
    QCOMPARE(window.addView(MainWindow::ViewKind::Signals)->objectName(), QStringLiteral("dock.signals.2"));
    QVERIFY(!window.saveWorkspace(QStringLiteral("  ")));
    QVERIFY(window.saveWorkspace(QStringLiteral("monitoring")));
    QCOMPARE(window.workspaces(), QStringList{QStringLiteral("monitoring")});
    // Change everything the workspace holds…
    window.resetLayout();
    book->setGrouping(0);
    book->instrumentBar()->setGroup(1);
    QVERIFY(!window.logDock()->isHidden());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("dock.chart.2"))); // the extra views went
    QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("dock.signals.2")));
    // …and get it back.
    QVERIFY(window.restoreWorkspace(QStringLiteral("monitoring")));
    QVERIFY(window.logDock()->isHidden());
    QCOMPARE(book->ladder()->grouping(), 10);
    chart = window.findChild<QDockWidget *>(QStringLiteral("dock.chart.2"));
    QVERIFY(chart && window.docks().contains(chart));
    QCOMPARE(chart->findChild<InstrumentBar *>()->symbol(), QStringLiteral("ETHUSDT"));
    QCOMPARE(chart->findChild<InstrumentBar *>()->group(), 2);
    QVERIFY(window.findChild<meridian::ui::SignalDock *>(QStringLiteral("dock.signals.2")));
    QCOMPARE(book->instrumentBar()->symbol(), QStringLiteral("SOLUSDT"));
    QCOMPARE(book->instrumentBar()->group(), 0);
    QVERIFY(!window.restoreWorkspace(QStringLiteral("nothing")));
    // A workspace saved by a version with other docks is refused, not half-applied.
    QSettings().setValue(QStringLiteral("workspaces/old/layoutVersion"), -1);
    QVERIFY(!window.restoreWorkspace(QStringLiteral("old")));
    window.deleteWorkspace(QStringLiteral("monitoring"));
    QCOMPARE(window.workspaces(), QStringList{QStringLiteral("old")});
}

void TestMainWindow::everyInteractiveWidgetHasAnAccessibleName()
{
    // What a screen reader announces: a button's text, a field's accessible name (or the label it is the
    // buddy of). Every interactive widget in every view must have one.
    MainWindow window(context());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSet<const QWidget *> labelled;
    for (const QLabel *label : window.findChildren<QLabel *>())
        if (label->buddy())
            labelled.insert(label->buddy());
    QStringList unnamed;
    for (QWidget *w : window.findChildren<QWidget *>()) {
        const bool interactive = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
                                 qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractItemView *>(w) ||
                                 qobject_cast<QAbstractSpinBox *>(w);
        bool part = qobject_cast<QLineEdit *>(w->parent()) != nullptr;
        for (const QObject *p = w->parent(); p && !part; p = p->parent())
            part = qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p);
        if (!interactive || part)
            continue; // a combo or spin box's own line edit or view (in its popup) is announced with its owner
        if (w->inherits("QDockWidgetTitleButton") || w->inherits("QToolButton") || qobject_cast<QHeaderView *>(w) ||
            w->inherits("QTableCornerButton"))
            continue; // parts of Qt's own widgets (title bars, tab scrolling, table headers), named by Qt
        const auto *button = qobject_cast<QAbstractButton *>(w);
        const bool named =
            !w->accessibleName().isEmpty() || labelled.contains(w) || (button && !button->text().isEmpty());
        if (!named)
            unnamed << (w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className())
                                                  : w->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestMainWindow::colourSettings()
{
    MainWindow window(context());
    auto *redUp = window.findChild<QAction *>(QStringLiteral("action.redUp"));
    auto *colourBlind = window.findChild<QAction *>(QStringLiteral("action.colourBlind"));
    QVERIFY(redUp && colourBlind);
    redUp->setChecked(true);
    QCOMPARE(meridian::ui::upDownColours().up, QColor(214, 39, 40));
    redUp->setChecked(false);
    QCOMPARE(meridian::ui::upDownColours().up, QColor(44, 160, 44));
    colourBlind->setChecked(true);
    const auto colours = meridian::ui::upDownColours();
    QCOMPARE(colours.up, QColor(0, 158, 115));
    QCOMPARE(colours.down, QColor(204, 121, 167));
    QVERIFY(QSettings().value(QStringLiteral("ui/colourBlindPalette")).toBool());
    colourBlind->setChecked(false);
    QCOMPARE(meridian::ui::upDownColours().down, QColor(214, 39, 40));
}

void TestMainWindow::languageSwitchRetranslatesAtRunTime()
{
    MainWindow window(context());
    QVERIFY(window.setLanguage(QStringLiteral("zh_CN")));
    // Qt delivers QEvent::LanguageChange to the widgets through the event loop.
    QTRY_COMPARE(menuTitles(window).first(), QStringLiteral("文件(&F)"));
    QTRY_COMPARE(window.logDock()->windowTitle(), QStringLiteral("日志"));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
    QVERIFY(window.setLanguage(QStringLiteral("en")));
    QTRY_COMPARE(menuTitles(window).first(), QStringLiteral("&File"));
    QVERIFY(!window.setLanguage(QStringLiteral("tlh")));
}

void TestMainWindow::themeSwitchChangesPaletteAndIsRemembered()
{
    MainWindow window(context());
    window.setTheme(Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
    window.setTheme(Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    QCOMPARE(window.theme(), Theme::Light);
}

void TestMainWindow::databaseStatusIsShown()
{
    MainWindow window(context());
    auto *status = window.findChild<QLabel *>(QStringLiteral("databaseStatus"));
    QVERIFY(status);
    QCOMPARE(status->text(), QStringLiteral("Database: opening…"));
    window.setDatabaseStatus(false, QStringLiteral("Database x is damaged"));
    QCOMPARE(status->text(), QStringLiteral("Database: unavailable"));
    QCOMPARE(status->toolTip(), QStringLiteral("Database x is damaged"));
    window.setDatabaseStatus(true, QStringLiteral("Schema version 1"));
    QCOMPARE(status->text(), QStringLiteral("Database: ready"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
