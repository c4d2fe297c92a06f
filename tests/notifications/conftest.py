"""Fixtures for the notification tests: a moto SQS server for the session (a real HTTP server, never a mock)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from tests.distributed.conftest import redis_url  # noqa: F401  (the shared Redis fixture)

from .sqs import MotoServer, sqs_client


@pytest.fixture(scope="session")
def sqs_endpoint() -> Iterator[str]:
    server = MotoServer()
    server.start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
async def sqs(sqs_endpoint: str) -> AsyncIterator[Any]:
    async with sqs_client(sqs_endpoint) as client:
        yield client
