#!/usr/bin/env python3
"""Makes a working copy of Atlassian's Bitbucket Data Center OpenAPI spec that Prism can validate against.

    python3 contract.py SRC.json DEST.json

The spec itself is Atlassian's (see USERSYNC_CONTRACTS/README.md): it is never copied into the
repository. This script only rewrites a copy in a temporary folder, fixing the known defects that
would otherwise make Prism reject correct traffic (or match nothing). Each change below says why.
Request validation is never loosened: only paths, one nullable field, bodies of answers the server
sends without one, three response schemas that name the wrong item, two query parameters the
spec forgets, and error answers the operations leave out are changed; and the two endpoints of
Bitbucket's OAuth 2.0 provider, which the REST spec does not describe, are added (step 6) as
Atlassian's "Bitbucket OAuth 2.0 provider API" page and RFC 6749 define them, so that token
requests too pass a validating proxy.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from contract_copy import fail, main  # noqa: E402  (after the path entry that finds it)

API = "/rest/api/latest"
ERRORS = {"type": "object", "properties": {"errors": {"type": "array",
                                                      "items": {"$ref": "#/components/schemas/RestErrorMessage"}}}}
# Answers every operation can give whatever the spec lists: authentication and the rate limit are
# checked before the resource is (401 wrong credentials, missing permission or a personal access
# token on /admin; 403 CAPTCHA lock; 429 rate limit). Many operations declare only some of them,
# e.g. GET /admin/groups nothing but 401.
COMMON_ERRORS = {
    "401": "The caller is not authenticated, lacks the permission, or used a token on an admin resource.",
    "403": "The caller must answer a CAPTCHA first, or has a lower permission level than the target.",
    "429": "Rate limit exceeded: retry after Retry-After seconds.",
}
BAD_REQUEST = "The request is invalid."
NOT_FOUND = "No such user or group."
CONFLICT = "The change conflicts with the current state (exists, or lowers the caller's own rights)."
PAGE_PARAMETERS = [
    {"name": "start", "in": "query", "required": False, "schema": {"type": "number"},
     "description": "Start number for the page (inclusive)."},
    {"name": "limit", "in": "query", "required": False, "schema": {"type": "number"},
     "description": "Number of items to return."},
]


def operation(spec, path, method):
    try:
        return spec["paths"][path][method]
    except KeyError:
        fail(f"the spec has no {method.upper()} {path}: is this a Bitbucket Data Center 9.x or 10.x spec?")


def page_of(item_ref):
    """Bitbucket's page, as the spec declares it for its paged lists."""
    return {"type": "object", "properties": {
        "isLastPage": {"type": "boolean"}, "limit": {"type": "number"},
        "nextPageStart": {"type": "integer", "format": "int32"}, "size": {"type": "number"},
        "start": {"type": "integer", "format": "int32"},
        "values": {"type": "array", "items": {"$ref": f"#/components/schemas/{item_ref}"}}}}


def set_values(op, item_ref):
    """The item schema of a paged 200 answer."""
    for media in op["responses"]["200"]["content"].values():
        media["schema"]["properties"]["values"]["items"] = {"$ref": f"#/components/schemas/{item_ref}"}


