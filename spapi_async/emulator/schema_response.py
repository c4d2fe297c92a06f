"""Answers built from a model's schema: every required field present, formats and enums honoured.

Values are a pure function of ``(seed, key, JSON path)``: the same request (same operation, same path ids) gets
the same answer all run long, and a record built under a key (a purchase order number, a shipment id) is the same
wherever it is built. Fields named like a path or query parameter echo the value the caller sent.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

from .http import Call, Reply
from .patterns import matches, sample
from .schema import OpSchema, Schema, ref_name, resolve

MAX_DEPTH = 7  # optional fields are filled down to this depth; required ones always
OPTIONAL_DEPTH = 5


class Sampler:
    """Builds JSON values for schemas of one model.

    ``hints`` maps lower-cased field names to values to echo (path ids, query values); ``epoch`` anchors dates.
    """

    def __init__(
        self,
        model: Mapping[str, Any],
        *,
        seed: int,
        key: str,
        epoch: float,
        hints: Mapping[str, Any] | None = None,
    ) -> None:
        self.model = model
        self.prefix = f"{seed}|{key}|".encode()
        self.epoch = epoch
        self.hints = {k.lower(): v for k, v in (hints or {}).items()}

    def _n(self, path: str) -> int:
        return int.from_bytes(hashlib.blake2b(self.prefix + path.encode(), digest_size=8).digest(), "big")

    def build(self, schema: Schema, path: str = "$", name: str = "") -> Any:
        """A value for ``schema`` (``name``: the field or parameter it is for, which picks echoed values)."""
        value = self._value(schema, path, name, 0, frozenset())
        return None if value is _MISSING else value

    def definition(self, name: str, path: str = "$") -> Any:
        return self._value({"$ref": f"#/definitions/{name}"}, path, "", 0, frozenset())

    # ------------------------------------------------------------------ values

    def _value(self, node: Schema, path: str, name: str, depth: int, stack: frozenset[str]) -> Any:
        ref = ref_name(node)
        if ref is not None:
            if ref in stack:
                return _MISSING
            stack = stack | {ref}
        node = resolve(self.model, node)
        if "allOf" in node:
            merged: dict[str, Any] = {}
            for part in node["allOf"]:
                value = self._value(part, path, name, depth, stack)
                if isinstance(value, dict):
                    merged.update(value)
            return merged
        values = node.get("enum") or (
            node["items"].get("enum")
            if node.get("type") == "string" and isinstance(node.get("items"), Mapping)
            else None
        )
        if values:
            return values[self._n(path) % len(values)]
        kind = node.get("type")
        if kind is None:
            kind = "object" if "properties" in node or "additionalProperties" in node else None
        if kind == "object":
            return self._object(node, path, depth, stack)
        if kind == "array":
            return self._array(node, path, name, depth, stack)
        if kind in ("integer", "number"):
            return self._number(node, path, name, kind)
        if kind == "boolean":
            return bool(self._n(path) & 1)
        if kind == "string":
            return self._string(node, path, name)
        # untyped (free-form) values: an empty object is valid JSON for "any"
        return {}

    def _object(self, node: Schema, path: str, depth: int, stack: frozenset[str]) -> dict[str, Any]:
        required = set(node.get("required", ()))
        out: dict[str, Any] = {}
        for prop, sub in (node.get("properties") or {}).items():
            if prop not in required and depth >= OPTIONAL_DEPTH:
                continue
            if _is_page_token(prop) or (prop == "errors" and prop not in required):
                continue  # a success answer carries no error list (clients raise on one)
            value = self._value(sub, f"{path}.{prop}", prop, depth + 1, stack)
            if value is _MISSING:
                continue
            out[prop] = value
        extra = node.get("additionalProperties")
        if isinstance(extra, Mapping) and extra and not out and depth < OPTIONAL_DEPTH:
            value = self._value(extra, f"{path}.*", "", depth + 1, stack)
            if value is not _MISSING:
                out["key1"] = value
        return out

    def _array(self, node: Schema, path: str, name: str, depth: int, stack: frozenset[str]) -> Any:
        low = int(node.get("minItems", 0))
        high = node.get("maxItems")
        count = max(low, 0 if depth >= MAX_DEPTH else 1)
        if high is not None:
            count = min(count, int(high))
        items = node.get("items") or {}
        out = []
        for i in range(count):
            value = self._value(items, f"{path}[{i}]", name, depth + 1, stack)
            if value is _MISSING:
                break
            out.append(value)
        if len(out) < low:
            return _MISSING
        return out

    def _number(self, node: Schema, path: str, name: str, kind: str) -> int | float:
        hint = self.hints.get(name.lower())
        if hint is not None:
            try:
                return int(hint) if kind == "integer" else float(hint)
            except (TypeError, ValueError):
                pass
        low = node.get("minimum", 0)
        high = node.get("maximum", low + 100)
        if node.get("exclusiveMinimum"):
            low = low + 1
        span = max(int(high) - int(low), 0)
        base = int(low) + (self._n(path) % (span + 1) if span else 0)
        if kind == "integer":
            return max(base, 1) if low <= 1 <= high and base == 0 else base
        value = float(base) + (self._n(path + "#") % 100) / 100 if span else float(base)
        return value if value <= high else float(base)

    def _string(self, node: Schema, path: str, name: str) -> str:
        hint = self.hints.get(name.lower())
        if isinstance(hint, str) and hint and _fits(node, hint):
            return hint
        fmt = node.get("format")
        n = self._n(path)
        if fmt in ("date-time", "dateTime"):
            return _iso(self.epoch - (n % (30 * 86400)))
        if fmt == "date":
            return _iso(self.epoch - (n % (30 * 86400)))[:10]
        if fmt == "byte":
            return base64.b64encode(f"{name}-{n % 100000}".encode()).decode()
        if fmt == "uri":
            return f"https://example.com/{name or 'resource'}/{n % 100000}"
        low = int(node.get("minLength", 1))
        high = int(node.get("maxLength", 64))
        text = f"{name or 'value'}-{n % 1000000:06d}"
        if len(text) > high:
            text = f"{n:020d}"[-high:] if high else ""
        if len(text) < low:
            text = text + "0" * (low - len(text))
        pattern = node.get("pattern")
        if isinstance(pattern, str) and not matches(pattern, text):
            text = sample(pattern, n, low, high) or text
        return text


def _fits(node: Schema, text: str) -> bool:
    """Whether an echoed value meets the field's own length and pattern (a path id may not)."""
    low, high = node.get("minLength"), node.get("maxLength")
    if (low is not None and len(text) < int(low)) or (high is not None and len(text) > int(high)):
        return False
    pattern = node.get("pattern")
    return not isinstance(pattern, str) or matches(pattern, text)


