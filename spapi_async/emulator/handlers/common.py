"""Helpers shared by the handlers: money, marketplaces, opaque page tokens."""

from __future__ import annotations

import base64
import json
from typing import Any

from ...config import MARKETPLACES
from ..http import Call, invalid

CURRENCIES = {
    "US": "USD", "CA": "CAD", "MX": "MXN", "BR": "BRL", "GB": "GBP", "UK": "GBP", "DE": "EUR", "FR": "EUR",
    "IT": "EUR", "ES": "EUR", "NL": "EUR", "BE": "EUR", "IE": "EUR", "SE": "SEK", "PL": "PLN", "TR": "TRY",
    "JP": "JPY", "AU": "AUD", "SG": "SGD", "IN": "INR", "AE": "AED", "SA": "SAR", "EG": "EGP", "ZA": "ZAR",
}  # fmt: skip


def currency(marketplace_id: str) -> str:
    m = MARKETPLACES.get(marketplace_id)
    return CURRENCIES.get(m.country_code, "USD") if m else "USD"


def amount(cents: int) -> str:
    return f"{cents / 100:.2f}"


def sales_channel(marketplace_id: str) -> str:
    m = MARKETPLACES.get(marketplace_id)
    if m is None:
        return "Amazon.com"
    host = m.seller_central_url.split("//", 1)[1]
    domain = host.split("amazon", 1)[1] if "amazon" in host else ".com"
    return "Amazon" + domain


def marketplace_ids(call: Call, name: str, *, required: bool = True, limit: int = 50) -> list[str]:
    ids = call.q_list(name)
    if not ids:
        if required:
            raise invalid(f"Missing required parameter {name}.")
        return []
    if len(ids) > limit:
        raise invalid(f"{name} accepts at most {limit} values.")
    unknown = [m for m in ids if m not in MARKETPLACES]
    if unknown:
        raise invalid(f"Invalid {name}: {', '.join(unknown)}.")
    return ids


def encode_token(state: dict[str, Any]) -> str:
    raw = json.dumps(state, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(token: str, name: str = "NextToken") -> dict[str, Any]:
    try:
        padded = token + "=" * (-len(token) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, TypeError):
        raise invalid(f"Invalid {name}.") from None
    if not isinstance(data, dict) or not isinstance(data.get("o"), int):
        raise invalid(f"Invalid {name}.")
    return data


def body_str(body: dict[str, Any], name: str, *, required: bool = True) -> str | None:
    value = body.get(name)
    if value is None:
        if required:
            raise invalid(f"Missing required field {name}.")
        return None
    if not isinstance(value, str) or not value:
        raise invalid(f"{name} must be a non-empty string.")
    return value


def body_marketplaces(body: dict[str, Any], name: str = "marketplaceIds") -> list[str]:
    value = body.get(name)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise invalid(f"{name} must be a non-empty list of marketplace ids.")
    unknown = [m for m in value if m not in MARKETPLACES]
    if unknown:
        raise invalid(f"Invalid {name}: {', '.join(unknown)}.")
    return list(value)
