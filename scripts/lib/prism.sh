# shellcheck shell=bash
# An Atlassian Data Center emulator (tests/emulators/NAME) behind two validating Prism proxies,
# one per Atlassian spec, both in front of the same emulator: what scripts/lib/jira.sh,
# confluence.sh and bitbucket.sh start, each with its own product's names and versions. Sourced by
# scripts/lib/services.sh, which provides services_log, services_fail, free_port, random_password,
# $services_root and $repo_root.
#
# For a product NAME (jira, confluence, bitbucket) with variable prefix P (USERSYNC_TEST_JIRA) and second
# spec tag T (10), atlassian_start exports:
#   P_URL             Prism validating against the first spec (the product's base URL, no /rest)
#   P_T_URL           Prism validating against the second spec
#   P_DIRECT_URL      the emulator itself (control API /_emulator/..., benchmarks)
#   P_ADMIN_USER, P_ADMIN_PASSWORD, P_TOKEN
#   P_PRISM_LOG, P_T_PRISM_LOG   the proxies' logs (violations)
#
# USERSYNC_CONTRACTS names the folder of Atlassian's specs (default: ../shared/contracts from the
# project root). The specs are never copied into the repository: each emulator's contract.py
# writes transformed working copies below $services_root/NAME/contracts only.
# NAME_READY_TIMEOUT (default 90 s) and NAME_PRISM_LOG_LEVEL (default warn: violations and
# undeclared status codes only; "info" logs every request) can be set in the environment.

# 5.14.2 is the newest release that runs on Node 20.
PRISM_VERSION=5.14.2
# Process groups started, by "NAME:emulator", "NAME:prism" and "NAME:prism2".
declare -gA atlassian_pids=()

# Prints the path of the prism executable, installing Prism into the user's cache (never into
# the repository) when it is missing. $1: a folder for the npm log; $2: who needs it (messages).
prism_bin() {
    local log_dir=$1 who=${2:-the Atlassian}
    local prefix=${XDG_CACHE_HOME:-$HOME/.cache}/usersync/prism-$PRISM_VERSION
    local bin=$prefix/node_modules/.bin/prism
    if [[ ! -x $bin ]]; then
        command -v npm >/dev/null 2>&1 ||
            services_fail "npm not found: $who tests need Node.js 20+ and npm for Prism (scripts/setup.sh test)"
        services_log "installing @stoplight/prism-cli $PRISM_VERSION into $prefix"
        mkdir -p "$prefix"
        npm install --no-audit --no-fund --prefix "$prefix" "@stoplight/prism-cli@$PRISM_VERSION" \
            >"$log_dir/npm-install.log" 2>&1 || {
            tail -n 30 "$log_dir/npm-install.log" >&2
            services_fail "could not install @stoplight/prism-cli $PRISM_VERSION with npm (is the npm registry reachable?)"
        }
        [[ -x $bin ]] || services_fail "npm installed Prism, but $bin is missing"
    fi
    printf '%s\n' "$bin"
}

atlassian_prefix() { printf 'USERSYNC_TEST_%s\n' "${1^^}"; }

# curl with NAME's token in a header that travels through a pipe, not on the command line.
atlassian_curl_token() {
    local token_var
    token_var=$(atlassian_prefix "$1")_TOKEN
    shift
    printf 'header = "Authorization: Bearer %s"\n' "${!token_var}" | curl -K - "$@"
}

