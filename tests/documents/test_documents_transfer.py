"""Document transfers: charsets, gzip, truncation, resume after a broken connection, expired URLs, hung hosts."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import AsyncIterator

import anyio
import anyio.abc
import pytest

import spapi_async as sp
from spapi_async.documents.codec import charset_of, gunzip, python_codec
from spapi_async.documents.transfer import TransferSettings, safe_url

from .fake import FakeAmazon, HostedDocument, InstantClock


@pytest.fixture
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def big_tsv(rows: int) -> bytes:
    lines = ["id\tname\tvalue"] + [f"{i}\titem number {i}\t{i * 7 % 1000}" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


async def rows_of(fake: FakeAmazon, doc_id: str, **kwargs: object) -> list[dict[str, str]]:
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client, **kwargs)  # type: ignore[arg-type]
        doc = await documents.report_document(doc_id)
        try:
            return [row async for row in doc.rows()]
        finally:
            await documents.aclose()


async def collect(rows: AsyncIterator[dict[str, str]], into: list[dict[str, str]]) -> None:
    async for row in rows:
        into.append(row)


# ------------------------------------------------------------------------------------------- charsets


@pytest.mark.parametrize(
    ("content_type", "encoded", "text"),
    [
        ("text/plain;charset=Cp1252", "sku\ttitle\nX\tMüller € Größe\n".encode("cp1252"), "Müller € Größe"),
        ("text/plain; charset=Shift_JIS", "sku\ttitle\nX\t日本語①\n".encode("cp932"), "日本語①"),
        ("text/plain;charset=windows-31j", "sku\ttitle\nX\tカタカナ\n".encode("cp932"), "カタカナ"),
        ("text/plain;charset=UTF-8", b"\xef\xbb\xbfsku\ttitle\nX\tna\xc3\xafve\n", "naïve"),
        ("text/plain", b"\xef\xbb\xbfsku\ttitle\nX\tplain\n", "plain"),
    ],
)
async def test_declared_charset_decodes_rows(content_type: str, encoded: bytes, text: str) -> None:
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument(gzip.compress(encoded), content_type=content_type, chunk=7), "GZIP")
    rows = await rows_of(fake, "doc-1")
    assert rows == [{"sku": "X", "title": text}]  # the BOM never leaks into the first column name


async def test_encoding_override_and_unknown_charset() -> None:
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument("a\tb\nä\tx\n".encode("latin-1"), content_type="text/plain"))
    fake.host("doc-2", HostedDocument(b"a\tb\n1\t2\n", content_type="text/plain; charset=x-no-such-charset"))
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        doc = await documents.report_document("doc-1")
        with pytest.raises(sp.DocumentParseError, match="utf-8"):
            [row async for row in doc.rows()]
        assert [row async for row in doc.rows(encoding="latin-1")] == [{"a": "ä", "b": "x"}]
        assert [row async for row in doc.rows(errors="replace")] == [{"a": "\ufffd", "b": "x"}]
        unknown = await documents.report_document("doc-2")
        with pytest.raises(sp.DocumentParseError, match="x-no-such-charset"):
            [row async for row in unknown.rows()]
        await documents.aclose()


def test_charset_helpers() -> None:
    assert charset_of('text/csv; charset="Cp1252"') == "Cp1252"
    assert charset_of("text/plain") is None
    assert charset_of(None) is None
    assert python_codec("Cp1252") == "cp1252"
    assert python_codec("Shift_JIS") == "cp932"
    assert python_codec("UTF-8") == "utf-8-sig"
    assert python_codec(None) == "utf-8-sig"
    assert python_codec("EUC-JP") == "euc_jp"


# ------------------------------------------------------------------------------------------- gzip


async def test_truncated_gzip_is_an_error_not_a_short_report() -> None:
    body = gzip.compress(big_tsv(2000))
    fake = FakeAmazon()
    # The host serves the cut file completely (its Content-Length matches): only the gzip trailer is missing.
    fake.host("doc-1", HostedDocument(body[: len(body) // 2]), compression="GZIP")
    seen: list[dict[str, str]] = []
    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        doc = await documents.report_document("doc-1")
        with pytest.raises(sp.TruncatedDocumentError, match="gzip"):
            await collect(doc.rows(), seen)
        await documents.aclose()
    assert len(seen) < 2000


async def test_gzip_detected_without_a_declared_algorithm_and_multi_member() -> None:
    data = big_tsv(50)
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument(gzip.compress(data[:100]) + gzip.compress(data[100:])))  # no "GZIP" declared
    rows = await rows_of(fake, "doc-1")
    assert len(rows) == 50
    assert rows[-1] == {"id": "49", "name": "item number 49", "value": str(49 * 7 % 1000)}


async def test_corrupt_gzip_is_a_parse_error() -> None:
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument(b"\x1f\x8b" + b"\x00" * 50), compression="GZIP")
    with pytest.raises(sp.DocumentParseError, match="gzip"):
        await rows_of(fake, "doc-1")


async def test_gunzip_output_is_bounded_per_piece() -> None:
    zeros = gzip.compress(b"\x00" * (20 * 1024 * 1024))  # 20 MiB from ~20 KiB: a decompression bomb in miniature

    async def source() -> AsyncIterator[bytes]:
        yield zeros

    sizes = [len(piece) async for piece in gunzip(source())]
    assert sum(sizes) == 20 * 1024 * 1024
    assert max(sizes) <= 512 * 1024


# ------------------------------------------------------------------------------------------- resume


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"], indirect=True)
async def test_broken_download_resumes_with_range_and_never_duplicates(anyio_backend: str) -> None:
    data = big_tsv(20000)
    body = gzip.compress(data, compresslevel=1)
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument(body, breaks=[len(body) // 3, len(body) // 2]), compression="GZIP")
    rows = await rows_of(fake, "doc-1")
    assert [int(r["id"]) for r in rows] == list(range(20000))
    ranges = [r.headers.get("range") for r in fake.doc_requests]
    assert ranges == [None, f"bytes={len(body) // 3}-", f"bytes={len(body) // 3 + len(body) // 2}-"]
    assert all(r.headers.get("if-range") == '"etag-1"' for r in fake.doc_requests[1:])


async def test_host_ignoring_range_restarts_and_skips_what_was_read() -> None:
    data = big_tsv(5000)
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument(data, breaks=[12345], honor_range=False))
    rows = await rows_of(fake, "doc-1")
    assert [int(r["id"]) for r in rows] == list(range(5000))
    assert len(fake.doc_requests) == 2


async def test_changed_document_during_resume_is_an_error() -> None:
    data = big_tsv(5000)
    fake = FakeAmazon()
    doc = HostedDocument(data, breaks=[12345], honor_range=False)
    fake.host("doc-1", doc)

    async with fake.client(InstantClock()) as client:
        documents = fake.documents_for(client)
        report = await documents.report_document("doc-1")
        rows = report.rows()
        first = await anext(rows)  # the first bytes are in; now the stored document changes
        doc.etag = '"etag-2"'
        with pytest.raises(sp.DocumentTransferError, match="changed"):
            await collect(rows, [first])
        await documents.aclose()


async def test_resume_limit_gives_a_typed_error_after_partial_rows() -> None:
    data = big_tsv(5000)
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument(data, breaks=[1000, 10, 10, 10]))
    settings = TransferSettings(max_resumes=2, retry_delay=0.5)
    with pytest.raises(sp.TruncatedDocumentError, match="resumes"):
        await rows_of(fake, "doc-1", transfer=settings)


async def test_expired_url_is_refreshed_once() -> None:
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument(big_tsv(10), expired_first=True))
    rows = await rows_of(fake, "doc-1")
    assert len(rows) == 10
    assert fake.url_versions["doc-1"] == 2  # getReportDocument asked again for a fresh URL
    assert len(fake.calls("GET", "/reports/2021-06-30/documents/")) == 2


async def test_host_errors_are_typed_and_hide_the_signature() -> None:
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument(b"", status=404))
    with pytest.raises(sp.DocumentTransferError) as info:
        await rows_of(fake, "doc-1")
    assert info.value.status_code == 404
    assert "SECRET" not in str(info.value)
    assert "SECRET" not in repr(info.value)
    assert "SECRET" not in (info.value.url or "")
    assert safe_url("https://h/p?X-Amz-Signature=s") == "https://h/p"


async def test_server_errors_from_the_host_are_retried_then_typed() -> None:
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument(b"", status=503))
    with pytest.raises(sp.DocumentTransferError, match="503"):
        await rows_of(fake, "doc-1", transfer=TransferSettings(max_resumes=2))
    assert len(fake.doc_requests) == 3


# ------------------------------------------------------------------------------------------- a hung host


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"], indirect=True)
async def test_hung_download_times_out(anyio_backend: str) -> None:
    """A real loopback host that sends headers and part of the body, then goes silent."""
    release = anyio.Event()
    prefix = ("id\tname\n" + "".join(f"{i}\tname-{i}\n" for i in range(100))).encode()

    async def serve(stream: anyio.abc.SocketStream) -> None:
        async with stream:
            await stream.receive(65536)
            await stream.send(b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 100000\r\n\r\n" + prefix)
            await release.wait()

    listener = await anyio.create_tcp_listener(local_host="127.0.0.1", local_port=0)
    port = listener.extra(anyio.abc.SocketAttribute.local_port)
    fake = FakeAmazon()
    with anyio.fail_after(20):
        async with anyio.create_task_group() as tg:
            tg.start_soon(listener.serve, serve)
            async with fake.client(InstantClock()) as client:
                documents = sp.Documents(
                    client, transfer=TransferSettings(read_timeout=0.3, connect_timeout=2, max_resumes=1)
                )
                doc = sp.ReportDocument(
                    document_id="hung",
                    url=f"http://127.0.0.1:{port}/doc?X-Amz-Signature=SECRET",
                    http=documents.http,
                    clock=client.clock,
                )
                seen: list[dict[str, str]] = []
                with pytest.raises(sp.DocumentTimeoutError) as info:
                    await collect(doc.rows(), seen)
                await documents.aclose()
            release.set()
            tg.cancel_scope.cancel()
    assert seen == [{"id": str(i), "name": f"name-{i}"} for i in range(100)]  # once each, despite the restart
    assert "SECRET" not in str(info.value)


async def test_total_deadline_stops_a_trickling_host() -> None:
    clock = InstantClock()

    class TicketClock(InstantClock):
        def monotonic(self) -> float:
            self.now += 10  # every look at the clock: ten seconds later
            return self.now

    slow = TicketClock()
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument(big_tsv(3000), chunk=500))
    async with fake.client(clock) as client:
        documents = fake.documents_for(client, transfer=TransferSettings(deadline=100))
        doc = await documents.report_document("doc-1")
        doc._clock = slow
        with pytest.raises(sp.DocumentTimeoutError, match="not finished"):
            [row async for row in doc.rows()]
        await documents.aclose()


def test_transfer_settings_validate() -> None:
    with pytest.raises(ValueError, match="read_timeout"):
        TransferSettings(read_timeout=0)
    with pytest.raises(ValueError, match="max_resumes"):
        TransferSettings(max_resumes=-1)
    assert TransferSettings(retry_delay=1, max_retry_delay=5).delay(10) == 5


def test_transfers_retry_by_the_shared_retry_policy() -> None:
    settings = TransferSettings(max_resumes=3, retry_delay=0.5, max_retry_delay=1.5)
    policy = settings.retry
    assert isinstance(policy, sp.RetryPolicy)
    assert (policy.max_attempts, policy.jitter) == (4, False)
    assert [settings.delay(n) for n in (1, 2, 3, 4)] == [policy.delay(n) for n in (1, 2, 3, 4)] == [0.5, 1.0, 1.5, 1.5]
    dropped = sp.DocumentTransferError("broken")
    assert policy.should_retry("PUT", 3, dropped) and not policy.should_retry("PUT", 4, dropped)
    assert policy.should_retry("GET", 1, sp.DocumentTransferError("busy", status_code=503))
    assert policy.should_retry("GET", 1, sp.DocumentTransferError("slow down", status_code=429))
    assert not policy.should_retry("GET", 1, sp.DocumentTransferError("refused", status_code=403))
    with pytest.raises(ValueError, match="retry_delay"):
        TransferSettings(retry_delay=-1)


async def test_download_waits_follow_the_policy() -> None:
    fake = FakeAmazon()
    fake.host("doc-1", HostedDocument(big_tsv(2000), breaks=[1000, 2000, 3000]))
    clock = InstantClock()
    async with fake.client(clock) as client:
        documents = fake.documents_for(client, transfer=TransferSettings(retry_delay=0.25, max_retry_delay=0.75))
        doc = await documents.report_document("doc-1")
        assert len([row async for row in doc.rows()]) == 2000
        await documents.aclose()
    assert clock.sleeps == [0.25, 0.5, 0.75]


def test_zlib_truncation_detected_at_any_cut() -> None:
    body = gzip.compress(b"x" * 1000)
    for cut in (len(body) - 1, len(body) - 8, 11):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        d.decompress(body[:cut])
        assert not d.eof
