"""The generated API is typed for users: ``mypy --strict`` accepts a realistic usage example and rejects misuse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from codegen.generate import REPO_ROOT

EXAMPLE = Path(__file__).parent / "typecheck" / "usage_example.py"

MISUSE = """
from __future__ import annotations

import spapi_async as sp


async def wrong(client: sp.SPAPIClient) -> None:
    await client.orders_v0.get_order()
    await client.orders_v0.get_order(order_id=123)
    client.orders_v0.get_orders(marketplace_ids=["A"], max_results_per_page="10")
    client.orders_v0.get_orders(marketplace_ids=["A"], no_such_argument=1)
    order = await client.orders_v0.get_order(order_id="1")
    order.payload.amazon_order_id
"""


def _mypy(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", *map(str, paths)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_usage_example_passes_mypy_strict() -> None:
    result = _mypy(EXAMPLE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_misuse_is_reported_by_mypy(tmp_path: Path) -> None:
    misuse = tmp_path / "misuse.py"
    misuse.write_text(MISUSE, encoding="utf-8")
    result = _mypy(misuse)
    assert result.returncode == 1
    out = result.stdout
    assert 'Missing named argument "order_id"' in out
    assert 'Argument "order_id" to "get_order" of "OrdersV0Api" has incompatible type "int"' in out
    assert '"max_results_per_page" to "get_orders" of "OrdersV0Api" has incompatible type "str"' in out
    assert 'Unexpected keyword argument "no_such_argument"' in out
    assert 'Item "None" of "Order | None" has no attribute "amazon_order_id"' in out
