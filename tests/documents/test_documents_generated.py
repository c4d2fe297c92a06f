"""Documents on the generated resources: the workflows take a transport, and a caller's Restricted Data Token
still reaches getReportDocument (and only it). That no hand-written module spells an operation path is checked
for the whole package by ``tests/test_layout.py``."""

from __future__ import annotations

import httpx

import spapi_async as sp

from .fake import ACCESS_TOKEN, FakeAmazon, HostedDocument, InstantClock

GIVEN_RDT = "Atz.sprdt|SECRET-given-rdt"
TSV = b"sku\tqty\nA-1\t3\n"


async def test_documents_take_the_transport() -> None:
    fake = FakeAmazon()
    fake.host("doc-7", HostedDocument(TSV))
    async with fake.client(InstantClock()) as client:
        documents = sp.Documents(client.transport, transport=httpx.MockTransport(fake.handle))
        doc = await documents.report_document("doc-7")
        assert [row async for row in doc.rows()] == [{"sku": "A-1", "qty": "3"}]
        await documents.aclose()
    assert [r.url.path for r in fake.sp_requests] == ["/reports/2021-06-30/documents/doc-7"]


async def test_a_given_restricted_data_token_reaches_get_report_document_only() -> None:
    fake = FakeAmazon()
    fake.host("doc-8", HostedDocument(TSV, expired_first=True))  # the URL is fetched again, with the same token
    seen: list[tuple[str, str | None]] = []
    handle = fake.handle

    async def checking(request: httpx.Request) -> httpx.Response:
        if request.url.port != 9002 and request.url.path.startswith("/reports/"):
            seen.append((request.url.path, request.headers.get("x-amz-access-token")))
            request.headers["x-amz-access-token"] = ACCESS_TOKEN  # what the fake's own check expects
        return await handle(request)

    fake.handle = checking  # type: ignore[method-assign]
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        doc = await documents.report_document("doc-8", restricted_data_token=GIVEN_RDT)
        assert "SECRET" not in repr(documents) + repr(doc)
        assert [row async for row in doc.rows()] == [{"sku": "A-1", "qty": "3"}]
        plain = await documents.report_document("doc-8")
        await documents.aclose()
    assert seen == [("/reports/2021-06-30/documents/doc-8", GIVEN_RDT)] * 2 + [
        ("/reports/2021-06-30/documents/doc-8", ACCESS_TOKEN)
    ]
    assert plain.document_id == "doc-8"
    assert fake.credential_leaks == []


def test_report_times_are_formatted_like_every_other_request() -> None:
    import datetime as dt

    from spapi_async import _arguments
    from spapi_async._dates import format_datetime
    from spapi_async.documents.reports import format_time

    utc = dt.timezone.utc
    moments = [
        dt.datetime(2026, 11, 1, tzinfo=utc),
        dt.datetime(2026, 11, 1, 8, 30, 15, 123456, tzinfo=utc),
        dt.datetime(2026, 11, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    ]
    expected = ["2026-11-01T00:00:00Z", "2026-11-01T08:30:15.123Z", "2026-11-01T08:00:00Z"]
    assert [format_time(m, "data_start_time") for m in moments] == expected
    assert [format_datetime(m, "x") for m in moments] == expected
    assert _arguments.format_datetime is format_datetime  # the generated resources' arguments: the same function
    assert format_time("2026-11-01T10:00:00+02:00", "data_start_time") == "2026-11-01T10:00:00+02:00"  # as given
