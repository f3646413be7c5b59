// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "widgets/ladder_view.h"

#include "widgets/theme.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace meridian::ui {

namespace {

const QColor kBuy = buyColour(); // the numbers and column positions carry the meaning too
const QColor kSell = sellColour();

// Column edges as fractions of the width: own bids | bid | price | ask | own asks | traded.
constexpr double kEdges[] = {0.0, 0.10, 0.30, 0.50, 0.70, 0.80, 1.0};

QString compact(double value)
{
    if (value == 0)
        return {};
    QString text = QLocale().toString(value, 'f', 3);
    const QChar point = QLocale().decimalPoint().front();
    if (text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

std::int64_t ceilDiv(std::int64_t a, std::int64_t b)
{
    return -floorDiv(-a, b);
}

} // namespace

LadderView::LadderView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("ladder"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(280, 160);
}

QSize LadderView::sizeHint() const
{
    return {360, 30 * rowHeight()};
}

int LadderView::rowHeight() const
{
    return fontMetrics().height() + 4;
}

int LadderView::rowCount() const
{
    return std::max(1, height() / rowHeight() - 1); // the first row is the header
}

void LadderView::setGrouping(int ticks)
{
    m_grouping = std::max(0, ticks);
    rebucket();
    update();
}

void LadderView::centre()
{
    m_offset = 0;
    m_centred = true;
    update();
}

void LadderView::setData(LadderData next)
{
    m_data = std::move(next);
    rebucket();
    update(); // Qt paints once per frame however many updates arrive
}

void LadderView::rebucket()
{
    const double tick = m_data.tick > 0 ? m_data.tick : 0.01;
    const auto ticksOf = [tick](double price) { return std::llround(price / tick); };
    if (m_grouping > 0) {
        m_step = m_grouping;
    } else if (!m_data.bids.empty() && !m_data.asks.empty()) {
        const std::size_t depth = std::min<std::size_t>({10, m_data.bids.size(), m_data.asks.size()});
        const double range =
            static_cast<double>(ticksOf(m_data.asks[depth - 1].price) - ticksOf(m_data.bids[depth - 1].price));
        const double wanted = range / std::max(1, rowCount() - 2);
        // The first of 1, 2, 5, 10, 20, 50 … not below wanted.
        m_step = 0;
        for (std::int64_t scale = 1; m_step == 0 && scale < 1'000'000'000'000; scale *= 10)
            for (const std::int64_t nice : {1, 2, 5})
                if (m_step == 0 && static_cast<double>(nice * scale) >= wanted)
                    m_step = nice * scale;
        m_step = std::max<std::int64_t>(1, m_step);
    } else {
        m_step = 1;
    }
    m_rows.clear();
    for (const LadderData::Level &l : m_data.bids) {
        Bucket &b = m_rows[floorDiv(ticksOf(l.price), m_step)];
        b.bid += l.quantity;
        b.ownBid += l.own;
    }
    for (const LadderData::Level &l : m_data.asks) {
        Bucket &b = m_rows[ceilDiv(ticksOf(l.price), m_step)];
        b.ask += l.quantity;
        b.ownAsk += l.own;
    }
    for (const auto &[price, quantity] : m_data.traded)
        m_rows[floorDiv(ticksOf(price), m_step)].traded += quantity;
    if (!m_data.bids.empty() && !m_data.asks.empty()) {
        const std::int64_t mid = (ticksOf(m_data.bids.front().price) + ticksOf(m_data.asks.front().price)) / 2;
        m_centreBucket = floorDiv(mid, m_step);
    }
    m_hasLast = m_data.last > 0;
    m_lastBucket = m_hasLast ? floorDiv(ticksOf(m_data.last), m_step) : 0;
}

std::int64_t LadderView::topBucket() const
{
    return m_centreBucket + rowCount() / 2 + m_offset;
}

std::vector<LadderView::Row> LadderView::visibleRows() const
{
    std::vector<Row> rows;
    const double tick = m_data.tick > 0 ? m_data.tick : 0.01;
    const std::int64_t top = topBucket();
    for (int r = 0; r < rowCount(); ++r) {
        const std::int64_t bucket = top - r;
        Row row;
        row.price = static_cast<double>(bucket * m_step) * tick;
        if (const auto it = m_rows.find(bucket); it != m_rows.end()) {
            row.bid = it->second.bid;
            row.ask = it->second.ask;
            row.ownBid = it->second.ownBid;
            row.ownAsk = it->second.ownAsk;
            row.traded = it->second.traded;
        }
        row.last = m_hasLast && bucket == m_lastBucket;
        rows.push_back(row);
    }
    return rows;
}

void LadderView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.base());
    const int h = rowHeight();
    const int w = width();
    const auto x = [w](int column) { return static_cast<int>(kEdges[column] * w); };
    const auto cell = [&](int column, int row) { return QRect(x(column), row * h, x(column + 1) - x(column), h); };

