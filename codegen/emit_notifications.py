"""Emits ``spapi_async/notifications/payloads.py``: pydantic models of the notification payloads.

Input: Amazon's JSON schemas in ``spapi-models/schemas/notifications/`` (one file per notification type and payload
version). Only the ``Payload``/``payload`` part of each schema becomes a model (the envelope is parsed by hand in
``spapi_async.notifications.models``, which accepts both spellings of its keys). Every class of one type is
prefixed with the type's name (``OrderChangePayload``, ``OrderChangePayloadOrderChangeNotification``, ...) so the
23 schemas share one module without clashes. The models reuse :class:`codegen.emit_models.ModelSet` (unknown
fields kept, Amazon's names as aliases, snake_case attributes); nothing of the schemas' prose is copied.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .emit_models import ModelSet
from .naming import pascal
from .render import HEADER, py_str
from .spec import ApiIR

#: Schema file → (notification type, payload version it is specific to, or None for "any version"). Kept here
#: because the files do not all say their type (some only in examples, one nowhere).
SCHEMAS: dict[str, tuple[str, str | None]] = {
    "AnyOfferChangedNotification.json": ("ANY_OFFER_CHANGED", None),
    "B2bAnyOfferChangedNotification.json": ("B2B_ANY_OFFER_CHANGED", None),
    "BrandedItemContentChangeNotification.json": ("BRANDED_ITEM_CONTENT_CHANGE", None),
    "DataKioskQueryProcessingFinishedNotification.json": ("DATA_KIOSK_QUERY_PROCESSING_FINISHED", None),
    "DetailPageTrafficEventNotification.json": ("DETAIL_PAGE_TRAFFIC_EVENT", None),
    "FBAInventoryAvailabilityChangeNotification.json": ("FBA_INVENTORY_AVAILABILITY_CHANGES", None),
    "FBAOutboundShipmentStatusNotification.json": ("FBA_OUTBOUND_SHIPMENT_STATUS", None),
    "FeePromotionNotification.json": ("FEE_PROMOTION", None),
    "FeedProcessingFinishedNotification.json": ("FEED_PROCESSING_FINISHED", None),
    "FulfillmentOrderStatusNotification.json": ("FULFILLMENT_ORDER_STATUS", None),
    "ItemInventoryEventChangeNotification.json": ("ITEM_INVENTORY_EVENT_CHANGE", None),
    "ItemProductTypeChangeNotification.json": ("ITEM_PRODUCT_TYPE_CHANGE", None),
    "ItemSalesEventChangeNotification.json": ("ITEM_SALES_EVENT_CHANGE", None),
    "ListingsItemIssuesChangeNotification.json": ("LISTINGS_ITEM_ISSUES_CHANGE", None),
    "ListingsItemIssuesChangeNotification_2023-12-13.json": ("LISTINGS_ITEM_ISSUES_CHANGE", "2023-12-13"),
    "ListingsItemMfnQuantityChange.json": ("LISTINGS_ITEM_MFN_QUANTITY_CHANGE", None),
    "ListingsItemStatusChangeNotification.json": ("LISTINGS_ITEM_STATUS_CHANGE", None),
    "OrderChangeNotification.json": ("ORDER_CHANGE", None),
    "PricingHealthNotification.json": ("PRICING_HEALTH", None),
    "ProductTypeDefinitionsChangeNotification.json": ("PRODUCT_TYPE_DEFINITIONS_CHANGE", None),
    "ReportProcessingFinishedNotification.json": ("REPORT_PROCESSING_FINISHED", None),
    "ShipmentTrackingMilestoneChangedNotification.json": ("SHIPMENT_TRACKING_MILESTONE_CHANGED", None),
    "TransactionUpdateNotification.json": ("TRANSACTION_UPDATE", None),
}

OUTPUT = "spapi_async/notifications/payloads.py"
_DEFS = "#/definitions/"


def notifications_dir(models_dir: Path) -> Path:
    """``.../spapi-models/models`` → ``.../spapi-models/schemas/notifications``."""
    return models_dir.parent / "schemas" / "notifications"


def _root(doc: dict[str, Any]) -> dict[str, Any]:
    ref = doc.get("$ref") or doc.get("#ref")  # one file spells it "#ref"
    if isinstance(ref, str) and ref.startswith(_DEFS):
        target = (doc.get("definitions") or {}).get(ref[len(_DEFS) :])
        return target if isinstance(target, dict) else {}
    return doc


def _payload_schema(doc: dict[str, Any]) -> Any:
    props = _root(doc).get("properties") or {}
    for key in ("Payload", "payload"):
        if key in props:
            return props[key]
    return None


def _rewrite(node: Any, prefix: str, used: set[str]) -> Any:
    """A copy of ``node`` whose ``#/definitions/X`` references point at ``<prefix>X``; collects the X's."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in ("examples", "description", "title", "default", "$comment"):
                continue  # prose and samples are not needed to build types
            if key == "type" and isinstance(value, list):  # draft-07 ["string", "null"]: the non-null type
                kinds = [k for k in value if k != "null"]
                if len(kinds) == 1:
                    out[key] = kinds[0]
                continue
            if key == "$ref" and isinstance(value, str) and value.startswith(_DEFS):
                name = value[len(_DEFS) :]
                used.add(name)
                out[key] = _DEFS + prefix + pascal(name)
            else:
                out[key] = _rewrite(value, prefix, used)
        return out
    if isinstance(node, list):
        return [_rewrite(v, prefix, used) for v in node]
    return node


