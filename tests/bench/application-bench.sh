#!/usr/bin/env bash
# Benchmark of an application target: how long UserSync needs to read a large Jira, Confluence
# or Bitbucket completely, and to apply a first sync of a large realm into an empty one, against the test
# services' emulator (directly: Prism validates in the tests, not here), compared with curl
# replaying the same requests with the same number in flight (4), and UserSync's peak memory.
#
#   tests/bench/application-bench.sh TYPE [USERS GROUPS MEMBERSHIPS_PER_USER]
#                                    TYPE: jira, confluence or bitbucket; default 100000 2000 5
#
# Builds first. Writes its figures (medians, and every run) to build/bench/TYPE-USERS.json and
# prints them. USERSYNC_BENCH_RUNS (default 3) runs of each phase, or USERSYNC_BENCH_READ_RUNS and
# USERSYNC_BENCH_APPLY_RUNS apart (0 leaves a phase out).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${USERSYNC_BUILD_DIR:-$root/build}
type=${1:?usage: application-bench.sh jira|confluence|bitbucket [USERS GROUPS MEMBERSHIPS_PER_USER]}
case $type in
jira | confluence | bitbucket) ;;
*) echo "application-bench: unknown type $type (jira, confluence or bitbucket)" >&2 && exit 2 ;;
esac
mkdir -p "$build/bench"

"$root/scripts/setup.sh" test
"$root/scripts/build.sh"

work=$(mktemp -d -t "usersync-$type-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export USERSYNC_BENCH_WORK=$work USERSYNC_BENCH_BIN=$build/tests/bin/bench_application USERSYNC_BENCH_TYPE=$type
export USERSYNC_BENCH_USERS=${2:-100000} USERSYNC_BENCH_GROUPS=${3:-2000} USERSYNC_BENCH_PER_USER=${4:-5}
export USERSYNC_BENCH_OUT=$build/bench/$type-$USERSYNC_BENCH_USERS.json
USERSYNC_TEST_SERVICES=$type "$root/scripts/with-test-services.sh" "$root/tests/bench/application-bench-run.sh"
