#!/usr/bin/env python3
"""A stateful, in-memory emulator of the parts of Jira Data Center's REST API v2 that UserSync uses.

    python3 jira_emulator.py --port P [--host 127.0.0.1] --state-dir D --version 11.3.8 \
        --admin-user NAME --admin-password PW --admin-token TOKEN [--generate USERS,GROUPS,MEMBERSHIPS]

(--admin-password and --admin-token may instead come from JIRA_EMULATOR_ADMIN_PASSWORD and
JIRA_EMULATOR_ADMIN_TOKEN.) Prints "ready URL" on standard output once it listens.

Python 3.11 standard library only. See README.md next to this file for what it models, which
behaviours are guesses, and the test-owned control API under /_emulator/. What every Atlassian
emulator shares (HTTP, faults, rate limit, authentication, saving) is in ../common/atlassian.py.
"""

import bisect
import html
import json
import os
import random
import re
import sys
import time
from collections import deque
from urllib.parse import quote

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from atlassian import (  # noqa: E402  (after the path entry that finds it)
    ApiError, AtlassianEmulator, Reply, argument_parser, as_bool, fill_groups, generated_person, int_param, no_gc,
    parse_arguments, serve,
)

REST = "/rest/api/2"
FIRST_NEW_KEY = 10000
CAPTCHA_AFTER = 3  # Jira's default jira.maximum.authentication.attempts.allowed
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
WORD_SPLIT = re.compile(r"[\s\-_.,;:()]+")
APPLICATION_KEYS = {"jira-software", "jira-core", "jira-servicedesk"}
DEFAULT_CONFIG = {
    "pickerLimit": 100,  # jira.ajax.autocomplete.limit
    "memberPageCap": 50,
    "callerRole": "sysadmin",
    "rateLimit": None,
    "cursorType": "int",
    "requestLogLimit": 20000,
}
GLOBAL_PERMISSIONS = {
    # key: (id, name, description, which roles hold it)
    "ADMINISTER": ("0", "Jira Administrators",
                   "Ability to perform most administration functions (excluding Import & Export, SMTP Configuration, etc.).",
                   ("sysadmin", "admin")),
    "SYSTEM_ADMIN": ("44", "Jira System Administrators",
                     "Ability to perform all administration functions. There must be at least one group with this permission.",
                     ("sysadmin",)),
    "USER_PICKER": ("27", "Browse users and groups",
                    "Ability to select a user or group from a popup window as well as the ability to use the 'share' issues feature.",
                    ("sysadmin", "admin", "user")),
    "CREATE_SHARED_OBJECTS": ("22", "Create Shared Objects",
                              "Ability to share dashboards and filters with other users, groups and roles.",
                              ("sysadmin", "admin", "user")),
    "MANAGE_GROUP_FILTER_SUBSCRIPTIONS": ("24", "Manage Group Filter Subscriptions",
                                          "Ability to manage (create and delete) group filter subscriptions.",
                                          ("sysadmin", "admin", "user")),
    "BULK_CHANGE": ("33", "Bulk Change", "Ability to modify a collection of issues at once.",
                    ("sysadmin", "admin", "user")),
}


class User:
    __slots__ = ("id", "key", "name", "email", "display", "active", "password", "lead", "sysadmin", "role",
                 "token", "_json")

    def __init__(self, uid, key, name, email, display, active=True, password=None, lead=False, sysadmin=False,
                 role="user", token=None):
        self.id = uid
        self.key = key
        self.name = name
        self.email = email
        self.display = display
        self.active = active
        self.password = password
        self.lead = lead
        self.sysadmin = sysadmin
        self.role = role
        self.token = token
        self._json = None

    def words(self):
        return {w for w in WORD_SPLIT.split(self.display.lower()) if w}


class Group:
    __slots__ = ("name", "members", "_all", "_active")

    def __init__(self, name):
        self.name = name
        self.members = {}  # user key -> None, insertion ordered
        self._all = None  # cached member lists sorted by username; None = stale
        self._active = None

    def invalidate(self):
        self._all = None
        self._active = None


def parse_version(text):
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", str(text))
    if not match:
        raise ValueError(f"not a Jira version: {text!r}")
    return tuple(int(part) for part in match.groups())


def error_body(messages=(), errors=None):
    return json.dumps({"errorMessages": list(messages), "errors": errors or {}})


