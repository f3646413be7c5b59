// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <string>

namespace meridian::app {

/// `meridian-cli calibrate`: fits the simulator to a symbol's data (a LOBSTER file, its imported order-book
/// messages, or its imported bars) and stores the result as the symbol's active calibration for a scenario.
class CalibrateCommand
{
    Q_DECLARE_TR_FUNCTIONS(CalibrateCommand)
public:
    using Writer = std::function<void(const QString &)>;
    CalibrateCommand(Writer out, Writer err) : m_out(std::move(out)), m_err(std::move(err)) {}
    /// Returns the process exit code: 0 done, 1 failed, 2 bad usage or input.
    int run(const QStringList &arguments);
    static QString summary();

private:
    /// --list and --activate.
    int manage(bool listing, const QString &activateId, const std::string &symbol, const QString &databasePath,
               bool asJson);
    Writer m_out, m_err;
};

} // namespace meridian::app
