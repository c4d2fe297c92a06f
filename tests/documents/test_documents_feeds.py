"""Feeds and Data Kiosk end to end against the fake."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import AsyncIterator
from contextlib import aclosing
from pathlib import Path

import anyio
import pytest

import spapi_async as sp

from .fake import CREDENTIAL_HEADERS, FakeAmazon, HostedDocument, InstantClock, Plan

MARKETPLACE = "A1PA6795UKMFR9"

LISTINGS_FEED = {
    "header": {"sellerId": "SELLER", "version": "2.0", "issueLocale": "en_US"},
    "messages": [
        {"messageId": 1, "sku": "SKU-1", "operationType": "PATCH", "productType": "PRODUCT", "patches": []},
        {"messageId": 2, "sku": "SKU-2", "operationType": "DELETE"},
    ],
}
PROCESSING_REPORT = {
    "header": {"sellerId": "SELLER", "version": "2.0", "feedId": "feed-1"},
    "issues": [
        {"messageId": 2, "sku": "SKU-2", "code": "90220", "severity": "ERROR", "message": "'x' is required"},
        {
            "messageId": 1,
            "sku": "SKU-1",
            "code": "99022",
            "severity": "WARNING",
            "message": "check it",
            "attributeName": "purchasable_offer",
        },
    ],
    "summary": {"errors": 1, "warnings": 1, "messagesProcessed": 2, "messagesAccepted": 1, "messagesInvalid": 1},
}


@pytest.fixture
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def submit(fake: FakeAmazon, **kwargs: object) -> sp.FeedResult:
    args: dict[str, object] = {
        "feed_type": "JSON_LISTINGS_FEED",
        "content_type": "application/json; charset=UTF-8",
        "marketplace_ids": [MARKETPLACE],
        **kwargs,
    }
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        try:
            return await documents.submit_feed(**args)  # type: ignore[arg-type]
        finally:
            await documents.aclose()


def assert_clean_document_requests(fake: FakeAmazon) -> None:
    assert fake.credential_leaks == []
    for request in fake.doc_requests:
        for name in CREDENTIAL_HEADERS:
            assert name not in request.headers


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"], indirect=True)
async def test_submit_json_listings_feed_end_to_end(anyio_backend: str) -> None:
    fake = FakeAmazon(plans=[Plan(["IN_QUEUE", "IN_PROGRESS", "DONE"], document_id="result-1")])
    fake.host_gzip("result-1", json.dumps(PROCESSING_REPORT).encode(), content_type="application/json")
    content = json.dumps(LISTINGS_FEED).encode()
    result = await submit(fake, content=content, feed_options={"k": "v"})

    assert fake.created[0] == ("feed document", {"contentType": "application/json; charset=UTF-8"})
    ((upload, body),) = fake.uploads
    assert body == content
    assert upload.headers["content-type"] == "application/json; charset=UTF-8"
    assert upload.headers["content-length"] == str(len(content))
    assert "transfer-encoding" not in upload.headers
    kind, spec = fake.created[1]
    assert kind == "feed"
    assert spec == {
        "feedType": "JSON_LISTINGS_FEED",
        "marketplaceIds": [MARKETPLACE],
        "inputFeedDocumentId": "feeddoc-1",
        "feedOptions": {"k": "v"},
    }
    assert result.feed_id == "feed-2"
    assert result.processing_status == "DONE"
    assert result.summary == sp.documents.FeedSummary(
        messages_processed=2, messages_accepted=1, messages_invalid=1, errors=1, warnings=1
    )
    assert [(m.message_id, m.severity, m.code, m.sku) for m in result.messages] == [
        ("2", "ERROR", "90220", "SKU-2"),
        ("1", "WARNING", "99022", "SKU-1"),
    ]
    assert result.messages[1].attribute_name == "purchasable_offer"
    assert not result.ok
    assert [m.sku for m in result.errors] == ["SKU-2"]
    assert [m.sku for m in result.warnings] == ["SKU-1"]
    assert result.report == PROCESSING_REPORT
    assert_clean_document_requests(fake)
    assert all(r.headers.get("x-amz-access-token") for r in fake.sp_requests)  # the SP-API side did get one


async def test_feed_from_a_file_is_streamed_with_its_length(tmp_path: Path) -> None:
    path = tmp_path / "feed.tsv"
    data = b"sku\tprice\tquantity\n" + b"".join(f"SKU-{i}\t{i}.99\t{i % 7}\n".encode() for i in range(50000))
    await sp_write(path, data)
    fake = FakeAmazon(plans=[Plan(["DONE"])])
    result = await submit(
        fake,
        feed_type="POST_FLAT_FILE_INVLOADER_DATA",
        content=path,
        content_type="text/tab-separated-values; charset=UTF-8",
    )
    ((upload, body),) = fake.uploads
    assert body == data
    assert upload.headers["content-length"] == str(len(data))
    assert upload.headers["content-type"] == "text/tab-separated-values; charset=UTF-8"
    assert result.result_feed_document_id is None
    assert result.messages == ()


async def sp_write(path: Path, data: bytes) -> None:
    await anyio.Path(path).write_bytes(data)


async def test_feed_from_an_async_iterator_and_a_str_with_charset() -> None:
    async def produce() -> AsyncIterator[bytes]:
        for i in range(100):
            yield f"line {i}\n".encode()

    fake = FakeAmazon(plans=[Plan(["DONE"]), Plan(["DONE"])])
    await submit(fake, content=produce(), content_type="text/plain")
    await submit(fake, content="Größe\n", content_type="text/tab-separated-values; charset=iso-8859-1")
    (first, first_body), (second, second_body) = fake.uploads
    assert first_body == b"".join(f"line {i}\n".encode() for i in range(100))
    assert first.headers["content-length"] == str(len(first_body))
    assert second_body == "Größe\n".encode("latin-1")
    assert second.headers["content-type"] == "text/tab-separated-values; charset=iso-8859-1"
    leftovers = [n for n in os.listdir(tempfile.gettempdir()) if n.startswith("spapi-feed-")]
    assert leftovers == []


async def test_failed_upload_is_sent_again_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    data = json.dumps(LISTINGS_FEED).encode() * 100
    await sp_write(path, data)
    fake = FakeAmazon(plans=[Plan(["DONE"])], upload_failures=[503, 500])
    await submit(fake, content=path)
    ((_upload, body),) = fake.uploads
    assert body == data
    assert len(fake.doc_requests) == 3


async def test_upload_refused_by_the_host_is_typed() -> None:
    fake = FakeAmazon(upload_failures=[403])
    with pytest.raises(sp.DocumentTransferError, match="403"):
        await submit(fake, content=b"{}")
    assert fake.calls("POST", "/feeds/2021-06-30/feeds") == []  # no feed created for content never uploaded


async def test_fatal_feed_attaches_the_processing_report() -> None:
    fake = FakeAmazon(plans=[Plan(["IN_PROGRESS", "FATAL"], document_id="result-9")])
    fake.host("result-9", HostedDocument(b'{"errorDetails":"The feed could not be parsed"}'))
    with pytest.raises(sp.FeedFatalError) as info:
        await submit(fake, content=b"{}")
    assert info.value.error_document == '{"errorDetails":"The feed could not be parsed"}'
    assert info.value.resource_id == "feed-2"
    assert_clean_document_requests(fake)


async def test_cancelled_feed_is_typed() -> None:
    fake = FakeAmazon(plans=[Plan(["IN_QUEUE", "CANCELLED"])])
    with pytest.raises(sp.FeedCancelledError) as info:
        await submit(fake, content=b"{}")
    assert info.value.processing_status == "CANCELLED"


async def test_xml_processing_report_is_parsed() -> None:
    report = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header>
  <MessageType>ProcessingReport</MessageType>
  <Message>
    <MessageID>1</MessageID>
    <ProcessingReport>
      <DocumentTransactionID>123</DocumentTransactionID>
      <StatusCode>Complete</StatusCode>
      <ProcessingSummary>
        <MessagesProcessed>3</MessagesProcessed>
        <MessagesSuccessful>1</MessagesSuccessful>
        <MessagesWithError>1</MessagesWithError>
        <MessagesWithWarning>1</MessagesWithWarning>
      </ProcessingSummary>
      <Result>
        <MessageID>2</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>5000</ResultMessageCode>
        <ResultDescription>Gr\xf6\xdfe fehlt</ResultDescription><AdditionalInfo><SKU>S-2</SKU></AdditionalInfo>
      </Result>
      <Result>
        <MessageID>3</MessageID><ResultCode>Warning</ResultCode><ResultMessageCode>8560</ResultMessageCode>
        <ResultDescription>check</ResultDescription>
      </Result>
    </ProcessingReport>
  </Message>
</AmazonEnvelope>"""
    fake = FakeAmazon(plans=[Plan(["DONE"], document_id="r")])
    fake.host("r", HostedDocument(gzip.compress(report), content_type="text/xml; charset=ISO-8859-1"), "GZIP")
    result = await submit(fake, content=b"<x/>", feed_type="POST_PRODUCT_DATA", content_type="text/xml")
    assert result.summary.messages_processed == 3
    assert result.summary.messages_accepted == 1
    assert result.summary.errors == 1
    assert result.summary.warnings == 1
    assert [(m.message_id, m.severity, m.code, m.sku, m.message) for m in result.messages] == [
        ("2", "ERROR", "5000", "S-2", "Größe fehlt"),
        ("3", "WARNING", "8560", None, "check"),
    ]


