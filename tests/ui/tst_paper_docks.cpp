// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The paper views on a real paper session (adaptive_mm in the normal scenario, run on the test's thread so
// that the test decides when time passes): one drain brings every signal published since the last into the
// signal stream, newest first; the paper dock shows the market, account and live variables; its kill switch
// halts the session (and the status shows it), and the stream holds what arrives while paused.
#include "bridge/paper_bridge.h"
#include "docks/chart_dock.h"
#include "docks/heatmap_dock.h"
#include "docks/order_book_dock.h"
#include "docks/orders_dock.h"
#include "docks/paper_docks.h"
#include "docks/simulation_dock.h"
#include "models/record_model.h"
#include "risk/risk_store.h"
#include "store/database.h"
#include "support/paper_config.h"
#include "widgets/heatmap_view.h"
#include "widgets/instrument_bar.h"
#include "widgets/ladder_view.h"
#include "widgets/price_chart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace meridian;
using namespace meridian::ui;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

runtime::PaperConfig sessionConfig()
{
    return test::btcPaperConfig(ADAPTIVE_MM, R"({"sample_ms": 100})", 11); // journal in memory
}

std::unique_ptr<runtime::PaperSession> makeSession(runtime::PaperConfig c = sessionConfig())
{
    auto s = runtime::PaperSession::create(std::move(c));
    return s ? std::move(*s) : nullptr;
}

} // namespace

class TestPaperDocks : public QObject
{
    Q_OBJECT
private slots:
    void viewsFollowTheSession();
    void theKillSwitchHalts();
    void theHeatmapFollowsTheBook();
    void ordersFillsAndPositions();
    void aCriticalAlertIsPaintedAtOnce();
    void simulationControl();
    void manualOrdersFromTheLadder();
    void viewsFollowTheirLinkGroup();
};

void TestPaperDocks::viewsFollowTheSession()
{
    auto session = makeSession();
    QVERIFY(session);
    PaperBridge bridge;
    PaperDock paper(bridge);
    SignalDock signalDock(bridge);
    AlertDock alerts(bridge);
    OrderBookDock orderBook(bridge);
    orderBook.resize(380, 700);
    ChartDock chart(bridge);
    chart.resize(800, 500);
    bridge.setSession(session.get());
    QVERIFY(session->runFor(90 * kSecond));
    bridge.drain();
    const runtime::PaperSnapshot &s = bridge.snapshot();
    QVERIFY(s.signalsPublished > 0);
    QCOMPARE(signalDock.model()->rowCount(), static_cast<int>(s.signalsPublished));
    // Newest first.
    const QString first = signalDock.model()->index(0, SignalModel::Time).data().toString();
    const QString last =
        signalDock.model()->index(signalDock.model()->rowCount() - 1, SignalModel::Time).data().toString();
    QVERIFY2(first >= last, qPrintable(first + QLatin1String(" < ") + last));
    auto *variables = paper.findChild<QTableWidget *>(QStringLiteral("paper.variables"));
    QVERIFY(variables);
    QCOMPARE(variables->rowCount(), static_cast<int>(s.strategies.at(0).variables.size()));
    QVERIFY(variables->rowCount() > 0);
    const auto labels = paper.findChildren<QLabel *>();
    const bool showsSymbol = std::any_of(labels.begin(), labels.end(),
                                         [](QLabel *l) { return l->text().contains(QLatin1String("BTCUSDT")); });
    QVERIFY(showsSymbol);

    // The ladder shows the book around the mid, and the strategy's own quotes where they rest.
    QVERIFY(!s.markets.at(0).bids.empty() && !s.markets.at(0).asks.empty());
    double shownBids = 0, shownAsks = 0, own = 0, snapshotOwn = 0;
    for (const auto &r : orderBook.ladder()->visibleRows()) {
        shownBids += r.bid;
        shownAsks += r.ask;
        own += r.ownBid + r.ownAsk;
    }
    for (const auto &l : s.markets.at(0).bids)
        snapshotOwn += l.own;
    for (const auto &l : s.markets.at(0).asks)
        snapshotOwn += l.own;
    QVERIFY(shownBids > 0 && shownAsks > 0);
    QVERIFY(snapshotOwn > 0); // adaptive_mm quotes
    QVERIFY(own > 0);

    // The chart has one-second candles of the market's trades.
    QVERIFY(!chart.chart()->series().empty());
    double volume = 0;
    for (const Candle &c : chart.chart()->series().all(0))
        volume += c.volume;
    QVERIFY(volume > 0);
    chart.chart()->redraw();
    QVERIFY(chart.chart()->visibleCandles() > 0);

    // Paused: what arrives is held, and shown on resume.
    auto *pause = signalDock.findChild<QCheckBox *>();
    QVERIFY(pause);
    pause->setChecked(true);
    const int before = signalDock.model()->rowCount();
    QVERIFY(session->runFor(120 * kSecond));
    bridge.drain();
    QCOMPARE(signalDock.model()->rowCount(), before);
    pause->setChecked(false);
    QCOMPARE(signalDock.model()->rowCount(),
             std::min<int>(SignalModel::kMaxRows, static_cast<int>(bridge.snapshot().signalsPublished)));
    bridge.setSession(nullptr);
}

