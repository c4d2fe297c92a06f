"""Seller Center, as the emulator plays it under ``/sellercenter``:

- v2 REST: ``POST /sellercenter/oauth/client-credentials`` (HTTP Basic client id/secret, ``grant_type=
  client_credentials``), then Bearer calls to the v2 operations :mod:`.sellercenter_v2` routes (by the generated
  operation table): orders (``{items, pagination{limit, offset, hasNext}}``), product sets (``{items,
  pagination{limit, offset, totalCount}}``), products (a list), brands and stock (:mod:`.sellercenter_catalog`),
  prices, order status changes and categories (:mod:`.sellercenter_shop`), all stateful. Errors are RFC 7807-like
  ``{type, title, status, detail}``.
- the legacy signed API at ``/sellercenter`` (and ``/sellercenter/legacy``): ``Action``, ``UserID``, ``Version``,
  ``Timestamp``, ``Format=JSON`` and ``Signature`` = hex HMAC-SHA256 over the other parameters sorted and URL-encoded,
  keyed with the user's API key. A Timestamp outside the tolerance answers E003 and a replayed signature E007 (see
  :mod:`.sellercenter_replay`). More than ``legacy_limit`` requests per ``legacy_window`` seconds per user answers
  E429. The actions are :mod:`.sellercenter_legacy`'s.

Any credentials work, as for SP-API: a client id or user that is not registered (``clients``, ``users``) is
accepted with any secret (a legacy signature must then still be 64 hex digits, fresh and timely); a registered one
must present its own secret or API key. ``strict=True`` (the default follows ``Emulator(strict=...)``) accepts
only the registered ones.

Both share a sliding-window limit per caller (``v2_limit`` per ``v2_window`` seconds, 30 per second by default).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from collections import deque
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote

from . import sellercenter_v2
from .http import Call, Reply
from .sellercenter_catalog import SellerCenterCatalog
from .sellercenter_legacy import LegacyActions
from .sellercenter_replay import TIMESTAMP_TOLERANCE, ReplayGuard
from .sellercenter_shop import STATUS_REFUSED_CODE, SellerCenterShop, StatusRefused
from .sellercenter_v2 import problem as _problem
from .timefmt import iso

if TYPE_CHECKING:
    from .app import Emulator

PREFIX = "/sellercenter"
DEMO_USER = "demo@sellercenter.test"
DEMO_API_KEY = "demo-api-key"
DEMO_CLIENT = ("demo-sc-client", "demo-sc-secret")


def legacy_signature(params: Mapping[str, str], api_key: str) -> str:
    """The legacy API's signature: HMAC-SHA256 (hex) over ``k=v&...`` sorted by key, RFC 3986 encoded."""
    items = sorted((k, v) for k, v in params.items() if k != "Signature")
    message = "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in items)
    return hmac.new(api_key.encode(), message.encode(), hashlib.sha256).hexdigest()


