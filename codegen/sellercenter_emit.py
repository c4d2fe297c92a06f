"""Writing the Seller Center v2 modules: models, resource classes and their methods, the attribute and operation
tables.

Part of ``python -m codegen.sellercenter`` (see :mod:`codegen.sellercenter`).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from typing import Any

from .naming import RESERVED_FIELD_NAMES, pascal
from .sellercenter_spec import (
    DEFAULT_PAGE_SIZE,
    NOTES,
    SIGNED,
    Op,
    Spec,
    _ref_parts,
    identifier,
    pagination_style,
    success_response,
)

HEADER = (
    "# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);\n"
    "# regenerate with `python -m codegen.sellercenter`.\n"
)


# ----------------------------------------------------------------------------------------------------------------
# Models
# ----------------------------------------------------------------------------------------------------------------


class ModelWriter:
    """Collects model classes for one module; inline schemas become classes named after where they appear."""

    def __init__(self, spec: Spec, components_prefix: str) -> None:
        self.spec = spec
        self.prefix = components_prefix  # "" inside _components.py, "_c." elsewhere
        self.classes: dict[str, str] = {}  # name -> source (insertion order = definition order)
        self._taken: set[str] = set()
        self._shapes: dict[str, str] = {}  # body of an inline model -> the first class with that body

    def unique(self, name: str) -> str:
        candidate, n = name, 2
        while candidate in self._taken:
            candidate, n = f"{name}{n}", n + 1
        self._taken.add(candidate)
        return candidate

    def annotation(self, schema: Any, hint: str) -> str:
        if isinstance(schema, Mapping) and "$ref" in schema:
            kind, name = _ref_parts(schema["$ref"])
            if kind == "schemas":
                return self.prefix + pascal(name)
            return self.annotation(self.spec.resolve(schema), hint)
        if not isinstance(schema, Mapping):
            return "Any"
        if "allOf" in schema:
            merged: dict[str, Any] = {"type": "object", "properties": {}}
            for part in schema["allOf"]:
                part = self.spec.resolve(part)
                merged["properties"].update(part.get("properties", {}))
            return self.annotation(merged, hint)
        if "oneOf" in schema or ("anyOf" in schema and "type" not in schema):
            return "Any"
        kind = schema.get("type")
        if kind == "array":
            return f"list[{self.annotation(schema.get('items', {}), hint + 'Item')}]"
        if kind == "object" or (kind is None and "properties" in schema):
            properties = schema.get("properties") or {}
            if properties:
                return self.model(hint, properties)
            extra = schema.get("additionalProperties")
            if isinstance(extra, Mapping) and extra:
                return f"dict[str, {self.annotation(extra, hint + 'Value')}]"
            return "dict[str, Any]"
        return {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}.get(str(kind), "Any")

    def model(self, hint: str, properties: Mapping[str, Any], *, name: str | None = None) -> str:
        cls = name or self.unique(hint)
        lines = [f"class {cls}(V2Model):"]
        used: set[str] = set()
        body: list[str] = []
        for prop in sorted(properties):
            py = identifier(prop, RESERVED_FIELD_NAMES)
            while py in used:
                py += "_"
            used.add(py)
            ann = self.annotation(properties[prop], cls + pascal(prop))
            typ = "Any" if ann == "Any" else f"{ann} | None"
            if py == prop:
                body.append(f"    {py}: {typ} = None")
            else:
                body.append(f"    {py}: {typ} = Field(default=None, alias={prop!r})")
        if name is None:
            # The description repeats many inline schemas field for field; the second one becomes an alias of the
            # first (its name stays importable) and the parent refers to the first, so twins collapse bottom-up.
            shape = "\n".join(body)
            first = self._shapes.get(shape)
            if first is not None:
                self.classes[cls] = f"{cls} = {first}"
                return first
            self._shapes[shape] = cls
        lines.extend(body or ["    pass"])
        self.classes[cls] = "\n".join(lines)
        return cls


# ----------------------------------------------------------------------------------------------------------------
# Emitting
# ----------------------------------------------------------------------------------------------------------------


def emit_components(spec: Spec) -> str:
    writer = ModelWriter(spec, "")
    schemas = spec.components.get("schemas", {})
    for name in sorted(schemas):
        writer._taken.add(pascal(name))
    for name in sorted(schemas):
        schema = schemas[name]
        cls = pascal(name)
        if "allOf" in schema:
            props: dict[str, Any] = {}
            for part in schema["allOf"]:
                props.update(spec.resolve(part).get("properties", {}))
        else:
            props = dict(schema.get("properties") or {})
        writer.model(cls, props, name=cls)
    out = [
        HEADER,
        '"""Models of the v2 description\'s named schemas."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Any",
        "",
        "from pydantic import Field",
        "",
        "from ..v2_runtime import V2Model",
        "",
        "__all__ = [" + ", ".join(repr(c) for c in sorted(writer.classes)) + "]",
        "",
    ]
    for source in writer.classes.values():
        out += ["", source, ""]
    return "\n".join(out)


