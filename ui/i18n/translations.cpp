// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace meridian::i18n {

namespace {

struct Installed
{
    QString language = QStringLiteral("en");
    QPointer<QTranslator> ours;
    QPointer<QTranslator> qt;
};

Installed &installed()
{
    static Installed state;
    return state;
}

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString systemLanguage()
{
    const QLocale locale = QLocale::system();
    if (locale.language() == QLocale::Chinese && locale.script() != QLocale::TraditionalChineseScript &&
        locale.territory() != QLocale::Taiwan && locale.territory() != QLocale::HongKong)
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

QString nativeLanguageName(const QString &language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

bool installTranslations(QCoreApplication &app, const QString &language)
{
    if (!availableLanguages().contains(language))
        return false;
    Installed &state = installed();
    auto ours = std::make_unique<QTranslator>(&app);
    auto qt = std::make_unique<QTranslator>(&app);
    if (language != QLatin1String("en")) {
        // Ours is compiled into the binary; Qt's comes from qt6-translations-l10n and may be missing.
        if (!ours->load(QStringLiteral(":/i18n/meridian_") + language))
            return false;
        if (!qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            qt.reset();
    }
    if (state.ours) {
        QCoreApplication::removeTranslator(state.ours);
        delete state.ours;
    }
    if (state.qt) {
        QCoreApplication::removeTranslator(state.qt);
        delete state.qt;
    }
    if (language != QLatin1String("en")) {
        QCoreApplication::installTranslator(ours.get());
        state.ours = ours.release();
        if (qt) {
            QCoreApplication::installTranslator(qt.get());
            state.qt = qt.release();
        }
    }
    state.language = language;
    QLocale::setDefault(QLocale(language));
    return true;
}

QString currentLanguage()
{
    return installed().language;
}

} // namespace meridian::i18n
