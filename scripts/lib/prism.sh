# shellcheck shell=bash
# Prism, the validating proxy the Atlassian emulators run behind (scripts/lib/jira.sh,
# scripts/lib/confluence.sh): one installation in the user's cache serves them all. Sourced by
# scripts/lib/services.sh, which provides services_log and services_fail.

# 5.14.2 is the newest release that runs on Node 20.
PRISM_VERSION=5.14.2

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
