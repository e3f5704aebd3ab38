"""The OAuth 2.0 provider of an Atlassian Data Center application, as an emulator models it.

Atlassian documents it in "OAuth 2.0 provider API" (Bitbucket, Jira and Confluence share it): an
administrator creates an incoming application link, which gives a client id and secret and names
one redirect URL; a user's browser opens /rest/oauth2/latest/authorize, signs in, allows access and
is sent back to the redirect URL with a code; the client swaps the code (with its PKCE verifier)
for an access token and a refresh token at /rest/oauth2/latest/token. Refresh tokens rotate: each
refresh answers a new pair and the old refresh token stops working. Errors follow RFC 6749 §5.2.

What is modelled differently, and why:
- The browser's sign-in and the consent screen are one step: /authorize with HTTP Basic
  credentials of the user who allows access redirects at once (a test plays the browser).
- Tokens live in memory only: an emulator restart forgets them (the real product keeps them).
- Lifetimes: codes 10 minutes, access tokens `access_seconds` (Atlassian's default is two hours),
  refresh tokens do not expire (Atlassian's last 90 days).
"""

import base64
import hashlib
import json
import secrets
import time
from urllib.parse import parse_qsl, urlencode

PREFIX = "/rest/oauth2/latest/"
# Bitbucket's scopes, and the highest global permission level each lets a token use.
SCOPES = {"PUBLIC_REPOS": 1, "REPO_READ": 1, "REPO_WRITE": 1, "REPO_ADMIN": 1, "PROJECT_ADMIN": 2,
          "ADMIN": 3, "SYSTEM_ADMIN": 4}
SECRET_FIELDS = ("client_secret", "code", "code_verifier", "refresh_token")


class OAuthError(Exception):
    def __init__(self, status, error, description):
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description


