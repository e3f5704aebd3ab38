#!/usr/bin/env python3
"""Helpers of scim-bench-run.sh, against the test services' SCIM harness (tests/scim/scim_server.py).

    scim-bench.py load BASE USERS GROUPS PER_USER   an empty server filled through Bulk: users, then
                                                    groups with PER_USER memberships per user
    scim-bench.py curl WORK BASE                    UserSync's recorded requests as curl
                                                    configurations, one per stage: read, objects, members
    scim-bench.py remap WORK BASE                   the members stage rewritten for the server as the
                                                    objects stage left it (the ids it gave are new)
    scim-bench.py probe BASE USERS                  what the server's pace depends on: with USERS users,
                                                    a lookup by `externalId eq … or userName eq …`
                                                    against the two alone; 2,000 creations one by one
                                                    (4 at once) against Bulk requests of 1,000

The bearer token comes from USERSYNC_BENCH_TOKEN, never from the command line.
"""

import json
import os
import random
import re
import sys
import urllib.parse
import urllib.request

TOKEN = os.environ["USERSYNC_BENCH_TOKEN"]
BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest"
USER = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
MEMBERS = re.compile(r"/Groups/[^/]+$")


def call(method, url, body=None, token=True):
    headers = {"Content-Type": "application/scim+json" if token else "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + TOKEN
    data = None if body is None else json.dumps(body).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=data, method=method, headers=headers)) as answer:
        return json.loads(answer.read() or b"null")


def control(base, method, name, body=None):
    return call(method, base.rsplit("/v2", 1)[0] + "/_harness/" + name, body, token=False)


def bulk(base, operations):
    """Every operation through Bulk, at most 1,000 and 900 kB a request (scim2-server's limits are
    1,000 and 1 MiB); the created resources' ids in order."""
    ids, chunk, size = [], [], 0

    def send():
        answer = call("POST", base + "/Bulk", {"schemas": [BULK], "Operations": chunk})
        for operation in answer["Operations"]:
            if not str(operation.get("status", "")).startswith("2"):
                sys.exit(f"scim-bench: the bulk load was refused: {operation}")
            ids.append(operation["location"].rsplit("/", 1)[1])

    for operation in operations:
        length = len(json.dumps(operation))
        if chunk and (len(chunk) == 1000 or size + length > 900_000):
            send()
            chunk, size = [], 0
        chunk.append(operation)
        size += length
    if chunk:
        send()
    return ids


def load(base, users, groups, per_user):
    control(base, "POST", "reset", {})
    control(base, "POST", "config", {"recording": False})
    # Named as tests/bench/GeneratedRealm names its users and groups.
    user_ids = bulk(base, [{"method": "POST", "path": "/Users", "bulkId": f"u{i}", "data": {
        "schemas": [USER], "userName": f"bench{i:06d}", "externalId": f"00000000-0000-4000-8000-{i:012d}",
        "name": {"givenName": "Bench", "familyName": f"User {i}"}, "displayName": f"Bench User {i}",
        "emails": [{"value": f"bench{i:06d}@example.com", "primary": True}], "active": True}} for i in range(users)])
    members = [[] for _ in range(groups)]
    chosen = random.Random(1)
    for user_id in user_ids:
        for group in chosen.sample(range(groups), min(per_user, groups)):
            members[group].append({"value": user_id})
    bulk(base, [{"method": "POST", "path": "/Groups", "bulkId": f"g{i}", "data": {
        "schemas": [GROUP], "displayName": f"group-{i:05d}", "members": members[i]}} for i in range(groups)])
    control(base, "DELETE", "requests")
    control(base, "POST", "config", {"recording": True})
    print(json.dumps({"users": users, "groups": groups, "memberships": sum(map(len, members))}))


def curl_entry(base, request, work):
    query = urllib.parse.urlencode(request.get("query") or {})
    root = base.rsplit("/v2", 1)[0]  # the harness records paths from its root, /v2/Users
    lines = [f'url = "{root}{request["path"]}{"?" + query if query else ""}"', 'output = "/dev/null"',
             'write-out = "%{http_code}\\n"', f'header = "Authorization: Bearer {TOKEN}"']
    if request["method"] != "GET":
        lines += [f'request = "{request["method"]}"', 'header = "Content-Type: application/scim+json"']
        if request.get("body") is not None:
            # From a file of its own: curl reads a configuration's lines only up to a length.
            curl_entry.bodies = getattr(curl_entry, "bodies", 0) + 1
            path = f"{work}/body-{sys.argv[1]}-{curl_entry.bodies}.json"
            with open(path, "w") as body:
                json.dump(request["body"], body, separators=(",", ":"))
            lines.append(f'data-binary = "@{path}"')
    if request.get("ifMatch"):
        lines.append(f'header = "If-Match: {request["ifMatch"]}"')
    return "\n".join(lines) + "\n"


