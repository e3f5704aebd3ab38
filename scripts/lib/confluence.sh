# shellcheck shell=bash
# The Confluence Data Center stand-in for the integration tests:
# tests/emulators/confluence/confluence_emulator.py behind two validating Prism proxies, one per
# Atlassian spec (10.2.14 and 9.3.1), started by scripts/lib/prism.sh. Sourced by
# scripts/lib/services.sh after it.
#
# Exports (after confluence_start):
#   USERSYNC_TEST_CONFLUENCE_URL          Prism validating against the 10.2.14 spec (a Confluence base
#                                         URL: the client adds /rest/api/...)
#   USERSYNC_TEST_CONFLUENCE_9_URL        Prism validating against the 9.3.1 spec
#   USERSYNC_TEST_CONFLUENCE_DIRECT_URL   the emulator itself (control API /_emulator/..., benchmarks)
#   USERSYNC_TEST_CONFLUENCE_ADMIN_USER, USERSYNC_TEST_CONFLUENCE_ADMIN_PASSWORD,
#   USERSYNC_TEST_CONFLUENCE_TOKEN
#   USERSYNC_TEST_CONFLUENCE_PRISM_LOG, USERSYNC_TEST_CONFLUENCE_9_PRISM_LOG   the proxies' logs

confluence_start() { atlassian_start confluence Confluence "confluence-dc-%s.openapi.json" 10.2.14 9.3.1 9; }
confluence_wait_ready() { atlassian_wait_ready confluence Confluence 9 rest/api/user/current; }
confluence_stop() { atlassian_stop confluence; }
