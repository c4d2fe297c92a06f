"""An in-test fake of the SP-API report/feed/Data Kiosk lifecycle plus a document host, behind one
``httpx.MockTransport``. The document host records every request and refuses (and remembers) any that carries an
SP-API credential, so a test can assert that none ever arrived."""

from __future__ import annotations

import gzip
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx

import spapi_async as sp

SP_BASE = "http://127.0.0.1:9001"
LWA_URL = "http://127.0.0.1:9001/auth/o2/token"
DOC_BASE = "http://127.0.0.1:9002"
ACCESS_TOKEN = "Atza|SECRET-access-token"
CREDENTIAL_HEADERS = ("x-amz-access-token", "authorization", "x-amz-security-token", "x-amz-date")


class InstantClock:
    """``sleep`` moves time forward at once and records the wait."""

    def __init__(self, start: float = 1_790_000_000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)


class BrokenStream(httpx.AsyncByteStream):
    """A body that sends ``data`` in ``chunk`` pieces and breaks the connection after ``break_after`` bytes."""

    def __init__(self, data: bytes, *, chunk: int = 1000, break_after: int | None = None) -> None:
        self.data = data
        self.chunk = chunk
        self.break_after = break_after
        self.closed = False

    async def aclose(self) -> None:
        self.closed = True

    async def __aiter__(self) -> AsyncIterator[bytes]:
        sent = 0
        while sent < len(self.data):
            piece = self.data[sent : sent + self.chunk]
            if self.break_after is not None and sent + len(piece) > self.break_after:
                piece = piece[: self.break_after - sent]
                if piece:
                    yield piece
                raise httpx.ReadError("connection reset by peer")
            sent += len(piece)
            yield piece


@dataclass
class HostedDocument:
    body: bytes
    content_type: str = "text/plain"
    etag: str | None = '"etag-1"'
    breaks: list[int] = field(default_factory=list)  # one broken response per entry: break after N bytes
    honor_range: bool = True
    expired_first: bool = False  # the first GET answers 403 (an expired pre-signed URL)
    status: int = 200
    chunk: int = 1000


@dataclass
class Plan:
    """How a created report/feed/query goes: the statuses its status calls return, then its documents."""

    statuses: list[str] = field(default_factory=lambda: ["IN_QUEUE", "IN_PROGRESS", "DONE"])
    document_id: str | None = None
    error_document_id: str | None = None
    next_token: str | None = None