def emit_tag(spec: Spec, attribute: str, ops: list[Op]) -> str:
    writer = ModelWriter(spec, "_c.")
    class_name = pascal(attribute) + "Resource"
    methods: list[str] = []
    for op in sorted(ops, key=lambda o: o.name):
        methods.append(emit_method(spec, writer, op))
    out = [
        HEADER,
        f'"""The ``{attribute}`` resource of the v2 API (tag ``{ops[0].tag}``)."""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping, Sequence",
        "from typing import Any",
        "",
        "from pydantic import Field",
        "",
        "from ...pagination import OffsetPaginator",
        "from . import _components as _c",
        "from .. import v2_runtime as _rt",
        "from ..v2_runtime import V2Model",
        "",
        f"__all__ = [{class_name!r}]",
        "",
    ]
    for source in writer.classes.values():
        out += ["", source, ""]
    out += ["", f"class {class_name}(_rt.Resource):", "    __slots__ = ()", ""]
    for m in methods:
        out += [m, ""]
    return "\n".join(out)


def emit_method(spec: Spec, writer: ModelWriter, op: Op) -> str:
    kind, schema = success_response(spec, op)
    style = pagination_style(spec, op, schema)
    op.pagination = style
    base = pascal(op.name)
    args: list[str] = []
    optional: list[str] = []
    for p in sorted(op.params, key=lambda p: (not p.required, p.py)):
        if style and p.name in ("limit", "offset"):
            continue
        if p.required:
            args.append(f"{p.py}: {p.annotation}")
        else:
            optional.append(f"{p.py}: {p.annotation} | None = None")
    body_lines: list[str] = []
    send_kwargs: list[str] = []
    request_body = spec.resolve(op.node.get("requestBody")) if op.node.get("requestBody") else None
    if request_body:
        content = request_body.get("content") or {}
        required = bool(request_body.get("required"))
        if "application/json" in content:
            body_schema = (content["application/json"] or {}).get("schema") or {}
            ann = writer.annotation(body_schema, base + "Request")
            if ann.startswith("list["):
                ann = f"Sequence[{ann[5:-1]} | Mapping[str, Any]]"
            elif ann != "Any" and not ann.startswith("dict["):
                ann = f"{ann} | Mapping[str, Any]"
            if required:
                args.append(f"body: {ann}")
            else:
                optional.append(f"body: {ann} | None = None")
            send_kwargs.append("json=_rt.dump(body)")
        elif "multipart/form-data" in content:
            optional += ["fields: Mapping[str, Any] | None = None", "files: Mapping[str, Any] | None = None"]
            body_lines.append("content, content_headers = _rt.multipart(fields, files)")
            send_kwargs.append("content=content")
        else:  # an XML document: sending none makes no sense, so it is always required
            args.append("body: str | bytes")
            body_lines.append("content, content_headers = _rt.xml_content(body)")
            send_kwargs.append("content=content")
    # Path parameters are checked and encoded first, each naming its argument (None, "", "." and ".." refused).
    segments = [identifier(name) for name in re.findall(r"\{([^}]+)\}", op.path)]
    body_lines[0:0] = [f"_seg_{py} = _rt.path_param({py}, {py!r})" for py in segments]
    path_expr = re.sub(r"\{([^}]+)\}", lambda m: "{_seg_" + identifier(m.group(1)) + "}", op.path.replace("'", "\\'"))
    path_literal = f'f"{path_expr}"' if "{" in op.path else repr(op.path)
    query = [p for p in op.params if p.where == "query" and not (style and p.name in ("limit", "offset"))]
    header_params = [p for p in op.params if p.where == "header"]
    if query:
        body_lines.append("params = _rt.query({" + ", ".join(f"{p.name!r}: {p.py}" for p in query) + "})")
    if header_params or any("content_headers" in line for line in body_lines):
        parts = ", ".join(f"{p.name!r}: {p.py}" for p in header_params)
        hdr = "_rt.headers({" + parts + "})"
        if any("content_headers" in line for line in body_lines):
            hdr = "{**content_headers, **(" + hdr + " or {})}" if header_params else "content_headers"
        body_lines.append(f"headers = {hdr}")
    note = NOTES.get((op.method, op.path))
    if note:
        wrapped = textwrap.fill(note, width=116, initial_indent=" " * 8, subsequent_indent=" " * 8)
        doc = f'"""``{op.method} {op.path}``.\n\n{wrapped}\n        """'
    else:
        doc = f'"""``{op.method} {op.path}``."""'
    if style:
        item_schema = spec.resolve(schema)["properties"]["data" if style == "data_has_next" else "items"]
        item_ann = writer.annotation(spec.resolve(item_schema).get("items", {}), base + "Item")
        if item_ann in ("Any", "str", "int", "float", "bool") or item_ann.startswith(("dict[", "list[")):
            raise SystemExit(f"{op.method} {op.path}: paginated items are not objects ({item_ann})")
        default_limit = next((p.default for p in op.params if p.name == "limit" and p.default), DEFAULT_PAGE_SIZE)
        optional += [f"limit: int = {default_limit}", "offset: int = 0", "max_items: int | None = None"]
        signature = ", ".join(["self", "*", *args, *optional])
        lines = [f"    def {op.name}({signature}) -> OffsetPaginator[{item_ann}]:", f"        {doc}"]
        lines += [f"        {line}" for line in body_lines]
        params_expr = "params" if query else "{}"
        headers_expr = "headers" if header_params else "None"
        lines.append(
            f"        return self._paginate({path_literal}, {params_expr}, {headers_expr}, "
            f"style={style!r}, item={item_ann}, limit=limit, offset=offset, max_items=max_items)"
        )
        return "\n".join(lines)
    if kind == "json" and schema is not None:
        ann = writer.annotation(schema, base + "Response")
        if (
            ann.startswith("list[")
            and not ann[5:-1].startswith(("list[", "dict["))
            and ann[5:-1]
            not in (
                "Any",
                "str",
                "int",
                "float",
                "bool",
            )
        ):
            ret, parse = ann, f"_rt.model_list({ann[5:-1]}, response)"
        elif ann in ("Any", "str", "int", "float", "bool") or ann.startswith(("list[", "dict[")):
            ret, parse = "Any", "_rt.raw_json(response)"
        else:
            ret, parse = ann, f"_rt.model({ann}, response)"
    elif kind == "json":
        ret, parse = "Any", "_rt.raw_json(response)"
    elif kind == "bytes":
        ret, parse = "bytes", "_rt.content(response)"
    else:
        ret, parse = "None", ""
    signature = ", ".join(["self", *(["*"] if args or optional else []), *args, *optional])
    lines = [f"    async def {op.name}({signature}) -> {ret}:", f"        {doc}"]
    lines += [f"        {line}" for line in body_lines]
    if query:
        send_kwargs.insert(0, "params=params")
    if header_params or any("content_headers" in line for line in body_lines):
        send_kwargs.append("headers=headers")
    call = f"await self._send({op.method!r}, {path_literal}" + "".join(", " + k for k in send_kwargs) + ")"
    if parse:
        lines += [f"        response = {call}", f"        return {parse}"]
    else:
        lines += [f"        {call}"]
    return "\n".join(lines)


