"""``Emulator``: an ASGI app that behaves like SP-API + Login with Amazon (+ Seller Center), with real usage plans."""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
import socket
import threading
import time
import uuid
from collections.abc import AsyncIterator, Collection, Iterator, Mapping
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import anyio
import httpx

from ..clock import SYSTEM_CLOCK, Clock
from ..operation import SANDBOX_PLAN, UsagePlan
from .auth import Principal, TokenIssuer, access_denied, seller_id_for
from .data import make_orders, make_products
from .documents import DOCUMENT_PREFIX, DocumentHost
from .faults import HTML_503, FaultDice, Faults
from .http import ApiFault, Call, Reply, error_reply
from .kiosk_schema import KioskSchemas
from .known_types import check_type
from .models import models_dir
from .notify import NotificationPublisher
from .operations import EmuOperation, OperationTable
from .quota import QuotaBook
from .routes import Router
from .sandbox import SandboxCases
from .schema import SchemaBook
from .schema_response import schema_answer
from .state import Document, Ids, SellerState, World
from .stats import Stats
from .validate import check_request

logger = logging.getLogger("spapi_async.emulator")

LWA_PATH = "/auth/o2/token"
STATS_PATH = "/__stats"
COVERAGE_PATH = "/__coverage"
SELLER_CENTER_PREFIX = "/sellercenter"

_Scope = Mapping[str, Any]


class ConnectionResetByEmulator(httpx.ReadError):
    """Raised inside the app to drop a connection mid-answer (fault injection)."""


def _server_url(scope: _Scope) -> str:
    """The address the request reached (the ASGI server's own socket), whatever the client's Host header says."""
    server = scope.get("server")
    host, port = (str(server[0]), server[1]) if server else ("127.0.0.1", None)
    if ":" in host:
        host = f"[{host}]"
    scheme = scope.get("scheme", "http")
    default = 443 if scheme == "https" else 80
    return f"{scheme}://{host}" if port in (None, default) else f"{scheme}://{host}:{port}"