def _example_version(path: Path) -> str | None:
    """The payload version the schema's example carries, if any."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    for example in doc.get("examples") or _root(doc).get("examples") or ():
        if isinstance(example, dict):
            version = example.get("PayloadVersion") or example.get("payloadVersion")
            if isinstance(version, str) and version:
                return version
    return None


def _definitions_for(path: Path, prefix: str) -> dict[str, Any] | None:
    """The file's payload schema as ``<prefix>Payload`` plus every definition it reaches (prefixed), or None
    when the file has no usable payload schema."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    payload = _payload_schema(doc)
    if not isinstance(payload, dict):
        return None
    source_defs: dict[str, Any] = doc.get("definitions") or {}
    out: dict[str, Any] = {}
    pending: set[str] = set()
    out[prefix + "Payload"] = _rewrite(payload, prefix, pending)
    done: set[str] = set()
    while pending - done:
        name = sorted(pending - done)[0]
        done.add(name)
        schema = source_defs.get(name)
        if schema is None:
            raise ValueError(f"{path.name}: $ref to a missing definition {name!r}")
        out[prefix + pascal(name)] = _rewrite(schema, prefix, pending)
    # A payload that is only a reference becomes that definition's alias; keep it an object model instead.
    head = out[prefix + "Payload"]
    if isinstance(head, dict) and set(head) == {"$ref"}:
        out[prefix + "Payload"] = {"allOf": [head]}
    return out


def _prefix(ntype: str, version: str | None) -> str:
    base = pascal(ntype.lower().replace("_", " ").title().replace(" ", "_"))
    return base + ("V" + version.replace("-", "") if version else "")


def render_notifications(schemas_dir: Path) -> str:
    """The unformatted text of the payloads module (ruff formats it with the rest)."""
    found = {p.name for p in schemas_dir.glob("*.json")}
    unknown = sorted(found - set(SCHEMAS))
    if unknown:
        raise ValueError(f"notification schemas without an entry in codegen.emit_notifications.SCHEMAS: {unknown}")
    definitions: dict[str, Any] = {}
    mapping: list[tuple[str, str]] = []  # (key, class name)
    untyped: list[str] = []
    versions: dict[str, str] = {}
    for name in sorted(SCHEMAS):
        if name not in found:
            raise ValueError(f"{schemas_dir}: {name} is missing")
        ntype, version = SCHEMAS[name]
        seen = version or _example_version(schemas_dir / name) or "1.0"
        versions[ntype] = max(versions.get(ntype, seen), seen)  # the newest version with a schema
        prefix = _prefix(ntype, version)
        defs = _definitions_for(schemas_dir / name, prefix)
        if defs is None:
            untyped.append(ntype)
            continue
        definitions.update(defs)
        key = f"{ntype}@{version}" if version else ntype
        mapping.append((key, prefix + "Payload"))
    api = ApiIR(
        attr="notification_payloads",
        file="schemas/notifications",
        stem="notifications",
        version="-",
        title="notification payloads",
        spec={"definitions": definitions},
    )
    body = ModelSet(api).render()
    # ModelSet.render() opens with the header and a docstring naming one API file; replace those three lines.
    lines = body.split("\n")
    if lines[0] != HEADER or not lines[1].startswith('"""') or not lines[2].endswith('"""'):
        raise ValueError(f"unexpected opening of ModelSet.render(): {lines[:3]}")
    doc = [
        HEADER,
        '"""Models of the notification payloads (``schemas/notifications/*.json``), one set per notification type;',
        "``PAYLOADS`` maps a notification type (or ``TYPE@payloadVersion`` where a version has a schema of its own)",
        'to the model of its ``Payload``. Used by ``spapi_async.notifications.models``."""',
    ]
    out = [*doc, *lines[3:]]
    out += [
        "",
        "#: Notification type (or ``TYPE@payloadVersion``) → model of its payload.",
        "PAYLOADS: dict[str, type[_Model]] = {",
        *(f"    {py_str(key)}: {cls}," for key, cls in sorted(mapping)),
        "}",
        "",
        "#: Notification type → the payload version to subscribe with by default (the newest with a schema).",
        "PAYLOAD_VERSIONS: dict[str, str] = {",
        *(f"    {py_str(t)}: {py_str(v)}," for t, v in sorted(versions.items())),
        "}",
        "",
        "#: Types with a schema file but no payload schema in it: their payloads stay dicts.",
        "UNTYPED: frozenset[str] = frozenset({" + ", ".join(py_str(t) for t in sorted(untyped)) + "})",
        "",
    ]
    text = "\n".join(out)
    names = "".join(f"    {py_str(n)},\n" for n in ("PAYLOADS", "PAYLOAD_VERSIONS", "UNTYPED"))
    return text.replace("__all__ = [\n", "__all__ = [\n" + names, 1)
