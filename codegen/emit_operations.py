"""Emits ``spapi_async/apis/_operations.py``: one ``Operation`` per operation (plan, flags, pagination, parameters,
response), the descriptors the API modules pass to ``Resource`` and the package installs as ``sp.OPERATIONS``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import config
from .render import HEADER, py_str
from .spec import ApiIR, OperationIR, Param


def constant(op: OperationIR) -> str:
    """The module-level name of an operation's descriptor in ``_operations.py``: ``ORDERS_V0__GET_ORDERS``."""
    return f"{op.api.upper()}__{op.name.upper()}"


def param_kind(p: Param) -> str:
    """How ``spapi_async.resource`` encodes the parameter (see ``spapi_async.operation.Param``)."""
    return "body" if p.location == "body" else _kind(p.schema)


def _kind(schema: dict[str, Any]) -> str:
    kind = schema.get("type")
    if kind == "array":
        return "list:" + _kind(schema.get("items") or {})
    if kind == "string":
        fmt = schema.get("format", "")
        timestamp_name = config.DATETIME_PARAM_NAME.search(str(schema.get("name", ""))) is not None
        if not fmt and timestamp_name and config.ISO_8601_MENTION.search(str(schema.get("description", ""))):
            fmt = "date-time"
        return {"date-time": "datetime", "date": "date"}.get(fmt, "str")
    return {"integer": "int", "number": "float", "boolean": "bool"}.get(str(kind), "any")


def param_py_name(op: OperationIR, p: Param) -> str:
    """The generated method's keyword for ``p``; a paginated operation's token parameter is ``next_token``."""
    if op.pagination is not None and p.location == "query" and op.pagination.token_param == f"query:{p.name}":
        return "next_token"
    return p.py_name


def _param(op: OperationIR, p: Param) -> str:
    kind = param_kind(p)
    args = [py_str(p.name), py_str(param_py_name(op, p)), py_str(p.location), py_str(kind)]
    if kind.startswith("list:"):
        args.append(py_str(p.collection_format or "csv"))
    if p.required:
        args.append("required=True")
    return f"Param({', '.join(args)})"


def _pagination(op: OperationIR) -> str | None:
    pg = op.pagination
    if pg is None:
        return None
    args = [py_str(pg.token_param), py_str(pg.token_path), py_str(pg.items_path) if pg.items_path else "None"]
    if pg.page_size_param:
        args.append(py_str(pg.page_size_param))
    rule = config.TOKEN_RULES.get(op.key)
    if rule is not None:
        keep, fixed = rule
        args.append(f"keep=({''.join(py_str(k) + ', ' for k in keep)})")
        if fixed:
            args.append(f"fixed=({''.join(f'({py_str(k)}, {py_str(v)}), ' for k, v in fixed)})")
    return f"Pagination({', '.join(args)})"


def _operation(op: OperationIR, response: str | None) -> str:
    args = [
        py_str(op.api),
        py_str(op.name),
        py_str(op.operation_id),
        py_str(op.method),
        py_str(op.path),
        repr(float(op.rate)),
        str(op.burst),
        py_str(op.plan_source),
    ]
    if op.grantless:
        args.append("grantless=True")
    if op.restricted:
        args.append("restricted=True")
    pagination = _pagination(op)
    if pagination is not None:
        args.append(f"pagination={pagination}")
    if op.deprecated:
        args.append("deprecated=True")
    if op.rdt != "never":
        args.append(f"rdt={py_str(op.rdt)}")
    if op.grantless_scope:
        args.append(f"grantless_scope={py_str(op.grantless_scope)}")
    if op.replacement:
        args.append(f"replacement={py_str(op.replacement)}")
    if op.params:
        args.append(f"params=({''.join(_param(op, p) + ', ' for p in op.params)})")
    if not any("json" in m for m in op.produces):
        args.append("json_response=False")
    if response is not None:
        args.append(f"response={py_str(response)}")
    return f"{constant(op)} = Operation({', '.join(args)})"


def render_operations(apis: list[ApiIR], responses: Mapping[str, str | None]) -> str:
    """``responses``: operation key -> the response type the API module's method parses (model names)."""
    ops = [op for api in apis for op in api.operations]
    lines = [
        HEADER,
        f'"""The descriptors behind ``sp.OPERATIONS``: {len(ops)} operations from {len(apis)} models, one',
        "``Operation`` each (the generated API classes pass them to ``Resource``).",
        "",
        "Positional fields: api, name, operation_id, method, path, rate, burst, plan_source (see",
        '``spapi_async.operation.Operation``); ``response`` names a model of ``spapi_async.models.<api>``."""',
        "",
        "from __future__ import annotations",
        "",
        "from ..operation import Operation, Pagination, Param",
        "",
    ]
    lines.extend(_operation(op, responses.get(op.key)) for op in ops)
    lines.append("")
    lines.append("OPERATIONS_DATA: tuple[Operation, ...] = (")
    lines.extend(f"    {constant(op)}," for op in ops)
    lines.append(")")
    return "\n".join(lines) + "\n"