async def test_flat_file_processing_report_is_parsed() -> None:
    text = (
        "Feed Processing Summary:\n"
        "\tNumber of records processed\t\t3\n"
        "\tNumber of records successful\t\t2\n\n"
        "original-record-number\tsku\terror-code\terror-type\terror-message\n"
        "2\tSKU-B\t8541\tError\tPrice missing\n"
    )
    fake = FakeAmazon(plans=[Plan(["DONE"], document_id="r")])
    fake.host("r", HostedDocument(text.encode(), content_type="text/plain"))
    result = await submit(fake, content=b"x", feed_type="POST_FLAT_FILE_LISTINGS_DATA", content_type="text/plain")
    assert result.summary.messages_processed == 3
    assert result.summary.messages_accepted == 2
    assert result.summary.messages_invalid == 1
    assert [(m.message_id, m.sku, m.severity, m.code) for m in result.messages] == [("2", "SKU-B", "ERROR", "8541")]
    assert result.report_text == text


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"feed_type": ""}, "feed_type"),
        ({"content_type": "json"}, "content_type"),
        ({"marketplace_ids": MARKETPLACE}, "marketplace"),
        ({"content": 12}, "content must be"),
        ({"content": Path("/nonexistent/feed.json")}, "cannot be read"),
        ({"feed_options": {"a": 1}}, "feed_options"),
    ],
)
async def test_bad_feed_input_fails_before_any_request(kwargs: dict[str, object], message: str) -> None:
    fake = FakeAmazon()
    args = {"content": b"{}", **kwargs}
    with pytest.raises(sp.ConfigurationError, match=message):
        await submit(fake, **args)
    assert fake.sp_requests == []
    assert fake.uploads == []