def transform(spec):
    if "/api/latest/admin/users" not in spec.get("paths", {}):
        fail("the spec has no /api/latest/admin/users: is this a Bitbucket Data Center 9.x or 10.x spec?")

    # 1. The paths are relative to the server "http://{baseurl}/rest", but Prism (5.14.2, tested)
    #    ignores the path of `servers`, even a relative "/rest": a client sending the real URL
    #    /rest/api/latest/... would match nothing, and /api/latest/... would reach the emulator
    #    without /rest. Every path of the spec lives below /rest (also /admin/..., /tsv/...):
    #    prefix them all and make the server the root, so clients use the proxy's address as the
    #    Bitbucket base URL, exactly as they would use a real Bitbucket.
    spec["paths"] = {"/rest" + path: item for path, item in spec["paths"].items()}
    spec["servers"] = [{"url": "/"}]
    schemas = spec.get("components", {}).get("schemas", {})
    for name in ("RestErrorMessage", "RestDetailedGroup", "RestPermittedUser", "RestApplicationUser"):
        if name not in schemas:
            fail(f"the spec has no {name} schema: has the admin API changed?")

    # 2. RestErrorMessage.context names the field an error is about, and Bitbucket sends
    #    "context": null for every other error: as a plain string every such answer would be a
    #    violation.
    schemas["RestErrorMessage"]["properties"]["context"]["nullable"] = True

    # 3. The membership calls (add-user(s), add-group(s), remove-user, remove-group) declare a 200
    #    with a JSON media type but no schema: Bitbucket answers them without a body, and Prism
    #    calls the missing content type a violation. Likewise a 204 has no body (RFC 9110), yet two
    #    operations declare one. Drop the content of such answers.
    for item in spec["paths"].values():
        for op in item.values():
            if not isinstance(op, dict):
                continue
            for status, answer in op.get("responses", {}).items():
                content = answer.get("content")
                if not content:
                    continue
                if status == "204" or (status.startswith("2") and all(
                        "json" in media and "schema" not in body for media, body in content.items())):
                    answer.pop("content")

    # 4. Paged answers whose items the spec names wrongly:
    #    GET /admin/users/more-members (findGroupsForUser) lists the user's groups, not users;
    set_values(operation(spec, f"{API}/admin/users/more-members", "get"), "RestDetailedGroup")
    #    GET /admin/permissions/users lists {user, permission}, not {group, permission};
    set_values(operation(spec, f"{API}/admin/permissions/users", "get"), "RestPermittedUser")
    #    GET /users returns a page of users, not one user, and takes start and limit like every
    #    paged list (the spec omits them, so Prism would not check them at all).
    users = operation(spec, f"{API}/users", "get")
    users["responses"]["200"]["content"] = {"application/json;charset=UTF-8": {"schema": page_of("RestApplicationUser")}}
    declared = {p.get("name") for p in users.setdefault("parameters", [])}
    users["parameters"] += [p for p in PAGE_PARAMETERS if p["name"] not in declared]

    # 5. Error answers the operations leave out (see COMMON_ERRORS), always in Bitbucket's format:
    #    400 where input is taken, 404 where a user or group is named, 409 for writes.
    for path, item in spec["paths"].items():
        if not path.startswith(API + "/"):
            continue
        for method, op in item.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            wanted = dict(COMMON_ERRORS)
            names = {p.get("name") for p in op.get("parameters", [])}
            if op.get("parameters") or "requestBody" in op:
                wanted["400"] = BAD_REQUEST
            if "requestBody" in op or names & {"name", "context", "group"} or "{" in path:
                wanted["404"] = NOT_FOUND
            if method in ("post", "put", "delete"):
                wanted["409"] = CONFLICT
            for status, description in wanted.items():
                op["responses"].setdefault(status, {"description": description,
                                                    "content": {"application/json": {"schema": ERRORS}}})
    # 6. The OAuth 2.0 provider's token endpoint (/rest/oauth2/latest/token) is documented on its
    #    own page, not in the REST spec: without it Prism would answer every token request 404
    #    itself. Described from that page, RFC 6749 (§4.1.3, §5, §6) and RFC 7636 (§4.1): a form
    #    body with grant_type and the client's credentials (Prism checks required fields, enums and
    #    formats of a form, not fields it does not know), and RFC 6749's error answers. The
    #    authorize endpoint is the browser's, not UserSync's, and answers with a redirect, which
    #    Prism's proxy would follow itself: it stays out.
    spec["paths"].update(oauth_paths())
    return spec


OAUTH_ERROR = {"type": "object", "required": ["error"],
               "properties": {"error": {"type": "string"}, "error_description": {"type": "string"}}}


def oauth_paths():
    errors = {status: {"description": text, "content": {"application/json": {"schema": OAUTH_ERROR}}}
              for status, text in (("400", "invalid_request, invalid_grant, unsupported_grant_type"),
                                   ("401", "invalid_client"))}
    token = {
        "type": "object", "required": ["grant_type", "client_id", "client_secret"],
        "properties": {
            "grant_type": {"type": "string", "enum": ["authorization_code", "refresh_token"]},
            "client_id": {"type": "string", "minLength": 1},
            "client_secret": {"type": "string", "minLength": 1},
            "code": {"type": "string", "minLength": 1},
            "redirect_uri": {"type": "string", "minLength": 1},
            "code_verifier": {"type": "string", "minLength": 43, "maxLength": 128,
                              "pattern": "^[A-Za-z0-9._~-]+$"},
            "refresh_token": {"type": "string", "minLength": 1},
        },
    }
    granted = {"type": "object", "required": ["access_token", "token_type", "expires_in"],
               "properties": {"access_token": {"type": "string"}, "token_type": {"type": "string"},
                              "expires_in": {"type": "integer"}, "refresh_token": {"type": "string"},
                              "scope": {"type": "string"}}}
    return {
        "/rest/oauth2/latest/token": {"post": {
            "operationId": "oauth2Token", "security": [],
            "requestBody": {"required": True,
                            "content": {"application/x-www-form-urlencoded": {"schema": token}}},
            "responses": {"200": {"description": "The tokens",
                                  "content": {"application/json": {"schema": granted}}}, **errors},
        }},
    }


if __name__ == "__main__":
    sys.exit(main(sys.argv, transform))
