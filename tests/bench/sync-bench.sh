#!/usr/bin/env bash
# Plan and apply benchmark (no Keycloak involved): plans a generated realm against an empty
# directory, applies it to SQLite and to the test PostgreSQL server, plans it again.
#
#   tests/bench/sync-bench.sh [USERS GROUPS MEMBERSHIPS_PER_USER]     (default 100000 2000 5)
#
# Writes its figures to build/bench/sync-USERS.json.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${USERSYNC_BUILD_DIR:-$root/build}
users=${1:-100000}
"$root/scripts/setup.sh" test
"$root/scripts/build.sh"
mkdir -p "$build/bench"
USERSYNC_TEST_SERVICES=postgres "$root/scripts/with-test-services.sh" \
    "$build/tests/bin/bench_sync" "$users" "${2:-2000}" "${3:-5}" "$build/bench/sync-$users.json"
