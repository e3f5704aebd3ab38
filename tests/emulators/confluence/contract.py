#!/usr/bin/env python3
"""Makes a working copy of Atlassian's Confluence Data Center OpenAPI spec that Prism can validate against.

    python3 contract.py SRC.json DEST.json

The spec itself is Atlassian's (see USERSYNC_CONTRACTS/README.md): it is never copied into the
repository. This script only rewrites a copy in a temporary folder, fixing the known defects that
would otherwise make Prism reject correct answers. Each change below says why. Request validation
is never loosened: only the server URL, one schema and the 204 bodies the server demonstrably
does not follow, and error answers the operations leave out are changed.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from contract_copy import fail, main  # noqa: E402  (after the path entry that finds it)

REST_ERROR = {"$ref": "#/components/schemas/RestError"}
# Answers every operation can give whatever the spec lists: authentication and the rate limit are
# checked before the resource is (401 wrong credentials or CAPTCHA, 403 CAPTCHA lock or missing
# permission, 429 rate limit). The specs list them for some operations only, e.g. PUT
# /user/{username}/group/{groupName} declares nothing but 204.
COMMON_ERRORS = {
    "401": "The caller is not authenticated (wrong credentials, or a CAPTCHA is required).",
    "403": "The caller may not do this, or must answer a CAPTCHA first.",
    "429": "Rate limit exceeded: retry after Retry-After seconds.",
}
# Answers of operations that name a user, group or task (404) or take input (400) the spec omits.
NOT_FOUND = "No such user, group or task."
BAD_REQUEST = "The request is invalid."


def transform(spec):
    if "/rest/api/user/list" not in spec.get("paths", {}):
        fail("the spec has no /rest/api/user/list: is this a Confluence Data Center 9.x or 10.x spec?")

    # 1. The paths already start with /rest/api, but `servers` is "http://{baseurl}/confluence":
    #    a validator that honours it would expect /confluence/rest/api/... and Prism ignores it.
    #    Make the server the root, so clients use the proxy's address as the Confluence base URL.
    spec["servers"] = [{"url": "/"}]

    # 2. RestError.data (ValidationResult) declares `errors` as an object, but Confluence sends an
    #    array of {message: {key, args, translation}} (an empty array when there is nothing to say):
    #    every error answer would be a violation. Accept either.
    result = spec.get("components", {}).get("schemas", {}).get("ValidationResult")
    if result is None or "errors" not in result.get("properties", {}):
        fail("the spec has no ValidationResult.errors: has RestError changed?")
    result["properties"]["errors"] = {"anyOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]}

    # 3. Some 204 answers declare a JSON body (PUT /admin/user/{username}: a UserKey), but a 204
    #    has no body (RFC 9110) and Confluence sends none: Prism would call the missing media type
    #    a violation. Drop the content of 204 answers.
    for item in spec["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "204" in op.get("responses", {}):
                op["responses"]["204"].pop("content", None)

    # 4. Error answers the operations leave out (see COMMON_ERRORS), always as RestError.
    for path, item in spec["paths"].items():
        if not path.startswith("/rest/api/"):
            continue
        for method, op in item.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            responses = op["responses"]
            wanted = dict(COMMON_ERRORS)
            if "{" in path or method == "get":
                wanted["404"] = NOT_FOUND
            if method in ("post", "put", "delete") or "parameters" in op:
                wanted["400"] = BAD_REQUEST
            for status, description in wanted.items():
                responses.setdefault(status, {"description": description,
                                              "content": {"application/json": {"schema": REST_ERROR}}})
    return spec


if __name__ == "__main__":
    sys.exit(main(sys.argv, transform))