def _rate_text(rate: float) -> str:
    return f"{rate:.6g}"


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
        self._dice = FaultDice(self.faults, seed)
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
        return await self._spapi(call)

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

    async def _spapi(self, call: Call) -> tuple[Reply, str | None]:
        found = self.operations.matcher.match(call.method, call.path)
        if found is None:
            return self._finish(error_reply(404, "NotFound", "Resource not found."), None), None
        op, call.template, call.path_params = found
        handler = self.router.find(op.key)
        call.operation = op
        plan = self.quota.effective(self.plan_for(op))
        rate_headers = {"x-amzn-RateLimit-Limit": _rate_text(plan.rate)}

        denied = self._authenticate(call, op)
        if denied is not None:
            self.stats.record(op.key, denied.status, call.mono)
            return self._finish(denied, rate_headers), None
        principal = call.principal
        assert principal is not None
        if not self.quota.take(principal.app, principal.partner, op.key, self.plan_for(op), call.mono):
            reply = error_reply(429, "QuotaExceeded", "You exceeded your quota for the requested resource.")
            self.stats.record(op.key, 429, call.mono)
            return self._finish(reply, rate_headers), None

        kind: str | None = None
        if self.faults.active:
            kind, html, status = self._dice.draw()
            if kind == "error":
                if html:
                    reply = Reply(status, HTML_503, content_type="text/html")
                else:
                    reply = error_reply(
                        status, "InternalFailure", "We encountered an internal error. Please try again."
                    )
                self.stats.record(op.key, status, call.mono, fault=True)
                return self._finish(reply, rate_headers), "error"
            if kind == "reset":
                self.stats.record(op.key, 599, call.mono, fault=True)
                return Reply(200), "reset"
            if kind == "slow":
                await self.clock.sleep(self.faults.slow_seconds)

        call.state = self.seller(principal.partner)
        reply, source = self._answer(call, op, handler)
        self.stats.record(op.key, reply.status, call.mono, source=source, fault=kind is not None)
        return self._finish(reply, rate_headers), kind

    def _answer(self, call: Call, op: EmuOperation, handler: Any) -> tuple[Reply, str]:
        spec = self.schemas.get(op)
        problem: ApiFault | None = None
        if spec is not None:
            try:
                check_request(spec, call)
                check_type(op.key, call)
                self.kiosk_schemas.check(op.key, call)
            except ApiFault as fault:
                problem = fault
        if self.sandbox or handler is None or problem is not None:
            # an invalid request is answered by a static case only when the case names its inputs
            case = self.cases.answer(op, call, named_only=problem is not None, unnamed_errors=self.sandbox)
            # a request the model refuses gets Amazon's InvalidInput, unless a static case answers it with success
            if case is not None and (problem is None or case.status < 300):
                return case, "sandbox"
        if problem is not None:
            return problem.reply(), "validation"
        if handler is not None:
            try:
                return handler(call, self), "stateful"
            except ApiFault as fault:
                if fault.status in (400, 404) and not self.sandbox:
                    case = self.cases.answer(op, call, unnamed_errors=False)
                    if case is not None:
                        return case, "sandbox"
                return fault.reply(), "stateful"
        if spec is not None:
            return schema_answer(spec, call, seed=self.seed, epoch=self.epoch), "schema"
        if self.cases.has_cases(op):
            return error_reply(400, "InvalidInput", "Could not match input arguments."), "sandbox"
        return error_reply(404, "NotFound", f"{op.operation_id or op.key} is not emulated."), "none"

    def _authenticate(self, call: Call, op: EmuOperation) -> Reply | None:
        token = call.headers.get("x-amz-access-token", "")
        if not token:
            return error_reply(403, "Unauthorized", "Access to requested resource is denied.", "")
        resolved = self.issuer.resolve(token, call.mono)
        if resolved is None:
            return error_reply(
                403,
                "Unauthorized",
                "Access to requested resource is denied.",
                "The access token you provided is revoked, malformed or invalid.",
            )
        if resolved == "expired":
            return error_reply(
                403,
                "Unauthorized",
                "Access to requested resource is denied.",
                "The access token you provided has expired.",
            )
        principal: Principal = resolved
        denied = access_denied(principal, op, call.method, call.path)
        if denied is not None:
            return denied
        call.principal = principal
        return None

    @staticmethod
    def _finish(reply: Reply, rate_headers: Mapping[str, str] | None) -> Reply:
        reply.headers.setdefault("x-amzn-RequestId", str(uuid.uuid4()))
        if rate_headers:
            for k, v in rate_headers.items():
                reply.headers.setdefault(k, v)
        return reply

    # ------------------------------------------------------------------ serving

    @asynccontextmanager
    async def serve(
        self, port: int = 0, host: str = "127.0.0.1", *, in_thread: bool | None = None
    ) -> AsyncIterator[str]:
        """Serve the app with uvicorn on ``host:port`` and yield the base URL; stop the server on exit.

        Under asyncio the server runs in the caller's event loop (fastest: no thread hand-offs); under trio, or
        with ``in_thread=True`` (for example to call it from blocking code), it runs in a thread of its own.
        """
        import asyncio

        if in_thread is None:
            try:
                asyncio.get_running_loop()
                in_thread = False
            except RuntimeError:  # trio (or another loop): no asyncio loop is running
                in_thread = True
        if in_thread:
            server, thread, url = await anyio.to_thread.run_sync(partial(start_server, self, host=host, port=port))
            try:
                yield url
            finally:
                server.should_exit = True
                await anyio.to_thread.run_sync(thread.join, 10.0)
            return
        server, sock, url = _make_server(self, host=host, port=port)
        task = asyncio.ensure_future(server.serve(sockets=[sock]))
        try:
            while not server.started:
                if task.done():
                    task.result()
                    raise RuntimeError("the emulator's server did not start")
                await asyncio.sleep(0.005)
            yield url
        finally:
            server.should_exit = True
            await task


class _DropResetNoise(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, ConnectionResetByEmulator)


def _make_server(app: Any, *, host: str, port: int) -> tuple[Any, socket.socket, str]:
    import uvicorn

    class QuietServer(uvicorn.Server):
        """Leaves signal handling (Ctrl-C) to the program that embeds the emulator."""

        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            yield

        def install_signal_handlers(self) -> None:
            return None

    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY only on sockets that say they are TCP, and without it
    # every answer (headers, then body) waits ~40 ms for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound_port = sock.getsockname()[1]
    config = uvicorn.Config(
        app, log_level="warning", lifespan="off", access_log=False, log_config=None, timeout_keep_alive=30
    )
    logging.getLogger("uvicorn.error").addFilter(_DropResetNoise())
    return QuietServer(config), sock, f"http://{host}:{bound_port}"


def start_server(app: Any, *, host: str = "127.0.0.1", port: int = 0) -> tuple[Any, threading.Thread, str]:
    """Start uvicorn serving ``app`` in a daemon thread; returns ``(server, thread, base_url)`` once listening.
    For blocking callers (and trio); set ``server.should_exit = True`` and join the thread to stop it."""
    server, sock, url = _make_server(app, host=host, port=port)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="spapi-emulator", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10.0
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the emulator's server did not start")
        time.sleep(0.01)
    return server, thread, url
