"""Login with Amazon as the emulator plays it: the token endpoint, issued tokens, and who is calling.

By default any client id / secret / refresh token is accepted and each distinct (application, refresh token) is a
selling partner of its own. In strict mode only configured credentials pass; wrong ones get LWA's error shape.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from .._templates import compile_template
from .http import Reply, error_reply

if TYPE_CHECKING:
    from .operations import EmuOperation

PrincipalKind = Literal["seller", "grantless", "rdt"]

#: The data elements the Tokens API knows (``RestrictedResource.dataElements``). Which operations are restricted, and
#: how, comes from the operation table (``EmuOperation.rdt``, generated with the client's registry).
DATA_ELEMENTS = frozenset({"buyerInfo", "shippingAddress", "buyerTaxInformation"})


def fingerprint(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:16]


def seller_id_for(partner: str) -> str:
    """A stable merchant id (``A`` + 13 characters) for a selling partner key."""
    raw = base64.b32encode(hashlib.sha256(partner.encode()).digest()).decode()
    return "A" + raw[:13]


@dataclass(frozen=True, slots=True)
class RestrictedResource:
    method: str
    path: str
    data_elements: frozenset[str]

    def covers(self, method: str, path: str) -> bool:
        return self.method == method and compile_template(self.path).match(path) is not None


@dataclass(frozen=True, slots=True)
class Principal:
    kind: PrincipalKind
    app: str  # client id
    partner: str  # selling partner key ("grantless" for client-credentials tokens)
    expires: float  # emulator monotonic seconds
    scopes: frozenset[str] = frozenset()
    resources: tuple[RestrictedResource, ...] = field(default=())

    @property
    def seller_id(self) -> str:
        return seller_id_for(self.partner)

    def rdt_elements(self, method: str, path: str) -> frozenset[str] | None:
        """The data elements this RDT grants for the request, or None if it does not cover it."""
        for r in self.resources:
            if r.covers(method, path):
                return r.data_elements
        return None


def _denied() -> Reply:
    return error_reply(403, "Unauthorized", "Access to requested resource is denied.", "")


def access_denied(principal: Principal, op: EmuOperation, method: str, path: str) -> Reply | None:
    """Amazon's 403 when the token does not fit the operation, else None.

    A grantless operation takes only a client-credentials token holding its scope; every other operation refuses
    one. An RDT works only for the resources it names; an operation whose every answer is restricted data
    (``rdt == "always"``) needs one.
    """
    if op.grantless:
        if principal.kind != "grantless":
            return _denied()
        if op.grantless_scope is not None and op.grantless_scope not in principal.scopes:
            return _denied()
        return None
    if principal.kind == "grantless":
        return _denied()
    if principal.kind == "rdt" and principal.rdt_elements(method, path) is None:
        return _denied()
    if op.rdt == "always" and principal.kind != "rdt":
        return _denied()
    return None


def lwa_error(status: int, error: str, description: str) -> Reply:
    return Reply(status, {"error_description": description, "error": error})


class TokenIssuer:
    """Issues and resolves access tokens, refresh tokens (code exchange) and RDTs."""

    def __init__(
        self,
        *,
        strict: bool = False,
        credentials: Mapping[str, str] | None = None,
        refresh_tokens: Collection[str] = (),
        token_lifetime: float = 3600.0,
    ) -> None:
        if token_lifetime <= 0:
            raise ValueError(f"token_lifetime must be > 0, got {token_lifetime!r}")
        self.strict = strict
        self.credentials = dict(credentials or {})
        self.refresh_tokens = set(refresh_tokens)
        self.token_lifetime = token_lifetime
        self._codes: dict[str, str] = {}  # code -> client id
        self._tokens: dict[str, Principal] = {}
        self.issued = 0

    # --------------------------------------------------------------- authorization codes

    def new_authorization_code(self, client_id: str) -> str:
        code = "ANemu" + secrets.token_hex(10)
        self._codes[code] = client_id
        return code

    # --------------------------------------------------------------- token endpoint

    def grant(self, form: Mapping[str, str], mono: float) -> Reply:
        grant_type = form.get("grant_type", "")
        client_id = form.get("client_id", "")
        client_secret = form.get("client_secret", "")
        if not grant_type:
            return lwa_error(400, "invalid_request", "The request is missing a required parameter : grant_type")
        if not client_id or not client_secret:
            return lwa_error(401, "invalid_client", "Client authentication failed")
        if self.strict and self.credentials.get(client_id) != client_secret:
            return lwa_error(401, "invalid_client", "Client authentication failed")
        if grant_type == "refresh_token":
            refresh = form.get("refresh_token", "")
            if not refresh:
                return lwa_error(400, "invalid_request", "The request is missing a required parameter : refresh_token")
            if self.strict and refresh not in self.refresh_tokens:
                return lwa_error(400, "invalid_grant", "The request has an invalid grant parameter : refresh_token")
            return self._token_reply(Principal("seller", client_id, fingerprint(refresh), mono + self.token_lifetime))
        if grant_type == "client_credentials":
            scope = form.get("scope", "").split()
            if not scope:
                return lwa_error(400, "invalid_scope", "The request has an invalid parameter : scope")
            bad = [s for s in scope if not s.startswith("sellingpartnerapi::")]
            if bad:
                return lwa_error(400, "invalid_scope", "The request has an invalid parameter : scope")
            principal = Principal("grantless", client_id, "grantless", mono + self.token_lifetime, frozenset(scope))
            return self._token_reply(principal)
        if grant_type == "authorization_code":
            code = form.get("code", "")
            if not code:
                return lwa_error(400, "invalid_request", "The request is missing a required parameter : code")
            if self.strict:
                owner = self._codes.pop(code, None)
                if owner != client_id:
                    return lwa_error(400, "invalid_grant", "The request has an invalid grant parameter : code")
            refresh = "Atzr|emu-" + hashlib.sha256(f"{client_id}\0{code}".encode()).hexdigest()
            self.refresh_tokens.add(refresh)
            reply = self._token_reply(Principal("seller", client_id, fingerprint(refresh), mono + self.token_lifetime))
            assert isinstance(reply.body, dict)
            reply.body["refresh_token"] = refresh
            return reply
        return lwa_error(400, "unsupported_grant_type", f"The authorization grant type is not supported : {grant_type}")

    def _token_reply(self, principal: Principal) -> Reply:
        token = "Atza|emu." + secrets.token_urlsafe(24)
        self._tokens[token] = principal
        self.issued += 1
        body = {"access_token": token, "token_type": "bearer", "expires_in": int(self.token_lifetime)}
        return Reply(200, body)

    def issue_rdt(self, owner: Principal, resources: tuple[RestrictedResource, ...], mono: float) -> tuple[str, int]:
        token = "Atz.sprdt|emu." + secrets.token_urlsafe(24)
        lifetime = self.token_lifetime
        self._tokens[token] = Principal("rdt", owner.app, owner.partner, mono + lifetime, frozenset(), resources)
        return token, int(lifetime)

    def resolve(self, token: str, mono: float) -> Principal | Literal["expired"] | None:
        principal = self._tokens.get(token)
        if principal is None:
            return None
        if mono >= principal.expires:
            return "expired"
        return principal

    def expire_all(self) -> None:
        """Make every issued access token and RDT expired (for tests of a client's refresh path)."""
        for token, p in list(self._tokens.items()):
            self._tokens[token] = Principal(p.kind, p.app, p.partner, float("-inf"), p.scopes, p.resources)
