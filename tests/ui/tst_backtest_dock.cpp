// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The Backtest dock on real bars (Binance BTCUSDT 1h, imported into a temporary database) with the
// ma_cross plugin: the bar sets are listed from the database; a backtest run from the form gives the same
// figures as the engine run directly on the same bars; the monthly table compounds the daily returns; an
// optimisation over two parameters fills the results table and the heatmap and is stored; a run can be
// cancelled; exports write HTML and PNG; a bad form is refused with a message naming what is wrong.
#include "backtest/bar_backtest.h"
#include "backtest/bar_source.h"
#include "backtest/book_store.h"
#include "backtest/replay_cache.h"
#include "docks/backtest_dock.h"
#include "store/bar_import.h"
#include "store/database.h"
#include "widgets/parameter_editor.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

using namespace meridian;
using namespace meridian::ui;

class TestBacktestDock : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void backtestsLikeTheEngine();
    void optimisesAndStoresTheSearch();
    void cancels();
    void refusesABadForm();
    void saysWhenThereAreNoBars();
    void backtestsOnOrderBookData();

private:
    std::unique_ptr<BacktestDock> openDock(const QString &database);
    void prepareForm(BacktestDock &dock);

    QTemporaryDir m_dir;
    QString m_database;
};

namespace {

const QString kFile = QStringLiteral(MERIDIAN_TEST_DATA "/binance/klines/BTCUSDT_1h_2018-02-09_2025-03-31_ohlcv.csv");
const QDateTime kFrom(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
const QDateTime kTo(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);

QStringList pluginFolders()
{
    return {QFileInfo(QStringLiteral(MA_CROSS)).absolutePath()};
}

void setField(BacktestDock &dock, const char *name, const QString &value)
{
    auto *edit = qobject_cast<QLineEdit *>(dock.editor()->field(QString::fromLatin1(name)));
    QVERIFY2(edit, name);
    edit->setText(value);
}

} // namespace

void TestBacktestDock::initTestCase()
{
    if (!QFile::exists(kFile))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(kFile)));
    m_database = m_dir.filePath(QStringLiteral("bars.sqlite"));
    auto db = store::Database::open(m_database.toStdString());
    QVERIFY(db);
    store::BarImportOptions o;
    o.format = store::BarImportOptions::Format::Ohlcv;
    o.symbol = "BTCUSDT";
    o.venue = "BINANCE";
    const auto r = store::importBars(*db, kFile.toStdString(), o);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(r->interval, std::string("1h"));
}

std::unique_ptr<BacktestDock> TestBacktestDock::openDock(const QString &database)
{
    auto dock = std::make_unique<BacktestDock>(database, pluginFolders());
    QSignalSpy listed(dock.get(), &BacktestDock::dataListed);
    dock->resize(1200, 700);
    dock->show();
    if (listed.isEmpty())
        listed.wait(20000);
    return dock;
}

void TestBacktestDock::prepareForm(BacktestDock &dock)
{
    QVERIFY(dock.selectStrategy(QStringLiteral("ma_cross")));
    QVERIFY(dock.selectData(QStringLiteral("BTCUSDT"), QStringLiteral("1h")));
    dock.findChild<QDateTimeEdit *>(QStringLiteral("backtest.from"))->setDateTime(kFrom);
    dock.findChild<QDateTimeEdit *>(QStringLiteral("backtest.to"))->setDateTime(kTo);
    setField(dock, "order_size", QStringLiteral("10"));
    setField(dock, "stop_loss", QStringLiteral("0"));
    setField(dock, "take_profit", QStringLiteral("0"));
    setField(dock, "fast_period", QStringLiteral("5"));
    setField(dock, "slow_period", QStringLiteral("30"));
}

