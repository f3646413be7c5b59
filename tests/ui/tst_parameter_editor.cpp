// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The parameter editor, built from a real plugin's schema (adaptive_mm): a field of the right kind per
// parameter; a value out of range or not a number is refused with a message naming the parameter and the
// allowed range, and a valid edit comes back as the complete parameter set. (The strategy manager's use of
// it, on a real session: tst_strategy_dock.)
#include "strategy/plugin_library.h"
#include "widgets/parameter_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QtTest>

using namespace meridian;
using namespace meridian::ui;

class TestParameterEditor : public QObject
{
    Q_OBJECT
private slots:
    void fieldsFollowTheSchema();
    void refusesOutOfRangeWithAMessage();
};

namespace {

std::vector<strategy::ParameterSpec> adaptiveSchema()
{
    auto plugin = strategy::PluginLibrary::load(ADAPTIVE_MM);
    return plugin ? (*plugin)->info().parameters : std::vector<strategy::ParameterSpec>{};
}

} // namespace

void TestParameterEditor::fieldsFollowTheSchema()
{
    ParameterEditor editor;
    editor.setSchema(adaptiveSchema(), R"({"gamma": 0.25})");
    QVERIFY(qobject_cast<QLineEdit *>(editor.field(QStringLiteral("gamma"))));
    QCOMPARE(qobject_cast<QLineEdit *>(editor.field(QStringLiteral("gamma")))->text(), QStringLiteral("0.25"));
    QVERIFY(qobject_cast<QComboBox *>(editor.field(QStringLiteral("model"))));
    QVERIFY(qobject_cast<QCheckBox *>(editor.field(QStringLiteral("stay_passive"))));
    QVERIFY(editor.field(QStringLiteral("gamma"))->toolTip().contains(QLatin1String("100")));
    QVERIFY(!editor.field(QStringLiteral("no_such")));
}

void TestParameterEditor::refusesOutOfRangeWithAMessage()
{
    ParameterEditor editor;
    editor.setSchema(adaptiveSchema());
    auto *gamma = qobject_cast<QLineEdit *>(editor.field(QStringLiteral("gamma")));
    gamma->setText(QStringLiteral("1000"));
    auto r = editor.parameters();
    QVERIFY(!r);
    QVERIFY2(editor.message().contains(QLatin1String("gamma")), qPrintable(editor.message()));
    QVERIFY2(editor.message().contains(QLatin1String("100")), qPrintable(editor.message()));
    gamma->setText(QStringLiteral("abc"));
    QVERIFY(!editor.parameters());
    QVERIFY(editor.message().contains(QLatin1String("not a number")));
    qobject_cast<QLineEdit *>(editor.field(QStringLiteral("order_size")))->setText(QStringLiteral("2.5"));
    gamma->setText(QStringLiteral("0.5"));
    QVERIFY(!editor.parameters());
    QVERIFY(editor.message().contains(QLatin1String("order_size")));
    qobject_cast<QLineEdit *>(editor.field(QStringLiteral("order_size")))->setText(QStringLiteral("3"));
    r = editor.parameters();
    QVERIFY2(r, qPrintable(editor.message()));
    QVERIFY(editor.message().isEmpty());
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(*r)).object();
    QCOMPARE(o.value(QStringLiteral("gamma")).toDouble(), 0.5);
    QCOMPARE(o.value(QStringLiteral("order_size")).toInteger(), 3);
    QVERIFY(o.contains(QStringLiteral("intensity_k"))); // the complete set
}

QTEST_MAIN(TestParameterEditor)
#include "tst_parameter_editor.moc"