@dataclass
class FakeAmazon:
    documents: dict[str, HostedDocument] = field(default_factory=dict)
    compression: dict[str, str] = field(default_factory=dict)  # document id → compressionAlgorithm
    plans: list[Plan] = field(default_factory=list)  # consumed in order by create calls
    existing_reports: list[dict[str, Any]] = field(default_factory=list)  # what getReports lists
    sp_requests: list[httpx.Request] = field(default_factory=list)
    doc_requests: list[httpx.Request] = field(default_factory=list)
    credential_leaks: list[str] = field(default_factory=list)
    uploads: list[tuple[httpx.Request, bytes]] = field(default_factory=list)
    created: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (kind, request body)
    url_versions: dict[str, int] = field(default_factory=dict)
    upload_failures: list[int] = field(default_factory=list)  # statuses answered to the next uploads
    streams: list[BrokenStream] = field(default_factory=list)
    _live: dict[str, tuple[Plan, int]] = field(default_factory=dict)
    _ids: int = 0

    # -------------------------------------------------------------------------------- helpers for tests

    def host(self, document_id: str, doc: HostedDocument, compression: str | None = None) -> None:
        self.documents[document_id] = doc
        if compression:
            self.compression[document_id] = compression

    def host_gzip(self, document_id: str, text: bytes, content_type: str = "text/plain", **kw: Any) -> None:
        self.host(document_id, HostedDocument(gzip.compress(text), content_type=content_type, **kw), "GZIP")

    def client(self, clock: InstantClock, **kwargs: Any) -> sp.SPAPIClient:
        return sp.SPAPIClient(
            client_id="amzn1.application-oa2-client.test",
            client_secret="SECRET-client-secret",
            refresh_token="Atzr|SECRET-refresh-token",
            endpoint=SP_BASE,
            lwa_endpoint=LWA_URL,
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(self.handle)),
            clock=clock,
            **kwargs,
        )

    def documents_for(self, client: sp.SPAPIClient, **kwargs: Any) -> sp.Documents:
        return sp.Documents(client, transport=httpx.MockTransport(self.handle), **kwargs)

    def calls(self, method: str, prefix: str) -> list[httpx.Request]:
        return [r for r in self.sp_requests if r.method == method and r.url.path.startswith(prefix)]

    # -------------------------------------------------------------------------------- the fake

    async def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.port == 9002:
            return self._document_host(request)
        if request.url.path == "/auth/o2/token":
            return httpx.Response(200, json={"access_token": ACCESS_TOKEN, "expires_in": 3600})
        self.sp_requests.append(request)
        assert request.headers.get("x-amz-access-token") == ACCESS_TOKEN
        return self._sp_api(request)

    def _new_id(self, prefix: str) -> str:
        self._ids += 1
        return f"{prefix}-{self._ids}"

    def _create(self, kind: str, request: httpx.Request) -> str:
        body = json.loads(request.content) if request.content else {}
        self.created.append((kind, body))
        resource_id = self._new_id(kind)
        plan = self.plans.pop(0) if self.plans else Plan()
        self._live[resource_id] = (plan, 0)
        return resource_id

    def _status(self, resource_id: str) -> tuple[str, Plan]:
        plan, seen = self._live[resource_id]
        status = plan.statuses[min(seen, len(plan.statuses) - 1)]
        self._live[resource_id] = (plan, seen + 1)
        return status, plan

    def _url(self, document_id: str) -> str:
        version = self.url_versions.get(document_id, 0) + 1
        self.url_versions[document_id] = version
        return f"{DOC_BASE}/docs/{document_id}?X-Amz-Signature=SECRET-sig-{version}&X-Amz-Security-Token=SECRET-tok"

    def _sp_api(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        parts = path.strip("/").split("/")
        method = request.method
        # Reports
        if path == "/reports/2021-06-30/reports" and method == "POST":
            return httpx.Response(202, json={"reportId": self._create("report", request)})
        if path == "/reports/2021-06-30/reports" and method == "GET":
            return httpx.Response(200, json={"reports": self.existing_reports})
        if path.startswith("/reports/2021-06-30/reports/") and method == "GET":
            report_id = parts[-1]
            if report_id not in self._live:  # an existing report listed by getReports
                listed = next(r for r in self.existing_reports if r["reportId"] == report_id)
                return httpx.Response(200, json=listed)
            status, plan = self._status(report_id)
            body: dict[str, Any] = {"reportId": report_id, "reportType": "T", "processingStatus": status}
            if status in ("DONE", "FATAL") and plan.document_id:
                body["reportDocumentId"] = plan.document_id
            return httpx.Response(200, json=body)
        if path.startswith("/reports/2021-06-30/documents/"):
            doc_id = parts[-1]
            body = {"reportDocumentId": doc_id, "url": self._url(doc_id)}
            if doc_id in self.compression:
                body["compressionAlgorithm"] = self.compression[doc_id]
            return httpx.Response(200, json=body)
        # Feeds
        if path == "/feeds/2021-06-30/documents" and method == "POST":
            doc_id = self._new_id("feeddoc")
            self.created.append(("feed document", json.loads(request.content)))
            return httpx.Response(201, json={"feedDocumentId": doc_id, "url": f"{DOC_BASE}/upload/{doc_id}?sig=x"})
        if path == "/feeds/2021-06-30/feeds" and method == "POST":
            return httpx.Response(202, json={"feedId": self._create("feed", request)})
        if path.startswith("/feeds/2021-06-30/feeds/"):
            feed_id = parts[-1]
            status, plan = self._status(feed_id)
            body = {"feedId": feed_id, "feedType": "JSON_LISTINGS_FEED", "processingStatus": status}
            if status in ("DONE", "FATAL") and plan.document_id:
                body["resultFeedDocumentId"] = plan.document_id
            return httpx.Response(200, json=body)
        if path.startswith("/feeds/2021-06-30/documents/"):
            doc_id = parts[-1]
            body = {"feedDocumentId": doc_id, "url": self._url(doc_id)}
            if doc_id in self.compression:
                body["compressionAlgorithm"] = self.compression[doc_id]
            return httpx.Response(200, json=body)
        # Data Kiosk
        if path == "/dataKiosk/2023-11-15/queries" and method == "POST":
            return httpx.Response(202, json={"queryId": self._create("query", request)})
        if path.startswith("/dataKiosk/2023-11-15/queries/"):
            query_id = parts[-1]
            status, plan = self._status(query_id)
            body = {"queryId": query_id, "query": "q", "processingStatus": status}
            if status == "DONE" and plan.document_id:
                body["dataDocumentId"] = plan.document_id
            if status == "FATAL" and plan.error_document_id:
                body["errorDocumentId"] = plan.error_document_id
            if status == "DONE" and plan.next_token:
                body["pagination"] = {"nextToken": plan.next_token}
            return httpx.Response(200, json=body)
        if path.startswith("/dataKiosk/2023-11-15/documents/"):
            doc_id = parts[-1]
            return httpx.Response(200, json={"documentId": doc_id, "documentUrl": self._url(doc_id)})
        return httpx.Response(404, json={"errors": [{"code": "NotFound", "message": path}]})

    def _document_host(self, request: httpx.Request) -> httpx.Response:
        self.doc_requests.append(request)
        leaked = [h for h in CREDENTIAL_HEADERS if h in request.headers]
        if leaked:
            self.credential_leaks.extend(leaked)
            return httpx.Response(400, text="credentials sent to the document host")
        parts = request.url.path.strip("/").split("/")
        if request.method == "PUT" and parts[0] == "upload":
            if self.upload_failures:
                return httpx.Response(self.upload_failures.pop(0))
            self.uploads.append((request, request.content))
            return httpx.Response(200)
        doc_id = parts[-1]
        doc = self.documents.get(doc_id)
        if doc is None:
            return httpx.Response(404)
        if doc.expired_first:
            doc.expired_first = False
            return httpx.Response(403, text="<Error><Code>AccessDenied</Code>Request has expired</Error>")
        if doc.status != 200:
            return httpx.Response(doc.status)
        headers = {"content-type": doc.content_type, "accept-ranges": "bytes"}
        if doc.etag:
            headers["etag"] = doc.etag
        body = doc.body
        status = 200
        range_header = request.headers.get("range")
        if range_header and doc.honor_range:
            start = int(range_header.removeprefix("bytes=").split("-")[0])
            if start >= len(body):
                return httpx.Response(416, headers={"content-range": f"bytes */{len(body)}"})
            headers["content-range"] = f"bytes {start}-{len(body) - 1}/{len(body)}"
            body = body[start:]
            status = 206
        headers["content-length"] = str(len(body))
        break_after = doc.breaks.pop(0) if doc.breaks else None
        stream = BrokenStream(body, chunk=doc.chunk, break_after=break_after)
        self.streams.append(stream)
        return httpx.Response(status, headers=headers, stream=stream)