void TestBacktestDock::backtestsLikeTheEngine()
{
    auto dock = openDock(m_database);
    prepareForm(*dock);
    QSignalSpy finished(dock.get(), &BacktestDock::finished);
    QVERIFY2(dock->runBacktest(), qPrintable(dock->message()));
    QVERIFY(dock->isRunning());
    QVERIFY(!dock->runBacktest()); // one run at a time
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dock->message()));
    QVERIFY(!dock->isRunning());
    const BacktestReportData *report = dock->report();
    QVERIFY(report);

    // The engine, run here on the same bars with the same parameters.
    auto db = store::Database::open(m_database.toStdString());
    QVERIFY(db);
    const auto instrument = Instrument::create(backtest::resolveInstrument(*db, "BTCUSDT").spec);
    QVERIFY(instrument);
    const auto bars = backtest::loadBars(*db, *instrument, "BINANCE", "1h", kFrom.toMSecsSinceEpoch() * 1'000'000,
                                         kTo.toMSecsSinceEpoch() * 1'000'000);
    QVERIFY(bars);
    QCOMPARE(bars->bars.size(), std::size_t(8784));
    const auto direct = backtest::runBarBacktest(
        {*bars}, MA_CROSS, R"({"fast_period":5,"slow_period":30,"order_size":10,"stop_loss":0,"take_profit":0})");
    QVERIFY(direct && direct->statistics);
    const auto statistic = [&](const QString &label) {
        for (const auto &[name, value] : report->statistics)
            if (name == label)
                return value;
        return QString();
    };
    QCOMPARE(statistic(QStringLiteral("End balance")), QString::number(direct->statistics->endBalance, 'f', 2));
    QCOMPARE(statistic(QStringLiteral("Fills")), QString::number(direct->statistics->totalTrades));
    QCOMPARE(report->buyTime.size() + report->sellTime.size(), direct->fills.size());
    QCOMPARE(report->equity.size(), direct->equity.size());

    // The views show it: the statistics table, the equity curve, the fills on the price.
    auto *table = dock->findChild<QTableWidget *>(QStringLiteral("backtest.statistics"));
    QCOMPARE(table->rowCount(), static_cast<int>(report->statistics.size()));
    auto *equity = dock->findChild<QCustomPlot *>(QStringLiteral("backtest.equity"));
    QCOMPARE(equity->graph(0)->data()->size(), static_cast<int>(report->equity.size()));
    auto *price = dock->findChild<QCustomPlot *>(QStringLiteral("backtest.price"));
    QCOMPARE(price->graph(1)->data()->size() + price->graph(2)->data()->size(), static_cast<int>(direct->fills.size()));

    // Monthly returns: 2024, twelve months and the year (and 2025 for the last bar, which closes at its
    // midnight); the year compounds the months, and the months compound the days (computed here from the
    // daily balances).
    auto *monthly = dock->findChild<QTableWidget *>(QStringLiteral("backtest.monthly"));
    QVERIFY(monthly->rowCount() >= 1 && monthly->rowCount() <= 2);
    QCOMPARE(monthly->verticalHeaderItem(0)->text(), QStringLiteral("2024"));
    double year = 1;
    for (int m = 0; m < 12; ++m) {
        QVERIFY(monthly->item(0, m));
        year *= 1 + monthly->item(0, m)->text().toDouble() / 100;
    }
    QVERIFY(std::fabs((year - 1) * 100 - monthly->item(0, 12)->text().toDouble()) < 0.05);
    double previous = 100'000, january = 1;
    for (const metrics::DailyResult &day : direct->days) {
        if (QDateTime::fromSecsSinceEpoch(day.date * 86400, Qt::UTC).date() < QDate(2024, 2, 1))
            january *= day.balance / previous;
        previous = day.balance;
    }
    QCOMPARE(monthly->item(0, 0)->text(), QString::number((january - 1) * 100, 'f', 2));

    // For people to look at: the report as the workstation shows it.
    QDir().mkpath(QStringLiteral(MERIDIAN_SCREENSHOT_DIR));
    for (int page : {1, 3, 4}) {
        dock->findChild<QTabWidget *>(QStringLiteral("backtest.report"))->setCurrentIndex(page);
        QVERIFY(dock->exportPng(QStringLiteral(MERIDIAN_SCREENSHOT_DIR "/backtest-%1.png").arg(page)));
    }

    // Exports.
    QTemporaryDir out;
    QString error;
    const QString html = dock->exportHtml(out.path(), &error);
    QVERIFY2(!html.isEmpty(), qPrintable(error));
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("equity.png"))));
    const QString png = out.filePath(QStringLiteral("page.png"));
    QVERIFY(dock->exportPng(png));
    QVERIFY(QImage(png).width() > 100);
}

