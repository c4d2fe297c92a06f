"""One operation's shape as Amazon's model states it: parameters (``$ref`` resolved), body schema, success answer.

Read lazily from the models (the same files the sandbox cases come from) and cached per operation. Only the
structural keys are used (types, formats, enums, limits, required lists); descriptions are never read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .models import load_model
from .operations import EmuOperation

Schema = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class OpSchema:
    model: Mapping[str, Any]  # the whole model file (for ``#/definitions/...``)
    params: tuple[Schema, ...]  # resolved parameter objects (path-level first, operation-level override)
    success_status: int
    success_schema: Schema | None  # None: the success answer has no body


def resolve(model: Mapping[str, Any], node: Schema) -> Schema:
    """``node`` with a local ``$ref`` followed (repeatedly); sibling keys of the ``$ref`` are dropped."""
    seen = 0
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and seen < 16:
        ref: str = node["$ref"]
        if not ref.startswith("#/"):
            return {}
        target: Any = model
        for part in ref[2:].split("/"):
            target = target.get(part, {}) if isinstance(target, Mapping) else {}
        node = target
        seen += 1
    return node


def ref_name(node: Schema) -> str | None:
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


class SchemaBook:
    """:class:`OpSchema` per operation, read from the models under ``root`` on first use."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._cache: dict[tuple[str, str], OpSchema | None] = {}

    def get(self, op: EmuOperation) -> OpSchema | None:
        key = (op.method, op.path)
        if key not in self._cache:
            self._cache[key] = self._load(op)
        return self._cache[key]

    def _load(self, op: EmuOperation) -> OpSchema | None:
        if self.root is None or op.model_file is None or not (self.root / op.model_file).is_file():
            return None
        model = load_model(self.root, op.model_file)
        item = model.get("paths", {}).get(op.path, {})
        spec = item.get(op.method.lower())
        if not isinstance(spec, Mapping):
            return None
        params: dict[tuple[str, str], Schema] = {}
        for raw in [*item.get("parameters", ()), *spec.get("parameters", ())]:
            param = resolve(model, raw)
            params[(str(param.get("in")), str(param.get("name")))] = param
        codes = sorted(int(c) for c in spec.get("responses", {}) if str(c).isdigit() and str(c).startswith("2"))
        status = codes[0] if codes else 200
        response = resolve(model, spec.get("responses", {}).get(str(status), {}))
        schema = response.get("schema") if isinstance(response, Mapping) else None
        return OpSchema(model, tuple(params.values()), status, schema if isinstance(schema, Mapping) else None)