class Emulator(AtlassianEmulator):
    server_name = "JiraEmulator"
    label = "jira emulator"
    captcha_after = CAPTCHA_AFTER
    login_path = "/login.jsp"

    def __init__(self, args):
        super().__init__(args)
        self.start_version = args.version
        parse_version(args.version)
        self.requests = deque(maxlen=DEFAULT_CONFIG["requestLogLimit"])
        self.reset({})

    # ----------------------------------------------------------------- state

    def reset(self, options):
        self.config = dict(DEFAULT_CONFIG)
        self.config["version"] = self.start_version
        self.users_by_key = {}
        self.users_by_name = {}
        self.users_by_id = {}
        self.ids = []
        self.next_id = 1
        self.next_key = FIRST_NEW_KEY
        self.groups = {}  # lower-case name -> Group
        self.group_order = []  # sorted lower-case names
        self.user_groups = {}  # user key -> set of lower-case group names
        self.reset_common()
        self.clear_search_index()
        self.requests = deque(maxlen=self.config["requestLogLimit"])
        self.apply_config(options)
        # Every Jira has its installing administrator, a system administrator in jira-administrators.
        admin = self.add_user(self.args.admin_user.lower(), f"{self.args.admin_user.lower()}@example.com",
                              "Administrator", key=self.args.admin_user.lower(), password=self.args.admin_password,
                              sysadmin=True, role="sysadmin", token=self.args.admin_token)
        self.admin_key = admin.key
        self.apply_role()
        if options.get("builtinGroups", True):
            for name in ("jira-administrators", "jira-software-users"):
                self.add_group(name)
                self.add_member(self.groups[name], admin)
        self.dirty = True

    def apply_config(self, options):
        for name in ("pickerLimit", "memberPageCap", "requestLogLimit"):
            if name in options:
                value = int(options[name])
                if value < 1:
                    raise ApiError(400, [f"{name} must be at least 1"])
                self.config[name] = value
        if "version" in options:
            parse_version(options["version"])
            self.config["version"] = options["version"]
        if "callerRole" in options:
            if options["callerRole"] not in ("sysadmin", "admin", "user"):
                raise ApiError(400, ["callerRole must be sysadmin, admin or user"])
            self.config["callerRole"] = options["callerRole"]
            self.apply_role()
        if "cursorType" in options:
            if options["cursorType"] not in ("int", "string"):
                raise ApiError(400, ["cursorType must be int or string"])
            self.config["cursorType"] = options["cursorType"]
        if "rateLimit" in options:
            self.apply_rate_limit(options["rateLimit"])
        self.resize_request_log()

    def apply_role(self):
        admin = self.users_by_key.get(getattr(self, "admin_key", None))
        if admin:
            admin.role = self.config["callerRole"]
            admin.sysadmin = admin.role == "sysadmin"
            admin._json = None

    @property
    def version(self):
        return parse_version(self.config["version"])

    # Search indexes: sorted usernames, (email, username) and (display-name word, username).
    def clear_search_index(self):
        self.sorted_names = []
        self.email_index = []
        self.word_index = []
        self.search_cache = {}

    def rebuild_search_index(self):
        users = self.users_by_key.values()
        self.sorted_names = sorted(u.name for u in users)
        self.email_index = sorted((u.email.lower(), u.name) for u in users if u.email)
        self.word_index = sorted((w, u.name) for u in users for w in u.words())
        self.search_cache = {}

    def index_add(self, user):
        bisect.insort(self.sorted_names, user.name)
        if user.email:
            bisect.insort(self.email_index, (user.email.lower(), user.name))
        for word in user.words():
            bisect.insort(self.word_index, (word, user.name))
        # Keep cached search results current instead of dropping them: a broad query over 100k
        # users costs ~50 ms to recompute, and syncs interleave searches with user changes.
        for (q, include_active, include_inactive), (names, users) in self.search_cache.items():
            if (include_active if user.active else include_inactive) and user_matches(user, q):
                i = bisect.bisect_left(names, user.name)
                names.insert(i, user.name)
                users.insert(i, user)

    @staticmethod
    def _remove_sorted(lst, item):
        i = bisect.bisect_left(lst, item)
        if i < len(lst) and lst[i] == item:
            del lst[i]

    def index_remove(self, user):
        self._remove_sorted(self.sorted_names, user.name)
        if user.email:
            self._remove_sorted(self.email_index, (user.email.lower(), user.name))
        for word in user.words():
            self._remove_sorted(self.word_index, (word, user.name))
        for names, users in self.search_cache.values():
            i = bisect.bisect_left(names, user.name)
            if i < len(names) and users[i] is user:
                del names[i]
                del users[i]

    def add_user(self, name, email, display, key=None, active=True, password=None, lead=False, sysadmin=False,
                 role="user", token=None, index=True):
        name = name.lower()
        if key is None:
            key = f"JIRAUSER{self.next_key}"
            self.next_key += 1
        else:
            match = re.fullmatch(r"JIRAUSER(\d+)", key)
            if match:
                self.next_key = max(self.next_key, int(match.group(1)) + 1)
        user = User(self.next_id, key, name, email, display, active, password, lead, sysadmin, role, token)
        self.next_id += 1
        self.users_by_key[key] = user
        self.users_by_name[name] = user
        self.users_by_id[user.id] = user
        self.ids.append(user.id)
        self.user_groups[key] = set()
        if index:
            self.index_add(user)
        return user

    def remove_user(self, user):
        for lower in self.user_groups.pop(user.key, ()):
            group = self.groups[lower]
            group.members.pop(user.key, None)
            group.invalidate()
        self.index_remove(user)
        del self.users_by_key[user.key]
        del self.users_by_name[user.name]
        del self.users_by_id[user.id]
        self._remove_sorted(self.ids, user.id)
        self.failed_logins.pop(user.key, None)
        self.captcha.discard(user.key)

    def touch_user(self, user):
        """After a change of a user's name, activity or details: caches that show it are stale."""
        user._json = None
        for lower in self.user_groups.get(user.key, ()):
            self.groups[lower].invalidate()

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
        self._remove_sorted(self.group_order, lower)

    def add_member(self, group, user):
        group.members[user.key] = None
        self.user_groups[user.key].add(group.name.lower())
        group.invalidate()

    def remove_member(self, group, user):
        del group.members[user.key]
        self.user_groups[user.key].discard(group.name.lower())
        group.invalidate()

    def members_of(self, group, include_inactive):
        if group._all is None:
            users = self.users_by_key
            group._all = sorted((users[k] for k in group.members), key=lambda u: u.name)
            group._active = None
        if include_inactive:
            return group._all
        if group._active is None:
            group._active = [u for u in group._all if u.active]
        return group._active

    # ------------------------------------------------------------ generation

    def generate(self, users, groups, memberships, seed=1):
        """A large, realistic state: replaces everything but the administrator and built-in groups."""
        with no_gc():
            return self._generate(users, groups, memberships, seed)

    def _generate(self, users, groups, memberships, seed):
        rnd = random.Random(seed)
        for user in [u for u in self.users_by_key.values() if u.key != self.admin_key]:
            for lower in self.user_groups.pop(user.key, ()):
                self.groups[lower].members.pop(user.key, None)
            del self.users_by_key[user.key]
            del self.users_by_name[user.name]
            del self.users_by_id[user.id]
        self.ids = sorted(self.users_by_id)
        for lower in [g for g in self.groups if g not in ("jira-administrators", "jira-software-users")]:
            del self.groups[lower]
        self.group_order = sorted(self.groups)
        for group in self.groups.values():
            group.invalidate()
        self.next_key = FIRST_NEW_KEY
        legacy = users // 10  # the oldest tenth keep the pre-8.4 key (= lower-case username)
        created = []
        for i in range(1, users + 1):
            name = f"user{i:06d}"
            email, display = generated_person(rnd, i)
            user = self.add_user(name, email, display, key=name if i <= legacy else None,
                                 active=rnd.random() >= 0.05, index=False)
            created.append(user)
        group_objs = [self.add_group(f"group-{j:04d}") for j in range(1, groups + 1)]
        fill_groups(rnd, created, group_objs, memberships, self.user_groups)
        self.rebuild_search_index()
        self.dirty = True
        return {"users": len(self.users_by_key), "groups": len(self.groups),
                "memberships": sum(len(g.members) for g in self.groups.values())}

    # ---------------------------------------------------------- persistence

    def snapshot(self):
        users = [[u.id, u.key, u.name, u.email, u.display, u.active, u.password, u.lead, u.sysadmin, u.role, u.token]
                 for u in self.users_by_key.values()]
        return {
            "format": 1,
            "config": self.config,
            "adminKey": self.admin_key,
            "nextId": self.next_id,
            "nextKey": self.next_key,
            "users": users,
            "groups": [[g.name, list(g.members)] for g in self.groups.values()],
            "captcha": sorted(self.captcha),
        }

    def restore(self, data):
        with no_gc():
            self._restore(data)

    def _restore(self, data):
        self.reset({"builtinGroups": False})
        self.users_by_key.clear()
        self.users_by_name.clear()
        self.users_by_id.clear()
        self.user_groups.clear()
        self.groups.clear()
        self.config.update(data.get("config", {}))
        for row in data["users"]:
            uid, key, name, email, display, active, password, lead, sysadmin, role, token = row
            user = User(uid, key, name, email, display, active, password, lead, sysadmin, role, token)
            self.users_by_key[key] = user
            self.users_by_name[name] = user
            self.users_by_id[uid] = user
            self.user_groups[key] = set()
        self.ids = sorted(self.users_by_id)
        self.next_id = data["nextId"]
        self.next_key = data["nextKey"]
        self.admin_key = data["adminKey"]
        for name, keys in data["groups"]:
            group = Group(name)
            self.groups[name.lower()] = group
            for key in keys:
                group.members[key] = None
                self.user_groups[key].add(name.lower())
        self.group_order = sorted(self.groups)
        self.captcha = set(data.get("captcha", []))
        self.requests = deque(maxlen=self.config["requestLogLimit"])
        self.rebuild_search_index()
        self.dirty = False

    # ------------------------------------------------------------ rendering

    def user_json(self, user):
        text = user._json
        if text is None:
            base = self.base_url
            owner = quote(user.key)
            text = json.dumps({
                "self": f"{base}{REST}/user?username={quote(user.name)}",
                "key": user.key,
                "name": user.name,
                "emailAddress": user.email,
                "avatarUrls": {
                    "48x48": f"{base}/secure/useravatar?ownerId={owner}&avatarId=10122",
                    "24x24": f"{base}/secure/useravatar?size=small&ownerId={owner}&avatarId=10122",
                    "16x16": f"{base}/secure/useravatar?size=xsmall&ownerId={owner}&avatarId=10122",
                    "32x32": f"{base}/secure/useravatar?size=medium&ownerId={owner}&avatarId=10122",
                },
                "displayName": user.display,
                "active": user.active,
                "deleted": False,
                "timeZone": "UTC",
                "locale": "en_US",
            }, separators=(",", ":"), ensure_ascii=False)
            user._json = text
        return text

    def users_array(self, users):
        return "[" + ",".join(self.user_json(u) for u in users) + "]"

    def group_json(self, group):
        return json.dumps({
            "name": group.name,
            "self": f"{self.base_url}{REST}/group?groupname={quote(group.name)}",
            "users": {"size": len(group.members), "items": [], "max-results": 50, "start-index": 0,
                      "end-index": 0},
            "expand": "users",
        }, ensure_ascii=False)

    # ------------------------------------------------------------- REST API

    @staticmethod
    def error_body(status, messages=(), errors=None):
        return error_body(messages, errors)

    def canonical_path(self, path):
        if path.startswith("/rest/api/latest/"):
            return REST + path[len("/rest/api/latest"):]
        return path

    def anonymous_ok(self, path):
        return path == f"{REST}/serverInfo"

    def require_admin(self, caller):
        self.require_user(caller)
        if self.role_of(caller) not in ("sysadmin", "admin"):
            raise ApiError(403, ["You do not have the permission to perform this operation: "
                                 "Jira administrator rights are required."])

    def protect_sysadmin(self, caller, target):
        if target.sysadmin and self.role_of(caller) != "sysadmin":
            raise ApiError(403, ["You do not have permission to edit a system administrator. "
                                 "Only Jira System Administrators can change users with the "
                                 "Jira System Administrators permission."])

    # Routing ------------------------------------------------------------------

    def route(self, method, path, query, pairs, body, caller):
        handlers = ROUTES.get(path)
        if handlers is None or (path == f"{REST}/user/list" and self.version < (10, 3, 0)):
            raise ApiError(404, [f"null for uri: {self.base_url}{path}"])
        handler = handlers.get(method)
        if handler is None:
            raise ApiError(405, [f"Method {method} is not allowed for {path}"])
        return handler(self, query=query, pairs=pairs, body=body, caller=caller)

    def find_user(self, query, required=True):
        key = query.get("key")
        name = query.get("username")
        if key:
            user = self.users_by_key.get(key)
            if user is None:
                raise ApiError(404, [f"The user with the key '{key}' does not exist"])
            return user
        if name:
            user = self.users_by_name.get(name.lower())
            if user is None:
                raise ApiError(404, [f"The user named '{name}' does not exist"])
            return user
        if required:
            raise ApiError(400, ["Either the 'username' or the 'key' query parameter must be provided"])
        return None

    def find_group(self, name):
        if not name:
            raise ApiError(400, ["The group name must not be empty."])
        group = self.groups.get(name.lower())
        if group is None:
            raise ApiError(404, [f"Specified group does not exist: '{name}'"])
        return group