class SlidingWindow:
    """At most ``limit`` events in any ``window`` seconds, per key."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._events: dict[str, deque[float]] = {}

    def allow(self, key: str, now: float) -> bool:
        q = self._events.setdefault(key, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        if len(q) >= self.limit:
            return False
        q.append(now)
        return True


class SellerCenter:
    def __init__(
        self,
        emulator: Emulator,
        *,
        clients: Mapping[str, str] | None = None,
        users: Mapping[str, str] | None = None,
        v2_limit: int = 30,
        v2_window: float = 1.0,
        legacy_limit: int = 30,
        legacy_window: float = 3.0,
        legacy_timestamp_tolerance: float = TIMESTAMP_TOLERANCE,
        strict: bool | None = None,
    ) -> None:
        self.emu = emulator
        self.clients = dict(clients) if clients is not None else {DEMO_CLIENT[0]: DEMO_CLIENT[1]}
        self.users = dict(users) if users is not None else {DEMO_USER: DEMO_API_KEY}
        self.strict = emulator.issuer.strict if strict is None else strict
        self.v2_window = SlidingWindow(v2_limit, v2_window)
        self.legacy_window = SlidingWindow(legacy_limit, legacy_window)
        self.replays = ReplayGuard(legacy_timestamp_tolerance)
        self.catalog = SellerCenterCatalog(emulator)
        self.shop = SellerCenterShop(emulator, self.catalog)
        self.legacy_actions = LegacyActions(self.shop, self.catalog)
        self._tokens: dict[str, tuple[str, float]] = {}

    def handle(self, call: Call) -> Reply:
        path = call.path[len(PREFIX) :] or "/"
        if path == "/oauth/client-credentials":
            reply = self._token(call)
            op = "sellercenter.oauth"
        elif path.rstrip("/") in ("", "/legacy"):
            reply = self._legacy(call)
            op = "sellercenter.legacy." + (self._params(call).get("Action") or "?")
        elif sellercenter_v2.serves(path):
            reply = self._v2(call, path)
            op = "sellercenter.v2." + call.method + " " + path
        else:
            reply, op = _problem(404, "Not Found", f"No route {path}"), "sellercenter.unknown"
        self.emu.stats.record(op, reply.status, call.mono, source="stateful")
        return reply

    # ------------------------------------------------------------------ v2

    def _token(self, call: Call) -> Reply:
        if call.method != "POST":
            return _problem(405, "Method Not Allowed", "POST required")
        auth = call.headers.get("authorization", "")
        form = dict(parse_qsl(call.body.decode("utf-8", "replace")))
        client_id = secret = ""
        if auth.lower().startswith("basic "):
            try:
                client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
            except (binascii.Error, UnicodeDecodeError):
                client_id = secret = ""
        else:
            client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        if form.get("grant_type") != "client_credentials":
            return Reply(
                400, {"error": "unsupported_grant_type", "error_description": "grant_type must be client_credentials"}
            )
        known = self.clients.get(client_id)
        if not client_id or not secret or (known is None and self.strict) or (known is not None and known != secret):
            return Reply(401, {"error": "invalid_client", "error_description": "Client authentication failed"})
        token = secrets.token_urlsafe(24)
        self._tokens[token] = (client_id, call.mono + 3600)
        return Reply(200, {"access_token": token, "token_type": "bearer", "expires_in": 3600})

    def _v2(self, call: Call, path: str) -> Reply:
        auth = call.headers.get("authorization", "")
        token = auth[7:] if auth.lower().startswith("bearer ") else ""
        owner = self._tokens.get(token)
        if owner is None or owner[1] <= call.mono:
            return _problem(401, "Unauthorized", "A valid Bearer token is required")
        if not self.v2_window.allow(owner[0], call.mono):
            reply = _problem(429, "Too Many Requests", "Request rate limit exceeded")
            reply.headers["Retry-After"] = "1"
            return reply
        try:
            limit = int(call.q("limit") or 100)
            offset = int(call.q("offset") or 0)
        except ValueError:
            return _problem(400, "Bad Request", "limit and offset must be integers")
        if not 1 <= limit <= 1000 or offset < 0:
            return _problem(400, "Bad Request", "limit must be 1..1000 and offset >= 0")
        answer = sellercenter_v2.answer(self, call, path, limit, offset)
        return answer if answer is not None else _problem(404, "Not Found", f"No route {call.method} {path}")

    # ------------------------------------------------------------------ legacy

    @staticmethod
    def _params(call: Call) -> dict[str, str]:
        params = dict(call.query_pairs)
        if call.method == "POST" and "Action" not in params and call.body and b"=" in call.body[:200]:
            params.update(parse_qsl(call.body.decode("utf-8", "replace")))
        return params

    def _legacy(self, call: Call) -> Reply:
        params = self._params(call)
        action = params.get("Action", "")

        def error(code: str, message: str, status: int = 400) -> Reply:
            head = {"RequestAction": action, "ErrorType": "Sender", "ErrorCode": code, "ErrorMessage": message}
            return Reply(status, {"ErrorResponse": {"Head": head, "Body": ""}})

        user, signature = params.get("UserID", ""), params.get("Signature", "")
        key = self.users.get(user)
        if not action or not user or not signature or not params.get("Timestamp"):
            return error("1", "E001: Parameter Action, UserID, Timestamp and Signature are mandatory")
        if key is None:
            well_formed = len(signature) == 64 and all(c in "0123456789abcdef" for c in signature)
            if self.strict or not well_formed:
                return error("7", "E007: Login failed. Signature mismatch", 403)
        elif not hmac.compare_digest(legacy_signature(params, key), signature):
            return error("7", "E007: Login failed. Signature mismatch", 403)
        refusal = self.replays.check(params["Timestamp"], signature, call.now)
        if refusal == "E003":
            return error("3", "E003: Timestamp has expired")
        if refusal is not None:
            return error("7", "E007: Login failed. Signature already used", 403)
        if not self.legacy_window.allow(user, call.mono):
            return error("429", "E429: Too many requests", 429)
        try:
            if int(params.get("Limit", "100")) < 1 or int(params.get("Offset", "0")) < 0:
                raise ValueError
        except ValueError:
            return error("14", "E014: Invalid Offset or Limit")
        head: dict[str, Any] = {
            "RequestId": "",
            "RequestAction": action,
            "ResponseType": "",
            "Timestamp": iso(call.now),
        }
        try:
            body: Any = self.legacy_actions.body(action, params, head, call.now)
        except StatusRefused as refused:
            return error(STATUS_REFUSED_CODE, f"E0{STATUS_REFUSED_CODE}: {refused.detail}")
        if body is None:
            return error("8", f"E008: Invalid Action {action}")
        return Reply(200, {"SuccessResponse": {"Head": head, "Body": body}})