void TestPaperDocks::theKillSwitchHalts()
{
    auto session = makeSession();
    QVERIFY(session);
    PaperBridge bridge;
    PaperDock paper(bridge);
    bridge.setSession(session.get());
    QVERIFY(session->runFor(20 * kSecond));
    bridge.drain();
    auto *state = paper.findChild<QLabel *>(QStringLiteral("paper.state"));
    auto *button = paper.findChild<QPushButton *>(QStringLiteral("paper.killSwitch"));
    QVERIFY(state && button);
    QCOMPARE(state->text(), QStringLiteral("ACTIVE"));
    button->click();
    QVERIFY(session->runFor(kSecond));
    bridge.drain();
    QCOMPARE(bridge.snapshot().state, risk::TradingState::Halted);
    QCOMPARE(state->text(), QStringLiteral("HALTED"));
    button->click(); // now it resumes
    QVERIFY(session->runFor(kSecond));
    bridge.drain();
    QCOMPARE(state->text(), QStringLiteral("ACTIVE"));
    bridge.setSession(nullptr);
}

void TestPaperDocks::theHeatmapFollowsTheBook()
{
    auto session = makeSession();
    QVERIFY(session);
    PaperBridge bridge;
    HeatmapDock dock(bridge);
    dock.resize(700, 420);
    bridge.setSession(session.get());
    // A column per drain 100 ms of simulated time apart, as the workstation sees it.
    for (int i = 0; i < 300; ++i) {
        QVERIFY(session->runFor(100'000'000));
        bridge.drain();
    }
    HeatmapView *heatmap = dock.heatmap();
    // One column per drain once the book has both sides (the market opens empty).
    QVERIFY2(heatmap->columnCount() > 250 && heatmap->columnCount() <= 300,
             qPrintable(QString::number(heatmap->columnCount())));
    const int newest = heatmap->columnCount() - 1;
    QVERIFY(heatmap->priceStep() > 0);
    const runtime::PaperSnapshot &s = bridge.snapshot();
    // Where the best bid rests, the newest column is brighter than where nothing rests.
    const QColor atBid = heatmap->cellColour(newest, s.markets.at(0).bids.front().price);
    const QColor empty = heatmap->cellColour(newest, heatmap->lowPrice());
    QVERIFY(atBid.isValid() && empty.isValid());
    QVERIFY2(atBid.lightness() > empty.lightness(), qPrintable(atBid.name() + QLatin1Char(' ') + empty.name()));
    const QImage image = dock.grab().toImage();
    QVERIFY(!image.isNull());
    if (const QByteArray out = qgetenv("MERIDIAN_SCREENSHOT_DIR"); !out.isEmpty())
        image.save(QString::fromLocal8Bit(out) + QStringLiteral("/heatmap.png"));
    bridge.setSession(nullptr);
}

