"""Request checks against the operation's model, as Amazon makes them before an operation runs.

Path, query and header parameters (required, type, enum, date-time/date format, numeric and length limits,
array item counts, ``pattern``) and the JSON body (required fields, types, enums, limits, patterns, nested objects).
The first problem becomes a 400 ``InvalidInput`` naming the parameter (a body field by its dotted path).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from .http import Call, invalid
from .patterns import matches
from .schema import OpSchema, Schema, resolve

_TRUE_FALSE = ("true", "false")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
MAX_PROBLEMS_DEPTH = 32


def is_date_time(text: str) -> bool:
    """ISO 8601 date-time (a bare date is accepted too, as Amazon does)."""
    if not _DATE_TIME.match(text):
        return False
    core = text.replace(" ", "T")
    core = re.sub(r"(Z|[+-]\d{2}:?\d{2})$", "", core)
    core = re.sub(r"\.\d+$", "", core)
    try:
        (datetime.fromisoformat if "T" in core else date.fromisoformat)(core)
    except ValueError:
        return False
    return True


def check_request(spec: OpSchema, call: Call) -> None:
    """Raise :class:`~spapi_async.emulator.http.ApiFault` (400 ``InvalidInput``) on the first problem."""
    for param in spec.params:
        where = param.get("in")
        name = str(param.get("name"))
        if where == "path":
            value = call.path_params.get(name)
            if value is not None:
                _scalar(param, name, value)
        elif where == "query":
            _query(param, name, call)
        elif where == "header":
            header = call.headers.get(name.lower())
            if header is None:
                if param.get("required"):
                    raise invalid(f"Missing required header {name}.")
            else:
                _scalar(param, name, header)
        elif where == "body":
            _body(spec, param, name, call)


def _query(param: Schema, name: str, call: Call) -> None:
    present = any(k == name for k, _ in call.query_pairs)
    if not present:
        if param.get("required"):
            raise invalid(f"Missing required parameter {name}.")
        return
    if param.get("type") == "array":
        values = call.q_list(name)
        low, high = param.get("minItems"), param.get("maxItems")
        if param.get("required") and not values:
            raise invalid(f"Missing required parameter {name}.")
        if low is not None and len(values) < int(low):
            raise invalid(f"{name} must contain at least {low} values.")
        if high is not None and len(values) > int(high):
            raise invalid(f"{name} accepts at most {high} values, got {len(values)}.")
        items = param.get("items") or {}
        for value in values:
            _scalar(items, name, value)
        return
    value = call.q(name) or ""
    if value == "" and param.get("required"):
        raise invalid(f"Missing required parameter {name}.")
    _scalar(param, name, value)


def _scalar(param: Schema, name: str, value: str) -> None:
    """A parameter as text on the wire (path, query or header)."""
    kind = param.get("type", "string")
    enum = param.get("enum") or _stray_item_enum(param)
    if enum and value not in [str(e) for e in enum]:
        raise invalid(f"Invalid value {value!r} for {name}: expected one of {', '.join(map(str, enum))}.")
    if kind == "integer":
        try:
            number: float = int(value)
        except ValueError:
            raise invalid(f"{name} must be an integer, got {value!r}.") from None
        _limits(param, name, number)
    elif kind == "number":
        try:
            number = float(value)
        except ValueError:
            raise invalid(f"{name} must be a number, got {value!r}.") from None
        _limits(param, name, number)
    elif kind == "boolean" or param.get("format") == "boolean":
        if value.lower() not in _TRUE_FALSE:
            raise invalid(f"{name} must be true or false, got {value!r}.")
    elif kind == "string":
        _string(param, name, value)


def _stray_item_enum(param: Schema) -> Any:
    """Some models give a scalar parameter an ``items.enum`` (as if it were an array): Amazon applies it."""
    items = param.get("items")
    return items.get("enum") if param.get("type") != "array" and isinstance(items, Mapping) else None


def _limits(schema: Schema, name: str, number: float) -> None:
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and (number < low or (schema.get("exclusiveMinimum") and number == low)):
        raise invalid(f"{name} must be at least {low}, got {number:g}.")
    if high is not None and (number > high or (schema.get("exclusiveMaximum") and number == high)):
        raise invalid(f"{name} must be at most {high}, got {number:g}.")


def _string(schema: Schema, name: str, value: str) -> None:
    fmt = schema.get("format")
    if fmt in ("date-time", "dateTime") and not is_date_time(value):
        raise invalid(f"{name} must be an ISO 8601 date-time, got {value!r}.")
    if fmt == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            raise invalid(f"{name} must be an ISO 8601 date (YYYY-MM-DD), got {value!r}.") from None
    pattern = schema.get("pattern")
    if isinstance(pattern, str) and not matches(pattern, value):
        raise invalid(f"{name} does not match the pattern {pattern}, got {value!r}.")
    low, high = schema.get("minLength"), schema.get("maxLength")
    if low is not None and len(value) < int(low):
        raise invalid(f"{name} must be at least {low} characters long.")
    if high is not None and len(value) > int(high):
        raise invalid(f"{name} must be at most {high} characters long.")


def _body(spec: OpSchema, param: Schema, name: str, call: Call) -> None:
    if not call.body:
        if param.get("required"):
            raise invalid("The request body is required.")
        return
    ctype = call.headers.get("content-type", "application/json")
    if "json" not in ctype:
        return
    data = call.json()  # parsed once for the handler too; not JSON -> 400 InvalidInput
    schema = param.get("schema")
    if isinstance(schema, Mapping):
        _json(spec.model, schema, data, "body", 0)


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


def _json(model: Mapping[str, Any], node: Schema, value: Any, where: str, depth: int) -> None:
    if depth > MAX_PROBLEMS_DEPTH:
        return
    node = resolve(model, node)
    for part in node.get("allOf", ()):
        _json(model, part, value, where, depth + 1)
    if value is None:
        return  # explicit nulls: Amazon's models mark few fields nullable; checked as absent by the parent
    kind = node.get("type")
    if kind is None and ("properties" in node or "required" in node):
        kind = "object"
    if isinstance(kind, str) and kind in _JSON_TYPES:
        ok = isinstance(value, _JSON_TYPES[kind]) and not (kind in ("integer", "number") and isinstance(value, bool))
        if kind == "integer" and isinstance(value, float) and value.is_integer():
            ok = True
        if not ok:
            raise invalid(f"{where} must be of type {kind}.")
    enum = node.get("enum")
    if enum and value not in enum:
        raise invalid(f"Invalid value {value!r} for {where}: expected one of {', '.join(map(str, enum))}.")
    if isinstance(value, str):
        _string(node, where, value)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        _limits(node, where, value)
    elif isinstance(value, list):
        low, high = node.get("minItems"), node.get("maxItems")
        if low is not None and len(value) < int(low):
            raise invalid(f"{where} must contain at least {low} items.")
        if high is not None and len(value) > int(high):
            raise invalid(f"{where} accepts at most {high} items, got {len(value)}.")
        items = node.get("items")
        if isinstance(items, Mapping):
            for i, item in enumerate(value):
                _json(model, items, item, f"{where}[{i}]", depth + 1)
    elif isinstance(value, dict):
        for field in node.get("required", ()):
            if value.get(field) is None:
                raise invalid(f"Missing required field {where}.{field}.")
        props = node.get("properties") or {}
        for field, item in value.items():
            sub = props.get(field)
            if isinstance(sub, Mapping):
                _json(model, sub, item, f"{where}.{field}", depth + 1)
