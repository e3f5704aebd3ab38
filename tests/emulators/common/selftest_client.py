"""What the emulators' self-tests (tests/emulators/*/selftest.py) share: a small HTTP client and the
checks that end a self-test with a message on the first failure. Python 3.11 standard library only."""

import base64
import json
import sys
import urllib.error
import urllib.request


class Answer:
    def __init__(self, status, headers, text):
        self.status = status
        self.headers = headers
        self.text = text

    @property
    def json(self):
        return json.loads(self.text) if self.text else None

    def header(self, name):
        return self.headers.get(name)


def call(method, url, body=None, headers=None, raw=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return Answer(response.status, response.headers, response.read().decode())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read().decode())


def basic(user, password):
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def check(condition, message):
    if not condition:
        print(f"selftest FAILED: {message}", file=sys.stderr)
        sys.exit(1)


def expect(answer, status, what):
    check(answer.status == status, f"{what}: expected HTTP {status}, got {answer.status}: {answer.text[:400]}")
    return answer


def control_of(direct):
    """The emulator's control API at `direct` (/_emulator/NAME), as control(method, name, body)."""
    def control(method, name, body=None):
        answer = call(method, f"{direct}/_emulator/{name}",
                      body if body is not None else ({} if method == "POST" else None))
        check(answer.status == 200, f"control {method} {name}: {answer.status} {answer.text[:300]}")
        return answer.json
    return control
