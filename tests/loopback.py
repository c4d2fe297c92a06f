"""A small HTTP/1.1 server on 127.0.0.1 for tests and benchmarks that need real sockets.

It runs its own asyncio loop in a background thread (so the client under test may run on asyncio or trio), keeps
connections alive, records every request, and answers from a script of :class:`Reply` objects, then with a default
reply. A reply may also *hang* (never answer: read timeouts) or *drop* the connection after reading the request
(a server that goes away mid-request).

Use it as a context manager, as the ``loopback_server`` fixture (import it into a test module), or run it in its
own process: ``python -m tests.loopback`` prints ``port=<n>`` and serves until stdin closes (the benchmark does
this, so the server's CPU is not counted as the client's).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

try:
    import pytest
except ImportError:  # run as a plain server (`python -m tests.loopback`, the benchmarks) where pytest may be absent
    pytest = None  # type: ignore[assignment]

_REASONS = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 403: "Forbidden", 404: "Not Found"}
_REASONS |= {429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}
_MAX_HEAD = 64 * 1024
#: The access token ``python -m tests.loopback`` hands out at /auth/o2/token (as long as a real LWA token).
LOOPBACK_TOKEN = "Atza|loopback-" + "x" * 336


@dataclass(frozen=True)
class Reply:
    """What the server sends back. ``hang``: never answer; ``drop``: close the connection without answering."""

    status: int = 200
    body: bytes = b'{"payload":{}}'
    headers: tuple[tuple[str, str], ...] = (("content-type", "application/json"),)
    hang: bool = False
    drop: bool = False

    @classmethod
    def json(cls, status: int, text: str, *extra: tuple[str, str]) -> Reply:
        return cls(status, text.encode(), (("content-type", "application/json"), *extra))


@dataclass(frozen=True)
class SeenRequest:
    method: str
    target: str  # path and query as sent
    headers: dict[str, str] = field(repr=False)  # lower-cased names
    body: bytes = b""

    @property
    def path(self) -> str:
        return self.target.partition("?")[0]


class LoopbackServer:
    """An HTTP/1.1 server on 127.0.0.1 (a free port) in a background thread."""

    def __init__(self, default: Reply | None = None, *, record: bool = True) -> None:
        self.default = default or Reply()
        self.record = record
        self.requests: list[SeenRequest] = []
        self.connections = 0
        self._script: list[Reply] = []
        self._handler: Callable[[SeenRequest], Reply] | None = None
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None
        self.port = 0

    # ---------------------------------------------------------------- control (any thread)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def script(self, replies: Iterable[Reply]) -> None:
        """Answer the next requests with ``replies`` in order, then with the default reply again."""
        with self._lock:
            self._script.extend(replies)

    def handle_with(self, handler: Callable[[SeenRequest], Reply] | None) -> None:
        """Answer every request (after the script) with ``handler(request)`` instead of the default."""
        self._handler = handler

    def _reply_for(self, request: SeenRequest) -> Reply:
        with self._lock:
            if self.record:
                self.requests.append(request)
            if self._script:
                return self._script.pop(0)
        handler = self._handler
        return handler(request) if handler is not None else self.default

    def start(self) -> LoopbackServer:
        self._thread = threading.Thread(target=self._run, name="loopback-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout=10):
            raise RuntimeError("loopback server did not start within 10 s")
        if self._error is not None:
            raise RuntimeError("loopback server failed to start") from self._error
        return self

    def stop(self) -> None:
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop may already have finished
                loop.call_soon_threadsafe(stop.set)
        if self._thread is not None:
            self._thread.join(timeout=10)

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---------------------------------------------------------------- the server (its own thread)

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        except BaseException as exc:  # reported to start() if it happens before the server is ready
            self._error = exc
            self._ready.set()
        finally:
            loop.close()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        tasks: set[asyncio.Task[None]] = set()

        async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.current_task()
            assert task is not None
            tasks.add(task)
            try:
                await self._connection(reader, writer)
            except asyncio.CancelledError:
                pass  # the server is stopping; ending quietly keeps asyncio from logging the cancellation
            finally:
                tasks.discard(task)

        server = await asyncio.start_server(on_connect, "127.0.0.1", 0, backlog=512)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            server.close()
            for task in list(tasks):
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await server.wait_closed()

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                    return
                if len(head) > _MAX_HEAD:
                    return
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                headers: dict[str, str] = {}
                for line in lines[1:]:
                    if line:
                        name, _, value = line.partition(":")
                        headers[name.strip().lower()] = value.strip()
                if headers.get("transfer-encoding", "").lower() == "chunked":
                    body = await _read_chunked(reader)
                else:
                    length = int(headers.get("content-length", "0") or 0)
                    body = await reader.readexactly(length) if length else b""
                reply = self._reply_for(SeenRequest(method, target, headers, body))
                if reply.drop:
                    return
                if reply.hang:
                    await asyncio.Event().wait()  # until the server stops (or the client goes away)
                reason = _REASONS.get(reply.status, "Status")
                out = [f"HTTP/1.1 {reply.status} {reason}", f"content-length: {len(reply.body)}"]
                out.extend(f"{k}: {v}" for k, v in reply.headers)
                writer.write(("\r\n".join(out) + "\r\n\r\n").encode("latin-1") + reply.body)
                await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    return
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    parts = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0].strip(), 16)
        if size == 0:
            while (await reader.readuntil(b"\r\n")) != b"\r\n":  # trailers, then the blank line
                pass
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)


def unused_port() -> int:
    """A loopback port with nothing listening on it (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def _loopback_server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as server:
        yield server


if pytest is not None:
    loopback_server = pytest.fixture(_loopback_server, name="loopback_server")


def main() -> None:
    """Serve the default reply (or ``--body-size N`` bytes of JSON) until stdin closes, and an LWA-style token at
    ``/auth/o2/token``. Prints ``port=N``."""
    size = 0
    if "--body-size" in sys.argv:
        size = int(sys.argv[sys.argv.index("--body-size") + 1])
    default = Reply()
    if size:
        filler = "x" * max(0, size - 30)
        default = Reply.json(200, f'{{"payload":{{"filler":"{filler}"}}}}')
    token = Reply.json(200, json.dumps({"access_token": LOOPBACK_TOKEN, "token_type": "bearer", "expires_in": 3600}))
    with LoopbackServer(default, record=False) as server:
        server.handle_with(lambda request: token if request.path == "/auth/o2/token" else default)
        print(f"port={server.port}", flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
