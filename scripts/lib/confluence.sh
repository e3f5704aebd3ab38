# shellcheck shell=bash
# The Confluence Data Center stand-in for the integration tests:
# tests/emulators/confluence/confluence_emulator.py behind two validating Prism proxies, one per
# Atlassian spec (10.2.14 and 9.3.1), both in front of the same emulator. Sourced by
# scripts/lib/services.sh, which provides services_log, services_fail, free_port, random_password,
# prism_bin, $services_root and $repo_root.
#
# Exports (after confluence_start):
#   USERSYNC_TEST_CONFLUENCE_URL          Prism validating against the 10.2.14 spec (a Confluence base
#                                         URL: the client adds /rest/api/...)
#   USERSYNC_TEST_CONFLUENCE_9_URL        Prism validating against the 9.3.1 spec
#   USERSYNC_TEST_CONFLUENCE_DIRECT_URL   the emulator itself (control API /_emulator/..., benchmarks)
#   USERSYNC_TEST_CONFLUENCE_ADMIN_USER, USERSYNC_TEST_CONFLUENCE_ADMIN_PASSWORD,
#   USERSYNC_TEST_CONFLUENCE_TOKEN
#   USERSYNC_TEST_CONFLUENCE_PRISM_LOG, USERSYNC_TEST_CONFLUENCE_9_PRISM_LOG   the proxies' logs
#
# USERSYNC_CONTRACTS names the folder of Atlassian's specs (default: ../shared/contracts from the
# project root). The specs are never copied into the repository: contract.py writes transformed
# working copies below $services_root/confluence/contracts only.

# Prism itself (prism_bin, $PRISM_VERSION) comes from scripts/lib/prism.sh.
CONFLUENCE_READY_TIMEOUT=${CONFLUENCE_READY_TIMEOUT:-90}
# Prism logs every request at "info"; "warn" keeps violations and undeclared status codes only.
CONFLUENCE_PRISM_LOG_LEVEL=${CONFLUENCE_PRISM_LOG_LEVEL:-warn}
confluence_emulator_pid=""
confluence_prism_pid=""
confluence_prism9_pid=""
confluence_dir=""

# curl with the token in a header that travels through a pipe, not on the command line.
confluence_curl_token() {
    printf 'header = "Authorization: Bearer %s"\n' "$USERSYNC_TEST_CONFLUENCE_TOKEN" | curl -K - "$@"
}

confluence_start() {
    confluence_dir=$services_root/confluence
    mkdir -p "$confluence_dir/state" "$confluence_dir/contracts"

    local contracts=${USERSYNC_CONTRACTS:-$repo_root/../shared/contracts}
    local version spec
    for version in 10.2.14 9.3.1; do
        spec=$contracts/confluence-dc-$version.openapi.json
        [[ -r $spec ]] || services_fail "Confluence contract $spec not found: set USERSYNC_CONTRACTS to the folder" \
            "holding Atlassian's confluence-dc-10.2.14.openapi.json and confluence-dc-9.3.1.openapi.json" \
            "(default: \$repo_root/../shared/contracts)"
        python3 "$repo_root/tests/emulators/confluence/contract.py" "$spec" \
            "$confluence_dir/contracts/confluence-$version.json" ||
            services_fail "could not make a working copy of $spec (USERSYNC_CONTRACTS=$contracts)"
    done

    local prism
    prism=$(prism_bin "$confluence_dir" "the Confluence") || exit 1

    local port prism_port prism9_port password token
    port=$(free_port)
    prism_port=$(free_port)
    prism9_port=$(free_port)
    password=$(random_password)
    token=$(random_password)$(random_password)

    services_log "starting the Confluence emulator on 127.0.0.1:$port"
    # The secrets travel in the environment, not on the command line.
    CONFLUENCE_EMULATOR_ADMIN_PASSWORD=$password CONFLUENCE_EMULATOR_ADMIN_TOKEN=$token \
        setsid python3 "$repo_root/tests/emulators/confluence/confluence_emulator.py" \
        --host 127.0.0.1 --port "$port" --state-dir "$confluence_dir/state" --version 10.2.14 --admin-user admin \
        >"$confluence_dir/emulator.log" 2>&1 </dev/null &
    confluence_emulator_pid=$!

    local upstream=http://127.0.0.1:$port
    services_log "starting Prism $PRISM_VERSION proxies for Confluence 10.2.14 (port $prism_port) and 9.3.1 (port $prism9_port)"
    setsid "$prism" proxy "$confluence_dir/contracts/confluence-10.2.14.json" "$upstream" \
        --host 127.0.0.1 --port "$prism_port" --errors --cors=false --verboseLevel "$CONFLUENCE_PRISM_LOG_LEVEL" \
        >"$confluence_dir/prism-10.2.14.log" 2>&1 </dev/null &
    confluence_prism_pid=$!
    setsid "$prism" proxy "$confluence_dir/contracts/confluence-9.3.1.json" "$upstream" \
        --host 127.0.0.1 --port "$prism9_port" --errors --cors=false --verboseLevel "$CONFLUENCE_PRISM_LOG_LEVEL" \
        >"$confluence_dir/prism-9.3.1.log" 2>&1 </dev/null &
    confluence_prism9_pid=$!

    export USERSYNC_TEST_CONFLUENCE_URL=http://127.0.0.1:$prism_port
    export USERSYNC_TEST_CONFLUENCE_9_URL=http://127.0.0.1:$prism9_port
    export USERSYNC_TEST_CONFLUENCE_DIRECT_URL=$upstream
    export USERSYNC_TEST_CONFLUENCE_ADMIN_USER=admin
    export USERSYNC_TEST_CONFLUENCE_ADMIN_PASSWORD=$password
    export USERSYNC_TEST_CONFLUENCE_TOKEN=$token
    export USERSYNC_TEST_CONFLUENCE_PRISM_LOG=$confluence_dir/prism-10.2.14.log
    export USERSYNC_TEST_CONFLUENCE_9_PRISM_LOG=$confluence_dir/prism-9.3.1.log
}

