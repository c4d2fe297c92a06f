"""The send path's ground floor and auth as a flow (issue #19): auth sits beside the transport, not above it; the
transport module holds the send loop only; one header check; token grants and the RDT are sub-requests the
transport sends for the authenticator; one retry arithmetic (:meth:`RetryPolicy.next_delay`)."""

from __future__ import annotations

import ast
import json
from typing import Any

import httpx

import spapi_async as sp
from spapi_async.auth.rdt import RDT_OPERATION
from spapi_async.auth.spapi import SPAPIAuth
from spapi_async.auth.tokens import CachedTokenSource, InMemoryTokenStore
from spapi_async.call import ApiCall
from spapi_async.config import build_config
from spapi_async.token_grant import FormPoster

from .fakes import CLIENT_ID, CLIENT_SECRET, LWA, REFRESH_TOKEN, InstantClock
from .test_import_direction import PACKAGE, import_graph


def test_auth_modules_never_import_the_transport() -> None:
    graph = import_graph()
    auth = [m for m in graph if m.startswith("spapi_async.auth.") or m == "spapi_async.sellercenter.auth"]
    assert {m: "spapi_async.transport" in graph[m] for m in auth} == {m: False for m in auth}
    assert graph["spapi_async.call"] <= {"spapi_async.errors", "spapi_async.operation", "spapi_async.retry"}


def test_transport_module_holds_only_the_send_loop() -> None:
    path = PACKAGE / "transport.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    public = [
        node.name
        for node in tree.body
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_")
    ]
    assert public == ["Transport"]
    assert len(path.read_text(encoding="utf-8").splitlines()) < 400


def test_one_header_validator() -> None:
    defining = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name in {"check_headers", "_check_header_value"}:
                defining.add(path.relative_to(PACKAGE).as_posix())
    assert defining == {"_checks.py"}


class RecordingExchange:
    """Stands where the transport would: records the sub-requests an authenticator hands it."""

    def __init__(self) -> None:
        self.sent: list[ApiCall] = []
        self.forms: list[tuple[str, dict[str, str]]] = []

    async def send(self, call: ApiCall) -> httpx.Response:
        self.sent.append(call)
        body = {"restrictedDataToken": f"Atz.sprdt|SECRET-{len(self.sent)}", "expiresIn": 3600}
        return httpx.Response(200, content=json.dumps(body).encode())

    async def post_form(self, url: str, form: Any, headers: Any = None) -> httpx.Response:
        self.forms.append((url, dict(form)))
        return httpx.Response(200, json={"access_token": "Atza|SECRET-lwa", "expires_in": 3600})


async def test_the_authenticator_hands_its_token_requests_to_the_exchange_it_is_given() -> None:
    """No late binding: a freshly built SPAPIAuth fetches the RDT (the registry's createRestrictedDataToken) and the
    LWA token through the exchange of the attempt, and one exchange serves as well as another."""
    clock = InstantClock()
    config = build_config(
        client_id=CLIENT_ID, client_secret=CLIENT_SECRET, refresh_token=REFRESH_TOKEN, lwa_endpoint=LWA
    )
    auth = SPAPIAuth(config, CachedTokenSource(InMemoryTokenStore(), clock), clock, operations=sp.OPERATIONS)
    assert not hasattr(auth, "bind_rdt")
    exchange = RecordingExchange()
    get_address = sp.OPERATIONS["orders_v0.get_order_address"]
    credential = await auth.authorize(ApiCall("GET", "/orders/v0/orders/1/address", operation=get_address), exchange)
    assert credential.kind == "rdt" and credential.token == "Atz.sprdt|SECRET-1"
    assert credential.date_header == "x-amz-date" and "x-amz-date" not in credential.headers
    (rdt_call,) = exchange.sent
    tokens_op = sp.OPERATIONS[RDT_OPERATION]
    assert (rdt_call.method, rdt_call.path, rdt_call.operation) == ("POST", tokens_op.path, tokens_op)
    assert rdt_call.json == {"restrictedResources": [{"method": "GET", "path": get_address.path}]}
    other = RecordingExchange()
    lwa = await auth.authorize(ApiCall("GET", "/sellers/v1/marketplaceParticipations"), other)
    assert lwa.token == "Atza|SECRET-lwa" and [url for url, _ in other.forms] == [LWA]
    assert other.forms[0][1]["grant_type"] == "refresh_token" and exchange.forms == []


def test_next_delay_is_the_transport_arithmetic() -> None:
    policy = sp.RetryPolicy(max_attempts=3, backoff=1.0, jitter=False, max_retry_after=60.0)
    throttled = sp.ThrottledError("slow down", status_code=429)
    assert policy.next_delay("POST", 1, throttled, now=0.0) == 1.0
    assert policy.next_delay("POST", 2, throttled, now=0.0) == 2.0
    assert policy.next_delay("POST", 3, throttled, now=0.0) is None  # attempts used up
    assert policy.next_delay("POST", 1, throttled, headers={"retry-after": "7"}, now=0.0) == 7.0
    assert policy.next_delay("POST", 1, throttled, headers={"retry-after": "61"}, now=0.0) is None  # too long
    assert policy.next_delay("POST", 1, throttled, now=0.0, paced_by_limiter=True) == 0.0
    server = sp.ServerError("oops", status_code=500)
    assert policy.next_delay("POST", 1, server, now=0.0) is None  # not idempotent
    assert policy.next_delay("GET", 1, server, now=0.0) == 1.0
    lenient = policy.with_options(respect_retry_after=False)
    assert lenient.next_delay("GET", 1, server, headers={"retry-after": "61"}, now=0.0) == 1.0


async def test_a_token_grant_follows_the_same_arithmetic() -> None:
    """A Retry-After beyond max_retry_after ends a token grant as it ends an API call (the answer goes back to the
    caller, which raises its AuthError) instead of sleeping."""
    answers = [httpx.Response(503, headers={"retry-after": "2"}), httpx.Response(429, headers={"retry-after": "900"})]
    seen = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal seen
        seen += 1
        return answers.pop(0)

    clock = InstantClock()
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        poster = FormPoster(http, sp.RetryPolicy(max_retry_after=300.0), clock, "ua", 5.0)
        response = await poster.post_form(LWA, {"grant_type": "client_credentials"})
    assert (response.status_code, seen, clock.sleeps) == (429, 2, [2.0])