def _stray_item_enum(node: Schema) -> Any:
    """A scalar parameter some models give an ``items.enum`` (as if it were an array)."""
    items = node.get("items")
    return items.get("enum") if node.get("type") == "string" and isinstance(items, Mapping) else None


class _Missing:
    """A field that cannot be built (a cycle in optional data): left out."""


_MISSING: Any = _Missing()

_PAGE_TOKENS = {"nexttoken", "nextpagetoken", "paginationtoken", "nexttokenforlineitems", "pagetoken"}


def _is_page_token(name: str) -> bool:
    """Next-page tokens are left out of built pages: a made-up token would send a paginator round forever."""
    return name.lower() in _PAGE_TOKENS


def _iso(seconds: float) -> str:
    moment = datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=int(seconds))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def schema_answer(spec: OpSchema, call: Call, *, seed: int, epoch: float) -> Reply:
    """The success answer of ``call``'s operation, built from the model (keyed by the operation and path ids)."""
    if spec.success_schema is None:
        return Reply(spec.success_status, None)
    op_key = call.operation.key if call.operation is not None else call.template
    ids = "|".join(f"{k}={v}" for k, v in sorted(call.path_params.items()))
    hints: dict[str, Any] = {k: v for k, v in call.query_pairs if v and "," not in v}
    hints.update(call.path_params)
    sampler = Sampler(spec.model, seed=seed, key=f"{op_key}|{ids}", epoch=epoch, hints=hints)
    return Reply(spec.success_status, sampler.build(spec.success_schema))
