"""``Emulator``: an ASGI app that behaves like SP-API + Login with Amazon (+ Seller Center), with real usage plans."""

from __future__ import annotations

import json
import logging
import secrets
import threading
import uuid
from collections.abc import Collection, Mapping
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from ..clock import SYSTEM_CLOCK, Clock
from ..operation import SANDBOX_PLAN, UsagePlan
from .auth import TokenIssuer, seller_id_for
from .data import make_orders, make_products
from .dispatch import answer_spapi
from .documents import DOCUMENT_PREFIX, DocumentHost
from .faults import FaultDice, Faults
from .http import Call, Reply
from .kiosk_schema import KioskSchemas
from .models import models_dir
from .notify import NotificationPublisher
from .operations import EmuOperation, OperationTable
from .quota import QuotaBook
from .routes import Router
from .sandbox import SandboxCases
from .schema import SchemaBook
from .serving import ConnectionResetByEmulator, serve
from .serving import start_server as start_server  # where callers have imported it from
from .state import Document, Ids, SellerState, World
from .stats import Stats

logger = logging.getLogger("spapi_async.emulator")

LWA_PATH = "/auth/o2/token"
STATS_PATH = "/__stats"
COVERAGE_PATH = "/__coverage"
SELLER_CENTER_PREFIX = "/sellercenter"

_Scope = Mapping[str, Any]


def _server_url(scope: _Scope) -> str:
    """The address the request reached (the ASGI server's own socket), whatever the client's Host header says."""
    server = scope.get("server")
    host, port = (str(server[0]), server[1]) if server else ("127.0.0.1", None)
    if ":" in host:
        host = f"[{host}]"
    scheme = scope.get("scheme", "http")
    default = 443 if scheme == "https" else 80
    return f"{scheme}://{host}" if port in (None, default) else f"{scheme}://{host}:{port}"


