#!/usr/bin/env python3
"""The LDIF side of tests/bench/ldap-bench.sh.

  ldap-bench.py baseline DUMP OUT USERS_BASE GROUPS_BASE NEW_USERS_BASE NEW_GROUPS_BASE PLACEHOLDER

reads DUMP (ldapsearch -LLL of what UserSync made below USERS_BASE and GROUPS_BASE) and writes to
the folder OUT the same work as ldapmodify input below the new bases, in the stages and shards
UserSync sends it: groups-N.ldif (each group made with the placeholder member), users-N.ldif
(each user made with its attributes), members-N.ldif (members added 500 in a modify, the first of
a group taking the placeholder away; an access group made by its first members); N = 0..3, each
group's modifies in one shard, so that they go one at a time as UserSync sends them.
"""

import base64
import os
import sys

SHARDS = 4
BATCH = 500
USER_ATTRIBUTES = ("objectClass", "uid", "cn", "sn", "givenName", "mail", "displayName")


def entries(path):
    """(dn, {attribute: [values]}) for each entry of an ldapsearch -LLL dump."""
    with open(path, encoding="utf-8") as dump:
        lines = []
        for raw in dump:
            raw = raw.rstrip("\n")
            if raw.startswith(" ") and lines:
                lines[-1] += raw[1:]
            else:
                lines.append(raw)
    entry = None
    for line in lines + [""]:
        if not line:
            if entry:
                yield entry
            entry = None
            continue
        name, _, value = line.partition(":")
        if value.startswith(":"):
            value = base64.b64decode(value[1:].strip()).decode("utf-8")
        else:
            value = value.strip()
        if entry is None:
            if name != "dn":
                continue  # ldapsearch's own lines between pages ("pagedresults: cookie=…")
            entry = (value, {})
        else:
            entry[1].setdefault(name.lower(), []).append(value)


def value_line(name, value):
    # LDIF: a value that is not plain ASCII, or starts with a space, colon or <, is base64.
    if not value or value[0] in " :<" or value[-1] == " " or any(ord(c) > 126 or ord(c) < 32 for c in value):
        return "%s:: %s\n" % (name, base64.b64encode(value.encode("utf-8")).decode("ascii"))
    return "%s: %s\n" % (name, value)


def rebase(dn, old, new):
    return dn[: len(dn) - len(old)] + new if dn.lower().endswith(old.lower()) else dn


def main():
    if len(sys.argv) != 9 or sys.argv[1] != "baseline":
        print(__doc__, file=sys.stderr)
        return 2
    dump, out, users_base, groups_base, new_users, new_groups, placeholder = sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    users = [[] for _ in range(SHARDS)]
    groups = [[] for _ in range(SHARDS)]
    members = [[] for _ in range(SHARDS)]
    user_count = 0
    group_count = 0
    for dn, attributes in entries(dump):
        classes = [c.lower() for c in attributes.get("objectclass", [])]
        if "inetorgperson" in classes:
            text = "dn: %s\nchangetype: add\n" % rebase(dn, users_base, new_users)
            for name in USER_ATTRIBUTES:
                for value in attributes.get(name.lower(), []):
                    text += value_line(name, value)
            users[user_count % SHARDS].append(text)
            user_count += 1
        elif "groupofuniquenames" in classes:
            new_dn = rebase(dn, groups_base, new_groups)
            shard = group_count % SHARDS
            group_count += 1
            real = [rebase(m, users_base, new_users) for m in attributes.get("uniquemember", []) if m != placeholder]
            chunks = [real[i : i + BATCH] for i in range(0, len(real), BATCH)]
            cn = attributes.get("cn", [""])[0]
            access = placeholder not in attributes.get("uniquemember", []) and cn == "atlassian-users"
            if access:
                # Made by its first members, when the first new users are given access.
                text = "dn: %s\nchangetype: add\nobjectClass: groupOfUniqueNames\n%s" % (new_dn, value_line("cn", cn))
                text += "".join(value_line("uniqueMember", m) for m in chunks[0])
                members[shard].append(text)
                chunks = chunks[1:]
                first = False
            else:
                text = "dn: %s\nchangetype: add\nobjectClass: groupOfUniqueNames\n%s%s" % (
                    new_dn,
                    value_line("cn", cn),
                    value_line("uniqueMember", placeholder),
                )
                groups[shard].append(text)
                first = True
            for chunk in chunks:
                text = "dn: %s\nchangetype: modify\nadd: uniqueMember\n" % new_dn
                text += "".join(value_line("uniqueMember", m) for m in chunk)
                text += "-\n"
                if first:
                    text += "delete: uniqueMember\n" + value_line("uniqueMember", placeholder) + "-\n"
                    first = False
                members[shard].append(text)
    for stage, shards in (("groups", groups), ("users", users), ("members", members)):
        for n, texts in enumerate(shards):
            with open(os.path.join(out, "%s-%d.ldif" % (stage, n)), "w", encoding="utf-8") as ldif:
                ldif.write("\n".join(texts))
    print("%d users, %d groups" % (user_count, group_count))
    return 0


if __name__ == "__main__":
    sys.exit(main())