void TestPaperDocks::ordersFillsAndPositions()
{
    auto session = makeSession();
    QVERIFY(session);
    PaperBridge bridge;
    OrdersDock dock(bridge);
    bridge.setSession(session.get());
    for (int i = 0; i < 6; ++i) {
        QVERIFY(session->runFor(10 * kSecond));
        bridge.drain();
    }
    const runtime::PaperSnapshot &s = bridge.snapshot();
    RecordModel *orders = dock.model(OrdersDock::Orders);
    // One row per order however many times it changed; one per fill.
    QCOMPARE(orders->rowCount(), static_cast<int>(s.ordersSubmitted));
    QCOMPARE(dock.model(OrdersDock::Fills)->rowCount(), static_cast<int>(s.fills));
    QCOMPARE(dock.model(OrdersDock::Positions)->rowCount(), 1); // one per instrument
    RecordModel *positions = dock.model(OrdersDock::Positions);
    QCOMPARE(positions->index(0, 0).data().toString(), QStringLiteral("BTCUSDT"));
    QCOMPARE(positions->index(0, 1).data(Qt::EditRole).toDouble(), s.position);
    QCOMPARE(positions->index(0, 3).data(Qt::EditRole).toDouble(), s.position * s.mid);
    QVERIFY(s.fills > 0);

    // Sorted by price as numbers, not as text.
    QSortFilterProxyModel *proxy = dock.proxy(OrdersDock::Orders);
    proxy->sort(6, Qt::AscendingOrder);
    for (int r = 1; r < proxy->rowCount(); ++r)
        QVERIFY(proxy->index(r - 1, 6).data(Qt::EditRole).toDouble() <=
                proxy->index(r, 6).data(Qt::EditRole).toDouble());
    // Filtered by any text in a row.
    dock.filter(OrdersDock::Orders)->setText(QStringLiteral("Sell"));
    QVERIFY(proxy->rowCount() > 0 && proxy->rowCount() < orders->rowCount());
    for (int r = 0; r < proxy->rowCount(); ++r)
        QCOMPARE(proxy->index(r, 4).data().toString(), QStringLiteral("Sell"));

    // Exported as shown.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("orders.csv"));
    QString error;
    QVERIFY2(dock.exportCsv(OrdersDock::Orders, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), proxy->rowCount() + 1);
    QVERIFY(lines.front().contains(QLatin1String("Price")));
    QVERIFY(!dock.exportCsv(OrdersDock::Orders, dir.filePath(QStringLiteral("no/such/dir/x.csv")), &error));
    QVERIFY(error.contains(QLatin1String("no/such/dir")));
    bridge.setSession(nullptr);
}

namespace {

class PaintProbe final : public QObject
{
public:
    qint64 firstPaintNs = -1;
    QElapsedTimer *clock = nullptr;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && firstPaintNs < 0)
            firstPaintNs = clock->nsecsElapsed();
        return false;
    }
};

} // namespace

