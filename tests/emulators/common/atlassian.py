"""What the Atlassian Data Center emulators (Jira, Confluence) have in common.

The HTTP plumbing, the request log and counters, the fault rules and the rate limit of the
control API, Basic and Bearer authentication with the CAPTCHA lock, state saving and the start-up
("ready URL") are the same for every product; the resources, the error format and the data model
are each emulator's own. Python 3.11 standard library only.

An emulator subclasses AtlassianEmulator and provides:
    users_by_name, users_by_key, admin_key, captcha, failed_logins (see authenticate)
    error_body(status, messages, errors) -> str     the product's error format
    route(method, path, query, pairs, body, caller) -> Reply
    control_extra(method, name, body) -> (status, text) or None   product-only control calls
    reset(options), apply_config(options), seed(body), state_view(), snapshot(), restore(data),
    generate(users, groups, memberships, seed)
"""

import argparse
import base64
import gc
import json
import math
import os
import re
import signal
import socket
import sys
import threading
import time
import traceback
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, urlsplit

JSON_TYPE = "application/json;charset=UTF-8"
REASONS = {
    200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 302: "Found", 400: "Bad Request", 401: "Unauthorized",
    402: "Payment Required", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict",
    415: "Unsupported Media Type", 429: "Too Many Requests", 500: "Internal Server Error",
    502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
}


FIRST_NAMES = ("Anna", "Ben", "Chiara", "David", "Elena", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Klara",
               "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Samuel", "Tara", "Uwe", "Vera", "Wen", "Yusuf", "Zoe")
LAST_NAMES = ("Schmidt", "Meyer", "Rossi", "Dubois", "Nowak", "Garcia", "Jensen", "Kowalski", "Müller", "Novak",
              "Smith", "Tanaka", "Okafor", "Silva", "Larsen", "Fischer", "Weber", "Moreau", "Costa", "Brown")


def generated_person(rnd, i):
    """The e-mail address and display name of the i-th generated user, drawn from `rnd`."""
    first = FIRST_NAMES[rnd.randrange(len(FIRST_NAMES))]
    last = LAST_NAMES[rnd.randrange(len(LAST_NAMES))]
    return f"{first.lower()}.{last.lower()}.{i}@example.com", f"{first} {last}"


def fill_groups(rnd, users, groups, memberships, user_groups):
    """About `memberships` members drawn from `users` into `groups` (objects with a `name` and a
    `members` dict by user key), in Zipf-like sizes: a few big groups, many small ones.
    `user_groups` maps each user key to the set of its groups' lower-case names."""
    if not users or not groups or memberships <= 0:
        return
    weights = [1.0 / (j + 1) ** 0.9 for j in range(len(groups))]
    total = sum(weights)
    sizes = [min(len(users), max(1, round(memberships * w / total))) for w in weights]
    excess = sum(sizes) - memberships
    j = len(sizes) - 1
    while excess > 0 and j >= 0:  # trim from the smallest groups
        cut = min(excess, sizes[j] - 1)
        sizes[j] -= cut
        excess -= cut
        j -= 1
    for group, size in zip(groups, sizes):
        lower = group.name.lower()
        for user in rnd.sample(users, size):
            group.members[user.key] = None
            user_groups[user.key].add(lower)


class ApiError(Exception):
    """An error answer; the emulator's error_body renders it in the product's format."""

    def __init__(self, status, messages=(), errors=None, headers=None):
        super().__init__(status)
        self.status = status
        self.messages = list(messages)
        self.errors = errors or {}
        self.headers = headers or []


class Reply:
    __slots__ = ("status", "headers", "body", "drop")

    def __init__(self, status, body=None, headers=None, drop=False):
        self.status = status
        self.body = body  # str or None
        self.headers = headers or []
        self.drop = drop


class no_gc:
    """Bulk work allocates many long-lived containers: the cyclic collector would walk the whole
    state again and again meanwhile (several times slower), so pause it, then freeze what exists."""

    def __init__(self, freeze=True):
        self.freeze = freeze

    def __enter__(self):
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc):
        if self.was_enabled:
            gc.enable()
        if self.freeze:
            gc.freeze()
        return False


