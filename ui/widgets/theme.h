// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QFont>
#include <QString>

class QApplication;

namespace meridian::ui {

enum class Theme { Invalid = 0, Light, Dark };

/// Returns the theme named "light" or "dark" (case-insensitive), or Theme::Invalid.
Theme themeFromName(const QString &name);
/// Returns "light" or "dark".
QString themeName(Theme theme);

/// Applies a theme to the whole application: the Fusion style, a palette and a small style sheet.
void applyTheme(QApplication &app, Theme theme);

/// Returns the UI font for a language: the platform's default font, with a font that draws Simplified
/// Chinese first in the family list for "zh_CN" (without one, Chinese renders as boxes).
QFont uiFont(const QString &language);

/// Applies uiFont(language) to the application.
void applyFont(QApplication &app, const QString &language);

} // namespace meridian::ui
