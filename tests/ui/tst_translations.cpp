// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "i18n/translations.h"
#include "widgets/theme.h"

#include <QApplication>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QProcess>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; // one, or several numerus forms
    QString type;             // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                current = TsMessage{};
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!current.numerus)
                    current.translations.append(xml.readElementText());
            } else if (name == QLatin1String("numerusform")) {
                current.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: line %2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QString tsPath()
{
    return QStringLiteral(MERIDIAN_SOURCE_DIR "/translations/meridian_zh_CN.ts");
}

// Returns the sorted set of %1, %2, %n placeholders in a text.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(0));
    found.sort();
    return found;
}

QStringList unfinishedEntries(const QList<TsMessage> &messages)
{
    QStringList problems;
    for (const TsMessage &m : messages) {
        const bool empty =
            m.translations.isEmpty() || std::any_of(m.translations.begin(), m.translations.end(),
                                                    [](const QString &t) { return t.trimmed().isEmpty(); });
        if (!m.type.isEmpty() || empty)
            problems.append(QStringLiteral("[%1] \"%2\" (%3)")
                                .arg(m.context, m.source, m.type.isEmpty() ? QStringLiteral("empty") : m.type));
    }
    return problems;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void everyEntryIsTranslated();
    void placeholdersAndShortcutsSurvive();
    void catalogueIsUpToDateWithSources();
    void uiFontDrawsEveryTranslatedCharacter();
    void embeddedCatalogueSwitchesLanguage();
};

void TestTranslations::everyEntryIsTranslated()
{
    QString error;
    const auto messages = readTs(tsPath(), &error);

    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 50);
    const QStringList problems = unfinishedEntries(messages);
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("unfinished translations:\n") + problems.join('\n')));
}

void TestTranslations::placeholdersAndShortcutsSurvive()
{
    QString error;
    const auto messages = readTs(tsPath(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    static const QRegularExpression shortcut(QStringLiteral("&([^&\\s])"));
    QStringList problems;
    for (const TsMessage &m : messages) {
        for (const QString &translation : m.translations) {
            QStringList expected = placeholders(m.source);
            QStringList actual = placeholders(translation);
            if (m.numerus) {
                expected.removeAll(QStringLiteral("%n"));
                actual.removeAll(QStringLiteral("%n"));
            }
            if (expected != actual)
                problems.append(QStringLiteral("placeholders differ: \"%1\" -> \"%2\"").arg(m.source, translation));
            const auto sourceKey = shortcut.match(m.source);
            const bool isHtml = m.source.contains(QLatin1Char('<'));
            if (sourceKey.hasMatch() && !isHtml && !translation.contains(QLatin1Char('&')))
                problems.append(QStringLiteral("shortcut lost: \"%1\" -> \"%2\"").arg(m.source, translation));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
}

void TestTranslations::catalogueIsUpToDateWithSources()
{
    // Run lupdate over the same sources into a copy: every string in the code must already be translated.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("meridian_zh_CN.ts"));
    QVERIFY(QFile::copy(tsPath(), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QStringList arguments = QStringLiteral(MERIDIAN_TRANSLATED_SOURCES).split(QLatin1Char('|'));
    arguments << QStringLiteral("-I") << QStringLiteral(MERIDIAN_SOURCE_DIR "/ui") << QStringLiteral("-I")
              << QStringLiteral(MERIDIAN_SOURCE_DIR "/app") << QStringLiteral("-no-obsolete")
              << QStringLiteral("-locations") << QStringLiteral("none") << QStringLiteral("-silent")
              << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.start(QStringLiteral(MERIDIAN_LUPDATE), arguments);
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QCOMPARE(lupdate.exitCode(), 0);

    QString error;
    const auto messages = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList problems = unfinishedEntries(messages);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("strings in the code missing from translations/meridian_zh_CN.ts (run "
                                       "cmake --build --preset dev --target update_translations and translate "
                                       "them):\n") +
                        problems.join('\n')));
}

void TestTranslations::uiFontDrawsEveryTranslatedCharacter()
{
    QVERIFY2(!QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty(),
             "no font for Simplified Chinese is installed (scripts/install-deps.sh installs fonts-wqy-microhei)");
    QString error;
    const auto messages = readTs(tsPath(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QFont font = meridian::ui::uiFont(QStringLiteral("zh_CN"));
    const QFontMetrics metrics(font);
    QStringList problems;
    for (const TsMessage &m : messages) {
        for (const QString &translation : m.translations) {
            for (const char32_t c : translation.toUcs4()) {
                if (c < 0x20)
                    continue; // line breaks and tabs are layout, not glyphs
                if (!metrics.inFontUcs4(c))
                    problems.append(QStringLiteral("U+%1 in \"%2\"")
                                        .arg(uint(c), 4, 16, QLatin1Char('0'))
                                        .arg(translation.left(40)));
            }
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("font %1 cannot draw:\n").arg(font.family()) + problems.join('\n')));
}

void TestTranslations::embeddedCatalogueSwitchesLanguage()
{
    QVERIFY(meridian::i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    QCOMPARE(QCoreApplication::translate("meridian::ui::MainWindow", "&File"), QStringLiteral("文件(&F)"));
    QCOMPARE(meridian::i18n::currentLanguage(), QStringLiteral("zh_CN"));
    QVERIFY(meridian::i18n::installTranslations(*qApp, QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("meridian::ui::MainWindow", "&File"), QStringLiteral("&File"));
    QVERIFY(!meridian::i18n::installTranslations(*qApp, QStringLiteral("xx_YY")));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