def write_stages(work, stages):
    for stage, entries in stages.items():
        with open(f"{work}/curl-{stage}.conf", "w") as conf:
            conf.write("next\n".join(entries))
        print(f"scim-bench: curl stage {stage}: {len(entries)} requests", file=sys.stderr)


def curl(work, base):
    """The requests as UserSync sent them. Group member PATCHes name ids the server gave the
    users and groups it created: kept apart, with the names behind those ids, for `remap`."""
    requests = control(base, "GET", "requests")
    state = control(base, "GET", "state")
    names = {user["id"]: "u:" + user["userName"] for user in state["users"]}
    names.update({group["id"]: "g:" + group["displayName"] for group in state["groups"]})
    stages, members, written = {"read": [], "objects": []}, [], False
    for request in requests:
        written = written or request["method"] != "GET"
        if request["method"] == "PATCH" and MEMBERS.search(request["path"]):
            members.append({"group": names[request["path"].rsplit("/", 1)[1]], "body": request["body"]})
        else:
            stages["objects" if written else "read"].append(curl_entry(base, request, work))
    write_stages(work, stages)
    json.dump({"names": names, "members": members}, open(f"{work}/members.json", "w"))


def remap(work, base):
    saved = json.load(open(f"{work}/members.json"))
    state = control(base, "GET", "state")
    ids = {"u:" + user["userName"]: user["id"] for user in state["users"]}
    ids.update({"g:" + group["displayName"]: group["id"] for group in state["groups"]})
    old = saved["names"]
    entries = []
    for patch in saved["members"]:
        body = json.loads(re.sub(r'"value": ?"([^"]+)"',
                                 lambda m: f'"value": "{ids[old[m.group(1)]] if m.group(1) in old else m.group(1)}"',
                                 json.dumps(patch["body"])))
        path = "/v2/Groups/" + ids[patch["group"]]
        entries.append(curl_entry(base, {"method": "PATCH", "path": path, "body": body}, work))
    write_stages(work, {"members": entries})


def probe(base, users):
    import concurrent.futures
    import time

    def user(i, prefix):
        return {"schemas": [USER], "userName": f"{prefix}{i:06d}", "externalId": f"{prefix}-{i}",
                "emails": [{"value": f"{prefix}{i:06d}@example.com", "primary": True}], "active": True}

    def lookup(query):
        call("GET", base + "/Users?" + urllib.parse.urlencode({"filter": query, "count": "10"}))

    control(base, "POST", "reset", {})
    control(base, "POST", "config", {"recording": False})
    bulk(base, [{"method": "POST", "path": "/Users", "bulkId": str(i), "data": user(i, "bench")} for i in range(users)])
    began = time.monotonic()
    for i in range(50):
        lookup(f'externalId eq "new-{i}" or userName eq "new{i:06d}"')
    combined = (time.monotonic() - began) / 50
    began = time.monotonic()
    for i in range(50):
        lookup(f'externalId eq "new-{i}"')
        lookup(f'userName eq "new{i:06d}"')
    apart = (time.monotonic() - began) / 50
    control(base, "POST", "reset", {})
    control(base, "POST", "config", {"recording": False})
    began = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda i: call("POST", base + "/Users", user(i, "alone")), range(2000)))
    alone = time.monotonic() - began
    control(base, "POST", "reset", {})
    control(base, "POST", "config", {"recording": False})
    began = time.monotonic()
    bulk(base, [{"method": "POST", "path": "/Users", "bulkId": str(i), "data": user(i, "bulk")} for i in range(2000)])
    together = time.monotonic() - began
    print(json.dumps({"users": users, "lookupOrMs": round(combined * 1000, 1), "lookupsApartMs": round(apart * 1000, 1),
                      "create2000AloneMs": round(alone * 1000), "create2000BulkMs": round(together * 1000)}))


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == "load":
        load(args[0], int(args[1]), int(args[2]), int(args[3]))
    elif command == "curl":
        curl(args[0], args[1])
    elif command == "remap":
        remap(args[0], args[1])
    elif command == "probe":
        probe(args[0], int(args[1]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
