"""Emits ``spapi_async/models/<api>.py``: one pydantic model per definition of a model file.

Objects become classes (extra fields kept, Amazon's JSON names as aliases, snake_case Python names); enums and
other scalars become ``str``/``int``/... aliases whose known values are listed in a comment (unknown values parse);
arrays and maps become ``list[...]``/``dict[str, ...]`` aliases. Inline object schemas get a class named after
their owner and property. Nothing of the models' description prose is copied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .naming import RESERVED_FIELD_NAMES, pascal, py_identifier
from .render import HEADER, py_str, wrap
from .spec import ApiIR, resolve

_PRIMITIVES = {"integer": "int", "number": "float", "boolean": "bool"}


@dataclass
class _Field:
    py: str
    wire: str
    type: str
    required: bool


@dataclass
class _Class:
    name: str
    fields: list[_Field]
    source: str  # definition name, or "<Owner>.<property>" for inline schemas


@dataclass
class _Alias:
    name: str
    type: str
    deps: set[str]
    known_values: list[str] = field(default_factory=list)


class ModelSet:
    """The classes and aliases of one API's models; also answers "what is the Python type of this schema"."""

    def __init__(self, api: ApiIR) -> None:
        self.api = api
        self.spec = api.spec
        self.classes: dict[str, _Class] = {}
        self.aliases: dict[str, _Alias] = {}
        self.def_names: dict[str, str] = {}
        taken: set[str] = set()
        for name in api.definitions:
            py = pascal(name)
            while py in taken or py.startswith("_"):
                py += "_"
            taken.add(py)
            self.def_names[name] = py
        self._taken = taken
        for name, schema in api.definitions.items():
            self._definition(self.def_names[name], schema, name)

    # ------------------------------------------------------------------ schema → type expression

    def _unique(self, base: str) -> str:
        name = base
        n = 2
        while name in self._taken:
            name = f"{base}{n}"
            n += 1
        self._taken.add(name)
        return name

    def ref_name(self, ref: str) -> str:
        if not ref.startswith("#/definitions/"):
            raise ValueError(f"{self.api.file}: unsupported $ref {ref!r}")
        return self.def_names[ref[len("#/definitions/") :]]

    def type_of(self, schema: Any, owner: str, deps: set[str] | None = None) -> str:
        """The annotation for ``schema`` (inline objects get a generated class named after ``owner``)."""
        if not isinstance(schema, dict) or not schema:
            return "_t.Any"
        if "$ref" in schema:
            name = self.ref_name(schema["$ref"])
            if deps is not None:
                deps.add(name)
            return name
        if "allOf" in schema:
            parts = schema["allOf"]
            if len(parts) == 1 and not schema.get("properties"):
                return self.type_of(parts[0], owner, deps)
            return self._inline_class(schema, owner)
        kind = schema.get("type")
        if kind == "array":
            return f"list[{self.type_of(schema.get('items') or {}, owner + 'Item', deps)}]"
        if kind == "object" or (kind is None and ("properties" in schema or "additionalProperties" in schema)):
            if schema.get("properties"):
                return self._inline_class(schema, owner)
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                return f"dict[str, {self.type_of(extra, owner + 'Value', deps)}]"
            return "dict[str, _t.Any]"
        if kind == "string":
            fmt = schema.get("format")
            if fmt == "date-time":
                return "_Timestamp"
            return "str"
        if kind in _PRIMITIVES:
            return _PRIMITIVES[kind]
        return "_t.Any"

    def _inline_class(self, schema: dict[str, Any], owner: str) -> str:
        name = self._unique(pascal(owner))
        self._build_class(name, schema, owner)
        return name

    # ------------------------------------------------------------------ definitions

    def _properties(self, schema: Any) -> tuple[dict[str, Any], set[str]]:
        """Properties and required names of an object schema, flattening allOf."""
        schema = resolve(self.spec, schema)
        props: dict[str, Any] = {}
        required: set[str] = set()
        for part in schema.get("allOf") or ():
            p, r = self._properties(part)
            props.update(p)
            required |= r
        props.update(schema.get("properties") or {})
        required |= set(schema.get("required") or ())
        return props, required

    def _build_class(self, name: str, schema: dict[str, Any], source: str) -> None:
        self.classes[name] = _Class(name, [], source)  # registered first: recursive schemas refer to it
        props, required = self._properties(schema)
        used: set[str] = set()
        fields = []
        for wire, sub in props.items():
            py = py_identifier(wire, reserved=RESERVED_FIELD_NAMES)
            if py.startswith("model_"):
                py = "f_" + py
            while py in used:
                py += "_"
            used.add(py)
            fields.append(_Field(py, wire, self.type_of(sub, f"{name}.{wire}"), wire in required))
        self.classes[name].fields = fields

    def _definition(self, name: str, schema: Any, source: str) -> None:
        if not isinstance(schema, dict):
            self.aliases[name] = _Alias(name, "_t.Any", set())
            return
        kind = schema.get("type")
        is_object = (
            "allOf" in schema
            or kind == "object"
            or (kind is None and "$ref" not in schema and ("properties" in schema or not schema))
        )
        if is_object:
            extra = schema.get("additionalProperties")
            if not schema.get("properties") and "allOf" not in schema and isinstance(extra, dict) and extra:
                deps: set[str] = set()
                self.aliases[name] = _Alias(name, f"dict[str, {self.type_of(extra, name + 'Value', deps)}]", deps)
                return
            self._build_class(name, schema, source)
            return
        deps = set()
        expr = self.type_of(schema, name, deps)
        values = [str(v) for v in schema.get("enum") or ()]
        self.aliases[name] = _Alias(name, expr, deps, values)

    # ------------------------------------------------------------------ rendering

    def _ordered_aliases(self) -> list[_Alias]:
        """Aliases after the aliases they use (classes are all defined before any alias)."""
        out: list[_Alias] = []
        done: set[str] = set()

        def visit(alias: _Alias, stack: tuple[str, ...]) -> None:
            if alias.name in done:
                return
            if alias.name in stack:
                raise ValueError(f"{self.api.file}: alias cycle {stack}")
            for dep in sorted(alias.deps):
                if dep in self.aliases:
                    visit(self.aliases[dep], (*stack, alias.name))
            done.add(alias.name)
            out.append(alias)

        for alias in self.aliases.values():
            visit(alias, ())
        return out

    def render(self) -> str:
        api = self.api
        lines = [
            HEADER,
            f'"""Models of ``{api.file.rsplit("/", 1)[-1]}`` (info.version {api.version}),',
            f'used by ``spapi_async.apis.{api.attr}``."""',
            "",
            "from __future__ import annotations",
            "",
            "import typing as _t",
            "",
            "import pydantic as _p",
            "",
            "from .._model import SPAPIModel as _Model",
            "from .._model import Timestamp as _Timestamp",
            "",
            "__all__ = [",
        ]
        # (unused imports among these are removed by the ruff pass in generate.py)
        names = sorted([*self.classes, *self.aliases])
        lines.extend(f"    {py_str(n)}," for n in names)
        lines.append("]")
        for cls in self.classes.values():
            lines += ["", "", f"class {cls.name}(_Model):"]
            if cls.source != cls.name:
                lines.append(f'    """Schema ``{cls.source}``."""')
                if cls.fields:
                    lines.append("")
            elif not cls.fields:
                lines.append("    pass")
            required_names = "".join(f"{py_str(f.py)}, " for f in cls.fields if f.required)
            if required_names:
                lines.append(f"    _spapi_required: _t.ClassVar[tuple[str, ...]] = ({required_names})")
            for f in cls.fields:
                lines.append("    " + _field_line(f))
        if self.aliases:
            lines.append("")
        for alias in self._ordered_aliases():
            lines.append("")
            if alias.known_values:
                shown = ", ".join(alias.known_values)
                lines.extend(wrap(f"Known values (others parse too): {shown}", "#: "))
            lines.append(f"{alias.name}: _t.TypeAlias = {alias.type}")
        return "\n".join(lines) + "\n"


def _field_line(f: _Field) -> str:
    """Every field may be absent when parsing (see spapi_async._model); required ones are listed in
    ``_spapi_required`` and checked when a model is sent."""
    alias = f.py != f.wire
    if alias:
        return f"{f.py}: {f.type} | None = _p.Field(default=None, alias={py_str(f.wire)})"
    return f"{f.py}: {f.type} | None = None"
