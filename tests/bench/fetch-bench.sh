#!/usr/bin/env bash
# Fetch benchmark: how long usersync-cli needs to read a large realm from a real Keycloak, its
# peak memory, and how that compares with a bare parallel HTTP client (curl, same pages, same
# number of requests in flight) that only downloads and parses nothing.
#
#   tests/bench/fetch-bench.sh [USERS GROUPS MEMBERSHIPS_PER_USER]     (default 100000 2000 5)
#
# Builds first. Writes its figures to build/bench/fetch-USERS.json and prints them.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
users=${1:-100000}
groups=${2:-2000}
per_user=${3:-5}
build=${USERSYNC_BUILD_DIR:-$root/build}
out_dir=$build/bench
mkdir -p "$out_dir"

"$root/scripts/setup.sh" test
command -v /usr/bin/time >/dev/null || {
    echo "fetch-bench: needs GNU time (apt-get install time)" >&2
    exit 1
}
"$root/scripts/build.sh"

work=$(mktemp -d -t usersync-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "fetch-bench: generating a realm with $users users, $groups groups, $per_user memberships each" >&2
python3 "$root/tests/bench/generate-large-realm.py" "$users" "$groups" "$per_user" >"$work/usersync-bench-realm.json"

export USERSYNC_BENCH_WORK=$work USERSYNC_BENCH_OUT=$out_dir/fetch-$users.json
export USERSYNC_BENCH_CLI=$build/bin/usersync-cli USERSYNC_BENCH_USERS=$users
USERSYNC_EXTRA_REALMS=$work/usersync-bench-realm.json KEYCLOAK_READY_TIMEOUT=1800 \
    USERSYNC_KEYCLOAK_HEAP="-Xms512m -Xmx4g" USERSYNC_TEST_SERVICES=keycloak,keyring \
    "$root/scripts/with-test-services.sh" "$root/tests/bench/fetch-bench-run.sh"
