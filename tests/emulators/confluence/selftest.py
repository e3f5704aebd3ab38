#!/usr/bin/env python3
"""Checks the Confluence emulator and its Prism proxies as scripts/lib/confluence.sh starts them.

Run under scripts/with-test-services.sh (it needs USERSYNC_TEST_CONFLUENCE_URL, _9_URL, _DIRECT_URL,
_ADMIN_USER, _ADMIN_PASSWORD and _TOKEN; with _PRISM_LOG and _9_PRISM_LOG it also checks that
Prism found no answer breaking the spec). Exits non-zero with a message on the first failure.
Leaves the emulator reset to its initial state.
"""

import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from selftest_client import basic, call, check, control_of, expect  # noqa: E402  (after the path entry)

try:
    PROXY = os.environ["USERSYNC_TEST_CONFLUENCE_URL"]
    PROXY9 = os.environ["USERSYNC_TEST_CONFLUENCE_9_URL"]
    DIRECT = os.environ["USERSYNC_TEST_CONFLUENCE_DIRECT_URL"]
    ADMIN = os.environ["USERSYNC_TEST_CONFLUENCE_ADMIN_USER"]
    PASSWORD = os.environ["USERSYNC_TEST_CONFLUENCE_ADMIN_PASSWORD"]
    TOKEN = os.environ["USERSYNC_TEST_CONFLUENCE_TOKEN"]
except KeyError as missing:
    print(f"selftest: {missing} is not set: run under scripts/with-test-services.sh with the confluence service",
          file=sys.stderr)
    sys.exit(2)
PRISM_LOGS = [os.environ[name] for name in ("USERSYNC_TEST_CONFLUENCE_PRISM_LOG",
                                            "USERSYNC_TEST_CONFLUENCE_9_PRISM_LOG") if os.environ.get(name)]

API = "/rest/api"
BEARER = {"Authorization": f"Bearer {TOKEN}"}


control = control_of(DIRECT)


def expect_error(answer, status, what, text=None):
    """Confluence's RestError {statusCode, message, reason, data}."""
    expect(answer, status, what)
    error = answer.json
    check(error["statusCode"] == status and isinstance(error["message"], str) and "reason" in error
          and isinstance(error["data"], dict), f"{what}: not a RestError: {answer.text[:300]}")
    if text is not None:
        check(text in error["message"], f"{what}: {text!r} not in {error['message']!r}")
    return error


def q(text):
    return urllib.parse.quote(text, safe="")


def read_all(base, path, limit, key="username"):
    """Follows a paged list by _links.next; returns the items' keys and the number of pages."""
    seen, start, pages = [], 0, 0
    while True:
        sep = "&" if "?" in path else "?"
        page = expect(call("GET", f"{base}{API}{path}{sep}limit={limit}&start={start}", headers=BEARER), 200,
                      f"page of {path}").json
        pages += 1
        check(page["start"] == start and page["size"] == len(page["results"]), f"page fields: {page}")
        seen += [item[key] for item in page["results"]]
        if "next" not in page["_links"]:
            check(page["size"] <= page["limit"], "last page longer than its limit")
            return seen, pages
        check(page["size"] == page["limit"], f"a page with a next link is full: {page['size']}/{page['limit']}")
        start += page["size"]


def wait_task(base, submitted):
    """Polls a long task until it ends; returns its last status."""
    check(submitted["links"]["status"].endswith(f"/rest/api/longtask/{submitted['id']}"), f"task: {submitted}")
    progress = []
    for _ in range(20):
        status = expect(call("GET", f"{base}{API}/longtask/{submitted['id']}", headers=BEARER), 200, "task").json
        progress.append(status["percentageComplete"])
        if status["percentageComplete"] == 100:
            check(len(progress) > 1 and progress[0] < 100, f"the task reported no progress first: {progress}")
            return status
    check(False, f"the task did not end: {progress}")


def prism_log_marks():
    return [os.path.getsize(log) for log in PRISM_LOGS]


def check_prism_logs(marks=None):
    """Prism logs answers that break the spec (and undeclared status codes) as warnings; requests
    it rejected itself are logged as errors, and those are expected here."""
    for log, mark in zip(PRISM_LOGS, marks or [0] * len(PRISM_LOGS)):
        with open(log, encoding="utf-8", errors="replace") as handle:
            handle.seek(mark)
            lines = [line.rstrip() for line in handle
                     if ("warning" in line or "error" in line) and "Request terminated with error" not in line]
        check(not lines, f"Prism reported problems in {log}:\n" + "\n".join(lines[:20]))