void TestBacktestDock::optimisesAndStoresTheSearch()
{
    auto dock = openDock(m_database);
    prepareForm(*dock);
    QVERIFY(dock->setOptimizedParameters(QStringLiteral("fast_period"), 5, 10, 5, QStringLiteral("slow_period"), 30, 40,
                                         10));
    QSignalSpy finished(dock.get(), &BacktestDock::finished);
    QVERIFY2(dock->runOptimization(), qPrintable(dock->message()));
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dock->message()));
    const OptimizationReportData *o = dock->optimization();
    QVERIFY(o);
    QCOMPARE(o->rows.size(), std::size_t(4));
    QCOMPARE(o->xValues, (std::vector<double>{5, 10}));
    QCOMPARE(o->yValues, (std::vector<double>{30, 40}));
    for (const double z : o->z)
        QVERIFY(std::isfinite(z));
    auto *results = dock->findChild<QTableWidget *>(QStringLiteral("backtest.results"));
    QCOMPARE(results->rowCount(), 4);
    auto *heatmap = dock->findChild<QCustomPlot *>(QStringLiteral("backtest.heatmap"));
    QVERIFY(heatmap && heatmap->isVisible());
    QCOMPARE(heatmap->plottableCount(), 1);
    // The best row's objective is the largest of the grid.
    const double best = results->item(0, 2)->text().toDouble();
    for (const double z : o->z)
        QVERIFY(best >= z - 1e-4 * std::fabs(z));

    auto db = store::Database::open(m_database.toStdString());
    QVERIFY(db);
    auto s = db->prepare("SELECT count(*) FROM optimization_results");
    QVERIFY(s && s->step().value_or(false));
    QCOMPARE(s->columnInt64(0), std::int64_t(4));

    QTemporaryDir out;
    QString error;
    QVERIFY2(!dock->exportHtml(out.path(), &error).isEmpty(), qPrintable(error));
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("optimization.html"))));
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("heatmap.png"))));
    QVERIFY(dock->exportPng(QStringLiteral(MERIDIAN_SCREENSHOT_DIR "/backtest-optimisation.png")));
}

void TestBacktestDock::cancels()
{
    auto dock = openDock(m_database);
    prepareForm(*dock);
    dock->findChild<QDateTimeEdit *>(QStringLiteral("backtest.from"))
        ->setDateTime(QDateTime(QDate(2018, 3, 1), QTime(0, 0), Qt::UTC));
    // A grid of 400 backtests of seven years of hours: far longer than the cancel takes.
    QVERIFY(dock->setOptimizedParameters(QStringLiteral("fast_period"), 1, 20, 1, QStringLiteral("slow_period"), 21, 40,
                                         1));
    QSignalSpy finished(dock.get(), &BacktestDock::finished);
    QVERIFY(dock->runOptimization());
    dock->cancel();
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY2(dock->message().contains(QStringLiteral("Cancelled")), qPrintable(dock->message()));
    QVERIFY(!dock->optimization());
    QVERIFY(!dock->isRunning());
}

void TestBacktestDock::refusesABadForm()
{
    auto dock = openDock(m_database);
    prepareForm(*dock);
    setField(*dock, "fast_period", QStringLiteral("0"));
    QVERIFY(!dock->runBacktest());
    QVERIFY2(dock->message().contains(QStringLiteral("fast_period")), qPrintable(dock->message()));
    setField(*dock, "fast_period", QStringLiteral("5"));
    dock->findChild<QDateTimeEdit *>(QStringLiteral("backtest.to"))->setDateTime(kFrom);
    QVERIFY(!dock->runBacktest());
    QVERIFY2(dock->message().contains(QStringLiteral("period")), qPrintable(dock->message()));
    dock->findChild<QDateTimeEdit *>(QStringLiteral("backtest.to"))->setDateTime(kTo);
    QVERIFY(dock->setOptimizedParameters(QStringLiteral("fast_period"), 10, 5, 1));
    QVERIFY(!dock->runOptimization());
    QVERIFY2(dock->message().contains(QStringLiteral("fast_period")), qPrintable(dock->message()));
    QVERIFY(!dock->isRunning());
}

