#!/usr/bin/env python3
"""Writes a large realm for fetch benchmarks to standard output.

    generate-large-realm.py USERS GROUPS MEMBERSHIPS_PER_USER > realm.json

The realm is called "usersync-bench" and has one client, "usersync-bench", with
manage-users and the secret "usersync-bench-test-secret" (a throw-away realm on
loopback). Groups form a forest: every tenth group is top-level, the others hang
below an earlier group, so the tree is several levels deep. Each user belongs to
MEMBERSHIPS_PER_USER groups picked deterministically, so a run is repeatable.
"""

import json
import random
import sys


def main():
    users, groups, per_user = (int(argument) for argument in sys.argv[1:4])
    rng = random.Random(20261128)

    parents = {}
    for index in range(groups):
        parents[index] = None if index % 10 == 0 else rng.randrange(0, index)

    def path(index):
        parts = []
        while index is not None:
            parts.append(f"group-{index:05d}")
            index = parents[index]
        return "/" + "/".join(reversed(parts))

    children = {index: [] for index in range(groups)}
    for index, parent in parents.items():
        if parent is not None:
            children[parent].append(index)

    def tree(index):
        return {"name": f"group-{index:05d}", "subGroups": [tree(child) for child in children[index]]}

    paths = [path(index) for index in range(groups)]
    out = sys.stdout
    out.write('{"realm": "usersync-bench", "enabled": true,\n')
    out.write(' "clients": [{"clientId": "usersync-bench", "enabled": true, "publicClient": false,'
              ' "secret": "usersync-bench-test-secret", "serviceAccountsEnabled": true,'
              ' "standardFlowEnabled": false}],\n')
    out.write(' "groups": ' + json.dumps([tree(i) for i in range(groups) if parents[i] is None]) + ',\n')
    out.write(' "users": [\n')
    out.write(json.dumps({"username": "service-account-usersync-bench", "enabled": True,
                          "serviceAccountClientId": "usersync-bench",
                          "clientRoles": {"realm-management": ["manage-users"]}}))
    for number in range(users):
        member_of = sorted({paths[rng.randrange(0, groups)] for _ in range(per_user)})
        user = {"username": f"bench{number:06d}", "enabled": True, "firstName": "Bench",
                "lastName": f"User {number:06d}", "email": f"bench{number:06d}@example.com",
                "emailVerified": True, "groups": member_of}
        out.write(",\n" + json.dumps(user))
    out.write("\n]}\n")


if __name__ == "__main__":
    main()
