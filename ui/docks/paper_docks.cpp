// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "docks/paper_docks.h"

#include "bridge/paper_bridge.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

namespace meridian::ui {

namespace {

// What an alert's list item keeps besides its text.
constexpr int kAlertIdRole = Qt::UserRole;            // risk_alerts.alert_id (0: not journalled)
constexpr int kAcknowledgedRole = Qt::UserRole + 1;   // bool
constexpr int kAcknowledgedAtRole = Qt::UserRole + 2; // when, as the trader's clock read it
constexpr int kCriticalRole = Qt::UserRole + 3;       // bool

QString timeText(std::int64_t ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

} // namespace

QString tradingStateText(risk::TradingState state)
{
    switch (state) {
    case risk::TradingState::Active:
        return PaperDock::tr("ACTIVE");
    case risk::TradingState::Reducing:
        return PaperDock::tr("REDUCING");
    case risk::TradingState::Halted:
        return PaperDock::tr("HALTED");
    }
    return {};
}

namespace {

QString stateStyle(risk::TradingState state)
{
    const char *colour = state == risk::TradingState::Active     ? "#2e7d32"
                         : state == risk::TradingState::Reducing ? "#ef6c00"
                                                                 : "#c62828";
    return QStringLiteral("QLabel { color: white; background: %1; padding: 2px 8px; border-radius: 3px; "
                          "font-weight: bold; }")
        .arg(QLatin1String(colour));
}

} // namespace

// ---- PaperDock ----

PaperDock::PaperDock(PaperBridge &bridge, QWidget *parent) : QDockWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("dock.paper"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    m_heading = new QLabel(body);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);

    auto *controls = new QHBoxLayout;
    m_state = new QLabel(body);
    m_state->setObjectName(QStringLiteral("paper.state"));
    m_killSwitch = new QPushButton(body);
    m_killSwitch->setObjectName(QStringLiteral("paper.killSwitch"));
    m_speed = new QComboBox(body);
    m_speed->setObjectName(QStringLiteral("paper.speed"));
    for (const double speed : {1.0, 10.0, 100.0, 0.0})
        m_speed->addItem(QString(), speed);
    controls->addWidget(m_state);
    controls->addWidget(m_killSwitch);
    controls->addStretch(1);
    controls->addWidget(m_speed);
    layout->addLayout(controls);

    auto *form = new QFormLayout;
    for (QLabel **value : {&m_market, &m_clock, &m_position, &m_equity, &m_orders, &m_signals}) {
        *value = new QLabel(body);
        (*value)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *key = new QLabel(body);
        m_keys.append(key);
        form->addRow(key, *value);
    }
    layout->addLayout(form);
    m_note = new QLabel(body);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    m_variables = new QTableWidget(0, 2, body);
    m_variables->setObjectName(QStringLiteral("paper.variables"));
    m_variables->verticalHeader()->hide();
    m_variables->horizontalHeader()->setStretchLastSection(true);
    m_variables->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_variables, 1);
    setWidget(body);

    connect(m_killSwitch, &QPushButton::clicked, this, [this] {
        runtime::PaperSession *session = m_bridge.session();
        if (!session)
            return;
        if (m_bridge.snapshot().state == risk::TradingState::Halted)
            session->requestTradingState(risk::TradingState::Active, "released from the workstation");
        else
            session->requestTradingState(risk::TradingState::Halted, "kill switch in the workstation");
    });
    connect(m_speed, &QComboBox::activated, this, [this](int index) {
        if (runtime::PaperSession *session = m_bridge.session())
            session->setSpeed(m_speed->itemData(index).toDouble());
    });
    connect(&m_bridge, &PaperBridge::drained, this, &PaperDock::refresh);
    retranslate();
}

void PaperDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void PaperDock::retranslate()
{
    setWindowTitle(tr("Paper Trading"));
    const QStringList keys = {tr("Market"), tr("Clock"), tr("Position"), tr("Equity"), tr("Orders"), tr("Signals")};
    for (int i = 0; i < m_keys.size(); ++i)
        m_keys[i]->setText(keys.value(i));
    m_speed->setItemText(0, tr("1× (real time)"));
    m_speed->setItemText(1, tr("10×"));
    m_speed->setItemText(2, tr("100×"));
    m_speed->setItemText(3, tr("As fast as possible"));
    m_variables->setHorizontalHeaderLabels({tr("Live variable"), tr("Value")});
    m_variables->setAccessibleName(tr("The strategy's live variables"));
    m_speed->setAccessibleName(tr("Simulation speed"));
    m_killSwitch->setAccessibleName(tr("Kill switch: halt or resume trading"));
    if (m_killSwitch->text().isEmpty())
        m_killSwitch->setText(tr("Halt trading"));
    refresh();
}

