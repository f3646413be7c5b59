#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The Meridian authors
#
# Installs what Meridian needs, builds it (Release) and starts the workstation.
# Arguments are passed to `meridian` (for example --lang zh_CN or --theme dark).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target meridian meridian-cli

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    cat >&2 <<'MSG'
Meridian is built, but this session has no display (DISPLAY and WAYLAND_DISPLAY are not set).
Start it in a virtual display:      xvfb-run -a scripts/run.sh
or save one screenshot offscreen:   QT_QPA_PLATFORM=offscreen build/release/app/meridian --screenshot meridian.png
or work headless:                   build/release/app/meridian-cli --help
MSG
    exit 2
fi
exec build/release/app/meridian "$@"
