// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/decimal.h"

#include <meridian/plugin.h>

// Conversions between the engine's types and plugin.h's, for the hosts that hand instruments to plugins.
namespace meridian::strategy {

inline meridian_decimal toC(const Decimal &d)
{
    return meridian_decimal{d.mantissa(), d.scale(), 0};
}

} // namespace meridian::strategy