class Emulator:
    """A local SP-API + LWA (+ Seller Center) with seeded data and Amazon's usage plans.

    ``emulator.app`` is the ASGI application (use it with ``httpx.ASGITransport``); ``async with
    emulator.serve(port=0) as base_url`` serves it on 127.0.0.1. Point a client at it with
    ``endpoint=base_url, lwa_endpoint=base_url + "/auth/o2/token"``.

    ``time_scale`` multiplies every usage-plan rate and divides processing times, so a day of quota plays in
    minutes. ``sandbox=True`` applies the sandbox plan (5 rps, burst 15) and prefers the official static cases.
    ``strict=True`` accepts only ``credentials`` (client id -> secret) and ``refresh_tokens``.
    ``seller_center`` passes options to :class:`~spapi_async.emulator.sellercenter.SellerCenter` (``clients``,
    ``users``, ``v2_limit``/``v2_window``, ``legacy_limit``/``legacy_window``, ``legacy_timestamp_tolerance``,
    ``strict``; Seller Center follows ``strict`` unless told otherwise). ``faults`` injects server errors, resets and
    slow answers. ``base_url`` is where document URLs point (default: the address the request reached the server
    at; the client's Host header is never used).
    ``restricted_roles``: whether the calling applications hold the restricted (PII) roles. Like most applications
    they do not by default, and the Tokens API then refuses RDTs with Amazon's 400 InvalidInput; ``True`` grants
    them (and the buyer/recipient data of Orders v2026-01-01).

    Every operation answers: stateful handlers, Amazon's static sandbox cases, else an answer built from the
    operation's schema; requests are checked against the model first. The schemas (Data Kiosk's GraphQL ones
    too) ship with the package; ``models`` (default: ``$SPAPI_SHARED``/``../shared``) adds the sandbox cases, a
    path reads everything from that models directory, ``models=False`` ignores the models (stateful routes only).
    """

    def __init__(
        self,
        *,
        time_scale: float = 1.0,
        seed: int = 0,
        orders: int = 500,
        products: int = 120,
        days: float = 30.0,
        marketplaces: tuple[str, ...] = ("ATVPDKIKX0DER",),
        epoch: float | None = None,
        sandbox: bool = False,
        strict: bool = False,
        credentials: Mapping[str, str] | None = None,
        refresh_tokens: Collection[str] = (),
        token_lifetime: float = 3600.0,
        faults: Faults | None = None,
        clock: Clock | None = None,
        models: Path | bool | None = True,
        seller_center: Mapping[str, Any] | None = None,
        restricted_roles: bool = False,
        base_url: str | None = None,
    ) -> None:
        if orders < 0 or products < 1:
            raise ValueError("orders must be >= 0 and products >= 1")
        if days <= 0:
            raise ValueError("days must be > 0")
        if not marketplaces:
            raise ValueError("marketplaces must name at least one marketplace id")
        self.clock = clock or SYSTEM_CLOCK
        #: where document URLs point (``None``: the address the server socket answered on, never the Host header)
        self.base_url = base_url.rstrip("/") if base_url else None
        self.time_scale = float(time_scale)
        self.quota = QuotaBook(self.time_scale)
        self.seed = seed
        self.order_count = orders
        self.product_count = products
        self.days = days
        self.marketplaces = tuple(marketplaces)
        self.epoch = float(epoch) if epoch is not None else float(int(self.clock.time()) // 60 * 60)
        self.sandbox = sandbox
        self.restricted_roles = bool(restricted_roles)
        self.issuer = TokenIssuer(
            strict=strict, credentials=credentials, refresh_tokens=refresh_tokens, token_lifetime=token_lifetime
        )
        self.faults = faults or Faults()
        self.dice = FaultDice(self.faults, seed)
        root = models_dir() if models is True else (None if models is False or models is None else Path(models))
        self.models_root: Path | None = root
        self.operations = OperationTable.load(root)
        self.cases = SandboxCases(root)
        # the packaged schemas unless told to ignore the models (False) or to read a given models directory
        self.schemas = SchemaBook(root, packaged=models is True)
        self.kiosk_schemas = KioskSchemas(root, packaged=models is True)
        self.stats = Stats()
        self.ids = Ids(seed)
        self.documents: dict[str, Document] = {}
        self.document_secret = secrets.token_bytes(32)
        self.doc_host = DocumentHost(self)
        self.destinations: dict[str, dict[str, dict[str, Any]]] = {}  # app -> destinationId -> destination
        self.notifier: NotificationPublisher | None = None  # set by publish_notifications()
        self._sellers: dict[str, SellerState] = {}
        self._world: World | None = None
        self._lock = threading.Lock()
        self.router = Router()
        from .handlers import register_all

        register_all(self.router)
        from .sellercenter import SellerCenter

        self.seller_center = SellerCenter(self, **dict(seller_center or {}))

    # ------------------------------------------------------------------ data

    @property
    def world(self) -> World:
        if self._world is None:
            with self._lock:
                if self._world is None:
                    products = make_products(self.seed, self.product_count, self.epoch)
                    orders = make_orders(
                        self.seed, self.order_count, products, self.epoch, self.days, self.marketplaces
                    )
                    self._world = World(products, orders)
        return self._world

    def seller(self, partner: str) -> SellerState:
        state = self._sellers.get(partner)
        if state is None:
            state = self._sellers[partner] = SellerState.create(partner, seller_id_for(partner), self.world.products)
        return state

    def plan_for(self, op: EmuOperation) -> UsagePlan:
        """The plan enforced for ``op`` (before time scaling)."""
        return SANDBOX_PLAN if self.sandbox else op.plan

    def new_authorization_code(self, client_id: str) -> str:
        """An authorization code for the ``authorization_code`` grant (needed in strict mode)."""
        return self.issuer.new_authorization_code(client_id)

    def publish_notifications(self, queue_url: str, **options: Any) -> NotificationPublisher:
        """Send ORDER_CHANGE, REPORT_PROCESSING_FINISHED and FEED_PROCESSING_FINISHED to the SQS queue
        ``queue_url`` (options: ``endpoint_url``, ``region``, AWS keys, ``subscribed_only``; see
        :mod:`spapi_async.emulator.notify`). Close the returned publisher with ``await publisher.aclose()``."""
        self.notifier = NotificationPublisher(queue_url, **options)
        return self.notifier

    def snapshot(self) -> dict[str, Any]:
        """What ``GET /__stats`` answers."""
        data = self.stats.snapshot()
        data["time_scale"] = self.time_scale
        data["sandbox"] = self.sandbox
        return data

    def coverage(self) -> dict[str, list[str]]:
        """Operations by how the emulator answers them: ``stateful``, ``sandbox``, ``schema``, ``none``."""
        from .coverage import coverage

        return coverage(self)

    # ------------------------------------------------------------------ ASGI

    async def __call__(self, scope: _Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.request":
                body += message.get("body", b"")
                if not message.get("more_body", False):
                    break
            elif message["type"] == "http.disconnect":
                return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        call = Call(
            method=scope["method"].upper(),
            path=scope["path"],
            template="",
            path_params={},
            query_pairs=Call.parse_query(scope.get("query_string", b"")),
            headers=headers,
            body=bytes(body),
            base_url=self.base_url or _server_url(scope),
            now=self.clock.time(),
            mono=self.clock.monotonic(),
        )
        reply, fault = await self.handle(call)
        if fault == "reset":
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"4096")]})
            await send({"type": "http.response.body", "body": b'{"payload": ', "more_body": True})
            raise ConnectionResetByEmulator("connection reset by the emulator (fault injection)")
        content = reply.encode()
        out_headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in reply.headers.items()]
        if content or reply.body is not None:
            out_headers.append((b"content-type", reply.content_type.encode()))
        out_headers.append((b"content-length", str(len(content)).encode()))
        await send({"type": "http.response.start", "status": reply.status, "headers": out_headers})
        await send({"type": "http.response.body", "body": content})

    @property
    def app(self) -> Emulator:
        """The ASGI application (the emulator itself is one)."""
        return self

    async def handle(self, call: Call) -> tuple[Reply, str | None]:
        """Answer one request: ``(reply, fault kind or None)``."""
        path = call.path
        if path == LWA_PATH:
            return self._lwa(call), None
        if path == STATS_PATH and call.method == "GET":
            return Reply(200, self.snapshot()), None
        if path == COVERAGE_PATH and call.method == "GET":
            from .coverage import coverage_document

            return Reply(200, coverage_document(self)), None
        if path.startswith(DOCUMENT_PREFIX):
            return self.doc_host.handle(call), None
        if path == SELLER_CENTER_PREFIX or path.startswith(SELLER_CENTER_PREFIX + "/"):
            return self.seller_center.handle(call), None
        return await answer_spapi(self, call)

    def _lwa(self, call: Call) -> Reply:
        if call.method != "POST":
            return Reply(405, {"error": "invalid_request", "error_description": "POST required"})
        ctype = call.headers.get("content-type", "")
        form: dict[str, str]
        if "json" in ctype:
            try:
                data = json.loads(call.body or b"{}")
            except ValueError:
                data = None
            form = {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
        else:
            form = dict(parse_qsl(call.body.decode("utf-8", "replace"), keep_blank_values=True))
        reply = self.issuer.grant(form, call.mono)
        if reply.status == 200:
            self.stats.lwa_tokens += 1
        reply.headers["x-amzn-requestid"] = str(uuid.uuid4())
        return reply

    # ------------------------------------------------------------------ serving

    def serve(
        self, port: int = 0, host: str = "127.0.0.1", *, in_thread: bool | None = None
    ) -> AbstractAsyncContextManager[str]:
        """Serve the app with uvicorn on ``host:port`` and yield the base URL; stop the server on exit
        (``async with emulator.serve(port=0) as base_url:``).

        Under asyncio the server runs in the caller's event loop (fastest: no thread hand-offs); under trio, or
        with ``in_thread=True`` (for example to call it from blocking code), it runs in a thread of its own.
        """
        return serve(self, port, host, in_thread=in_thread)
