#!/usr/bin/env bash
# The measuring half of fetch-bench.sh, run inside scripts/with-test-services.sh.
set -euo pipefail
work=$USERSYNC_BENCH_WORK
cli=$USERSYNC_BENCH_CLI
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
secret=usersync-bench-test-secret
runs=${USERSYNC_BENCH_RUNS:-3}

printf '%s\n' "$secret" | "$cli" connector add bench --url "$USERSYNC_TEST_KEYCLOAK_URL" --realm usersync-bench \
    --client-id usersync-bench --secret-stdin >/dev/null

# usersync-cli: wall time and peak resident memory of the whole process (connecting, fetching,
# writing the snapshot). Keycloak answers its first requests far slower (JIT, caches): one
# warm-up run is not counted.
usersync_run() {
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$cli" fetch bench --output "$work/snapshot.json" --json >"$work/fetch.json"
    read -r seconds kb <"$work/time.txt"
    python3 -c "print(round($seconds * 1000), $kb)"
}
usersync_run >/dev/null
# The same pages for a bare parallel client: derived from the snapshot just fetched.
python3 - "$work" "$USERSYNC_TEST_KEYCLOAK_URL" <<'PY'
import json, math, sys
work, base = sys.argv[1], sys.argv[2]
snapshot = json.load(open(f"{work}/snapshot.json"))
admin = f"{base}/admin/realms/usersync-bench"
page = 500
urls = [f"{admin}/users/count", f"{admin}/groups/count"]
urls += [f"{admin}/users?briefRepresentation=true&first={i * page}&max={page}"
         for i in range(max(1, math.ceil(len(snapshot["users"]) / page)))]
urls.append(f"{admin}/groups?briefRepresentation=true&first=0&max={page}")
members = {}
children = {}
for m in snapshot["memberships"]:
    members[m["group"]] = members.get(m["group"], 0) + 1
for g in snapshot["groups"]:
    if g["parentId"]:
        children[g["parentId"]] = children.get(g["parentId"], 0) + 1
for parent, count in children.items():
    urls += [f"{admin}/groups/{parent}/children?briefRepresentation=true&first={i * page}&max={page}"
             for i in range(math.ceil(count / page))]
for g in snapshot["groups"]:
    pages = max(1, math.ceil((members.get(g["id"], 0) + 1) / page))
    urls += [f"{admin}/groups/{g['id']}/members?briefRepresentation=true&first={i * page}&max={page}"
             for i in range(pages)]
with open(f"{work}/urls.txt", "w") as out:
    for url in urls:
        out.write(f'url = "{url}"\noutput = "/dev/null"\n')
print(len(urls), file=open(f"{work}/url-count.txt", "w"))
PY

# A fresh token for every curl run (they live 300 s); it goes through a file, not the command line.
umask 077
write_curl_config() {
    local token
    token=$(curl -fsS -d grant_type=client_credentials -d client_id=usersync-bench --data-urlencode "client_secret=$secret" \
        "$USERSYNC_TEST_KEYCLOAK_URL/realms/usersync-bench/protocol/openid-connect/token" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
    printf 'header = "Authorization: Bearer %s"\nfail\nsilent\nshow-error\nno-progress-meter\n' "$token" >"$work/curl.conf"
}
curl_run() {
    local start
    write_curl_config
    start=$(date +%s%N)
    curl -K "$work/curl.conf" --parallel --parallel-max 4 -K "$work/urls.txt"
    echo $((($(date +%s%N) - start) / 1000000))
}
curl_run >/dev/null

# Alternating runs, so that both see the server in the same state; the medians are compared.
usersync_times=()
curl_times=()
peak_kb=0
for run in $(seq 1 "$runs"); do
    read -r ms kb < <(usersync_run)
    usersync_times+=("$ms")
    ((kb > peak_kb)) && peak_kb=$kb
    curl_times+=("$(curl_run)")
    echo "fetch-bench: run $run: usersync-cli ${ms} ms (peak ${kb} KiB), curl ${curl_times[-1]} ms" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# Keycloak's own admin client, kcadm.sh from the same distribution, in a sequential script as
# an administrator would write it: one command per page, the same pages as curl, one after the
# other. Run once (USERSYNC_BENCH_KCADM=0 skips it): every command starts a JVM.
kcadm_ms=0
if [[ ${USERSYNC_BENCH_KCADM:-1} == 1 ]]; then
    kcadm=$USERSYNC_TEST_KEYCLOAK_HOME/bin/kcadm.sh
    echo "fetch-bench: the same $(cat "$work/url-count.txt") pages through kcadm.sh, one after the other" >&2
    start=$(date +%s%N)
    (
        export JAVA_HOME=$USERSYNC_TEST_KEYCLOAK_JAVA_HOME
        # The secret goes through kcadm's environment variable, not its command line.
        KC_CLI_CLIENT_SECRET=$secret "$kcadm" config credentials --config "$work/kcadm.config" \
            --server "$USERSYNC_TEST_KEYCLOAK_URL" --realm usersync-bench --client usersync-bench
        admin="$USERSYNC_TEST_KEYCLOAK_URL/admin/realms/usersync-bench/"
        grep '^url = ' "$work/urls.txt" | sed -e 's/^url = "//' -e 's/"$//' | while read -r url; do
            path=${url#"$admin"}
            query=()
            if [[ $path == *\?* ]]; then
                IFS='&' read -ra pairs <<<"${path#*\?}"
                for pair in "${pairs[@]}"; do query+=(-q "$pair"); done
                path=${path%%\?*}
            fi
            "$kcadm" get "$path" --config "$work/kcadm.config" -r usersync-bench "${query[@]}" >/dev/null
        done
    )
    kcadm_ms=$((($(date +%s%N) - start) / 1000000))
    echo "fetch-bench: kcadm.sh ${kcadm_ms} ms" >&2
fi
best_ms=$(median "${usersync_times[@]}")
best_curl_ms=$(median "${curl_times[@]}")

python3 - "$work" "$best_ms" "$peak_kb" "$best_curl_ms" "$USERSYNC_BENCH_OUT" "$kcadm_ms" <<'PY'
import json, sys, platform, os
work, best_ms, peak_kb, curl_ms, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
kcadm_ms = int(sys.argv[6])
fetch = json.load(open(f"{work}/fetch.json"))
figures = {
    "users": fetch["users"], "groups": fetch["groups"], "memberships": fetch["memberships"],
    "requests": fetch["requests"], "bareClientRequests": int(open(f"{work}/url-count.txt").read()),
    "usersyncFetchMedianMs": best_ms, "usersyncPeakRssKiB": peak_kb,
    "bareParallelClientMedianMs": curl_ms, "ratioToBareClient": round(best_ms / curl_ms, 2),
    "machine": f"{os.cpu_count()} cores, {platform.machine()}",
}
if kcadm_ms:
    figures["kcadmSequentialMs"] = kcadm_ms
    figures["kcadmToUsersync"] = round(kcadm_ms / best_ms, 1)
json.dump(figures, open(out, "w"), indent=2)
print(json.dumps(figures, indent=2))
PY
echo "fetch-bench: figures written to $USERSYNC_BENCH_OUT" >&2