def main():
    started = time.monotonic()
    control("POST", "reset")
    # Only what this test sends counts: other tests may have armed faults the specs do not declare.
    begin = prism_log_marks()

    # The caller through both proxies, with a token and with Basic.
    for base in (PROXY, PROXY9):
        me = expect(call("GET", f"{base}{API}/user/current", headers=BEARER), 200, f"user/current via {base}").json
        check(me["username"] == ADMIN and len(me["userKey"]) == 32, f"user/current: {me}")
        me = expect(call("GET", f"{base}{API}/user/current?expand=status", headers=basic(ADMIN, PASSWORD)), 200,
                    "user/current with Basic").json
        check(me["status"] == "Active", f"expand=status: {me}")
    admin_key = me["userKey"]

    # The version, and the caller's global permissions by name or key.
    for base, version in ((PROXY, "10.2.14"), (PROXY9, "9.3.1")):
        control("POST", "config", {"version": version})
        info = expect(call("GET", f"{base}{API}/server-information", headers=BEARER), 200, "server-information").json
        check(info["version"] == version and info["buildNumber"] > 0, f"server-information: {info}")
    control("POST", "config", {"version": "10.2.14"})
    for who in (ADMIN, admin_key):
        granted = expect(call("GET", f"{PROXY}{API}/permissions/user/{who}", headers=BEARER), 200, "permissions").json
        check({(p["operation"]["targetType"], p["operation"]["operationKey"]) for p in granted}
              == {("application", "use"), ("application", "administer"), ("system", "administer")},
              f"a system administrator's permissions: {granted}")

    # Prism rejects requests that break the contract; the emulator never sees them.
    control("DELETE", "requests")
    bad = expect(call("GET", f"{PROXY}{API}/user/list?limit=many", headers=BEARER), 422, "limit not a number")
    check("UNPROCESSABLE_ENTITY" in bad.json["type"], f"Prism problem type: {bad.text}")
    expect(call("POST", f"{PROXY}{API}/admin/user", {"userName": 5}, headers=BEARER), 422, "userName not a string")
    nopath = expect(call("GET", f"{PROXY}{API}/user/rename", headers=BEARER), 404, "no rename endpoint")
    check("NO_PATH_MATCHED" in nopath.json["type"], f"Prism 404 type: {nopath.text}")
    expect(call("POST", f"{PROXY}{API}/admin/user/alice/rename", {}, headers=BEARER), 404, "no rename (POST)")
    check(control("GET", "requests") == [], "a request Prism rejected reached the emulator")

    # Authentication: no credentials or a wrong token reach the emulator (the specs declare no security).
    expect_error(call("GET", f"{PROXY}{API}/user/current"), 401, "anonymous")
    expect_error(call("GET", f"{PROXY}{API}/user/current", headers={"Authorization": "Bearer nope"}), 401,
                          "wrong token")

    # Test data.
    users = [{"name": "alice", "email": "alice@example.com", "fullName": "Alice Archer"},
             {"name": "bob", "email": "bob@example.com", "fullName": "Bob Baker", "active": False},
             {"name": "dave", "email": "dave@example.com", "fullName": "Dave Dent", "password": "right"}]
    users += [{"name": f"member{i:03d}", "email": f"m{i}@example.com", "fullName": f"Member {i}"} for i in range(250)]
    groups = ["team", "big", "a/b"] + [f"g{i:03d}" for i in range(230)]
    memberships = [["alice", "team"], ["bob", "team"], ["alice", "a/b"]] + [[f"member{i:03d}", "big"] for i in range(250)]
    control("POST", "seed", {"users": users, "groups": groups, "memberships": memberships})
    total_users = len(control("GET", "state")["users"])

    # user/list: every user once, disabled ones too, paged by start/limit and _links.next; the
    # page size is capped (userPageCap, 200) whatever is asked.
    for base in (PROXY, PROXY9):
        names, pages = read_all(base, "/user/list?expand=status", 100)
        check(len(names) == total_users == len(set(names)) and pages == 3, f"user/list: {len(names)}, {pages} pages")
        check("bob" in names, "a disabled user is missing from user/list")
    page = expect(call("GET", f"{PROXY}{API}/user/list?limit=1000&expand=status", headers=BEARER), 200, "cap").json
    check(page["limit"] == 200 and page["size"] == 200 and "next" in page["_links"], f"user page cap: {page['limit']}")
    bob = [u for u in page["results"] if u["username"] == "bob"][0]
    check(bob["status"] == "Deactivated", f"bob's status: {bob}")

    # One user by name and by key; unknown: 404.
    alice = expect(call("GET", f"{PROXY}{API}/user?username=alice", headers=BEARER), 200, "alice").json
    again = expect(call("GET", f"{PROXY9}{API}/user?key={alice['userKey']}", headers=BEARER), 200, "by key").json
    check(again["username"] == "alice" and again["displayName"] == "Alice Archer", f"by key: {again}")
    expect_error(call("GET", f"{PROXY}{API}/user?username=nobody", headers=BEARER), 404, "unknown user")

    # Create: 201 {userKey}; invalid names 400; an existing name 409; the licence limit 402.
    created = expect(call("POST", f"{PROXY}{API}/admin/user",
                          {"userName": "newone", "fullName": "New One", "email": "n@example.com",
                           "password": "a-long-random-password"}, headers=BEARER), 201, "create").json
    check(len(created["userKey"]) == 32 and created["userKey"] != admin_key, f"created: {created}")
    new = expect(call("GET", f"{PROXY}{API}/user?key={created['userKey']}", headers=BEARER), 200, "new user").json
    check(new["username"] == "newone", f"new user: {new}")
    for name in ("NewTwo", "new two", "a,b", "a+b", "a<b", "a>b", "a'b", 'a"b', "a\\b"):
        expect_error(call("POST", f"{PROXY9}{API}/admin/user",
                          {"userName": name, "fullName": "X", "email": "x@example.com", "password": "pw"},
                          headers=BEARER), 400, f"username {name!r}")
    expect_error(call("POST", f"{PROXY}{API}/admin/user",
                      {"userName": "alice", "fullName": "A", "email": "a@example.com", "password": "pw"},
                      headers=BEARER), 409, "existing user", "already exists")
    active = sum(1 for u in control("GET", "state")["users"] if u["active"])
    control("POST", "config", {"licenceLimit": active})
    expect_error(call("POST", f"{PROXY}{API}/admin/user",
                      {"userName": "onetoomany", "fullName": "O", "email": "o@example.com", "password": "pw"},
                      headers=BEARER), 402, "licence exhausted")
    control("POST", "config", {"licenceLimit": None})

    # Update email and full name (204); the key stays.
    expect(call("PUT", f"{PROXY}{API}/admin/user/alice", {"email": "alice@new.example.com", "fullName": "Alice A."},
                headers=BEARER), 204, "update")
    expect(call("PUT", f"{PROXY9}{API}/admin/user/alice", {"fullName": "Alice Archer"}, headers=BEARER), 204,
           "update via 9.3.1")
    updated = expect(call("GET", f"{PROXY}{API}/user?username=alice", headers=BEARER), 200, "updated").json
    check(updated["email"] == "alice@new.example.com" and updated["displayName"] == "Alice Archer"
          and updated["userKey"] == alice["userKey"], f"updated: {updated}")
    expect_error(call("PUT", f"{PROXY}{API}/admin/user/alice", {"email": "not-an-email"}, headers=BEARER), 400,
                 "bad email")

    # Disable / enable, both idempotent; the key survives.
    for _ in range(2):
        expect(call("PUT", f"{PROXY}{API}/admin/user/alice/disable", headers=BEARER), 204, "disable")
    state = expect(call("GET", f"{PROXY}{API}/user?username=alice&expand=status", headers=BEARER), 200, "s").json
    check(state["status"] == "Deactivated" and state["userKey"] == alice["userKey"], f"disabled: {state}")
    for _ in range(2):
        expect(call("PUT", f"{PROXY9}{API}/admin/user/alice/enable", headers=BEARER), 204, "enable")
    expect_error(call("PUT", f"{PROXY}{API}/admin/user/nobody/disable", headers=BEARER), 404, "disable unknown")

    # Delete: 202 with a long task that reports progress, then success; the user is gone.
    task = expect(call("DELETE", f"{PROXY}{API}/admin/user/newone", headers=BEARER), 202, "delete").json
    status = wait_task(PROXY, task)
    check(status["successful"] is True, f"deletion task: {status}")
    expect(call("GET", f"{PROXY}{API}/user?username=newone", headers=BEARER), 404, "deleted user")
    # A failing deletion: the task ends unsuccessful with a message, the user stays.
    control("POST", "config", {"failNextDeletions": 1})
    task = expect(call("DELETE", f"{PROXY9}{API}/admin/user/dave", headers=BEARER), 202, "delete (fails)").json
    status = wait_task(PROXY9, task)
    check(status["successful"] is False and status["messages"], f"failed task: {status}")
    expect(call("GET", f"{PROXY}{API}/user?username=dave", headers=BEARER), 200, "user of a failed deletion")
    expect_error(call("GET", f"{PROXY}{API}/longtask/no-such-task", headers=BEARER), 404, "unknown task")
    expect_error(call("DELETE", f"{PROXY}{API}/admin/user/nobody", headers=BEARER), 404, "delete unknown")

    # Groups: paged, capped at groupPageCap (200) whatever is asked.
    all_groups = control("GET", "state")["groups"]
    for base in (PROXY, PROXY9):
        names, pages = read_all(base, "/group", 500, key="name")
        check(names == all_groups and pages == 2, f"groups: {len(names)} of {len(all_groups)}, {pages} pages")
    control("POST", "config", {"groupPageCap": 50})
    page = expect(call("GET", f"{PROXY}{API}/group?limit=200", headers=BEARER), 200, "small cap").json
    check(page["limit"] == 50 and page["size"] == 50, f"configured group cap: {page['limit']}")
    control("POST", "config", {"groupPageCap": 200})

    # Members: both endpoints (group/member only from 10.2), disabled members included, paged.
    names, pages = read_all(PROXY, "/group/big/member", 100)
    check(len(names) == 250 and pages == 3, f"members of big: {len(names)}, {pages} pages")
    names, pages = read_all(PROXY9, "/group/big/member", 1000)
    check(len(names) == 250 and pages == 2, f"member cap 200: {len(names)}, {pages} pages")
    names, _ = read_all(PROXY, "/group/member?groupName=big", 100)
    check(len(names) == 250, f"group/member: {len(names)}")
    names, _ = read_all(PROXY, "/group/team/member", 10)
    check(sorted(names) == ["alice", "bob"], f"team with its disabled member: {names}")
    # Before 10.2 there is no group/member: the 9.3.1 spec reads it as group/{groupName} "member".
    control("POST", "config", {"version": "9.3.1"})
    expect_error(call("GET", f"{PROXY9}{API}/group/member?groupName=big", headers=BEARER), 404,
                 "group/member on 9.3.1")
    control("POST", "config", {"version": "10.2.14"})
    names, _ = read_all(PROXY, f"/group/member?groupName={q('a/b')}", 10)
    check(names == ["alice"], f"a group with / by query: {names}")
    expect_error(call("GET", f"{PROXY}{API}/group/nothing/member", headers=BEARER), 404, "members of unknown group")

    # Create / delete groups: 200, 409 exists, 204, 400 for the administrators' group.
    made = expect(call("POST", f"{PROXY}{API}/admin/group", {"name": "fresh"}, headers=BEARER), 200, "group").json
    check(made["name"] == "fresh", f"created group: {made}")
    expect_error(call("POST", f"{PROXY9}{API}/admin/group", {"name": "fresh"}, headers=BEARER), 409, "group exists")
    expect(call("DELETE", f"{PROXY}{API}/admin/group/fresh", headers=BEARER), 204, "delete group")
    expect_error(call("DELETE", f"{PROXY}{API}/admin/group/fresh", headers=BEARER), 404, "delete group again")
    expect_error(call("DELETE", f"{PROXY9}{API}/admin/group/confluence-administrators", headers=BEARER), 400,
                 "delete the administrators' group")

    # Memberships: PUT / DELETE, both idempotent 204.
    for _ in range(2):
        expect(call("PUT", f"{PROXY}{API}/user/dave/group/team", headers=BEARER), 204, "add member")
    names, _ = read_all(PROXY, "/group/team/member", 10)
    check(sorted(names) == ["alice", "bob", "dave"], f"after add: {names}")
    for _ in range(2):
        expect(call("DELETE", f"{PROXY9}{API}/user/dave/group/team", headers=BEARER), 204, "remove member")
    names, _ = read_all(PROXY, "/group/team/member", 10)
    check(sorted(names) == ["alice", "bob"], f"after remove: {names}")
    expect_error(call("PUT", f"{PROXY}{API}/user/nobody/group/team", headers=BEARER), 404, "add unknown user")

    # A caller who is not a Confluence administrator: 403 on administration, reads still work.
    control("POST", "config", {"callerRole": "user"})
    expect_error(call("POST", f"{PROXY}{API}/admin/group", {"name": "x"}, headers=BEARER), 403, "not admin")
    expect_error(call("PUT", f"{PROXY}{API}/admin/user/alice/disable", headers=BEARER), 403, "not admin (disable)")
    expect_error(call("PUT", f"{PROXY}{API}/user/alice/group/big", headers=BEARER), 403, "not admin (member)")
    expect(call("GET", f"{PROXY}{API}/group?limit=5", headers=BEARER), 200, "reads as a user")
    expect_error(call("GET", f"{PROXY}{API}/permissions/user/{ADMIN}", headers=BEARER), 403, "not admin (perms)")
    control("POST", "config", {"callerRole": "admin"})
    granted = expect(call("GET", f"{PROXY9}{API}/permissions/user/{ADMIN}", headers=BEARER), 200, "permissions").json
    check({p["operation"]["targetType"] for p in granted} == {"application"}, f"an administrator's: {granted}")
    control("POST", "config", {"callerRole": "sysadmin"})

    # Failed Basic logins: 401 AUTHENTICATED_FAILED, then CAPTCHA: 403 AUTHENTICATION_DENIED.
    for _ in range(3):
        failed = expect(call("GET", f"{PROXY}{API}/user/current", headers=basic("dave", "wrong")), 401, "wrong pw")
        check(failed.header("X-Seraph-LoginReason") == "AUTHENTICATED_FAILED", f"401 headers: {failed.headers}")
    denied = expect(call("GET", f"{PROXY}{API}/user/current", headers=basic("dave", "right")), 403, "captcha")
    check(denied.header("X-Seraph-LoginReason") == "AUTHENTICATION_DENIED", f"403 headers: {denied.headers}")
    check("CAPTCHA_CHALLENGE" in (denied.header("X-Authentication-Denied-Reason") or ""), "denied reason header")
    control("POST", "captcha", {"user": "dave", "locked": False})
    expect(call("GET", f"{PROXY}{API}/user/current", headers=basic("dave", "right")), 200, "after captcha reset")

    # 429 with Retry-After through Prism: a fault, then the token bucket.
    control("POST", "faults", {"rules": [{"path": "^/rest/api/group$", "status": 429, "retryAfter": 3}]})
    limited = call("GET", f"{PROXY}{API}/group", headers=BEARER)
    expect_error(limited, 429, "429 fault")
    check(limited.header("Retry-After") == "3" and limited.header("X-RateLimit-Remaining") == "0"
          and limited.header("X-RateLimit-FillRate") is not None, f"429 headers: {limited.headers}")
    expect(call("GET", f"{PROXY}{API}/group", headers=BEARER), 200, "after the fault")
    control("POST", "config", {"rateLimit": {"capacity": 2, "fillRate": 0.5}})
    statuses = [call("GET", f"{PROXY}{API}/user/current", headers=BEARER) for _ in range(3)]
    check([a.status for a in statuses] == [200, 200, 429], f"token bucket: {[a.status for a in statuses]}")
    check(int(statuses[2].header("Retry-After")) >= 1, "token bucket Retry-After")
    control("POST", "config", {"rateLimit": None})

    # Everything so far must have been valid for the specs; the next answer is a deliberate 500.
    check_prism_logs(begin)
    # Apply-then-fail: the write happens, the answer is a 500; the retry meets 409.
    control("POST", "faults", {"rules": [{"method": "POST", "path": "^/rest/api/admin/group$",
                                          "mode": "apply-then-fail"}]})
    expect(call("POST", f"{PROXY}{API}/admin/group", {"name": "flaky"}, headers=BEARER), 500, "apply-then-fail")
    expect_error(call("POST", f"{PROXY}{API}/admin/group", {"name": "flaky"}, headers=BEARER), 409, "retry")
    marks = prism_log_marks()

    # Keys survive everything: every seeded user still has the key it had.
    keys = {u["name"]: u["key"] for u in control("GET", "state")["users"]}
    check(keys["alice"] == alice["userKey"] and keys[ADMIN] == admin_key, "a userKey changed")

    # Generating a big state is fast enough for benchmarks.
    began = time.monotonic()
    made = control("POST", "generate", {"users": 100000, "groups": 2000, "memberships": 500000})
    took = time.monotonic() - began
    check(made["users"] == 100001 and made["memberships"] >= 500000, f"generate: {made}")
    check(took < 30, f"generating 100k users took {took:.1f} s")
    page = expect(call("GET", f"{PROXY}{API}/user/list?limit=200&start=99900", headers=BEARER), 200, "big list").json
    check(page["size"] == 101 and "next" not in page["_links"], f"end of the big list: {page['size']}")

    control("POST", "reset")

    check_prism_logs(marks)
    print(f"selftest passed in {time.monotonic() - started:.1f} s (generating 100k users: {took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
