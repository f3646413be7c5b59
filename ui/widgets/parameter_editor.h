// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "strategy/plugin_library.h"

#include <QWidget>

#include <vector>

class QFormLayout;
class QLabel;

namespace meridian::ui {

/// An editor for a plugin's parameters, built from its schema alone: numbers in line edits (so that a value
/// out of range can be typed, and is refused with a message rather than silently clamped), enums as combo
/// boxes, booleans as check boxes, strings as line edits; each with the description, range and step as its
/// tooltip. parameters() checks the values with the host's own validation (the rules a plugin is loaded
/// with), shows the message next to the fields when they are refused, and names the parameter.
///
/// Thread: GUI.
class ParameterEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterEditor(QWidget *parent = nullptr);

    /// Builds the fields; values (a JSON object) fills them, the schema's defaults fill the rest.
    void setSchema(std::vector<strategy::ParameterSpec> schema, const std::string &values = "{}");
    /// The values as a complete JSON object, or the refusal (also shown in the editor).
    Result<std::string> parameters();
    /// The message shown ("" when the last check passed).
    QString message() const;
    /// The field of a parameter (for tests and accessibility), or null.
    QWidget *field(const QString &name) const;

signals:
    void edited();

private:
    std::vector<strategy::ParameterSpec> m_schema;
    std::vector<QWidget *> m_fields;
    QFormLayout *m_form = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace meridian::ui
