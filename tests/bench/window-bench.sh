#!/usr/bin/env bash
# Window benchmark: the longest main-thread stall while the window simulates the sync of a large
# realm from a real Keycloak, from Simulate Sync until the report is painted (target: 50 ms).
#
#   tests/bench/window-bench.sh [USERS GROUPS MEMBERSHIPS_PER_USER [RUNS]]   (default 100000 2000 5 3)
#
# Builds first. Writes its figures to build/bench/window-USERS.json and prints them.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
users=${1:-100000}
groups=${2:-2000}
per_user=${3:-5}
runs=${4:-3}
build=${USERSYNC_BUILD_DIR:-$root/build}
mkdir -p "$build/bench"

"$root/scripts/setup.sh" test
"$root/scripts/build.sh"

work=$(mktemp -d -t usersync-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "window-bench: generating a realm with $users users, $groups groups, $per_user memberships each" >&2
python3 "$root/tests/bench/generate-large-realm.py" "$users" "$groups" "$per_user" >"$work/usersync-bench-realm.json"

# The window's settings and data go to the throw-away folder; the offscreen platform needs no display.
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config QT_QPA_PLATFORM=offscreen
export USERSYNC_BENCH_ARGS="usersync-bench usersync-bench $runs $build/bench/window-$users.json"
USERSYNC_EXTRA_REALMS=$work/usersync-bench-realm.json KEYCLOAK_READY_TIMEOUT=1800 \
    USERSYNC_KEYCLOAK_HEAP="-Xms512m -Xmx4g" USERSYNC_TEST_SERVICES=keycloak,keyring \
    "$root/scripts/with-test-services.sh" bash -c \
    'printf "%s\n" usersync-bench-test-secret | "$0" "$USERSYNC_TEST_KEYCLOAK_URL" $USERSYNC_BENCH_ARGS' \
    "$build/tests/bin/bench_window"
echo "window-bench: figures written to $build/bench/window-$users.json" >&2
