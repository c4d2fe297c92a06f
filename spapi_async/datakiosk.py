"""Data Kiosk's pagination, the one token style that spans operations.

A Data Kiosk query runs asynchronously: ``createQuery`` returns a query id, ``getQuery`` reports its status and, once
``DONE``, the result document and ``pagination.nextToken``. The next page is a *new* ``createQuery`` with the same
query and the token in the request body (``paginationToken``). :func:`query_pages` wraps that cycle in the usual
:class:`~spapi_async.pagination.AsyncPaginator`: each page is a finished ``Query``; ``next_token`` resumes.

    async for query in query_pages(client, "query { ... }"):
        if query.data_document_id:
            document = await client.data_kiosk_2023_11_15.get_document(document_id=query.data_document_id)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ApiError, TimeoutError_
from .pagination import AsyncPaginator, attribute_path

if TYPE_CHECKING:
    from .client import SPAPIClient
    from .models.data_kiosk_2023_11_15 import Query

FINISHED = frozenset({"DONE", "FATAL", "CANCELLED"})


class QueryFailedError(ApiError):
    """A Data Kiosk query ended ``FATAL`` or ``CANCELLED``; ``query`` is its final state (``error_document_id``)."""

    def __init__(self, message: str, query: Query) -> None:
        super().__init__(message)
        self.query = query


def query_pages(
    client: SPAPIClient,
    query: str,
    *,
    next_token: str | None = None,
    poll_interval: float = 15.0,
    timeout: float = 3600.0,
) -> AsyncPaginator[Query, Query]:
    """The pages of a Data Kiosk query: each one created (with the previous page's token in the body), polled every
    ``poll_interval`` seconds on the client's clock until finished, and returned as the final ``Query``.

    Raises :class:`QueryFailedError` for a query that ends ``FATAL``/``CANCELLED`` and ``TimeoutError_`` when one
    takes longer than ``timeout`` seconds. Polls count against ``getQuery``'s usage plan like any other call.
    """
    if poll_interval <= 0 or timeout <= 0:
        raise ValueError("poll_interval and timeout must be > 0")
    api = client.data_kiosk_2023_11_15
    clock = client.clock

    async def fetch(token: str | None) -> Query:
        body: dict[str, str] = {"query": query}
        if token is not None:
            body["paginationToken"] = token
        created = await api.create_query(body=body)
        if not created.query_id:
            raise ApiError("createQuery answered without a queryId", status_code=202)
        deadline = clock.monotonic() + timeout
        while True:
            state = await api.get_query(query_id=created.query_id)
            status = state.processing_status or ""
            if status == "DONE":
                return state
            if status in FINISHED:
                raise QueryFailedError(f"Data Kiosk query {created.query_id} ended {status}", state)
            if clock.monotonic() + poll_interval > deadline:
                raise TimeoutError_(f"Data Kiosk query {created.query_id} still {status or 'unknown'} after {timeout}s")
            await clock.sleep(poll_interval)

    return AsyncPaginator(fetch, token_of=attribute_path(("pagination", "next_token")), next_token=next_token)
