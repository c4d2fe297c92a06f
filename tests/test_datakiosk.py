"""Data Kiosk's body token: createQuery with paginationToken, polled with an injected clock (no real sleeps)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from spapi_async.datakiosk import QueryFailedError, query_pages

from .apifakes import make_client


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return 1_700_000_000.0 + self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


class DataKiosk:
    """Query q1 finishes after one poll and names token tok-2; q2 (created with tok-2) is the last page."""

    def __init__(self, final_status: str = "DONE") -> None:
        self.created: list[Any] = []
        self.polls: dict[str, int] = {}
        self.final_status = final_status

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.method == "POST" and path == "/dataKiosk/2023-11-15/queries":
            self.created.append(json.loads(request.content))
            return httpx.Response(202, json={"queryId": f"q{len(self.created)}"})
        query_id = path.rsplit("/", 1)[-1]
        n = self.polls[query_id] = self.polls.get(query_id, 0) + 1
        body: dict[str, Any] = {"queryId": query_id, "query": "q", "createdTime": "2025-01-01T00:00:00Z"}
        if n == 1:
            body["processingStatus"] = "IN_PROGRESS"
        else:
            body["processingStatus"] = self.final_status
            body["dataDocumentId"] = f"doc-{query_id}"
            if query_id == "q1":
                body["pagination"] = {"nextToken": "tok-2"}
        return httpx.Response(200, json=body)


async def test_pages_follow_the_body_token_and_poll_on_the_clock() -> None:
    server = DataKiosk()
    clock = FakeClock()
    async with make_client(server, clock=clock) as client:
        pages = query_pages(client, "query { x }", poll_interval=30.0)
        docs = [q.data_document_id async for q in pages]
    assert docs == ["doc-q1", "doc-q2"]
    assert server.created == [{"query": "query { x }"}, {"query": "query { x }", "paginationToken": "tok-2"}]
    assert clock.slept == [30.0, 30.0]
    assert pages.next_token is None


async def test_resume_sends_the_saved_token_in_the_body() -> None:
    server = DataKiosk()
    async with make_client(server, clock=FakeClock()) as client:
        first = await query_pages(client, "query { x }", next_token="tok-saved")
    assert first.query_id == "q1"
    assert server.created == [{"query": "query { x }", "paginationToken": "tok-saved"}]


async def test_a_fatal_query_raises() -> None:
    async with make_client(DataKiosk(final_status="FATAL"), clock=FakeClock()) as client:
        with pytest.raises(QueryFailedError) as info:
            await query_pages(client, "query { x }")
    assert info.value.query.data_document_id == "doc-q1"


async def test_a_query_that_never_finishes_times_out_on_the_injected_clock() -> None:
    import spapi_async as sp

    server = DataKiosk(final_status="IN_PROGRESS")
    clock = FakeClock()
    async with make_client(server, clock=clock) as client:
        with pytest.raises(sp.TimeoutError_):
            await query_pages(client, "query { x }", poll_interval=30.0, timeout=100.0)
    assert clock.slept == [30.0, 30.0, 30.0]
    assert server.polls == {"q1": 4}
