// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

// The technical indicators live in the plugin SDK (meridian/indicators.hpp), header-only, so that the
// built-in and users' strategy plugins compute exactly what the host computes. The host names them
// meridian::strategy::indicators.
#include <meridian/indicators.hpp>

namespace meridian::strategy {
namespace indicators = ::meridian::sdk::indicators;
} // namespace meridian::strategy
