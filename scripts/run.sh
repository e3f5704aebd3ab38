#!/usr/bin/env bash
# Installs what is missing, builds, and starts UserSync on its embedded SQLite directory.
# Arguments go to the application (e.g. --directory FILE).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh" run
"$root/scripts/build.sh"
exec "${USERSYNC_BUILD_DIR:-$root/build}/bin/usersync" "$@"
