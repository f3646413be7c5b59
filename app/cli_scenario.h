// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace meridian::app {

/// `meridian-cli scenario list|show|save|delete`: the simulator's preset scenarios and the user's own.
class ScenarioCommand
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioCommand)
public:
    using Writer = std::function<void(const QString &)>;
    ScenarioCommand(Writer out, Writer err) : m_out(std::move(out)), m_err(std::move(err)) {}
    /// Returns the process exit code: 0 done, 1 failed, 2 bad usage or input.
    int run(const QStringList &arguments);
    static QString summary();

private:
    Writer m_out, m_err;
};

} // namespace meridian::app
