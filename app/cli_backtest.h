// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace meridian::app {

/// `meridian-cli backtest` and `meridian-cli optimize`: a strategy plugin over bars imported into the
/// database, once or across a parameter search.
class BacktestCommand
{
    Q_DECLARE_TR_FUNCTIONS(BacktestCommand)
public:
    using Writer = std::function<void(const QString &)>;
    BacktestCommand(Writer out, Writer err) : m_out(std::move(out)), m_err(std::move(err)) {}
    /// Returns the process exit code: 0 done, 1 failed, 2 bad usage or input.
    int backtest(const QStringList &arguments);
    int optimize(const QStringList &arguments);
    static QString backtestSummary();
    static QString optimizeSummary();

private:
    Writer m_out, m_err;
};

} // namespace meridian::app