void PaperDock::refresh()
{
    const runtime::PaperSnapshot &s = m_bridge.snapshot();
    if (!m_bridge.session()) {
        m_heading->setText(tr("No paper session is running."));
        m_killSwitch->setEnabled(false);
        m_speed->setEnabled(false);
        return;
    }
    m_heading->setText(tr("%1 · session %2").arg(QString::fromStdString(s.symbol), QString::fromStdString(s.session)));
    m_state->setText(tradingStateText(s.state));
    m_state->setStyleSheet(stateStyle(s.state));
    m_killSwitch->setText(s.state == risk::TradingState::Halted ? tr("Resume trading") : tr("Halt trading"));
    m_killSwitch->setEnabled(!s.finished);
    m_speed->setEnabled(!s.finished);
    const int speedIndex = m_speed->findData(s.speed);
    if (speedIndex >= 0 && !m_speed->view()->isVisible())
        m_speed->setCurrentIndex(speedIndex);
    m_market->setText(tr("bid %1 · ask %2 · last %3 · %4 market trades")
                          .arg(number(s.bid, 2), number(s.ask, 2), number(s.last, 2))
                          .arg(s.marketTrades));
    m_clock->setText(
        tr("%1 (%2 s simulated)").arg(timeText(s.timeNs)).arg(number(static_cast<double>(s.elapsedNs) / 1e9, 1)));
    m_position->setText(number(s.position, 3));
    m_equity->setText(
        tr("%1 (PnL %2, drawdown %3%)").arg(number(s.equity, 2), number(s.pnl, 2), number(s.drawdown * 100, 2)));
    m_orders->setText(
        tr("%1 sent · %2 refused by risk · %3 fills").arg(s.ordersSubmitted).arg(s.ordersRefused).arg(s.fills));
    m_signals->setText(
        tr("%1 published · %2 blocked · %3 risk alerts").arg(s.signalsPublished).arg(s.signalsBlocked).arg(s.alerts));
    QStringList notes;
    if (!s.lastRefusal.empty())
        notes << tr("Last refusal: %1").arg(QString::fromStdString(s.lastRefusal));
    if (!s.strategyError.empty())
        notes << tr("The strategy stopped: %1").arg(QString::fromStdString(s.strategyError));
    if (!s.failure.empty())
        notes << tr("The session stopped: %1").arg(QString::fromStdString(s.failure));
    else if (s.finished)
        notes << tr("The session has ended.");
    m_note->setText(notes.join(QLatin1Char('\n')));
    m_note->setVisible(!notes.isEmpty());
    // The first strategy's variables (the Strategies dock shows each instance's).
    static const std::vector<std::pair<std::string, double>> none;
    const auto &variables = s.strategies.empty() ? none : s.strategies.front().variables;
    const bool newRows = m_variables->rowCount() != static_cast<int>(variables.size());
    m_variables->setRowCount(static_cast<int>(variables.size()));
    for (int row = 0; row < static_cast<int>(variables.size()); ++row) {
        const auto &[name, value] = variables[static_cast<std::size_t>(row)];
        for (int column = 0; column < 2; ++column) {
            QTableWidgetItem *item = m_variables->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_variables->setItem(row, column, item);
            }
            item->setText(column == 0 ? QString::fromStdString(name) : QString::number(value, 'g', 8));
        }
    }
    if (newRows) // names fit whole; only when the set changes, never per update
        m_variables->resizeColumnToContents(0);
}

// ---- SignalModel ----

int SignalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SignalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SignalModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size()))
        return {};
    const signal::Opportunity &o = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() != Sources && index.column() != Reason &&
        index.column() != Instrument)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole && index.column() == Direction)
        return static_cast<int>(o.direction); // what the direction filter compares
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return timeText(o.updatedNs);
    case Instrument: {
        const auto symbol = m_symbols.find(o.instrument);
        return symbol == m_symbols.end() ? QString::number(o.instrument) : symbol->second;
    }
    case Direction:
        return o.direction == signal::Direction::Long ? tr("Long") : tr("Short");
    case Strength:
        return QString::number(o.strength, 'f', 2);
    case Confidence:
        return QString::number(o.confidence, 'f', 2);
    case Sources: {
        QStringList sources;
        for (const std::string &s : o.sources)
            sources << QString::fromStdString(s);
        return sources.join(QStringLiteral(", "));
    }
    case Reason:
        return QString::fromStdString(o.reason);
    case Latency:
        return QString::number(static_cast<double>(o.stages.published - o.stages.received) / 1e3, 'f', 1);
    default:
        return {};
    }
}

QVariant SignalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Instrument:
        return tr("Instrument");
    case Direction:
        return tr("Direction");
    case Strength:
        return tr("Strength");
    case Confidence:
        return tr("Confidence");
    case Sources:
        return tr("Sources");
    case Reason:
        return tr("Reason");
    case Latency:
        return tr("Latency (µs)");
    default:
        return {};
    }
}

void SignalModel::add(const std::vector<signal::Opportunity> &batch)
{
    if (batch.empty())
        return;
    // One reset per batch: a drain brings many at once and the view lays out only its visible rows.
    beginResetModel();
    for (const signal::Opportunity &o : batch)
        m_rows.push_front(o);
    while (m_rows.size() > kMaxRows)
        m_rows.pop_back();
    endResetModel();
}

// ---- SignalDock ----

/// The signal stream's filters: the text (any column, as QSortFilterProxyModel does it) and a direction.
class SignalFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setDirection(std::optional<signal::Direction> direction)
    {
        m_direction = direction;
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_direction && sourceModel()->index(row, SignalModel::Direction, parent).data(Qt::UserRole).toInt() !=
                               static_cast<int>(*m_direction))
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    std::optional<signal::Direction> m_direction;
};

SignalDock::SignalDock(PaperBridge &bridge, QWidget *parent) : QDockWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("dock.signals"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    auto *bar = new QHBoxLayout;
    m_pause = new QCheckBox(body);
    m_direction = new QComboBox(body);
    m_direction->setObjectName(QStringLiteral("signals.direction"));
    m_direction->addItems({QString(), QString(), QString()});
    m_text = new QLineEdit(body);
    m_text->setObjectName(QStringLiteral("signals.filter"));
    m_text->setClearButtonEnabled(true);
    m_count = new QLabel(body);
    bar->addWidget(m_pause);
    bar->addWidget(m_direction);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_count);
    layout->addLayout(bar);
    m_model = new SignalModel(this);
    m_filter = new SignalFilter(this);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView(body);
    m_view->setModel(m_filter);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Fixed widths: resizing columns to their contents on every update would cost more than the data.
    const int widths[] = {100, 90, 70, 70, 80, 220, 360, 90};
    for (int c = 0; c < SignalModel::ColumnCount; ++c)
        m_view->setColumnWidth(c, widths[c]);
    m_view->setColumnHidden(SignalModel::Latency, false);
    layout->addWidget(m_view);
    setWidget(body);

    connect(m_direction, &QComboBox::activated, this, &SignalDock::setDirectionFilter);
    connect(m_text, &QLineEdit::textChanged, this, &SignalDock::setTextFilter);
    connect(&m_bridge, &PaperBridge::drained, this, [this] {
        if (m_bridge.snapshot().markets.size() != m_symbolCount) {
            std::map<InstrumentId, QString> symbols;
            for (const runtime::PaperMarket &m : m_bridge.snapshot().markets)
                symbols[m.id] = QString::fromStdString(m.symbol);
            m_symbolCount = m_bridge.snapshot().markets.size();
            m_model->setSymbols(std::move(symbols));
        }
        const auto &batch = m_bridge.newSignals();
        m_total += batch.size();
        if (m_pause->isChecked()) {
            m_held.insert(m_held.end(), batch.begin(), batch.end());
            if (m_held.size() > static_cast<std::size_t>(SignalModel::kMaxRows))
                m_held.erase(m_held.begin(), m_held.end() - SignalModel::kMaxRows);
        } else {
            m_model->add(batch);
        }
        retranslate();
    });
    connect(m_pause, &QCheckBox::toggled, this, [this](bool paused) {
        if (!paused) {
            m_model->add(m_held);
            m_held.clear();
        }
    });
    retranslate();
}

void SignalDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_model->retranslate();
    }
    QDockWidget::changeEvent(event);
}

void SignalDock::setDirectionFilter(int which)
{
    m_direction->setCurrentIndex(which);
    static_cast<SignalFilter *>(m_filter)->setDirection(which == 1   ? std::optional(signal::Direction::Long)
                                                        : which == 2 ? std::optional(signal::Direction::Short)
                                                                     : std::nullopt);
}

void SignalDock::setTextFilter(const QString &text)
{
    if (m_text->text() != text)
        m_text->setText(text);
    m_filter->setFilterFixedString(text);
}

void SignalDock::retranslate()
{
    setWindowTitle(tr("Signals"));
    m_pause->setText(tr("Pause"));
    m_direction->setItemText(0, tr("Both directions"));
    m_direction->setItemText(1, tr("Long only"));
    m_direction->setItemText(2, tr("Short only"));
    m_direction->setAccessibleName(tr("Direction of the signals shown"));
    m_text->setPlaceholderText(tr("Filter: instrument, strategy, reason…"));
    m_text->setAccessibleName(tr("Filter the signals by any text in a row"));
    m_view->setAccessibleName(tr("Signal stream, newest first"));
    m_count->setText(m_pause->isChecked() ? tr("%1 signals, %2 held while paused").arg(m_total).arg(m_held.size())
                                          : tr("%1 signals").arg(m_total));
}

// ---- AlertDock ----