# -------------------------------------------------------------- resources

def get_server_info(emu, **_):
    version = emu.version
    now = time.strftime("%Y-%m-%dT%H:%M:%S.000+0000", time.gmtime())
    return Reply(200, json.dumps({
        "baseUrl": emu.base_url,
        "version": emu.config["version"],
        "versionNumbers": list(version),
        "deploymentType": "DataCenter",
        "buildNumber": version[0] * 100000 + version[1] * 1000 + version[2],
        "buildDate": "2025-01-15T00:00:00.000+0000",
        "serverTime": now,
        "scmInfo": "0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d",
        "serverTitle": "Jira",
    }))


def get_my_permissions(emu, query, caller, **_):
    emu.require_user(caller)
    wanted = [p.strip() for p in query.get("permissions", "").split(",") if p.strip()] or list(GLOBAL_PERMISSIONS)
    role = emu.role_of(caller)
    out = {}
    for key in wanted:
        if key not in GLOBAL_PERMISSIONS:
            raise ApiError(400, [f"Could not find permission with key: {key}"])
        pid, name, description, holders = GLOBAL_PERMISSIONS[key]
        out[key] = {"id": pid, "key": key, "name": name, "type": "GLOBAL", "description": description,
                    "havePermission": role in holders}
    return Reply(200, json.dumps({"permissions": out}))


