# shellcheck shell=bash
# The real SCIM 2.0 server of the tests: PyPI scim2-server, run by tests/scim/scim_server.py with a
# thin harness around it (recorded requests, injected faults, a control API), in a virtual
# environment cached in the user's cache folder and installed from tests/scim/requirements.txt
# (every package pinned). scim2-tester checks the server once when it has started. Sourced by
# scripts/lib/services.sh (services_log, services_fail, free_port, random_password,
# $services_root, $repo_root); scripts/setup.sh test calls scim_venv too, so that a fresh machine
# has it before the first test run.
#
# Exports (after scim_start and scim_wait_ready):
#   USERSYNC_TEST_SCIM_URL        the SCIM base URL (http://127.0.0.1:PORT/v2)
#   USERSYNC_TEST_SCIM_TOKEN      the bearer token it accepts
#   USERSYNC_TEST_SCIM_CONTROL_URL  the harness's control API (http://127.0.0.1:PORT/_harness)
#   USERSYNC_TEST_SCIM_LOG        the server's log; USERSYNC_TEST_SCIM_TESTER_LOG scim2-tester's report

scim_pid=""

# Prints the virtual environment's folder, creating it when it is missing or its requirements
# changed. $1: where the pip log goes.
scim_venv() {
    local log_dir=${1:-${TMPDIR:-/tmp}}
    local requirements=$repo_root/tests/scim/requirements.txt digest
    digest=$(sha256sum "$requirements" | cut -c1-12)
    local venv=${XDG_CACHE_HOME:-$HOME/.cache}/usersync/scim2-$digest
    if [[ ! -x $venv/bin/python || ! -f $venv/.complete ]]; then
        command -v python3 >/dev/null 2>&1 || { echo "python3 not found (scripts/setup.sh test)" >&2; return 1; }
        printf '[scim] installing scim2-server and scim2-tester (%s) into %s\n' \
            "$(grep -o '^scim2-server==[^ ]*' "$requirements")" "$venv" >&2
        rm -rf "$venv"
        python3 -m venv "$venv" >"$log_dir/scim-venv.log" 2>&1 &&
            "$venv/bin/pip" install --no-deps --disable-pip-version-check -q -r "$requirements" \
                >>"$log_dir/scim-venv.log" 2>&1 || {
            tail -n 30 "$log_dir/scim-venv.log" >&2
            echo "could not install the SCIM server's packages from PyPI (is it reachable? is python3-venv installed?)" >&2
            return 1
        }
        touch "$venv/.complete"
    fi
    printf '%s\n' "$venv"
}

scim_start() {
    local dir=$services_root/scim venv port token
    mkdir -p "$dir"
    venv=$(scim_venv "$dir") || services_fail "the SCIM server could not be installed (log in $dir)"
    port=$(free_port)
    token=$(random_password)
    # The same service over TLS three times, with a certificate of the run's CA for 127.0.0.1, one
    # for another host name, and one that has expired: what a client must accept and refuse.
    services_certificates
    local tls=$services_root/tls https_port wrong_host_port expired_port
    https_port=$(free_port)
    wrong_host_port=$(free_port)
    expired_port=$(free_port)
    services_log "starting scim2-server on port $port (TLS on $https_port, $wrong_host_port, $expired_port)"
    # The token travels in the environment, not on the command line.
    (
        export SCIM_HARNESS_BEARER_TOKEN=$token
        exec setsid "$venv/bin/python" "$repo_root/tests/scim/scim_server.py" --port "$port" \
            --tls "$https_port:$tls/server.pem:$tls/server-key.pem" \
            --tls "$wrong_host_port:$tls/wrong-host.pem:$tls/server-key.pem" \
            --tls "$expired_port:$tls/expired.pem:$tls/server-key.pem"
    ) >"$dir/server.log" 2>&1 </dev/null &
    scim_pid=$!
    export USERSYNC_TEST_SCIM_URL=http://127.0.0.1:$port/v2
    export USERSYNC_TEST_SCIM_HTTPS_URL=https://127.0.0.1:$https_port/v2
    export USERSYNC_TEST_SCIM_WRONG_HOST_URL=https://127.0.0.1:$wrong_host_port/v2
    export USERSYNC_TEST_SCIM_EXPIRED_URL=https://127.0.0.1:$expired_port/v2
    export USERSYNC_TEST_SCIM_TOKEN=$token
    export USERSYNC_TEST_SCIM_CONTROL_URL=http://127.0.0.1:$port/_harness
    export USERSYNC_TEST_SCIM_LOG=$dir/server.log
    export USERSYNC_TEST_SCIM_TESTER_LOG=$dir/scim2-tester.log
    scim_venv_dir=$venv
}

# Until the harness answers, then scim2-tester once: its checks must all pass, or the harness
# itself is broken and no SCIM test could be trusted.
scim_wait_ready() {
    local deadline=$((SECONDS + 60)) started=$SECONDS
    until curl -fsS -o /dev/null "$USERSYNC_TEST_SCIM_CONTROL_URL/health" 2>/dev/null; do
        kill -0 "$scim_pid" 2>/dev/null || { cat "$USERSYNC_TEST_SCIM_LOG" >&2; services_fail "scim2-server exited during start-up"; }
        ((SECONDS < deadline)) || services_fail "scim2-server did not answer within 60 s (log: $USERSYNC_TEST_SCIM_LOG)"
        sleep 0.2
    done
    # The header travels in the environment (scim2-cli's SCIM_CLI_HEADERS), not on the command line.
    if ! SCIM_CLI_HEADERS="Authorization: Bearer $USERSYNC_TEST_SCIM_TOKEN" \
        "$scim_venv_dir/bin/scim2" --url "$USERSYNC_TEST_SCIM_URL" test >"$USERSYNC_TEST_SCIM_TESTER_LOG" 2>&1 ||
        grep -qE '^(ERROR|CRITICAL) ' "$USERSYNC_TEST_SCIM_TESTER_LOG"; then
        tail -n 40 "$USERSYNC_TEST_SCIM_TESTER_LOG" >&2
        services_fail "scim2-tester found the test SCIM server non-compliant (report: $USERSYNC_TEST_SCIM_TESTER_LOG)"
    fi
    curl -fsS -o /dev/null -X POST "$USERSYNC_TEST_SCIM_CONTROL_URL/reset" ||
        services_fail "the SCIM harness did not reset after scim2-tester"
    services_log "scim2-server ready after $((SECONDS - started)) s; scim2-tester: $(grep -c '^SUCCESS' \
        "$USERSYNC_TEST_SCIM_TESTER_LOG") checks passed ($USERSYNC_TEST_SCIM_URL)"
}

scim_stop() {
    if [[ -n $scim_pid ]]; then
        kill -TERM -- "-$scim_pid" 2>/dev/null || true
        for _ in $(seq 1 20); do
            kill -0 "$scim_pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL -- "-$scim_pid" 2>/dev/null || true
        scim_pid=""
    fi
}
