# shellcheck shell=bash
# The Jira Data Center stand-in for the integration tests: tests/emulators/jira/jira_emulator.py
# behind two validating Prism proxies, one per Atlassian spec (11.3.8 and 10.3.24), both in front
# of the same emulator. Sourced by scripts/lib/services.sh, which provides services_log,
# services_fail, free_port, random_password, prism_bin, $services_root and $repo_root.
#
# Exports (after jira_start):
#   USERSYNC_TEST_JIRA_URL            Prism validating against the 11.3.8 spec (a Jira base URL, no /rest)
#   USERSYNC_TEST_JIRA_10_URL         Prism validating against the 10.3.24 spec
#   USERSYNC_TEST_JIRA_DIRECT_URL     the emulator itself (control API /_emulator/..., benchmarks)
#   USERSYNC_TEST_JIRA_ADMIN_USER, USERSYNC_TEST_JIRA_ADMIN_PASSWORD, USERSYNC_TEST_JIRA_TOKEN
#   USERSYNC_TEST_JIRA_PRISM_LOG, USERSYNC_TEST_JIRA_10_PRISM_LOG   the proxies' logs (violations)
#
# USERSYNC_CONTRACTS names the folder of Atlassian's specs (default: ../shared/contracts from the
# project root). The specs are never copied into the repository: contract.py writes transformed
# working copies below $services_root/jira/contracts only.

# Prism itself (prism_bin, $PRISM_VERSION) comes from scripts/lib/prism.sh.
JIRA_READY_TIMEOUT=${JIRA_READY_TIMEOUT:-90}
# Prism logs every request at "info"; "warn" keeps violations and undeclared status codes only.
JIRA_PRISM_LOG_LEVEL=${JIRA_PRISM_LOG_LEVEL:-warn}
jira_emulator_pid=""
jira_prism_pid=""
jira_prism10_pid=""
jira_dir=""

# curl with the token in a header that travels through a pipe, not on the command line.
jira_curl_token() {
    printf 'header = "Authorization: Bearer %s"\n' "$USERSYNC_TEST_JIRA_TOKEN" | curl -K - "$@"
}

jira_start() {
    jira_dir=$services_root/jira
    mkdir -p "$jira_dir/state" "$jira_dir/contracts"

    local contracts=${USERSYNC_CONTRACTS:-$repo_root/../shared/contracts}
    local version spec
    for version in 11.3.8 10.3.24; do
        spec=$contracts/jira-software-dc-$version.openapi.json
        [[ -r $spec ]] || services_fail "Jira contract $spec not found: set USERSYNC_CONTRACTS to the folder" \
            "holding Atlassian's jira-software-dc-11.3.8.openapi.json and jira-software-dc-10.3.24.openapi.json" \
            "(default: \$repo_root/../shared/contracts)"
        python3 "$repo_root/tests/emulators/jira/contract.py" "$spec" "$jira_dir/contracts/jira-$version.json" ||
            services_fail "could not make a working copy of $spec (USERSYNC_CONTRACTS=$contracts)"
    done

    local prism
    prism=$(prism_bin "$jira_dir" "the Jira") || exit 1

    local port prism_port prism10_port password token
    port=$(free_port)
    prism_port=$(free_port)
    prism10_port=$(free_port)
    password=$(random_password)
    token=$(random_password)$(random_password)

    services_log "starting the Jira emulator on 127.0.0.1:$port"
    # The secrets travel in the environment, not on the command line.
    JIRA_EMULATOR_ADMIN_PASSWORD=$password JIRA_EMULATOR_ADMIN_TOKEN=$token \
        setsid python3 "$repo_root/tests/emulators/jira/jira_emulator.py" \
        --host 127.0.0.1 --port "$port" --state-dir "$jira_dir/state" --version 11.3.8 --admin-user admin \
        >"$jira_dir/emulator.log" 2>&1 </dev/null &
    jira_emulator_pid=$!

    local upstream=http://127.0.0.1:$port
    services_log "starting Prism $PRISM_VERSION proxies for Jira 11.3.8 (port $prism_port) and 10.3.24 (port $prism10_port)"
    setsid "$prism" proxy "$jira_dir/contracts/jira-11.3.8.json" "$upstream" \
        --host 127.0.0.1 --port "$prism_port" --errors --cors=false --verboseLevel "$JIRA_PRISM_LOG_LEVEL" \
        >"$jira_dir/prism-11.3.8.log" 2>&1 </dev/null &
    jira_prism_pid=$!
    setsid "$prism" proxy "$jira_dir/contracts/jira-10.3.24.json" "$upstream" \
        --host 127.0.0.1 --port "$prism10_port" --errors --cors=false --verboseLevel "$JIRA_PRISM_LOG_LEVEL" \
        >"$jira_dir/prism-10.3.24.log" 2>&1 </dev/null &
    jira_prism10_pid=$!

    export USERSYNC_TEST_JIRA_URL=http://127.0.0.1:$prism_port
    export USERSYNC_TEST_JIRA_10_URL=http://127.0.0.1:$prism10_port
    export USERSYNC_TEST_JIRA_DIRECT_URL=$upstream
    export USERSYNC_TEST_JIRA_ADMIN_USER=admin
    export USERSYNC_TEST_JIRA_ADMIN_PASSWORD=$password
    export USERSYNC_TEST_JIRA_TOKEN=$token
    export USERSYNC_TEST_JIRA_PRISM_LOG=$jira_dir/prism-11.3.8.log
    export USERSYNC_TEST_JIRA_10_PRISM_LOG=$jira_dir/prism-10.3.24.log
}

