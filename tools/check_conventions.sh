#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The Meridian authors
#
# Checks the house rules a compiler does not: no Qt in engine/, SPDX headers, the system clock read only
# by WallClock, and clang-format applied. Prints each violation as file:line and exits 1 if any.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
report() {
    echo "$1"
    status=1
}

sources=$(git ls-files -- '*.h' '*.hpp' '*.cpp' '*.c' 2>/dev/null || find engine ui app tests plugins -name '*.h' -o -name '*.cpp' -o -name '*.c')

# 1. The engine is Qt-free.
while IFS= read -r hit; do
    [ -n "$hit" ] && report "$hit: engine/ must not include Qt"
done < <(grep -nE '^\s*#\s*include\s*[<"](Q[A-Za-z]+|qt[a-z]*/)' $(echo "$sources" | grep '^engine/') 2>/dev/null)

# 2. Every source file starts with the SPDX licence line.
for file in $sources $(git ls-files -- 'CMakeLists.txt' '*/CMakeLists.txt' '*.cmake' '*.sh' 2>/dev/null); do
    if ! head -n 3 "$file" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later'; then
        report "$file:1: missing SPDX-License-Identifier header"
    fi
done

# 3. Only WallClock reads the system clock in the engine.
while IFS= read -r hit; do
    [ -n "$hit" ] && report "$hit: read time from a Clock, not the system clock"
done < <(grep -nE 'system_clock::now|steady_clock::now|high_resolution_clock::now|\btime\(nullptr\)' \
    $(echo "$sources" | grep '^engine/' | grep -v '^engine/core/clock.cpp') 2>/dev/null)

# 4. clang-format 14 (the version Debian 12 ships) has been applied.
if command -v clang-format >/dev/null 2>&1; then
    for file in $sources; do
        if ! clang-format --dry-run --Werror "$file" >/dev/null 2>&1; then
            report "$file: not clang-formatted (run clang-format -i $file)"
        fi
    done
else
    report "clang-format not found (scripts/install-deps.sh installs it)"
fi

if [ $status -eq 0 ]; then
    echo "conventions: ok"
fi
exit $status
