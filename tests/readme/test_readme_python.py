"""Every Python block of README.md runs against the embedded emulator, as written.

Only endpoints and credentials are substituted, at call time: a client built with Amazon's or Seller Center's
address is pointed at the emulator (served on loopback), ``...`` where a block leaves credentials out becomes test
credentials, and a Redis URL becomes the test server's. Everything else runs as the reader would run it. A block
runs with what README says the snippets assume: ``import spapi_async as sp`` and, in blocks that use it without
opening one, an open SP-API ``client``. The working directory is a temporary one holding the input files blocks
name (``listings.json``).

A failing block fails its own test, named ``README.md:<line>``; tracebacks point at README's lines.
"""

from __future__ import annotations

import ast
import inspect
import traceback
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import anyio
import pytest

import spapi_async
from spapi_async.emulator import Emulator

from .blocks import INPUT_FILES, Block, python_blocks

BLOCK_TIME_LIMIT = 120.0  # seconds; a block that hangs fails instead of stalling the suite
TEST_CREDENTIALS = {
    "client_id": "amzn1.application-oa2-client.readme",
    "client_secret": "readme-secret",
    "refresh_token": "Atzr|readme-seller",
}


@pytest.fixture(scope="module")
def blocks() -> list[Block]:
    found = python_blocks()
    assert found, "README.md has no python blocks: the block parser or README changed"
    return found


def test_readme_has_the_blocks_we_expect_to_run() -> None:
    # a guard against the discovery silently finding nothing (a renamed fence language, say)
    assert len(python_blocks()) >= 5


@pytest.fixture
async def emulator_url() -> AsyncIterator[str]:
    emulator = Emulator(time_scale=1000, seed=11, orders=60)
    async with emulator.serve(port=0) as base_url:
        yield base_url


def _without_ellipsis(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[tuple[Any, ...], dict[str, Any]]:
    return tuple(a for a in args if a is not Ellipsis), {k: v for k, v in kwargs.items() if v is not Ellipsis}


def _substitutions(base_url: str, redis_url: Callable[[], str]) -> dict[str, Callable[..., Any]]:
    """Replacements for the public constructors README calls: each changes endpoints and credentials only."""
    real_spapi = spapi_async.SPAPIClient
    real_sc = spapi_async.SellerCenterClient
    real_legacy = spapi_async.SellerCenterLegacyClient
    real_limiter = spapi_async.RedisLimiter
    real_store = spapi_async.RedisTokenStore

    def spapi_client(*args: Any, **kwargs: Any) -> Any:
        args, kwargs = _without_ellipsis(args, kwargs)
        if not args and not {"client_id", "refresh_token", "grantless_scopes"} & kwargs.keys():
            kwargs |= TEST_CREDENTIALS
        if "endpoint" not in kwargs:  # a block that names its own endpoint (its own emulator) keeps it
            kwargs |= {"endpoint": base_url, "lwa_endpoint": base_url + "/auth/o2/token"}
        return real_spapi(*args, **kwargs)

    def seller_center(real: Any) -> Callable[..., Any]:
        def build(*args: Any, **kwargs: Any) -> Any:
            args, kwargs = _without_ellipsis(args, kwargs)
            if args:
                args = (base_url + "/sellercenter", *args[1:])
            else:
                kwargs["base_url"] = base_url + "/sellercenter"
            return real(*args, **kwargs)

        return build

    def redis(real: Any) -> Callable[..., Any]:
        def build(*args: Any, **kwargs: Any) -> Any:
            if args:
                args = (redis_url(), *args[1:])
            elif "url" in kwargs:
                kwargs["url"] = redis_url()
            return real(*args, **kwargs)

        return build

    return {
        "SPAPIClient": spapi_client,
        "SellerCenterClient": seller_center(real_sc),
        "SellerCenterLegacyClient": seller_center(real_legacy),
        "RedisLimiter": redis(real_limiter),
        "RedisTokenStore": redis(real_store),
    }


async def run_block(block: Block, namespace: dict[str, Any]) -> None:
    code = compile(block.padded(), "README.md", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    result = eval(code, namespace)  # a block with top-level await compiles to a coroutine
    if inspect.iscoroutine(result):
        await result


@pytest.mark.parametrize("block", python_blocks(), ids=lambda b: b.id)
async def test_readme_python_block_runs(
    block: Block,
    emulator_url: str,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, content in INPUT_FILES.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    for name, replacement in _substitutions(emulator_url, lambda: str(request.getfixturevalue("redis_url"))).items():
        monkeypatch.setattr(spapi_async, name, replacement)

    namespace: dict[str, Any] = {"__name__": "__readme__", "sp": spapi_async}
    try:
        with anyio.fail_after(BLOCK_TIME_LIMIT):
            async with spapi_async.SPAPIClient() as client:  # the ambient client (substituted as above)
                namespace["client"] = client
                await run_block(block, namespace)
    except Exception as exc:
        detail = "".join(traceback.format_exception(exc)[-12:])
        pytest.fail(f"README.md line {block.line}: this python block fails: {exc!r}\n{detail}", pytrace=False)