void TestBacktestDock::saysWhenThereAreNoBars()
{
    QTemporaryDir dir;
    auto dock = openDock(dir.filePath(QStringLiteral("empty.sqlite")));
    QVERIFY2(dock->message().contains(QStringLiteral("no data")), qPrintable(dock->message()));
    QVERIFY(dock->selectStrategy(QStringLiteral("ma_cross")));
    QVERIFY(!dock->runBacktest());
    QVERIFY2(dock->message().contains(QStringLiteral("import")), qPrintable(dock->message()));
}

void TestBacktestDock::backtestsOnOrderBookData()
{
    // LOBSTER AAPL messages imported into a database of their own: the form's order-book backtest must give
    // what the engine gives on the same events.
    const QString base =
        QStringLiteral(MERIDIAN_TEST_DATA "/lobster/AAPL_2012-06-21_34200000_57600000_%1_10.rows1-999.csv");
    if (!QFile::exists(base.arg(QStringLiteral("message"))))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)")
                             .arg(base.arg(QStringLiteral("message")))));
    const QString database = m_dir.filePath(QStringLiteral("book.sqlite"));
    {
        auto db = store::Database::open(database.toStdString());
        QVERIFY(db);
        backtest::LobsterImportOptions o;
        o.symbol = "AAPL";
        o.venue = "NASDAQ";
        o.utcOffsetMinutes = -240; // New York in June
        const auto imported = backtest::importLobster(*db, base.arg(QStringLiteral("message")).toStdString(),
                                                      base.arg(QStringLiteral("orderbook")).toStdString(), o);
        QVERIFY2(imported, imported ? "" : imported.error().message.c_str());
    }
    auto dock = openDock(database);
    QVERIFY(dock->selectStrategy(QStringLiteral("fixed_spread_mm")));
    QVERIFY(!dock->selectData(QStringLiteral("AAPL"), QStringLiteral("trades"))); // only its book was imported
    QVERIFY(dock->selectData(QStringLiteral("AAPL"), QStringLiteral("book")));
    auto *latency = dock->findChild<QSpinBox *>(QStringLiteral("backtest.latency"));
    QVERIFY(latency->isEnabled());
    QVERIFY(!dock->findChild<QSpinBox *>(QStringLiteral("backtest.slippage"))->isEnabled());
    QVERIFY(!dock->findChild<QPushButton *>(QStringLiteral("backtest.optimize"))->isEnabled()); // bars only
    latency->setValue(100);
    setField(*dock, "half_spread_ticks", QStringLiteral("100"));
    setField(*dock, "order_size", QStringLiteral("100"));
    setField(*dock, "max_inventory", QStringLiteral("1000"));
    setField(*dock, "refresh_ms", QStringLiteral("100"));
    const auto parameters = dock->editor()->parameters();
    QVERIFY(parameters);
    QSignalSpy finished(dock.get(), &BacktestDock::finished);
    QVERIFY2(dock->runBacktest(), qPrintable(dock->message()));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dock->message()));
    const BacktestReportData *report = dock->report();
    QVERIFY(report);
    QVERIFY(report->title.contains(QLatin1String("order book")));

    // The engine on the same events, read without the cache.
    auto db = store::Database::open(database.toStdString());
    QVERIFY(db);
    const auto source =
        backtest::replaySource(*db, "AAPL", "NASDAQ", store::DatasetKind::Book,
                               std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
    QVERIFY(source);
    const auto replay = backtest::loadReplay(*db, {}, source->request);
    QVERIFY(replay);
    backtest::L2BacktestConfig config;
    config.initialCapital = 100'000;
    config.entryLatencyNs = config.marketDataLatencyNs = 100'000;
    const auto r = backtest::runL2Backtest(
        source->instrument, replay->events,
        QFileInfo(QStringLiteral(MA_CROSS)).absolutePath().toStdString() + "/fixed_spread_mm.so", *parameters, config);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QVERIFY(!r->fills.empty());
    QCOMPARE(report->buyTime.size() + report->sellTime.size(), r->fills.size());
    QVERIFY(!report->equity.empty());
    QCOMPARE(report->equity.back(), r->finalEquity);
    QVERIFY(!report->price.empty());
    QVERIFY(report->price.front() > 500 && report->price.front() < 600);    // AAPL in dollars, not ten-thousandths
    QVERIFY(QDir(m_dir.filePath(QStringLiteral("replay-cache"))).exists()); // built beside the database
}

QTEST_MAIN(TestBacktestDock)
#include "tst_backtest_dock.moc"
