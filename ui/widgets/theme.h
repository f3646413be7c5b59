// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QColor>
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

/// The colours of buying and selling (blue and orange: told apart with any colour vision), the same in every
/// view, and apart from the up/down colours of price changes.
QColor buyColour();
QColor sellColour();

/// Which colour means a rising price: red (the convention in mainland China, Taiwan and Japan) or green
/// (the Western one). Buy and sell have colours of their own (blue and orange), apart from these.
enum class ColourConvention { RedUp, GreenUp };
/// The saved choice (settings key ui/colourConvention: "red_up" or "green_up"), else red-up for zh_CN
/// and green-up for other languages.
ColourConvention colourConvention();
void setColourConvention(ColourConvention convention);
struct UpDownColours
{
    QColor up, down;
};
/// The up/down colours in force: the colour-blind pair (bluish green up, reddish purple down, from the
/// Okabe–Ito palette: told apart with any common colour vision, and apart from the blue and orange of buy and
/// sell) when that setting (ui/colourBlindPalette) is on, else red and green by the convention.
UpDownColours upDownColours();
bool colourBlindPalette();
void setColourBlindPalette(bool on);

} // namespace meridian::ui