def fmt_num(value):
    return str(int(value)) if float(value).is_integer() else str(value)


def int_param(query, name, default, low=None):
    text = query.get(name)
    if text is None or text == "":
        return default
    try:
        value = int(text)
    except ValueError:
        raise ApiError(400, [f"The value '{text}' of the '{name}' parameter is not a number"])
    if low is not None and value < low:
        value = low
    return value


def as_bool(value, default):
    if value is None:
        return default
    return str(value).lower() == "true"


class AtlassianEmulator:
    """The product-independent half of an emulator; see the module's docstring."""

    server_name = "AtlassianEmulator"
    label = "emulator"  # for messages on standard error
    captcha_after = 3  # failed Basic logins before the CAPTCHA lock
    login_path = "/login.jsp"  # named in X-Authentication-Denied-Reason
    not_authenticated_message = ("You are not authenticated. Authentication required to perform this "
                                 "operation.")
    rate_limited_message = "Rate limit exceeded. Try again later."

    def __init__(self, args):
        self.args = args
        self.lock = threading.RLock()
        self.base_url = ""
        self.dirty = False
        self.started = time.time()
        self.requests = deque(maxlen=20000)

    def reset_common(self):
        """The product-independent part of a reset: no faults, counters, buckets or CAPTCHA locks."""
        self.failed_logins = {}
        self.captcha = set()
        self.buckets = {}
        self.faults = []
        self.counters = {"requests": 0, "byStatus": {}, "byEndpoint": {}, "faults": 0, "dropped": 0,
                         "rateLimited": 0, "authFailures": 0}

    def apply_rate_limit(self, limit):
        """config.rateLimit: null, or {capacity, fillRate (or fillRatePerSecond), exempt?}."""
        if limit is None:
            self.config["rateLimit"] = None
        else:
            capacity = float(limit.get("capacity", 10))
            fill = float(limit.get("fillRate", limit.get("fillRatePerSecond", 1)))
            if capacity < 1 or fill <= 0:
                raise ApiError(400, ["rateLimit needs capacity >= 1 and fillRate > 0"])
            self.config["rateLimit"] = {"capacity": capacity, "fillRate": fill,
                                        "exempt": [str(u).lower() for u in limit.get("exempt", [])]}
        self.buckets = {}

    def resize_request_log(self):
        if self.requests.maxlen != self.config["requestLogLimit"]:
            self.requests = deque(self.requests, maxlen=self.config["requestLogLimit"])

    # ---------------------------------------------------------- persistence

    def save(self, state_dir):
        with self.lock:
            if not self.dirty:
                return 0.0
            started = time.monotonic()
            with no_gc(freeze=False):  # ten times faster for a big state, and it runs under the lock
                data = self.snapshot()
            self.dirty = False
        text = json.dumps(data, separators=(",", ":"))
        path = os.path.join(state_dir, "state.json")
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
        return time.monotonic() - started

    # ------------------------------------------------------------- REST API

    def canonical_path(self, path):
        return path

    def anonymous_ok(self, path):
        return False

    def handle_rest(self, method, path, raw_query, pairs, raw_body, headers):
        """Everything under /rest: faults, authentication, rate limiting, then the resource."""
        query = dict(pairs)
        self.counters["requests"] += 1
        rule = self.match_fault(method, path, raw_query)
        if rule is not None and rule["mode"] in ("answer", "drop"):
            reply = self.fault_reply(rule)
            self.record(method, path, query, raw_body, reply)
            return reply
        try:
            body = self.parse_body(raw_body, headers)
        except ApiError as error:
            reply = self.error_reply(error)
            self.record(method, path, query, raw_body, reply)
            return reply
        caller = None
        extra = []
        try:
            path = self.canonical_path(path)
            caller = self.authenticate(headers, anonymous_ok=self.anonymous_ok(path))
            if caller is not None:
                extra = self.rate_limit(caller)
            reply = self.route(method, path, query, pairs, body, caller)
            if method != "GET" and reply.status < 400:
                self.dirty = True
        except ApiError as error:
            reply = self.error_reply(error)
        reply.headers.extend(extra)
        reply.headers.append(("X-AUSERNAME", quote(caller.name) if caller else "anonymous"))
        if rule is not None:  # apply-then-fail / apply-then-drop: the change above stays made
            reply = self.fault_reply(rule, applied=True)
        self.record(method, path, query, raw_body, reply, body)
        return reply

    def parse_body(self, raw, headers):
        if not raw:
            return None
        ctype = (headers.get("Content-Type") or "").lower()
        if "json" not in ctype:
            raise ApiError(415, ["Unsupported Media Type: send application/json"])
        try:
            return json.loads(raw)
        except ValueError as error:
            raise ApiError(400, [f"Unexpected character in the request body: {error}"])

    def error_reply(self, error):
        return Reply(error.status, self.error_body(error.status, error.messages, error.errors),
                     list(error.headers))

    def record(self, method, path, query, raw, reply, body=None):
        status = reply.status if not reply.drop else 0
        counters = self.counters
        key = str(status)
        counters["byStatus"][key] = counters["byStatus"].get(key, 0) + 1
        endpoint = f"{method} {path}"
        if len(counters["byEndpoint"]) < 1000 or endpoint in counters["byEndpoint"]:
            counters["byEndpoint"][endpoint] = counters["byEndpoint"].get(endpoint, 0) + 1
        if body is None and raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode("utf-8", "replace")
        self.requests.append({"method": method, "path": path, "query": query, "body": body, "status": status})

    # Faults --------------------------------------------------------------

    def match_fault(self, method, path, raw_query):
        for rule in self.faults:
            if rule["remaining"] == 0:
                continue
            if rule["method"] not in ("*", method):
                continue
            if rule["pathRe"] is not None and not rule["pathRe"].search(path):
                continue
            if rule["queryRe"] is not None and not rule["queryRe"].search(raw_query):
                continue
            if rule["remaining"] > 0:
                rule["remaining"] -= 1
            self.counters["faults"] += 1
            return rule
        return None

    def fault_reply(self, rule, applied=False):
        mode = rule["mode"]
        if mode == "drop" or mode == "apply-then-drop" or (applied and rule["status"] == 0):
            self.counters["dropped"] += 1
            return Reply(0, drop=True)
        status = rule["status"]
        body = rule["body"]
        if body is None:
            if status == 429:
                body = self.error_body(status, [self.rate_limited_message])
            else:
                body = self.error_body(status, [f"Emulated fault: HTTP {status}"])
        elif not isinstance(body, str):
            body = json.dumps(body)
        headers = [(k, str(v)) for k, v in rule["headers"].items()]
        if rule["retryAfter"] is not None:
            headers.append(("Retry-After", str(rule["retryAfter"])))
        if status == 429:
            limit = self.config["rateLimit"] or {"capacity": 100, "fillRate": 10}
            headers += [("X-RateLimit-Limit", str(int(limit["capacity"]))), ("X-RateLimit-Remaining", "0"),
                        ("X-RateLimit-Interval-Seconds", "1"), ("X-RateLimit-FillRate", fmt_num(limit["fillRate"]))]
            if rule["retryAfter"] is None:
                headers.append(("Retry-After", "1"))
        return Reply(status, body, headers)

    def set_faults(self, rules):
        added = []
        for raw in rules:
            mode = raw.get("mode", "answer")
            if mode not in ("answer", "drop", "apply-then-fail", "apply-then-drop"):
                raise ApiError(400, [f"unknown fault mode {mode!r}"])
            status = int(raw.get("status", 0 if mode.endswith("drop") else (500 if mode == "apply-then-fail" else 503)))
            try:
                rule = {
                    "method": str(raw.get("method", "*")).upper(),
                    "path": raw.get("path"),
                    "pathRe": re.compile(raw["path"]) if raw.get("path") else None,
                    "query": raw.get("query"),
                    "queryRe": re.compile(raw["query"]) if raw.get("query") else None,
                    "status": status,
                    "remaining": int(raw.get("count", 1)),
                    "retryAfter": raw.get("retryAfter"),
                    "mode": mode,
                    "body": raw.get("body"),
                    "headers": dict(raw.get("headers", {})),
                }
            except re.error as error:
                raise ApiError(400, [f"bad regular expression: {error}"])
            if mode == "answer" and not 100 <= status <= 599:
                raise ApiError(400, ["an answer fault needs a status"])
            added.append(rule)
        self.faults.extend(added)
        return len(added)

    def faults_view(self):
        return [{k: v for k, v in r.items() if not k.endswith("Re")} for r in self.faults if r["remaining"] != 0]

    # Authentication -----------------------------------------------------------

    def authenticate(self, headers, anonymous_ok=False):
        auth = headers.get("Authorization")
        if not auth:
            if anonymous_ok:
                return None
            raise self.not_authenticated()
        scheme, _, value = auth.partition(" ")
        scheme = scheme.lower()
        value = value.strip()
        if scheme == "bearer":
            for user in self.token_users():
                if user.token == value and user.active:
                    return user
            self.counters["authFailures"] += 1
            raise self.not_authenticated()
        if scheme != "basic":
            self.counters["authFailures"] += 1
            raise self.not_authenticated()
        try:
            name, _, password = base64.b64decode(value, validate=True).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            self.counters["authFailures"] += 1
            raise self.not_authenticated()
        user = self.users_by_name.get(name.lower())
        if user is not None and user.key in self.captcha:
            self.counters["authFailures"] += 1
            raise ApiError(403, ["CAPTCHA_CHALLENGE: too many failed login attempts; log in through the web "
                                 "interface and answer the CAPTCHA, or ask an administrator to reset it."],
                           headers=[("X-Seraph-LoginReason", "AUTHENTICATION_DENIED"),
                                    ("X-Authentication-Denied-Reason",
                                     f"CAPTCHA_CHALLENGE; login-url={self.base_url}{self.login_path}")])
        if user is not None and user.password is not None and user.password == password and user.active:
            self.failed_logins.pop(user.key, None)
            return user
        self.counters["authFailures"] += 1
        if user is not None:
            count = self.failed_logins.get(user.key, 0) + 1
            self.failed_logins[user.key] = count
            if count >= self.captcha_after:
                self.captcha.add(user.key)
                self.dirty = True
        raise self.not_authenticated()

    def token_users(self):
        admin = self.users_by_key.get(self.admin_key)
        if admin is not None:
            yield admin
        for user in self.users_by_key.values():
            if user.token and user.key != self.admin_key:
                yield user

    def not_authenticated(self):
        return ApiError(401, [self.not_authenticated_message],
                        headers=[("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")])

    def rate_limit(self, caller):
        limit = self.config["rateLimit"]
        if limit is None or caller.name in limit["exempt"]:
            return []
        now = time.monotonic()
        capacity, fill = limit["capacity"], limit["fillRate"]
        tokens, last = self.buckets.get(caller.key, (capacity, now))
        tokens = min(capacity, tokens + (now - last) * fill)
        headers = [("X-RateLimit-Limit", str(int(capacity))), ("X-RateLimit-Interval-Seconds", "1"),
                   ("X-RateLimit-FillRate", fmt_num(fill))]
        if tokens < 1:
            self.buckets[caller.key] = (tokens, now)
            self.counters["rateLimited"] += 1
            wait = max(1, math.ceil((1 - tokens) / fill))
            raise ApiError(429, [self.rate_limited_message],
                           headers=headers + [("X-RateLimit-Remaining", "0"), ("Retry-After", str(wait))])
        tokens -= 1
        self.buckets[caller.key] = (tokens, now)
        return headers + [("X-RateLimit-Remaining", str(int(tokens)))]

    def role_of(self, caller):
        return caller.role if caller is not None else "anonymous"

    def require_user(self, caller):
        if caller is None:
            raise self.not_authenticated()

    # ------------------------------------------------------------ control API

    def control(self, method, path, query, raw):
        """Test-owned API under /_emulator/ (no authentication). Returns (status, body)."""
        try:
            body = json.loads(raw) if raw else {}
        except ValueError as error:
            return 400, self.error_body(400, [f"bad JSON: {error}"])
        name = path[len("/_emulator/"):].strip("/")
        try:
            if (method, name) == ("GET", "health"):
                return 200, json.dumps({"status": "ok", "version": self.config["version"],
                                        "users": len(self.users_by_key), "groups": len(self.groups),
                                        "uptimeSeconds": round(time.time() - self.started, 1)})
            if (method, name) == ("POST", "reset"):
                self.reset(body)
                return 200, json.dumps({"config": self.config})
            if (method, name) == ("POST", "config"):
                self.apply_config(body)
                self.dirty = True
                return 200, json.dumps({"config": self.config})
            if (method, name) == ("GET", "config"):
                return 200, json.dumps({"config": self.config})
            if (method, name) == ("POST", "seed"):
                return 200, json.dumps(self.seed(body))
            if (method, name) == ("POST", "generate"):
                return 200, json.dumps(self.generate(int(body.get("users", 0)), int(body.get("groups", 0)),
                                                     int(body.get("memberships", 0)), int(body.get("seed", 1))))
            if (method, name) == ("GET", "state"):
                return 200, json.dumps(self.state_view(), ensure_ascii=False)
            if (method, name) == ("POST", "faults"):
                added = self.set_faults(body.get("rules", []))
                return 200, json.dumps({"added": added, "rules": self.faults_view()})
            if (method, name) == ("GET", "faults"):
                return 200, json.dumps({"rules": self.faults_view()})
            if (method, name) == ("DELETE", "faults"):
                self.faults = []
                return 200, json.dumps({"rules": []})
            if (method, name) == ("POST", "captcha"):
                user = self.users_by_name.get(str(body.get("user", "")).lower())
                if user is None:
                    return 404, self.error_body(404, [f"no user {body.get('user')!r}"])
                self.failed_logins.pop(user.key, None)
                if body.get("locked", False):
                    self.captcha.add(user.key)
                else:
                    self.captcha.discard(user.key)
                self.dirty = True
                return 200, json.dumps({"user": user.name, "locked": user.key in self.captcha})
            if (method, name) == ("GET", "requests"):
                return 200, json.dumps(list(self.requests), ensure_ascii=False)
            if (method, name) == ("DELETE", "requests"):
                self.requests.clear()
                return 200, "[]"
            answer = self.control_extra(method, name, body)
            if answer is not None:
                return answer
            return 404, self.error_body(404, [f"no control resource {method} {path}"])
        except ApiError as error:
            return error.status, self.error_body(error.status, error.messages, error.errors)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            return 400, self.error_body(400, [f"bad control request: {error!r}"])

    def control_extra(self, method, name, body):
        return None

    def not_found_body(self, path):
        return self.error_body(404, [f"null for uri: {self.base_url}{path}"])


