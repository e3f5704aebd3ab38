#!/usr/bin/env python3
"""The real SCIM 2.0 server of the tests (PyPI scim2-server), with a thin test-owned harness around it.

    SCIM_HARNESS_BEARER_TOKEN=T python3 scim_server.py --port N

Runs scim2-server's own WSGI application (in-memory storage, RFC 7643 schemas, User with the
enterprise extension, Group, PATCH, filters, paging, sorting, ETags, Bulk) in this process, so that
the bearer token comes from the environment and never shows on a command line. Every SCIM request
goes to that application unchanged; the harness only:

- records what clients sent (method, path, query, If-Match, JSON body, status), so tests can
  assert on it;
- answers, where a rule says so, with what no real server can be made to do on demand: 429 or 503
  with Retry-After, a 5xx after applying, a 409 *after* creating the resource (another client's
  create won the race), a page of a list that comes back empty, or a resource changed or a user
  created by another client just before the request reaches it (which the real server then
  answers, e.g. with 412 where If-Match names the version before, or 409 for a userName taken),
  or one operation of a Bulk request refused (taken out before the request reaches the server,
  and answered with the rule's status);
- serves a control API below /_harness/ (no authentication; loopback only): health, reset (with
  the service provider configuration to announce), requests, faults, state, recording on or off.

Prints "ready http://127.0.0.1:N/v2" once it listens. Stops on SIGTERM or SIGINT.
"""

import argparse
import io
import json
import os
import re
import signal
import ssl
import sys
import threading
import time
from collections import deque
from socketserver import ThreadingMixIn
from urllib.parse import parse_qsl
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from scim2_models import ScimProvider, ServiceProviderConfig
from scim2_server.memory import InMemoryStorage
from scim2_server.service import ScimService
from scim2_server.testserver.application import BEARER_TOKEN_SCHEME, BearerTokenApplication
from scim2_server.utils import (
    load_default_resource_types, load_default_schemas, load_default_service_provider_config,
)

CONTROL = "/_harness/"
ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error"
MODES = ("answer", "apply-then-fail", "conflict-after-create", "empty-list", "changed-before", "created-before",
         "refused-in-bulk")
REASONS = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 404: "Not Found",
           409: "Conflict", 412: "Precondition Failed", 429: "Too Many Requests",
           500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 256


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):  # one line per request would be most of a large run's time
        pass


