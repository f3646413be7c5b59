// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "widgets/ladder_view.h"

#include "widgets/theme.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <map>

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

/// One cell of the ladder for screen readers: read live from the view, so a cell stays right as the book
/// moves (and reports itself invalid once its row is gone).
class LadderCell final : public QAccessibleInterface, public QAccessibleTableCellInterface
{
public:
    LadderCell(LadderView *view, int row, int column) : m_view(view), m_row(row), m_column(column) {}

    bool isValid() const override { return m_view && m_row < static_cast<int>(m_view->visibleRows().size()); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_view ? m_view->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_view); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessible::Role role() const override { return QAccessible::Cell; }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.readOnly = true;
        s.invisible = !isValid();
        return s;
    }
    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect r = m_view->cellRect(m_row, m_column);
        return QRect(m_view->mapToGlobal(r.topLeft()), r.size());
    }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid() || (t != QAccessible::Name && t != QAccessible::Value))
            return {};
        const LadderView::Row row = m_view->visibleRows()[static_cast<std::size_t>(m_row)];
        const double values[LadderView::kColumns] = {row.ownBid, row.bid, row.price, row.ask, row.ownAsk, row.traded};
        const QString value = QLocale().toString(values[m_column], 'g', 12);
        if (t == QAccessible::Value)
            return value;
        QString name = LadderView::columnName(m_column) + QLatin1String(": ") + value;
        if (m_column == 2 && row.last)
            name += LadderView::tr(", last trade");
        return name;
    }
    void setText(QAccessible::Text, const QString &) override {}
    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::TableCellInterface ? static_cast<QAccessibleTableCellInterface *>(this) : nullptr;
    }

    bool isSelected() const override { return false; }
    QList<QAccessibleInterface *> columnHeaderCells() const override { return {}; }
    QList<QAccessibleInterface *> rowHeaderCells() const override { return {}; }
    int columnIndex() const override { return m_column; }
    int rowIndex() const override { return m_row; }
    int columnExtent() const override { return 1; }
    int rowExtent() const override { return 1; }
    QAccessibleInterface *table() const override { return parent(); }

private:
    QPointer<LadderView> m_view;
    int m_row, m_column;
};

/// The ladder as a table. Cells are made when first asked for, kept (registered with QAccessible) and
/// deleted with the table.
class LadderAccessible final : public QAccessibleWidget, public QAccessibleTableInterface
{
public:
    explicit LadderAccessible(LadderView *view) : QAccessibleWidget(view, QAccessible::Table) {}
    ~LadderAccessible() override
    {
        for (const auto &[key, id] : m_cells)
            QAccessible::deleteAccessibleInterface(id);
    }

    LadderView *view() const { return static_cast<LadderView *>(widget()); }
    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::TableInterface ? static_cast<QAccessibleTableInterface *>(this)
                                                   : QAccessibleWidget::interface_cast(type);
    }
    QString text(QAccessible::Text t) const override
    {
        if (t == QAccessible::Name && view()->accessibleName().isEmpty())
            return LadderView::tr("Order book ladder");
        return QAccessibleWidget::text(t);
    }
    int childCount() const override { return rowCount() * columnCount(); }
    QAccessibleInterface *child(int index) const override
    {
        return index >= 0 && index < childCount() ? cellAt(index / columnCount(), index % columnCount()) : nullptr;
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        if (auto *cell = const_cast<QAccessibleInterface *>(child)->tableCellInterface())
            return cell->rowIndex() * columnCount() + cell->columnIndex();
        return -1;
    }
    QAccessibleInterface *childAt(int x, int y) const override
    {
        const auto [row, column] = view()->rowAndColumnAt(view()->mapFromGlobal(QPoint(x, y)));
        return row >= 0 ? cellAt(row, column) : nullptr;
    }

    QAccessibleInterface *caption() const override { return nullptr; }
    QAccessibleInterface *summary() const override { return nullptr; }
    QAccessibleInterface *cellAt(int row, int column) const override
    {
        if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
            return nullptr;
        const int key = row * columnCount() + column;
        if (const auto it = m_cells.find(key); it != m_cells.end())
            return QAccessible::accessibleInterface(it->second);
        auto *cell = new LadderCell(view(), row, column);
        m_cells.emplace(key, QAccessible::registerAccessibleInterface(cell));
        return cell;
    }
    int columnCount() const override { return LadderView::kColumns; }
    int rowCount() const override { return static_cast<int>(view()->visibleRows().size()); }
    QString columnDescription(int column) const override { return LadderView::columnName(column); }
    QString rowDescription(int row) const override
    {
        const auto rows = view()->visibleRows();
        return row >= 0 && row < static_cast<int>(rows.size())
                   ? QLocale().toString(rows[static_cast<std::size_t>(row)].price, 'g', 12)
                   : QString();
    }
    int selectedCellCount() const override { return 0; }
    int selectedColumnCount() const override { return 0; }
    int selectedRowCount() const override { return 0; }
    QList<QAccessibleInterface *> selectedCells() const override { return {}; }
    QList<int> selectedColumns() const override { return {}; }
    QList<int> selectedRows() const override { return {}; }
    bool isColumnSelected(int) const override { return false; }
    bool isRowSelected(int) const override { return false; }
    bool selectRow(int) override { return false; }
    bool selectColumn(int) override { return false; }
    bool unselectRow(int) override { return false; }
    bool unselectColumn(int) override { return false; }
    void modelChange(QAccessibleTableModelChangeEvent *) override {}

private:
    mutable std::map<int, QAccessible::Id> m_cells;
};

QAccessibleInterface *ladderAccessibleFactory(const QString &key, QObject *object)
{
    if (key == QLatin1String(LadderView::staticMetaObject.className()))
        if (auto *view = qobject_cast<LadderView *>(object))
            return new LadderAccessible(view);
    return nullptr;
}

} // namespace

LadderView::LadderView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("ladder"));
    static const bool factoryInstalled = [] {
        QAccessible::installFactory(ladderAccessibleFactory);
        return true;
    }();
    Q_UNUSED(factoryInstalled);
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
    for (int c = 0; c < kColumns; ++c)
        p.drawText(cell(c, 0).adjusted(4, 0, -4, 0), Qt::AlignCenter, columnTitle(c));
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

QRect LadderView::cellRect(int row, int column) const
{
    const int h = rowHeight();
    const auto x = [this](int c) { return static_cast<int>(kEdges[c] * width()); }; // as paintEvent() places them
    return QRect(x(column), (row + 1) * h, x(column + 1) - x(column), h);
}

QString LadderView::columnTitle(int column)
{
    const QString titles[kColumns] = {tr("Mine"), tr("Bid"), tr("Price"), tr("Ask"), tr("Mine"), tr("Traded")};
    return column >= 0 && column < kColumns ? titles[column] : QString();
}

QString LadderView::columnName(int column)
{
    const QString names[kColumns] = {tr("Our bids"), tr("Bid size"), tr("Price"),
                                     tr("Ask size"), tr("Our asks"), tr("Traded volume")};
    return column >= 0 && column < kColumns ? names[column] : QString();
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