def get_myself(emu, caller, **_):
    emu.require_user(caller)
    return Reply(200, emu.user_json(caller))


def get_user(emu, query, caller, **_):
    emu.require_user(caller)
    user = emu.find_user(query)
    text = emu.user_json(user)
    expand = query.get("expand", "")
    if expand:
        extra = {}
        if "groups" in expand:
            names = sorted(emu.groups[g].name for g in emu.user_groups[user.key])
            extra["groups"] = {"size": len(names), "items": [
                {"name": n, "self": f"{emu.base_url}{REST}/group?groupname={quote(n)}"} for n in names]}
        if "applicationRoles" in expand:
            extra["applicationRoles"] = {"size": 1, "items": [{"key": "jira-software", "name": "Jira Software"}]}
        data = json.loads(text)
        data.update(extra)
        data["expand"] = "groups,applicationRoles"
        text = json.dumps(data, ensure_ascii=False)
    return Reply(200, text)


def get_user_list(emu, query, caller, **_):
    emu.require_admin(caller)
    size = min(max(int_param(query, "maxResults", 2000), 1), 2000)
    cursor = int_param(query, "cursor", 0)
    ids = emu.ids
    start = bisect.bisect_left(ids, cursor)
    chunk = ids[start:start + size]
    users = [emu.users_by_id[i] for i in chunk]
    last = start + size >= len(ids)
    parts = [f'"self":{json.dumps(f"{emu.base_url}{REST}/user/list?maxResults={size}&cursor={cursor}")}',
             f'"maxResults":{size}', f'"isLast":{"true" if last else "false"}']
    if not last:
        next_cursor = chunk[-1] + 1
        parts.append(f'"nextCursor":{next_cursor if emu.config["cursorType"] == "int" else json.dumps(str(next_cursor))}')
        parts.append(f'"nextPage":{json.dumps(f"{emu.base_url}{REST}/user/list?maxResults={size}&cursor={next_cursor}")}')
    parts.append(f'"values":{emu.users_array(users)}')
    return Reply(200, "{" + ",".join(parts) + "}")