jira_wait_ready() {
    local deadline=$((SECONDS + JIRA_READY_TIMEOUT)) started=$SECONDS
    local pending
    while ((SECONDS < deadline)); do
        local name pid
        for name in emulator prism prism10; do
            case $name in
            emulator) pid=$jira_emulator_pid ;;
            prism) pid=$jira_prism_pid ;;
            prism10) pid=$jira_prism10_pid ;;
            esac
            if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
                jira_show_logs
                services_fail "the Jira $name exited during start-up (logs above, in $jira_dir)"
            fi
        done
        pending=""
        curl -fsS -o /dev/null "$USERSYNC_TEST_JIRA_DIRECT_URL/_emulator/health" 2>/dev/null || pending+=" emulator"
        jira_curl_token -fsS -o /dev/null "$USERSYNC_TEST_JIRA_URL/rest/api/2/serverInfo" 2>/dev/null ||
            pending+=" prism-11.3.8"
        jira_curl_token -fsS -o /dev/null "$USERSYNC_TEST_JIRA_10_URL/rest/api/2/serverInfo" 2>/dev/null ||
            pending+=" prism-10.3.24"
        if [[ -z $pending ]]; then
            services_log "Jira emulator and Prism proxies ready after $((SECONDS - started)) s" \
                "($USERSYNC_TEST_JIRA_URL, 10.3.24: $USERSYNC_TEST_JIRA_10_URL, direct: $USERSYNC_TEST_JIRA_DIRECT_URL)"
            return 0
        fi
        sleep 0.3
    done
    jira_show_logs
    services_fail "the Jira services were not ready after $JIRA_READY_TIMEOUT s (waiting for:$pending; logs in $jira_dir)"
}

jira_show_logs() {
    local log
    for log in "$jira_dir/emulator.log" "$jira_dir/prism-11.3.8.log" "$jira_dir/prism-10.3.24.log"; do
        [[ -s $log ]] || continue
        printf '%s\n' "--- $log" >&2
        tail -n 30 "$log" >&2
    done
}

# Stops what jira_start started; safe to call more than once.
jira_stop() {
    local pid
    for pid in "$jira_prism_pid" "$jira_prism10_pid" "$jira_emulator_pid"; do
        [[ -n $pid ]] && kill -TERM -- "-$pid" 2>/dev/null || true
    done
    for pid in "$jira_prism_pid" "$jira_prism10_pid" "$jira_emulator_pid"; do
        [[ -n $pid ]] || continue
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL -- "-$pid" 2>/dev/null || true
    done
    jira_emulator_pid=""
    jira_prism_pid=""
    jira_prism10_pid=""
    return 0
}
