#!/usr/bin/env bash
# Benchmark of the SCIM target against the test services' real SCIM server (scim2-server, with
# recording on in its harness): how long UserSync needs to read a large service completely, and
# to apply a first sync of a generated realm into an empty one, each beside curl replaying the
# same requests with the same number in flight (4), and UserSync's peak memory.
#
#   tests/bench/scim-bench.sh [READ_USERS APPLY_USERS GROUPS MEMBERSHIPS_PER_USER]
#                             default 100000 10000 2000 5
#
# The apply is measured on fewer users than the read: scim2-server walks every user for each
# filtered lookup (docs/PERFORMANCE.md), so the lookups before the creates grow with the square
# of the users and the server alone would take hours at 100,000.
#
# Builds first. Writes its figures (medians, and every run) to build/bench/scim-READ_USERS.json and
# prints them. USERSYNC_BENCH_RUNS (default 3) runs of each phase, or USERSYNC_BENCH_READ_RUNS and
# USERSYNC_BENCH_APPLY_RUNS apart (0 leaves a phase out); USERSYNC_BENCH_SCIM_OPTIONS what the
# server announces for the apply (the harness's reset options, e.g. '{"bulk": false}').
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${USERSYNC_BUILD_DIR:-$root/build}
mkdir -p "$build/bench"

"$root/scripts/setup.sh" test
"$root/scripts/build.sh"

work=$(mktemp -d -t usersync-scim-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export USERSYNC_BENCH_WORK=$work USERSYNC_BENCH_BIN=$build/tests/bin/bench_application
export USERSYNC_BENCH_HELPER=$root/tests/bench/scim-bench.py
export USERSYNC_BENCH_READ_USERS=${1:-100000} USERSYNC_BENCH_APPLY_USERS=${2:-10000}
export USERSYNC_BENCH_GROUPS=${3:-2000} USERSYNC_BENCH_PER_USER=${4:-5}
export USERSYNC_BENCH_OUT=$build/bench/scim-$USERSYNC_BENCH_READ_USERS.json
USERSYNC_TEST_SERVICES=scim "$root/scripts/with-test-services.sh" "$root/tests/bench/scim-bench-run.sh"