def user_matches(user, q):
    """Jira's user search: the username, the email or any display-name word starts with q."""
    if q == "." or user.name.startswith(q) or user.email.lower().startswith(q):
        return True
    if " " in q and user.display.lower().startswith(q):
        return True
    return any(word.startswith(q) for word in user.words())


def search_users(emu, q, include_active, include_inactive):
    """All matches sorted by username; cached per query, the cache kept current by index_add/remove."""
    cache_key = (q, include_active, include_inactive)
    hit = emu.search_cache.get(cache_key)
    if hit is not None:
        return hit[1]
    by_name = emu.users_by_name
    if q == ".":
        names = emu.sorted_names
    else:
        found = set()
        hi = q + "\uffff"
        lst = emu.sorted_names
        found.update(lst[bisect.bisect_left(lst, q):bisect.bisect_left(lst, hi)])
        for index in (emu.email_index, emu.word_index):
            lo_i = bisect.bisect_left(index, (q,))
            hi_i = bisect.bisect_left(index, (hi,))
            found.update(name for _, name in index[lo_i:hi_i])
        if " " in q:  # a query with spaces can still match the start of a whole display name
            found.update(u.name for u in by_name.values() if u.display.lower().startswith(q))
        names = sorted(found)
    users = [by_name[n] for n in names]
    if not (include_active and include_inactive):
        users = [u for u in users if (u.active and include_active) or (not u.active and include_inactive)]
    if len(emu.search_cache) >= 64:
        emu.search_cache.clear()
    emu.search_cache[cache_key] = ([u.name for u in users], users)
    return users


