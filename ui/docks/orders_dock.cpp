// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "docks/orders_dock.h"

#include "bridge/paper_bridge.h"
#include "models/record_model.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace meridian::ui {

namespace {

constexpr int kCap = 5000;

QString timeText(std::int64_t ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

using Column = RecordModel::Column;

std::vector<Column> orderColumns()
{
    return {{[] { return OrdersDock::tr("Updated"); }},    {[] { return OrdersDock::tr("Order"); }},
            {[] { return OrdersDock::tr("Instrument"); }}, {[] { return OrdersDock::tr("Strategy"); }},
            {[] { return OrdersDock::tr("Side"); }},       {[] { return OrdersDock::tr("Type"); }},
            {[] { return OrdersDock::tr("Price"); }, 2},   {[] { return OrdersDock::tr("Quantity"); }},
            {[] { return OrdersDock::tr("Filled"); }},     {[] { return OrdersDock::tr("Status"); }},
            {[] { return OrdersDock::tr("Reason"); }}};
}

std::vector<Column> fillColumns()
{
    return {{[] { return OrdersDock::tr("Time"); }},       {[] { return OrdersDock::tr("Order"); }},
            {[] { return OrdersDock::tr("Instrument"); }}, {[] { return OrdersDock::tr("Side"); }},
            {[] { return OrdersDock::tr("Price"); }, 2},   {[] { return OrdersDock::tr("Quantity"); }},
            {[] { return OrdersDock::tr("Liquidity"); }}};
}

std::vector<Column> positionColumns()
{
    // Per instrument; the account's equity, PnL, drawdown and exposure are in the Paper Trading dock.
    return {{[] { return OrdersDock::tr("Instrument"); }},
            {[] { return OrdersDock::tr("Position"); }},
            {[] { return OrdersDock::tr("Mid"); }, 2},
            {[] { return OrdersDock::tr("Value"); }, 2}};
}

QString sideName(const std::string &side)
{
    return side == "buy" ? OrdersDock::tr("Buy") : OrdersDock::tr("Sell");
}

} // namespace

OrdersDock::OrdersDock(PaperBridge &bridge, QWidget *parent) : QDockWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("dock.orders"));
    m_tabs = new QTabWidget(this);
    std::vector<Column> columns[TableCount] = {orderColumns(), fillColumns(), positionColumns()};
    for (int t = 0; t < TableCount; ++t) {
        Tab &tab = m_tables[t];
        auto *page = new QWidget(m_tabs);
        auto *layout = new QVBoxLayout(page);
        layout->setContentsMargins(2, 2, 2, 2);
        tab.model = new RecordModel(columns[t], kCap, this);
        tab.proxy = new QSortFilterProxyModel(this);
        tab.proxy->setSourceModel(tab.model);
        tab.proxy->setFilterKeyColumn(-1);
        tab.proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
        tab.proxy->setSortRole(Qt::EditRole);
        tab.filter = new QLineEdit(page);
        tab.filter->setClearButtonEnabled(true);
        tab.view = new QTableView(page);
        tab.view->setModel(tab.proxy);
        tab.view->setSortingEnabled(true);
        tab.view->sortByColumn(0, Qt::DescendingOrder); // newest first
        tab.view->verticalHeader()->hide();
        tab.view->horizontalHeader()->setStretchLastSection(true);
        tab.view->setSelectionBehavior(QAbstractItemView::SelectRows);
        tab.view->setContextMenuPolicy(Qt::CustomContextMenu);
        layout->addWidget(tab.filter);
        layout->addWidget(tab.view);
        m_tabs->addTab(page, QString());
        connect(tab.filter, &QLineEdit::textChanged, tab.proxy, &QSortFilterProxyModel::setFilterFixedString);
        const auto table = static_cast<Table>(t);
        connect(tab.view, &QWidget::customContextMenuRequested, this, [this, table](const QPoint &at) {
            QMenu menu;
            QAction *exportAction = menu.addAction(tr("Export as CSV…"));
            if (menu.exec(m_tables[table].view->viewport()->mapToGlobal(at)) != exportAction)
                return;
            const QString path =
                QFileDialog::getSaveFileName(this, tr("Export as CSV"), QString(), tr("CSV files (*.csv)"));
            QString error;
            if (!path.isEmpty() && !exportCsv(table, path, &error))
                QMessageBox::warning(this, tr("Export as CSV"), error);
        });
    }
    setWidget(m_tabs);
    connect(&m_bridge, &PaperBridge::drained, this, &OrdersDock::refresh);
    retranslate();
}

void OrdersDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void OrdersDock::retranslate()
{
    setWindowTitle(tr("Orders and Fills"));
    m_tabs->setTabText(Orders, tr("Orders"));
    m_tabs->setTabText(Fills, tr("Fills"));
    m_tabs->setTabText(Positions, tr("Positions"));
    const QString names[TableCount] = {tr("Orders"), tr("Fills"), tr("Positions")};
    for (int t = 0; t < TableCount; ++t) {
        const Tab &tab = m_tables[t];
        tab.filter->setPlaceholderText(tr("Filter: any text in a row"));
        tab.filter->setAccessibleName(tr("Filter the %1").arg(names[t]));
        tab.view->setAccessibleName(names[t]);
        tab.model->retranslate();
    }
}

void OrdersDock::refresh()
{
    std::vector<RecordModel::Record> orders, fills;
    for (const runtime::PaperOrder &o : m_bridge.newOrders())
        orders.push_back(
            {text(o.clientOrderId),
             {timeText(o.updatedNs), text(o.clientOrderId), text(o.symbol), text(o.strategy), sideName(o.side),
              text(o.kind), o.price, o.quantity, o.filled, text(o.status), text(o.reason)}});
    for (const runtime::PaperFill &f : m_bridge.newFills())
        fills.push_back({QString(),
                         {timeText(f.timeNs), text(f.clientOrderId), text(f.symbol), sideName(f.side), f.price,
                          f.quantity, f.maker ? tr("maker") : tr("taker")}});
    m_tables[Orders].model->apply(orders);
    m_tables[Fills].model->apply(fills);
    const runtime::PaperSnapshot &s = m_bridge.snapshot();
    if (m_bridge.session()) {
        std::vector<RecordModel::Record> positions;
        for (const runtime::PaperMarket &m : s.markets)
            positions.push_back({text(m.symbol), {text(m.symbol), m.position, m.mid, m.position * m.mid}});
        m_tables[Positions].model->apply(positions);
    }
}

bool OrdersDock::exportCsv(Table table, const QString &path, QString *error) const
{
    const Tab &tab = m_tables[table];
    const auto quoted = [](QString cell) {
        if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n')))
            cell = QLatin1Char('"') + cell.replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
        return cell;
    };
    QString csv;
    QStringList cells;
    for (int c = 0; c < tab.proxy->columnCount(); ++c)
        cells << quoted(tab.proxy->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    csv += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int r = 0; r < tab.proxy->rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < tab.proxy->columnCount(); ++c) {
            const QVariant v = tab.proxy->index(r, c).data(Qt::EditRole);
            cells << quoted(v.typeId() == QMetaType::Double ? QString::number(v.toDouble(), 'g', 15) : v.toString());
        }
        csv += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(csv.toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace meridian::ui
