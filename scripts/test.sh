#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The Meridian authors
#
# Installs what Meridian needs, builds it (Debug, warnings as errors) and runs every test: unit, GUI
# (offscreen), real-data, installer and conventions (clang-format, no Qt in the engine, SPDX headers).
# Benchmarks are not run here; see tests/bench.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev
ctest --preset dev --parallel "$(nproc)"