def get_user_search(emu, query, caller, **_):
    emu.require_user(caller)
    q = query.get("username")
    if not q:
        raise ApiError(400, ["The username query parameter was not provided"])
    start = int_param(query, "startAt", 0, low=0)
    size = int_param(query, "maxResults", 50, low=0)
    users = search_users(emu, q.lower(), as_bool(query.get("includeActive"), True),
                         as_bool(query.get("includeInactive"), False))
    if emu.version >= (10, 0, 0):
        # JRASERVER-78520: at most 100 results, and nothing beyond the 100th match is reachable.
        end = min(start + min(size, 100), 100)
    else:
        end = start + min(size, 1000)
    return Reply(200, emu.users_array(users[start:end]) if start < end else "[]")


def check_user_fields(emu, body, creating, current=None):
    errors = {}
    if "name" in body or creating:
        name = body.get("name")
        if not isinstance(name, str) or not name.strip():
            errors["username"] = "You must specify a username."
        else:
            other = emu.users_by_name.get(name.strip().lower())
            if other is not None and other is not current:
                errors["username"] = "A user with that username already exists."
    if "emailAddress" in body or creating:
        email = body.get("emailAddress")
        if not isinstance(email, str) or (not (email == "" and not creating) and not EMAIL.match(email)):
            errors["email"] = "You must specify a valid email address."
    if "displayName" in body or creating:
        display = body.get("displayName")
        if not isinstance(display, str) or not display.strip():
            errors["displayName"] = "You must specify a full name."
    if "active" in body and not isinstance(body["active"], bool):
        errors["active"] = "The value of 'active' must be true or false."
    if creating and "applicationKeys" in body:
        keys = body["applicationKeys"]
        if not isinstance(keys, list) or any(k not in APPLICATION_KEYS for k in keys):
            errors["applicationKeys"] = f"Application keys must be some of: {', '.join(sorted(APPLICATION_KEYS))}."
    if errors:
        raise ApiError(400, [], errors)


def post_user(emu, body, caller, **_):
    emu.require_admin(caller)
    if not isinstance(body, dict):
        raise ApiError(400, ["The request body must be a JSON object describing the user."])
    check_user_fields(emu, body, creating=True)
    password = body.get("password") if isinstance(body.get("password"), str) else None
    user = emu.add_user(body["name"].strip(), body["emailAddress"], body["displayName"].strip(), password=password)
    default = emu.groups.get("jira-software-users")
    if default is not None and body.get("applicationKeys", ["jira-software"]):
        emu.add_member(default, user)  # default product access, as applicationKeys omitted means in Jira
    reply = Reply(201, emu.user_json(user))
    reply.headers.append(("Location", f"{emu.base_url}{REST}/user?username={quote(user.name)}"))
    return reply


def put_user(emu, query, body, caller, **_):
    emu.require_admin(caller)
    user = emu.find_user(query)
    if not isinstance(body, dict):
        raise ApiError(400, ["The request body must be a JSON object with the fields to change."])
    emu.protect_sysadmin(caller, user)
    check_user_fields(emu, body, creating=False, current=user)
    if body.get("active") is False and user.active:
        if user.key == caller.key:
            raise ApiError(400, ["You cannot deactivate the user you are logged in as."])
        if user.lead:
            raise ApiError(400, [f"Cannot deactivate user '{user.name}' because they are currently the project "
                                 "lead of one or more projects. Change the project lead first."])
    emu.index_remove(user)
    if "name" in body:
        new = body["name"].strip().lower()
        if new != user.name:
            del emu.users_by_name[user.name]
            user.name = new
            emu.users_by_name[new] = user
    if "emailAddress" in body:
        user.email = body["emailAddress"]
    if "displayName" in body:
        user.display = body["displayName"].strip()
    if "active" in body:
        user.active = body["active"]
    emu.index_add(user)
    emu.touch_user(user)
    return Reply(200, emu.user_json(user))


