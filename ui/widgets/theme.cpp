// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "widgets/theme.h"

#include "i18n/translations.h"

#include <QSettings>

#include <QApplication>
#include <QFontDatabase>
#include <QPalette>
#include <QStyleFactory>

namespace meridian::ui {

namespace {

QPalette lightPalette()
{
    QPalette p;
    const QColor window(0xf3, 0xf4, 0xf6), base(0xff, 0xff, 0xff), text(0x1f, 0x23, 0x28);
    const QColor highlight(0x1f, 0x6f, 0xeb);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf8, 0xfa));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x6e, 0x77, 0x81));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xea, 0xec, 0xef));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, highlight);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0xc9, 0xcd, 0xd2));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x8c, 0x95, 0x9f));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x8c, 0x95, 0x9f));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x8c, 0x95, 0x9f));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x1e, 0x22, 0x27), base(0x16, 0x19, 0x1d), text(0xd8, 0xdd, 0xe3);
    const QColor highlight(0x38, 0x8b, 0xfd);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x22, 0x27, 0x2e));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x7d, 0x85, 0x90));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2a, 0x2f, 0x36));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Link, highlight);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x3a, 0x40, 0x48));
    p.setColor(QPalette::Midlight, QColor(0x30, 0x36, 0x3d));
    p.setColor(QPalette::Mid, QColor(0x2a, 0x2f, 0x36));
    p.setColor(QPalette::Dark, QColor(0x10, 0x12, 0x15));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6a, 0x72, 0x7c));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6a, 0x72, 0x7c));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6a, 0x72, 0x7c));
    return p;
}

} // namespace

Theme themeFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("light"))
        return Theme::Light;
    if (lower == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::Invalid;
}

QString themeName(Theme theme)
{
    return theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

void applyTheme(QApplication &app, Theme theme)
{
    if (auto *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    const QPalette palette = theme == Theme::Dark ? darkPalette() : lightPalette();
    QApplication::setPalette(palette);
    const QString border = palette.color(QPalette::Mid).name();
    const QString title = palette.color(QPalette::Button).name();
    app.setStyleSheet(
        QStringLiteral("QDockWidget::title { background: %1; padding: 4px 6px; border-bottom: 1px solid %2; }"
                       "QMainWindow::separator { background: %2; width: 1px; height: 1px; }")
            .arg(title, border));
    app.setProperty("meridianTheme", themeName(theme));
}

QFont uiFont(const QString &language)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    if (language == QLatin1String("zh_CN")) {
        const QStringList cjk = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
        // Prefer the families install-deps.sh installs; any font that draws Simplified Chinese will do.
        const QStringList preferred = {QStringLiteral("Noto Sans CJK SC"), QStringLiteral("WenQuanYi Micro Hei"),
                                       QStringLiteral("WenQuanYi Zen Hei"), QStringLiteral("Droid Sans Fallback")};
        QString chosen;
        for (const QString &family : preferred) {
            if (cjk.contains(family)) {
                chosen = family;
                break;
            }
        }
        if (chosen.isEmpty() && !cjk.isEmpty())
            chosen = cjk.first();
        if (!chosen.isEmpty())
            font.setFamilies({chosen, font.family()});
    }
    return font;
}

void applyFont(QApplication &app, const QString &language)
{
    Q_UNUSED(app);
    QApplication::setFont(uiFont(language));
}

QColor buyColour()
{
    return {30, 136, 229};
}

QColor sellColour()
{
    return {245, 124, 0};
}

ColourConvention colourConvention()
{
    const QString saved = QSettings().value(QStringLiteral("ui/colourConvention")).toString();
    if (saved == QLatin1String("red_up"))
        return ColourConvention::RedUp;
    if (saved == QLatin1String("green_up"))
        return ColourConvention::GreenUp;
    return i18n::currentLanguage() == QLatin1String("zh_CN") ? ColourConvention::RedUp : ColourConvention::GreenUp;
}

void setColourConvention(ColourConvention convention)
{
    QSettings().setValue(QStringLiteral("ui/colourConvention"),
                         convention == ColourConvention::RedUp ? QStringLiteral("red_up") : QStringLiteral("green_up"));
}

bool colourBlindPalette()
{
    return QSettings().value(QStringLiteral("ui/colourBlindPalette"), false).toBool();
}

void setColourBlindPalette(bool on)
{
    QSettings().setValue(QStringLiteral("ui/colourBlindPalette"), on);
}

UpDownColours upDownColours()
{
    if (colourBlindPalette())
        return {QColor(0, 158, 115), QColor(204, 121, 167)};
    const QColor red(214, 39, 40), green(44, 160, 44);
    return colourConvention() == ColourConvention::RedUp ? UpDownColours{red, green} : UpDownColours{green, red};
}

} // namespace meridian::ui
