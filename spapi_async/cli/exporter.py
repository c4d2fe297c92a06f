"""``orders export``: every order created in a window, optionally with its items, to JSON Lines or CSV.

Resumable: a checkpoint file is written before the output is created, and after each page the output is flushed
and the checkpoint records the next page token and the output's size. Run the same command again and it
truncates the output to that size and carries on from the token, so no order is written twice or lost.

The checkpoint is also what makes the output "ours": an existing output without a checkpoint (another program's
file, or a finished export) is not overwritten unless ``force``. Both files are created with mode 0600: they hold
buyer names and addresses.
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
from ..registry import OPERATIONS
from .files import open_private, write_private
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


async def _call(client: SPAPIClient, key: str, params: dict[str, str] | None, **path_params: str) -> Any:
    """The JSON body of operation ``key`` (method and path from the generated registry), as Amazon sent it: the
    export writes Amazon's records unchanged, so the generated methods' parsed models are not used here."""
    op = OPERATIONS[key]
    return (await client.request(op.method, op.path, params=params, path_params=path_params or None)).json()


async def _items(client: SPAPIClient, order_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    params: dict[str, str] | None = None
    while True:
        payload = await _call(client, "orders_v0.get_order_items", params, orderId=order_id)
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


def _open_output(out: Path, resume_at: int, ckpt: Path) -> BinaryIO:
    """The output file (created with mode 0600 if missing), truncated to the checkpoint's size, at its end."""
    fh = open_private(out, truncate=resume_at == 0)
    try:
        size = os.fstat(fh.fileno()).st_size
        if size < resume_at:
            raise ConfigurationError(
                f"{out} is shorter ({size} bytes) than its checkpoint says ({resume_at}); delete {ckpt} to start over"
            )
        fh.truncate(resume_at)
        fh.seek(0, os.SEEK_END)
    except BaseException:
        fh.close()
        raise
    return fh


def _save_checkpoint(path: Path, spec: ExportSpec, token: str | None, size: int, result: ExportResult) -> None:
    data = {"spec": asdict(spec), "next_token": token, "bytes": size, "orders": result.orders, "items": result.items}
    write_private(path, json.dumps(data).encode())


def check_target(spec: ExportSpec, *, force: bool = False) -> None:
    """Refuse (ConfigurationError) to replace an existing output that is not an unfinished export of ``spec``
    (its checkpoint present and matching), unless ``force``. Called before any request."""
    out = Path(spec.out)
    ckpt = checkpoint_path(out)
    if force:
        return
    if ckpt.exists():
        if _state_of(ckpt).get("spec") != json.loads(json.dumps(asdict(spec))):
            raise ConfigurationError(
                f"{ckpt} belongs to a different export: repeat that export's options to resume it, or pass --force "
                "to start this one over"
            )
        return
    if out.exists() or out.is_symlink():
        raise ConfigurationError(
            f"{out} exists and is not an unfinished export (no {ckpt.name}): pass --force to overwrite it"
        )


def _state_of_or_none(ckpt: Path, spec: ExportSpec) -> dict[str, Any] | None:
    """The checkpoint's state if it is a readable checkpoint of ``spec``, else None."""
    try:
        state = _state_of(ckpt)
    except ConfigurationError:
        return None
    return state if state.get("spec") == json.loads(json.dumps(asdict(spec))) else None


def _state_of(ckpt: Path) -> dict[str, Any]:
    try:
        state = json.loads(ckpt.read_text())
    except (OSError, ValueError) as exc:
        raise ConfigurationError(f"cannot read {ckpt} ({exc}): delete it (or pass --force) to start over") from None
    if not isinstance(state, dict):
        raise ConfigurationError(f"{ckpt} is not a checkpoint: delete it (or pass --force) to start over")
    return state


async def export_orders(
    client: SPAPIClient,
    spec: ExportSpec,
    *,
    progress: Progress | None = None,
    concurrency: int = 32,
    force: bool = False,
) -> ExportResult:
    """Export the orders of ``spec``; resume from its checkpoint if one is there. ``force``: replace an output
    (and a checkpoint) that is not an unfinished export of ``spec`` instead of refusing (see :func:`check_target`).

    Progress: ``"orders"`` advances by each page's orders, ``"items"`` by each order's items."""
    ui = progress or NoProgress()
    out = Path(spec.out)
    ckpt = checkpoint_path(out)
    check_target(spec, force=force)
    result = ExportResult(checkpoint=str(ckpt))
    token: str | None = None
    resume_at = 0
    state = _state_of_or_none(ckpt, spec) if ckpt.exists() else None
    if state is not None:
        token, result.orders, result.items = state["next_token"], int(state["orders"]), int(state["items"])
        resume_at, result.resumed = int(state["bytes"]), True
    else:
        _save_checkpoint(ckpt, spec, None, 0, result)  # the output is ours from its first byte
    fh = _open_output(out, resume_at, ckpt)
    writer = _Output(spec, fh)
    limit = anyio.CapacityLimiter(concurrency)
    try:
        if fh.tell() == 0:
            writer.header()
        ui.resumed("orders", result.orders)
        if spec.with_items:
            ui.resumed("items", result.items)
        while True:
            params: dict[str, str] = {"MarketplaceIds": ",".join(spec.marketplaces)}
            if token:
                params["NextToken"] = token
            else:
                params["CreatedAfter"] = spec.since
                if spec.until:
                    params["CreatedBefore"] = spec.until
            payload = (await _call(client, "orders_v0.get_orders", params))["payload"]
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
