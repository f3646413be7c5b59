// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QWidget>

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace meridian::ui {

/// What a ladder shows: the book's levels (best first), the strategy's own resting quantity at each, the
/// last trade and the volume traded at each price.
struct LadderData
{
    struct Level
    {
        double price = 0, quantity = 0, own = 0;
    };
    std::vector<Level> bids, asks;
    double tick = 0.01;
    double last = 0;
    std::vector<std::pair<double, double>> traded; // price, quantity
};

/// The order book as a price ladder (DOM), painted by hand: one row per price step (the tick times the
/// grouping), columns own bids · bid size · price · ask size · own asks · traded volume, with size bars
/// scaled to the largest visible size, and the last trade marked. It keeps the mid centred until the user
/// scrolls (wheel or arrow keys); centre() or the C key brings it back. Painting costs the rows on screen,
/// whatever the depth of the data (a custom paint is about three times cheaper than a QTableView here).
/// Click-to-trade: a click in the bid column asks to buy at that row's price, in the ask column to sell; a
/// click in an own-orders column (or a right click) asks to cancel our orders there. The ladder only asks
/// (signals); the owner confirms and sends.
///
/// Screen readers see it as a table (QAccessibleTableInterface): a row per visible price, a cell per column,
/// each read with its column's name.
///
/// Thread: GUI.
class LadderView final : public QWidget
{
    Q_OBJECT
public:
    explicit LadderView(QWidget *parent = nullptr);

    void setData(LadderData next);
    /// Ticks per row; 0 chooses the smallest of 1, 2, 5, 10, 20, 50 … that shows ten levels a side.
    void setGrouping(int ticks);
    int grouping() const { return m_grouping; }
    /// The ticks per row in use (the automatic choice when grouping() is 0).
    std::int64_t step() const { return m_step; }
    void centre();
    bool centred() const { return m_centred; }
    QSize sizeHint() const override;

    /// Rows on screen and the quantities in them, for tests and screen readers.
    struct Row
    {
        double price = 0, bid = 0, ask = 0, ownBid = 0, ownAsk = 0, traded = 0;
        bool last = false;
    };
    std::vector<Row> visibleRows() const;
    /// The row at a point of the widget (-1 for the header or below the last row) and its column (0 own
    /// bids, 1 bid, 2 price, 3 ask, 4 own asks, 5 traded).
    std::pair<int, int> rowAndColumnAt(QPoint point) const;
    /// Where a visible row's cell is painted (widget coordinates); the header is row -1.
    QRect cellRect(int row, int column) const;
    /// A column's title, as in the header, and its full name (for screen readers).
    static QString columnTitle(int column);
    static QString columnName(int column);
    static constexpr int kColumns = 6;

signals:
    /// Click-to-trade: a click in the bid column asks to buy at the row's price, in the ask column to sell.
    void orderRequested(bool buy, double price);
    /// A click in an own-orders column, or a right click on a row: cancel our orders at the row's price.
    void cancelRequested(double price);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Bucket
    {
        double bid = 0, ask = 0, ownBid = 0, ownAsk = 0, traded = 0;
    };
    void rebucket();
    int rowHeight() const;
    int rowCount() const;
    std::int64_t topBucket() const;

    LadderData m_data;
    int m_grouping = 0;
    std::int64_t m_step = 1;               // ticks per row
    std::map<std::int64_t, Bucket> m_rows; // by bucket (price in ticks / step)
    std::int64_t m_centreBucket = 0;
    std::int64_t m_lastBucket = 0;
    std::int64_t m_offset = 0; // rows scrolled away from the centre
    bool m_centred = true;
    bool m_hasLast = false;
};

} // namespace meridian::ui
