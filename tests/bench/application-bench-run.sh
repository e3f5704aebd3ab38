#!/usr/bin/env bash
# The measuring half of application-bench.sh, run inside scripts/with-test-services.sh.
set -euo pipefail
work=$USERSYNC_BENCH_WORK
bench=$USERSYNC_BENCH_BIN
type=$USERSYNC_BENCH_TYPE
prefix=USERSYNC_TEST_${type^^}
direct_var=${prefix}_DIRECT_URL token_var=${prefix}_TOKEN
app=${!direct_var}
token=${!token_var}
case $type in
jira) version=11.3.8 ;;
confluence) version=10.2.14 ;;
bitbucket) version=10.4 ;;
esac
# Bitbucket refuses tokens on its administration resources: Basic, as a Bitbucket target signs in.
authorization="Bearer $token"
if [[ $type == bitbucket ]]; then
    export USERSYNC_BENCH_USER=$USERSYNC_TEST_BITBUCKET_ADMIN_USER
    token=$USERSYNC_TEST_BITBUCKET_ADMIN_PASSWORD
    authorization="Basic $(printf '%s:%s' "$USERSYNC_BENCH_USER" "$token" | base64 -w0)"
fi
users=$USERSYNC_BENCH_USERS groups=$USERSYNC_BENCH_GROUPS per_user=$USERSYNC_BENCH_PER_USER
runs=${USERSYNC_BENCH_RUNS:-3}
# Each phase on its own, e.g. USERSYNC_BENCH_APPLY_RUNS=0 for the read alone.
read_runs=${USERSYNC_BENCH_READ_RUNS:-$runs} apply_runs=${USERSYNC_BENCH_APPLY_RUNS:-$runs}
export USERSYNC_BENCH_TOKEN=$token
umask 077

control() { curl -fsS -X "$1" -H 'Content-Type: application/json' -d "${3:-{\}}" "$app/_emulator/$2" >/dev/null; }
median() { (($#)) || { echo 0; return; }; printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

# The requests UserSync made, from the emulator's log, as curl configurations: one per stage of
# the apply (curl in parallel knows no order; UserSync adds members only once users and groups exist):
# the reads before the first write, the objects, the look-ups after writes (Bitbucket's create
# answers without the new user's id), then the memberships.
write_curl_configs() {
    curl -fsS "$app/_emulator/requests" >"$work/requests.json"
    python3 - "$work" "$app" "$authorization" <<'PY'
import json, re, sys, urllib.parse
work, base, authorization = sys.argv[1:4]
log = json.load(open(f"{work}/requests.json"))
log = log["requests"] if isinstance(log, dict) else log
# Membership calls (the logged path is as sent, names encoded): Jira's POST group/user, Confluence's
# PUT user/{name}/group/{group}, Bitbucket's bulk add-users and add-groups and a global permission.
members = re.compile(r"/group/user$|^/rest/api/user/[^/]+/group/[^/]+$|/admin/groups/add-users$"
                     r"|/admin/users/add-groups$|/admin/permissions/users$")
stages = {}
written = False
for r in log:
    written = written or r["method"] != "GET"
    stage = ("members" if members.search(r["path"]) else "objects" if r["method"] != "GET"
             else "lookups" if written else "read")
    q = urllib.parse.urlencode(r.get("query") or {})
    lines = [f'url = "{base}{r["path"]}{"?" + q if q else ""}"', 'output = "/dev/null"',
             'write-out = "%{http_code}\\n"', f'header = "Authorization: {authorization}"']
    if r["method"] != "GET":
        lines += [f'request = "{r["method"]}"', 'header = "Content-Type: application/json"',
                  'header = "X-Atlassian-Token: no-check"']
        if r.get("body") is not None:
            lines.append("data = " + json.dumps(json.dumps(r["body"], separators=(",", ":"))))
    stages.setdefault(stage, []).append("\n".join(lines) + "\n")
for stage, entries in stages.items():
    open(f"{work}/curl-{stage}.conf", "w").write("next\n".join(entries))
    print(stage, len(entries), file=sys.stderr)
PY
}
# Statuses tallied into curl-STAGE.codes, so that a replay that went wrong shows.
curl_stage() {
    [[ -s $work/curl-$1.conf ]] || return 0
    local began
    began=$(date +%s%N)
    curl --no-progress-meter --parallel --parallel-max 4 -K "$work/curl-$1.conf" |
        sort | uniq -c >"$work/curl-$1.codes" || true
    echo "curl replay, $1: $(ms_since "$began") ms" >&2
    # Anything but 2xx means the replay did not do what UserSync did: shown, so that it is seen.
    awk -v stage="$1" '$2 !~ /^2/ {print "curl replay, " stage ": " $1 " answers with HTTP " $2}' \
        "$work/curl-$1.codes" >&2
}
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

# --- reading ------------------------------------------------------------------------------------
echo "$type-bench: generating $users users, $groups groups, $((users * per_user)) memberships" >&2
control POST reset "{\"version\":\"$version\"}"
control POST config '{"requestLogLimit": 3000000}'
control POST generate "{\"users\":$users,\"groups\":$groups,\"memberships\":$((users * per_user)),\"seed\":1}"
control DELETE requests
"$bench" "$type" read "$app" >"$work/read-warmup.json"
write_curl_configs
read_ms=() curl_read_ms=() read_kib=0
for run in $(seq 1 "$read_runs"); do
    figures=$("$bench" "$type" read "$app")
    read_ms+=("$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["readMs"])' "$figures")")
    kib=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["peakKiB"])' "$figures")
    ((kib > read_kib)) && read_kib=$kib
    start=$(date +%s%N)
    curl_stage read
    curl_read_ms+=("$(ms_since "$start")")
    echo "$type-bench: read run $run: UserSync ${read_ms[-1]} ms (peak $kib KiB), curl ${curl_read_ms[-1]} ms" >&2
done
((read_runs > 0)) && echo "$figures" >"$work/read.json"

# --- applying a first sync ----------------------------------------------------------------------
apply_ms=() curl_apply_ms=() apply_kib=0
for run in $(seq 1 "$apply_runs"); do
    control POST reset "{\"version\":\"$version\"}"
    control POST config '{"requestLogLimit": 3000000}'
    control DELETE requests
    figures=$("$bench" "$type" apply "$app" "$users" "$groups" "$per_user")
    apply_ms+=("$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["applyMs"])' "$figures")")
    kib=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["peakKiB"])' "$figures")
    ((kib > apply_kib)) && apply_kib=$kib
    write_curl_configs
    control POST reset "{\"version\":\"$version\"}"
    control POST config '{"requestLogLimit": 1}'
    curl_stage read >/dev/null # not timed: the apply's own reads are part of UserSync's read above
    start=$(date +%s%N)
    curl_stage objects
    curl_stage lookups
    curl_stage members
    curl_apply_ms+=("$(ms_since "$start")")
    echo "$type-bench: apply run $run: UserSync ${apply_ms[-1]} ms (peak $kib KiB), curl ${curl_apply_ms[-1]} ms" >&2
done
((apply_runs > 0)) && echo "$figures" >"$work/apply.json"

python3 "$(dirname "${BASH_SOURCE[0]}")/bench-figures.py" "$work" "$USERSYNC_BENCH_OUT" \
    "$(median "${read_ms[@]}")" "$(median "${curl_read_ms[@]}")" "$(median "${apply_ms[@]}")" \
    "$(median "${curl_apply_ms[@]}")" "$read_kib" "$apply_kib" \
    "${read_ms[*]}" "${curl_read_ms[*]}" "${apply_ms[*]}" "${curl_apply_ms[*]}"
