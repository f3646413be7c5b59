// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "widgets/price_chart.h"

#include "widgets/theme.h"

#include <QDateTime>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace meridian::ui {

namespace {

constexpr int kAverage = 20; // candles in the moving average
constexpr double kPixelsPerCandle = 3;

double seconds(std::int64_t ns)
{
    return static_cast<double>(ns) / 1e9;
}

std::int64_t nanoseconds(double s)
{
    return static_cast<std::int64_t>(std::llround(s * 1e9));
}

} // namespace

PriceChart::PriceChart(QWidget *parent, std::int64_t baseIntervalNs)
    : QWidget(parent), m_series(baseIntervalNs), m_plot(new QCustomPlot(this)), m_frame(new QTimer(this))
{
    setObjectName(QStringLiteral("priceChart"));
    setFocusPolicy(Qt::StrongFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setFocusPolicy(Qt::NoFocus);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);

    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeFormat(QStringLiteral("MM-dd\nHH:mm:ss"));
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setVisible(false);
    m_plot->yAxis2->setVisible(true); // prices on the right, as trading screens show them
    m_plot->yAxis2->setTickLabels(true);

    m_candles = new QCPFinancial(m_plot->xAxis, m_plot->yAxis2);
    m_candles->setChartStyle(QCPFinancial::csCandlestick);
    m_candles->setTwoColored(true);
    applyColours();
    m_average = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_average->setPen(QPen(QColor(120, 90, 200), 1.5));
    m_average->setAdaptiveSampling(true);
    m_buys = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_sells = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    for (QCPGraph *g : {m_buys, m_sells}) {
        g->setLineStyle(QCPGraph::lsNone);
        const QColor c = g == m_buys ? buyColour() : sellColour();
        g->setScatterStyle(QCPScatterStyle(
            g == m_buys ? QCPScatterStyle::ssTriangle : QCPScatterStyle::ssTriangleInverted, c.darker(130), c, 9));
    }

    // Volume beneath, on its own axis rect sharing the time range.
    m_volumeRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(1, 0, m_volumeRect);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.25);
    m_volumeRect->setRangeDrag(Qt::Horizontal);
    m_volumeRect->setRangeZoom(Qt::Horizontal);
    m_volumeRect->axis(QCPAxis::atBottom)->setTicker(ticker);
    m_volumeRect->axis(QCPAxis::atBottom)->setTickLabels(false);
    m_volumeRect->addAxis(QCPAxis::atRight);
    m_volumeRect->axis(QCPAxis::atLeft)->setVisible(false);
    auto *margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_volumeRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_volume = new QCPBars(m_volumeRect->axis(QCPAxis::atBottom), m_volumeRect->axis(QCPAxis::atRight));
    m_volume->setPen(Qt::NoPen);
    m_volume->setBrush(QColor(128, 128, 128, 140));
    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this](const QCPRange &r) {
        m_volumeRect->axis(QCPAxis::atBottom)->setRange(r);
        if (m_rebuilding)
            return;
        // The user moved the view: follow new data only while the newest candle is in sight.
        const auto newest = m_series.all(0);
        m_follow = newest.empty() || r.upper >= seconds(newest.back().time);
        schedule();
    });
    connect(m_volumeRect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange &r) {
                if (!m_rebuilding && m_plot->xAxis->range() != r)
                    m_plot->xAxis->setRange(r);
            });

    // Crosshair and readout.
    m_crossX = new QCPItemStraightLine(m_plot);
    m_crossY = new QCPItemStraightLine(m_plot);
    for (QCPItemStraightLine *line : {m_crossX, m_crossY}) {
        line->setPen(QPen(QColor(128, 128, 128), 1, Qt::DashLine));
        line->setClipAxisRect(m_plot->axisRect());
        line->setVisible(false);
    }
    m_readout = new QCPItemText(m_plot);
    m_readout->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_readout->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_readout->position->setCoords(0.01, 0.01);
    m_readout->setClipToAxisRect(true);
    m_readout->setPadding(QMargins(4, 2, 4, 2));
    m_readout->setBrush(QColor(255, 255, 255, 200));
    m_readout->setText(QString());
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);

    m_frame->setSingleShot(true);
    m_frame->setInterval(16); // at most one rebuild per frame, however many changes arrive
    connect(m_frame, &QTimer::timeout, this, &PriceChart::rebuild);
}

