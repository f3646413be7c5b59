// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace meridian::app {

/// `meridian-cli import`: bar files (Binance klines, OHLCV CSV) into the database, with a quality report.
class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)
public:
    using Writer = std::function<void(const QString &)>;
    ImportCommand(Writer out, Writer err) : m_out(std::move(out)), m_err(std::move(err)) {}
    /// Returns the process exit code: 0 all imported, 1 a file failed, 2 bad usage or a refused file.
    int run(const QStringList &arguments);
    static QString summary();

private:
    Writer m_out, m_err;
};

} // namespace meridian::app
