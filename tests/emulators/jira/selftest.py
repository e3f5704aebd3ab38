#!/usr/bin/env python3
"""Checks the Jira emulator and its Prism proxies as scripts/lib/jira.sh starts them.

Run under scripts/with-test-services.sh (it needs USERSYNC_TEST_JIRA_URL, _10_URL, _DIRECT_URL,
_ADMIN_USER, _ADMIN_PASSWORD and _TOKEN). Exits non-zero with a message on the first failure.
Leaves the emulator reset to its initial state.
"""

import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from selftest_client import basic, call, check, control_of, expect  # noqa: E402  (after the path entry)

try:
    PROXY = os.environ["USERSYNC_TEST_JIRA_URL"]
    PROXY10 = os.environ["USERSYNC_TEST_JIRA_10_URL"]
    DIRECT = os.environ["USERSYNC_TEST_JIRA_DIRECT_URL"]
    ADMIN = os.environ["USERSYNC_TEST_JIRA_ADMIN_USER"]
    PASSWORD = os.environ["USERSYNC_TEST_JIRA_ADMIN_PASSWORD"]
    TOKEN = os.environ["USERSYNC_TEST_JIRA_TOKEN"]
except KeyError as missing:
    print(f"selftest: {missing} is not set: run under scripts/with-test-services.sh with the jira service",
          file=sys.stderr)
    sys.exit(2)

API = "/rest/api/2"
BEARER = {"Authorization": f"Bearer {TOKEN}"}


control = control_of(DIRECT)