void PriceChart::applyColours()
{
    const UpDownColours colours = upDownColours();
    m_candles->setBrushPositive(colours.up);
    m_candles->setBrushNegative(colours.down);
    m_candles->setPenPositive(QPen(colours.up.darker(130)));
    m_candles->setPenNegative(QPen(colours.down.darker(130)));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PriceChart::schedule()
{
    if (!m_frame->isActive())
        m_frame->start();
}

void PriceChart::dataChanged()
{
    schedule();
}

void PriceChart::addFill(std::int64_t timeNs, double price, bool buy)
{
    auto &fills = buy ? m_buyFills : m_sellFills;
    fills.emplace_back(timeNs, price);
    if (fills.size() > 100'000) // bounded: the oldest tenth goes
        fills.erase(fills.begin(), fills.begin() + 10'000);
    schedule();
}

void PriceChart::clearFills()
{
    m_buyFills.clear();
    m_sellFills.clear();
    schedule();
}

void PriceChart::setRange(std::int64_t fromNs, std::int64_t toNs)
{
    m_rebuilding = true;
    m_plot->xAxis->setRange(seconds(fromNs), seconds(toNs));
    m_rebuilding = false;
    const auto newest = m_series.all(0);
    m_follow = newest.empty() || toNs >= newest.back().time;
    rebuild();
}

void PriceChart::fitAll()
{
    const auto base = m_series.all(0);
    if (base.empty())
        return;
    setRange(base.front().time, base.back().time + m_series.interval(0));
}

void PriceChart::redraw()
{
    rebuild();
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

void PriceChart::rebuild()
{
    m_frame->stop();
    if (m_series.empty()) {
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    m_rebuilding = true;
    QCPRange r = m_plot->xAxis->range();
    const auto base = m_series.all(0);
    if (m_follow) {
        // Keep the width, put the newest candle at the right edge.
        const double right = seconds(base.back().time + m_series.interval(0));
        const double width = r.size() > 1e-9 && r.lower > 1e6 ? r.size() : seconds(120 * m_series.interval(0));
        r = QCPRange(right - width * 0.95, right + width * 0.05);
        m_plot->xAxis->setRange(r);
    }
    m_volumeRect->axis(QCPAxis::atBottom)->setRange(r);
    const std::int64_t from = nanoseconds(r.lower), to = nanoseconds(r.upper);
    const auto maxCandles = static_cast<std::size_t>(std::max(10.0, m_plot->axisRect()->width() / kPixelsPerCandle));
    const std::size_t level = m_series.levelFor(from, to, maxCandles);
    m_interval = m_series.interval(level);
    // The average needs the candles before the view too.
    const auto candles = m_series.range(level, from - kAverage * m_interval, to);
    QVector<double> keys, open, high, low, close, volume, averageKeys, average;
    keys.reserve(static_cast<qsizetype>(candles.size()));
    double lowest = 1e300, highest = -1e300, largestVolume = 0, sum = 0;
    m_drawn = 0;
    for (std::size_t i = 0; i < candles.size(); ++i) {
        const Candle &c = candles[i];
        sum += c.close;
        if (i >= kAverage)
            sum -= candles[i - kAverage].close;
        const double key = seconds(c.time + m_interval / 2);
        if (i + 1 >= kAverage) {
            averageKeys << key;
            average << sum / kAverage;
        }
        if (c.time + m_interval < from)
            continue; // before the view: only for the average
        keys << key;
        open << c.open;
        high << c.high;
        low << c.low;
        close << c.close;
        volume << c.volume;
        lowest = std::min(lowest, c.low);
        highest = std::max(highest, c.high);
        largestVolume = std::max(largestVolume, c.volume);
        ++m_drawn;
    }
    m_candles->setData(keys, open, high, low, close, true);
    m_candles->setWidth(seconds(m_interval) * 0.8);
    m_volume->setData(keys, volume, true);
    m_volume->setWidth(seconds(m_interval) * 0.8);
    m_average->setData(averageKeys, average, true);
    for (auto [graph, fills] : {std::pair{m_buys, &m_buyFills}, std::pair{m_sells, &m_sellFills}}) {
        QVector<double> fk, fv;
        for (const auto &[time, price] : *fills)
            if (time >= from && time <= to) {
                fk << seconds(time);
                fv << price;
                lowest = std::min(lowest, price);
                highest = std::max(highest, price);
            }
        graph->setData(fk, fv, true);
    }
    if (highest >= lowest) {
        const double margin = std::max((highest - lowest) * 0.06, std::abs(highest) * 1e-6);
        m_plot->yAxis2->setRange(lowest - margin, highest + margin);
    }
    m_volumeRect->axis(QCPAxis::atRight)->setRange(0, std::max(largestVolume * 1.1, 1e-12));
    m_rebuilding = false;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PriceChart::moveCrosshair(double key, double value)
{
    m_crossX->point1->setCoords(key, 0);
    m_crossX->point2->setCoords(key, 1);
    m_crossY->point1->setCoords(0, value);
    m_crossY->point2->setCoords(1, value);
    m_crossY->point1->setAxes(m_plot->xAxis, m_plot->yAxis2);
    m_crossY->point2->setAxes(m_plot->xAxis, m_plot->yAxis2);
    m_crossX->setVisible(true);
    m_crossY->setVisible(true);
    QString text = tr("Price %1").arg(QLocale().toString(value, 'f', 2));
    // The candle under the cursor, if any.
    const auto shown = m_candles->data();
    auto it = shown->findBegin(key - seconds(m_interval) / 2, false);
    if (it != shown->constEnd() && std::abs(it->key - key) <= seconds(m_interval) / 2) {
        const QString time =
            QDateTime::fromMSecsSinceEpoch(static_cast<qint64>((it->key - seconds(m_interval) / 2) * 1000))
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const QLocale l;
        text = tr("%1  O %2  H %3  L %4  C %5")
                   .arg(time, l.toString(it->open, 'f', 2), l.toString(it->high, 'f', 2), l.toString(it->low, 'f', 2),
                        l.toString(it->close, 'f', 2)) +
               QLatin1Char('\n') + text;
    }
    m_readout->setText(text);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString PriceChart::readout() const
{
    return m_readout->text();
}

bool PriceChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::MouseMove) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (m_plot->axisRect()->rect().contains(mouse->position().toPoint()))
            moveCrosshair(m_plot->xAxis->pixelToCoord(mouse->position().x()),
                          m_plot->yAxis2->pixelToCoord(mouse->position().y()));
    } else if (watched == m_plot && event->type() == QEvent::Leave) {
        m_crossX->setVisible(false);
        m_crossY->setVisible(false);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    return QWidget::eventFilter(watched, event);
}

void PriceChart::keyPressEvent(QKeyEvent *event)
{
    QCPRange r = m_plot->xAxis->range();
    switch (event->key()) {
    case Qt::Key_Left:
        r += -r.size() * 0.1;
        break;
    case Qt::Key_Right:
        r += r.size() * 0.1;
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        r = QCPRange(r.center() - r.size() * 0.4, r.center() + r.size() * 0.4);
        break;
    case Qt::Key_Minus:
        r = QCPRange(r.center() - r.size() * 0.625, r.center() + r.size() * 0.625);
        break;
    case Qt::Key_Home:
        fitAll();
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    setRange(nanoseconds(r.lower), nanoseconds(r.upper));
}

} // namespace meridian::ui
