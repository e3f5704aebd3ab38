#!/usr/bin/env bash
# Jira benchmark: how long UserSync needs to read a large Jira completely, and to apply a first
# sync of a large realm into an empty one, against the Jira emulator (directly: Prism validates
# in the tests, not here), compared with curl replaying the same requests with the same number
# in flight (4), and UserSync's peak memory.
#
#   tests/bench/jira-bench.sh [USERS GROUPS MEMBERSHIPS_PER_USER]     (default 100000 2000 5)
#
# Builds first. Writes its figures (medians, and every run) to build/bench/jira-USERS.json and
# prints them. USERSYNC_BENCH_RUNS (default 3) runs of each phase, or USERSYNC_BENCH_READ_RUNS and
# USERSYNC_BENCH_APPLY_RUNS apart (0 leaves a phase out).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${USERSYNC_BUILD_DIR:-$root/build}
mkdir -p "$build/bench"

"$root/scripts/setup.sh" test
"$root/scripts/build.sh"

work=$(mktemp -d -t usersync-jira-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export USERSYNC_BENCH_WORK=$work USERSYNC_BENCH_BIN=$build/tests/bin/bench_jira
export USERSYNC_BENCH_USERS=${1:-100000} USERSYNC_BENCH_GROUPS=${2:-2000} USERSYNC_BENCH_PER_USER=${3:-5}
export USERSYNC_BENCH_OUT=$build/bench/jira-$USERSYNC_BENCH_USERS.json
USERSYNC_TEST_SERVICES=jira "$root/scripts/with-test-services.sh" "$root/tests/bench/jira-bench-run.sh"