def emit_attributes(groups: Mapping[str, list[Op]]) -> str:
    out = [
        HEADER,
        '"""The v2 resources as client attributes. Each module is imported on first use."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING, Any",
        "",
        "if TYPE_CHECKING:",
    ]
    for attribute in sorted(groups):
        out.append(f"    from .{attribute} import {pascal(attribute)}Resource")
    out += [
        "",
        "",
        "class V2Attributes:",
        "    _resources: dict[str, Any]",
        "",
        "    def _resource(self, name: str, factory: Any) -> Any:",
        "        found = self._resources.get(name)",
        "        if found is None:",
        "            found = self._resources[name] = factory(self)",
        "        return found",
        "",
    ]
    for attribute in sorted(groups):
        cls = pascal(attribute) + "Resource"
        out += [
            "    @property",
            f"    def {attribute}(self) -> {cls}:",
            f"        from .{attribute} import {cls}",
            "",
            f"        return self._resource({attribute!r}, {cls})  # type: ignore[no-any-return]",
            "",
        ]
    return "\n".join(out)


def emit_operations(ops: list[Op]) -> str:
    rows = sorted(ops, key=lambda o: (o.path, o.method))
    out = [
        HEADER,
        '"""Every v2 operation (method, path template, attribute, method name, pagination style); the signed ones."""',
        "",
        "from __future__ import annotations",
        "",
        "OPERATIONS: tuple[tuple[str, str, str, str, str | None], ...] = (",
    ]
    for op in rows:
        out.append(f"    ({op.method!r}, {op.path!r}, {op.attribute!r}, {op.name!r}, {op.pagination!r}),")
    out += [")", ""]
    signed = ", ".join(f"({method!r}, {path!r})" for method, path in sorted(SIGNED))
    out += [
        "",
        "#: (HTTP method, path template) of the operations the client signs (X-Timestamp, X-Nonce, X-Signature).",
        f"SIGNED: frozenset[tuple[str, str]] = frozenset({{{signed}}})",
        "",
    ]
    return "\n".join(out)
