#!/usr/bin/env bash
# Installs what is missing, builds, starts the real test services (Keycloak, PostgreSQL,
# Secret Service) and runs every test with CTest, then a short run of every fuzzer
# (USERSYNC_FUZZ_SECONDS each, default 20, at most USERSYNC_FUZZ_RUNS inputs from a fixed seed,
# default 50000; 0 seconds skips them). Arguments go to ctest, e.g. -L unit.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${USERSYNC_BUILD_DIR:-$root/build}
started=$SECONDS

"$root/scripts/setup.sh" test
echo "test: setup done after $((SECONDS - started)) s"
"$root/scripts/build.sh"
echo "test: build done after $((SECONDS - started)) s"

status=0
"$root/scripts/with-test-services.sh" \
    ctest --test-dir "$build" --output-on-failure --timeout 600 "$@" || status=$?
echo "test: tests done after $((SECONDS - started)) s"
fuzz_seconds=${USERSYNC_FUZZ_SECONDS:-20}
if [[ $fuzz_seconds != 0 ]]; then
    # From a fixed seed, at most 50,000 inputs, or fewer if the time runs out first.
    USERSYNC_FUZZ_RUNS=${USERSYNC_FUZZ_RUNS:-50000} "$root/scripts/fuzz.sh" "$fuzz_seconds" || status=$?
fi
echo "test: finished after $((SECONDS - started)) s"
exit "$status"
