#!/usr/bin/env python3
"""A stateful, in-memory emulator of the parts of Confluence Data Center's REST API that UserSync uses.

    python3 confluence_emulator.py --port P [--host 127.0.0.1] --state-dir D --version 10.2.14 \
        --admin-user NAME --admin-password PW --admin-token TOKEN [--generate USERS,GROUPS,MEMBERSHIPS]

(--admin-password and --admin-token may instead come from CONFLUENCE_EMULATOR_ADMIN_PASSWORD and
CONFLUENCE_EMULATOR_ADMIN_TOKEN.) Prints "ready URL" on standard output once it listens.

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
import time
import uuid
from collections import deque
from urllib.parse import quote, unquote

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from atlassian import (  # noqa: E402  (after the path entry that finds it)
    REASONS, ApiError, AtlassianEmulator, Reply, argument_parser, fill_groups, generated_person, int_param, no_gc,
    parse_arguments, serve,
)

REST = "/rest/api"
ADMIN_GROUP = "confluence-administrators"
USERS_GROUP = "confluence-users"
BUILTIN_GROUPS = (ADMIN_GROUP, USERS_GROUP)
# Confluence refuses these in a username (and spaces, and upper case: usernames are lower case).
BAD_NAME_CHARS = set("\\,+<>'\" \t\r\n")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
# userKeys look like Confluence's (32 hex digits, e.g. 4028d6768851c8900188556ba6000014): a fixed
# prefix and a counter keep them unique, stable and sortable.
KEY_PREFIX = "4028d676"
DEFAULT_CONFIG = {
    "userPageCap": 200,
    "groupPageCap": 200,
    "memberPageCap": 200,
    "licenceLimit": None,  # active users the licence allows; None = unlimited
    "callerRole": "sysadmin",
    "rateLimit": None,
    "requestLogLimit": 20000,
    "failNextDeletions": 0,
    "longTaskPolls": 1,  # status reads that report progress before a deletion task ends
}


class User:
    __slots__ = ("key", "name", "email", "display", "active", "password", "role", "token", "_json")

    def __init__(self, key, name, email, display, active=True, password=None, role="user", token=None):
        self.key = key
        self.name = name
        self.email = email
        self.display = display
        self.active = active
        self.password = password
        self.role = role
        self.token = token
        self._json = None


class Group:
    __slots__ = ("name", "members", "_sorted")

    def __init__(self, name):
        self.name = name
        self.members = {}  # user key -> None, insertion ordered
        self._sorted = None  # cached member list sorted by username; None = stale

    def invalidate(self):
        self._sorted = None


class LongTask:
    __slots__ = ("id", "username", "fail", "polls", "started", "done", "successful", "message")

    def __init__(self, task_id, username, fail, polls):
        self.id = task_id
        self.username = username
        self.fail = fail
        self.polls = polls  # progress reports left before the task ends
        self.started = time.time()
        self.done = False
        self.successful = False
        self.message = None


def parse_version(text):
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", str(text))
    if not match:
        raise ValueError(f"not a Confluence version: {text!r}")
    return tuple(int(part) for part in match.groups())


class Emulator(AtlassianEmulator):
    server_name = "ConfluenceEmulator"
    label = "confluence emulator"
    login_path = "/login.action"
    not_authenticated_message = "Authentication failed. Check your credentials."
    rate_limited_message = "Too many requests. Rate limit exceeded: try again later."

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
        self.sorted_names = []  # user listings are sorted by username
        self.next_key = 1
        self.groups = {}  # lower-case name -> Group
        self.group_order = []  # sorted lower-case names
        self.user_groups = {}  # user key -> set of lower-case group names
        self.tasks = {}
        self.reset_common()
        self.requests = deque(maxlen=self.config["requestLogLimit"])
        self.apply_config(options)
        # Every Confluence has its installing administrator, in confluence-administrators.
        name = self.args.admin_user.lower()
        admin = self.add_user(name, f"{name}@example.com", "Administrator", password=self.args.admin_password,
                              role="sysadmin", token=self.args.admin_token)
        self.admin_key = admin.key
        self.apply_role()
        for group in BUILTIN_GROUPS:
            self.add_group(group)
            self.add_member(self.groups[group], admin)
        self.dirty = True

    def apply_config(self, options):
        for name in ("userPageCap", "groupPageCap", "memberPageCap", "requestLogLimit", "longTaskPolls"):
            if name in options:
                value = int(options[name])
                if value < (0 if name == "longTaskPolls" else 1):
                    raise ApiError(400, [f"{name} is too small"])
                self.config[name] = value
        if "failNextDeletions" in options:
            self.config["failNextDeletions"] = max(0, int(options["failNextDeletions"]))
        if "licenceLimit" in options:
            limit = options["licenceLimit"]
            self.config["licenceLimit"] = None if limit is None else int(limit)
        if "version" in options:
            parse_version(options["version"])
            self.config["version"] = options["version"]
        if "callerRole" in options:
            if options["callerRole"] not in ("sysadmin", "admin", "user"):
                raise ApiError(400, ["callerRole must be sysadmin, admin or user"])
            self.config["callerRole"] = options["callerRole"]
            self.apply_role()
        if "rateLimit" in options:
            self.apply_rate_limit(options["rateLimit"])
        self.resize_request_log()

    def apply_role(self):
        admin = self.users_by_key.get(getattr(self, "admin_key", None))
        if admin:
            admin.role = self.config["callerRole"]
            admin._json = None

    @property
    def version(self):
        return parse_version(self.config["version"])

    def new_key(self):
        key = f"{KEY_PREFIX}{self.next_key:024x}"
        self.next_key += 1
        return key

    def add_user(self, name, email, display, key=None, active=True, password=None, role="user", token=None,
                 index=True):
        name = name.lower()
        key = key or self.new_key()
        user = User(key, name, email, display, active, password, role, token)
        self.users_by_key[key] = user
        self.users_by_name[name] = user
        self.user_groups[key] = set()
        if index:
            bisect.insort(self.sorted_names, name)
        return user

    def remove_user(self, user):
        for lower in self.user_groups.pop(user.key, ()):
            group = self.groups[lower]
            group.members.pop(user.key, None)
            group.invalidate()
        i = bisect.bisect_left(self.sorted_names, user.name)
        if i < len(self.sorted_names) and self.sorted_names[i] == user.name:
            del self.sorted_names[i]
        del self.users_by_key[user.key]
        del self.users_by_name[user.name]
        self.failed_logins.pop(user.key, None)
        self.captcha.discard(user.key)

    def touch_user(self, user):
        user._json = None

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
        i = bisect.bisect_left(self.group_order, lower)
        del self.group_order[i]

    def add_member(self, group, user):
        group.members[user.key] = None
        self.user_groups[user.key].add(group.name.lower())
        group.invalidate()

    def remove_member(self, group, user):
        del group.members[user.key]
        self.user_groups[user.key].discard(group.name.lower())
        group.invalidate()

    def members_of(self, group):
        if group._sorted is None:
            users = self.users_by_key
            group._sorted = sorted((users[k] for k in group.members), key=lambda u: u.name)
        return group._sorted

    def active_users(self):
        return sum(1 for u in self.users_by_key.values() if u.active)

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
        for lower in [g for g in self.groups if g not in BUILTIN_GROUPS]:
            del self.groups[lower]
        self.group_order = sorted(self.groups)
        for group in self.groups.values():
            group.invalidate()
        self.tasks = {}
        created = []
        for i in range(1, users + 1):
            email, display = generated_person(rnd, i)
            created.append(self.add_user(f"user{i:06d}", email, display, active=rnd.random() >= 0.05, index=False))
        self.sorted_names = sorted(self.users_by_name)
        group_objs = [self.add_group(f"group-{j:04d}") for j in range(1, groups + 1)]
        fill_groups(rnd, created, group_objs, memberships, self.user_groups)
        self.dirty = True
        return {"users": len(self.users_by_key), "groups": len(self.groups),
                "memberships": sum(len(g.members) for g in self.groups.values())}

    # ---------------------------------------------------------- persistence

    def snapshot(self):
        users = [[u.key, u.name, u.email, u.display, u.active, u.password, u.role, u.token]
                 for u in self.users_by_key.values()]
        return {
            "format": 1,
            "config": self.config,
            "adminKey": self.admin_key,
            "nextKey": self.next_key,
            "users": users,
            "groups": [[g.name, list(g.members)] for g in self.groups.values()],
            "captcha": sorted(self.captcha),
        }

    def restore(self, data):
        with no_gc():
            self._restore(data)

    def _restore(self, data):
        self.reset({})
        self.users_by_key.clear()
        self.users_by_name.clear()
        self.user_groups.clear()
        self.groups.clear()
        self.config.update(data.get("config", {}))
        for key, name, email, display, active, password, role, token in data["users"]:
            self.add_user(name, email, display, key=key, active=active, password=password, role=role, token=token,
                          index=False)
        self.sorted_names = sorted(self.users_by_name)
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
        self.dirty = False

    # ------------------------------------------------------------ rendering

    @staticmethod
    def error_body(status, messages=(), errors=None):
        """Confluence's RestError. data.errors is an array in the server's answers (the spec says object)."""
        message = "; ".join(messages) if messages else REASONS.get(status, "Error")
        return json.dumps({
            "statusCode": status,
            "data": {"authorized": status not in (401, 403), "valid": status != 400, "allowedInReadOnlyMode": True,
                     "errors": [{"message": {"key": field, "args": [], "translation": text}}
                                for field, text in (errors or {}).items()],
                     "successful": False},
            "message": message,
            "reason": REASONS.get(status, "Error"),
        }, ensure_ascii=False)

    def not_found_body(self, path):
        return self.error_body(404, [f"null for uri: {self.base_url}{path}"])

    def links(self):
        return {"base": self.base_url, "context": ""}

    def user_json(self, user, status=False):
        text = user._json
        if text is None:
            text = json.dumps({
                "type": "known",
                "username": user.name,
                "userKey": user.key,
                "profilePicture": {"path": "/images/icons/profilepics/default.svg", "width": 48, "height": 48,
                                   "isDefault": True},
                "displayName": user.display,
                "email": user.email,
                "_links": {"self": f"{self.base_url}{REST}/user?key={user.key}"},
                "_expandable": {"status": "", "operations": "", "details": "", "personalSpace": ""},
            }, separators=(",", ":"), ensure_ascii=False)
            user._json = text
        if status:
            # expand=status: the status replaces its _expandable entry.
            data = json.loads(text)
            data["_expandable"].pop("status", None)
            data["status"] = "Active" if user.active else "Deactivated"
            return json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        return text

    def group_json(self, group):
        return {"type": "group", "name": group.name,
                "_links": {"self": f"{self.base_url}{REST}/group/{quote(group.name, safe='')}"}}

    def page(self, path, start, limit, items, total, extra_query=""):
        """Confluence's paged list: {results, start, limit, size, _links: {self, next?, prev?, base, context}}.
        items are JSON texts; the next link appears only when there is more."""
        base = f"{self.base_url}{REST}{path}?{extra_query}"
        links = self.links()
        links["self"] = f"{base}limit={limit}&start={start}"
        if start + len(items) < total:
            links["next"] = f"{REST}{path}?{extra_query}limit={limit}&start={start + len(items)}"
        if start > 0:
            links["prev"] = f"{REST}{path}?{extra_query}limit={limit}&start={max(0, start - limit)}"
        return ('{"results":[' + ",".join(items) + f'],"start":{start},"limit":{limit},"size":{len(items)},'
                f'"_links":{json.dumps(links)}}}')

    # ------------------------------------------------------------- REST API

    def require_admin(self, caller):
        self.require_user(caller)
        if self.role_of(caller) not in ("sysadmin", "admin"):
            raise ApiError(403, ["Permission denied: only Confluence administrators can do this."])

    def route(self, method, path, query, pairs, body, caller):
        if not path.startswith(REST + "/"):
            raise ApiError(404, [f"null for uri: {self.base_url}{path}"])
        rest = path[len(REST):]
        for pattern, handlers, since in ROUTES:
            match = pattern.fullmatch(rest)
            if match is None:
                continue
            if since is not None and self.version < since:
                break
            handler = handlers.get(method)
            if handler is None:
                raise ApiError(405, [f"Method {method} is not allowed for {path}"])
            args = [unquote(part) for part in match.groups()]
            return handler(self, *args, query=query, body=body, caller=caller)
        raise ApiError(404, [f"null for uri: {self.base_url}{path}"])

    def find_user(self, name):
        user = self.users_by_name.get(name.lower()) if name else None
        if user is None:
            raise ApiError(404, [f"No user found with username: {name}"])
        return user

    def find_group(self, name):
        group = self.groups.get(name.lower()) if name else None
        if group is None:
            raise ApiError(404, [f"Group not found: {name}"])
        return group


def paging(emu, query, cap_name, default):
    start = int_param(query, "start", 0)
    if start < 0:
        raise ApiError(400, ["start must be non-negative"])
    limit = int_param(query, "limit", default)
    cap = emu.config[cap_name]
    limit = cap if limit < 1 else min(limit, cap)
    return start, limit


def json_object(body, what):
    if not isinstance(body, dict):
        raise ApiError(400, [f"The request body must be a JSON object {what}."])
    return body


# -------------------------------------------------------------- resources

def get_user_list(emu, query, caller, **_):
    emu.require_user(caller)
    start, limit = paging(emu, query, "userPageCap", 100)
    status = "status" in query.get("expand", "").split(",")
    names = emu.sorted_names[start:start + limit]
    users = emu.users_by_name
    items = [emu.user_json(users[n], status) for n in names]
    extra = "expand=status&" if status else ""
    return Reply(200, emu.page("/user/list", start, limit, items, len(emu.sorted_names), extra))


def get_user(emu, query, caller, **_):
    emu.require_user(caller)
    key, name = query.get("key"), query.get("username")
    if key:
        user = emu.users_by_key.get(key)
        if user is None:
            raise ApiError(404, [f"No user found with key: {key}"])
    elif name:
        user = emu.find_user(name)
    else:
        raise ApiError(400, ["A username or key query parameter is required"])
    return Reply(200, emu.user_json(user, "status" in query.get("expand", "").split(",")))


def get_user_current(emu, query, caller, **_):
    emu.require_user(caller)
    return Reply(200, emu.user_json(caller, "status" in query.get("expand", "").split(",")))


def get_server_information(emu, caller, **_):
    emu.require_user(caller)
    major, minor, patch = (list(emu.version) + [0, 0, 0])[:3]
    build = major * 1000 + minor * 100 + patch
    return Reply(200, json.dumps({"baseUrl": emu.base_url, "version": emu.config["version"], "buildNumber": build,
                                  "marketplaceBuildNumber": build, "buildDate": "2025-01-01T00:00:00.000Z"}))


# The global permissions each role holds, as Confluence names them (targetType, operationKey).
ROLE_PERMISSIONS = {
    "user": [("application", "use")],
    "admin": [("application", "use"), ("application", "administer")],
    "sysadmin": [("application", "use"), ("application", "administer"), ("system", "administer")],
}


def get_user_permissions(emu, name, caller, **_):
    emu.require_admin(caller)
    user = emu.users_by_key.get(name) or emu.find_user(name)
    subject = {"type": "user", "displayName": user.display}
    return Reply(200, json.dumps([{"operation": {"targetType": target, "operationKey": key}, "subject": subject}
                                  for target, key in ROLE_PERMISSIONS[user.role]]))


def check_username(name):
    if not isinstance(name, str) or not name:
        raise ApiError(400, ["userName is required"], {"userName": "A username is required."})
    if name != name.lower() or any(c in BAD_NAME_CHARS for c in name):
        raise ApiError(400, [f"Invalid username '{name}': usernames must be lower case and must not contain "
                             "spaces or any of \\ , + < > ' \""], {"userName": "The username is invalid."})


def check_email(email, required):
    if email is None and not required:
        return
    if not isinstance(email, str) or not EMAIL.match(email):
        raise ApiError(400, ["A valid email address is required"], {"email": "The email address is invalid."})


def post_admin_user(emu, body, caller, **_):
    emu.require_admin(caller)
    body = json_object(body, "describing the user")
    name = body.get("userName")
    check_username(name)
    check_email(body.get("email"), required=True)
    full = body.get("fullName")
    if not isinstance(full, str) or not full.strip():
        raise ApiError(400, ["fullName is required"], {"fullName": "A full name is required."})
    password = body.get("password")
    if not (isinstance(password, str) and password) and body.get("notifyViaEmail") is not True:
        raise ApiError(400, ["A password is required unless the user is notified by email"],
                       {"password": "A password is required."})
    if name in emu.users_by_name:
        raise ApiError(409, [f"A user with username '{name}' already exists"])
    limit = emu.config["licenceLimit"]
    if limit is not None and emu.active_users() >= limit:
        raise ApiError(402, [f"The licence allows {limit} users and all of them are in use"])
    user = emu.add_user(name, body["email"], full.strip(), password=password if isinstance(password, str) else None)
    default = emu.groups.get(USERS_GROUP)
    if default is not None:  # Confluence's default group for new users
        emu.add_member(default, user)
    return Reply(201, json.dumps({"userKey": user.key}))


def put_admin_user(emu, username, body, caller, **_):
    emu.require_admin(caller)
    user = emu.find_user(username)
    body = json_object(body, "with the fields to change")
    if "email" in body:
        check_email(body["email"], required=True)
    if "fullName" in body and (not isinstance(body["fullName"], str) or not body["fullName"].strip()):
        raise ApiError(400, ["fullName must not be empty"], {"fullName": "A full name is required."})
    if "email" in body:
        user.email = body["email"]
    if "fullName" in body:
        user.display = body["fullName"].strip()
    emu.touch_user(user)
    return Reply(204)


def put_disable(emu, username, caller, **_):
    emu.require_admin(caller)
    user = emu.find_user(username)
    if user.key == caller.key:
        raise ApiError(400, ["You cannot deactivate yourself"])
    user.active = False
    emu.touch_user(user)
    return Reply(204)


def put_enable(emu, username, caller, **_):
    emu.require_admin(caller)
    user = emu.find_user(username)
    user.active = True
    emu.touch_user(user)
    return Reply(204)


def delete_admin_user(emu, username, caller, **_):
    emu.require_admin(caller)
    user = emu.find_user(username)
    if user.key == caller.key:
        raise ApiError(400, ["You cannot delete yourself"])
    fail = emu.config["failNextDeletions"] > 0
    if fail:
        emu.config["failNextDeletions"] -= 1
    task = LongTask(str(uuid.uuid4()), user.name, fail, emu.config["longTaskPolls"])
    emu.tasks[task.id] = task
    if task.polls == 0:
        finish_task(emu, task)
    status = f"{emu.base_url}{REST}/longtask/{task.id}"
    return Reply(202, json.dumps({"id": task.id, "links": {"status": status}}),
                 [("Location", status)])


def finish_task(emu, task):
    task.done = True
    user = emu.users_by_name.get(task.username)
    if task.fail:
        task.message = f"Could not delete user {task.username}: the deletion failed (emulated)"
    elif user is None:
        task.message = f"User {task.username} no longer exists"
    else:
        emu.remove_user(user)
        task.successful = True
        task.message = f"User {task.username} deleted"
    emu.dirty = True


def get_longtask(emu, task_id, caller, **_):
    emu.require_user(caller)
    task = emu.tasks.get(task_id)
    if task is None:
        raise ApiError(404, [f"No long running task with id {task_id}"])
    if not task.done:
        if task.polls > 0:
            task.polls -= 1
        else:
            finish_task(emu, task)
    percentage = 100 if task.done else 50
    data = {
        "id": task.id,
        "name": {"key": "com.atlassian.confluence.user.delete.task", "args": [],
                 "translation": f"Delete user {task.username}"},
        "elapsedTime": int((time.time() - task.started) * 1000),
        "percentageComplete": percentage,
        "successful": task.successful,
        "finished": task.done,
        "messages": [{"key": "", "args": [], "translation": task.message}] if task.message else [],
        "_links": {"self": f"{emu.base_url}{REST}/longtask/{task.id}"},
    }
    return Reply(200, json.dumps(data))


def get_groups(emu, query, caller, **_):
    emu.require_user(caller)
    start, limit = paging(emu, query, "groupPageCap", 200)
    items = [json.dumps(emu.group_json(emu.groups[g])) for g in emu.group_order[start:start + limit]]
    return Reply(200, emu.page("/group", start, limit, items, len(emu.group_order)))


def get_group(emu, name, caller, **_):
    emu.require_user(caller)
    return Reply(200, json.dumps(emu.group_json(emu.find_group(name))))


def members_page(emu, group, query, path, extra):
    start, limit = paging(emu, query, "memberPageCap", 200)
    members = emu.members_of(group)
    status = "status" in query.get("expand", "").split(",")
    items = [emu.user_json(u, status) for u in members[start:start + limit]]
    return Reply(200, emu.page(path, start, limit, items, len(members), extra))


def get_group_members(emu, name, query, caller, **_):
    emu.require_user(caller)
    group = emu.find_group(name)
    return members_page(emu, group, query, f"/group/{quote(group.name, safe='')}/member", "")


def get_group_member_by_query(emu, query, caller, **_):
    emu.require_user(caller)
    name = query.get("groupName")
    if not name:
        raise ApiError(400, ["groupName is required"])
    group = emu.find_group(name)
    return members_page(emu, group, query, "/group/member", f"groupName={quote(group.name, safe='')}&")


def post_admin_group(emu, body, caller, **_):
    emu.require_admin(caller)
    body = json_object(body, "with the group's name")
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ApiError(400, ["A group name is required"], {"name": "A group name is required."})
    name = name.strip()
    if name.lower() in emu.groups:
        raise ApiError(409, [f"A group with name '{name}' already exists"])
    return Reply(200, json.dumps(emu.group_json(emu.add_group(name))))


def delete_admin_group(emu, name, caller, **_):
    emu.require_admin(caller)
    group = emu.find_group(name)
    if group.name.lower() == ADMIN_GROUP:
        raise ApiError(400, [f"Cannot delete '{group.name}': it is the last group with Confluence "
                             "administration permission"])
    emu.remove_group(group)
    return Reply(204)


def put_user_group(emu, username, groupname, caller, **_):
    emu.require_admin(caller)
    user = emu.find_user(username)
    group = emu.find_group(groupname)
    if user.key not in group.members:
        emu.add_member(group, user)
    return Reply(204)


def delete_user_group(emu, username, groupname, caller, **_):
    emu.require_admin(caller)
    user = emu.find_user(username)
    group = emu.find_group(groupname)
    if user.key in group.members:
        if group.name.lower() == ADMIN_GROUP and len(group.members) == 1:
            raise ApiError(400, [f"Cannot remove the last member of '{group.name}'"])
        emu.remove_member(group, user)
    return Reply(204)


SEGMENT = r"([^/]+)"
# (path below /rest/api, {method: handler}, first version that has it or None)
ROUTES = [
    (re.compile(r"/server-information"), {"GET": get_server_information}, None),
    (re.compile(rf"/permissions/user/{SEGMENT}"), {"GET": get_user_permissions}, None),
    (re.compile(r"/user/list"), {"GET": get_user_list}, None),
    (re.compile(r"/user/current"), {"GET": get_user_current}, None),
    (re.compile(r"/user"), {"GET": get_user}, None),
    (re.compile(r"/admin/user"), {"POST": post_admin_user}, None),
    (re.compile(rf"/admin/user/{SEGMENT}/disable"), {"PUT": put_disable}, None),
    (re.compile(rf"/admin/user/{SEGMENT}/enable"), {"PUT": put_enable}, None),
    (re.compile(rf"/admin/user/{SEGMENT}"), {"PUT": put_admin_user, "DELETE": delete_admin_user}, None),
    (re.compile(rf"/longtask/{SEGMENT}"), {"GET": get_longtask}, None),
    (re.compile(r"/group"), {"GET": get_groups}, None),
    (re.compile(r"/group/member"), {"GET": get_group_member_by_query}, (10, 2, 0)),
    (re.compile(rf"/group/{SEGMENT}/member"), {"GET": get_group_members}, None),
    (re.compile(rf"/group/{SEGMENT}"), {"GET": get_group}, None),
    (re.compile(r"/admin/group"), {"POST": post_admin_group}, None),
    (re.compile(rf"/admin/group/{SEGMENT}"), {"DELETE": delete_admin_group}, None),
    (re.compile(rf"/user/{SEGMENT}/group/{SEGMENT}"), {"PUT": put_user_group, "DELETE": delete_user_group}, None),
]


# ------------------------------------------------------------ control API

def seed(emu, body):
    with no_gc(freeze=len(body.get("users", [])) > 500):
        return _seed(emu, body)


def _seed(emu, body):
    created = 0
    for spec in body.get("users", []):
        name = str(spec["name"]).lower()
        if name in emu.users_by_name:
            raise ApiError(409, [f"user {name!r} exists"])
        key = spec.get("key")
        if key is not None and key in emu.users_by_key:
            raise ApiError(409, [f"user key {key!r} exists"])
        emu.add_user(name, spec.get("email", f"{name}@example.com"), spec.get("fullName", name), key=key,
                     active=bool(spec.get("active", True)), password=spec.get("password"),
                     role=spec.get("role", "user"), token=spec.get("token"), index=False)
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
    emu.dirty = True
    return {"users": created, "groups": groups, "memberships": members}


def state_view(emu):
    users = [{"key": u.key, "name": u.name, "email": u.email, "fullName": u.display, "active": u.active,
              "password": u.password, "role": u.role, "captchaLocked": u.key in emu.captcha}
             for u in (emu.users_by_name[n] for n in emu.sorted_names)]
    names = {u.key: u.name for u in emu.users_by_key.values()}
    memberships = [[names[k], emu.groups[lower].name] for lower in emu.group_order
                   for k in emu.groups[lower].members]
    tasks = [{"id": t.id, "username": t.username, "finished": t.done, "successful": t.successful}
             for t in emu.tasks.values()]
    return {"users": users, "groups": [emu.groups[g].name for g in emu.group_order], "memberships": memberships,
            "tasks": tasks, "config": emu.config, "counters": emu.counters, "faults": emu.faults_view()}


Emulator.seed = seed
Emulator.state_view = state_view


def main():
    parser = argument_parser(__doc__.splitlines()[0], "10.2.14", "CONFLUENCE_EMULATOR")
    args = parse_arguments(parser, "CONFLUENCE_EMULATOR")
    serve(Emulator(args), args)


if __name__ == "__main__":
    main()