# ------------------------------------------------------------------ HTTP

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "AtlassianEmulator/1"
    sys_version = ""

    def setup(self):
        super().setup()
        try:
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def log_message(self, fmt, *args):  # quiet unless --verbose
        if self.server.verbose:
            sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))

    def read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def dispatch(self):
        emu = self.server.emu
        started = time.monotonic()
        try:
            raw = self.read_body()
            split = urlsplit(self.path)
            path = split.path
            pairs = parse_qsl(split.query, keep_blank_values=True)
            if path.startswith("/_emulator/"):
                with emu.lock:
                    status, text = emu.control(self.command, path, dict(pairs), raw)
                self.send(status, [("Content-Type", JSON_TYPE)], text)
            elif path.startswith("/rest/"):
                with emu.lock:
                    reply = emu.handle_rest(self.command, path, split.query, pairs, raw, self.headers)
                if reply.drop:
                    self.close_connection = True
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return
                headers = reply.headers
                if reply.body is not None:
                    headers = [("Content-Type", JSON_TYPE)] + headers
                self.send(reply.status, headers, reply.body)
            else:
                self.send(404, [("Content-Type", JSON_TYPE)], emu.not_found_body(path))
        except (ConnectionError, socket.timeout):
            self.close_connection = True
            return
        except Exception as error:  # an emulator bug: say so instead of hanging the client
            traceback.print_exc()
            self.send(500, [("Content-Type", JSON_TYPE)], emu.error_body(500, [f"emulator error: {error!r}"]))
        if self.server.verbose:
            sys.stderr.write(f"{self.command} {self.path} {(time.monotonic() - started) * 1000:.1f} ms\n")

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = dispatch

    def send(self, status, headers, text):
        body = text.encode("utf-8") if text is not None else b""
        out = [f"HTTP/1.1 {status} {REASONS.get(status, 'Status')}\r\n",
               f"Date: {self.server.date()}\r\n", f"Server: {self.server.emu.server_name}\r\n",
               "Cache-Control: no-cache, no-store, no-transform\r\n"]
        for name, value in headers:
            out.append(f"{name}: {value}\r\n")
        if status != 204:
            out.append(f"Content-Length: {len(body)}\r\n")
        if self.close_connection:
            out.append("Connection: close\r\n")
        out.append("\r\n")
        data = "".join(out).encode("latin-1", "replace")
        if self.command != "HEAD" and status != 204:
            data += body
        self.wfile.write(data)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    allow_reuse_address = True

    def __init__(self, address, emu, verbose):
        # The server name BaseHTTPRequestHandler puts in its own answers (e.g. to a malformed request line).
        handler = type("Handler", (Handler,), {"server_version": f"{emu.server_name}/1"})
        super().__init__(address, handler)
        self.emu = emu
        self.verbose = verbose
        self._date = ("", 0)

    def date(self):
        now = int(time.time())
        if self._date[1] != now:
            self._date = (time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(now)), now)
        return self._date[0]


