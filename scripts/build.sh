#!/usr/bin/env bash
# Configures and builds UserSync into build/ (or $USERSYNC_BUILD_DIR) with warnings as errors.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${USERSYNC_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DUSERSYNC_WERROR=ON >/dev/null
cmake --build "$build" --parallel "$(nproc)"
