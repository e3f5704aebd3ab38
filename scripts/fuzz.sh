#!/usr/bin/env bash
# Builds the fuzzers with clang into build-fuzz/ (or $USERSYNC_FUZZ_BUILD_DIR) and runs each for
# SECONDS (default 20) on its corpus in tests/fuzz/corpus; what they find stays in the build
# folder. Figures: build-fuzz/fuzz/figures.tsv. Installs clang's libFuzzer when it is missing.
#   scripts/fuzz.sh [SECONDS] [ctest arguments, e.g. -R Fuzz_cron]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${USERSYNC_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${1:-20}
shift || true
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS] [ctest arguments]" >&2; exit 2; }

"$root/scripts/setup.sh" fuzz
# -O1, as libFuzzer's documentation builds, and line tables only: fast to compile, fast enough to
# fuzz, and a finding's stack names its lines.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
    -DUSERSYNC_FUZZ=ON -DUSERSYNC_WERROR=OFF -DUSERSYNC_FUZZ_SECONDS="$seconds" >/dev/null
cmake --build "$build" --parallel "$(nproc)"
rm -f "$build/fuzz/figures.tsv"
status=0
ctest --test-dir "$build" --output-on-failure "$@" || status=$?
if [[ -f $build/fuzz/figures.tsv ]]; then
    printf 'fuzzer\tseconds\texecutions\tcorpus\n'
    cat "$build/fuzz/figures.tsv"
fi
exit "$status"
