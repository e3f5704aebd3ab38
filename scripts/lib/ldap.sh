# shellcheck shell=bash
# The real OpenLDAP server of the tests: Debian's slapd, run unprivileged with a private
# configuration (slapd.conf) and an mdb database below the run's folder, on free loopback ports:
# ldap:// (StartTLS) and ldaps://, both with a certificate of the run's private CA. Sourced by
# scripts/lib/services.sh (services_log, services_fail, free_port, random_password,
# services_certificates, $services_root).
#
# The directory holds dc=usersync,dc=test with ou=people, ou=groups and ou=services; three accounts
# bind there:
#   cn=admin,dc=usersync,dc=test          the root DN (what tests prepare and inspect with)
#   cn=usersync,ou=services,...           the sync account: writes people and groups, no limits
#   cn=reader,ou=services,...             reads everything (more than 500 entries only page by page),
#                                         writes nothing (Save and Test refuses it)
#
# Exports (after ldap_start and ldap_wait_ready):
#   USERSYNC_TEST_LDAP_URL            ldap://127.0.0.1:PORT (StartTLS)
#   USERSYNC_TEST_LDAPS_URL           ldaps://127.0.0.1:PORT
#   USERSYNC_TEST_LDAP_BASE           dc=usersync,dc=test
#   USERSYNC_TEST_LDAP_ADMIN_DN, USERSYNC_TEST_LDAP_ADMIN_PASSWORD
#   USERSYNC_TEST_LDAP_BIND_DN, USERSYNC_TEST_LDAP_BIND_PASSWORD      the sync account
#   USERSYNC_TEST_LDAP_READER_DN, USERSYNC_TEST_LDAP_READER_PASSWORD  the read-only account
#   USERSYNC_TEST_LDAP_LOG            slapd's log
#   USERSYNC_TEST_CA_FILE             the CA of its certificate (ldapsearch by hand:
#                                     LDAPTLS_CACERT=$USERSYNC_TEST_CA_FILE ldapsearch -ZZ -H …)

ldap_pid=""

ldap_slapd() {
    local slapd
    for slapd in "$(command -v slapd 2>/dev/null)" /usr/sbin/slapd; do
        [[ -n $slapd && -x $slapd ]] && {
            printf '%s\n' "$slapd"
            return 0
        }
    done
    return 1
}

# An {SSHA} hash of the password in $1, made without putting the password on a command line.
ldap_hash() {
    local file
    file=$(mktemp "$services_root/ldap/secret.XXXXXX")
    printf '%s' "$1" >"$file"
    slappasswd -n -T "$file"
    rm -f "$file"
}

