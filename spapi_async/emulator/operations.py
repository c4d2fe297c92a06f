"""The operations the emulator answers, with their usage plans.

The source of truth is ``spapi_async.OPERATIONS`` (generated from the models). When that table is empty (a checkout
without generated code), the emulator reads ``operations.csv`` beside the models instead. Either way the emulator
owns its own copy and its own buckets: it never consults the client's limiter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from .._templates import TemplateMatcher
from ..operation import DEFAULT_PLAN, UsagePlan
from .models import models_dir, operations_csv


@dataclass(frozen=True, slots=True)
class EmuOperation:
    key: str  # registry key ("orders_v0.get_orders") or a derived one when the registry is empty
    operation_id: str
    method: str
    path: str  # template
    plan: UsagePlan
    grantless: bool = False
    model_file: str | None = None
    rdt: str = "never"  # Operation.rdt: "never" | "on_request" | "always"
    grantless_scope: str | None = None


def _snake(name: str) -> str:
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    return re.sub(r"[^0-9a-zA-Z]+", "_", s).strip("_").lower()


def _api_name(model_file: str, path: str) -> str:
    stem = Path(model_file).stem
    name = _snake(stem)
    if not re.search(r"(_v\d+|_\d{4}_\d{2}_\d{2})$", name):
        version = next((s for s in path.split("/") if re.fullmatch(r"v\d+|\d{4}-\d{2}-\d{2}", s)), None)
        if version:
            name = f"{name}_{_snake(version)}"
    return name


def _from_registry() -> list[EmuOperation]:
    from ..registry import OPERATIONS

    return [
        EmuOperation(
            op.key,
            op.operation_id,
            op.method,
            op.path,
            op.plan,
            op.grantless,
            rdt=op.rdt,
            grantless_scope=op.grantless_scope,
        )
        for op in OPERATIONS.values()
    ]


def _from_csv(root: Path) -> list[EmuOperation]:
    ops = []
    for row in operations_csv(root):
        try:
            plan = UsagePlan(float(row["rate_rps"]), int(float(row["burst"])))
        except (ValueError, KeyError):
            plan = DEFAULT_PLAN
        key = f"{_api_name(row['model_file'], row['path'])}.{_snake(row['operationId'])}"
        ops.append(
            EmuOperation(
                key,
                row["operationId"],
                row["method"].upper(),
                row["path"],
                plan,
                row.get("grantless") == "yes",
                row["model_file"],
            )
        )
    return ops


class OperationTable:
    """Every known operation, matchable by ``(method, concrete path)``."""

    def __init__(self, operations: Iterable[EmuOperation]) -> None:
        self.operations = list(operations)
        self.matcher: TemplateMatcher[EmuOperation] = TemplateMatcher(
            (op.method, op.path, op) for op in self.operations
        )
        self.by_template = {(op.method, op.path): op for op in self.operations}
        self.by_key = {op.key: op for op in self.operations}

    @classmethod
    def load(cls, root: Path | None = None) -> OperationTable:
        root = root or models_dir()
        from_models = _from_csv(root) if root else []
        ops = _from_registry()
        if not ops:
            return cls(from_models)
        # The registry does not name model files; the sandbox replay needs them.
        files = {(o.method, o.path): o.model_file for o in from_models}
        return cls(replace(o, model_file=files.get((o.method, o.path))) for o in ops)

    def __len__(self) -> int:
        return len(self.operations)