confluence_wait_ready() {
    local deadline=$((SECONDS + CONFLUENCE_READY_TIMEOUT)) started=$SECONDS
    local pending
    while ((SECONDS < deadline)); do
        local name pid
        for name in emulator prism prism9; do
            case $name in
            emulator) pid=$confluence_emulator_pid ;;
            prism) pid=$confluence_prism_pid ;;
            prism9) pid=$confluence_prism9_pid ;;
            esac
            if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
                confluence_show_logs
                services_fail "the Confluence $name exited during start-up (logs above, in $confluence_dir)"
            fi
        done
        pending=""
        curl -fsS -o /dev/null "$USERSYNC_TEST_CONFLUENCE_DIRECT_URL/_emulator/health" 2>/dev/null ||
            pending+=" emulator"
        confluence_curl_token -fsS -o /dev/null "$USERSYNC_TEST_CONFLUENCE_URL/rest/api/user/current" 2>/dev/null ||
            pending+=" prism-10.2.14"
        confluence_curl_token -fsS -o /dev/null "$USERSYNC_TEST_CONFLUENCE_9_URL/rest/api/user/current" 2>/dev/null ||
            pending+=" prism-9.3.1"
        if [[ -z $pending ]]; then
            services_log "Confluence emulator and Prism proxies ready after $((SECONDS - started)) s" \
                "($USERSYNC_TEST_CONFLUENCE_URL, 9.3.1: $USERSYNC_TEST_CONFLUENCE_9_URL, direct: $USERSYNC_TEST_CONFLUENCE_DIRECT_URL)"
            return 0
        fi
        sleep 0.3
    done
    confluence_show_logs
    services_fail "the Confluence services were not ready after $CONFLUENCE_READY_TIMEOUT s" \
        "(waiting for:$pending; logs in $confluence_dir)"
}

confluence_show_logs() {
    local log
    for log in "$confluence_dir/emulator.log" "$confluence_dir/prism-10.2.14.log" "$confluence_dir/prism-9.3.1.log"; do
        [[ -s $log ]] || continue
        printf '%s\n' "--- $log" >&2
        tail -n 30 "$log" >&2
    done
}

# Stops what confluence_start started; safe to call more than once.
confluence_stop() {
    local pid
    for pid in "$confluence_prism_pid" "$confluence_prism9_pid" "$confluence_emulator_pid"; do
        [[ -n $pid ]] && kill -TERM -- "-$pid" 2>/dev/null || true
    done
    for pid in "$confluence_prism_pid" "$confluence_prism9_pid" "$confluence_emulator_pid"; do
        [[ -n $pid ]] || continue
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL -- "-$pid" 2>/dev/null || true
    done
    confluence_emulator_pid=""
    confluence_prism_pid=""
    confluence_prism9_pid=""
    return 0
}
