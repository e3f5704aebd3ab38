# shellcheck shell=bash
# The Bitbucket Data Center stand-in for the integration tests:
# tests/emulators/bitbucket/bitbucket_emulator.py behind two validating Prism proxies, one per
# Atlassian spec (10.4 and 9.4), started by scripts/lib/prism.sh. Sourced by scripts/lib/services.sh
# after it. The specs name only x.y; the emulator reports 10.4.0 and 9.4.0.
#
# Exports (after bitbucket_start):
#   USERSYNC_TEST_BITBUCKET_URL          Prism validating against the 10.4 spec (a Bitbucket base URL:
#                                        the client adds /rest/api/latest/...)
#   USERSYNC_TEST_BITBUCKET_9_URL        Prism validating against the 9.4 spec
#   USERSYNC_TEST_BITBUCKET_DIRECT_URL   the emulator itself (control API /_emulator/..., benchmarks)
#   USERSYNC_TEST_BITBUCKET_ADMIN_USER, USERSYNC_TEST_BITBUCKET_ADMIN_PASSWORD,
#   USERSYNC_TEST_BITBUCKET_TOKEN        (a personal access token of the administrator: Bitbucket
#                                        refuses it on /rest/api/latest/admin/..., Basic works there)
#   USERSYNC_TEST_BITBUCKET_PRISM_LOG, USERSYNC_TEST_BITBUCKET_9_PRISM_LOG   the proxies' logs

bitbucket_start() { atlassian_start bitbucket Bitbucket "bitbucket-dc-%s.openapi.json" 10.4 9.4 9; }
# application-properties answers the token (it is no /admin resource) once everything is up.
bitbucket_wait_ready() { atlassian_wait_ready bitbucket Bitbucket 9 rest/api/latest/application-properties; }
bitbucket_stop() { atlassian_stop bitbucket; }
