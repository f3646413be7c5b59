// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "widgets/heatmap_view.h"

#include "widgets/theme.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <cmath>

namespace meridian::ui {

namespace {

constexpr int kAxisRight = 72;  // price labels
constexpr int kAxisBottom = 18; // time labels

/// A dark-to-bright ramp (black, deep blue, teal, yellow, white): brightness rises monotonically, so the
/// order reads the same in grey and to colour-blind eyes.
std::vector<QRgb> makePalette()
{
    const QColor stops[] = {QColor(8, 8, 16), QColor(20, 40, 120), QColor(20, 140, 150), QColor(240, 220, 60),
                            QColor(255, 255, 255)};
    std::vector<QRgb> out(256);
    for (int i = 0; i < 256; ++i) {
        const double t = i / 255.0 * 4;
        const int k = std::min(3, static_cast<int>(t));
        const double f = t - k;
        const QColor &a = stops[k], &b = stops[k + 1];
        out[static_cast<std::size_t>(i)] = qRgb(static_cast<int>(a.red() + f * (b.red() - a.red())),
                                                static_cast<int>(a.green() + f * (b.green() - a.green())),
                                                static_cast<int>(a.blue() + f * (b.blue() - a.blue())));
    }
    return out;
}

} // namespace

HeatmapView::HeatmapView(QWidget *parent, int columns, int rows)
    : QWidget(parent),
      m_capacity(std::max(2, columns)),
      m_rows(std::max(2, rows)),
      m_image(m_capacity, m_rows, QImage::Format_RGB32),
      m_palette(makePalette())
{
    setObjectName(QStringLiteral("heatmap"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 120);
    m_image.fill(m_palette.front());
}

void HeatmapView::setPriceStep(double step)
{
    if (!(step > 0) || step == m_step)
        return;
    m_step = step;
    m_ranged = false;
    if (!m_columns.empty()) {
        const HeatmapColumn &last = m_columns.back();
        if (last.bestBid > 0 && last.bestAsk > 0)
            recentre((last.bestBid + last.bestAsk) / 2);
    }
    update();
}

void HeatmapView::clear()
{
    m_columns.clear();
    m_next = 0;
    m_ranged = false;
    m_scale = 1;
    m_image.fill(m_palette.front());
    update();
}

void HeatmapView::push(HeatmapColumn column)
{
    if (!(m_step > 0))
        m_step = 0.01;
    double largest = 0;
    for (const auto &[price, quantity] : column.levels)
        largest = std::max(largest, quantity);
    // Full brightness follows the largest resting quantity, and slowly forgets it.
    m_scale = std::max({m_scale * 0.995, largest, 1e-12});
    if (m_columns.size() == static_cast<std::size_t>(m_capacity))
        m_columns.pop_front();
    m_columns.push_back(std::move(column));
    const HeatmapColumn &added = m_columns.back();
    const bool quoted = added.bestBid > 0 && added.bestAsk > 0;
    const double mid = quoted ? (added.bestBid + added.bestAsk) / 2 : 0;
    const auto midRow = static_cast<std::int64_t>(std::llround(mid / m_step)) - m_lowRow;
    const int slot = m_next;
    m_next = (m_next + 1) % m_capacity;
    if (quoted && (!m_ranged || midRow < m_rows / 4 || midRow > m_rows * 3 / 4))
        recentre(mid); // draws every kept column, this one included
    else
        drawColumn(slot, added);
    update();
}

void HeatmapView::recentre(double mid)
{
    m_lowRow = static_cast<std::int64_t>(std::llround(mid / m_step)) - m_rows / 2;
    m_ranged = true;
    const int size = static_cast<int>(m_columns.size());
    for (int i = 0; i < size; ++i)
        drawColumn(((m_next - size + i) % m_capacity + m_capacity) % m_capacity,
                   m_columns[static_cast<std::size_t>(i)]);
}

void HeatmapView::drawColumn(int slot, const HeatmapColumn &column)
{
    const QRgb background = m_palette.front();
    for (int y = 0; y < m_rows; ++y)
        reinterpret_cast<QRgb *>(m_image.scanLine(y))[slot] = background;
    // Brightness on a log scale over three decades below the largest quantity: a level a thousandth of the
    // largest still shows, and sizes a factor of ten apart differ by a third of the ramp.
    const double floor = m_scale / 1000;
    const double norm = std::log1p(m_scale / floor);
    for (const auto &[price, quantity] : column.levels) {
        const std::int64_t row = static_cast<std::int64_t>(std::llround(price / m_step)) - m_lowRow;
        if (row < 0 || row >= m_rows || quantity <= 0)
            continue;
        const int index = std::clamp(static_cast<int>(255 * std::log1p(quantity / floor) / norm), 1, 255);
        QRgb &pixel = reinterpret_cast<QRgb *>(m_image.scanLine(m_rows - 1 - static_cast<int>(row)))[slot];
        pixel = std::max(pixel, m_palette[static_cast<std::size_t>(index)]); // two levels in one row: the brighter
    }
}

const QPixmap &HeatmapView::tradeDot(int radius)
{
    auto &dot = m_dots[static_cast<std::size_t>(radius)];
    if (dot.isNull()) {
        dot = QPixmap(2 * radius + 3, 2 * radius + 3);
        dot.fill(Qt::transparent);
        QPainter painter(&dot);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(QColor(255, 255, 255, 210), 1));
        painter.setBrush(QColor(255, 255, 255, 70));
        painter.drawEllipse(QPointF(radius + 1.5, radius + 1.5), radius, radius);
    }
    return dot;
}

QColor HeatmapView::cellColour(int column, double price) const
{
    const int size = static_cast<int>(m_columns.size());
    if (column < 0 || column >= size || !(m_step > 0))
        return {};
    const int slot = ((m_next - size + column) % m_capacity + m_capacity) % m_capacity;
    const std::int64_t row = static_cast<std::int64_t>(std::llround(price / m_step)) - m_lowRow;
    if (row < 0 || row >= m_rows)
        return {};
    return QColor(m_image.pixel(slot, m_rows - 1 - static_cast<int>(row)));
}

void HeatmapView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QRect plot(0, 0, std::max(1, width() - kAxisRight), std::max(1, height() - kAxisBottom));
    const double columnWidth = static_cast<double>(plot.width()) / m_capacity;