AlertDock::AlertDock(PaperBridge &bridge, QWidget *parent) : QDockWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("dock.risk"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    m_summary = new QLabel(body);
    m_list = new QListWidget(body);
    m_list->setObjectName(QStringLiteral("risk.alerts"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    m_acknowledge = new QPushButton(body);
    m_acknowledge->setObjectName(QStringLiteral("risk.acknowledge"));
    m_acknowledgeAll = new QPushButton(body);
    m_acknowledgeAll->setObjectName(QStringLiteral("risk.acknowledgeAll"));
    top->addWidget(m_acknowledge);
    top->addWidget(m_acknowledgeAll);
    layout->addLayout(top);
    layout->addWidget(m_list);
    setWidget(body);
    connect(m_acknowledge, &QPushButton::clicked, this, &AlertDock::acknowledgeSelected);
    connect(m_acknowledgeAll, &QPushButton::clicked, this, &AlertDock::acknowledgeAll);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { acknowledge({item}); });
    connect(&m_bridge, &PaperBridge::drained, this, [this] {
        for (const risk::Alert &a : m_bridge.newAlerts()) {
            const QString level = a.level == risk::AlertLevel::Critical  ? tr("critical")
                                  : a.level == risk::AlertLevel::Warning ? tr("warning")
                                                                         : tr("info");
            auto *item = new QListWidgetItem(
                tr("%1  [%2]  %3").arg(timeText(a.timeNs), level, QString::fromStdString(a.message)));
            item->setData(kAlertIdRole, QVariant::fromValue<qint64>(a.id));
            item->setData(kAcknowledgedRole, false);
            item->setData(kCriticalRole, a.level == risk::AlertLevel::Critical);
            if (a.level == risk::AlertLevel::Critical) {
                item->setForeground(QColor(0xc6, 0x28, 0x28));
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
                ++m_critical;
            } else if (a.level == risk::AlertLevel::Warning) {
                item->setForeground(QColor(0xef, 0x6c, 0x00));
            }
            m_list->insertItem(0, item);
        }
        while (m_list->count() > 1000)
            delete m_list->takeItem(m_list->count() - 1);
        if (!m_bridge.newAlerts().empty())
            updateSummary();
        const risk::Alert *critical = nullptr;
        for (const risk::Alert &a : m_bridge.newAlerts())
            if (a.level == risk::AlertLevel::Critical)
                critical = &a;
        if (critical)
            raiseCritical(*critical);
    });
    retranslate();
}

void AlertDock::raiseCritical(const risk::Alert &alert)
{
    // Seen and heard at once: the dock comes to the front, the system bell rings, and one non-modal popup
    // (reused, so a burst of alerts does not stack windows) says what happened.
    show();
    raise();
    QApplication::beep();
    if (!m_popup) {
        m_popup = new QMessageBox(QMessageBox::Critical, QString(), QString(), QMessageBox::NoButton, window());
        m_popup->setObjectName(QStringLiteral("risk.criticalPopup"));
        m_popup->setWindowModality(Qt::NonModal);
        auto *later = m_popup->addButton(QString(), QMessageBox::RejectRole);
        later->setObjectName(QStringLiteral("risk.popupClose"));
        auto *seen = m_popup->addButton(QString(), QMessageBox::AcceptRole);
        seen->setObjectName(QStringLiteral("risk.popupAcknowledge"));
        connect(m_popup, &QMessageBox::accepted, this, [this] {
            QList<QListWidgetItem *> critical;
            for (int i = 0; i < m_list->count(); ++i)
                if (m_list->item(i)->data(kCriticalRole).toBool())
                    critical << m_list->item(i);
            acknowledge(critical);
        });
    }
    m_popup->setWindowTitle(tr("Critical risk alert"));
    m_popup->findChild<QAbstractButton *>(QStringLiteral("risk.popupClose"))->setText(tr("Close"));
    m_popup->findChild<QAbstractButton *>(QStringLiteral("risk.popupAcknowledge"))->setText(tr("Acknowledge"));
    m_popup->setText(tr("%1\n\nTrading state: %2")
                         .arg(QString::fromStdString(alert.message), tradingStateText(m_bridge.snapshot().state)));
    m_popup->show();
    m_popup->raise();
}

int AlertDock::alertCount() const
{
    return m_list->count();
}

int AlertDock::unacknowledgedCount() const
{
    int n = 0;
    for (int i = 0; i < m_list->count(); ++i)
        n += m_list->item(i)->data(kAcknowledgedRole).toBool() ? 0 : 1;
    return n;
}

void AlertDock::acknowledgeSelected()
{
    acknowledge(m_list->selectedItems());
}

void AlertDock::acknowledgeAll()
{
    QList<QListWidgetItem *> all;
    for (int i = 0; i < m_list->count(); ++i)
        all << m_list->item(i);
    acknowledge(all);
}

void AlertDock::acknowledge(const QList<QListWidgetItem *> &items)
{
    runtime::PaperSession *session = m_bridge.session();
    const QString at = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    for (QListWidgetItem *item : items) {
        if (!item || item->data(kAcknowledgedRole).toBool())
            continue;
        item->setData(kAcknowledgedRole, true);
        item->setData(kAcknowledgedAtRole, at);
        if (const qint64 id = item->data(kAlertIdRole).toLongLong(); session && id > 0)
            session->acknowledgeAlert(id);
        showAcknowledged(item);
    }
    updateSummary();
}

void AlertDock::showAcknowledged(QListWidgetItem *item)
{
    // Seen: no longer bold, and greyed, with when it was acknowledged.
    QFont f = item->font();
    f.setBold(false);
    item->setFont(f);
    QColor c = item->foreground().color();
    c.setAlpha(140);
    item->setForeground(c);
    item->setToolTip(tr("Acknowledged at %1").arg(item->data(kAcknowledgedAtRole).toString()));
}

void AlertDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void AlertDock::retranslate()
{
    setWindowTitle(tr("Risk Alerts"));
    m_list->setAccessibleName(tr("Risk alerts, newest first"));
    m_acknowledge->setText(tr("Acknowledge"));
    m_acknowledge->setToolTip(tr("Mark the selected alerts as seen (double-click or Enter on one does the same)"));
    m_acknowledgeAll->setText(tr("Acknowledge all"));
    // The acknowledged items' tooltips are in the language too.
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(kAcknowledgedRole).toBool())
            showAcknowledged(m_list->item(i));
    updateSummary();
}

void AlertDock::updateSummary()
{
    const int open = unacknowledgedCount();
    m_summary->setText(
        m_list->count() == 0
            ? tr("No risk alert so far.")
            : tr("%1 alerts, %2 critical, %3 not acknowledged").arg(m_list->count()).arg(m_critical).arg(open));
    m_acknowledge->setEnabled(open > 0);
    m_acknowledgeAll->setEnabled(open > 0);
}

} // namespace meridian::ui
