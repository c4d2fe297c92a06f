"""Serving an emulator over HTTP with uvicorn on loopback: in the caller's event loop, or in a thread of its own."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

import anyio
import httpx


class ConnectionResetByEmulator(httpx.ReadError):
    """Raised inside the app to drop a connection mid-answer (fault injection)."""


@asynccontextmanager
async def serve(
    app: Any, port: int = 0, host: str = "127.0.0.1", *, in_thread: bool | None = None
) -> AsyncIterator[str]:
    """Serve ``app`` on ``host:port`` and yield the base URL; stop the server on exit (see ``Emulator.serve``)."""
    if in_thread is None:
        try:
            asyncio.get_running_loop()
            in_thread = False
        except RuntimeError:  # trio (or another loop): no asyncio loop is running
            in_thread = True
    if in_thread:
        server, thread, url = await anyio.to_thread.run_sync(partial(start_server, app, host=host, port=port))
        try:
            yield url
        finally:
            server.should_exit = True
            await anyio.to_thread.run_sync(thread.join, 10.0)
        return
    server, sock, url = _make_server(app, host=host, port=port)
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
