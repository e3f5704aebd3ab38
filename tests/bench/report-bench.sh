#!/usr/bin/env bash
# Report table benchmark (no services involved): sorts the simulated-sync report's table of a
# generated realm's first sync on every column.
#
#   tests/bench/report-bench.sh [USERS GROUPS MEMBERSHIPS_PER_USER]     (default 100000 2000 0)
#
# With no memberships the table has USERS + GROUPS rows. Writes build/bench/report-USERS.json.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${USERSYNC_BUILD_DIR:-$root/build}
users=${1:-100000}
"$root/scripts/setup.sh" test
"$root/scripts/build.sh"
mkdir -p "$build/bench"
"$build/tests/bin/bench_report" "$users" "${2:-2000}" "${3:-0}" "$build/bench/report-$users.json"