# atlassian_start NAME TITLE SPEC_PATTERN VERSION SECOND_VERSION SECOND_TAG
#   SPEC_PATTERN: the spec's file name in $USERSYNC_CONTRACTS, %s for the version
#   VERSION: the first spec's and the emulator's version; SECOND_TAG: T in P_T_URL
atlassian_start() {
    local name=$1 title=$2 pattern=$3 version=$4 second=$5 tag=$6
    local dir=$services_root/$name prefix level_var=${1^^}_PRISM_LOG_LEVEL
    prefix=$(atlassian_prefix "$name")
    local level=${!level_var:-warn}
    mkdir -p "$dir/state" "$dir/contracts"

    local contracts=${USERSYNC_CONTRACTS:-$repo_root/../shared/contracts} each spec
    for each in "$version" "$second"; do
        # shellcheck disable=SC2059 # the pattern is the product's own
        spec=$contracts/$(printf "$pattern" "$each")
        [[ -r $spec ]] || services_fail "$title contract $spec not found: set USERSYNC_CONTRACTS to the folder" \
            "holding Atlassian's $(printf "$pattern" "$version") and $(printf "$pattern" "$second")" \
            "(default: \$repo_root/../shared/contracts)"
        python3 "$repo_root/tests/emulators/$name/contract.py" "$spec" "$dir/contracts/$name-$each.json" ||
            services_fail "could not make a working copy of $spec (USERSYNC_CONTRACTS=$contracts)"
    done

    local prism
    prism=$(prism_bin "$dir" "the $title") || exit 1

    local port prism_port prism2_port password token
    port=$(free_port)
    prism_port=$(free_port)
    prism2_port=$(free_port)
    password=$(random_password)
    token=$(random_password)$(random_password)

    services_log "starting the $title emulator on 127.0.0.1:$port"
    # The secrets travel in the environment, not on the command line.
    (
        export "${name^^}_EMULATOR_ADMIN_PASSWORD=$password" "${name^^}_EMULATOR_ADMIN_TOKEN=$token"
        exec setsid python3 "$repo_root/tests/emulators/$name/${name}_emulator.py" \
            --host 127.0.0.1 --port "$port" --state-dir "$dir/state" --version "$version" --admin-user admin
    ) >"$dir/emulator.log" 2>&1 </dev/null &
    atlassian_pids[$name:emulator]=$!

    local upstream=http://127.0.0.1:$port
    services_log "starting Prism $PRISM_VERSION proxies for $title $version (port $prism_port) and $second (port $prism2_port)"
    setsid "$prism" proxy "$dir/contracts/$name-$version.json" "$upstream" \
        --host 127.0.0.1 --port "$prism_port" --errors --cors=false --verboseLevel "$level" \
        >"$dir/prism-$version.log" 2>&1 </dev/null &
    atlassian_pids[$name:prism]=$!
    setsid "$prism" proxy "$dir/contracts/$name-$second.json" "$upstream" \
        --host 127.0.0.1 --port "$prism2_port" --errors --cors=false --verboseLevel "$level" \
        >"$dir/prism-$second.log" 2>&1 </dev/null &
    atlassian_pids[$name:prism2]=$!

    export "${prefix}_URL=http://127.0.0.1:$prism_port"
    export "${prefix}_${tag}_URL=http://127.0.0.1:$prism2_port"
    export "${prefix}_DIRECT_URL=$upstream"
    export "${prefix}_ADMIN_USER=admin"
    export "${prefix}_ADMIN_PASSWORD=$password"
    export "${prefix}_TOKEN=$token"
    export "${prefix}_PRISM_LOG=$dir/prism-$version.log"
    export "${prefix}_${tag}_PRISM_LOG=$dir/prism-$second.log"
}

# atlassian_wait_ready NAME TITLE TAG READY_PATH: until the emulator and both proxies answer
# READY_PATH (below the base URL) with the token.
atlassian_wait_ready() {
    local name=$1 title=$2 tag=$3 path=$4 prefix timeout_var=${1^^}_READY_TIMEOUT
    prefix=$(atlassian_prefix "$name")
    local timeout=${!timeout_var:-90}
    local direct_var=${prefix}_DIRECT_URL url_var=${prefix}_URL second_var=${prefix}_${tag}_URL
    local deadline=$((SECONDS + timeout)) started=$SECONDS pending part pid
    while ((SECONDS < deadline)); do
        for part in emulator prism prism2; do
            pid=${atlassian_pids[$name:$part]:-}
            if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
                atlassian_show_logs "$name"
                services_fail "the $title $part exited during start-up (logs above, in $services_root/$name)"
            fi
        done
        pending=""
        curl -fsS -o /dev/null "${!direct_var}/_emulator/health" 2>/dev/null || pending+=" emulator"
        atlassian_curl_token "$name" -fsS -o /dev/null "${!url_var}/$path" 2>/dev/null || pending+=" prism"
        atlassian_curl_token "$name" -fsS -o /dev/null "${!second_var}/$path" 2>/dev/null || pending+=" prism-$tag"
        if [[ -z $pending ]]; then
            services_log "$title emulator and Prism proxies ready after $((SECONDS - started)) s" \
                "(${!url_var}, second spec: ${!second_var}, direct: ${!direct_var})"
            return 0
        fi
        sleep 0.3
    done
    atlassian_show_logs "$name"
    services_fail "the $title services were not ready after $timeout s" \
        "(waiting for:$pending; logs in $services_root/$name)"
}

atlassian_show_logs() {
    local log
    for log in "$services_root/$1"/emulator.log "$services_root/$1"/prism-*.log; do
        [[ -s $log ]] || continue
        printf '%s\n' "--- $log" >&2
        tail -n 30 "$log" >&2
    done
}

# Stops what atlassian_start NAME started; safe to call more than once.
atlassian_stop() {
    local name=$1 part pid
    for part in prism prism2 emulator; do
        pid=${atlassian_pids[$name:$part]:-}
        [[ -n $pid ]] && kill -TERM -- "-$pid" 2>/dev/null || true
    done
    for part in prism prism2 emulator; do
        pid=${atlassian_pids[$name:$part]:-}
        [[ -n $pid ]] || continue
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL -- "-$pid" 2>/dev/null || true
        unset "atlassian_pids[$name:$part]"
    done
    return 0
}
