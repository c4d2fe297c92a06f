"""The emulator's mutable state: documents, and per selling partner its listings, reports, feeds, subscriptions and
Data Kiosk queries. Lifecycles advance with the emulator's clock (scaled by ``time_scale``), read lazily."""

from __future__ import annotations

import hashlib
import hmac
import random
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

from .data import Order, Product

ProcessingStatus = Literal["IN_QUEUE", "IN_PROGRESS", "DONE", "CANCELLED", "FATAL"]

#: Amazon-seconds a report / feed / query spends queued and processing (divided by the time scale).
QUEUE_SECONDS = 10.0
PROCESSING_SECONDS = 20.0


@dataclass(slots=True)
class Document:
    document_id: str
    kind: Literal["report", "feed-input", "feed-result", "datakiosk"]
    content: bytes | None = None  # stored as served (gzip-compressed when ``gzip``)
    gzip: bool = False
    content_type: str = "text/plain; charset=UTF-8"
    owner: str = ""


@dataclass(slots=True)
class Job:
    """A report, a feed or a Data Kiosk query: queued, processed, then done (or cancelled / fatal)."""

    job_id: str
    kind: str  # report type, feed type, or "QUERY"
    created_wall: float
    created_mono: float
    duration_scale: float
    marketplaces: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    cancelled_at: float | None = None  # monotonic
    final: ProcessingStatus | None = None
    document_id: str | None = None  # report document / feed result / Data Kiosk data document
    error_document_id: str | None = None

    def queued_until(self) -> float:
        return self.created_mono + QUEUE_SECONDS / self.duration_scale

    def done_at(self) -> float:
        return self.queued_until() + PROCESSING_SECONDS / self.duration_scale

    def status(self, mono: float) -> ProcessingStatus:
        if self.cancelled_at is not None:
            return "CANCELLED"
        if self.final is not None:
            return self.final
        if mono < self.queued_until():
            return "IN_QUEUE"
        if mono < self.done_at():
            return "IN_PROGRESS"
        return "DONE"  # the caller settles it (builds the document, may turn it FATAL/CANCELLED)

    def wall(self, mono: float) -> float:
        return self.created_wall + (mono - self.created_mono)


@dataclass(slots=True)
class Listing:
    sku: str
    product_type: str
    attributes: dict[str, Any]
    asin: str | None
    created: float
    updated: float
    status: list[str] = field(default_factory=lambda: ["BUYABLE", "DISCOVERABLE"])


@dataclass(slots=True)
class SellerState:
    """Everything one selling partner (application + refresh token) owns in the emulator."""

    partner: str
    seller_id: str
    listings: dict[str, Listing] = field(default_factory=dict)
    reports: dict[str, Job] = field(default_factory=dict)
    feeds: dict[str, Job] = field(default_factory=dict)
    queries: dict[str, Job] = field(default_factory=dict)
    schedules: dict[str, dict[str, Any]] = field(default_factory=dict)  # report schedules by id
    subscriptions: dict[str, dict[str, Any]] = field(default_factory=dict)  # notificationType -> subscription

    @classmethod
    def create(cls, partner: str, seller_id: str, products: list[Product]) -> SellerState:
        state = cls(partner, seller_id)
        for p in products:
            attributes: dict[str, Any] = {
                "item_name": [{"value": p.title, "language_tag": "en_US", "marketplace_id": "ATVPDKIKX0DER"}],
                "brand": [{"value": p.brand, "marketplace_id": "ATVPDKIKX0DER"}],
                "color": [{"value": p.color, "marketplace_id": "ATVPDKIKX0DER"}],
                "purchasable_offer": [
                    {
                        "currency": "USD",
                        "our_price": [{"schedule": [{"value_with_tax": p.price_cents / 100}]}],
                        "marketplace_id": "ATVPDKIKX0DER",
                    }
                ],
            }
            state.listings[p.sku] = Listing(p.sku, p.product_type, attributes, p.asin, p.created, p.created)
        return state


@dataclass(slots=True)
class World:
    """The seeded data every selling partner sees."""

    products: list[Product]
    orders: list[Order]
    by_id: dict[str, Order] = field(default_factory=dict)
    by_asin: dict[str, Product] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {o.order_id: o for o in self.orders}
        self.by_asin = {p.asin: p for p in self.products}


class Ids:
    """Deterministic identifiers (seeded), so two runs with the same seed hand out the same ids."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(f"ids:{seed}")
        self._counter = 50_000_000_000

    def numeric(self) -> str:
        self._counter += self._rng.randrange(1, 97)
        return str(self._counter)

    def uuid(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def document(self, region: str = "na") -> str:
        return (
            f"amzn1.spdoc.1.4.{region}.{self.uuid()}.T{self._rng.randrange(10**12, 10**13)}.{self._rng.randrange(1000)}"
        )


def sign_document_url(secret: bytes, document_id: str, method: str, expires: int) -> str:
    return hmac.new(secret, f"{method} {document_id} {expires}".encode(), hashlib.sha256).hexdigest()
