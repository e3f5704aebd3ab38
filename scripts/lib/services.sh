# shellcheck shell=bash
# Functions that start and stop the real test services; sourced by
# scripts/with-test-services.sh, which documents what each one exports.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.7.3}
KEYCLOAK_READY_TIMEOUT=${KEYCLOAK_READY_TIMEOUT:-180}
services_started_at=$SECONDS
services_root=""
keycloak_pid=""
keyring_pid=""
dbus_pid=""
pg_data=""
pg_bin=""
# shellcheck source=scripts/lib/prism.sh
source "$repo_root/scripts/lib/prism.sh"
# shellcheck source=scripts/lib/jira.sh
source "$repo_root/scripts/lib/jira.sh"
# shellcheck source=scripts/lib/confluence.sh
source "$repo_root/scripts/lib/confluence.sh"
# shellcheck source=scripts/lib/bitbucket.sh
source "$repo_root/scripts/lib/bitbucket.sh"
# shellcheck source=scripts/lib/scim.sh
source "$repo_root/scripts/lib/scim.sh"
# shellcheck source=scripts/lib/ldap.sh
source "$repo_root/scripts/lib/ldap.sh"

services_log() { printf '[test-services] %s\n' "$*" >&2; }
services_fail() {
    services_log "ERROR: $*"
    exit 1
}