def delete_user(emu, query, caller, **_):
    emu.require_admin(caller)
    user = emu.find_user(query)
    emu.protect_sysadmin(caller, user)
    if user.key == caller.key:
        raise ApiError(400, ["You cannot delete the currently logged in user."])
    if user.lead:
        raise ApiError(400, [f"Cannot delete user '{user.name}' because they are currently the project lead of "
                             "one or more projects. Change the project lead first."])
    emu.remove_user(user)
    return Reply(204)


def get_groups_picker(emu, query, pairs, caller, **_):
    emu.require_user(caller)
    q = query.get("query", "").lower()
    asked = int_param(query, "maxResults", 20, low=0)
    limit = min(asked, emu.config["pickerLimit"])
    excluded = {v.lower() for k, v in pairs if k == "exclude"}
    matches = [lower for lower in emu.group_order if q in lower and lower not in excluded]
    groups = []
    for lower in matches[:limit]:
        name = emu.groups[lower].name
        escaped = html.escape(name)
        if q:
            at = lower.find(q)
            escaped = (html.escape(name[:at]) + "<b>" + html.escape(name[at:at + len(q)]) + "</b>"
                       + html.escape(name[at + len(q):]))
        labels = []
        if lower == "jira-administrators":
            labels = [{"text": "Admin", "title": "Users added to this group will be given administrative access.",
                       "type": "ADMIN"}]
        groups.append({"name": name, "html": escaped, "labels": labels})
    return Reply(200, json.dumps({"header": f"Showing {len(groups)} of {len(matches)} matching groups",
                                  "total": len(matches), "groups": groups}, ensure_ascii=False))


def get_group_member(emu, query, caller, **_):
    emu.require_admin(caller)
    group = emu.find_group(query.get("groupname"))
    include = as_bool(query.get("includeInactiveUsers"), False)
    start = int_param(query, "startAt", 0, low=0)
    asked = int_param(query, "maxResults", 50)
    cap = emu.config["memberPageCap"]
    size = cap if asked < 1 else min(asked, cap)
    members = emu.members_of(group, include)
    page = members[start:start + size]
    last = start + size >= len(members)
    base = f"{emu.base_url}{REST}/group/member?includeInactiveUsers={'true' if include else 'false'}" \
           f"&maxResults={size}&groupname={quote(group.name)}&startAt="
    parts = [f'"self":{json.dumps(base + str(start))}']
    if not last:
        parts.append(f'"nextPage":{json.dumps(base + str(start + size))}')
    parts += [f'"maxResults":{size}', f'"startAt":{start}', f'"total":{len(members)}',
              f'"isLast":{"true" if last else "false"}', f'"values":{emu.users_array(page)}']
    return Reply(200, "{" + ",".join(parts) + "}")


