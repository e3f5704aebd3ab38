#!/usr/bin/env python3
"""Makes a working copy of Atlassian's Jira Data Center OpenAPI spec that Prism can validate against.

    python3 contract.py SRC.json DEST.json

The spec itself is Atlassian's (see USERSYNC_CONTRACTS/README.md): it is never copied into the
repository. This script only rewrites a copy in a temporary folder, fixing the known defects that
would otherwise make Prism reject correct traffic (or accept nothing). Each change below says why.
Request validation is never loosened: only paths, security alternatives, one misplaced parameter
and response schemas the server demonstrably does not follow are changed.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from contract_copy import fail, main  # noqa: E402  (after the path entry that finds it)

# The user object Jira really returns (UserBean is the closest declared schema).
USER = {"$ref": "#/components/schemas/UserBean"}


def operation(spec, path, method):
    try:
        return spec["paths"][path][method]
    except KeyError:
        fail(f"the spec has no {method.upper()} {path}: is this a Jira Data Center 10.3+ spec?")


def set_200_schema(op, schema):
    op.setdefault("responses", {}).setdefault("200", {"description": "OK"})["content"] = {
        "application/json": {"schema": schema}
    }


def transform(spec):
    # 1. Prism matches request paths against the `paths` keys and ignores `servers`
    #    ("http://{baseurl}/rest"), so a client sending the real URL /rest/api/2/... would match
    #    nothing. Prefix every path with /rest and make the server the root, so clients use the
    #    proxy's address as the Jira base URL, exactly as they would use a real Jira.
    spec["paths"] = {
        ("/rest" + path if path.startswith("/api/") else path): item for path, item in spec["paths"].items()
    }
    spec["servers"] = [{"url": "/"}]

    # 2. Operations declare only `basic` security (plus, in 11.x, an "OAuth2" requirement whose
    #    scheme is not even defined), but Jira 8.14+ accepts personal access tokens as
    #    `Authorization: Bearer`. Add a bearer scheme and offer it beside basic wherever basic is
    #    required, so Prism does not turn a PAT call into its own 401.
    schemes = spec.setdefault("components", {}).setdefault("securitySchemes", {})
    schemes["bearer"] = {"type": "http", "scheme": "bearer", "description": "Personal access token"}
    for item in spec["paths"].values():
        for op in item.values():
            if not isinstance(op, dict) or "security" not in op:
                continue
            # The 11.x specs name an "OAuth2" scheme that components.securitySchemes never defines.
            # Prism turns such a dangling requirement into "no authentication needed", which would
            # let a request without credentials through on 11.x but not on 10.x. Drop it.
            security = [req for req in op["security"] if all(name in schemes for name in req)]
            op["security"] = security
            if any("basic" in requirement for requirement in security) and {"bearer": []} not in security:
                security.append({"bearer": []})

    # 3. The 10.x specs declare group/member's `groupname` as `in: path` although the URL has no
    #    {groupname} template and Jira reads it from the query string (fixed in 11.3.8).
    members = operation(spec, "/rest/api/2/group/member", "get")
    for parameter in members.get("parameters", []):
        if parameter.get("name") == "groupname" and parameter.get("in") == "path":
            parameter["in"] = "query"

    # 4. List endpoints declare a single item where Jira returns an array or a page.
    #    user/search returns a JSON array of users, not one UserBean.
    set_200_schema(operation(spec, "/rest/api/2/user/search", "get"), {"type": "array", "items": USER})

    #    group/member returns a page {self, nextPage, maxResults, startAt, total, isLast, values},
    #    not one UserJsonBean.
    set_200_schema(
        members,
        {
            "type": "object",
            "properties": {
                "self": {"type": "string"},
                "nextPage": {"type": "string"},
                "maxResults": {"type": "integer"},
                "startAt": {"type": "integer"},
                "total": {"type": "integer"},
                "isLast": {"type": "boolean"},
                "values": {"type": "array", "items": USER},
            },
        },
    )

    #    user/list returns StreamPageBean, but StreamPageBean declares `nextCursor` as a string
    #    while the `cursor` request parameter it feeds is an int64: accept either form (the
    #    emulator sends a number by default) and say that the values are users.
    set_200_schema(
        operation(spec, "/rest/api/2/user/list", "get"),
        {
            "type": "object",
            "properties": {
                "self": {"type": "string"},
                "nextPage": {"type": "string"},
                "maxResults": {"type": "integer"},
                "isLast": {"type": "boolean"},
                # OpenAPI 3.0 has no type arrays: "integer or string" is an anyOf.
                "nextCursor": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
                "values": {"type": "array", "items": USER},
            },
        },
    )
    return spec


if __name__ == "__main__":
    sys.exit(main(sys.argv, transform))