ldap_start() {
    local dir=$services_root/ldap slapd base=dc=usersync,dc=test
    slapd=$(ldap_slapd) || services_fail "slapd not found; run scripts/setup.sh test"
    mkdir -p "$dir/db"
    services_certificates
    # Its own copy of the certificate and key, readable by the account slapd runs as.
    cp "$services_root/tls/ca.pem" "$services_root/tls/server.pem" "$services_root/tls/server-key.pem" "$dir/"
    local port tls_port admin_password bind_password reader_password
    port=$(free_port)
    tls_port=$(free_port)
    admin_password=$(random_password)
    bind_password=$(random_password)
    reader_password=$(random_password)

    cat >"$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
pidfile $dir/slapd.pid
argsfile $dir/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
TLSCACertificateFile $dir/ca.pem
TLSCertificateFile $dir/server.pem
TLSCertificateKeyFile $dir/server-key.pem
# Not even the bind may travel in clear text: ldap:// must be upgraded with StartTLS first.
security simple_bind=128

database mdb
maxsize 4294967296
suffix "$base"
rootdn "cn=admin,$base"
rootpw $(ldap_hash "$admin_password")
directory $dir/db
index objectClass eq
index uid,cn eq
index uniqueMember eq
index entryUUID eq
access to attrs=userPassword
    by self write
    by anonymous auth
    by * none
access to dn.subtree="ou=people,$base"
    by dn.exact="cn=usersync,ou=services,$base" write
    by users read
access to dn.subtree="ou=groups,$base"
    by dn.exact="cn=usersync,ou=services,$base" write
    by users read
access to *
    by users read
# Pages of any size, and every entry of a directory of 100,000 users, for the sync account; the
# reader, as a restricted account would be, gets at most 500 entries from a search, and all of them
# only in pages of at most 500 (the simple paged results control).
limits dn.exact="cn=usersync,ou=services,$base" size=unlimited time=unlimited
limits dn.exact="cn=reader,ou=services,$base" size.soft=500 size.hard=500 size.pr=500 size.prtotal=unlimited
CONF
    # The schema check runs on the configuration itself before the first start.
    "$slapd" -Tt -u -f "$dir/slapd.conf" >"$dir/slaptest.log" 2>&1 || {
        cat "$dir/slaptest.log" >&2
        services_fail "slapd refused its test configuration"
    }
    cat >"$dir/base.ldif" <<LDIF
dn: $base
objectClass: dcObject
objectClass: organization
dc: usersync
o: UserSync Test

dn: ou=people,$base
objectClass: organizationalUnit
ou: people

dn: ou=groups,$base
objectClass: organizationalUnit
ou: groups

dn: ou=services,$base
objectClass: organizationalUnit
ou: services

dn: cn=usersync,ou=services,$base
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: usersync
userPassword: $(ldap_hash "$bind_password")

dn: cn=reader,ou=services,$base
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: reader
userPassword: $(ldap_hash "$reader_password")
LDIF
    "$slapd" -Ta -f "$dir/slapd.conf" -l "$dir/base.ldif" >"$dir/slapadd.log" 2>&1 || {
        cat "$dir/slapadd.log" >&2
        services_fail "slapadd could not load the test directory's base entries"
    }
    rm -f "$dir/base.ldif"
    # Never as root: started by root (a CI container), slapd drops to Debian's openldap account.
    local account=()
    if ((EUID == 0)); then
        chown -R openldap:openldap "$dir"
        account=(-u openldap -g openldap)
    fi

    services_log "starting slapd on 127.0.0.1:$port (StartTLS) and :$tls_port (ldaps)"
    # -d 0: in the foreground (so that stopping the group stops it), logging to its standard error.
    setsid "$slapd" -d 0 "${account[@]}" -f "$dir/slapd.conf" \
        -h "ldap://127.0.0.1:$port/ ldaps://127.0.0.1:$tls_port/" >"$dir/slapd.log" 2>&1 </dev/null &
    ldap_pid=$!

    export USERSYNC_TEST_LDAP_URL=ldap://127.0.0.1:$port
    export USERSYNC_TEST_LDAPS_URL=ldaps://127.0.0.1:$tls_port
    export USERSYNC_TEST_LDAP_BASE=$base
    export USERSYNC_TEST_LDAP_ADMIN_DN=cn=admin,$base
    export USERSYNC_TEST_LDAP_ADMIN_PASSWORD=$admin_password
    export USERSYNC_TEST_LDAP_BIND_DN=cn=usersync,ou=services,$base
    export USERSYNC_TEST_LDAP_BIND_PASSWORD=$bind_password
    export USERSYNC_TEST_LDAP_READER_DN=cn=reader,ou=services,$base
    export USERSYNC_TEST_LDAP_READER_PASSWORD=$reader_password
    export USERSYNC_TEST_LDAP_LOG=$dir/slapd.log
}

# Until a StartTLS bind of the sync account reads the base entry (the password travels in a file).
ldap_wait_ready() {
    local deadline=$((SECONDS + 30)) started=$SECONDS secret=$services_root/ldap/bind.secret
    (
        umask 077
        printf '%s' "$USERSYNC_TEST_LDAP_BIND_PASSWORD" >"$secret"
    )
    until LDAPTLS_CACERT=$USERSYNC_TEST_CA_FILE ldapsearch -ZZ -H "$USERSYNC_TEST_LDAP_URL" -x -D "$USERSYNC_TEST_LDAP_BIND_DN" -y "$secret" \
        -b "$USERSYNC_TEST_LDAP_BASE" -s base -LLL dn >/dev/null 2>&1; do
        kill -0 "$ldap_pid" 2>/dev/null || {
            cat "$USERSYNC_TEST_LDAP_LOG" >&2
            rm -f "$secret"
            services_fail "slapd exited during start-up"
        }
        ((SECONDS < deadline)) || {
            rm -f "$secret"
            services_fail "slapd did not answer within 30 s (log: $USERSYNC_TEST_LDAP_LOG)"
        }
        sleep 0.1
    done
    rm -f "$secret"
    services_log "slapd ready after $((SECONDS - started)) s ($USERSYNC_TEST_LDAP_URL)"
}

ldap_stop() {
    if [[ -n $ldap_pid ]]; then
        kill -TERM -- "-$ldap_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$ldap_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$ldap_pid" 2>/dev/null || true
        ldap_pid=""
    fi
}
