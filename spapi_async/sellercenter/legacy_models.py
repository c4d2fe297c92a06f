"""What the legacy Seller Center API answers: the response envelope (:class:`LegacyResult`) and typed rows.

Fields are named in Python and read by the API's names; unknown fields are kept (``extra="allow"``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..errors import SPAPIError
from .legacy_actions import FEED_DONE, LegacyAction
from .legacy_format import normalise


@dataclass(frozen=True, slots=True)
class LegacyHead:
    request_id: str | None
    request_action: str | None
    response_type: str | None
    timestamp: str | None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @property
    def total_count(self) -> int | None:
        value = self.raw.get("TotalCount")
        return int(value) if isinstance(value, (int, str)) and str(value).isdigit() else None


@dataclass(frozen=True, slots=True)
class LegacyResult:
    """A ``SuccessResponse``: its ``Head`` and its ``Body`` (lists normalised for the known actions)."""

    head: LegacyHead
    body: Any

    @property
    def request_id(self) -> str | None:
        return self.head.request_id


class _LegacyModel(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="allow", coerce_numbers_to_str=True)


LM = TypeVar("LM", bound=_LegacyModel)


class LegacyProduct(_LegacyModel):
    seller_sku: str | None = Field(default=None, alias="SellerSku")
    shop_sku: str | None = Field(default=None, alias="ShopSku")
    name: str | None = Field(default=None, alias="Name")
    brand: str | None = Field(default=None, alias="Brand")
    quantity: str | None = Field(default=None, alias="Quantity")
    price: str | None = Field(default=None, alias="Price")
    sale_price: str | None = Field(default=None, alias="SalePrice")
    status: str | None = Field(default=None, alias="Status")


class LegacyOrder(_LegacyModel):
    order_id: str | None = Field(default=None, alias="OrderId")
    order_number: str | None = Field(default=None, alias="OrderNumber")
    created_at: str | None = Field(default=None, alias="CreatedAt")
    updated_at: str | None = Field(default=None, alias="UpdatedAt")
    price: str | None = Field(default=None, alias="Price")
    statuses: Any = Field(default=None, alias="Statuses")


class LegacyOrderItem(_LegacyModel):
    order_item_id: str | None = Field(default=None, alias="OrderItemId")
    order_id: str | None = Field(default=None, alias="OrderId")
    seller_sku: str | None = Field(default=None, alias="Sku")
    name: str | None = Field(default=None, alias="Name")
    status: str | None = Field(default=None, alias="Status")
    item_price: str | None = Field(default=None, alias="ItemPrice")


class LegacyFeedStatus(_LegacyModel):
    feed: str | None = Field(default=None, alias="Feed")
    status: str | None = Field(default=None, alias="Status")
    action: str | None = Field(default=None, alias="Action")
    total_records: str | None = Field(default=None, alias="TotalRecords")
    processed_records: str | None = Field(default=None, alias="ProcessedRecords")
    failed_records: str | None = Field(default=None, alias="FailedRecords")
    errors: list[Any] = Field(default_factory=list, alias="FeedErrors")
    warnings: list[Any] = Field(default_factory=list, alias="FeedWarnings")

    @property
    def done(self) -> bool:
        return self.status in FEED_DONE


def validate_row(model: type[LM], data: Any) -> LM:
    """``model`` from a decoded body; a body of another shape is a library error, not pydantic's."""
    try:
        return model.model_validate(data)
    except (ValueError, TypeError, RecursionError) as exc:  # pydantic's ValidationError is a ValueError
        raise SPAPIError(f"the response does not match {model.__name__} ({type(exc).__name__})") from None


def parse_result(envelope: Any, action: LegacyAction | None) -> LegacyResult:
    success = envelope.get("SuccessResponse") if isinstance(envelope, Mapping) else None
    if not isinstance(success, Mapping):
        raise SPAPIError("legacy response has no SuccessResponse")
    head = success.get("Head")
    head = dict(head) if isinstance(head, Mapping) else {}
    body = success.get("Body")
    if body == "" or body is None:
        body = {}
    if action is not None and action.lists and isinstance(body, dict):
        body = normalise(body, action.lists)

    def text(name: str) -> str | None:
        value = head.get(name)
        return None if value in (None, "") else str(value)

    return LegacyResult(
        LegacyHead(text("RequestId"), text("RequestAction"), text("ResponseType"), text("Timestamp"), head), body
    )
