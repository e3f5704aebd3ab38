#!/usr/bin/env bash
# The measuring half of ldap-bench.sh, run inside scripts/with-test-services.sh.
set -euo pipefail
work=$USERSYNC_BENCH_WORK
bench=$USERSYNC_BENCH_BIN
helper=$USERSYNC_BENCH_HELPER
users=$USERSYNC_BENCH_USERS groups=$USERSYNC_BENCH_GROUPS per_user=$USERSYNC_BENCH_PER_USER
runs=${USERSYNC_BENCH_RUNS:-3}
read_runs=${USERSYNC_BENCH_READ_RUNS:-$runs} apply_runs=${USERSYNC_BENCH_APPLY_RUNS:-$runs}
((apply_runs > 0)) || apply_runs=1
umask 077
base=$USERSYNC_TEST_LDAP_BASE
export LDAPTLS_CACERT=$USERSYNC_TEST_CA_FILE USERSYNC_BENCH_CA_FILE=$USERSYNC_TEST_CA_FILE
export USERSYNC_BENCH_USER=$USERSYNC_TEST_LDAP_BIND_DN USERSYNC_BENCH_TOKEN=$USERSYNC_TEST_LDAP_BIND_PASSWORD
# The passwords travel in files, never on a command line.
printf '%s' "$USERSYNC_TEST_LDAP_BIND_PASSWORD" >"$work/bind.secret"
printf '%s' "$USERSYNC_TEST_LDAP_ADMIN_PASSWORD" >"$work/admin.secret"
as_sync=(-ZZ -H "$USERSYNC_TEST_LDAP_URL" -x -D "$USERSYNC_TEST_LDAP_BIND_DN" -y "$work/bind.secret")
as_admin=(-ZZ -H "$USERSYNC_TEST_LDAP_URL" -x -D "$USERSYNC_TEST_LDAP_ADMIN_DN" -y "$work/admin.secret")

median() { (($#)) || { echo 0; return; }; printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
json_field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
# Fresh base DNs for one run: ou=NAME below ou=people and ou=groups (the sync account may write there).
make_bases() {
    ldapadd "${as_admin[@]}" >/dev/null <<LDIF
dn: ou=$1,ou=people,$base
objectClass: organizationalUnit
ou: $1

dn: ou=$1,ou=groups,$base
objectClass: organizationalUnit
ou: $1
LDIF
}
# One stage of the baseline: its four shards at once, as four ldapmodify processes.
ldapmodify_stage() {
    local pids=() shard
    for shard in 0 1 2 3; do
        [[ -s $work/ldif/$1-$shard.ldif ]] || continue
        ldapmodify "${as_sync[@]}" -f "$work/ldif/$1-$shard.ldif" >/dev/null &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || { echo "ldapmodify failed in stage $1" >&2; exit 1; }; done
}

# --- applying a first sync ----------------------------------------------------------------------
apply_ms=() baseline_apply_ms=() apply_kib=0
for run in $(seq 1 "$apply_runs"); do
    make_bases "u$run"
    users_base=ou=u$run,ou=people,$base groups_base=ou=u$run,ou=groups,$base
    export USERSYNC_BENCH_LDAP="{\"usersBase\": \"$users_base\", \"groupsBase\": \"$groups_base\"}"
    figures=$("$bench" ldap apply "$USERSYNC_TEST_LDAP_URL" "$users" "$groups" "$per_user")
    [[ $(json_field "$figures" status) == succeeded ]] || { echo "$figures" >&2; exit 1; }
    apply_ms+=("$(json_field "$figures" applyMs)")
    kib=$(json_field "$figures" peakKiB)
    ((kib > apply_kib)) && apply_kib=$kib
    echo "$figures" >"$work/apply.json"

    # The same entries and modifies, below other base DNs, through ldapmodify.
    ldapsearch "${as_admin[@]}" -LLL -E pr=1000/noprompt -b "ou=u$run,ou=people,$base" \
        '(objectClass=inetOrgPerson)' >"$work/dump.ldif"
    ldapsearch "${as_admin[@]}" -LLL -E pr=1000/noprompt -b "ou=u$run,ou=groups,$base" \
        '(objectClass=groupOfUniqueNames)' >>"$work/dump.ldif"
    rm -rf "$work/ldif"
    python3 "$helper" baseline "$work/dump.ldif" "$work/ldif" "$users_base" "$groups_base" \
        "ou=c$run,ou=people,$base" "ou=c$run,ou=groups,$base" cn=nobody >&2
    make_bases "c$run"
    start=$(date +%s%N)
    ldapmodify_stage groups
    ldapmodify_stage users
    ldapmodify_stage members
    baseline_apply_ms+=("$(ms_since "$start")")
    echo "ldap-bench: apply run $run: UserSync ${apply_ms[-1]} ms (peak $kib KiB), ldapmodify ${baseline_apply_ms[-1]} ms" >&2
done

# --- reading what the last run made -------------------------------------------------------------
read_ms=() baseline_read_ms=() read_kib=0
for run in $(seq 1 "$read_runs"); do
    figures=$("$bench" ldap read "$USERSYNC_TEST_LDAP_URL")
    read_ms+=("$(json_field "$figures" readMs)")
    kib=$(json_field "$figures" peakKiB)
    ((kib > read_kib)) && read_kib=$kib
    start=$(date +%s%N)
    ldapsearch "${as_sync[@]}" -LLL -E pr=500/noprompt -b "$users_base" '(&(objectClass=inetOrgPerson)(uid=*))' \
        entryUUID uid mail givenName sn displayName >"$work/read-users.ldif"
    ldapsearch "${as_sync[@]}" -LLL -E pr=500/noprompt -b "$groups_base" '(&(objectClass=groupOfUniqueNames)(cn=*))' \
        entryUUID cn uniqueMember >"$work/read-groups.ldif"
    baseline_read_ms+=("$(ms_since "$start")")
    echo "ldap-bench: read run $run: UserSync ${read_ms[-1]} ms (peak $kib KiB), ldapsearch ${baseline_read_ms[-1]} ms" \
        "($(json_field "$figures" users) users, $(json_field "$figures" memberships) memberships)" >&2
    echo "$figures" >"$work/read.json"
done

USERSYNC_BENCH_BASELINE="ldapsearch, ldapmodify" python3 "$(dirname "${BASH_SOURCE[0]}")/bench-figures.py" "$work" "$USERSYNC_BENCH_OUT" \
    "$(median "${read_ms[@]}")" "$(median "${baseline_read_ms[@]}")" "$(median "${apply_ms[@]}")" \
    "$(median "${baseline_apply_ms[@]}")" "$read_kib" "$apply_kib" \
    "${read_ms[*]}" "${baseline_read_ms[*]}" "${apply_ms[*]}" "${baseline_apply_ms[*]}"
