// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "bridge/log_buffer.h"
#include "widgets/main_window.h"

#include <QString>

#include <memory>

namespace meridian::test {

/// What a workstation window under test runs with: its data, database, log and plugins all in `home` (a
/// test's temporary folder), never the user's.
inline ui::MainWindowContext mainWindowContext(const QString &home)
{
    ui::MainWindowContext c;
    c.version = QStringLiteral("test");
    c.dataDirectory = home;
    c.databasePath = home + QStringLiteral("/meridian.sqlite");
    c.logFilePath = home + QStringLiteral("/logs/meridian.log");
    c.pluginDirectory = home + QStringLiteral("/plugins");
    c.logBuffer = std::make_shared<ui::LogBuffer>();
    return c;
}

} // namespace meridian::test
