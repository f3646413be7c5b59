// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// `meridian`: the composition root of the workstation. It wires logging, translations, the theme and
// the main window, and opens the database off the GUI thread.
#include "app_environment.h"
#include "cli_common.h"

#include "bridge/log_buffer.h"
#include "core/log.h"
#include "docks/log_dock.h"
#include "i18n/translations.h"
#include "store/database.h"
#include "widgets/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSettings>
#include <QThread>
#include <QTimer>

#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <functional>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

#include <spdlog/spdlog.h>

namespace {

// SIGTERM and SIGINT close the window like the Quit action (layout saved, database closed): the handler
// only writes a byte to a socket the event loop watches.
int g_signalSockets[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalSockets[0], &byte, 1);
}

void watchTerminationSignals(QObject *context, std::function<void()> onSignal)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalSockets) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalSockets[1], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [onSignal = std::move(onSignal)] {
        char byte = 0;
        [[maybe_unused]] const auto count = ::read(g_signalSockets[1], &byte, 1);
        onSignal();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

class Gui
{
    Q_DECLARE_TR_FUNCTIONS(Gui)
public:
    static int run(int argc, char **argv);
};

// Prints the no-display hint in the system language, without a GUI.
int refuseWithoutDisplay(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    meridian::app::setApplicationIdentity();
    meridian::i18n::installTranslations(app, meridian::i18n::systemLanguage());
    std::fputs(meridian::app::AppText::noDisplayHint().toLocal8Bit().constData(), stderr);
    return 2;
}

int Gui::run(int argc, char **argv)
{
    QApplication app(argc, argv);
    meridian::app::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Meridian"));
    QApplication::setDesktopFileName(QStringLiteral("org.meridian.Meridian"));

    // Language first, so that --help is translated too: --lang, then the saved choice, then the system's.
    QString language = QSettings().value(QStringLiteral("ui/language")).toString();
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "--lang") == 0)
            language = QString::fromLocal8Bit(argv[i + 1]);
    if (!meridian::i18n::availableLanguages().contains(language))
        language = meridian::i18n::systemLanguage();
    meridian::i18n::installTranslations(app, language);

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Meridian trading and market-simulation workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"), tr("Interface language: en or zh_CN."), tr("language"));
    const QCommandLineOption themeOption(QStringLiteral("theme"), tr("Colour theme: light or dark."), tr("theme"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              tr("Render the main window after start-up, save it as a PNG file "
                                                 "and exit."),
                                              tr("file"));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"), tr("Use this SQLite database instead of the one in the data folder."), tr("path"));
    const QCommandLineOption resetLayoutOption(QStringLiteral("reset-layout"),
                                               tr("Start with the default layout of the docks."));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"), tr("Log debug messages to the console."));
    const QCommandLineOption noPaperOption(QStringLiteral("no-paper"),
                                           tr("Start without the paper-trading session on the simulated market."));
    parser.addOptions(
        {langOption, themeOption, screenshotOption, databaseOption, resetLayoutOption, verboseOption, noPaperOption});
    parser.process(app);

    if (parser.isSet(langOption) && !meridian::i18n::availableLanguages().contains(parser.value(langOption))) {
        std::fputs(qPrintable(tr("meridian: unknown language \"%1\"; available: %2\n")
                                  .arg(parser.value(langOption),
                                       meridian::i18n::availableLanguages().join(QStringLiteral(", ")))),
                   stderr);
        return 2;
    }
    meridian::ui::Theme theme = meridian::ui::themeFromName(QSettings().value(QStringLiteral("ui/theme")).toString());
    if (parser.isSet(themeOption)) {
        theme = meridian::ui::themeFromName(parser.value(themeOption));
        if (theme == meridian::ui::Theme::Invalid) {
            std::fputs(
                qPrintable(tr("meridian: unknown theme \"%1\"; use light or dark\n").arg(parser.value(themeOption))),
                stderr);
            return 2;
        }
    }
    if (theme == meridian::ui::Theme::Invalid)
        theme = meridian::ui::Theme::Light;

    const meridian::app::AppPaths paths = meridian::app::resolvePaths(parser.value(databaseOption));
    auto logBuffer = std::make_shared<meridian::ui::LogBuffer>();
    meridian::app::initLogging(paths, meridian::app::LogMode::Gui, parser.isSet(verboseOption), logBuffer);
    auto logger = meridian::log::get("app");
    logger->info("Meridian {} starting, language {}, theme {}", meridian::app::versionString().toStdString(),
                 language.toStdString(), meridian::ui::themeName(theme).toStdString());

    meridian::ui::applyFont(app, language);
    meridian::ui::applyTheme(app, theme);

    meridian::ui::MainWindowContext context;
    context.version = meridian::app::versionString();
    context.dataDirectory = paths.dataDirectory;
    context.databasePath = paths.databasePath;
    context.logFilePath = paths.logFilePath;
    context.pluginDirectory = paths.pluginDirectory;
    context.pluginFolders = meridian::app::pluginFolders(paths);
    context.logBuffer = logBuffer;
    auto window = std::make_unique<meridian::ui::MainWindow>(context);
    window->setTheme(theme, /*remember=*/false);
    if (!parser.isSet(resetLayoutOption) && !parser.isSet(screenshotOption))
        window->restoreLayout();
    window->show();
    watchTerminationSignals(&app, [&window, logger] {
        logger->info("Termination signal received, closing");
        window->close();
        QApplication::quit();
    });

    // The GUI thread never touches SQLite: the database is opened (and migrated) on a worker thread.
    QPointer<meridian::ui::MainWindow> target(window.get());
    const std::string databasePath = paths.databasePath.toStdString();
    QThread *opener = QThread::create([target, databasePath] {
        QDir().mkpath(QFileInfo(QString::fromStdString(databasePath)).absolutePath());
        auto db = meridian::store::Database::open(databasePath);
        bool ok = db.has_value();
        QString text;
        if (ok) {
            const int version = db->schemaVersion().value_or(0);
            text = Gui::tr("Schema version %1").arg(version);
            meridian::log::get("store")->info("Database ready: {} (schema version {})", databasePath, version);
        } else {
            text = QString::fromStdString(db.error().message);
            meridian::log::get("store")->error("Database unavailable: {}", db.error().message);
        }
        QMetaObject::invokeMethod(
            target,
            [target, ok, text] {
                if (target)
                    target->setDatabaseStatus(ok, text);
            },
            Qt::QueuedConnection);
    });

    // The paper session the workstation starts with: built (plugin loaded, journal opened) on a worker
    // thread, then run on its own; the views only read its feed. A restart (another strategy, parameters or
    // scenario) goes the same way: the running session ends first (its open orders cancelled), off the GUI
    // thread too. launchPaper returns the worker, not started.
    auto paper = std::make_shared<std::unique_ptr<meridian::runtime::PaperSession>>();
    const auto launchPaper = [paper, paths, target](std::shared_ptr<meridian::runtime::PaperSession> old,
                                                    QString scenario) {
        QThread *worker = QThread::create([paper, paths, old, scenario] {
            // The strategies the running session has now go on in the new one, as they are.
            std::optional<std::vector<meridian::runtime::PaperStrategy>> carried;
            if (old) {
                old->stop();
                carried = old->feed().snapshot().strategies;
            }
            auto made =
                meridian::app::createDefaultPaperSession(paths, scenario.toStdString(), carried ? &*carried : nullptr);
            if (!made) {
                meridian::log::get("paper")->error("The paper session did not start: {}", made.error().message);
                return;
            }
            (*made)->start();
            meridian::log::get("paper")->info("Paper session {} started in the {} scenario", (*made)->sessionId(),
                                              (*made)->config().scenario);
            *paper = std::move(*made);
        });
        QObject::connect(worker, &QThread::finished, worker, [paper, target] {
            if (*paper && target)
                target->attachPaperSession(paper->get());
        });
        return worker;
    };
    QThread *paperStarter = parser.isSet(noPaperOption) ? nullptr : launchPaper(nullptr, {});

    // One restart at a time; the exit waits for one under way.
    QPointer<QThread> restarting;
    QObject::connect(window.get(), &meridian::ui::MainWindow::paperRestartRequested, &app,
                     [paper, target, launchPaper, &restarting](const QString &scenario) {
                         if (restarting) {
                             meridian::log::get("paper")->warn("A paper session restart is under way already");
                             return;
                         }
                         if (target)
                             target->attachPaperSession(nullptr);
                         QThread *restarter =
                             launchPaper(std::shared_ptr<meridian::runtime::PaperSession>(paper->release()), scenario);
                         QObject::connect(restarter, &QThread::finished, restarter, &QObject::deleteLater);
                         restarting = restarter;
                         restarter->start();
                     });

    int exitCode = 0;
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        // Wait for the start-up work (the database check) so the picture shows the settled window.
        auto take = [&app, &window, &exitCode, file, logger] {
            window->logDock()->drain();
            QApplication::processEvents();
            const QPixmap pixmap = window->grab();
            if (pixmap.isNull() || !pixmap.save(file, "PNG")) {
                std::fputs(qPrintable(tr("meridian: cannot write the screenshot to %1\n").arg(file)), stderr);
                exitCode = 1;
            } else {
                logger->info("Screenshot saved to {}", file.toStdString());
            }
            app.exit(exitCode);
        };
        // The picture waits for the database check and the paper session's start, and for a second of
        // trading (with --no-paper, only for the database).
        auto pending = std::make_shared<int>(paperStarter ? 2 : 1);
        auto settled = [take, pending] {
            if (--*pending == 0)
                QTimer::singleShot(1200, take);
        };
        QObject::connect(opener, &QThread::finished, &app, settled);
        if (paperStarter)
            QObject::connect(paperStarter, &QThread::finished, &app, settled);
    }
    opener->start();
    if (paperStarter)
        paperStarter->start();
    const int loopCode = app.exec();
    opener->wait();
    delete opener;
    if (paperStarter) {
        paperStarter->wait();
        delete paperStarter;
    }
    if (restarting)
        restarting->wait();
    window->attachPaperSession(nullptr);
    window.reset();
    if (*paper) {
        (*paper)->stop(); // cancels its open orders and writes the journal on its own thread
        paper->reset();
    }
    logger->info("Meridian stopped");
    meridian::app::shutdownLogging();
    return exitCode != 0 ? exitCode : loopCode;
}

} // namespace

int main(int argc, char **argv)
{
    if (!meridian::app::hasDisplay(argc, argv)) {
        // --help and --version work without a display.
        for (int i = 1; i < argc; ++i) {
            const QByteArray arg(argv[i]);
            if (arg == "--help" || arg == "-h" || arg == "--version" || arg == "-v") {
                QCoreApplication app(argc, argv);
                meridian::app::setApplicationIdentity();
                std::printf("%s %s\n", "meridian", qPrintable(meridian::app::versionString()));
                if (arg == "--help" || arg == "-h")
                    std::fputs(meridian::app::AppText::noDisplayHint().toLocal8Bit().constData(), stdout);
                return 0;
            }
        }
        return refuseWithoutDisplay(argc, argv);
    }
    return Gui::run(argc, argv);
}