    // Header.
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.fillRect(QRect(0, 0, w, h), pal.alternateBase());
    p.setPen(pal.text().color());
    const QString titles[] = {tr("Mine"), tr("Bid"), tr("Price"), tr("Ask"), tr("Mine"), tr("Traded")};
    for (int c = 0; c < 6; ++c)
        p.drawText(cell(c, 0).adjusted(4, 0, -4, 0), Qt::AlignCenter, titles[c]);
    p.setFont(font());

    const std::vector<Row> rows = visibleRows();
    double largest = 0, largestTraded = 0;
    for (const Row &r : rows) {
        largest = std::max({largest, r.bid, r.ask});
        largestTraded = std::max(largestTraded, r.traded);
    }
    const double tick = m_data.tick > 0 ? m_data.tick : 0.01;
    const int decimals =
        std::max(0, static_cast<int>(std::ceil(-std::log10(tick * static_cast<double>(m_step)) - 1e-9)));
    const QColor grid = pal.mid().color();
    QColor buyBar = kBuy, sellBar = kSell, tradedBar = pal.mid().color();
    buyBar.setAlpha(90);
    sellBar.setAlpha(90);
    tradedBar.setAlpha(90);
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const Row &r = rows[static_cast<std::size_t>(i)];
        const int row = i + 1;
        if (r.last) {
            // Translucent over the base colour: readable under the text in light and dark themes alike.
            QColor mark = pal.highlight().color();
            mark.setAlpha(70);
            p.fillRect(QRect(0, row * h, w, h), mark);
        }
        if (r.bid > 0) {
            const QRect c = cell(1, row);
            const int bar = static_cast<int>(c.width() * r.bid / largest);
            p.fillRect(QRect(c.right() - bar, c.top() + 1, bar, c.height() - 2), buyBar);
            p.setPen(pal.text().color());
            p.drawText(c.adjusted(4, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, compact(r.bid));
        }
        if (r.ask > 0) {
            const QRect c = cell(3, row);
            const int bar = static_cast<int>(c.width() * r.ask / largest);
            p.fillRect(QRect(c.left(), c.top() + 1, bar, c.height() - 2), sellBar);
            p.setPen(pal.text().color());
            p.drawText(c.adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter, compact(r.ask));
        }
        if (r.traded > 0) {
            const QRect c = cell(5, row);
            const int bar = static_cast<int>(c.width() * r.traded / largestTraded);
            p.fillRect(QRect(c.left(), c.top() + 1, bar, c.height() - 2), tradedBar);
            p.setPen(pal.text().color());
            p.drawText(c.adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter, compact(r.traded));
        }
        p.setPen(kBuy.darker(130));
        if (r.ownBid > 0)
            p.drawText(cell(0, row).adjusted(2, 0, -2, 0), Qt::AlignRight | Qt::AlignVCenter, compact(r.ownBid));
        p.setPen(kSell.darker(130));
        if (r.ownAsk > 0)
            p.drawText(cell(4, row).adjusted(2, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter, compact(r.ownAsk));
        p.setPen(pal.text().color());
        const QString price = QLocale().toString(r.price, 'f', decimals);
        p.drawText(cell(2, row), Qt::AlignCenter, r.last ? QStringLiteral("▶ ") + price : price);
        p.setPen(grid);
        p.drawLine(0, (row + 1) * h - 1, w, (row + 1) * h - 1);
    }
    p.setPen(grid);
    for (int c = 1; c < 6; ++c)
        p.drawLine(x(c), 0, x(c), (static_cast<int>(rows.size()) + 1) * h);
}

std::pair<int, int> LadderView::rowAndColumnAt(QPoint point) const
{
    const int row = point.y() / rowHeight() - 1;
    if (row < 0 || row >= rowCount())
        return {-1, -1};
    const double fraction = static_cast<double>(point.x()) / std::max(1, width());
    int column = 0;
    while (column < 5 && fraction >= kEdges[column + 1])
        ++column;
    return {row, column};
}

void LadderView::mousePressEvent(QMouseEvent *event)
{
    const auto [row, column] = rowAndColumnAt(event->position().toPoint());
    if (row < 0) {
        QWidget::mousePressEvent(event);
        return;
    }
    const double price = visibleRows()[static_cast<std::size_t>(row)].price;
    if (event->button() == Qt::RightButton || (event->button() == Qt::LeftButton && (column == 0 || column == 4)))
        emit cancelRequested(price);
    else if (event->button() == Qt::LeftButton && (column == 1 || column == 3))
        emit orderRequested(column == 1, price);
    event->accept();
}

void LadderView::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y() / 120;
    if (steps != 0) {
        m_offset += steps;
        m_centred = m_offset == 0;
        update();
    }
    event->accept();
}

void LadderView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Up:
        ++m_offset;
        break;
    case Qt::Key_Down:
        --m_offset;
        break;
    case Qt::Key_PageUp:
        m_offset += rowCount() / 2;
        break;
    case Qt::Key_PageDown:
        m_offset -= rowCount() / 2;
        break;
    case Qt::Key_C:
        m_offset = 0;
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    m_centred = m_offset == 0;
    update();
}

void LadderView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        update();
    QWidget::changeEvent(event);
}

} // namespace meridian::ui
