"""Listings Items API 2021-08-01: get, put, patch and delete a listing (per selling partner, by SKU)."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from ..http import Call, Reply, invalid, not_found
from ..routes import Router
from ..state import Listing
from ..timefmt import iso
from .common import marketplace_ids

if TYPE_CHECKING:
    from ..app import Emulator

INCLUDED = frozenset(
    {"summaries", "attributes", "issues", "offers", "fulfillmentAvailability", "procurement", "relationships",
     "productTypes"}
)  # fmt: skip


def listing_body(listing: Listing, markets: list[str], included: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"sku": listing.sku}
    if "summaries" in included:
        name = listing.attributes.get("item_name", [{}])[0].get("value", listing.sku)
        out["summaries"] = [
            {
                "marketplaceId": m,
                **({"asin": listing.asin} if listing.asin else {}),
                "productType": listing.product_type,
                "conditionType": "new_new",
                "status": listing.status,
                "itemName": name,
                "createdDate": iso(listing.created),
                "lastUpdatedDate": iso(listing.updated),
            }
            for m in markets
        ]
    if "attributes" in included:
        out["attributes"] = listing.attributes
    if "issues" in included:
        out["issues"] = []
    if "productTypes" in included:
        out["productTypes"] = [{"marketplaceId": m, "productType": listing.product_type} for m in markets]
    return out


def _included(call: Call) -> set[str]:
    values = set(call.q_list("includedData")) or {"summaries"}
    if values - INCLUDED:
        raise invalid(f"Invalid includedData: {', '.join(sorted(values - INCLUDED))}.")
    return values


def _accepted(call: Call, emu: Emulator, sku: str) -> Reply:
    return Reply(200, {"sku": sku, "status": "ACCEPTED", "submissionId": emu.ids.uuid().replace("-", ""), "issues": []})


def get_listing(call: Call, emu: Emulator) -> Reply:
    markets = marketplace_ids(call, "marketplaceIds", limit=1)
    listing = call.st.listings.get(call.path_params["sku"])
    if listing is None:
        raise not_found(f"SKU '{call.path_params['sku']}' not found in marketplace {markets[0]}")
    return Reply(200, listing_body(listing, markets, _included(call)))


def put_listing(call: Call, emu: Emulator) -> Reply:
    marketplace_ids(call, "marketplaceIds", limit=1)
    body = call.json_object()
    product_type, attributes = body.get("productType"), body.get("attributes")
    if not isinstance(product_type, str) or not product_type:
        raise invalid("productType is required.")
    if not isinstance(attributes, dict):
        raise invalid("attributes must be an object.")
    sku = call.path_params["sku"]
    if call.q("mode") != "VALIDATION_PREVIEW":
        existing = call.st.listings.get(sku)
        created = existing.created if existing else call.now
        asin = existing.asin if existing else None
        call.st.listings[sku] = Listing(sku, product_type, copy.deepcopy(attributes), asin, created, call.now)
    return _accepted(call, emu, sku)


def patch_listing(call: Call, emu: Emulator) -> Reply:
    marketplace_ids(call, "marketplaceIds", limit=1)
    body = call.json_object()
    patches = body.get("patches")
    if not isinstance(body.get("productType"), str) or not isinstance(patches, list) or not patches:
        raise invalid("productType and a non-empty patches list are required.")
    sku = call.path_params["sku"]
    listing = call.st.listings.get(sku)
    if listing is None:
        raise not_found(f"SKU '{sku}' not found.")
    updated = copy.deepcopy(listing.attributes)
    for patch in patches:
        if not isinstance(patch, dict) or patch.get("op") not in ("add", "replace", "merge", "delete"):
            raise invalid("Each patch needs op (add, replace, merge, delete) and path.")
        path = patch.get("path")
        if not isinstance(path, str) or not path.startswith("/attributes/"):
            raise invalid("Patch paths must look like /attributes/<name>.")
        name = path[len("/attributes/") :]
        if patch["op"] == "delete":
            updated.pop(name, None)
        else:
            value = patch.get("value")
            if not isinstance(value, list):
                raise invalid(f"The value for {path} must be a list.")
            updated[name] = value
    if call.q("mode") != "VALIDATION_PREVIEW":
        listing.attributes = updated
        listing.updated = call.now
    return _accepted(call, emu, sku)


def delete_listing(call: Call, emu: Emulator) -> Reply:
    marketplace_ids(call, "marketplaceIds", limit=1)
    sku = call.path_params["sku"]
    if call.st.listings.pop(sku, None) is None:
        raise not_found(f"SKU '{sku}' not found.")
    return _accepted(call, emu, sku)


def register(router: Router) -> None:
    for method, handler in (
        ("get_listings_item", get_listing),
        ("put_listings_item", put_listing),
        ("patch_listings_item", patch_listing),
        ("delete_listings_item", delete_listing),
    ):
        router.route("listings_items_2021_08_01." + method)(handler)
