#!/usr/bin/env bash
# Starts the real services the integration tests talk to, runs a command with
# their addresses in the environment, and stops them all when it ends, also on
# failure or Ctrl+C:
#   - Keycloak (keycloak-quarkus-dist from Maven Central, start-dev) with the
#     test realm imported: USERSYNC_TEST_KEYCLOAK_URL, USERSYNC_TEST_REALM_FILE;
#     also over TLS with a private CA: USERSYNC_TEST_KEYCLOAK_HTTPS_URL, USERSYNC_TEST_CA_FILE;
#     its folder and Java (for its own tools, e.g. bin/kcadm.sh): USERSYNC_TEST_KEYCLOAK_HOME,
#     USERSYNC_TEST_KEYCLOAK_JAVA_HOME
#   - PostgreSQL in a temporary cluster: USERSYNC_TEST_PG_HOST, _PORT, _USER,
#     _DATABASE, _PASSWORD
#   - a Secret Service (private D-Bus session, unlocked gnome-keyring):
#     DBUS_SESSION_BUS_ADDRESS, USERSYNC_TEST_SECRET_SERVICE=1
#   - a Jira Data Center emulator (tests/emulators/jira) behind Prism proxies that validate every
#     request against Atlassian's 11.3.8 and 10.3.24 specs (read from USERSYNC_CONTRACTS, default
#     ../shared/contracts): USERSYNC_TEST_JIRA_URL, USERSYNC_TEST_JIRA_10_URL,
#     USERSYNC_TEST_JIRA_DIRECT_URL (the emulator itself: control API, benchmarks),
#     USERSYNC_TEST_JIRA_ADMIN_USER, _ADMIN_PASSWORD, _TOKEN, USERSYNC_TEST_JIRA_PRISM_LOG,
#     USERSYNC_TEST_JIRA_10_PRISM_LOG
#   - a Confluence Data Center emulator (tests/emulators/confluence) behind Prism proxies for
#     Atlassian's 10.2.14 and 9.3.1 specs: USERSYNC_TEST_CONFLUENCE_URL,
#     USERSYNC_TEST_CONFLUENCE_9_URL, USERSYNC_TEST_CONFLUENCE_DIRECT_URL,
#     USERSYNC_TEST_CONFLUENCE_ADMIN_USER, _ADMIN_PASSWORD, _TOKEN,
#     USERSYNC_TEST_CONFLUENCE_PRISM_LOG, USERSYNC_TEST_CONFLUENCE_9_PRISM_LOG
#   - a Bitbucket Data Center emulator (tests/emulators/bitbucket) behind Prism proxies for
#     Atlassian's 10.4 and 9.4 specs: USERSYNC_TEST_BITBUCKET_URL, USERSYNC_TEST_BITBUCKET_9_URL,
#     USERSYNC_TEST_BITBUCKET_DIRECT_URL, USERSYNC_TEST_BITBUCKET_ADMIN_USER, _ADMIN_PASSWORD,
#     _TOKEN, USERSYNC_TEST_BITBUCKET_PRISM_LOG, USERSYNC_TEST_BITBUCKET_9_PRISM_LOG
#   - the real SCIM 2.0 server scim2-server (PyPI, pinned in tests/scim/requirements.txt, in a
#     cached virtual environment) with the test harness of tests/scim/scim_server.py around it,
#     checked once by scim2-tester: USERSYNC_TEST_SCIM_URL, USERSYNC_TEST_SCIM_TOKEN,
#     USERSYNC_TEST_SCIM_CONTROL_URL, USERSYNC_TEST_SCIM_LOG, USERSYNC_TEST_SCIM_TESTER_LOG
#   - the real OpenLDAP server (Debian's slapd, unprivileged, a private configuration and database)
#     on ldap:// with StartTLS and ldaps:// with the private CA's certificate: USERSYNC_TEST_LDAP_URL,
#     USERSYNC_TEST_LDAPS_URL, USERSYNC_TEST_LDAP_BASE, the accounts' DNs and passwords
#     (USERSYNC_TEST_LDAP_ADMIN_*, _BIND_*, _READER_*: scripts/lib/ldap.sh), USERSYNC_TEST_LDAP_LOG,
#     and USERSYNC_TEST_CA_FILE, the CA of its certificate
# Everything listens on loopback, on free ports, in one fresh temporary folder.
#
#   scripts/with-test-services.sh ctest --test-dir build
#   scripts/with-test-services.sh bash     # a shell for trying things by hand
#
# USERSYNC_TEST_SERVICES=keycloak,postgres,keyring,jira,confluence,bitbucket,scim,ldap chooses which to start;
# USERSYNC_EXTRA_REALMS="a.json b.json" imports more realms (benchmarks do).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/lib/services.sh"

if (($# == 0)); then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

services_init
trap services_stop EXIT
trap 'exit 130' INT TERM

wanted=",${USERSYNC_TEST_SERVICES:-keycloak,postgres,keyring,jira,confluence,bitbucket,scim,ldap},"
# Keycloak takes longest: start it first and let the others come up meanwhile.
[[ $wanted == *,keycloak,* ]] && keycloak_start
[[ $wanted == *,postgres,* ]] && postgres_start
[[ $wanted == *,keyring,* ]] && keyring_start
[[ $wanted == *,jira,* ]] && jira_start
[[ $wanted == *,confluence,* ]] && confluence_start
[[ $wanted == *,bitbucket,* ]] && bitbucket_start
[[ $wanted == *,scim,* ]] && scim_start
[[ $wanted == *,ldap,* ]] && ldap_start
[[ $wanted == *,keycloak,* ]] && keycloak_wait_ready
[[ $wanted == *,jira,* ]] && jira_wait_ready
[[ $wanted == *,confluence,* ]] && confluence_wait_ready
[[ $wanted == *,bitbucket,* ]] && bitbucket_wait_ready
[[ $wanted == *,scim,* ]] && scim_wait_ready
[[ $wanted == *,ldap,* ]] && ldap_wait_ready

services_log "services ready in $((SECONDS - services_started_at)) s; running: $*"
set +e
"$@"
status=$?
set -e
exit "$status"
