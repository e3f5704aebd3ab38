# shellcheck shell=bash
# The Jira Data Center stand-in for the integration tests: tests/emulators/jira/jira_emulator.py
# behind two validating Prism proxies, one per Atlassian spec (11.3.8 and 10.3.24), started by
# scripts/lib/prism.sh. Sourced by scripts/lib/services.sh after it.
#
# Exports (after jira_start):
#   USERSYNC_TEST_JIRA_URL            Prism validating against the 11.3.8 spec (a Jira base URL, no /rest)
#   USERSYNC_TEST_JIRA_10_URL         Prism validating against the 10.3.24 spec
#   USERSYNC_TEST_JIRA_DIRECT_URL     the emulator itself (control API /_emulator/..., benchmarks)
#   USERSYNC_TEST_JIRA_ADMIN_USER, USERSYNC_TEST_JIRA_ADMIN_PASSWORD, USERSYNC_TEST_JIRA_TOKEN
#   USERSYNC_TEST_JIRA_PRISM_LOG, USERSYNC_TEST_JIRA_10_PRISM_LOG   the proxies' logs (violations)

jira_start() { atlassian_start jira Jira "jira-software-dc-%s.openapi.json" 11.3.8 10.3.24 10; }
jira_wait_ready() { atlassian_wait_ready jira Jira 10 rest/api/2/serverInfo; }
jira_stop() { atlassian_stop jira; }
