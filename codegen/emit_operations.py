"""Emits ``spapi_async/apis/_operations.py``: the data behind ``sp.OPERATIONS``."""

from __future__ import annotations

from .render import HEADER, py_str
from .spec import ApiIR, OperationIR


def _float(value: float) -> str:
    return repr(float(value))


def _operation(op: OperationIR) -> str:
    args = [
        py_str(op.api),
        py_str(op.name),
        py_str(op.operation_id),
        py_str(op.method),
        py_str(op.path),
        _float(op.rate),
        str(op.burst),
        py_str(op.plan_source),
    ]
    if op.grantless:
        args.append("grantless=True")
    if op.restricted:
        args.append("restricted=True")
    if op.pagination is not None:
        pg = op.pagination
        pargs = [py_str(pg.token_param), py_str(pg.token_path)]
        pargs.append(py_str(pg.items_path) if pg.items_path else "None")
        if pg.page_size_param:
            pargs.append(py_str(pg.page_size_param))
        args.append(f"pagination=Pagination({', '.join(pargs)})")
    if op.deprecated:
        args.append("deprecated=True")
    if op.rdt != "never":
        args.append(f"rdt={py_str(op.rdt)}")
    if op.grantless_scope:
        args.append(f"grantless_scope={py_str(op.grantless_scope)}")
    if op.replacement:
        args.append(f"replacement={py_str(op.replacement)}")
    return f"    Operation({', '.join(args)}),"


def render_operations(apis: list[ApiIR]) -> str:
    ops = [op for api in apis for op in api.operations]
    lines = [
        HEADER,
        f'"""The operation table behind ``sp.OPERATIONS``: {len(ops)} operations from {len(apis)} models.',
        "",
        "Positional fields: api, name, operation_id, method, path, rate, burst, plan_source (see",
        '``spapi_async.operation.Operation``)."""',
        "",
        "from __future__ import annotations",
        "",
        "from ..operation import Operation, Pagination",
        "",
        "OPERATIONS_DATA: tuple[Operation, ...] = (",
    ]
    lines.extend(_operation(op) for op in ops)
    lines.append(")")
    return "\n".join(lines) + "\n"
