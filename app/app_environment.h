// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>

namespace spdlog::sinks {
class sink;
}

namespace meridian::app {

/// Where this installation keeps its files.
struct AppPaths
{
    QString dataDirectory; ///< the user's data folder (QStandardPaths::AppDataLocation)
    QString databasePath;  ///< the SQLite catalogue
    QString logDirectory;
    QString logFilePath;
    QString pluginDirectory; ///< plugins installed with Meridian: <prefix>/lib/meridian/plugins
};

enum class LogMode { Invalid = 0, Gui, Cli };

/// Sets the application name and version (before QStandardPaths or QSettings are used).
void setApplicationIdentity();

/// Returns the paths for this user; databaseOverride replaces the default database path when not empty.
AppPaths resolvePaths(const QString &databaseOverride = {});

/// The folders plugins are discovered in, in order of precedence: the user's (<data folder>/plugins), the
/// installed ones, and the build tree's (<program folder>/../plugins, when run from a build).
QStringList pluginFolders(const AppPaths &paths);

/// Sends every logger to a rotating file in the log folder, plus stderr (CLI: warnings and above, or
/// everything when verbose) and an extra sink (the GUI's log view). Qt's own messages are routed to the
/// "qt" logger. Returns an empty string, or why the log file could not be opened (logging then goes on
/// without it).
QString initLogging(const AppPaths &paths, LogMode mode, bool verbose,
                    std::shared_ptr<spdlog::sinks::sink> extraSink = nullptr);

/// Flushes and detaches the log sinks (before exit).
void shutdownLogging();

/// Returns "0.1.0".
QString versionString();

/// Returns true when a GUI can be shown: a display is set or a QPA platform is chosen.
bool hasDisplay(int argc, char **argv);

/// Texts shared by both programs.
class AppText
{
    Q_DECLARE_TR_FUNCTIONS(AppText)
public:
    static QString noDisplayHint();
};

} // namespace meridian::app
