"""Helpers for the tests that need real Redis servers and several processes."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import anyio
import pytest

from .redis_binary import MISSING, redis_server_binary

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve().parent / "redis_workers.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RedisServer:
    """A ``redis-server`` child process on 127.0.0.1 that a test may stop and start again on the same port."""

    def __init__(self, port: int | None = None) -> None:
        binary = redis_server_binary()
        if binary is None:
            pytest.fail(MISSING, pytrace=False)
        self.binary = binary
        self.port = port or free_port()
        self.dir = tempfile.mkdtemp(prefix="spapi-redis-")
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        assert self.proc is None
        self.proc = subprocess.Popen(
            [
                *(self.binary, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"),
                *("--dir", self.dir, "--logfile", os.path.join(self.dir, "redis.log")),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.ping():
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.02)  # waiting for a process to come up, not timing a test
        self.stop()
        pytest.fail(f"redis-server did not start on port {self.port}", pytrace=False)

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(timeout=10)
            self.proc = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


async def run_workers(mode: str, args: dict[str, Any], count: int, limit_s: float = 60.0) -> list[Any]:
    """Start ``count`` worker processes (see ``redis_workers.py``), release them together, collect their results."""
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            str(WORKER),
            mode,
            json.dumps(args),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=env,
            cwd=str(REPO_ROOT),
        )
        for _ in range(count)
    ]
    try:
        with anyio.fail_after(limit_s):
            for p in procs:
                assert p.stdout is not None and p.stderr is not None
                line = await p.stdout.readline()
                if line.strip() != b"ready":
                    err = await p.stderr.read()
                    raise AssertionError(f"worker did not start: {line!r} {err.decode(errors='replace')}")
            for p in procs:
                assert p.stdin is not None
                p.stdin.write(b"go\n")
                await p.stdin.drain()
            results = []
            for p in procs:
                out, err = await p.communicate()
                assert p.returncode == 0, err.decode(errors="replace")
                results.append(json.loads(out.decode().strip().splitlines()[-1]))
            return results
    finally:
        for p in procs:
            if p.returncode is None:
                p.kill()
                await p.wait()
