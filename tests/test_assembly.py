"""One assembly and one ``with_options`` for the three clients (issue #19).

Every client builds its transport in ``spapi_async/assembly.py``; a ``with_options`` copy of any of them shares the
HTTP connections, limiter, clock and token cache, refuses to change a shared part, and closing it closes nothing
the original opened.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

import spapi_async as sp
from spapi_async.assembly import AssembledClient
from spapi_async.testing import FakeClock

PACKAGE = Path(__file__).resolve().parent.parent / "spapi_async"
BASE = "http://127.0.0.1:9"


def _http() -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.MockTransport(lambda request: httpx.Response(500)))


def _spapi(http: httpx.AsyncClient, clock: FakeClock) -> AssembledClient[Any]:
    return sp.SPAPIClient("app", "secret", "refresh", endpoint=BASE, http_client=http, clock=clock)


def _v2(http: httpx.AsyncClient, clock: FakeClock) -> AssembledClient[Any]:
    return sp.SellerCenterClient(BASE, "app", "secret", http_client=http, clock=clock)


def _legacy(http: httpx.AsyncClient, clock: FakeClock) -> AssembledClient[Any]:
    return sp.SellerCenterLegacyClient(BASE, "me@example.com", "key", http_client=http, clock=clock)


CLIENTS: dict[str, Callable[[httpx.AsyncClient, FakeClock], AssembledClient[Any]]] = {
    "spapi": _spapi,
    "v2": _v2,
    "legacy": _legacy,
}


@pytest.mark.parametrize("make", CLIENTS.values(), ids=CLIENTS.keys())
async def test_a_copy_shares_the_parts_and_closing_it_closes_none(
    make: Callable[[httpx.AsyncClient, FakeClock], AssembledClient[Any]],
) -> None:
    http = _http()
    original = make(http, FakeClock())
    copy = original.with_options(timeout=5.0, retry=sp.RetryPolicy(max_attempts=2))
    assert type(copy) is type(original)
    assert copy._http is original._http is http
    assert copy.limiter is original.limiter and copy.clock is original.clock
    assert copy._shared.token_store is original._shared.token_store
    assert copy.transport is not original.transport and copy.transport.http is http
    assert copy.transport.retry.max_attempts == 2 and original.transport.retry.max_attempts != 2
    await copy.aclose()
    assert not http.is_closed
    await original.aclose()
    await http.aclose()


@pytest.mark.parametrize("make", CLIENTS.values(), ids=CLIENTS.keys())
@pytest.mark.parametrize("shared", ["http_client", "http_backend", "limiter", "token_store", "clock"])
async def test_with_options_refuses_the_shared_parts_alike(
    make: Callable[[httpx.AsyncClient, FakeClock], AssembledClient[Any]], shared: str
) -> None:
    async with _http() as http:
        client = make(http, FakeClock())
        with pytest.raises(
            sp.ConfigurationError, match=rf"unknown setting\(s\) {shared} \(it is shared with the copy\)"
        ):
            client.with_options(**{shared: None})
        with pytest.raises(sp.ConfigurationError, match=r"unknown setting\(s\) colour; known: .*timeout"):
            client.with_options(colour="blue")
        with pytest.raises(sp.ConfigurationError, match="timeout"):
            client.with_options(timeout=-1.0)


def _calls(path: Path, name: str) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id == name)
            or (isinstance(node.func, ast.Attribute) and node.func.attr == name)
        )
    ]


@pytest.mark.parametrize(
    ("name", "home"),
    [("Transport", "assembly.py"), ("make_http_client", "assembly.py"), ("default_limiter", "assembly.py")],
)
def test_one_module_assembles_the_clients(name: str, home: str) -> None:
    found = {
        str(path.relative_to(PACKAGE)): lines for path in sorted(PACKAGE.rglob("*.py")) if (lines := _calls(path, name))
    }
    assert set(found) == {home}, f"{name}(...) is called outside {home}: {found}"