void TestPaperDocks::aCriticalAlertIsPaintedAtOnce()
{
    // An exposure limit so low that the first fill is critical (and halts trading); no pre-trade limits.
    QTemporaryDir dir;
    runtime::PaperConfig c = sessionConfig();
    c.limits = {};
    c.monitor.exposure = {1e-9, 2e-9};
    c.journalPath = dir.filePath(QStringLiteral("alerts.sqlite")).toStdString();
    auto session = makeSession(std::move(c));
    QVERIFY(session);
    QWidget window;
    window.resize(800, 600);
    PaperBridge bridge;
    AlertDock alerts(bridge, &window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    bridge.setSession(session.get());
    for (int i = 0; i < 120 && !session->feed().snapshot().alerts; ++i)
        QVERIFY(session->runFor(kSecond));
    QVERIFY(session->feed().snapshot().alerts > 0);
    QCOMPARE(session->feed().snapshot().state, risk::TradingState::Halted);
    QElapsedTimer clock;
    PaintProbe probe;
    probe.clock = &clock;
    clock.start();
    bridge.drain(); // the alert reaches the bridge
    QVERIFY(alerts.popup());
    alerts.popup()->installEventFilter(&probe);
    QTRY_VERIFY_WITH_TIMEOUT(probe.firstPaintNs >= 0, 2000);
    qInfo("critical alert painted %.1f ms after it reached the bridge", static_cast<double>(probe.firstPaintNs) / 1e6);
    QVERIFY(probe.firstPaintNs < 100'000'000);
    QVERIFY(alerts.popup()->text().contains(QLatin1String("HALTED")));
    QVERIFY(alerts.alertCount() > 0);

    // Acknowledging: the popup's button acknowledges the critical alerts, the dock's the rest; the session
    // journals each (risk_alerts.acknowledged_at) when it next runs.
    QCOMPARE(alerts.unacknowledgedCount(), alerts.alertCount());
    const auto open = [&] {
        auto db = store::Database::open(dir.filePath(QStringLiteral("alerts.sqlite")).toStdString());
        if (!db)
            return -1;
        const auto stored = risk::openAlerts(*db);
        return stored ? static_cast<int>(stored->size()) : -1;
    };
    QCOMPARE(open(), alerts.alertCount());
    alerts.popup()->findChild<QAbstractButton *>(QStringLiteral("risk.popupAcknowledge"))->click();
    QVERIFY(alerts.unacknowledgedCount() < alerts.alertCount());
    alerts.acknowledgeAll();
    QCOMPARE(alerts.unacknowledgedCount(), 0);
    QVERIFY(session->runFor(kSecond));
    bridge.drain();
    QCOMPARE(open(), alerts.unacknowledgedCount());
    bridge.setSession(nullptr);
}

void TestPaperDocks::simulationControl()
{
    auto session = makeSession();
    QVERIFY(session);
    session->setSpeed(50);
    PaperBridge bridge;
    SimulationDock dock(bridge);
    bridge.setSession(session.get());
    session->start();
    QTRY_VERIFY_WITH_TIMEOUT((bridge.drain(), bridge.snapshot().elapsedNs > kSecond), 20000);
    // What trades there: the instruments, the strategies and the market's agents by kind.
    const QString summary = dock.findChild<QLabel *>(QStringLiteral("simulation.summary"))->text();
    QVERIFY(!bridge.snapshot().agents.empty());
    for (const auto &[kind, count] : bridge.snapshot().agents) {
        QVERIFY(count > 0);
        QVERIFY2(summary.contains(QStringLiteral("%1 × %2").arg(count).arg(QString::fromStdString(kind))),
                 qPrintable(summary));
    }
    QVERIFY(summary.contains(QLatin1String("BTCUSDT")) && summary.contains(QLatin1String("adaptive_mm")));
    auto *pause = dock.findChild<QPushButton *>(QStringLiteral("simulation.pause"));
    QVERIFY(pause);
    pause->click();
    QTRY_VERIFY_WITH_TIMEOUT((bridge.drain(), bridge.snapshot().paused), 5000);
    QCOMPARE(pause->text(), QStringLiteral("Resume"));
    QVERIFY(dock.findChild<QProgressBar *>()->text().contains(QLatin1String("of")));
    // Another scenario restarts the session (with the strategies it runs: tst_cli's gui test).
    QSignalSpy restarts(&dock, &SimulationDock::restartRequested);
    dock.findChild<QComboBox *>(QStringLiteral("simulation.scenario"))->setCurrentText(QStringLiteral("black_swan"));
    bridge.drain(); // a refresh does not undo the choice
    dock.findChild<QPushButton *>(QStringLiteral("simulation.restart"))->click();
    QCOMPARE(restarts.count(), 1);
    QCOMPARE(restarts.at(0).at(0).toString(), QStringLiteral("black_swan"));
    bridge.setSession(nullptr);
    session->stop();
}

void TestPaperDocks::manualOrdersFromTheLadder()
{
    auto session = makeSession();
    QVERIFY(session);
    PaperBridge bridge;
    OrderBookDock book(bridge);
    OrdersDock orders(bridge);
    bridge.setSession(session.get());
    QVERIFY(session->runFor(30 * kSecond));
    bridge.drain();
    const double price = bridge.snapshot().markets.at(0).bids.back().price; // deep in the book: it rests
    book.setConfirmation(false);
    book.setOrderQuantity(0.002);
    QVERIFY(book.placeAt(true, price));
    QVERIFY(session->runFor(kSecond));
    bridge.drain();
    const auto manualRow = [&]() -> int {
        RecordModel *m = orders.model(OrdersDock::Orders);
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 3).data().toString() == QLatin1String("manual"))
                return r;
        return -1;
    };
    const int row = manualRow();
    QVERIFY(row >= 0);
    RecordModel *m = orders.model(OrdersDock::Orders);
    QVERIFY2(m->index(row, 9).data().toString() == QLatin1String("accepted"),
             qPrintable(m->index(row, 10).data().toString()));
    QCOMPARE(m->index(row, 2).data().toString(), QStringLiteral("BTCUSDT"));
    QCOMPARE(m->index(row, 6).data(Qt::EditRole).toDouble(), price);
    QCOMPARE(m->index(row, 7).data(Qt::EditRole).toDouble(), 0.002);
    double own = 0;
    for (const auto &l : bridge.snapshot().markets.at(0).bids)
        if (std::abs(l.price - price) < 1e-9)
            own = l.own;
    QVERIFY(own >= 0.002 - 1e-12); // the ladder shows it as ours
    book.cancelAt(price);
    QVERIFY(session->runFor(kSecond));
    bridge.drain();
    QCOMPARE(m->index(manualRow(), 9).data().toString(), QStringLiteral("cancelled"));
    bridge.setSession(nullptr);
}

