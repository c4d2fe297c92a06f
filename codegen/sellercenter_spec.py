"""The Seller Center v2 description as the generator reads it: references, parameters, operations and their names.

Part of ``python -m codegen.sellercenter`` (see :mod:`codegen.sellercenter`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .naming import py_identifier, snake

# ----------------------------------------------------------------------------------------------------------------
# Decisions the description does not make (kept here, checked on every run)
# ----------------------------------------------------------------------------------------------------------------

#: Tag → client attribute where snake_case of the tag reads badly.
TAG_ATTRIBUTE_OVERRIDES: dict[str, str] = {"Admin, Import, Users": "admin", "Import": "imports"}

#: Our own notes on endpoints with known traps, added to the generated method's docstring. Every key must name an
#: operation of the description (checked on each run).
NOTES: dict[tuple[str, str], str] = {
    ("PUT", "/v2/stock/product"): (
        "At most 100 items per call; the answer lists the items that were not updated. "
        "``SellerCenterClient.update_stock`` chunks and collects them."
    ),
    ("PUT", "/v2/product/{productId}/prices/{country}"): (
        "Replaces the whole price record: a field left out is stored empty (a running sale ends). "
        "Send every field you mean to keep; ``SellerCenterClient.set_price`` makes them all explicit."
    ),
    ("PUT", "/v2/product-set/{productSetId}/prices"): (
        "Replaces each listed price record: a field left out is stored empty. Send every field you mean to keep."
    ),
    ("POST", "/v2/finance/transaction"): "Signed (X-Timestamp, X-Nonce, X-Signature) by the client automatically.",
}

#: Operations the client signs (X-Timestamp, X-Nonce, X-Signature): the description says so in prose only. Written
#: into ``v2/_operations.py`` as ``SIGNED``; every entry must name an operation of the description (checked on each
#: run).
SIGNED: frozenset[tuple[str, str]] = frozenset({("POST", "/v2/finance/transaction")})

#: Page size used when a paginated endpoint states no default.
DEFAULT_PAGE_SIZE = 100

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


def identifier(name: str, reserved: frozenset[str] = frozenset()) -> str:
    return py_identifier(name, reserved=reserved)


# ----------------------------------------------------------------------------------------------------------------
# The description
# ----------------------------------------------------------------------------------------------------------------


class Spec:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.components: Mapping[str, Any] = data.get("components", {})

    def resolve(self, node: Any) -> Any:
        seen = 0
        while isinstance(node, Mapping) and "$ref" in node:
            kind, name = _ref_parts(node["$ref"])
            node = self.components[kind][name]
            seen += 1
            if seen > 20:
                raise ValueError(f"reference loop at {name}")
        return node


def _ref_parts(ref: str) -> tuple[str, str]:
    parts = ref.split("/")
    if len(parts) != 4 or parts[:2] != ["#", "components"]:
        raise ValueError(f"unsupported $ref {ref!r}")
    return parts[2], parts[3]


@dataclass
class Param:
    name: str  # as sent
    py: str  # Python name
    where: str  # query | path | header
    annotation: str
    required: bool
    default: int | None = None


@dataclass
class Op:
    method: str
    path: str
    tag: str
    attribute: str
    name: str = ""
    params: list[Param] = field(default_factory=list)
    node: Mapping[str, Any] = field(default_factory=dict)
    pagination: str | None = None  # total | has_next | data_has_next


# ----------------------------------------------------------------------------------------------------------------
# Operations
# ----------------------------------------------------------------------------------------------------------------


def tag_attribute(tag: str) -> str:
    return TAG_ATTRIBUTE_OVERRIDES.get(tag) or identifier(tag)


def collect_operations(spec: Spec) -> list[Op]:
    ops: list[Op] = []
    for path, item in spec.data["paths"].items():
        for method in HTTP_METHODS:
            node = item.get(method)
            if node is None:
                continue
            tag = (node.get("tags") or ["Default"])[0]
            op = Op(method.upper(), path, tag, tag_attribute(tag), node=node)
            raw_params = [spec.resolve(p) for p in [*item.get("parameters", []), *node.get("parameters", [])]]
            for p in raw_params:
                default = spec.resolve(p.get("schema") or {}).get("default")
                op.params.append(
                    Param(
                        p["name"],
                        identifier(p["name"]),
                        p["in"],
                        param_annotation(spec, p),
                        bool(p.get("required")),
                        default if isinstance(default, int) and not isinstance(default, bool) else None,
                    )
                )
            ops.append(op)
    for unused in set(TAG_ATTRIBUTE_OVERRIDES) - {op.tag for op in ops}:
        raise SystemExit(f"TAG_ATTRIBUTE_OVERRIDES names a tag the description no longer has: {unused!r}")
    for unknown in set(NOTES) - {(op.method, op.path) for op in ops}:
        raise SystemExit(f"NOTES names an operation the description no longer has: {unknown!r}")
    for unknown in SIGNED - {(op.method, op.path) for op in ops}:
        raise SystemExit(f"SIGNED names an operation the description no longer has: {unknown!r}")
    assign_names(ops)
    return ops


def param_annotation(spec: Spec, param: Mapping[str, Any]) -> str:
    schema = spec.resolve(param.get("schema") or {})
    simple = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
    if schema.get("type") == "array":
        item = spec.resolve(schema.get("items") or {})
        return f"Sequence[{simple.get(item.get('type'), 'str')}]"
    return simple.get(schema.get("type"), "str")


def derived_name(op: Op) -> str:
    segments = [s for s in op.path.split("/") if s]
    suffix = ""
    if segments and re.fullmatch(r"v\d+(\.\d+)?", segments[0]):
        version = segments.pop(0)
        if version != "v2":
            suffix = "_" + snake(version.replace(".", "_"))
    words = [snake(s) for s in segments if not s.startswith("{")]
    name = "_".join([op.method.lower(), *words]) if words else op.method.lower()
    if segments and segments[-1].startswith("{"):
        name += "_by_" + snake(segments[-1].strip("{}"))
    return name + suffix


def assign_names(ops: list[Op]) -> None:
    # Names come from the method and the path for every operation: only 15 of 236 operations have an
    # operationId, and some of those contradict their method (a POST named get..., a DELETE named post...).
    for op in ops:
        op.name = derived_name(op)
    by_tag: dict[tuple[str, str], list[Op]] = {}
    for op in ops:
        by_tag.setdefault((op.attribute, op.name), []).append(op)
    for (_, name), group in sorted(by_tag.items()):
        if len(group) > 1:
            for i, op in enumerate(group):
                params = [p.py for p in op.params if p.where == "path"]
                op.name = f"{name}_by_{'_'.join(params)}" if params else f"{name}_{i + 1}"
    seen: set[tuple[str, str]] = set()
    for op in ops:
        if (op.attribute, op.name) in seen:
            raise SystemExit(f"two operations named {op.attribute}.{op.name}")
        seen.add((op.attribute, op.name))


def success_response(spec: Spec, op: Op) -> tuple[str, Any]:
    """(kind, schema): kind is json | bytes | none."""
    for code in sorted(op.node.get("responses", {})):
        if not str(code).startswith("2"):
            continue
        response = spec.resolve(op.node["responses"][code]) or {}
        content = response.get("content") or {}
        if "application/json" in content:
            return "json", (content["application/json"] or {}).get("schema")
        if content:
            return "bytes", None
    return "none", None


def pagination_style(spec: Spec, op: Op, schema: Any) -> str | None:
    names = {p.name for p in op.params if p.where == "query"}
    if op.method != "GET" or not {"limit", "offset"} <= names:
        return None
    schema = spec.resolve(schema) if schema else {}
    props = schema.get("properties") or {}
    if "data" in props and "hasNext" in props:
        return "data_has_next"
    if "items" in props and "pagination" in props:
        page = spec.resolve(props["pagination"]).get("properties") or {}
        if "hasNext" in page:
            return "has_next"
        if "totalCount" in page:
            return "total"
    return None