class Harness:
    def __init__(self, token):
        self.token = token
        self.lock = threading.Lock()
        self.requests = deque(maxlen=200000)
        self.recording = True
        self.faults = []
        self.counters = {"requests": 0, "faults": 0}
        self.reset({})

    # ------------------------------------------------------------- state

    def reset(self, options):
        """An empty server announcing the default configuration, changed by `options`:
        patch, bulk, etag, sort, filter (booleans), maxResults, bulkMaxOperations."""
        config = load_default_service_provider_config()
        for name in ("patch", "bulk", "etag", "sort", "filter"):
            if name in options:
                getattr(config, name).supported = bool(options[name])
        if "maxResults" in options:
            config.filter.max_results = int(options["maxResults"])
        if "bulkMaxOperations" in options:
            config.bulk.max_operations = int(options["bulkMaxOperations"])
        config.authentication_schemes = [*(config.authentication_schemes or []), BEARER_TOKEN_SCHEME]
        provider = ScimProvider.from_discovery(load_default_schemas().values(),
                                               load_default_resource_types().values(), config=config)
        storage = InMemoryStorage()
        app = BearerTokenApplication(storage, provider, service=ScimService(provider, secret=os.urandom(16).hex()),
                                     bearer_tokens=[self.token])
        with self.lock:
            self.storage, self.app = storage, app
            self.faults = []
            self.requests.clear()
            self.counters = {"requests": 0, "faults": 0}

    def state(self):
        users, groups = [], []
        for resource in self.storage.resources:
            data = resource.model_dump()
            (groups if "urn:ietf:params:scim:schemas:core:2.0:Group" in data.get("schemas", []) else users).append(data)
        return {"users": users, "groups": groups, "counters": self.counters}

    # ------------------------------------------------------------ faults

    def set_faults(self, rules):
        added = []
        for raw in rules:
            rule = {
                "method": raw.get("method", "*").upper(),
                "path": re.compile(raw["path"]) if raw.get("path") else None,
                "query": re.compile(raw["query"]) if raw.get("query") else None,
                "status": int(raw.get("status", 503)),
                "remaining": int(raw.get("count", 1)),
                "retryAfter": raw.get("retryAfter"),
                "mode": raw.get("mode", "answer"),
                "scimType": raw.get("scimType"),
                "resource": raw.get("resource"),
            }
            if rule["mode"] not in MODES:
                raise ValueError("mode must be one of " + ", ".join(MODES))
            added.append(rule)
        with self.lock:
            self.faults.extend(added)
        return len(added)

    def take_fault(self, method, path, query):
        with self.lock:
            for rule in self.faults:
                if rule["remaining"] == 0 or rule["method"] not in ("*", method):
                    continue
                if rule["path"] is not None and not rule["path"].search(path):
                    continue
                if rule["query"] is not None and not rule["query"].search(query):
                    continue
                if rule["remaining"] > 0:
                    rule["remaining"] -= 1
                self.counters["faults"] += 1
                return rule
        return None

    # -------------------------------------------------------------- WSGI

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith(CONTROL):
            return self.control(environ, start_response)
        method = environ["REQUEST_METHOD"]
        query = environ.get("QUERY_STRING", "")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length > 0 else b""
        environ["wsgi.input"] = io.BytesIO(raw)
        with self.lock:
            self.counters["requests"] += 1
            app = self.app
        rule = self.take_fault(method, path, query)
        if rule is not None and rule["mode"] == "answer":
            status, headers, body = self.fault_answer(rule)
        else:
            if rule is not None and rule["mode"] == "changed-before":
                self.change_elsewhere(app, environ)
            elif rule is not None and rule["mode"] == "created-before":
                self.create_elsewhere(app, environ, rule["resource"])
            refused = None
            if rule is not None and rule["mode"] == "refused-in-bulk":
                refused = self.take_first_operation(environ, raw)
            status, headers, body = self.forward(app, environ)
            if refused is not None and status == 200:
                status, headers, body = self.refuse_operation(rule, refused, body)
            if rule is not None and rule["mode"] == "conflict-after-create" and status == 201:
                # Another client's create won the race: the resource is there, this one is refused.
                status, headers, body = 409, [("Content-Type", "application/scim+json")], json.dumps(
                    {"schemas": [ERROR_SCHEMA], "status": "409", "scimType": "uniqueness",
                     "detail": "One or more of the attribute values are already in use or are reserved."}).encode()
            elif rule is not None and rule["mode"] == "apply-then-fail":
                status, headers, body = self.fault_answer(rule)
            elif rule is not None and rule["mode"] == "empty-list" and status == 200:
                # A page that comes back empty, though the total says there is more (a server that
                # counts wrong, or a list that shrank).
                answer = json.loads(body)
                answer["Resources"], answer["itemsPerPage"] = [], 0
                body = json.dumps(answer).encode()
                headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        if self.recording:
            self.record(method, path, query, environ.get("HTTP_IF_MATCH"), raw, status)
        start_response(f"{status} {REASONS.get(status, 'Status')}", headers)
        return [body]

    @staticmethod
    def forward(app, environ):
        answer = {}

        def start(status, headers, exc_info=None):
            answer["status"], answer["headers"] = int(status.split(" ", 1)[0]), list(headers)
            return lambda data: None

        chunks = app(environ, start)
        try:
            body = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        return answer["status"], answer["headers"], body

    @staticmethod
    def fault_answer(rule):
        status = rule["status"]
        headers = [("Content-Type", "application/scim+json")]
        if rule["retryAfter"] is not None:
            headers.append(("Retry-After", str(rule["retryAfter"])))
        error = {"schemas": [ERROR_SCHEMA], "status": str(status), "detail": "Injected by the test harness."}
        if rule["scimType"]:
            error["scimType"] = rule["scimType"]
        body = json.dumps(error).encode()
        return status, headers, body

    @classmethod
    def change_elsewhere(cls, app, environ):
        """Another client's change of the resource at this path (its title, which no one else
        manages), made through the same application just before this request reaches it."""
        body = json.dumps({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                           "Operations": [{"op": "replace", "path": "title",
                                           "value": "Changed elsewhere"}]}).encode()
        other = {k: v for k, v in environ.items() if k != "HTTP_IF_MATCH"}
        other.update({"REQUEST_METHOD": "PATCH", "QUERY_STRING": "", "CONTENT_LENGTH": str(len(body)),
                      "CONTENT_TYPE": "application/scim+json", "wsgi.input": io.BytesIO(body)})
        cls.forward(app, other)

    @staticmethod
    def take_first_operation(environ, raw):
        """A Bulk request's first operation, taken out of the request before it is forwarded."""
        request = json.loads(raw)
        operation = request["Operations"].pop(0)
        body = json.dumps(request).encode()
        environ.update({"CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body)})
        return operation

    @classmethod
    def refuse_operation(cls, rule, operation, body):
        """The Bulk answer with that operation refused (the rule's status), as a service refuses
        one operation of many: not carried out, and answered with an error of its own."""
        answer = json.loads(body)
        error = json.loads(cls.fault_answer(rule)[2])
        answer["Operations"].insert(0, {"method": operation["method"], "bulkId": operation.get("bulkId"),
                                        "status": str(rule["status"]), "response": error})
        return 200, [("Content-Type", "application/scim+json")], json.dumps(answer).encode()

    @classmethod
    def create_elsewhere(cls, app, environ, resource):
        """Another client's create of a user (the rule's `resource`), made through the same
        application just before this request reaches it: the request then meets the real
        server's own uniqueness check."""
        body = json.dumps(resource).encode()
        other = {k: v for k, v in environ.items() if k != "HTTP_IF_MATCH"}
        other.update({"REQUEST_METHOD": "POST", "PATH_INFO": "/v2/Users", "QUERY_STRING": "",
                      "CONTENT_LENGTH": str(len(body)), "CONTENT_TYPE": "application/scim+json",
                      "wsgi.input": io.BytesIO(body)})
        cls.forward(app, other)

    def record(self, method, path, query, if_match, raw, status):
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        entry = {"method": method, "path": path, "query": dict(parse_qsl(query, keep_blank_values=True)),
                 "ifMatch": if_match, "body": body, "status": status}
        with self.lock:
            self.requests.append(entry)

    def control(self, environ, start_response):
        method = environ["REQUEST_METHOD"]
        name = environ["PATH_INFO"][len(CONTROL):].strip("/")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length > 0 else b""
        status, answer = 200, None
        try:
            body = json.loads(raw) if raw else {}
            if (method, name) == ("GET", "health"):
                answer = {"status": "ok"}
            elif (method, name) == ("POST", "reset"):
                self.reset(body)
                answer = {"reset": True}
            elif (method, name) == ("GET", "state"):
                answer = self.state()
            elif (method, name) == ("GET", "requests"):
                with self.lock:
                    answer = list(self.requests)
            elif (method, name) == ("DELETE", "requests"):
                with self.lock:
                    self.requests.clear()
                answer = []
            elif (method, name) == ("POST", "faults"):
                answer = {"added": self.set_faults(body.get("rules", []))}
            elif (method, name) == ("DELETE", "faults"):
                with self.lock:
                    self.faults = []
                answer = {"rules": []}
            elif (method, name) == ("POST", "config"):
                if "recording" in body:
                    self.recording = bool(body["recording"])
                answer = {"recording": self.recording}
            else:
                status, answer = 404, {"error": f"no control resource {method} /{name}"}
        except (ValueError, KeyError, TypeError, re.error) as error:
            status, answer = 400, {"error": f"bad control request: {error!r}"}
        data = json.dumps(answer).encode()
        start_response(f"{status} {REASONS.get(status, 'Status')}",
                       [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
        return [data]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--tls", action="append", default=[], metavar="PORT:CERT:KEY",
                        help="also serve the same service over TLS on PORT with the certificate CERT")
    args = parser.parse_args()
    token = os.environ.get("SCIM_HARNESS_BEARER_TOKEN")
    if not token:
        parser.error("SCIM_HARNESS_BEARER_TOKEN must hold the bearer token to accept")
    harness = Harness(token)
    server = make_server(args.host, args.port, harness, server_class=ThreadingServer, handler_class=QuietHandler)
    # Started in the background by a shell, SIGINT may arrive ignored: stop on SIGTERM as well.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: threading.Thread(target=server.shutdown, daemon=True).start())
    for tls in args.tls:
        port, cert, key = tls.split(":", 2)
        secure = make_server(args.host, int(port), harness, server_class=ThreadingServer, handler_class=QuietHandler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        secure.socket = context.wrap_socket(secure.socket, server_side=True)
        threading.Thread(target=secure.serve_forever, daemon=True).start()
        print(f"ready https://{args.host}:{port}/v2 ({os.path.basename(cert)})", flush=True)
    print(f"ready http://{args.host}:{args.port}/v2", flush=True)
    started = time.monotonic()
    server.serve_forever()
    print(f"stopped after {time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
