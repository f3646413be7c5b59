#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The Meridian authors
#
# Installs the Debian 12 packages Meridian needs to build, test, run and package.
# Idempotent: does nothing when every package is already installed.
# Uses sudo when not run as root.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git clang-format
    # Qt 6 (Widgets, PrintSupport, Network, WebSockets, Sql, Test, LinguistTools) and run-time plugins
    qt6-base-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools qt6-qpa-plugins libqt6sql6-sqlite
    qt6-translations-l10n
    # libraries
    libqcustomplot-dev libspdlog-dev libfmt-dev libboost-dev libsqlite3-dev libexpected-dev
    nlohmann-json3-dev
    # optional at build time: Open MPI, for optimisations spread over an MPI job (meridian-cli optimize --mpi)
    libopenmpi-dev openmpi-bin
    # fonts: Latin and CJK (without a CJK font Chinese renders as boxes)
    fonts-dejavu-core fonts-wqy-microhei fontconfig
    # headless runs, packaging and validation
    xvfb xauth dpkg-dev file desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "install-deps: missing packages (${missing[*]}) and not root; install sudo or run as root" >&2
        exit 1
    fi
    sudo="sudo"
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
