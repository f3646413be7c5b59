// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QObject>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;

namespace meridian::ui {

/// The workstation's link groups: views in the same group show the same instrument, so choosing a symbol
/// in one moves the others. Group 0 is "unlinked"; groups 1 to kGroups are A, B, C, each with a colour
/// and its letter (the letter says it without the colour).
///
/// Thread: GUI. One per main window.
class InstrumentLinks final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kGroups = 3;
    using QObject::QObject;
    /// A view of group chose symbol: the group's other views follow (nothing for group 0).
    void announce(int group, const QString &symbol, const QObject *from);

signals:
    void changed(int group, const QString &symbol, const QObject *from);
};

/// The bar on top of a view that shows one instrument: the instrument (one of the session's) and the link
/// group. The user's choice of instrument goes to the group; the group's choices come back here.
///
/// Thread: GUI.
class InstrumentBar final : public QWidget
{
    Q_OBJECT
public:
    explicit InstrumentBar(QWidget *parent = nullptr);
    /// Joins the window's link groups (not owned; may be null: unlinked whatever the group says).
    void setLinks(InstrumentLinks *links);
    /// The instruments to choose from (the session's); the current one stays when it is among them, else
    /// the first is chosen.
    void setSymbols(const QStringList &symbols);
    QString symbol() const { return m_symbol; }
    /// Shows symbol (added to the list if it is not there yet, as a workspace restores it before the
    /// session's instruments are known). Emits symbolChanged when it changed; tells the group when `announce`.
    void setSymbol(const QString &symbol, bool announce = false);
    int group() const { return m_group; }
    void setGroup(int group);

signals:
    void symbolChanged(const QString &symbol);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    InstrumentLinks *m_links = nullptr;
    QComboBox *m_symbols = nullptr;
    QComboBox *m_groups = nullptr;
    QLabel *m_label = nullptr;
    QString m_symbol;
    int m_group = 1;
};

} // namespace meridian::ui