services_init() {
    services_root=$(mktemp -d -t usersync-services.XXXXXX)
    # The postgres user must be able to reach its cluster below this folder.
    chmod 755 "$services_root"
    services_log "working folder $services_root"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

random_password() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

# Stops whatever was started, in reverse order; safe to call more than once.
services_stop() {
    local status=$?
    ldap_stop
    scim_stop
    bitbucket_stop
    confluence_stop
    jira_stop
    if [[ -n $keycloak_pid ]]; then
        kill -TERM -- "-$keycloak_pid" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "$keycloak_pid" 2>/dev/null || break
            sleep 1
        done
        kill -KILL -- "-$keycloak_pid" 2>/dev/null || true
        keycloak_pid=""
    fi
    if [[ -n $pg_data ]]; then
        as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
        pg_data=""
    fi
    [[ -n $keyring_pid ]] && kill "$keyring_pid" 2>/dev/null || true
    [[ -n $dbus_pid ]] && kill "$dbus_pid" 2>/dev/null || true
    keyring_pid=""
    dbus_pid=""
    if [[ -n $services_root && -z ${USERSYNC_KEEP_SERVICES_DIR:-} ]]; then
        rm -rf "$services_root"
    fi
    services_root=""
    return "$status"
}

# --- Keycloak ---------------------------------------------------------------

keycloak_zip() {
    local cache=${XDG_CACHE_HOME:-$HOME/.cache}/usersync/keycloak
    local zip=$cache/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
    if [[ ! -s $zip ]]; then
        services_log "downloading keycloak-quarkus-dist $KEYCLOAK_VERSION from Maven Central into $cache"
        mkdir -p "$cache"
        mvn -B -q dependency:copy \
            "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
            "-DoutputDirectory=$cache" >&2 ||
            services_fail "could not download Keycloak $KEYCLOAK_VERSION with Maven (is Maven Central reachable?)"
    fi
    printf '%s\n' "$zip"
}

# Keycloak 26.6+ supports Java 25; prefer the newest JDK present, else 21, else the default
# (KEYCLOAK_JAVA_HOME overrides).
keycloak_java_home() {
    if [[ -n ${KEYCLOAK_JAVA_HOME:-} ]]; then
        printf '%s\n' "$KEYCLOAK_JAVA_HOME"
        return
    fi
    local candidate
    for candidate in /usr/lib/jvm/temurin-25-* /usr/lib/jvm/java-25-* /usr/lib/jvm/temurin-21-* /usr/lib/jvm/java-21-*; do
        [[ -x $candidate/bin/java ]] && {
            printf '%s\n' "$candidate"
            return
        }
    done
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

keycloak_start() {
    local zip home
    zip=$(keycloak_zip)
    # A fresh copy per run: Keycloak imports a realm only into an empty data/ folder.
    unzip -q "$zip" -d "$services_root" || services_fail "could not unpack $zip"
    home=$services_root/keycloak-$KEYCLOAK_VERSION
    mkdir -p "$home/data/import"
    cp "$repo_root/tests/fixtures/usersync-test-realm.json" "$home/data/import/"
    # Benchmarks add realms of their own (space-separated files).
    local extra
    for extra in ${USERSYNC_EXTRA_REALMS:-}; do
        cp "$extra" "$home/data/import/" || services_fail "cannot read the realm file $extra"
    done

    local port https_port management_port admin_password
    port=$(free_port)
    https_port=$(free_port)
    management_port=$(free_port)
    services_certificates
    admin_password=$(random_password)
    keycloak_log=$services_root/keycloak.log
    # With HTTPS on, Keycloak serves its management interface (health) over HTTPS too.
    keycloak_management_url=https://127.0.0.1:$management_port

    services_log "starting Keycloak $KEYCLOAK_VERSION on 127.0.0.1:$port (Java: $(keycloak_java_home))"
    JAVA_HOME=$(keycloak_java_home) \
        JAVA_OPTS_KC_HEAP=${USERSYNC_KEYCLOAK_HEAP:--Xms128m -Xmx1g} \
        KC_BOOTSTRAP_ADMIN_USERNAME=admin \
        KC_BOOTSTRAP_ADMIN_PASSWORD=$admin_password \
        setsid "$home/bin/kc.sh" start-dev \
        --http-host=127.0.0.1 --http-port="$port" --https-port="$https_port" \
        --https-certificate-file="$services_root/tls/server.pem" \
        --https-certificate-key-file="$services_root/tls/server-key.pem" \
        --http-management-port="$management_port" \
        --health-enabled=true --import-realm \
        >"$keycloak_log" 2>&1 </dev/null &
    keycloak_pid=$!

    export USERSYNC_TEST_KEYCLOAK_URL=http://127.0.0.1:$port
    # The same server over TLS, with a certificate from a throw-away private CA.
    export USERSYNC_TEST_KEYCLOAK_HTTPS_URL=https://127.0.0.1:$https_port
    export USERSYNC_TEST_CA_FILE=$services_root/tls/ca.pem
    export USERSYNC_TEST_KEYCLOAK_ADMIN_USER=admin
    export USERSYNC_TEST_KEYCLOAK_ADMIN_PASSWORD=$admin_password
    export USERSYNC_TEST_REALM_FILE=$repo_root/tests/fixtures/usersync-test-realm.json
    USERSYNC_TEST_KEYCLOAK_HOME=$home USERSYNC_TEST_KEYCLOAK_JAVA_HOME=$(keycloak_java_home)
    export USERSYNC_TEST_KEYCLOAK_HOME USERSYNC_TEST_KEYCLOAK_JAVA_HOME
}

# A private CA and a server certificate for 127.0.0.1 and localhost in $services_root/tls, made for
# this run only, once for every service that serves TLS. Beside it, from the same CA, two that
# must be refused: one for another host name (wrong-host.pem) and one that expired in 2020
# (expired.pem).
services_certificates() {
    local dir=$services_root/tls
    export USERSYNC_TEST_CA_FILE=$dir/ca.pem
    [[ -s $dir/expired.pem ]] && return 0
    mkdir -p "$dir"
    # set -e again: on the left of || the subshell would go on past a failed step.
    (
        set -e
        cd "$dir"
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=UserSync Test CA" \
            -keyout ca-key.pem -out ca.pem
        openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server-key.pem -out server.csr
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n' >server.ext
        openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
            -extfile server.ext -out server.pem
        printf 'subjectAltName=DNS:elsewhere.usersync.test\nbasicConstraints=CA:FALSE\n' >wrong-host.ext
        openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAserial ca.srl -days 2 \
            -extfile wrong-host.ext -out wrong-host.pem
        # openssl x509 cannot date a certificate in the past; openssl ca can.
        cat >ca.cnf <<'CONFIG'
[ca]
default_ca = test
[test]
database = index.txt
new_certs_dir = .
serial = ca.srl
default_md = sha256
policy = any
[any]
commonName = supplied
[server]
subjectAltName = IP:127.0.0.1,DNS:localhost
basicConstraints = CA:FALSE
CONFIG
        : >index.txt
        openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca-key.pem -in server.csr -extensions server \
            -startdate 20200101000000Z -enddate 20200102000000Z -notext -out expired.pem
    ) >"$dir/openssl.log" 2>&1 || {
        cat "$dir/openssl.log" >&2
        services_fail "could not make the test certificates with openssl"
    }
}

keycloak_wait_ready() {
    local deadline=$((SECONDS + KEYCLOAK_READY_TIMEOUT))
    local realm_url=$USERSYNC_TEST_KEYCLOAK_URL/realms/usersync-test/.well-known/openid-configuration
    while ((SECONDS < deadline)); do
        if ! kill -0 "$keycloak_pid" 2>/dev/null; then
            tail -n 60 "$keycloak_log" >&2
            keycloak_pid=""
            services_fail "Keycloak exited during start-up (log above: $keycloak_log)"
        fi
        if curl -fsS -o /dev/null --cacert "$USERSYNC_TEST_CA_FILE" "$keycloak_management_url/health/ready" 2>/dev/null &&
            curl -fsS -o /dev/null "$realm_url" 2>/dev/null; then
            services_log "Keycloak ready at $USERSYNC_TEST_KEYCLOAK_URL after $((SECONDS - services_started_at)) s"
            return 0
        fi
        sleep 1
    done
    tail -n 60 "$keycloak_log" >&2
    services_fail "Keycloak was not ready after $KEYCLOAK_READY_TIMEOUT s (log above: $keycloak_log)"
}

# --- PostgreSQL ---------------------------------------------------------------

# initdb and postgres refuse to run as root: as root, run them as the postgres user.
as_postgres() {
    if ((EUID == 0)); then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

postgres_start() {
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [[ -x $pg_bin/initdb ]] || services_fail "PostgreSQL server not found; run scripts/setup.sh test"

    local dir=$services_root/postgres port password
    mkdir -p "$dir"
    ((EUID == 0)) && chown postgres: "$dir"
    port=$(free_port)
    password=$(random_password)

    as_postgres "$pg_bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        {
            cat "$dir/initdb.log" >&2
            services_fail "initdb failed"
        }
    pg_data=$dir/data
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off" start >/dev/null ||
        {
            tail -n 30 "$dir/server.log" >&2
            pg_data=""
            services_fail "PostgreSQL did not start"
        }
    # The password travels on standard input, never on a command line.
    as_postgres "$pg_bin/psql" -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL >/dev/null ||
CREATE ROLE usersync LOGIN PASSWORD '$password';
CREATE DATABASE usersync_test OWNER usersync ENCODING 'UTF8';
SQL
        services_fail "could not create the test role and database"

    export USERSYNC_TEST_PG_HOST=127.0.0.1
    export USERSYNC_TEST_PG_PORT=$port
    export USERSYNC_TEST_PG_USER=usersync
    export USERSYNC_TEST_PG_DATABASE=usersync_test
    export USERSYNC_TEST_PG_PASSWORD=$password
    services_log "PostgreSQL ready on 127.0.0.1:$port"
}

# --- Secret Service -------------------------------------------------------------

keyring_start() {
    local dir=$services_root/keyring
    mkdir -p "$dir/data" "$dir/runtime"
    chmod 700 "$dir/runtime"

    local launch
    launch=$(dbus-launch --sh-syntax) || services_fail "dbus-launch failed; run scripts/setup.sh test"
    eval "$launch"
    dbus_pid=$DBUS_SESSION_BUS_PID
    export DBUS_SESSION_BUS_ADDRESS

    # A keyring of its own under the run's folder, created and unlocked with a throwaway
    # password that travels through a pipe (printf is a builtin: no command line shows it).
    local password
    password=$(random_password)
    printf '%s' "$password" |
        XDG_DATA_HOME=$dir/data XDG_RUNTIME_DIR=$dir/runtime \
            gnome-keyring-daemon --foreground --unlock --components=secrets >"$dir/daemon.log" 2>&1 &
    keyring_pid=$!

    # Wait for our daemon to own the Secret Service name (asking NameHasOwner activates
    # nothing, whereas a client call now could start a second, unconfigured daemon).
    local deadline=$((SECONDS + 20))
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
        if ((SECONDS > deadline)) || ! kill -0 "$keyring_pid" 2>/dev/null; then
            cat "$dir/daemon.log" >&2
            services_fail "gnome-keyring did not provide a Secret Service"
        fi
        sleep 0.2
    done
    # Proves the service stores and returns a secret before any test relies on it.
    printf 'probe' | secret-tool store --label='UserSync service probe' usersync-probe ready ||
        services_fail "the Secret Service did not store a secret (log: $dir/daemon.log)"
    [[ $(secret-tool lookup usersync-probe ready) == probe ]] || services_fail "the Secret Service did not return a stored secret"
    secret-tool clear usersync-probe ready
    export USERSYNC_TEST_SECRET_SERVICE=1
    services_log "Secret Service ready on $DBUS_SESSION_BUS_ADDRESS"
}
