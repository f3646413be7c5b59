// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "app_environment.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace meridian::app {

/// `meridian-cli paper`: runs a paper session headless for a while and prints its summary.
class PaperCommand
{
    Q_DECLARE_TR_FUNCTIONS(PaperCommand)
public:
    using Writer = std::function<void(const QString &)>;
    PaperCommand(Writer out, Writer err) : m_out(std::move(out)), m_err(std::move(err)) {}
    /// Returns the process exit code: 0 done, 1 failed, 2 bad usage or input.
    int run(const QStringList &arguments);
    /// The one-line summary for meridian-cli's command list.
    static QString summary();

private:
    Writer m_out, m_err;
};

} // namespace meridian::app
