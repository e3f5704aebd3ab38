#!/usr/bin/env bash
# Benchmark of the LDAP target against the test services' real OpenLDAP server (slapd): a first
# sync of a generated realm into empty base DNs, and a complete read of what it made, each beside
# OpenLDAP's own ldapmodify and ldapsearch doing the same work with the same concurrency (4
# ldapmodify processes, as UserSync has 4 operations in flight, each group's modifies in one of
# them; one paged ldapsearch after the other, as UserSync reads), and UserSync's peak memory.
#
#   tests/bench/ldap-bench.sh [USERS GROUPS MEMBERSHIPS_PER_USER]     default 100000 2000 5
#
# Builds first. Writes its figures (medians, and every run) to build/bench/ldap-USERS.json and
# prints them. USERSYNC_BENCH_RUNS (default 3) runs of each phase, or USERSYNC_BENCH_READ_RUNS and
# USERSYNC_BENCH_APPLY_RUNS apart (at least one apply: the read reads what it made).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${USERSYNC_BUILD_DIR:-$root/build}
mkdir -p "$build/bench"

"$root/scripts/setup.sh" test
"$root/scripts/build.sh"

work=$(mktemp -d -t usersync-ldap-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export USERSYNC_BENCH_WORK=$work USERSYNC_BENCH_BIN=$build/tests/bin/bench_application
export USERSYNC_BENCH_HELPER=$root/tests/bench/ldap-bench.py
export USERSYNC_BENCH_USERS=${1:-100000} USERSYNC_BENCH_GROUPS=${2:-2000} USERSYNC_BENCH_PER_USER=${3:-5}
export USERSYNC_BENCH_OUT=$build/bench/ldap-$USERSYNC_BENCH_USERS.json
USERSYNC_TEST_SERVICES=ldap "$root/scripts/with-test-services.sh" "$root/tests/bench/ldap-bench-run.sh"