# ------------------------------------------------------------------------------------------- Data Kiosk

QUERY = "query { analytics_salesAndTraffic_2023_11_15 { salesAndTrafficByAsin { childAsin } } }"


async def run(fake: FakeAmazon, query: str = QUERY) -> list[object]:
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        try:
            async with aclosing(documents.run_query(query)) as records:
                return [record async for record in records]
        finally:
            await documents.aclose()


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"], indirect=True)
async def test_run_query_follows_pagination(anyio_backend: str) -> None:
    fake = FakeAmazon(
        plans=[
            Plan(["IN_QUEUE", "DONE"], document_id="dk-1", next_token="page-2"),
            Plan(["IN_PROGRESS", "DONE"], document_id="dk-2"),
        ]
    )
    page1 = b"".join(json.dumps({"childAsin": f"B0{i}"}).encode() + b"\n" for i in range(3))
    page2 = b'{"childAsin": "B10"}\n'
    fake.host("dk-1", HostedDocument(gzip.compress(page1), content_type="application/x-ndjson"))
    fake.host("dk-2", HostedDocument(page2, content_type="application/octet-stream", chunk=5))
    records = await run(fake)
    assert records == [{"childAsin": "B00"}, {"childAsin": "B01"}, {"childAsin": "B02"}, {"childAsin": "B10"}]
    assert fake.created[0] == ("query", {"query": QUERY})
    assert fake.created[1] == ("query", {"query": QUERY, "paginationToken": "page-2"})
    assert_clean_document_requests(fake)


async def test_query_without_data_yields_nothing() -> None:
    fake = FakeAmazon(plans=[Plan(["DONE"])])
    assert await run(fake) == []


async def test_fatal_query_attaches_the_error_document() -> None:
    fake = FakeAmazon(plans=[Plan(["FATAL"], error_document_id="dk-err")])
    fake.host("dk-err", HostedDocument(b'{"errorMessage": "Syntax error in query"}'))
    with pytest.raises(sp.QueryFatalError) as info:
        await run(fake)
    assert info.value.error_document == '{"errorMessage": "Syntax error in query"}'
    assert "Syntax error" in str(info.value)


async def test_cancelled_query_is_typed() -> None:
    fake = FakeAmazon(plans=[Plan(["CANCELLED"])])
    with pytest.raises(sp.QueryCancelledError):
        await run(fake)


async def test_repeated_pagination_token_stops() -> None:
    fake = FakeAmazon(
        plans=[
            Plan(["DONE"], next_token="same"),
            Plan(["DONE"], next_token="same"),
        ]
    )
    with pytest.raises(sp.PaginationLoopError):
        await run(fake)


async def test_empty_query_is_a_configuration_error() -> None:
    fake = FakeAmazon()
    with pytest.raises(sp.ConfigurationError):
        await run(fake, "   ")
    assert fake.sp_requests == []
