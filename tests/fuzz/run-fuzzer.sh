#!/usr/bin/env bash
# Runs one libFuzzer binary for a number of seconds: the committed corpus as seeds, what it finds
# kept in the work folder (never in the repository), a reproducer named in the log on a crash.
# Appends "name seconds executions corpus-size" to WORK/figures.tsv.
#   run-fuzzer.sh FUZZER SEED-CORPUS WORK SECONDS
set -uo pipefail
fuzzer=$1 seeds=$2 work=$3 seconds=$4
name=$(basename "$fuzzer")
mkdir -p "$work/$name"
log=$work/$name.log
# Leaks are looked for too; a run that takes longer than 10 s or 2 GiB for one input is a finding.
# With USERSYNC_FUZZ_RUNS (the test command sets it), a fixed seed and at most that many inputs,
# so that the test command's short run is much the same on every machine (not exactly: what an
# input covers can depend on the clock); ten-minute runs go free.
limits=(-max_total_time="$seconds")
if [[ -n ${USERSYNC_FUZZ_RUNS:-} ]]; then
    limits+=(-seed=1 -runs="$USERSYNC_FUZZ_RUNS")
    export QT_HASH_SEED=0 # Qt's hashes in the same order every time, or what is covered drifts
fi
"$fuzzer" "${limits[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$work/$name-" "$work/$name" "$seeds" >"$log" 2>&1
status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
files=$(find "$work/$name" "$seeds" -type f | wc -l)
printf '%s\t%s\t%s\t%s\n' "$name" "$seconds" "${runs:-0}" "$files" >>"$work/figures.tsv"
if [[ $status -ne 0 ]]; then
    tail -n 60 "$log"
    echo "$name: the fuzzer found an input that breaks it (status $status); see $log"
    exit "$status"
fi
echo "$name: ${runs:-0} inputs in $seconds s, none broke it"
