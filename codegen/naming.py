"""Name conversions: Amazon's camelCase/PascalCase names to Python identifiers."""

from __future__ import annotations

import keyword
import re

_PLURAL_ACRONYM = re.compile(r"([A-Z]{2,})s(?=[A-Z_0-9]|$)")
_ACRONYM_WORD = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD = re.compile(r"([a-z0-9])([A-Z])")
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")

#: Attribute names a pydantic model may not use for a field (they would shadow BaseModel's API).
RESERVED_FIELD_NAMES = frozenset(
    {
        "copy",
        "dict",
        "json",
        "schema",
        "schema_json",
        "validate",
        "construct",
        "fields",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "update_forward_refs",
    }
)


def snake(name: str) -> str:
    """``getOrderItemsBuyerInfo`` → ``get_order_items_buyer_info``; ``getFeatureSKU`` → ``get_feature_sku``;
    ``supportedDPIs`` → ``supported_dpis``; ``x-amzn-RequestId`` → ``x_amzn_request_id``."""
    s = _NON_ALNUM.sub("_", name)
    s = _PLURAL_ACRONYM.sub(lambda m: m.group(1).capitalize() + "s", s)
    s = _ACRONYM_WORD.sub(r"\1_\2", s)
    s = _WORD.sub(r"\1_\2", s)
    s = re.sub(r"_+", "_", s).strip("_").lower()
    if not s:
        s = "value"
    if s[0].isdigit():
        s = "n_" + s
    return s


def py_identifier(name: str, *, reserved: frozenset[str] = frozenset()) -> str:
    """A snake_case identifier that is not a keyword nor in ``reserved``."""
    s = snake(name)
    if keyword.iskeyword(s) or s in reserved or keyword.issoftkeyword(s):
        s += "_"
    return s


def pascal(name: str) -> str:
    """A class name: ``FBALiquidationEvent`` stays, ``order_items-list`` → ``OrderItemsList``."""
    parts = [p for p in _NON_ALNUM.split(name) if p]
    s = "".join(p[0].upper() + p[1:] for p in parts)
    if not s:
        s = "Model"
    if s[0].isdigit():
        s = "M" + s
    return s
