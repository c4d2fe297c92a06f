"""Generate ``spapi_async/sellercenter/v2`` from Seller Center's OpenAPI 3.0 description.

    python -m codegen.sellercenter            # rewrite the generated modules
    python -m codegen.sellercenter --check    # exit 1 if the committed modules differ from a fresh generation

Input: ``$SPAPI_SHARED/sellercenter-spec/openapi-standalone.yaml`` (``SPAPI_SHARED`` defaults to ``<repo>/../shared``).
Output (each file starts with a "generated — do not edit" header):

- ``v2/_components.py``: one pydantic model per ``components/schemas`` entry;
- ``v2/<tag>.py``: one resource class per tag, its methods, and the models of its inline schemas;
- ``v2/_attributes.py``: the client attributes (lazy imports, so importing the client stays cheap);
- ``v2/_operations.py``: the table of every operation (method, path, attribute, method name, pagination style).

Only names, types and paths are emitted, never the description's prose. The output is deterministic: same
input, same bytes (formatted by ``ruff format``, whose settings come from pyproject.toml).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .naming import RESERVED_FIELD_NAMES, pascal, py_identifier, snake

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "spapi_async" / "sellercenter" / "v2"
SPEC_NAME = "sellercenter-spec/openapi-standalone.yaml"
HEADER = (
    "# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);\n"
    "# regenerate with `python -m codegen.sellercenter`.\n"
)

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
        "from ._runtime import V2Model",
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
        "from . import _runtime as _rt",
        "from ._runtime import V2Model",
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
        '"""Every v2 operation: (HTTP method, path template, client attribute, method name, pagination style)."""',
        "",
        "from __future__ import annotations",
        "",
        "OPERATIONS: tuple[tuple[str, str, str, str, str | None], ...] = (",
    ]
    for op in rows:
        out.append(f"    ({op.method!r}, {op.path!r}, {op.attribute!r}, {op.name!r}, {op.pagination!r}),")
    out += [")", ""]
    return "\n".join(out)


def generate(spec_path: Path) -> dict[Path, str]:
    with spec_path.open(encoding="utf-8") as fh:
        spec = Spec(yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    ops = collect_operations(spec)
    groups: dict[str, list[Op]] = {}
    for op in ops:
        groups.setdefault(op.attribute, []).append(op)
    files: dict[Path, str] = {OUT_DIR / "_components.py": emit_components(spec)}
    for attribute in sorted(groups):
        files[OUT_DIR / f"{attribute}.py"] = emit_tag(spec, attribute, groups[attribute])
    files[OUT_DIR / "_attributes.py"] = emit_attributes(groups)
    files[OUT_DIR / "_operations.py"] = emit_operations(ops)
    return ruff_format(files)


def ruff_format(files: Mapping[Path, str]) -> dict[Path, str]:
    """Tidy imports and format every file with two ruff runs over a scratch copy (settings from pyproject.toml)."""
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        for path, text in files.items():
            (tmp / path.name).write_text(text, encoding="utf-8")
        config = str(ROOT / "pyproject.toml")
        fix = ["check", "--fix-only", "--select", "I,F401,UP", "--quiet", "--config", config, "."]
        _ruff([*fix], tmp)
        _ruff(["format", "--quiet", "--config", config, "."], tmp)
        return {path: (tmp / path.name).read_text(encoding="utf-8") for path in files}


def _ruff(args: list[str], cwd: Path) -> None:
    for exe in (os.environ.get("RUFF", "ruff"), str(Path(sys.executable).with_name("ruff"))):
        try:
            subprocess.run([exe, *args], cwd=cwd, check=True, capture_output=True, text=True)
            return
        except FileNotFoundError:
            continue
    raise SystemExit("ruff is needed to format the generated code (pip install ruff)")


def generated_files() -> set[Path]:
    return {p for p in OUT_DIR.glob("*.py") if p.read_text(encoding="utf-8").startswith("# generated")}


def spec_path() -> Path:
    shared = Path(os.environ.get("SPAPI_SHARED") or ROOT.parent / "shared")
    return shared / SPEC_NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.sellercenter", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed output is out of date")
    parser.add_argument("--spec", type=Path, default=None, help="path of openapi-standalone.yaml")
    args = parser.parse_args(argv)
    source = args.spec or spec_path()
    if not source.is_file():
        print(f"Seller Center description not found at {source} (set SPAPI_SHARED)", file=sys.stderr)
        return 2
    files = generate(source)
    stale = generated_files() - set(files)
    if args.check:
        drift = [p for p, text in files.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
        drift += sorted(stale)
        for p in drift:
            print(f"out of date: {p.relative_to(ROOT)}", file=sys.stderr)
        if drift:
            print("run `python -m codegen.sellercenter` and commit the result", file=sys.stderr)
            return 1
        print(f"sellercenter: {len(files)} generated files up to date")
        return 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for p in sorted(stale):
        p.unlink()
    for p, text in sorted(files.items()):
        if not p.is_file() or p.read_text(encoding="utf-8") != text:
            p.write_text(text, encoding="utf-8")
    print(f"sellercenter: wrote {len(files)} files to {OUT_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
