#!/usr/bin/env python3
"""A stateful, in-memory emulator of the parts of Bitbucket Data Center's REST API that UserSync uses.

    python3 bitbucket_emulator.py --port P [--host 127.0.0.1] --state-dir D --version 10.4 \
        --admin-user NAME --admin-password PW --admin-token TOKEN [--generate USERS,GROUPS,MEMBERSHIPS]

(--admin-password and --admin-token may instead come from BITBUCKET_EMULATOR_ADMIN_PASSWORD and
BITBUCKET_EMULATOR_ADMIN_TOKEN.) Prints "ready URL" on standard output once it listens.

Python 3.11 standard library only. See README.md next to this file for what it models, which
behaviours are guesses, and the test-owned control API under /_emulator/. What every Atlassian
emulator shares (HTTP, faults, rate limit, authentication, saving) is in ../common/atlassian.py.
"""

import bisect
import json
import os
import random
import re
import sys
from collections import deque

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from atlassian import (  # noqa: E402  (after the path entry that finds it)
    REASONS, ApiError, AtlassianEmulator, Reply, argument_parser, as_bool, fill_groups, generated_person, int_param,
    no_gc, parse_arguments, serve,
)
from oauth_provider import PREFIX as OAUTH, SCOPES, OAuthProvider  # noqa: E402

REST = "/rest/api/latest"
DIRECTORY = "Bitbucket Internal Directory"
# Global permissions, lowest first: each one implies those before it.
LEVELS = {"LICENSED_USER": 1, "PROJECT_CREATE": 2, "ADMIN": 3, "SYS_ADMIN": 4}
ROLE_PERMISSION = {"sysadmin": "SYS_ADMIN", "admin": "ADMIN", "user": None}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
# A slug keeps what is safe in a URL path segment; anything else becomes "_".
SLUG_UNSAFE = re.compile(r"[^a-z0-9._~-]")
DEFAULT_CONFIG = {
    "pageCap": 1000,  # Bitbucket's page.max.* default
    "gapEvery": 7,  # every 7th position of a listing holds an entry the caller is not shown; 0 = none
    "defaultGroup": "stash-users",
    "callerRole": "sysadmin",
    "rateLimit": None,
    "requestLogLimit": 20000,
    "oauthAccessSeconds": 7200,  # Atlassian's default lifetime of an OAuth 2.0 access token
}
DEFAULT_LIMIT = 25  # what Bitbucket uses when `limit` is missing (or < 1)

# exceptionName of the errors (Bitbucket names the Java exception behind every error).
EXC = {
    400: "com.atlassian.bitbucket.validation.ArgumentValidationException",
    401: "com.atlassian.bitbucket.AuthorisationException",
    403: "com.atlassian.bitbucket.AuthorisationException",
    404: "com.atlassian.bitbucket.NoSuchEntityException",
    409: "com.atlassian.bitbucket.IntegrityException",
    415: "com.sun.jersey.api.client.UnsupportedMediaTypeException",
    429: "com.atlassian.bitbucket.throttle.ThrottledException",
}
NO_SUCH_USER = "com.atlassian.bitbucket.user.NoSuchUserException"
NO_SUCH_GROUP = "com.atlassian.bitbucket.user.NoSuchGroupException"
NOT_FOUND = "com.sun.jersey.api.NotFoundException"
BAD_LOGIN = "com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException"
CAPTCHA = "com.atlassian.bitbucket.auth.CaptchaRequiredAuthenticationException"
DUPLICATE_USER = "com.atlassian.bitbucket.user.DuplicateUserException"
DUPLICATE_GROUP = "com.atlassian.bitbucket.user.DuplicateGroupException"
SELF_DELETE = "com.atlassian.bitbucket.user.UserSelfDeleteException"
PERMISSION = "com.atlassian.bitbucket.permission.PermissionException"
NOT_ADMIN_MESSAGE = "You are not permitted to access this resource"
PAT_MESSAGE = ("Personal access tokens are not accepted for /rest/api/latest/admin resources: authenticate with "
               "the username and password of an administrator (HTTP Basic).")


def compact(data):
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


class BitbucketError(ApiError):
    """An error with Bitbucket's exceptionName; `context` names the field it is about (or None)."""

    def __init__(self, status, message, context=None, exception=None, headers=None):
        super().__init__(status, [] if context else [message], {context: message} if context else None, headers)
        self.exception = exception


class User:
    __slots__ = ("key", "name", "lower", "slug", "email", "display", "active", "password", "token", "perm",
                 "_json", "_app", "_hay")

    def __init__(self, key, name, slug, email, display, password=None, token=None, perm=None):
        self.key = key  # Bitbucket's numeric id: never changes, not even on rename
        self.name = name
        self.lower = name.lower()
        self.slug = slug
        self.email = email
        self.display = display
        self.active = True
        self.password = password
        self.token = token
        self.perm = perm  # the direct global permission, or None
        self.touch()

    def touch(self):
        self._json = None  # RestDetailedUser
        self._app = None  # RestApplicationUser (GET /users, permission listings)
        self._hay = None  # what `filter` searches: name, display name, email address

    @property
    def haystack(self):
        if self._hay is None:
            self._hay = f"{self.name}\n{self.display}\n{self.email}".lower()
        return self._hay


def user_key(user):
    return user.lower


class Group:
    __slots__ = ("name", "members", "perm", "_sorted")

    def __init__(self, name):
        self.name = name
        self.members = {}  # user id -> None, insertion ordered
        self.perm = None  # the group's global permission, or None
        self._sorted = None  # members sorted by username; None = not built yet


