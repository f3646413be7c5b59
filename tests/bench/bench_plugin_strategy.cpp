// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "bench_plugin_strategy.h"

MERIDIAN_STRATEGY_PLUGIN(CountingStrategy, "bench_counting", "Counting", "1.0.0", "bench_plugin_call's strategy")
