#!/usr/bin/env bash
# The measuring half of scim-bench.sh, run inside scripts/with-test-services.sh.
set -euo pipefail
work=$USERSYNC_BENCH_WORK
bench=$USERSYNC_BENCH_BIN
helper=$USERSYNC_BENCH_HELPER
base=$USERSYNC_TEST_SCIM_URL
export USERSYNC_BENCH_TOKEN=$USERSYNC_TEST_SCIM_TOKEN
read_users=$USERSYNC_BENCH_READ_USERS apply_users=$USERSYNC_BENCH_APPLY_USERS
groups=$USERSYNC_BENCH_GROUPS per_user=$USERSYNC_BENCH_PER_USER
runs=${USERSYNC_BENCH_RUNS:-3}
# What the server announces for the apply, e.g. '{"bulk": false}' to measure without Bulk.
options=${USERSYNC_BENCH_SCIM_OPTIONS:-'{}'}
read_runs=${USERSYNC_BENCH_READ_RUNS:-$runs} apply_runs=${USERSYNC_BENCH_APPLY_RUNS:-$runs}
umask 077

control() { curl -fsS -X "$1" -H 'Content-Type: application/json' -d "${3:-{\}}" "${base%/v2}/_harness/$2" >/dev/null; }
median() { (($#)) || { echo 0; return; }; printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
json_field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
# A stage of the recorded requests, 4 in flight as UserSync sends them; anything but 2xx shown.
curl_stage() {
    [[ -s $work/curl-$1.conf ]] || return 0
    curl --no-progress-meter --parallel --parallel-max 4 -K "$work/curl-$1.conf" | sort | uniq -c >"$work/curl-$1.codes" || true
    awk -v stage="$1" '$2 !~ /^2/ {print "curl replay, " stage ": " $1 " answers with HTTP " $2}' "$work/curl-$1.codes" >&2
}

# --- reading ------------------------------------------------------------------------------------
read_ms=() curl_read_ms=() read_kib=0
if ((read_runs > 0)); then
    echo "scim-bench: loading $read_users users, $groups groups, $((read_users * per_user)) memberships" >&2
    loaded=$(python3 "$helper" load "$base" "$read_users" "$groups" "$per_user")
    "$bench" scim read "$base" >"$work/read-warmup.json"
    python3 "$helper" curl "$work" "$base"
    control POST config '{"recording": false}'
    for run in $(seq 1 "$read_runs"); do
        figures=$("$bench" scim read "$base")
        read_ms+=("$(json_field "$figures" readMs)")
        kib=$(json_field "$figures" peakKiB)
        ((kib > read_kib)) && read_kib=$kib
        start=$(date +%s%N)
        curl_stage read
        curl_read_ms+=("$(ms_since "$start")")
        echo "scim-bench: read run $run: UserSync ${read_ms[-1]} ms (peak $kib KiB), curl ${curl_read_ms[-1]} ms" >&2
    done
    echo "$figures" >"$work/read.json"
fi

# --- applying a first sync ----------------------------------------------------------------------
apply_ms=() curl_apply_ms=() apply_kib=0
for run in $(seq 1 "$apply_runs"); do
    control POST reset "$options"
    control POST config '{"recording": true}'
    figures=$("$bench" scim apply "$base" "$apply_users" "$groups" "$per_user")
    apply_ms+=("$(json_field "$figures" applyMs)")
    kib=$(json_field "$figures" peakKiB)
    ((kib > apply_kib)) && apply_kib=$kib
    python3 "$helper" curl "$work" "$base"
    control POST reset "$options"
    control POST config '{"recording": false}'
    curl_stage read >/dev/null # not timed: the read of an empty server, before UserSync's apply began
    start=$(date +%s%N)
    curl_stage objects
    # Not timed either: which ids the server gave this time (UserSync knows them from its answers).
    middle=$(date +%s%N)
    python3 "$helper" remap "$work" "$base"
    remap_ms=$(ms_since "$middle")
    curl_stage members
    curl_apply_ms+=($(($(ms_since "$start") - remap_ms)))
    echo "scim-bench: apply run $run: UserSync ${apply_ms[-1]} ms (peak $kib KiB), curl ${curl_apply_ms[-1]} ms" >&2
done
((apply_runs > 0)) && echo "$figures" >"$work/apply.json"

python3 "$(dirname "${BASH_SOURCE[0]}")/bench-figures.py" "$work" "$USERSYNC_BENCH_OUT" \
    "$(median "${read_ms[@]}")" "$(median "${curl_read_ms[@]}")" "$(median "${apply_ms[@]}")" \
    "$(median "${curl_apply_ms[@]}")" "$read_kib" "$apply_kib" \
    "${read_ms[*]}" "${curl_read_ms[*]}" "${apply_ms[*]}" "${curl_apply_ms[*]}"
