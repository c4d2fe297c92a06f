"""The jobs behind the command line, free of any terminal code: report download, feed submission, helpers.

Each reports its progress through an optional :class:`Progress` callback object, so the CLI can draw bars and the
tests can run them plainly.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx

from ..client import SPAPIClient
from ..errors import SPAPIError

TERMINAL = ("DONE", "CANCELLED", "FATAL")


class Progress(Protocol):
    def total(self, task: str, total: int | None) -> None: ...

    def advance(self, task: str, amount: int = 1) -> None: ...

    def status(self, task: str, text: str) -> None: ...


class NoProgress:
    def total(self, task: str, total: int | None) -> None:
        return None

    def advance(self, task: str, amount: int = 1) -> None:
        return None

    def status(self, task: str, text: str) -> None:
        return None


class JobFailed(SPAPIError):
    """A report or feed ended CANCELLED or FATAL."""


async def download(url: str, compression: str | None, *, http: httpx.AsyncClient | None = None) -> bytes:
    """Fetch a pre-signed document URL (no SP-API credentials: the host would refuse them) and gunzip it."""
    own = http is None
    client = http or httpx.AsyncClient(timeout=60.0)
    try:
        response = await client.get(url)
        if response.status_code != 200:
            raise SPAPIError(f"document download answered {response.status_code}", status_code=response.status_code)
        data = response.content
    finally:
        if own:
            await client.aclose()
    return gzip.decompress(data) if compression == "GZIP" else data


@dataclass
class ReportResult:
    report_id: str
    status: str
    document_id: str | None
    content: bytes = b""
    polls: int = 0

    @property
    def rows(self) -> int:
        lines = self.content.count(b"\n")
        return max(0, lines - 1) if self.content.startswith((b"amazon", b"item-", b"sku")) else lines


async def fetch_report(
    client: SPAPIClient,
    report_type: str,
    marketplace_ids: Sequence[str],
    *,
    data_start: str | None = None,
    data_end: str | None = None,
    poll_interval: float = 15.0,
    progress: Progress | None = None,
    http: httpx.AsyncClient | None = None,
) -> ReportResult:
    """createReport → getReport until DONE → getReportDocument → the (gunzipped) document."""
    ui = progress or NoProgress()
    body: dict[str, Any] = {"reportType": report_type, "marketplaceIds": list(marketplace_ids)}
    if data_start:
        body["dataStartTime"] = data_start
    if data_end:
        body["dataEndTime"] = data_end
    created = await client.request("POST", "/reports/2021-06-30/reports", json=body)
    report_id = str(created.json()["reportId"])
    ui.status("report", f"report {report_id}: IN_QUEUE")
    polls = 0
    while True:
        report = (await client.request("GET", f"/reports/2021-06-30/reports/{report_id}")).json()
        polls += 1
        status = str(report["processingStatus"])
        ui.status("report", f"report {report_id}: {status}")
        if status in TERMINAL:
            break
        await client.clock.sleep(poll_interval)
    document_id = report.get("reportDocumentId")
    if status != "DONE" or not document_id:
        raise JobFailed(f"report {report_id} ended {status}" + (f" (document {document_id})" if document_id else ""))
    doc = (await client.request("GET", f"/reports/2021-06-30/documents/{document_id}")).json()
    content = await download(doc["url"], doc.get("compressionAlgorithm"), http=http)
    ui.advance("report")
    return ReportResult(report_id, status, document_id, content, polls)


@dataclass
class FeedResult:
    feed_id: str
    status: str
    result_document_id: str | None
    report: bytes = b""
    summary: dict[str, Any] = field(default_factory=dict)
    polls: int = 0


async def submit_feed(
    client: SPAPIClient,
    feed_type: str,
    content: bytes,
    content_type: str,
    marketplace_ids: Sequence[str],
    *,
    poll_interval: float = 15.0,
    progress: Progress | None = None,
    http: httpx.AsyncClient | None = None,
) -> FeedResult:
    """createFeedDocument → upload → createFeed → getFeed until done → the processing report."""
    ui = progress or NoProgress()
    doc = (await client.request("POST", "/feeds/2021-06-30/documents", json={"contentType": content_type})).json()
    own = http is None
    uploader = http or httpx.AsyncClient(timeout=60.0)
    try:
        put = await uploader.put(doc["url"], content=content, headers={"content-type": content_type})
    finally:
        if own:
            await uploader.aclose()
    if put.status_code not in (200, 201, 204):
        raise SPAPIError(f"feed upload answered {put.status_code}", status_code=put.status_code)
    body = {
        "feedType": feed_type,
        "marketplaceIds": list(marketplace_ids),
        "inputFeedDocumentId": doc["feedDocumentId"],
    }
    feed_id = str((await client.request("POST", "/feeds/2021-06-30/feeds", json=body)).json()["feedId"])
    ui.status("feed", f"feed {feed_id}: IN_QUEUE")
    polls = 0
    while True:
        feed = (await client.request("GET", f"/feeds/2021-06-30/feeds/{feed_id}")).json()
        polls += 1
        status = str(feed["processingStatus"])
        ui.status("feed", f"feed {feed_id}: {status}")
        if status in TERMINAL:
            break
        await client.clock.sleep(poll_interval)
    result_id = feed.get("resultFeedDocumentId")
    report = b""
    if result_id:
        result = (await client.request("GET", f"/feeds/2021-06-30/documents/{result_id}")).json()
        report = await download(result["url"], result.get("compressionAlgorithm"), http=http)
    summary: dict[str, Any] = {}
    try:
        parsed = json.loads(report) if report.startswith(b"{") else None
        if isinstance(parsed, dict) and isinstance(parsed.get("summary"), dict):
            summary = parsed["summary"]
    except ValueError:
        summary = {}
    ui.advance("feed")
    if status != "DONE":
        raise JobFailed(f"feed {feed_id} ended {status}: {report[:200].decode('utf-8', 'replace')}")
    return FeedResult(feed_id, status, result_id, report, summary, polls)
