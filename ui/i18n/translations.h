// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace meridian::i18n {

/// Returns the languages Meridian ships, as locale names ("en", "zh_CN").
QStringList availableLanguages();

/// Returns the language to use when none is chosen: the system locale's if Meridian ships it, else "en".
QString systemLanguage();

/// Returns the language name written in that language ("English", "简体中文").
QString nativeLanguageName(const QString &language);

/// Installs Meridian's and Qt's own translations for language into the application, replacing any
/// installed before (widgets then receive QEvent::LanguageChange). "en" removes them.
/// Returns false, and installs nothing, for a language Meridian does not ship.
bool installTranslations(QCoreApplication &app, const QString &language);

/// Returns the language installed last ("en" before any call).
QString currentLanguage();

} // namespace meridian::i18n
