// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QImage>
#include <QPixmap>
#include <QWidget>

#include <array>
#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

namespace meridian::ui {

/// One moment of the book for the heatmap: resting quantity by price, the best quotes and the trades since
/// the previous column.
struct HeatmapColumn
{
    std::int64_t timeNs = 0;
    std::vector<std::pair<double, double>> levels; // price, quantity (both sides)
    double bestBid = 0, bestAsk = 0;
    std::vector<std::pair<double, double>> trades; // price, quantity
};

/// Resting liquidity over time: one pixel column per HeatmapColumn (newest on the right), one pixel row per
/// price step, brighter where more rests; the best bid and ask as lines, trades as dots sized by volume.
///
/// The pixels live in a ring-buffer QImage: a new column writes only its own pixels (a colour map that
/// recolours its whole image per change costs about five times as much at 1,200 × 400). The price range
/// follows the mid: when the mid leaves the middle half of the range, the range is re-centred and the kept
/// columns are drawn again from their data. Bounded: at most `columns` columns are kept.
///
/// Thread: GUI.
class HeatmapView final : public QWidget
{
    Q_OBJECT
public:
    explicit HeatmapView(QWidget *parent = nullptr, int columns = 1200, int rows = 400);

    /// The price of one pixel row (a positive multiple of the instrument's tick).
    void setPriceStep(double step);
    double priceStep() const { return m_step; }
    void push(HeatmapColumn column);
    void clear();

    int columnCount() const { return static_cast<int>(m_columns.size()); }
    int capacity() const { return m_capacity; }
    /// The price of the lowest pixel row.
    double lowPrice() const { return static_cast<double>(m_lowRow) * m_step; }
    int rows() const { return m_rows; }
    /// The colour of the cell of column (0 = oldest kept) and price, for tests.
    QColor cellColour(int column, double price) const;

    QSize sizeHint() const override { return {600, 320}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void drawColumn(int slot, const HeatmapColumn &column);
    const QPixmap &tradeDot(int radius);
    void recentre(double mid);

    int m_capacity, m_rows;
    double m_step = 0;
    std::int64_t m_lowRow = 0; // price / step of the image's bottom row
    bool m_ranged = false;
    QImage m_image;                      // m_capacity × m_rows, column slot = ring position
    std::deque<HeatmapColumn> m_columns; // oldest first
    int m_next = 0;                      // the slot the next column takes
    double m_scale = 1;                  // quantity that paints at full brightness (the largest seen, decaying)
    std::vector<QRgb> m_palette;         // 256 colours, dark to bright
    std::array<QPixmap, 9> m_dots;       // a trade's circle by radius
};

} // namespace meridian::ui
