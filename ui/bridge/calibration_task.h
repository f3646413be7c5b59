// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>

namespace meridian::ui {

/// A calibration of the simulator, as `meridian-cli calibrate` and the workstation's Calibrate dialog ask for
/// it: the data is a LOBSTER message file (its orderbook file bookPath, or beside it with "orderbook" for
/// "message" in the name), "book" for the symbol's imported order-book messages, or "bars" / "bars:INTERVAL"
/// for its imported bars (default 1h).
struct CalibrationTask
{
    Q_DECLARE_TR_FUNCTIONS(CalibrationTask)
public:
    QString databasePath;
    std::string symbol;
    std::string scenario = "normal";
    QString data;
    QString bookPath;
    std::string venue; // imported data: "" for any
    std::int64_t fromNs = std::numeric_limits<std::int64_t>::min();
    std::int64_t toNs = std::numeric_limits<std::int64_t>::max();
    std::optional<std::pair<std::int64_t, std::int64_t>> stressed; // bars: the stressed window, ns

    struct Result
    {
        bool ok = false;
        bool badInput = true; // when not ok: the data or the request was refused (else a failure of the machine)
        QString error;
        QString text;     // what was found, for people
        QJsonObject json; // the same, for programs
    };
    /// Loads the data, fits, stores the active calibration (see sim::calibration). Nothing is stored unless it
    /// all succeeded. Thread: any; it opens its own connection to the database.
    Result run() const;
};

} // namespace meridian::ui
