"""Property test (issue 16, item 6): whatever a server sends, only library errors or valid results come out.

Hypothesis generates response bodies (arbitrary bytes, JSON of any shape and of great depth), response headers
(content type, charset, content encoding, rate limit, retry-after, location), statuses, and documents (arbitrary or
well-formed bytes, gzip-compressed, truncated) and feeds them to response parsing (SP-API, Seller Center v2 and
legacy), document decoding and pagination. The only exceptions allowed out are ``sp.SPAPIError`` subclasses.
Nothing may hang: paginators see servers that repeat pages forever and must stop by themselves (bounded here by
a count, never by time).

Budget: a fixed number of examples per property, derandomized and without an example database, so CI runs the same
cases every time in well under a minute in total.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import zlib
from typing import Any

import anyio
import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import spapi_async as sp
from spapi_async.documents.reports import ReportDocument
from spapi_async.documents.transfer import DocumentHttp, TransferSettings
from spapi_async.errors import error_from_response
from spapi_async.pagination import AsyncPaginator, OffsetPaginator
from spapi_async.sellercenter.errors import v2_error_from_response
from spapi_async.sellercenter.legacy_format import classify_legacy
from spapi_async.sellercenter.legacy_format import decode as legacy_decode

from .fakes import InstantClock

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ----------------------------------------------------------------------------------------------- strategies

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=25,
)


@st.composite
def deep_json(draw: st.DrawFn) -> str:
    """Arrays and objects nested from a little to far beyond what a recursive parser follows."""
    depth = draw(st.sampled_from([1, 10, 400, 900, 990, 1000, 1100, 5000, 100_000]))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}"), ('{"errors":[', "]}")]))
    inner = draw(st.sampled_from(["", "1", '"x"', "null"]))
    if opener == '{"a":' and not inner:
        inner = "1"
    return opener * depth + inner + closer * draw(st.sampled_from([depth, max(0, depth - 1)]))


def _json_text(value: Any) -> str:
    return json.dumps(value)


bodies = st.one_of(
    st.binary(max_size=300),
    json_values.map(_json_text),
    deep_json(),
    st.sampled_from(["", " ", "null", "{}", "[]", '{"payload":null}', '{"errors":[]}', '{"errors":{}}']),
).map(lambda b: b if isinstance(b, bytes) else b.encode())

latin1 = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=30)
header_values = st.one_of(latin1, st.sampled_from(["nan", "inf", "-1", "1e309", "0", "", "3", "Wed, 21 Oct 2015"]))
response_headers = st.fixed_dictionaries(
    {},
    optional={
        "content-type": st.one_of(
            latin1,
            st.sampled_from(
                [
                    "application/json",
                    "application/json; charset=utf-16",
                    "text/xml; charset=nope",
                    "text/html",
                    "application/json; charset=",
                ]
            ),
        ),
        "content-encoding": st.sampled_from(["gzip", "deflate", "br", "identity", "x-unknown"]),
        "x-amzn-RateLimit-Limit": header_values,
        "retry-after": header_values,
        "x-amzn-RequestId": latin1,
        "location": st.one_of(latin1, st.sampled_from(["https://evil.example/x", "//evil.example", "http://[::1"])),
    },
)
statuses = st.sampled_from([200, 201, 204, 301, 302, 307, 308, 400, 401, 403, 404, 409, 413, 415, 429, 500, 503, 599])


def _raw(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    """Header values as bytes: httpx only takes ASCII for ``str`` values, servers send any Latin-1 byte."""
    return [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]


def _run(scenario: Any) -> None:
    anyio.run(scenario)


# ----------------------------------------------------------------------------------------------- responses


@PROPERTY
@given(status=statuses, body=bodies, headers=response_headers)
def test_sp_api_responses_give_results_or_library_errors(status: int, body: bytes, headers: dict[str, str]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/auth/o2/token":
            return httpx.Response(200, json={"access_token": "Atza|t", "expires_in": 3600})
        return httpx.Response(status, content=body, headers=_raw(headers))

    async def scenario() -> None:
        client = sp.SPAPIClient(
            "amzn1.application-oa2-client.p",
            "secret",
            "Atzr|refresh",
            endpoint="https://sellingpartnerapi-na.amazon.com",
            lwa_endpoint="https://api.amazon.com/auth/o2/token",
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)),
            retry=sp.RetryPolicy(max_attempts=1),
            limiter=sp.NullLimiter(),
            clock=InstantClock(),
            use_rdt=False,
        )
        async with client:
            for call in (
                client.sellers_v1.get_marketplace_participations,
                lambda: client.orders_v0.get_order(order_id="111-1111111-1111111"),
                lambda: client.request("GET", "/any/path"),
            ):
                with contextlib.suppress(sp.SPAPIError):
                    await call()

    _run(scenario)


@PROPERTY
@given(status=statuses, body=bodies, headers=response_headers)
def test_error_builders_accept_any_response(status: int, body: bytes, headers: dict[str, str]) -> None:
    request = httpx.Request("GET", "https://example.com/path")
    headers.pop("content-encoding", None)  # bodies given whole are decoded by httpx.Response itself
    for build in (error_from_response, v2_error_from_response):
        response = httpx.Response(status, content=body, headers=_raw(headers), request=request)
        try:
            error = build(response)
        except sp.SPAPIError:
            continue
        assert isinstance(error, sp.SPAPIError)
        str(error), repr(error)
    legacy_decode(body)

    async def legacy() -> None:
        response = httpx.Response(status, content=body, headers=_raw(headers), request=request)
        outcome = await classify_legacy(response)
        assert outcome is None or isinstance(outcome, sp.SPAPIError)

    with contextlib.suppress(sp.SPAPIError):
        _run(legacy)


# ----------------------------------------------------------------------------------------------- documents

xml_docs = st.lists(
    st.sampled_from(["<r>", "</r>", "<a x='1'>", "</a>", "text", "&amp;", "<b/>", "<?xml version='1.0'?>"]), max_size=30
).map("".join)
delimited_docs = st.lists(
    st.lists(st.text(alphabet='ab,\t"\r\n é', max_size=6), max_size=4).map("\t".join), max_size=8
).map("\n".join)
document_texts = st.one_of(xml_docs, delimited_docs, json_values.map(_json_text), deep_json())
documents = st.one_of(
    st.binary(max_size=400),
    st.tuples(document_texts, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "shift_jis", "latin-1"])).map(
        lambda t: t[0].encode(t[1], "replace")
    ),
)


@st.composite
def hosted(draw: st.DrawFn) -> tuple[bytes, bool, str]:
    content = draw(documents)
    gzipped = draw(st.booleans())
    if gzipped:
        content = gzip.compress(content)
        cut = draw(st.sampled_from([None, 0, 1, 10, -1, -4, -8]))
        if cut is not None:
            content = content[:cut]
        if draw(st.booleans()):
            content = content + draw(st.sampled_from([b"garbage", b"\x00\x00", zlib.compress(b"x")]))
    content_type = draw(
        st.sampled_from(
            [
                "text/plain",
                "text/tab-separated-values;charset=UTF-8",
                "text/csv; charset=windows-1252",
                "application/json",
                "application/xml; charset=UTF-16",
                "text/xml",
                "text/plain; charset=x-unknown-charset",
                "application/octet-stream",
            ]
        )
    )
    return content, gzipped, content_type


class _Chunks(httpx.AsyncByteStream):
    def __init__(self, data: bytes, size: int) -> None:
        self.data = data
        self.size = size

    async def __aiter__(self) -> Any:
        for start in range(0, len(self.data), self.size):
            yield self.data[start : start + self.size]


@PROPERTY
@given(
    doc=hosted(), chunk=st.sampled_from([1, 7, 64, 4096]), fmt=st.sampled_from(["auto", "tsv", "csv", "json", "xml"])
)
def test_documents_decode_to_rows_or_library_errors(doc: tuple[bytes, bool, str], chunk: int, fmt: Any) -> None:
    content, gzipped, content_type = doc

    def host(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=_Chunks(content, chunk), headers={"content-type": content_type})

    async def scenario() -> None:
        http = DocumentHttp(TransferSettings(max_resumes=0), transport=httpx.MockTransport(host))
        document = ReportDocument(
            document_id="d",
            url="https://tortuga.example/d?X-Amz-Signature=s",
            http=http,
            clock=InstantClock(),
            compression_algorithm="GZIP" if gzipped else None,
        )
        try:
            async for row in document.rows(format=fmt):
                assert isinstance(row, (dict, list, str, int, float, bool)) or row is None
        except sp.SPAPIError:
            pass
        finally:
            await http.aclose()

    _run(scenario)


# ----------------------------------------------------------------------------------------------- pagination

MAX_FETCHES = 500  # far more than any terminating walk below needs: reaching it means the paginator looped


@PROPERTY
@given(
    pages=st.lists(
        st.one_of(json_values, st.fixed_dictionaries({"items": json_values, "pagination": json_values})),
        min_size=1,
        max_size=5,
    ),
    style=st.sampled_from(["total", "has_next", "data_has_next"]),
    limit=st.integers(min_value=1, max_value=5),
)
def test_offset_pagination_ends_or_fails_cleanly(pages: list[Any], style: Any, limit: int) -> None:
    fetched = 0

    async def fetch(offset: int, page_limit: int) -> Any:
        nonlocal fetched
        fetched += 1
        assert fetched < MAX_FETCHES, "the paginator did not stop"
        return pages[min(fetched - 1, len(pages) - 1)]  # the last page again and again, whatever the offset

    async def scenario() -> None:
        try:
            async for _ in OffsetPaginator(fetch, style=style, parse=lambda x: x, limit=limit):
                pass
        except sp.SPAPIError:
            pass

    _run(scenario)


@PROPERTY
@given(tokens=st.lists(st.one_of(st.none(), st.text(max_size=3), st.integers(), json_values), min_size=1, max_size=6))
def test_token_pagination_ends_or_fails_cleanly(tokens: list[Any]) -> None:
    fetched = 0

    async def fetch(token: str | None) -> dict[str, Any]:
        nonlocal fetched
        fetched += 1
        assert fetched < MAX_FETCHES, "the paginator did not stop"
        return {"next": tokens[min(fetched - 1, len(tokens) - 1)], "items": [fetched]}

    async def scenario() -> None:
        paginator: AsyncPaginator[dict[str, Any], int] = AsyncPaginator(
            fetch, token_of=lambda page: page["next"], items_of=lambda page: page["items"]
        )
        try:
            async for _ in paginator:
                pass
        except sp.SPAPIError:
            pass

    _run(scenario)
