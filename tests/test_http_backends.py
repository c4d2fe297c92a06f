"""The send path over real loopback sockets, with both HTTP backends (``http_backend="httpx"`` and ``"aiohttp"``)."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import AsyncIterator, Iterator

import anyio
import httpx
import pytest
import sniffio

import spapi_async as sp
from spapi_async.aiohttp_transport import AiohttpTransport
from spapi_async.client import HttpBackend, make_http_client
from spapi_async.http_client import LeanAsyncClient
from tests.loopback import LoopbackServer, Reply, SeenRequest, unused_port

TOKEN_PATH = "/auth/o2/token"
ACCESS_TOKEN = "Atza|loopback-access-token"
BACKENDS = ["httpx", "aiohttp"]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
        await anyio.lowlevel.checkpoint()


def _lwa_or(default: Reply) -> object:
    def handler(request: SeenRequest) -> Reply:
        if request.path == TOKEN_PATH:
            return Reply.json(200, json.dumps({"access_token": ACCESS_TOKEN, "expires_in": 3600}))
        return default

    return handler


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        srv.handle_with(_lwa_or(Reply()))  # type: ignore[arg-type]
        yield srv


def _client(
    base: str, backend: HttpBackend, *, attempts: int = 3, clock: FakeClock | None = None, **kwargs: object
) -> sp.SPAPIClient:
    return sp.SPAPIClient(
        "amzn1.application-oa2-client.loop",
        "loop-client-secret",
        "Atzr|loop-refresh-token",
        endpoint=base,
        lwa_endpoint=base + TOKEN_PATH,
        http_backend=backend,
        retry=sp.RetryPolicy(max_attempts=attempts, backoff=0.5, jitter=False),
        clock=clock or FakeClock(),
        use_rdt=False,  # these tests are about the wire, not Restricted Data Tokens
        **kwargs,  # type: ignore[arg-type]
    )


def api_requests(server: LoopbackServer) -> list[SeenRequest]:
    return [r for r in server.requests if r.path != TOKEN_PATH]


@pytest.mark.parametrize("backend", BACKENDS)
async def test_success_get_and_post(server: LoopbackServer, backend: HttpBackend) -> None:
    server.handle_with(_lwa_or(Reply.json(200, '{"payload":{"ok":true}}', ("x-amzn-RequestId", "rid-1"))))  # type: ignore[arg-type]
    async with _client(server.url, backend) as client:
        got = await client.request(
            "GET", "/orders/v0/orders", params={"MarketplaceIds": "ATVPDKIKX0DER,A2EUQ1WTGCTBG2"}
        )
        posted = await client.request("POST", "/feeds/2021-06-30/documents", json={"contentType": "text/tab; ü"})
    assert got.status_code == 200
    assert got.json() == {"payload": {"ok": True}}
    assert got.headers["x-amzn-requestid"] == "rid-1"
    assert got.elapsed.total_seconds() >= 0
    assert posted.status_code == 200
    get, post = api_requests(server)
    assert get.method == "GET"
    assert get.target == "/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER%2CA2EUQ1WTGCTBG2"
    assert get.headers["x-amz-access-token"] == ACCESS_TOKEN
    assert get.headers["user-agent"].startswith("spapi-async/")
    assert get.headers["x-amz-date"].endswith("Z")
    assert post.method == "POST"
    assert post.headers["content-type"] == "application/json"
    assert json.loads(post.body) == {"contentType": "text/tab; ü"}
    assert server.connections == 1  # the token request and both calls shared one kept-alive connection


@pytest.mark.parametrize("backend", BACKENDS)
async def test_429_is_retried_after_retry_after(server: LoopbackServer, backend: HttpBackend) -> None:
    clock = FakeClock()
    server.script(
        [
            Reply.json(200, json.dumps({"access_token": ACCESS_TOKEN, "expires_in": 3600})),
            Reply.json(
                429, '{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota"}]}', ("retry-after", "2")
            ),
            Reply.json(200, '{"payload":{"n":2}}'),
        ]
    )
    async with _client(server.url, backend, clock=clock) as client:
        response = await client.request("GET", "/sellers/v1/marketplaceParticipations")
    assert response.json() == {"payload": {"n": 2}}
    assert len(api_requests(server)) == 2
    assert clock.slept == [2.0]


@pytest.mark.parametrize("backend", BACKENDS)
async def test_500_html_is_a_server_error_keeping_the_text(server: LoopbackServer, backend: HttpBackend) -> None:
    page = b"<html><body><h1>Internal Server Error</h1><p>upstream broke</p></body></html>"
    server.handle_with(_lwa_or(Reply(500, page, (("content-type", "text/html"), ("x-amzn-RequestId", "rid-500")))))  # type: ignore[arg-type]
    async with _client(server.url, backend, attempts=1) as client:
        with pytest.raises(sp.ServerError) as info:
            await client.request("GET", "/orders/v0/orders")
    error = info.value
    assert error.status_code == 500
    assert error.request_id == "rid-500"
    assert error.body == page.decode()
    assert error.errors[0].code == "HTTP500"
    assert "upstream broke" in error.errors[0].message


@pytest.mark.parametrize("backend", BACKENDS)
async def test_connection_refused_was_never_sent(backend: HttpBackend) -> None:
    base = f"http://127.0.0.1:{unused_port()}"
    async with _client(base, backend, attempts=1) as client:
        with pytest.raises(sp.TransportConnectionError) as info:
            await client.request("POST", "/feeds/2021-06-30/feeds", json={})
    assert info.value.request_sent is False
    assert not isinstance(info.value, sp.TransportTimeoutError)


@pytest.mark.parametrize("backend", BACKENDS)
async def test_read_timeout(server: LoopbackServer, backend: HttpBackend) -> None:
    server.handle_with(_lwa_or(Reply(hang=True)))  # type: ignore[arg-type]
    async with _client(server.url, backend, attempts=1) as client:
        with pytest.raises(sp.TransportTimeoutError) as info:
            await client.request("GET", "/orders/v0/orders", timeout=0.2)
    assert info.value.request_sent is True


@pytest.mark.parametrize("backend", BACKENDS)
async def test_server_dropping_the_connection_may_have_seen_the_request(
    server: LoopbackServer, backend: HttpBackend
) -> None:
    server.handle_with(_lwa_or(Reply(drop=True)))  # type: ignore[arg-type]
    async with _client(server.url, backend, attempts=1) as client:
        with pytest.raises(sp.TransportConnectionError) as info:
            await client.request("POST", "/feeds/2021-06-30/feeds", json={"feedType": "X"})
    assert info.value.request_sent is True  # the server read it: not safe to repeat a POST blindly
    assert any(r.method == "POST" for r in api_requests(server))


@pytest.mark.parametrize("backend", BACKENDS)
async def test_large_and_gzip_bodies(server: LoopbackServer, backend: HttpBackend) -> None:
    big = json.dumps({"payload": ["x" * 1000] * 2000}).encode()  # ~2 MB: arrives after the headers
    packed = gzip.compress(b'{"payload":{"gz":true}}')
    server.script(
        [
            Reply.json(200, json.dumps({"access_token": ACCESS_TOKEN, "expires_in": 3600})),
            Reply(200, big),
            Reply(200, packed, (("content-type", "application/json"), ("content-encoding", "gzip"))),
        ]
    )
    async with _client(server.url, backend) as client:
        first = await client.request("GET", "/reports/2021-06-30/documents/doc1")
        second = await client.request("GET", "/reports/2021-06-30/documents/doc2")
    assert first.content == big
    assert second.json() == {"payload": {"gz": True}}


def _limited_client(backend: HttpBackend) -> httpx.AsyncClient:
    """What make_http_client builds, with one connection and a short pool timeout."""
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    timeout = httpx.Timeout(5.0, pool=0.2)
    transport: httpx.AsyncBaseTransport
    transport = httpx.AsyncHTTPTransport(limits=limits) if backend == "httpx" else AiohttpTransport(limits=limits)
    return LeanAsyncClient(transport=transport, timeout=timeout, limits=limits)


@pytest.mark.parametrize("backend", BACKENDS)
async def test_pool_exhausted_is_a_timeout_that_was_never_sent(server: LoopbackServer, backend: HttpBackend) -> None:
    server.handle_with(_lwa_or(Reply(hang=True)))  # type: ignore[arg-type]
    http = _limited_client(backend)
    client = _client(server.url, backend, attempts=1, http_client=http)
    errors: list[sp.SPAPIError] = []
    try:
        async with anyio.create_task_group() as tg:

            async def hold_the_only_connection() -> None:
                await client.request("GET", "/orders/v0/orders", timeout=5.0)

            tg.start_soon(hold_the_only_connection)
            await _wait_for(lambda: len(api_requests(server)) == 1)
            with pytest.raises(sp.TransportTimeoutError) as info:
                await client.request("GET", "/orders/v0/orders/1", timeout=0.2)
            errors.append(info.value)
            tg.cancel_scope.cancel()
    finally:
        await client.aclose()
        await http.aclose()
    assert errors[0].request_sent is False  # type: ignore[attr-defined]
    assert server.connections == 1
    assert len(api_requests(server)) == 1


async def _wait_for(condition: object, limit: int = 500) -> None:
    for _ in range(limit):  # bounded: at most limit * 10 ms
        if condition():  # type: ignore[operator]
            return
        await anyio.sleep(0.01)
    raise AssertionError("condition not met within 5 s")


# ------------------------------------------------------------------------------- trio, setup errors, lean client


# pytest-asyncio (auto mode) claims every ``async def`` test, @pytest.mark.anyio included, and runs it on asyncio;
# the trio tests are therefore plain functions that run their body with ``anyio.run(..., backend="trio")``.


def test_default_backend_on_trio(server: LoopbackServer) -> None:
    async def main() -> int:
        assert sniffio.current_async_library() == "trio"
        async with _client(server.url, "httpx") as client:
            response = await client.request("GET", "/sellers/v1/marketplaceParticipations")
        return response.status_code

    assert anyio.run(main, backend="trio") == 200
    assert len(api_requests(server)) == 1


def test_aiohttp_backend_on_trio_says_asyncio_only(server: LoopbackServer) -> None:
    async def main() -> None:
        async with _client(server.url, "aiohttp") as client:
            await client.request("GET", "/sellers/v1/marketplaceParticipations")

    with pytest.raises(sp.ConfigurationError, match="asyncio only"):
        anyio.run(main, backend="trio")


def test_missing_aiohttp_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "aiohttp", None)
    monkeypatch.delitem(sys.modules, "spapi_async.aiohttp_transport")
    with pytest.raises(sp.ConfigurationError, match=r"pip install 'spapi-async\[aiohttp\]'"):
        make_http_client("aiohttp")


def test_default_backend_is_lean_unless_a_proxy_is_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    assert isinstance(make_http_client("httpx"), LeanAsyncClient)
    lean = make_http_client("aiohttp")
    assert isinstance(lean, LeanAsyncClient)
    assert isinstance(lean.transport, AiohttpTransport)
    assert lean.transport.trust_env is False
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")
    proxied = make_http_client("httpx")
    assert type(proxied) is httpx.AsyncClient  # httpx mounts the proxy transport itself
    proxied_aiohttp = make_http_client("aiohttp")
    assert isinstance(proxied_aiohttp, LeanAsyncClient)
    assert isinstance(proxied_aiohttp.transport, AiohttpTransport)
    assert proxied_aiohttp.transport.trust_env is True  # aiohttp reads the proxy from the environment


def test_unknown_backend() -> None:
    with pytest.raises(sp.ConfigurationError, match="http_backend"):
        make_http_client("requests")  # type: ignore[arg-type]


@pytest.fixture
async def lean() -> AsyncIterator[LeanAsyncClient]:
    limits = httpx.Limits(max_connections=10)
    client = LeanAsyncClient(transport=AiohttpTransport(limits=limits), timeout=httpx.Timeout(7.0), limits=limits)
    yield client
    await client.aclose()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"headers": {"X-Amz-Access-Token": "t", "accept": "application/json"}},
        {"params": [("a", "1"), ("a", "2 3")], "content": b"abc", "timeout": httpx.Timeout(3.0, connect=1.0)},
        {"json": {"k": "v"}},  # not the fast path: must still match
    ],
)
async def test_lean_build_request_matches_httpx(lean: LeanAsyncClient, kwargs: dict[str, object]) -> None:
    stock = httpx.AsyncClient(timeout=httpx.Timeout(7.0))
    try:
        theirs = stock.build_request("POST", "https://sellingpartnerapi-na.amazon.com/x/y%20z", **kwargs)  # type: ignore[arg-type]
        ours = lean.build_request("POST", "https://sellingpartnerapi-na.amazon.com/x/y%20z", **kwargs)  # type: ignore[arg-type]
    finally:
        await stock.aclose()
    assert ours.url == theirs.url
    assert ours.method == theirs.method
    assert ours.content == theirs.content
    assert sorted((k.lower(), v) for k, v in ours.headers.items()) == sorted(
        (k.lower(), v) for k, v in theirs.headers.items()
    )
    assert ours.extensions["timeout"] == theirs.extensions["timeout"]


async def test_lean_send_falls_back_to_httpx_for_redirects_and_hooks(server: LoopbackServer) -> None:
    seen: list[str] = []

    async def hook(response: httpx.Response) -> None:
        seen.append(str(response.status_code))

    server.script([Reply(302, b"", (("location", "/final"),)), Reply(200, b'{"final":1}')])
    limits = httpx.Limits(max_connections=2)
    async with LeanAsyncClient(
        transport=AiohttpTransport(limits=limits), timeout=httpx.Timeout(5.0), limits=limits
    ) as c:
        c.event_hooks = {"response": [hook]}
        response = await c.send(c.build_request("GET", server.url + "/start"), follow_redirects=True)
    assert response.json() == {"final": 1}
    assert [r.path for r in server.requests] == ["/start", "/final"]
    assert seen == ["302", "200"]
    assert response.elapsed.total_seconds() >= 0


def _lean(backend: HttpBackend) -> LeanAsyncClient:
    limits = httpx.Limits(max_connections=4)
    transport: httpx.AsyncBaseTransport
    transport = httpx.AsyncHTTPTransport(limits=limits) if backend == "httpx" else AiohttpTransport(limits=limits)
    return LeanAsyncClient(transport=transport, timeout=httpx.Timeout(5.0), limits=limits)


@pytest.mark.parametrize("backend", BACKENDS)
async def test_streamed_upload_and_download(server: LoopbackServer, backend: HttpBackend) -> None:
    chunk = bytes(range(256)) * 256  # 64 KiB

    async def upload() -> AsyncIterator[bytes]:
        for _ in range(8):
            yield chunk

    big = b"y" * (3 * 1024 * 1024)
    server.script([Reply(200, b'{"uploaded":true}'), Reply(200, big, (("content-type", "text/plain"),))])
    async with _lean(backend) as http:
        sent = await http.post(server.url + "/upload", content=upload())
        received = 0
        async with http.stream("GET", server.url + "/download") as response:
            async for part in response.aiter_bytes():
                received += len(part)
        again = await http.get(server.url + "/after")
    assert sent.json() == {"uploaded": True}
    assert server.requests[0].body == chunk * 8
    assert received == len(big)
    assert again.status_code == 200
    assert server.connections == 1  # the streamed response gave its connection back when closed


@pytest.mark.parametrize("backend", BACKENDS)
async def test_request_is_sent_as_built(server: LoopbackServer, backend: HttpBackend) -> None:
    """Neither backend adds headers of its own (aiohttp would add accept, accept-encoding, user-agent, content-type)."""
    async with _lean(backend) as http:
        bare = httpx.Request("POST", server.url + "/bare", content=b"abc", extensions={"timeout": {"read": 5.0}})
        await http.send(bare)
        await http.send(http.build_request("POST", server.url + "/built", content=b"abc"))
    seen_bare, seen_built = server.requests
    assert sorted(seen_bare.headers) == ["content-length", "host"]
    assert seen_bare.body == b"abc"
    assert "content-type" not in seen_built.headers
    assert seen_built.headers["user-agent"].startswith("python-httpx/")
    assert seen_built.headers["accept-encoding"] == http.headers["accept-encoding"]
