// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "widgets/parameter_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <cmath>

namespace meridian::ui {

namespace {

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

} // namespace

ParameterEditor::ParameterEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("parameters.message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_message->hide();
    layout->addWidget(m_message);
}

void ParameterEditor::setSchema(std::vector<strategy::ParameterSpec> schema, const std::string &values)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    m_schema = std::move(schema);
    m_message->hide();
    const QJsonObject given = QJsonDocument::fromJson(QByteArray::fromStdString(values)).object();
    for (const strategy::ParameterSpec &p : m_schema) {
        const QString name = QString::fromStdString(p.name);
        QJsonValue value = given.value(name);
        if (value.isUndefined())
            value = QJsonDocument::fromJson("[" + QByteArray::fromStdString(p.defaultJson) + "]").array().at(0);
        QString tip = QString::fromStdString(p.description);
        if (p.hasMin || p.hasMax)
            tip += QLatin1Char('\n') + tr("Allowed: %1 to %2")
                                           .arg(p.hasMin ? number(p.min) : QStringLiteral("−∞"),
                                                p.hasMax ? number(p.max) : QStringLiteral("∞"));
        if (p.step > 0)
            tip += QLatin1Char('\n') + tr("Step: %1").arg(number(p.step));
        QWidget *field = nullptr;
        switch (p.type) {
        case strategy::ParameterType::Bool: {
            auto *box = new QCheckBox(this);
            box->setChecked(value.toBool());
            connect(box, &QCheckBox::toggled, this, &ParameterEditor::edited);
            field = box;
            break;
        }
        case strategy::ParameterType::Enum: {
            auto *combo = new QComboBox(this);
            for (const std::string &v : p.values)
                combo->addItem(QString::fromStdString(v));
            combo->setCurrentText(value.toString());
            connect(combo, &QComboBox::currentIndexChanged, this, &ParameterEditor::edited);
            field = combo;
            break;
        }
        case strategy::ParameterType::Int:
        case strategy::ParameterType::Float: {
            auto *edit = new QLineEdit(this);
            edit->setText(p.type == strategy::ParameterType::Int ? QString::number(value.toInteger())
                                                                 : number(value.toDouble()));
            connect(edit, &QLineEdit::textEdited, this, &ParameterEditor::edited);
            field = edit;
            break;
        }
        default: {
            auto *edit = new QLineEdit(this);
            edit->setText(value.toString());
            connect(edit, &QLineEdit::textEdited, this, &ParameterEditor::edited);
            field = edit;
            break;
        }
        }
        field->setObjectName(QStringLiteral("parameter.") + name);
        field->setToolTip(tip);
        field->setAccessibleName(name);
        field->setAccessibleDescription(tip);
        m_form->addRow(name, field);
        m_fields.push_back(field);
    }
}

Result<std::string> ParameterEditor::parameters()
{
    QJsonObject values;
    const auto refuse = [this](const QString &why) -> Result<std::string> {
        m_message->setText(why);
        m_message->show();
        return tl::unexpected(Error{ErrorCode::InvalidArgument, why.toStdString()});
    };
    for (std::size_t i = 0; i < m_schema.size(); ++i) {
        const strategy::ParameterSpec &p = m_schema[i];
        const QString name = QString::fromStdString(p.name);
        QWidget *field = m_fields[i];
        switch (p.type) {
        case strategy::ParameterType::Bool:
            values.insert(name, static_cast<QCheckBox *>(field)->isChecked());
            break;
        case strategy::ParameterType::Enum:
            values.insert(name, static_cast<QComboBox *>(field)->currentText());
            break;
        case strategy::ParameterType::Int: {
            bool ok = false;
            const qlonglong v = static_cast<QLineEdit *>(field)->text().trimmed().toLongLong(&ok);
            if (!ok)
                return refuse(
                    tr("%1: \"%2\" is not a whole number").arg(name, static_cast<QLineEdit *>(field)->text()));
            values.insert(name, v);
            break;
        }
        case strategy::ParameterType::Float: {
            bool ok = false;
            const double v = static_cast<QLineEdit *>(field)->text().trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(v))
                return refuse(tr("%1: \"%2\" is not a number").arg(name, static_cast<QLineEdit *>(field)->text()));
            values.insert(name, v);
            break;
        }
        default:
            values.insert(name, static_cast<QLineEdit *>(field)->text());
            break;
        }
    }
    const std::string json = QJsonDocument(values).toJson(QJsonDocument::Compact).toStdString();
    auto checked = strategy::validateParameters(m_schema, json);
    if (!checked)
        return refuse(QString::fromStdString(checked.error().message));
    m_message->hide();
    m_message->clear();
    return checked;
}

QString ParameterEditor::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QWidget *ParameterEditor::field(const QString &name) const
{
    for (std::size_t i = 0; i < m_schema.size(); ++i)
        if (QString::fromStdString(m_schema[i].name) == name)
            return m_fields[i];
    return nullptr;
}

} // namespace meridian::ui
