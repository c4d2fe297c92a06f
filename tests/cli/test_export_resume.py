"""``orders export`` resumes from its checkpoint after an interruption, writing every order exactly once."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from spapi_async.cli.exporter import ExportSpec, checkpoint_path, export_orders
from spapi_async.clock import SystemClock

from ..emulator.helpers import client_for, emulator


class CutAfter(httpx.AsyncBaseTransport):
    """Passes requests to the emulator until the ``n``-th getOrders page, then fails like a dropped network."""

    def __init__(self, inner: httpx.AsyncBaseTransport, n: int) -> None:
        self.inner = inner
        self.left = n

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/orders/v0/orders":
            self.left -= 1
            if self.left < 0:
                raise KeyboardInterrupt
        return await self.inner.handle_async_request(request)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
async def test_interrupted_export_resumes_without_duplicates_or_gaps(tmp_path: Path, suffix: str) -> None:
    # real time, plans x100000: a page's 100 concurrent getOrderItems calls pass (burst 30, then 50k/s)
    emu, _ = emulator(orders=250, clock=SystemClock(), time_scale=100_000)
    full = tmp_path / f"full{suffix}"
    spec_full = ExportSpec.build(since="2000-01-01", until=None, marketplaces=[], out=full, with_items=True)
    async with client_for(emu) as client:
        await export_orders(client, spec_full)

    out = tmp_path / f"part{suffix}"
    spec = ExportSpec.build(since="2000-01-01", until=None, marketplaces=[], out=out, with_items=True)
    cut = httpx.AsyncClient(transport=CutAfter(httpx.ASGITransport(app=emu.app), 2), base_url="http://127.0.0.1")
    async with client_for(emu, cut) as client:
        with pytest.raises(KeyboardInterrupt):
            await export_orders(client, spec)
    assert checkpoint_path(out).exists()
    with out.open("ab") as fh:
        fh.write(b"half a line that was never checkpointed")
    async with client_for(emu) as client:
        result = await export_orders(client, spec)
    assert result.resumed and result.orders == 250
    assert out.read_bytes() == full.read_bytes()
    assert not checkpoint_path(out).exists()


async def test_a_checkpoint_from_another_export_is_refused(tmp_path: Path) -> None:
    # real time, plans x100000: a page's 100 concurrent getOrderItems calls pass (burst 30, then 50k/s)
    emu, _ = emulator(orders=250, clock=SystemClock(), time_scale=100_000)
    out = tmp_path / "o.jsonl"
    spec = ExportSpec.build(since="2000-01-01", until=None, marketplaces=[], out=out, with_items=False)
    cut = httpx.AsyncClient(transport=CutAfter(httpx.ASGITransport(app=emu.app), 1), base_url="http://127.0.0.1")
    async with client_for(emu, cut) as client:
        with pytest.raises(KeyboardInterrupt):
            await export_orders(client, spec)
    other = ExportSpec.build(since="2001-01-01", until=None, marketplaces=[], out=out, with_items=False)
    async with client_for(emu) as client:
        with pytest.raises(ValueError, match="different export"):
            await export_orders(client, other)


async def test_force_starts_over_when_the_checkpoint_is_another_exports(tmp_path: Path) -> None:
    emu, _ = emulator(orders=120, clock=SystemClock(), time_scale=100_000)
    out = tmp_path / "o.jsonl"
    spec = ExportSpec.build(since="2000-01-01", until=None, marketplaces=[], out=out, with_items=False)
    cut = httpx.AsyncClient(transport=CutAfter(httpx.ASGITransport(app=emu.app), 1), base_url="http://127.0.0.1")
    async with client_for(emu, cut) as client:
        with pytest.raises(KeyboardInterrupt):
            await export_orders(client, spec)
    other = ExportSpec.build(since="2000-01-01", until=None, marketplaces=[], out=out, with_items=True)
    async with client_for(emu) as client:
        result = await export_orders(client, other, force=True)
    assert not result.resumed and result.orders == 120
    lines = out.read_text().splitlines()
    assert len(lines) == 120 and all('"OrderItems"' in line for line in lines)
    assert not checkpoint_path(out).exists()


async def test_an_output_shorter_than_its_checkpoint_is_refused(tmp_path: Path) -> None:
    emu, _ = emulator(orders=250, clock=SystemClock(), time_scale=100_000)
    out = tmp_path / "o.jsonl"
    spec = ExportSpec.build(since="2000-01-01", until=None, marketplaces=[], out=out, with_items=False)
    cut = httpx.AsyncClient(transport=CutAfter(httpx.ASGITransport(app=emu.app), 2), base_url="http://127.0.0.1")
    async with client_for(emu, cut) as client:
        with pytest.raises(KeyboardInterrupt):
            await export_orders(client, spec)
    out.write_bytes(b"")  # someone emptied it: resuming would leave a gap
    async with client_for(emu) as client:
        with pytest.raises(ValueError, match=r"shorter .* than its checkpoint says"):
            await export_orders(client, spec)
