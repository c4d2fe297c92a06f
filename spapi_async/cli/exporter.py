"""``orders export``: every order created in a window, optionally with its items, to JSON Lines or CSV.

Resumable: after each page the output is flushed and a checkpoint file records the next page token and the
output's size. Run the same command again and it truncates the output to that size and carries on from the token,
so no order is written twice or lost.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

import anyio

from ..client import SPAPIClient
from ..config import get_marketplace
from ..errors import ConfigurationError
from .workflows import NoProgress, Progress

ORDER_COLUMNS = (
    "AmazonOrderId", "PurchaseDate", "LastUpdateDate", "OrderStatus", "FulfillmentChannel", "MarketplaceId",
    "OrderTotal.Amount", "OrderTotal.CurrencyCode", "NumberOfItemsShipped", "NumberOfItemsUnshipped",
)  # fmt: skip
ITEM_COLUMNS = ("OrderItemId", "SellerSKU", "ASIN", "Title", "QuantityOrdered", "ItemPrice.Amount")


def parse_date(value: str, name: str) -> str:
    """``2025-01-31`` or an ISO 8601 date-time → ``2025-01-31T00:00:00Z``; anything else a ConfigurationError."""
    text = value.strip()
    try:
        dt = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    except ValueError:
        raise ConfigurationError(
            f"{name} must be a date (2025-01-31) or an ISO 8601 date-time, got {value!r}"
        ) from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class ExportSpec:
    since: str
    until: str | None
    marketplaces: tuple[str, ...]
    out: str
    with_items: bool
    fmt: str  # "jsonl" | "csv"

    @classmethod
    def build(
        cls, *, since: str, until: str | None, marketplaces: Sequence[str], out: Path, with_items: bool
    ) -> ExportSpec:
        start = parse_date(since, "--since")
        end = parse_date(until, "--until") if until else None
        if end is not None and end <= start:
            raise ConfigurationError(f"--until ({end}) must be later than --since ({start})")
        ids = tuple(get_marketplace(m).id for m in marketplaces) or ("ATVPDKIKX0DER",)
        suffix = out.suffix.lower()
        if suffix not in (".jsonl", ".csv"):
            raise ConfigurationError(f"--out must end in .jsonl or .csv, got {out.name!r}")
        return cls(start, end, ids, str(out), with_items, suffix[1:])


@dataclass
class ExportResult:
    orders: int = 0
    items: int = 0
    pages: int = 0
    resumed: bool = False
    checkpoint: str = ""


def checkpoint_path(out: Path) -> Path:
    return out.with_name(out.name + ".checkpoint.json")


def _get(obj: dict[str, Any], dotted: str) -> Any:
    value: Any = obj
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _csv_rows(order: dict[str, Any], items: list[dict[str, Any]] | None) -> list[list[Any]]:
    base = [_get(order, c) for c in ORDER_COLUMNS]
    if items is None:
        return [base]
    return [base + [_get(i, c) for c in ITEM_COLUMNS] for i in items] or [base + [None] * len(ITEM_COLUMNS)]


class _Output:
    def __init__(self, spec: ExportSpec, fh: BinaryIO) -> None:
        self.spec = spec
        self.fh = fh

    def header(self) -> None:
        if self.spec.fmt == "csv":
            columns = list(ORDER_COLUMNS) + (list(ITEM_COLUMNS) if self.spec.with_items else [])
            self._csv([columns])

    def _csv(self, rows: list[list[Any]]) -> None:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        self.fh.write(buf.getvalue().encode())

    def write(self, order: dict[str, Any], items: list[dict[str, Any]] | None) -> None:
        if self.spec.fmt == "csv":
            self._csv(_csv_rows(order, items))
        else:
            record = dict(order)
            if items is not None:
                record["OrderItems"] = items
            self.fh.write(json.dumps(record, separators=(",", ":"), ensure_ascii=False).encode() + b"\n")


async def _items(client: SPAPIClient, order_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    params: dict[str, str] | None = None
    while True:
        payload = (await client.request("GET", f"/orders/v0/orders/{order_id}/orderItems", params=params)).json()
        items += payload["payload"]["OrderItems"]
        token = payload["payload"].get("NextToken")
        if not token:
            return items
        params = {"NextToken": token}


async def _fetch_into(
    slots: list[list[dict[str, Any]] | None],
    n: int,
    client: SPAPIClient,
    order_id: str,
    limit: anyio.CapacityLimiter,
    ui: Progress,
) -> None:
    async with limit:
        slots[n] = found = await _items(client, order_id)
        ui.advance("items", len(found))


def _open_output(out: Path, resume_at: int | None) -> BinaryIO:
    """The output file: new, or truncated to the checkpoint's size and positioned at its end."""
    if resume_at is None:
        return out.open("wb")
    fh = out.open("r+b")
    fh.truncate(resume_at)
    fh.seek(0, os.SEEK_END)
    return fh


def _save_checkpoint(path: Path, spec: ExportSpec, token: str, size: int, result: ExportResult) -> None:
    data = {"spec": asdict(spec), "next_token": token, "bytes": size, "orders": result.orders, "items": result.items}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data))
    os.replace(tmp, path)


async def export_orders(
    client: SPAPIClient, spec: ExportSpec, *, progress: Progress | None = None, concurrency: int = 32
) -> ExportResult:
    ui = progress or NoProgress()
    out = Path(spec.out)
    ckpt = checkpoint_path(out)
    result = ExportResult(checkpoint=str(ckpt))
    token: str | None = None
    if ckpt.exists():
        state = json.loads(ckpt.read_text())
        if state.get("spec") != json.loads(json.dumps(asdict(spec))):
            raise ConfigurationError(
                f"{ckpt} belongs to a different export; delete it to start over or repeat that export's options"
            )
        token, result.orders, result.items, result.resumed = state["next_token"], state["orders"], state["items"], True
    fh = _open_output(out, int(state["bytes"]) if result.resumed else None)
    writer = _Output(spec, fh)
    limit = anyio.CapacityLimiter(concurrency)
    try:
        if not result.resumed:
            writer.header()
        ui.advance("orders", result.orders)
        while True:
            params: dict[str, str] = {"MarketplaceIds": ",".join(spec.marketplaces)}
            if token:
                params["NextToken"] = token
            else:
                params["CreatedAfter"] = spec.since
                if spec.until:
                    params["CreatedBefore"] = spec.until
            payload = (await client.request("GET", "/orders/v0/orders", params=params)).json()["payload"]
            orders: list[dict[str, Any]] = payload.get("Orders", [])
            result.pages += 1
            items: list[list[dict[str, Any]] | None] = [None] * len(orders)
            if spec.with_items and orders:
                async with anyio.create_task_group() as tg:
                    for n, order in enumerate(orders):
                        tg.start_soon(_fetch_into, items, n, client, str(order["AmazonOrderId"]), limit, ui)
            for order, its in zip(orders, items, strict=True):
                writer.write(order, its)
                result.items += len(its or ())
            result.orders += len(orders)
            fh.flush()
            ui.advance("orders", len(orders))
            token = payload.get("NextToken")
            if not token:
                break
            _save_checkpoint(ckpt, spec, token, fh.tell(), result)
    finally:
        fh.close()
    ckpt.unlink(missing_ok=True)
    return result
