"""Reports end to end against the fake: create → poll → download → rows, and every way it can end."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from contextlib import aclosing
from pathlib import Path

import httpx
import pytest

import spapi_async as sp

from .fake import CREDENTIAL_HEADERS, FakeAmazon, HostedDocument, InstantClock, Plan

MARKETPLACE = "ATVPDKIKX0DER"
TSV = b"sku\tprice\tqty\nA-1\t10.00\t3\nB-2\t7.50\t0\n"


@pytest.fixture
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def assert_no_credentials_sent(fake: FakeAmazon) -> None:
    assert fake.doc_requests, "the document host was never asked"
    assert fake.credential_leaks == []
    for request in fake.doc_requests:
        for name in CREDENTIAL_HEADERS:
            assert name not in request.headers


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"], indirect=True)
async def test_download_report_end_to_end(anyio_backend: str) -> None:
    fake = FakeAmazon(plans=[Plan(["IN_QUEUE", "IN_PROGRESS", "IN_PROGRESS", "DONE"], document_id="doc-1")])
    fake.host_gzip("doc-1", TSV, content_type="text/tab-separated-values;charset=UTF-8")
    clock = InstantClock()
    async with fake.client(clock) as client:
        documents = fake.documents_for(client)
        doc = await documents.download_report(
            report_type="GET_MERCHANT_LISTINGS_ALL_DATA",
            marketplace_ids=[MARKETPLACE],
            data_start_time=dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc),
            data_end_time="2026-11-02T00:00:00Z",
            report_options={"custom": "true"},
        )
        rows = [row async for row in doc.rows()]
        await documents.aclose()
    assert rows == [
        {"sku": "A-1", "price": "10.00", "qty": "3"},
        {"sku": "B-2", "price": "7.50", "qty": "0"},
    ]
    kind, body = fake.created[0]
    assert kind == "report"
    assert body == {
        "reportType": "GET_MERCHANT_LISTINGS_ALL_DATA",
        "marketplaceIds": [MARKETPLACE],
        "dataStartTime": "2026-11-01T00:00:00Z",
        "dataEndTime": "2026-11-02T00:00:00Z",
        "reportOptions": {"custom": "true"},
    }
    assert len(fake.calls("GET", "/reports/2021-06-30/reports/")) == 4
    assert clock.sleeps == [3.0, 4.5, 6.75]  # back-off between status checks
    assert doc.report is not None
    assert doc.report.processing_status == "DONE"
    assert_no_credentials_sent(fake)
    # The pre-signed URL's signature never shows in a repr.
    assert "SECRET" not in repr(doc)


async def test_cancelled_report_is_a_typed_outcome() -> None:
    fake = FakeAmazon(plans=[Plan(["IN_QUEUE", "CANCELLED"])])
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        with pytest.raises(sp.ReportCancelledError) as info:
            await documents.download_report(report_type="GET_FLAT_FILE_RETURNS_DATA", marketplace_ids=[MARKETPLACE])
        await documents.aclose()
    assert info.value.processing_status == "CANCELLED"
    assert info.value.resource_id == "report-1"
    assert isinstance(info.value, sp.SPAPIError)
    assert fake.doc_requests == []


async def test_fatal_report_attaches_the_error_document() -> None:
    fake = FakeAmazon(plans=[Plan(["IN_PROGRESS", "FATAL"], document_id="err-1")])
    error = {"errorDetails": "The report could not be generated: date range too long"}
    fake.host_gzip("err-1", json.dumps(error).encode(), content_type="application/json")
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        with pytest.raises(sp.ReportFatalError) as info:
            await documents.download_report(report_type="GET_SALES_AND_TRAFFIC_REPORT", marketplace_ids=[MARKETPLACE])
        await documents.aclose()
    assert info.value.error_document is not None
    assert json.loads(info.value.error_document) == error
    assert "date range too long" in str(info.value)
    assert_no_credentials_sent(fake)


async def test_processing_timeout_is_typed_and_bounded() -> None:
    fake = FakeAmazon(plans=[Plan(["IN_PROGRESS"])])
    clock = InstantClock()
    async with fake.client(clock) as client:
        documents = fake.documents_for(client, poll_policy=sp.PollPolicy(initial=10, factor=2, max_interval=40))
        with pytest.raises(sp.ProcessingTimeoutError) as info:
            await documents.download_report(report_type="T", marketplace_ids=[MARKETPLACE], timeout=100)
        await documents.aclose()
    assert info.value.processing_status == "IN_PROGRESS"
    assert info.value.resource_id == "report-1"
    assert clock.sleeps == [10, 20, 40, 30]  # capped at 40, the last wait cut to the deadline
    assert sum(clock.sleeps) == 100


async def test_reuse_of_a_recent_report_skips_create() -> None:
    fake = FakeAmazon()
    fake.existing_reports = [
        {  # another marketplace: not a match
            "reportId": "old-other",
            "reportType": "T",
            "processingStatus": "DONE",
            "marketplaceIds": ["A1F83G8C2ARO7P"],
            "createdTime": "2026-09-21T10:00:00Z",
            "reportDocumentId": "doc-x",
        },
        {
            "reportId": "old-1",
            "reportType": "T",
            "processingStatus": "DONE",
            "marketplaceIds": [MARKETPLACE],
            "dataStartTime": "2026-11-01T00:00:00+00:00",
            "createdTime": "2026-09-21T09:00:00Z",
            "reportDocumentId": "doc-old",
        },
    ]
    fake.host("doc-old", HostedDocument(TSV))
    clock = InstantClock()
    async with fake.client(clock) as client:
        documents = fake.documents_for(client)
        doc = await documents.download_report(
            report_type="T",
            marketplace_ids=[MARKETPLACE],
            data_start_time="2026-11-01T00:00:00Z",
            reuse_within=dt.timedelta(hours=2),
        )
        assert [r["sku"] async for r in doc.rows()] == ["A-1", "B-2"]
        await documents.aclose()
    assert fake.calls("POST", "/reports") == []
    (listing,) = fake.calls("GET", "/reports/2021-06-30/reports")[:1]
    params = listing.url.params
    assert params["reportTypes"] == "T"
    assert params["marketplaceIds"] == MARKETPLACE
    assert params["processingStatuses"] == "IN_QUEUE,IN_PROGRESS,DONE"
    since = dt.datetime.fromisoformat(params["createdSince"].replace("Z", "+00:00"))
    assert since.timestamp() == clock.time() - 7200
    assert doc.document_id == "doc-old"


async def test_reuse_falls_back_to_create_when_nothing_matches() -> None:
    fake = FakeAmazon(plans=[Plan(["DONE"], document_id="doc-1")])
    fake.host("doc-1", HostedDocument(TSV))
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        doc = await documents.download_report(report_type="T", marketplace_ids=[MARKETPLACE], reuse_within=600)
        await documents.aclose()
    assert len(fake.calls("POST", "/reports")) == 1
    assert doc.document_id == "doc-1"


async def test_report_document_save_and_iter_bytes(tmp_path: Path) -> None:
    fake = FakeAmazon()
    fake.host_gzip("doc-9", TSV * 50)
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        doc = await documents.report_document("doc-9")
        assert doc.compression_algorithm == "GZIP"
        data = b"".join([chunk async for chunk in doc.iter_bytes()])
        written = await doc.save(tmp_path / "report.tsv")
        raw_written = await doc.save(tmp_path / "report.tsv.gz", decompress=False)
        await documents.aclose()
    assert data == TSV * 50
    assert written == len(TSV * 50)
    assert (tmp_path / "report.tsv").read_bytes() == TSV * 50
    assert gzip.decompress((tmp_path / "report.tsv.gz").read_bytes()) == TSV * 50
    assert raw_written == (tmp_path / "report.tsv.gz").stat().st_size
    assert sorted(os.listdir(tmp_path)) == ["report.tsv", "report.tsv.gz"]


async def test_leaving_early_closes_the_download() -> None:
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument(TSV * 2000, chunk=100))
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        doc = await documents.report_document("doc-1")
        async with aclosing(doc.rows()) as rows:
            async for _row in rows:
                break
        ((stream),) = fake.streams
        assert stream.closed
        await documents.aclose()


async def test_failed_save_leaves_no_file(tmp_path: Path) -> None:
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument(gzip.compress(TSV * 100)[:-20]), compression="GZIP")
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        doc = await documents.report_document("doc-1")
        with pytest.raises(sp.TruncatedDocumentError):
            await doc.save(tmp_path / "report.tsv")
        await documents.aclose()
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"marketplace_ids": MARKETPLACE}, "list of marketplace ids"),
        ({"marketplace_ids": []}, "non-empty list"),
        ({"report_type": ""}, "report_type"),
        ({"data_start_time": dt.datetime(2026, 1, 1)}, "timezone-aware"),
        ({"data_start_time": "yesterday"}, "ISO 8601"),
        ({"data_start_time": "2026-02-01T00:00:00Z", "data_end_time": "2026-01-01T00:00:00Z"}, "after"),
        ({"report_options": {"a": 1}}, "report_options"),
        ({"reuse_within": 60, "report_options": {"a": "b"}}, "reuse_within"),
        ({"timeout": 0}, "timeout"),
    ],
)
async def test_bad_input_fails_before_any_request(kwargs: dict[str, object], message: str) -> None:
    fake = FakeAmazon()
    args: dict[str, object] = {"report_type": "T", "marketplace_ids": [MARKETPLACE], **kwargs}
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        with pytest.raises(sp.ConfigurationError, match=message):
            await documents.download_report(**args)  # type: ignore[arg-type]
        await documents.aclose()
    assert fake.sp_requests == []


async def test_client_documents_is_lazy_and_closed_with_the_client() -> None:
    fake = FakeAmazon()
    client = fake.client(InstantClock())
    assert client._documents is None
    documents = client.documents
    assert client.documents is documents
    assert isinstance(documents, sp.Documents)
    await client.aclose()
    assert documents.http.client.is_closed


async def test_document_client_refuses_credentials() -> None:
    fake = FakeAmazon()
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        for header in ("Authorization", "x-amz-access-token", "X-Amz-Security-Token"):
            with pytest.raises(sp.DocumentError, match="must not receive SP-API credentials"):
                await documents.http.client.get("http://127.0.0.1:9002/docs/x", headers={header: "secret"})
        await documents.aclose()
    assert fake.doc_requests == []


async def test_document_host_is_not_rate_limited() -> None:
    class CountingLimiter(sp.NullLimiter):
        def __init__(self) -> None:
            self.keys: list[str] = []

        async def acquire(self, key: sp.LimitKey, plan: sp.UsagePlan) -> None:
            self.keys.append(key.operation)

    fake = FakeAmazon(plans=[Plan(["DONE"], document_id="doc-1")])
    fake.host("doc-1", HostedDocument(TSV))
    limiter = CountingLimiter()
    async with fake.client(InstantClock(), limiter=limiter) as client:
        documents = fake.documents_for(client)
        doc = await documents.download_report(report_type="T", marketplace_ids=[MARKETPLACE])
        assert len([r async for r in doc.rows()]) == 2
        await documents.aclose()
    # createReport, getReport, getReportDocument: three SP-API calls took a token; the download took none.
    assert len(limiter.keys) == 3
    assert len(fake.doc_requests) == 1


async def test_sp_api_errors_keep_their_type() -> None:
    fake = FakeAmazon()

    async def forbidden(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/auth/o2/token":
            return httpx.Response(200, json={"access_token": "t", "expires_in": 3600})
        return httpx.Response(400, json={"errors": [{"code": "InvalidInput", "message": "bad report type"}]})

    fake.handle = forbidden  # type: ignore[method-assign]
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        with pytest.raises(sp.BadRequestError) as info:
            await documents.download_report(report_type="NOPE", marketplace_ids=[MARKETPLACE])
        await documents.aclose()
    assert info.value.errors[0].code == "InvalidInput"