def parse_version(text):
    """Bitbucket versions are x.y.z; "10.4" (the spec's own name) means 10.4.0."""
    match = re.fullmatch(r"(\d+)\.(\d+)(?:\.(\d+))?", str(text))
    if not match:
        raise ValueError(f"not a Bitbucket version: {text!r}")
    return tuple(int(part or 0) for part in match.groups())


def version_text(text):
    return ".".join(str(part) for part in parse_version(text))


class Emulator(AtlassianEmulator):
    server_name = "BitbucketEmulator"
    label = "bitbucket emulator"
    login_path = "/login"
    not_authenticated_message = "Authentication failed. Please check your credentials and try again."
    rate_limited_message = "You have been rate limited: too many requests. Try again later."

    def __init__(self, args):
        super().__init__(args)
        self.start_version = version_text(args.version)
        self.requests = deque(maxlen=DEFAULT_CONFIG["requestLogLimit"])
        self.by_token = False
        self.oauth_scope = None
        self.reset({})

    # ----------------------------------------------------------------- state

    def reset(self, options):
        # The options first: a reset they refuse leaves the state as it was.
        previous = getattr(self, "config", None)
        self.config = dict(DEFAULT_CONFIG)
        self.config["version"] = self.start_version
        try:
            self.apply_config(options)
        except (ApiError, ValueError, TypeError):
            if previous is not None:
                self.config = previous
            raise
        self.clear_data()
        self.next_id = 1
        self.reset_common()
        self.oauth = OAuthProvider(self.config["oauthAccessSeconds"])
        self.requests = deque(maxlen=self.config["requestLogLimit"])
        # Every Bitbucket has its installing administrator (SYS_ADMIN, granted directly) and the
        # default group, which grants LICENSED_USER (the right to log in).
        name = self.args.admin_user
        admin = self.add_user(name, f"{name.lower()}@example.com", "Administrator", password=self.args.admin_password,
                              token=self.args.admin_token)
        self.admin_key = admin.key
        group = self.add_group(self.config["defaultGroup"])
        group.perm = "LICENSED_USER"
        self.add_member(group, admin)
        self.apply_role()
        self.dirty = True

    def clear_data(self):
        self.users_by_key = {}  # id -> User
        self.users_by_name = {}  # lower-case name -> User
        self.slugs = {}  # slug -> id
        self.tokens = {}  # token -> User
        self.sorted_names = []  # listings are sorted by lower-case username
        self.groups = {}  # lower-case name -> Group
        self.group_order = []  # sorted lower-case names
        self.user_groups = {}  # id -> set of lower-case group names

    def apply_config(self, options):
        for name in ("pageCap", "requestLogLimit"):
            if name in options:
                value = int(options[name])
                if value < 1:
                    raise ApiError(400, [f"{name} must be at least 1"])
                self.config[name] = value
        if "gapEvery" in options:
            value = int(options["gapEvery"])
            if value < 0 or value == 1:
                raise ApiError(400, ["gapEvery must be 0 (no gaps) or at least 2"])
            self.config["gapEvery"] = value
        if "defaultGroup" in options:
            if not isinstance(options["defaultGroup"], str) or not options["defaultGroup"]:
                raise ApiError(400, ["defaultGroup must be a group name"])
            self.config["defaultGroup"] = options["defaultGroup"]
        if "version" in options:
            self.config["version"] = version_text(options["version"])
        if "callerRole" in options:
            if options["callerRole"] not in ROLE_PERMISSION:
                raise ApiError(400, ["callerRole must be sysadmin, admin or user"])
            self.config["callerRole"] = options["callerRole"]
            self.apply_role()
        if "rateLimit" in options:
            self.apply_rate_limit(options["rateLimit"])
        if "oauthAccessSeconds" in options:
            value = int(options["oauthAccessSeconds"])
            if value < 1:
                raise ApiError(400, ["oauthAccessSeconds must be at least 1"])
            self.config["oauthAccessSeconds"] = value
            if hasattr(self, "oauth"):
                self.oauth.access_seconds = value
        self.resize_request_log()

    def apply_role(self):
        """The administrator's direct permission follows config.callerRole."""
        admin = getattr(self, "users_by_key", {}).get(getattr(self, "admin_key", None))
        if admin is not None:
            admin.perm = ROLE_PERMISSION[self.config["callerRole"]]

    def rate_limit(self, caller):
        # config.rateLimit.exempt holds lower-case names; Bitbucket usernames keep their case.
        limit = self.config["rateLimit"]
        if limit is not None and caller.lower in limit["exempt"]:
            return []
        return super().rate_limit(caller)

    def version_tuple(self):
        return parse_version(self.config["version"])

    def token_users(self):
        # The base walks every user looking for the token; an index keeps 100k users fast.
        return iter(self.tokens.values())

    def new_slug(self, name, own_key=None):
        base = SLUG_UNSAFE.sub("_", name.lower()) or "_"
        slug, n = base, 1
        while self.slugs.get(slug, own_key) != own_key:
            n += 1
            slug = f"{base}_{n}"
        return slug

    def add_user(self, name, email, display, key=None, password=None, token=None, perm=None, index=True):
        if key is None:
            key = self.next_id
            self.next_id += 1
        user = User(key, name, self.new_slug(name), email, display, password, token, perm)
        self.users_by_key[key] = user
        self.users_by_name[user.lower] = user
        self.slugs[user.slug] = key
        self.user_groups[key] = set()
        if token:
            self.tokens[token] = user
        if index:
            bisect.insort(self.sorted_names, user.lower)
        return user

    def remove_user(self, user):
        for lower in self.user_groups.pop(user.key, ()):
            self.drop_member(self.groups[lower], user)
        self.unindex_name(user.lower)
        del self.users_by_key[user.key]
        del self.users_by_name[user.lower]
        self.slugs.pop(user.slug, None)
        if user.token:
            self.tokens.pop(user.token, None)
        self.failed_logins.pop(user.key, None)
        self.captcha.discard(user.key)

    def unindex_name(self, lower):
        i = bisect.bisect_left(self.sorted_names, lower)
        if i < len(self.sorted_names) and self.sorted_names[i] == lower:
            del self.sorted_names[i]

    def rename_user(self, user, new_name):
        self.unindex_name(user.lower)
        del self.users_by_name[user.lower]
        self.slugs.pop(user.slug, None)
        user.name = new_name
        user.lower = new_name.lower()
        user.slug = self.new_slug(new_name, user.key)
        user.touch()
        self.users_by_name[user.lower] = user
        self.slugs[user.slug] = user.key
        bisect.insort(self.sorted_names, user.lower)
        for lower in self.user_groups[user.key]:  # its place in the member lists moved
            self.groups[lower]._sorted = None

    def add_group(self, name):
        group = Group(name)
        self.groups[name.lower()] = group
        bisect.insort(self.group_order, name.lower())
        return group

    def remove_group(self, group):
        lower = group.name.lower()
        for key in group.members:
            self.user_groups[key].discard(lower)
        del self.groups[lower]
        del self.group_order[bisect.bisect_left(self.group_order, lower)]

    def add_member(self, group, user):
        if user.key in group.members:
            return
        group.members[user.key] = None
        self.user_groups[user.key].add(group.name.lower())
        if group._sorted is not None:  # keep the sorted list rather than sorting 100k members again
            bisect.insort(group._sorted, user, key=user_key)

    def remove_member(self, group, user):
        if user.key not in group.members:
            return
        self.user_groups[user.key].discard(group.name.lower())
        self.drop_member(group, user)

    def drop_member(self, group, user):
        del group.members[user.key]
        members = group._sorted
        if members is not None:
            i = bisect.bisect_left(members, user.lower, key=user_key)
            while i < len(members) and members[i] is not user:
                i += 1
            if i < len(members):
                del members[i]

    def members_of(self, group):
        if group._sorted is None:
            users = self.users_by_key
            group._sorted = sorted((users[k] for k in group.members), key=user_key)
        return group._sorted

    # Permissions -----------------------------------------------------------

    def level(self, user, direct=..., group=None, group_perm=...):
        """The user's effective global permission level (0 = none): its direct permission and
        those of its groups. `direct`, or `group_perm` for the group `group`, replace the current
        ones: what the level would be after a change."""
        perm = user.perm if direct is ... else direct
        best = LEVELS.get(perm, 0)
        for lower in self.user_groups.get(user.key, ()):
            if lower == group and group_perm is not ...:
                level = LEVELS.get(group_perm, 0)
            else:
                level = LEVELS.get(self.groups[lower].perm, 0)
            if level > best:
                best = level
        return best

    # ------------------------------------------------------------ generation

    def generate(self, users, groups, memberships, seed=1):
        """A large, realistic state: replaces everything but the administrator and the default group."""
        with no_gc():
            return self._generate(users, groups, memberships, seed)

    def _generate(self, users, groups, memberships, seed):
        rnd = random.Random(seed)
        admin = self.users_by_key[self.admin_key]
        default = self.groups.get(self.config["defaultGroup"].lower())
        self.clear_data()
        self.users_by_key[admin.key] = admin
        self.users_by_name[admin.lower] = admin
        self.slugs[admin.slug] = admin.key
        self.user_groups[admin.key] = set()
        if admin.token:
            self.tokens[admin.token] = admin
        if default is None:
            default = Group(self.config["defaultGroup"])
            default.perm = "LICENSED_USER"
        default.members = {}
        default._sorted = None
        self.groups[default.name.lower()] = default
        self.add_member(default, admin)
        self.next_id = max(self.next_id, admin.key + 1)
        created = []
        members = default.members
        for i in range(1, users + 1):
            email, display = generated_person(rnd, i)
            user = self.add_user(f"user{i:06d}", email, display, index=False)
            created.append(user)
            # Every generated user is licensed through the default group, as in a real instance.
            members[user.key] = None
            self.user_groups[user.key].add(default.name.lower())
        self.sorted_names = sorted(self.users_by_name)
        group_objs = [self.add_group(f"group-{j:04d}") for j in range(1, groups + 1)]
        self.group_order = sorted(self.groups)
        fill_groups(rnd, created, group_objs, memberships, self.user_groups)
        self.dirty = True
        return {"users": len(self.users_by_key), "groups": len(self.groups),
                "memberships": sum(len(g.members) for g in self.groups.values())}

    # ---------------------------------------------------------- persistence

    def snapshot(self):
        users = [[u.key, u.name, u.email, u.display, u.password, u.token, u.perm] for u in self.users_by_key.values()]
        return {
            "format": 1,
            "config": self.config,
            "adminKey": self.admin_key,
            "nextId": self.next_id,
            "users": users,
            "groups": [[g.name, g.perm, list(g.members)] for g in self.groups.values()],
            "captcha": sorted(self.captcha),
        }

    def restore(self, data):
        with no_gc():
            self._restore(data)

    def _restore(self, data):
        self.reset({})
        self.clear_data()
        self.config.update(data.get("config", {}))
        for key, name, email, display, password, token, perm in data["users"]:
            self.add_user(name, email, display, key=key, password=password, token=token, perm=perm, index=False)
        self.sorted_names = sorted(self.users_by_name)
        self.next_id = data["nextId"]
        self.admin_key = data["adminKey"]
        for name, perm, keys in data["groups"]:
            group = Group(name)
            group.perm = perm
            self.groups[name.lower()] = group
            for key in keys:
                group.members[key] = None
                self.user_groups[key].add(name.lower())
        self.group_order = sorted(self.groups)
        self.captcha = set(data.get("captcha", []))
        self.requests = deque(maxlen=self.config["requestLogLimit"])
        self.dirty = False

    # ------------------------------------------------------------ rendering

    @staticmethod
    def error_body(status, messages=(), errors=None, exception=None):
        """Bitbucket's errors: {"errors": [{context, message, exceptionName}]}; context names the
        field an error is about, else null."""
        exception = exception or EXC.get(status, "com.atlassian.bitbucket.ServiceException")
        entries = [{"context": None, "message": m, "exceptionName": exception} for m in messages]
        entries += [{"context": field, "message": text, "exceptionName": exception}
                    for field, text in (errors or {}).items()]
        if not entries:
            entries = [{"context": None, "message": REASONS.get(status, "Error"), "exceptionName": exception}]
        return json.dumps({"errors": entries}, ensure_ascii=False)

    def error_reply(self, error):
        return Reply(error.status, self.error_body(error.status, error.messages, error.errors,
                                                   getattr(error, "exception", None)), list(error.headers))

    def not_found_body(self, path):
        return self.error_body(404, [f"No resource matches {path}"], exception=NOT_FOUND)

    def user_json(self, user):
        """RestDetailedUser, as the admin resources return it."""
        text = user._json
        if text is None:
            text = compact({
                "name": user.name, "emailAddress": user.email, "active": user.active, "displayName": user.display,
                "id": user.key, "slug": user.slug, "type": "NORMAL", "directoryName": DIRECTORY,
                "deletable": user.key != self.admin_key, "mutableDetails": True, "mutableGroups": True,
            })
            user._json = text
        return text

    def app_user_json(self, user):
        """RestApplicationUser, as GET /users and the permission listings return it."""
        text = user._app
        if text is None:
            text = compact({"name": user.name, "emailAddress": user.email, "active": user.active,
                            "displayName": user.display, "id": user.key, "slug": user.slug, "type": "NORMAL"})
            user._app = text
        return text

    @staticmethod
    def group_json(group):
        return compact({"name": group.name, "deletable": True})

    def page(self, query, items, render):
        """Bitbucket's page {size, limit, isLastPage, values, start, nextPageStart?} over the
        sorted list `items`, each rendered to JSON text by `render`.

        `start` and `limit` count positions of the underlying list, and with config.gapEvery = g
        every g-th position holds an entry the caller may not see (Bitbucket filters a page after
        reading it, e.g. for permissions), so a page shows fewer than `limit` entries although
        more follow, and nextPageStart = start + limit, not start + size. Position p is hidden
        when (p + 1) % g == 0; the visible entries before position p are p - p // g."""
        start = int_param(query, "start", 0)
        if start < 0:
            raise BitbucketError(400, "start must not be negative", "start")
        limit = int_param(query, "limit", DEFAULT_LIMIT)
        limit = DEFAULT_LIMIT if limit < 1 else min(limit, self.config["pageCap"])
        gap = self.config["gapEvery"]
        end = start + limit
        first, last = (start - start // gap, end - end // gap) if gap else (start, end)
        values = [render(item) for item in items[first:last]]
        text = (f'{{"size":{len(values)},"limit":{limit},"isLastPage":{"true" if last >= len(items) else "false"},'
                f'"values":[{",".join(values)}],"start":{start}')
        if last < len(items):
            text += f',"nextPageStart":{end}'
        return Reply(200, text + "}")

    # ------------------------------------------------------------- REST API

    def canonical_path(self, path):
        # /rest/api/1.0 is the same API as /rest/api/latest.
        if path.startswith("/rest/api/1.0/"):
            return REST + path[len("/rest/api/1.0"):]
        return path

    def anonymous_ok(self, path):
        return path == f"{REST}/application-properties"

    def handle_rest(self, method, path, raw_query, pairs, raw_body, headers):
        if not path.startswith(OAUTH):
            return super().handle_rest(method, path, raw_query, pairs, raw_body, headers)
        # The OAuth 2.0 provider: form bodies and RFC 6749 errors, not the REST API's JSON.
        self.counters["requests"] += 1
        rule = self.match_fault(method, path, raw_query)
        if rule is not None and rule["mode"] in ("answer", "drop"):
            reply = self.fault_reply(rule)
        elif (method, path) == ("GET", OAUTH + "authorize"):
            reply = self.oauth_authorize(pairs, headers)
        elif (method, path) == ("POST", OAUTH + "token"):
            status, body = self.oauth.token(raw_body, headers)
            reply = Reply(status, body, [("Cache-Control", "no-store")] if status == 200 else [])
        else:
            reply = Reply(404, self.error_body(404, [f"No resource matches {path}"], exception=NOT_FOUND))
        query = {k: ("***" if k in ("code", "state") else v) for k, v in pairs}
        self.record(method, path, query, b"", reply, self.oauth.masked(raw_body) if raw_body else None)
        return reply

    def oauth_authorize(self, pairs, headers):
        """The browser's visit: the user signs in (HTTP Basic stands in for the login form) and
        allows access at once."""
        if (headers.get("Authorization") or "")[:6].lower() != "basic ":
            return Reply(401, self.error_body(401, [self.not_authenticated_message], exception=BAD_LOGIN))
        try:
            user = super().authenticate(headers)
        except ApiError as error:
            return self.error_reply(error)
        status, extra, body = self.oauth.authorize(dict(pairs), user.key)
        return Reply(status, body, extra)

    def control_extra(self, method, name, body):
        """/_emulator/oauth: incoming application links and their tokens."""
        if (method, name) == ("POST", "oauth/clients"):
            return 200, json.dumps(self.oauth.register(body))
        if (method, name) == ("POST", "oauth/revoke"):
            return 200, json.dumps({"revoked": self.oauth.revoke()})
        if (method, name) == ("POST", "oauth/expire"):
            return 200, json.dumps({"expired": self.oauth.expire_access()})
        if (method, name) == ("GET", "oauth"):
            return 200, json.dumps(self.oauth.view())
        return None

    def authenticate(self, headers, anonymous_ok=False):
        self.by_token = False
        self.oauth_scope = None
        auth = headers.get("Authorization") or ""
        if auth[:7].lower() == "bearer ":
            found = self.oauth.bearer(auth[7:].strip())
            if found is False:  # an expired access token
                self.counters["authFailures"] += 1
                raise self.not_authenticated()
            if found:
                user = self.users_by_key.get(found[0])
                if user is None or not user.active:
                    raise self.not_authenticated()
                # An OAuth token may use the administration API, within its scope.
                self.oauth_scope = found[1]
                return user
        try:
            user = super().authenticate(headers, anonymous_ok)
        except ApiError as error:
            if error.status == 403:  # the base's CAPTCHA lock
                error.exception = CAPTCHA
            raise
        # Remembered for route(): a personal access token is refused on /admin resources.
        self.by_token = user is not None and (headers.get("Authorization") or "")[:7].lower() == "bearer "
        return user

    def not_authenticated(self):
        return BitbucketError(401, self.not_authenticated_message, exception=BAD_LOGIN,
                              headers=[("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")])

    def require_user(self, caller):
        if caller is None:
            raise self.not_authenticated()

    def require_level(self, caller, needed):
        """Bitbucket answers 401, not 403, to a caller who lacks the permission a resource needs."""
        self.require_user(caller)
        level = self.level(caller)
        if self.oauth_scope is not None:
            level = min(level, SCOPES[self.oauth_scope])
        if level < LEVELS[needed]:
            raise BitbucketError(401, NOT_ADMIN_MESSAGE)

    def require_admin(self, caller):
        self.require_level(caller, "ADMIN")

    def require_licensed(self, caller):
        self.require_level(caller, "LICENSED_USER")

    def route(self, method, path, query, pairs, body, caller):
        if not path.startswith(REST + "/"):
            raise BitbucketError(404, f"No resource matches {path}", exception=NOT_FOUND)
        rest = path[len(REST):]
        if rest.startswith("/admin/") and self.by_token:
            raise BitbucketError(401, PAT_MESSAGE)
        handlers = ROUTES.get(rest)
        if handlers is None:
            raise BitbucketError(404, f"No resource matches {path}", exception=NOT_FOUND)
        handler = handlers.get(method)
        if handler is None:
            raise BitbucketError(405, f"Method {method} is not allowed for {path}")
        return handler(self, query=query, pairs=pairs, body=body, caller=caller)

    def find_user(self, name, context="name"):
        if not isinstance(name, str) or not name:
            raise BitbucketError(400, "A username is required", context)
        user = self.users_by_name.get(name.lower())
        if user is None:
            raise BitbucketError(404, f"User {name} does not exist.", exception=NO_SUCH_USER)
        return user

    def find_group(self, name, context="name"):
        if not isinstance(name, str) or not name:
            raise BitbucketError(400, "A group name is required", context)
        group = self.groups.get(name.lower())
        if group is None:
            raise BitbucketError(404, f"Group {name} does not exist.", exception=NO_SUCH_GROUP)
        return group

    def check_not_above(self, caller, target, status, what):
        """A user may not act on a user with a higher permission level than its own."""
        if self.level(target) > self.level(caller):
            raise BitbucketError(status, f"You cannot {what} '{target.name}': that user has higher permissions "
                                         "than you.", exception=PERMISSION)

    def check_group_not_above(self, caller, group, status, what):
        if LEVELS.get(group.perm, 0) > self.level(caller):
            raise BitbucketError(status, f"You cannot {what} '{group.name}': that group grants higher permissions "
                                         "than you hold.", exception=PERMISSION)


def json_object(body, what):
    if not isinstance(body, dict):
        raise BitbucketError(400, f"The request body must be a JSON object {what}.")
    return body


def required_text(value, context, what):
    if not isinstance(value, str) or not value.strip():
        raise BitbucketError(400, f"{what} is required", context)
    return value


def check_email(value, context):
    if not isinstance(value, str) or not EMAIL.match(value):
        raise BitbucketError(400, "Please enter a valid email address", context)
    return value


def filtered(query, items, text_of):
    text = (query.get("filter") or "").lower()
    if not text:
        return items
    return [item for item in items if text in text_of(item)]


# -------------------------------------------------------------- resources

def get_application_properties(emu, **_):
    major, minor, patch = emu.version_tuple()
    return Reply(200, compact({"version": emu.config["version"], "buildNumber": f"{major}{minor:03d}{patch:03d}",
                               "buildDate": "1735689600000", "displayName": "Bitbucket"}))


def all_users(emu, query):
    users = emu.users_by_name
    text = (query.get("filter") or "").lower()
    if not text:
        return [users[n] for n in emu.sorted_names]
    return [u for u in (users[n] for n in emu.sorted_names) if text in u.haystack]


def get_users(emu, query, caller, **_):
    """GET /users: any authenticated user, personal access tokens included."""
    emu.require_user(caller)
    users = all_users(emu, query)
    if query.get("group"):
        group = emu.groups.get(query["group"].lower())
        users = [] if group is None else [u for u in users if u.key in group.members]
    permission = query.get("permission")
    if permission:
        if permission not in LEVELS:
            raise BitbucketError(400, f"The emulator filters by global permissions only, not {permission!r}",
                                 "permission")
        needed = LEVELS[permission]
        users = [u for u in users if emu.level(u) >= needed]
    return emu.page(query, users, emu.app_user_json)


def get_admin_users(emu, query, caller, **_):
    emu.require_licensed(caller)
    return emu.page(query, all_users(emu, query), emu.user_json)


def post_admin_users(emu, query, caller, **_):
    """Creation takes query parameters and answers 204 without a body."""
    emu.require_admin(caller)
    name = required_text(query.get("name"), "name", "A username")
    display = required_text(query.get("displayName"), "displayName", "A display name")
    email = check_email(query.get("emailAddress"), "emailAddress")
    password = query.get("password") or None
    if password is None and not as_bool(query.get("notify"), False):
        raise BitbucketError(400, "A password is required unless the user is notified by email", "password")
    if name != name.strip() or len(name) > 255:
        raise BitbucketError(400, "The username must not begin or end with spaces and may have at most 255 "
                                  "characters", "name")
    if name.lower() in emu.users_by_name:
        raise BitbucketError(409, f"A user with the name '{name}' already exists.", exception=DUPLICATE_USER)
    user = emu.add_user(name, email, display.strip(), password=password)
    if as_bool(query.get("addToDefaultGroup"), True):
        default = emu.groups.get(emu.config["defaultGroup"].lower())
        if default is not None:
            emu.add_member(default, user)
    return Reply(204)


def put_admin_users(emu, body, caller, **_):
    emu.require_admin(caller)
    body = json_object(body, "with the user's name and the details to change")
    user = emu.find_user(body.get("name"))
    emu.check_not_above(caller, user, 401, "update")
    if body.get("displayName") is not None:
        display = required_text(body["displayName"], "displayName", "A display name")
    else:
        display = None
    email = check_email(body["email"], "email") if body.get("email") is not None else None
    if display is not None:
        user.display = display.strip()
    if email is not None:
        user.email = email
    user.touch()
    return Reply(200, emu.user_json(user))


def post_rename(emu, body, caller, **_):
    emu.require_admin(caller)
    body = json_object(body, "with name and newName")
    user = emu.find_user(body.get("name"))
    new_name = required_text(body.get("newName"), "newName", "The new username")
    if new_name != new_name.strip() or len(new_name) > 255:
        raise BitbucketError(400, "The username must not begin or end with spaces and may have at most 255 "
                                  "characters", "newName")
    emu.check_not_above(caller, user, 401, "rename")
    other = emu.users_by_name.get(new_name.lower())
    if other is not None and other is not user:
        raise BitbucketError(409, f"A user with the name '{new_name}' already exists.", exception=DUPLICATE_USER)
    emu.rename_user(user, new_name)
    return Reply(200, emu.user_json(user))


def delete_admin_users(emu, query, caller, **_):
    emu.require_admin(caller)
    user = emu.find_user(query.get("name"))
    if user.key == caller.key:
        raise BitbucketError(409, "You cannot delete yourself.", exception=SELF_DELETE)
    emu.check_not_above(caller, user, 403, "delete")
    text = emu.user_json(user)
    emu.remove_user(user)
    return Reply(200, text)


def delete_captcha(emu, query, caller, **_):
    emu.require_admin(caller)
    user = emu.find_user(query.get("name"))
    emu.captcha.discard(user.key)
    emu.failed_logins.pop(user.key, None)
    return Reply(204)


def get_admin_groups(emu, query, caller, **_):
    emu.require_licensed(caller)
    groups = emu.groups
    names = filtered(query, emu.group_order, lambda lower: lower)
    return emu.page(query, names, lambda lower: emu.group_json(groups[lower]))


def post_admin_groups(emu, query, caller, **_):
    emu.require_admin(caller)
    name = required_text(query.get("name"), "name", "A group name")
    if name.lower() in emu.groups:
        raise BitbucketError(409, f"A group named '{name}' already exists.", exception=DUPLICATE_GROUP)
    return Reply(200, emu.group_json(emu.add_group(name)))


def delete_admin_groups(emu, query, caller, **_):
    emu.require_admin(caller)
    group = emu.find_group(query.get("name"))
    emu.check_group_not_above(caller, group, 403, "delete")
    lower = group.name.lower()
    if caller.key in group.members and emu.level(caller, group=lower, group_perm=None) < emu.level(caller):
        raise BitbucketError(409, f"You cannot delete '{group.name}': it grants you your own permission level.",
                             exception=PERMISSION)
    text = emu.group_json(group)
    emu.remove_group(group)
    return Reply(200, text)


def get_group_members(emu, query, caller, **_):
    emu.require_licensed(caller)
    group = emu.find_group(query.get("context"), "context")
    members = filtered(query, emu.members_of(group), lambda u: u.haystack)
    return emu.page(query, members, emu.user_json)


def get_user_groups(emu, query, caller, **_):
    emu.require_licensed(caller)
    user = emu.find_user(query.get("context"), "context")
    names = filtered(query, sorted(emu.user_groups[user.key]), lambda lower: lower)
    groups = emu.groups
    return emu.page(query, names, lambda lower: emu.group_json(groups[lower]))


def add_memberships(emu, caller, group_names, user_names):
    """Adds every user to every group, or nothing when one of them does not exist (404)."""
    groups = [emu.find_group(name, "group") for name in group_names]
    users = [emu.find_user(name, "user") for name in user_names]
    for group in groups:
        emu.check_group_not_above(caller, group, 403, "add users to")
    for group in groups:
        for user in users:
            emu.add_member(group, user)  # existing members stay as they are
    return Reply(200)


def string_list(value, context):
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise BitbucketError(400, f"{context} must be a list of names", context)
    return value


def post_groups_add_users(emu, body, caller, **_):
    emu.require_admin(caller)
    body = json_object(body, "with group and users")
    return add_memberships(emu, caller, [body.get("group")], string_list(body.get("users"), "users"))


def post_users_add_groups(emu, body, caller, **_):
    emu.require_admin(caller)
    body = json_object(body, "with user and groups")
    return add_memberships(emu, caller, string_list(body.get("groups"), "groups"), [body.get("user")])


def post_groups_add_user(emu, body, caller, **_):
    """Deprecated since 2.10: context is the group, itemName the user."""
    emu.require_admin(caller)
    body = json_object(body, "with context (the group) and itemName (the user)")
    return add_memberships(emu, caller, [body.get("context")], [body.get("itemName")])


def post_users_add_group(emu, body, caller, **_):
    """Deprecated since 2.10: context is the user, itemName the group."""
    emu.require_admin(caller)
    body = json_object(body, "with context (the user) and itemName (the group)")
    return add_memberships(emu, caller, [body.get("itemName")], [body.get("context")])


def post_users_remove_group(emu, body, caller, **_):
    emu.require_admin(caller)
    body = json_object(body, "with context (the user) and itemName (the group)")
    user = emu.find_user(body.get("context"), "context")
    group = emu.find_group(body.get("itemName"), "itemName")
    emu.check_group_not_above(caller, group, 403, "remove users from")
    emu.remove_member(group, user)  # 200 also when it was no member
    return Reply(200)


def post_groups_remove_user(emu, body, caller, **_):
    emu.require_admin(caller)
    body = json_object(body, "with context (the group) and itemName (the user)")
    group = emu.find_group(body.get("context"), "context")
    user = emu.find_user(body.get("itemName"), "itemName")
    emu.check_group_not_above(caller, group, 403, "remove users from")
    emu.remove_member(group, user)
    return Reply(200)


def permission_param(query):
    permission = query.get("permission")
    if permission not in LEVELS:
        raise BitbucketError(400, f"'{permission}' is not a global permission: use one of "
                                  + ", ".join(LEVELS), "permission")
    return permission


def names_param(pairs):
    names = [value for key, value in pairs if key == "name"]
    if not names or not all(names):
        raise BitbucketError(400, "At least one name is required", "name")
    return names


def get_user_permissions(emu, query, caller, **_):
    emu.require_admin(caller)
    users = emu.users_by_name
    holders = [users[n] for n in emu.sorted_names if users[n].perm is not None]
    text = (query.get("filter") or "").lower()
    if text:
        holders = [u for u in holders if text in u.lower]
    return emu.page(query, holders,
                    lambda u: f'{{"user":{emu.app_user_json(u)},"permission":"{u.perm}"}}')


def put_user_permissions(emu, query, pairs, caller, **_):
    emu.require_admin(caller)
    permission = permission_param(query)
    users = [emu.find_user(name) for name in names_param(pairs)]
    mine = emu.level(caller)
    if LEVELS[permission] > mine:
        raise BitbucketError(401, f"You cannot grant {permission}: you do not hold it yourself.")
    for user in users:
        emu.check_not_above(caller, user, 409, "change the permissions of")
        if user.key == caller.key and emu.level(caller, direct=permission) < mine:
            raise BitbucketError(409, "You cannot lower your own permission level.", exception=PERMISSION)
    for user in users:
        user.perm = permission
    return Reply(204)


def delete_user_permissions(emu, query, caller, **_):
    emu.require_admin(caller)
    user = emu.find_user(query.get("name"))
    emu.check_not_above(caller, user, 409, "revoke the permissions of")
    if user.key == caller.key and emu.level(caller, direct=None) < emu.level(caller):
        raise BitbucketError(409, "You cannot revoke your own permissions: that would lower your permission "
                                  "level.", exception=PERMISSION)
    user.perm = None  # every direct global permission
    return Reply(204)


def get_group_permissions(emu, query, caller, **_):
    emu.require_admin(caller)
    groups = emu.groups
    holders = [groups[g] for g in emu.group_order if groups[g].perm is not None]
    text = (query.get("filter") or "").lower()
    if text:
        holders = [g for g in holders if text in g.name.lower()]
    return emu.page(query, holders,
                    lambda g: compact({"group": {"name": g.name}, "permission": g.perm}))


def put_group_permissions(emu, query, pairs, caller, **_):
    emu.require_admin(caller)
    permission = permission_param(query)
    groups = [emu.find_group(name) for name in names_param(pairs)]
    mine = emu.level(caller)
    if LEVELS[permission] > mine:
        raise BitbucketError(401, f"You cannot grant {permission}: you do not hold it yourself.")
    for group in groups:
        emu.check_group_not_above(caller, group, 409, "change the permissions of")
        lower = group.name.lower()
        if caller.key in group.members and emu.level(caller, group=lower, group_perm=permission) < mine:
            raise BitbucketError(409, "You cannot lower your own permission level.", exception=PERMISSION)
    for group in groups:
        group.perm = permission
    return Reply(204)


def delete_group_permissions(emu, query, caller, **_):
    emu.require_admin(caller)
    group = emu.find_group(query.get("name"))
    emu.check_group_not_above(caller, group, 409, "revoke the permissions of")
    lower = group.name.lower()
    if caller.key in group.members and emu.level(caller, group=lower, group_perm=None) < emu.level(caller):
        raise BitbucketError(409, "You cannot revoke this group's permissions: that would lower your permission "
                                  "level.", exception=PERMISSION)
    group.perm = None
    return Reply(204)


# path below /rest/api/latest -> {method: handler}
ROUTES = {
    "/application-properties": {"GET": get_application_properties},
    "/users": {"GET": get_users},
    "/admin/users": {"GET": get_admin_users, "POST": post_admin_users, "PUT": put_admin_users,
                     "DELETE": delete_admin_users},
    "/admin/users/rename": {"POST": post_rename},
    "/admin/users/captcha": {"DELETE": delete_captcha},
    "/admin/users/more-members": {"GET": get_user_groups},
    "/admin/users/add-groups": {"POST": post_users_add_groups},
    "/admin/users/add-group": {"POST": post_users_add_group},
    "/admin/users/remove-group": {"POST": post_users_remove_group},
    "/admin/groups": {"GET": get_admin_groups, "POST": post_admin_groups, "DELETE": delete_admin_groups},
    "/admin/groups/more-members": {"GET": get_group_members},
    "/admin/groups/add-users": {"POST": post_groups_add_users},
    "/admin/groups/add-user": {"POST": post_groups_add_user},
    "/admin/groups/remove-user": {"POST": post_groups_remove_user},
    "/admin/permissions/users": {"GET": get_user_permissions, "PUT": put_user_permissions,
                                 "DELETE": delete_user_permissions},
    "/admin/permissions/groups": {"GET": get_group_permissions, "PUT": put_group_permissions,
                                  "DELETE": delete_group_permissions},
}


# ------------------------------------------------------------ control API

def seed(emu, body):
    with no_gc(freeze=len(body.get("users", [])) > 500):
        return _seed(emu, body)


def seed_permission(value, what):
    if value is not None and value not in LEVELS:
        raise ApiError(400, [f"{what}: {value!r} is not one of {', '.join(LEVELS)}"])
    return value


def _seed(emu, body):
    created = 0
    for spec in body.get("users", []):
        name = str(spec["name"])
        if name.lower() in emu.users_by_name:
            raise ApiError(409, [f"user {name!r} exists"])
        token = spec.get("token")
        if token is not None and token in emu.tokens:
            raise ApiError(409, [f"the token of {name!r} is another user's"])
        emu.add_user(name, spec.get("email", f"{name.lower()}@example.com"), spec.get("displayName", name),
                     password=spec.get("password"), token=token,
                     perm=seed_permission(spec.get("permission"), name), index=False)
        created += 1
    if created:
        emu.sorted_names = sorted(emu.users_by_name)
    groups = 0
    for name in body.get("groups", []):
        if name.lower() not in emu.groups:
            emu.add_group(name)
            groups += 1
    members = 0
    for username, groupname in body.get("memberships", []):
        user = emu.users_by_name.get(username.lower())
        group = emu.groups.get(groupname.lower())
        if user is None or group is None:
            raise ApiError(400, [f"membership {username!r} in {groupname!r}: unknown user or group"])
        if user.key not in group.members:
            emu.add_member(group, user)
            members += 1
    for groupname, permission in body.get("groupPermissions", []):
        group = emu.groups.get(groupname.lower())
        if group is None:
            raise ApiError(400, [f"permission of {groupname!r}: unknown group"])
        group.perm = seed_permission(permission, groupname)
    emu.dirty = True
    return {"users": created, "groups": groups, "memberships": members}


def state_view(emu):
    users_by_name = emu.users_by_name
    ordered = [users_by_name[n] for n in emu.sorted_names]
    users = [{"id": u.key, "name": u.name, "slug": u.slug, "email": u.email, "displayName": u.display,
              "active": u.active, "password": u.password, "token": u.token, "permission": u.perm,
              "captchaLocked": u.key in emu.captcha} for u in ordered]
    names = {u.key: u.name for u in ordered}
    groups = [emu.groups[g] for g in emu.group_order]
    return {"users": users, "groups": [g.name for g in groups],
            "memberships": [[names[k], g.name] for g in groups for k in g.members],
            "userPermissions": [[u.name, u.perm] for u in ordered if u.perm is not None],
            "groupPermissions": [[g.name, g.perm] for g in groups if g.perm is not None],
            "config": emu.config, "counters": emu.counters, "faults": emu.faults_view()}


Emulator.seed = seed
Emulator.state_view = state_view


def main():
    parser = argument_parser(__doc__.splitlines()[0], "10.4.0", "BITBUCKET_EMULATOR")
    args = parse_arguments(parser, "BITBUCKET_EMULATOR")
    serve(Emulator(args), args)


if __name__ == "__main__":
    main()