def post_group(emu, body, caller, **_):
    emu.require_admin(caller)
    name = body.get("name") if isinstance(body, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise ApiError(400, ["You must specify a valid group name."])
    name = name.strip()
    if name.lower() in emu.groups:
        raise ApiError(400, ["A group or user with this name already exists."])
    group = emu.add_group(name)
    reply = Reply(201, emu.group_json(group))
    reply.headers.append(("Location", f"{emu.base_url}{REST}/group?groupname={quote(name)}"))
    return reply


def delete_group(emu, query, caller, **_):
    emu.require_admin(caller)
    group = emu.find_group(query.get("groupname"))
    swap = query.get("swapGroup")
    if swap:
        if swap.lower() == group.name.lower():
            raise ApiError(400, ["You cannot swap a group with itself."])
        emu.find_group(swap)
    emu.remove_group(group)
    return Reply(200)


def post_group_user(emu, query, body, caller, **_):
    emu.require_admin(caller)
    group = emu.find_group(query.get("groupname"))
    # Jira DC identifies users by name only; a Cloud-style accountId is ignored.
    name = body.get("name") if isinstance(body, dict) else None
    if not isinstance(name, str) or not name:
        raise ApiError(400, ["You must specify the name of the user to add."])
    user = emu.users_by_name.get(name.lower())
    if user is None:
        raise ApiError(404, [f"The user named '{name}' does not exist"])
    emu.protect_sysadmin(caller, user)
    if user.key in group.members:
        raise ApiError(400, [f"Cannot add user. '{user.name}' is already a member of '{group.name}'"])
    emu.add_member(group, user)
    return Reply(201, emu.group_json(group))


def delete_group_user(emu, query, caller, **_):
    emu.require_admin(caller)
    group = emu.find_group(query.get("groupname"))
    name = query.get("username")
    if not name:
        raise ApiError(400, ["The username query parameter was not provided"])
    user = emu.users_by_name.get(name.lower())
    if user is None:
        raise ApiError(404, [f"The user named '{name}' does not exist"])
    emu.protect_sysadmin(caller, user)
    if user.key not in group.members:
        raise ApiError(400, [f"Cannot remove user. '{user.name}' is not a member of '{group.name}'"])
    emu.remove_member(group, user)
    return Reply(200)


ROUTES = {
    f"{REST}/serverInfo": {"GET": get_server_info},
    f"{REST}/mypermissions": {"GET": get_my_permissions},
    f"{REST}/myself": {"GET": get_myself},
    f"{REST}/user": {"GET": get_user, "POST": post_user, "PUT": put_user, "DELETE": delete_user},
    f"{REST}/user/list": {"GET": get_user_list},
    f"{REST}/user/search": {"GET": get_user_search},
    f"{REST}/groups/picker": {"GET": get_groups_picker},
    f"{REST}/group/member": {"GET": get_group_member},
    f"{REST}/group": {"POST": post_group, "DELETE": delete_group},
    f"{REST}/group/user": {"POST": post_group_user, "DELETE": delete_group_user},
}


# ------------------------------------------------------------ control API

def control_extra(emu, method, name, body):
    """The Jira-only control calls; the common ones are AtlassianEmulator.control's."""
    if (method, name) == ("POST", "user-flags"):
        user = emu.users_by_name.get(str(body.get("name", "")).lower())
        if user is None:
            return 404, error_body([f"no user {body.get('name')!r}"])
        if "projectLead" in body:
            user.lead = bool(body["projectLead"])
        if "systemAdmin" in body:
            user.sysadmin = bool(body["systemAdmin"])
        if "role" in body:
            user.role = body["role"]
        emu.dirty = True
        return 200, json.dumps({"name": user.name, "projectLead": user.lead, "systemAdmin": user.sysadmin,
                                "role": user.role})
    return None


def seed(emu, body):
    with no_gc(freeze=len(body.get("users", [])) > 500):
        return _seed(emu, body)


def _seed(emu, body):
    users = body.get("users", [])
    bulk = len(users) > 500
    created = 0
    for spec in users:
        name = str(spec["name"]).lower()
        if name in emu.users_by_name:
            raise ApiError(409, [f"user {name!r} exists"])
        key = spec.get("key")
        if key is not None and key in emu.users_by_key:
            raise ApiError(409, [f"user key {key!r} exists"])
        sysadmin = bool(spec.get("systemAdmin", False))
        emu.add_user(name, spec.get("emailAddress", f"{name}@example.com"), spec.get("displayName", name),
                     key=key, active=bool(spec.get("active", True)), password=spec.get("password"),
                     lead=bool(spec.get("projectLead", False)), sysadmin=sysadmin,
                     role=spec.get("role", "sysadmin" if sysadmin else "user"), token=spec.get("token"),
                     index=not bulk)
        created += 1
    if bulk:
        emu.rebuild_search_index()
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
    emu.dirty = True
    return {"users": created, "groups": groups, "memberships": members}


def state_view(emu):
    users = [{"key": u.key, "name": u.name, "emailAddress": u.email, "displayName": u.display, "active": u.active,
              "password": u.password, "projectLead": u.lead, "systemAdmin": u.sysadmin, "role": u.role,
              "captchaLocked": u.key in emu.captcha, "id": u.id}
             for u in (emu.users_by_id[i] for i in emu.ids)]
    names = {u.key: u.name for u in emu.users_by_key.values()}
    memberships = [[names[k], emu.groups[lower].name] for lower in emu.group_order
                   for k in emu.groups[lower].members]
    return {"users": users, "groups": [emu.groups[g].name for g in emu.group_order], "memberships": memberships,
            "config": emu.config, "counters": emu.counters, "faults": emu.faults_view()}


Emulator.control_extra = control_extra
Emulator.seed = seed
Emulator.state_view = state_view


def main():
    parser = argument_parser(__doc__.splitlines()[0], "11.3.8", "JIRA_EMULATOR")
    args = parse_arguments(parser, "JIRA_EMULATOR")
    serve(Emulator(args), args)


if __name__ == "__main__":
    main()