class OAuthProvider:
    def __init__(self, access_seconds=7200):
        self.access_seconds = access_seconds
        self.clients = {}  # client id -> {"secret", "redirectUri", "scopes"}
        self.codes = {}  # code -> {...}
        self.access = {}  # access token -> (user key, scope, expires at)
        self.refresh = {}  # refresh token -> (client id, user key, scope)
        self.counters = {"authorized": 0, "codeGrants": 0, "refreshGrants": 0, "refused": 0}

    # ---------------------------------------------------------- control API

    def register(self, body):
        client_id = str(body.get("clientId") or secrets.token_hex(8))
        client_secret = str(body.get("clientSecret") or secrets.token_urlsafe(24))
        redirect = body.get("redirectUri")
        if not isinstance(redirect, str) or not redirect:
            raise ValueError("an incoming link needs a redirectUri")
        scopes = body.get("scopes", ["ADMIN"])
        if not all(s in SCOPES for s in scopes):
            raise ValueError(f"scopes must be among {sorted(SCOPES)}")
        self.clients[client_id] = {"secret": client_secret, "redirectUri": redirect, "scopes": list(scopes)}
        return {"clientId": client_id, "clientSecret": client_secret, "redirectUri": redirect, "scopes": scopes}

    def revoke(self):
        """What an administrator does under Application links → Revoke access: every token ends."""
        revoked = len(self.access) + len(self.refresh)
        self.access.clear()
        self.refresh.clear()
        return revoked

    def expire_access(self):
        for token, (user, scope, _) in list(self.access.items()):
            self.access[token] = (user, scope, 0)
        return len(self.access)

    def view(self):
        return {"clients": sorted(self.clients), "accessTokens": len(self.access),
                "refreshTokens": len(self.refresh), "accessSeconds": self.access_seconds, **self.counters}

    # ------------------------------------------------------------- requests

    def bearer(self, token):
        """(user key, scope) for a live access token, None for an unknown one; False once expired."""
        entry = self.access.get(token)
        if entry is None:
            return None
        user, scope, expires = entry
        if time.time() >= expires:
            return False
        return user, scope

    def authorize(self, query, user):
        """GET /authorize by a signed-in user who allows access: (status, headers, body)."""
        client = self.clients.get(query.get("client_id", ""))
        redirect = query.get("redirect_uri", "")
        if client is None or redirect != client["redirectUri"]:
            # Never redirect to an address the link does not name (RFC 6749 §4.1.2.1).
            self.counters["refused"] += 1
            return 400, [], json.dumps({"error": "invalid_request",
                                        "error_description": "unknown client_id or redirect_uri"})

        def back(**fields):
            if "state" in query:
                fields["state"] = query["state"]
            return 302, [("Location", redirect + ("&" if "?" in redirect else "?") + urlencode(fields))], None

        if query.get("response_type") != "code":
            return back(error="unsupported_response_type")
        scope = query.get("scope", "PUBLIC_REPOS")
        if scope not in SCOPES or scope not in client["scopes"]:
            return back(error="invalid_scope")
        challenge = query.get("code_challenge")
        method = query.get("code_challenge_method", "plain")
        if challenge is not None and method not in ("S256", "plain"):
            return back(error="invalid_request", error_description="code_challenge_method")
        code = secrets.token_urlsafe(24)
        self.codes[code] = {"client": query["client_id"], "redirect": redirect, "user": user, "scope": scope,
                            "challenge": challenge, "method": method, "expires": time.time() + 600}
        self.counters["authorized"] += 1
        return back(code=code)

    def token(self, raw, headers):
        """POST /token: (status, body)."""
        try:
            form = self.form(raw, headers)
            client_id = self.client_of(form, headers)
            grant = form.get("grant_type")
            if grant == "authorization_code":
                answer = self.code_grant(form, client_id)
            elif grant == "refresh_token":
                answer = self.refresh_grant(form, client_id)
            else:
                raise OAuthError(400, "unsupported_grant_type", f"grant_type {grant!r} is not supported")
        except OAuthError as error:
            self.counters["refused"] += 1
            return error.status, json.dumps({"error": error.error, "error_description": error.description})
        return 200, json.dumps(answer)

    @staticmethod
    def masked(raw):
        """A token request as the request log keeps it: the secrets replaced."""
        fields = dict(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True))
        return {k: ("***" if k in SECRET_FIELDS else v) for k, v in fields.items()}

    # -------------------------------------------------------------- helpers

    @staticmethod
    def form(raw, headers):
        ctype = (headers.get("Content-Type") or "").lower()
        if not ctype.startswith("application/x-www-form-urlencoded"):
            raise OAuthError(400, "invalid_request", "send the token request as application/x-www-form-urlencoded")
        try:
            pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(raw))
        except (UnicodeDecodeError, ValueError):
            raise OAuthError(400, "invalid_request", "the form body cannot be read")
        names = [k for k, _ in pairs]
        if len(names) != len(set(names)):
            raise OAuthError(400, "invalid_request", "a parameter is repeated")  # RFC 6749 §3.2
        return dict(pairs)

    def client_of(self, form, headers):
        client_id, secret = form.get("client_id"), form.get("client_secret")
        auth = headers.get("Authorization") or ""
        if auth[:6].lower() == "basic ":
            try:
                client_id, _, secret = base64.b64decode(auth[6:].strip()).decode("utf-8").partition(":")
            except (ValueError, UnicodeDecodeError):
                raise OAuthError(401, "invalid_client", "client authentication failed")
        client = self.clients.get(client_id or "")
        if client is None or not secret or not secrets.compare_digest(client["secret"], secret):
            raise OAuthError(401, "invalid_client", "client authentication failed")
        return client_id

    def code_grant(self, form, client_id):
        entry = self.codes.pop(form.get("code", ""), None)  # a code works once
        if entry is None or entry["client"] != client_id or time.time() >= entry["expires"]:
            raise OAuthError(400, "invalid_grant", "the authorization code is invalid, used or expired")
        if form.get("redirect_uri") != entry["redirect"]:
            raise OAuthError(400, "invalid_grant", "redirect_uri does not match the authorization request")
        if entry["challenge"] is not None:
            verifier = form.get("code_verifier", "")
            if entry["method"] == "S256":
                digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
                expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
            else:
                expected = verifier
            if not verifier or not secrets.compare_digest(expected, entry["challenge"]):
                raise OAuthError(400, "invalid_grant", "code_verifier does not match the code_challenge")
        self.counters["codeGrants"] += 1
        return self.issue(client_id, entry["user"], entry["scope"])

    def refresh_grant(self, form, client_id):
        entry = self.refresh.get(form.get("refresh_token", ""))
        if entry is None or entry[0] != client_id:
            raise OAuthError(400, "invalid_grant", "the refresh token is invalid, used or revoked")
        del self.refresh[form["refresh_token"]]  # rotation: the old one stops working
        self.counters["refreshGrants"] += 1
        return self.issue(client_id, entry[1], entry[2])

    def issue(self, client_id, user, scope):
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        self.access[access] = (user, scope, time.time() + self.access_seconds)
        self.refresh[refresh] = (client_id, user, scope)
        return {"access_token": access, "token_type": "bearer", "expires_in": self.access_seconds,
                "refresh_token": refresh, "scope": scope}
