"""Catalog Items API 2022-04-01: searchCatalogItems (keywords or identifiers, pageToken) and getCatalogItem."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..data import Product
from ..http import Call, Reply, invalid, not_found
from ..routes import Router
from .common import decode_token, encode_token, marketplace_ids

if TYPE_CHECKING:
    from ..app import Emulator

INCLUDED = frozenset(
    {"attributes", "classifications", "dimensions", "identifiers", "images", "productTypes", "relationships",
     "salesRanks", "summaries", "vendorDetails"}
)  # fmt: skip
ID_TYPES = frozenset({"ASIN", "EAN", "GTIN", "ISBN", "JAN", "MINSAN", "SKU", "UPC"})


def item(p: Product, markets: list[str], included: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"asin": p.asin}
    if "summaries" in included:
        out["summaries"] = [
            {
                "marketplaceId": m,
                "brand": p.brand,
                "color": p.color,
                "itemClassification": "BASE_PRODUCT",
                "itemName": p.title,
                "manufacturer": p.brand,
            }
            for m in markets
        ]
    if "identifiers" in included:
        out["identifiers"] = [
            {"marketplaceId": m, "identifiers": [{"identifierType": "SKU", "identifier": p.sku}]} for m in markets
        ]
    if "productTypes" in included:
        out["productTypes"] = [{"marketplaceId": m, "productType": p.product_type} for m in markets]
    if "attributes" in included:
        out["attributes"] = {"item_name": [{"value": p.title, "language_tag": "en_US"}], "brand": [{"value": p.brand}]}
    return out


def _included(call: Call) -> set[str]:
    values = set(call.q_list("includedData")) or {"summaries"}
    if values - INCLUDED:
        raise invalid(f"Invalid includedData: {', '.join(sorted(values - INCLUDED))}.")
    return values


def search(call: Call, emu: Emulator) -> Reply:
    markets = marketplace_ids(call, "marketplaceIds", limit=1)
    included = _included(call)
    size = call.q_int("pageSize", 10, 1, 20)
    identifiers, id_type = call.q_list("identifiers"), call.q("identifiersType")
    keywords = call.q_list("keywords")
    if identifiers and keywords:
        raise invalid("identifiers and keywords cannot be used together.")
    if not identifiers and not keywords:
        raise invalid("Either identifiers or keywords must be specified.")
    if identifiers:
        if id_type not in ID_TYPES:
            raise invalid(
                "identifiersType is required with identifiers (ASIN, EAN, GTIN, ISBN, JAN, MINSAN, SKU, UPC)."
            )
        if len(identifiers) > 20:
            raise invalid("identifiers accepts at most 20 values.")
        wanted = set(identifiers)
        found = [p for p in emu.world.products if (p.asin if id_type == "ASIN" else p.sku) in wanted]
    else:
        words = [k.lower() for k in keywords]
        found = [p for p in emu.world.products if any(w in p.title.lower() for w in words)]
    brands = sorted({p.brand for p in found})
    offset = 0
    token = call.q("pageToken")
    if token:
        offset = decode_token(token, "pageToken")["o"]
    page = found[offset : offset + size]
    body: dict[str, Any] = {"numberOfResults": len(found), "items": [item(p, markets, included) for p in page]}
    pagination: dict[str, str] = {}
    if offset + size < len(found):
        pagination["nextToken"] = encode_token({"o": offset + size})
    if offset > 0:
        pagination["previousToken"] = encode_token({"o": max(0, offset - size)})
    if pagination:
        body["pagination"] = pagination
    body["refinements"] = {
        "brands": [{"numberOfResults": sum(1 for p in found if p.brand == b), "brandName": b} for b in brands],
        "classifications": [],
    }
    return Reply(200, body)


def get_item(call: Call, emu: Emulator) -> Reply:
    markets = marketplace_ids(call, "marketplaceIds")
    product = emu.world.by_asin.get(call.path_params["asin"])
    if product is None:
        raise not_found(f"Requested item '{call.path_params['asin']}' not found.")
    return Reply(200, item(product, markets, _included(call)))


def register(router: Router) -> None:
    for method, handler in (
        ("search_catalog_items", search),
        ("get_catalog_item", get_item),
    ):
        router.route("catalog_items_2022_04_01." + method)(handler)