def main():
    started = time.monotonic()
    control("POST", "reset")

    # serverInfo through both proxies, with a token and with Basic.
    for base in (PROXY, PROXY10):
        info = expect(call("GET", f"{base}{API}/serverInfo", headers=BEARER), 200, f"serverInfo via {base}").json
        check(info["versionNumbers"] == [11, 3, 8] and info["deploymentType"] == "DataCenter", f"serverInfo {info}")
        me = expect(call("GET", f"{base}{API}/mypermissions?permissions=ADMINISTER,SYSTEM_ADMIN",
                         headers=basic(ADMIN, PASSWORD)), 200, "mypermissions with Basic").json
        check(me["permissions"]["SYSTEM_ADMIN"]["havePermission"] is True, f"mypermissions {me}")

    # Prism rejects requests that break the contract; the emulator never sees them.
    control("DELETE", "requests")
    bad = expect(call("POST", f"{PROXY}{API}/group/user?groupname=jira-software-users", {"name": 5},
                      headers=BEARER), 422, "wrong body type")
    check("UNPROCESSABLE_ENTITY" in bad.json["type"], f"Prism problem type: {bad.text}")
    expect(call("POST", f"{PROXY}{API}/group/user", {"name": "admin"}, headers=BEARER), 422, "missing groupname")
    expect(call("DELETE", f"{PROXY10}{API}/group/user?groupname=x", headers=BEARER), 422, "missing username (10.3)")
    nopath = expect(call("GET", f"{PROXY}{API}/no/such/resource", headers=BEARER), 404, "undocumented path")
    check("NO_PATH_MATCHED" in nopath.json["type"], f"Prism 404 type: {nopath.text}")
    expect(call("GET", f"{PROXY}{API}/user?username=admin"), 401, "no credentials (Prism's own 401)")
    check(control("GET", "requests") == [], "a request Prism rejected reached the emulator")

    # Test data.
    users = [{"name": "alice", "emailAddress": "alice@example.com", "displayName": "Alice Archer"},
             {"name": "bob", "emailAddress": "bob@example.com", "displayName": "Bob Baker", "active": False},
             {"name": "dave", "emailAddress": "dave@example.com", "displayName": "Dave Dent", "password": "right"},
             {"name": "legacy", "key": "legacy", "emailAddress": "l@example.com", "displayName": "Old Timer"}]
    users += [{"name": f"member{i:03d}", "emailAddress": f"m{i}@example.com", "displayName": f"Member {i}"}
              for i in range(120)]
    users += [{"name": f"su{i:03d}", "emailAddress": f"su{i}@example.com", "displayName": f"Search User{i}"}
              for i in range(150)]
    memberships = [["alice", "team"], ["bob", "team"]] + [[f"member{i:03d}", "big"] for i in range(120)]
    control("POST", "seed", {"users": users, "groups": ["team", "big"], "memberships": memberships})

    # Duplicate membership: 201, then Jira's 400 "already a member" (through Prism, unchanged).
    expect(call("POST", f"{PROXY}{API}/group/user?groupname=team", {"name": "dave"}, headers=BEARER), 201, "add")
    dup = expect(call("POST", f"{PROXY}{API}/group/user?groupname=team", {"name": "dave"}, headers=BEARER), 400,
                 "duplicate add")
    check("already a member" in dup.json["errorMessages"][0], f"duplicate message: {dup.text}")

    # includeInactiveUsers defaults to false (also in total).
    page = expect(call("GET", f"{PROXY}{API}/group/member?groupname=team", headers=BEARER), 200, "members").json
    check(page["total"] == 2 and {u["name"] for u in page["values"]} == {"alice", "dave"}, f"active only: {page}")
    page = expect(call("GET", f"{PROXY10}{API}/group/member?groupname=team&includeInactiveUsers=true",
                       headers=BEARER), 200, "members incl. inactive").json
    check(page["total"] == 3, f"with inactive: {page['total']}")

    # Member pages are capped at 50 whatever is asked; follow isLast.
    url = f"{PROXY}{API}/group/member?groupname=big&maxResults=100&startAt=0"
    page = expect(call("GET", url, headers=BEARER), 200, "big page").json
    check(page["maxResults"] == 50 and len(page["values"]) == 50 and page["isLast"] is False, "member page cap")
    page = expect(call("GET", url.replace("startAt=0", "startAt=100"), headers=BEARER), 200, "last page").json
    check(len(page["values"]) == 20 and page["isLast"] is True and "nextPage" not in page, f"last page {page}")

    # user/search on 10.x: never more than 100, nothing beyond the 100th match (JRASERVER-78520).
    control("POST", "config", {"version": "10.3.24"})
    search = f"{PROXY10}{API}/user/search?username=su&includeInactive=true"
    found = expect(call("GET", f"{search}&maxResults=1000", headers=BEARER), 200, "search").json
    check(len(found) == 100, f"10.x search cap: {len(found)}")
    found = expect(call("GET", f"{search}&startAt=90&maxResults=50", headers=BEARER), 200, "search 90").json
    check(len(found) == 10 and found[0]["name"] == "su090", f"startAt+maxResults <= 100: {len(found)}")
    found = expect(call("GET", f"{search}&startAt=100", headers=BEARER), 200, "search 100").json
    check(found == [], "nothing beyond the 100th match")
    control("POST", "config", {"version": "9.12.15"})
    found = expect(call("GET", f"{search}&maxResults=1000", headers=BEARER), 200, "search 9.x").json
    check(len(found) == 150, f"9.x search pages by 1000: {len(found)}")
    expect(call("GET", f"{PROXY}{API}/user/list", headers=BEARER), 404, "user/list on 9.x")

    # user/list pages with a cursor until isLast, every user exactly once.
    control("POST", "config", {"version": "11.3.8"})
    seen, cursor, pages = [], None, 0
    while True:
        url = f"{PROXY}{API}/user/list?maxResults=100" + (f"&cursor={cursor}" if cursor is not None else "")
        page = expect(call("GET", url, headers=BEARER), 200, "user/list").json
        seen += [u["key"] for u in page["values"]]
        pages += 1
        if page["isLast"]:
            check("nextCursor" not in page, "nextCursor on the last page")
            break
        cursor = page["nextCursor"]
    total = len(control("GET", "state")["users"])
    check(len(seen) == total == len(set(seen)) and pages == 3, f"user/list: {len(seen)} keys, {pages} pages, {total}")

    # Rename keeps the key.
    alice = expect(call("GET", f"{PROXY}{API}/user?username=alice", headers=BEARER), 200, "get alice").json
    renamed = expect(call("PUT", f"{PROXY}{API}/user?key={alice['key']}", {"name": "alice2"}, headers=BEARER), 200,
                     "rename").json
    check(renamed["key"] == alice["key"] and renamed["name"] == "alice2", f"rename: {renamed}")
    expect(call("GET", f"{PROXY}{API}/user?username=alice", headers=BEARER), 404, "old name after rename")
    dupe = expect(call("PUT", f"{PROXY}{API}/user?key={alice['key']}", {"name": "dave"}, headers=BEARER), 400,
                  "rename onto an existing name")
    check("username" in dupe.json["errors"], f"rename clash: {dupe.text}")
    created = expect(call("POST", f"{PROXY}{API}/user", {"name": "NewOne", "emailAddress": "n@example.com",
                                                        "displayName": "New One", "notification": "false"},
                          headers=BEARER), 201, "create").json
    check(created["key"].startswith("JIRAUSER") and created["name"] == "newone", f"created: {created}")

    # Failed Basic logins: 401 AUTHENTICATED_FAILED, then CAPTCHA: 403 AUTHENTICATION_DENIED, via Prism.
    for _ in range(3):
        failed = expect(call("GET", f"{PROXY}{API}/mypermissions",
                             headers=basic("dave", "wrong")), 401, "wrong password")
        check(failed.header("X-Seraph-LoginReason") == "AUTHENTICATED_FAILED", f"401 headers: {failed.headers}")
    denied = expect(call("GET", f"{PROXY}{API}/mypermissions", headers=basic("dave", "right")), 403, "captcha")
    check(denied.header("X-Seraph-LoginReason") == "AUTHENTICATION_DENIED", f"403 headers: {denied.headers}")
    check("CAPTCHA_CHALLENGE" in (denied.header("X-Authentication-Denied-Reason") or ""), "denied reason header")
    control("POST", "captcha", {"user": "dave", "locked": False})
    expect(call("GET", f"{PROXY}{API}/mypermissions", headers=basic("dave", "right")), 200, "after captcha reset")

    # 429 with Retry-After and the rate-limit headers through Prism: a fault, then the token bucket.
    control("POST", "faults", {"rules": [{"path": "^/rest/api/2/groups/picker$", "status": 429, "retryAfter": 3}]})
    limited = expect(call("GET", f"{PROXY}{API}/groups/picker?query=te", headers=BEARER), 429, "429 fault")
    check(limited.header("Retry-After") == "3" and limited.header("X-RateLimit-Remaining") == "0"
          and limited.header("X-RateLimit-FillRate") is not None, f"429 headers: {limited.headers}")
    picker = expect(call("GET", f"{PROXY}{API}/groups/picker?query=te", headers=BEARER), 200, "after the fault").json
    check(picker["total"] == 1 and picker["groups"][0]["name"] == "team", f"picker: {picker}")
    control("POST", "config", {"rateLimit": {"capacity": 2, "fillRate": 0.5}})
    statuses = [call("GET", f"{PROXY}{API}/serverInfo", headers=BEARER) for _ in range(3)]
    check([a.status for a in statuses] == [200, 200, 429], f"token bucket: {[a.status for a in statuses]}")
    check(int(statuses[2].header("Retry-After")) >= 1, "token bucket Retry-After")
    control("POST", "config", {"rateLimit": None})

    # Apply-then-fail: the write happens, the answer is a 500; the retry meets "already exists".
    control("POST", "faults", {"rules": [{"method": "POST", "path": "^/rest/api/2/group$", "mode": "apply-then-fail"}]})
    expect(call("POST", f"{PROXY}{API}/group", {"name": "flaky"}, headers=BEARER), 500, "apply-then-fail")
    again = expect(call("POST", f"{PROXY}{API}/group", {"name": "flaky"}, headers=BEARER), 400, "retry")
    check("already exists" in again.json["errorMessages"][0], f"retry answer: {again.text}")

    # A Jira administrator (not sysadmin) cannot change a system administrator; project leads stay.
    control("POST", "user-flags", {"name": "dave", "systemAdmin": True})
    control("POST", "user-flags", {"name": "legacy", "projectLead": True})
    control("POST", "config", {"callerRole": "admin"})
    expect(call("PUT", f"{PROXY}{API}/user?username=dave", {"active": False}, headers=BEARER), 403, "sysadmin")
    control("POST", "config", {"callerRole": "sysadmin"})
    expect(call("PUT", f"{PROXY}{API}/user?key=legacy", {"active": False}, headers=BEARER), 400, "project lead")

    control("POST", "reset")
    print(f"selftest passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