    // The ring, oldest column on the left: [m_next, capacity) then [0, m_next).
    const int tail = m_capacity - m_next;
    const auto x = [&](double column) { return plot.left() + column * columnWidth; };
    p.drawImage(QRectF(x(0), plot.top(), tail * columnWidth, plot.height()), m_image, QRectF(m_next, 0, tail, m_rows));
    if (m_next > 0)
        p.drawImage(QRectF(x(tail), plot.top(), m_next * columnWidth, plot.height()), m_image,
                    QRectF(0, 0, m_next, m_rows));
    if (m_columns.empty() || !m_ranged)
        return;

    const double rowHeight = static_cast<double>(plot.height()) / m_rows;
    const auto y = [&](double price) {
        const double row = price / m_step - static_cast<double>(m_lowRow);
        return plot.bottom() + 1 - (row + 0.5) * rowHeight;
    };
    p.setClipRect(plot);
    const int size = static_cast<int>(m_columns.size());
    const int first = m_capacity - size; // display position of the oldest kept column
    // The best quotes as step lines, with a vertex only where the quote changes, in whole pixels: one-pixel
    // cosmetic lines take the raster engine's line drawer (wider ones the path stroker, several times
    // slower), so each line is drawn twice, a pixel apart.
    QPolygon bids, asks;
    double largestTrade = 0;
    const auto step = [](QPolygon &line, int px, int py) {
        if (line.isEmpty()) {
            line << QPoint(px, py);
        } else if (line.last().y() != py) {
            line << QPoint(px, line.last().y()) << QPoint(px, py);
        }
    };
    for (int i = 0; i < size; ++i) {
        const HeatmapColumn &c = m_columns[static_cast<std::size_t>(i)];
        const int left = static_cast<int>(x(first + i));
        if (c.bestBid > 0)
            step(bids, left, static_cast<int>(y(c.bestBid)));
        if (c.bestAsk > 0)
            step(asks, left, static_cast<int>(y(c.bestAsk)));
        for (const auto &[price, quantity] : c.trades)
            largestTrade = std::max(largestTrade, quantity);
    }
    for (QPolygon *line : {&bids, &asks})
        if (!line->isEmpty())
            *line << QPoint(plot.right(), line->last().y());
    QPen pen(buyColour().lighter(130), 1);
    pen.setCosmetic(true);
    for (QPolygon *line : {&bids, &asks}) {
        pen.setColor(line == &bids ? buyColour().lighter(130) : sellColour().lighter(120));
        p.setPen(pen);
        p.drawPolyline(*line);
        line->translate(0, 1);
        p.drawPolyline(*line);
    }
    // Trades: antialiased circles drawn once per radius and stamped.
    for (int i = 0; i < size; ++i)
        for (const auto &[price, quantity] : m_columns[static_cast<std::size_t>(i)].trades) {
            const int r = std::clamp(
                static_cast<int>(std::lround(1.5 + 6 * std::sqrt(quantity / std::max(largestTrade, 1e-12)))), 1, 8);
            const QPixmap &dot = tradeDot(r);
            p.drawPixmap(QPointF(x(first + i + 0.5) - r - 1, y(price) - r - 1), dot);
        }
    p.setClipping(false);

    // Axes: prices on the right, the oldest and newest times below.
    p.setPen(palette().text().color());
    const int decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(m_step) - 1e-9)));
    for (int k = 0; k <= 4; ++k) {
        const double row = (m_rows - 1) * k / 4.0;
        const double price = (static_cast<double>(m_lowRow) + row) * m_step;
        const int py = std::clamp(static_cast<int>(y(price)), plot.top() + 9, plot.bottom() - 9);
        p.drawText(QRect(plot.right() + 4, py - 9, kAxisRight - 6, 18), Qt::AlignLeft | Qt::AlignVCenter,
                   QLocale().toString(price, 'f', decimals));
    }
    const auto timeText = [](std::int64_t ns) {
        return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000).toString(QStringLiteral("HH:mm:ss"));
    };
    p.drawText(QRect(static_cast<int>(x(first)), plot.bottom() + 2, 120, kAxisBottom - 2), Qt::AlignLeft,
               timeText(m_columns.front().timeNs));
    p.drawText(QRect(plot.right() - 120, plot.bottom() + 2, 120, kAxisBottom - 2), Qt::AlignRight,
               timeText(m_columns.back().timeNs));
}

} // namespace meridian::ui