void TestPaperDocks::viewsFollowTheirLinkGroup()
{
    // Two instruments: BTCUSDT near 30 000 and ETHUSDT near 2 000.
    runtime::PaperConfig c = sessionConfig();
    sim::MarketSetup eth = c.market;
    eth.instrument.spec.symbol = "ETHUSDT";
    eth.instrument.initialPrice = 200'000;
    c.moreMarkets.push_back(eth);
    auto session = makeSession(c);
    QVERIFY(session);
    QVERIFY(session->runFor(30 * kSecond));
    PaperBridge bridge;
    InstrumentLinks links;
    OrderBookDock book(bridge);
    ChartDock chart(bridge);
    HeatmapDock heatmap(bridge);
    OrdersDock orders(bridge);
    SignalDock signalDock(bridge);
    for (InstrumentBar *bar : {book.instrumentBar(), chart.instrumentBar(), heatmap.instrumentBar()})
        bar->setLinks(&links);
    heatmap.instrumentBar()->setGroup(0); // unlinked: it stays where it is
    bridge.setSession(session.get());
    for (InstrumentBar *bar : {book.instrumentBar(), chart.instrumentBar(), heatmap.instrumentBar()})
        QCOMPARE(bar->symbol(), QStringLiteral("BTCUSDT"));

    // The trader picks ETHUSDT in the ladder's box: the chart follows, the unlinked heatmap does not.
    auto *box = book.instrumentBar()->findChild<QComboBox *>(QStringLiteral("instrument.symbol"));
    QCOMPARE(box->count(), 2);
    const int index = box->findText(QStringLiteral("ETHUSDT"));
    box->setCurrentIndex(index);
    emit box->activated(index);
    QCOMPARE(chart.instrumentBar()->symbol(), QStringLiteral("ETHUSDT"));
    QCOMPARE(heatmap.instrumentBar()->symbol(), QStringLiteral("BTCUSDT"));
    QVERIFY(session->runFor(60 * kSecond));
    bridge.drain();
    const runtime::PaperMarket &ethMarket = bridge.snapshot().markets.at(1);
    double ladderMid = 0;
    for (const LadderView::Row &r : book.ladder()->visibleRows())
        ladderMid = std::max(ladderMid, r.bid > 0 ? r.price : 0.0);
    QVERIFY2(std::abs(ladderMid - ethMarket.bid) < 1.0, qPrintable(QString::number(ladderMid)));
    // The chart's candles are ETH's: its trades, not BTC's.
    const auto candles = chart.chart()->series().all(0);
    QVERIFY(!candles.empty());
    QVERIFY2(candles.back().close > 1000 && candles.back().close < 4000,
             qPrintable(QString::number(candles.back().close)));

    // Clicking the ladder trades the instrument it shows.
    book.setConfirmation(false);
    book.setOrderQuantity(0.5);
    const double price = ethMarket.bids.back().price;
    QVERIFY(book.placeAt(true, price));
    QVERIFY(session->runFor(kSecond));
    bridge.drain();
    double own = 0;
    for (const runtime::PaperLevel &l : bridge.snapshot().markets.at(1).bids)
        own += std::abs(l.price - price) < 1e-9 ? l.own : 0;
    QCOMPARE(own, 0.5);
    // The monitors name the instrument: the manual order is ETH's, and each instrument has its position.
    RecordModel *orderRows = orders.model(OrdersDock::Orders);
    bool manualEth = false;
    for (int r = 0; r < orderRows->rowCount(); ++r)
        manualEth = manualEth || (orderRows->index(r, 3).data().toString() == QLatin1String("manual") &&
                                  orderRows->index(r, 2).data().toString() == QLatin1String("ETHUSDT"));
    QVERIFY(manualEth);
    QCOMPARE(orders.model(OrdersDock::Positions)->rowCount(), 2);
    // The signal stream names each signal's instrument and filters by it and by direction.
    QSortFilterProxyModel *shown = signalDock.shown();
    const int all = shown->rowCount();
    QVERIFY(all > 0);
    signalDock.setTextFilter(QStringLiteral("ethusdt"));
    QVERIFY(shown->rowCount() > 0 && shown->rowCount() < all);
    for (int r = 0; r < shown->rowCount(); ++r)
        QCOMPARE(shown->index(r, SignalModel::Instrument).data().toString(), QStringLiteral("ETHUSDT"));
    signalDock.setDirectionFilter(1);
    for (int r = 0; r < shown->rowCount(); ++r)
        QCOMPARE(shown->index(r, SignalModel::Direction).data().toString(), QStringLiteral("Long"));
    signalDock.setDirectionFilter(0);
    signalDock.setTextFilter({});
    QCOMPARE(shown->rowCount(), signalDock.model()->rowCount());

    // Back to BTCUSDT: the chart shows BTC's candles again, kept while ETH was shown.
    box->setCurrentIndex(box->findText(QStringLiteral("BTCUSDT")));
    emit box->activated(box->currentIndex());
    QCOMPARE(chart.instrumentBar()->symbol(), QStringLiteral("BTCUSDT"));
    const auto btc = chart.chart()->series().all(0);
    QVERIFY(!btc.empty());
    QVERIFY(btc.back().close > 20000);
    QVERIFY(btc.back().time >= candles.back().time - 2 * kSecond); // it kept up while hidden
    bridge.setSession(nullptr);
}

QTEST_MAIN(TestPaperDocks)
#include "tst_paper_docks.moc"