# ------------------------------------------------------------- start-up

def argument_parser(description, default_version, env_prefix):
    """The command line every emulator shares; the secrets may also come from ENV_PREFIX_ADMIN_*."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--state-dir", required=True)
    parser.add_argument("--version", default=default_version)
    parser.add_argument("--admin-user", default="admin")
    # The secrets may also come from the environment, which other users cannot read in `ps`.
    parser.add_argument("--admin-password", default=os.environ.get(f"{env_prefix}_ADMIN_PASSWORD"))
    parser.add_argument("--admin-token", default=os.environ.get(f"{env_prefix}_ADMIN_TOKEN"))
    parser.add_argument("--generate", help="USERS,GROUPS,MEMBERSHIPS: start with a generated state")
    parser.add_argument("--verbose", action="store_true")
    return parser


def parse_arguments(parser, env_prefix):
    args = parser.parse_args()
    if not args.admin_password or not args.admin_token:
        parser.error(f"--admin-password and --admin-token (or {env_prefix}_ADMIN_PASSWORD and "
                     f"{env_prefix}_ADMIN_TOKEN) are required")
    return args


def serve(emu, args):
    """Listens, loads --state-dir/state.json, prints "ready URL", saves while running and on SIGTERM."""
    os.makedirs(args.state_dir, exist_ok=True)
    server = Server((args.host, args.port), emu, args.verbose)
    port = server.server_address[1]
    emu.base_url = f"http://{args.host}:{port}"
    state_file = os.path.join(args.state_dir, "state.json")
    if os.path.exists(state_file):
        with open(state_file, encoding="utf-8") as saved:
            emu.restore(json.load(saved))
    if args.generate:
        users, groups, memberships = (int(part) for part in args.generate.split(","))
        emu.generate(users, groups, memberships)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    def saver():
        # At most once a second, and never more than ~10% of the time (big states take a while).
        pause = 1.0
        while not stop.wait(pause):
            try:
                took = emu.save(args.state_dir)
            except OSError as error:
                sys.stderr.write(f"{emu.label}: cannot save state: {error}\n")
                took = 0.0
            pause = max(1.0, took * 10)

    threading.Thread(target=server.serve_forever, name="http", daemon=True).start()
    threading.Thread(target=saver, name="saver", daemon=True).start()
    print(f"ready {emu.base_url}", flush=True)
    stop.wait()
    server.shutdown()
    emu.dirty = True
    try:
        emu.save(args.state_dir)
    except OSError as error:
        sys.stderr.write(f"{emu.label}: cannot save state on exit: {error}\n")
    server.server_close()
