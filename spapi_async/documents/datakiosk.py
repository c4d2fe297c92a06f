"""Data Kiosk 2023-11-15: create a query, wait, read its JSON Lines document(s), follow its pagination. The
requests are the generated ``DataKiosk20231115Api``'s."""

from __future__ import annotations

from ..apis.data_kiosk_2023_11_15 import DataKiosk20231115Api
from ..errors import ConfigurationError, SPAPIError
from ..models.data_kiosk_2023_11_15 import CreateQuerySpecification, Query
from .errors import QueryCancelledError, QueryFatalError
from .responses import presigned_url, required

#: A Data Kiosk query as Amazon describes it (the generated model).
QueryInfo = Query


def check_query(query: str) -> None:
    if not isinstance(query, str) or not query.strip():
        raise ConfigurationError("query must be a non-empty GraphQL query string")


async def create_query(api: DataKiosk20231115Api, query: str, pagination_token: str | None) -> str:
    token = {"pagination_token": pagination_token} if pagination_token else {}
    spec = CreateQuerySpecification(query=query, **token)
    return required((await api.create_query(body=spec)).query_id, "queryId", "createQuery")


async def get_query(api: DataKiosk20231115Api, query_id: str) -> QueryInfo:
    query = await api.get_query(query_id=query_id)
    required(query.query_id, "queryId", "query")
    return query


def next_token(info: QueryInfo) -> str | None:
    token = info.pagination.next_token if info.pagination is not None else None
    return token or None


async def get_document(api: DataKiosk20231115Api, document_id: str) -> str:
    """The document's pre-signed URL (its ``repr`` masked)."""
    return presigned_url((await api.get_document(document_id=document_id)).document_url, "getDocument", "documentUrl")


def terminal_error(info: QueryInfo, error_document: str | None) -> SPAPIError:
    query_id = info.query_id or ""
    if info.processing_status == "CANCELLED":
        return QueryCancelledError(
            f"Data Kiosk query {query_id} was CANCELLED",
            kind="query",
            resource_id=query_id,
            processing_status="CANCELLED",
            details=info.to_wire(),
        )
    summary = " ".join((error_document or "").split())[:300]
    return QueryFatalError(
        f"Data Kiosk query {query_id} ended FATAL" + (f": {summary}" if summary else ""),
        kind="query",
        resource_id=query_id,
        processing_status="FATAL",
        error_document=error_document,
        details=info.to_wire(),
    )
