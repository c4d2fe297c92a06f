"""Data Kiosk 2023-11-15: create a query, wait, read its JSON Lines document(s), follow its pagination."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._redact import RedactedStr
from ..errors import ConfigurationError, SPAPIError
from ..transport import Transport
from .errors import QueryCancelledError, QueryFatalError
from .polling import call_api, optional_str, path_segment, require_str

API = "data_kiosk_2023_11_15"
BASE = "/dataKiosk/2023-11-15"


@dataclass(frozen=True, slots=True)
class QueryInfo:
    query_id: str
    processing_status: str
    data_document_id: str | None
    error_document_id: str | None
    next_token: str | None
    raw: Mapping[str, Any]

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> QueryInfo:
        pagination = body.get("pagination")
        token = optional_str(pagination, "nextToken") if isinstance(pagination, Mapping) else None
        return cls(
            query_id=require_str(body, "queryId", "query"),
            processing_status=optional_str(body, "processingStatus") or "",
            data_document_id=optional_str(body, "dataDocumentId"),
            error_document_id=optional_str(body, "errorDocumentId"),
            next_token=token,
            raw=dict(body),
        )


def check_query(query: str) -> None:
    if not isinstance(query, str) or not query.strip():
        raise ConfigurationError("query must be a non-empty GraphQL query string")


async def create_query(transport: Transport, query: str, pagination_token: str | None) -> str:
    spec: dict[str, Any] = {"query": query}
    if pagination_token:
        spec["paginationToken"] = pagination_token
    body = await call_api(transport, f"{API}.create_query", "POST", f"{BASE}/queries", json=spec)
    return require_str(body, "queryId", "createQuery")


async def get_query(transport: Transport, query_id: str) -> QueryInfo:
    path = f"{BASE}/queries/{path_segment(query_id, 'query_id')}"
    return QueryInfo.from_json(await call_api(transport, f"{API}.get_query", "GET", path))


async def get_document(transport: Transport, document_id: str) -> str:
    path = f"{BASE}/documents/{path_segment(document_id, 'document_id')}"
    body = await call_api(transport, f"{API}.get_document", "GET", path)
    return RedactedStr(require_str(body, "documentUrl", "getDocument"))  # pre-signed: repr masked


def terminal_error(info: QueryInfo, error_document: str | None) -> SPAPIError:
    if info.processing_status == "CANCELLED":
        return QueryCancelledError(
            f"Data Kiosk query {info.query_id} was CANCELLED",
            kind="query",
            resource_id=info.query_id,
            processing_status="CANCELLED",
            details=dict(info.raw),
        )
    summary = " ".join((error_document or "").split())[:300]
    return QueryFatalError(
        f"Data Kiosk query {info.query_id} ended FATAL" + (f": {summary}" if summary else ""),
        kind="query",
        resource_id=info.query_id,
        processing_status="FATAL",
        error_document=error_document,
        details=dict(info.raw),
    )
