// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "app_environment.h"

#include "core/log.h"

#include <QDir>
#include <QStandardPaths>

#include <cstring>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#ifndef MERIDIAN_VERSION
#error "MERIDIAN_VERSION must be defined by the build"
#endif

namespace meridian::app {

namespace {

void qtMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const auto logger = log::get("qt");
    const std::string text = message.toStdString();
    const char *category = context.category ? context.category : "default";
    // The offscreen and minimal platforms cannot size windows from hints; that is expected, not a problem.
    if (type == QtWarningMsg && message.contains(QLatin1String("does not support propagateSizeHints"))) {
        logger->debug("{}: {}", category, text);
        return;
    }
    switch (type) {
    case QtDebugMsg:
        logger->debug("{}: {}", category, text);
        break;
    case QtInfoMsg:
        logger->info("{}: {}", category, text);
        break;
    case QtWarningMsg:
        logger->warn("{}: {}", category, text);
        break;
    case QtCriticalMsg:
        logger->error("{}: {}", category, text);
        break;
    case QtFatalMsg:
        logger->critical("{}: {}", category, text);
        log::flushAll();
        std::abort();
    }
}

} // namespace

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Meridian"));
    QCoreApplication::setApplicationName(QStringLiteral("meridian"));
    QCoreApplication::setApplicationVersion(versionString());
}

AppPaths resolvePaths(const QString &databaseOverride)
{
    AppPaths paths;
    paths.dataDirectory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    paths.databasePath = databaseOverride.isEmpty()
                             ? QDir(paths.dataDirectory).filePath(QStringLiteral("meridian.sqlite"))
                             : QFileInfo(databaseOverride).absoluteFilePath();
    paths.logDirectory = QDir(paths.dataDirectory).filePath(QStringLiteral("logs"));
    paths.logFilePath = QDir(paths.logDirectory).filePath(QStringLiteral("meridian.log"));
    paths.pluginDirectory =
        QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../lib/meridian/plugins"));
    return paths;
}

QStringList pluginFolders(const AppPaths &paths)
{
    return {QDir(paths.dataDirectory).filePath(QStringLiteral("plugins")), paths.pluginDirectory,
            QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../plugins"))};
}

QString initLogging(const AppPaths &paths, LogMode mode, bool verbose, std::shared_ptr<spdlog::sinks::sink> extraSink)
{
    std::vector<spdlog::sink_ptr> sinks;
    QString problem;
    if (!QDir().mkpath(paths.logDirectory)) {
        problem = QStringLiteral("cannot create the log folder %1").arg(paths.logDirectory);
    } else {
        try {
            // 5 files of 5 MiB: a few days of a busy session, and never more than 25 MiB on disk.
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(paths.logFilePath.toStdString(),
                                                                               5 * 1024 * 1024, 5);
            file->set_level(spdlog::level::debug);
            sinks.push_back(std::move(file));
        } catch (const std::exception &e) {
            problem = QString::fromStdString(e.what());
        }
    }
    auto console = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    console->set_level(verbose ? spdlog::level::debug
                               : (mode == LogMode::Cli ? spdlog::level::warn : spdlog::level::info));
    console->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ [%n] %v");
    sinks.push_back(std::move(console));
    if (extraSink) {
        extraSink->set_level(spdlog::level::debug);
        sinks.push_back(std::move(extraSink));
    }
    log::setSinks(std::move(sinks));
    qInstallMessageHandler(qtMessageHandler);
    if (!problem.isEmpty())
        log::get("app")->warn("Log file unavailable: {}", problem.toStdString());
    return problem;
}

void shutdownLogging()
{
    qInstallMessageHandler(nullptr);
    log::flushAll();
    log::setSinks({});
}

QString versionString()
{
    return QStringLiteral(MERIDIAN_VERSION);
}

bool hasDisplay(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "-platform") == 0 || std::strncmp(argv[i], "-platform=", 10) == 0)
            return true;
    }
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) {
        const char *value = std::getenv(name);
        if (value && *value)
            return true;
    }
    return false;
}

QString AppText::noDisplayHint()
{
    return tr("meridian: no display found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
              "To run the workstation on a machine without a screen, start it in a virtual display:\n"
              "    xvfb-run -a meridian\n"
              "or render one screenshot offscreen:\n"
              "    QT_QPA_PLATFORM=offscreen meridian --screenshot meridian.png\n"
              "For headless work use the command-line tool: meridian-cli --help\n");
}

} // namespace meridian::app
