"""Reads the Swagger 2.0 models into a small intermediate form the emitters share."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spapi_async.operation import DEFAULT_PLAN

from . import config
from .naming import py_identifier, snake
from .plans import parse_usage_plan

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")

#: Used where a model publishes no usage plan: the library's documented default.
DEFAULT_RATE = DEFAULT_PLAN.rate
DEFAULT_BURST = DEFAULT_PLAN.burst


@dataclass
class Param:
    name: str  # as on the wire
    py_name: str
    location: str  # path | query | header | body
    required: bool
    schema: dict[str, Any]  # body: the body schema; others: the parameter object itself (type, items, enum, ...)
    collection_format: str | None = None


@dataclass
class PaginationIR:
    token_param: str  # "query:<name>" or "body.<field>"
    token_path: str  # dotted path in the response
    items_path: str | None
    page_size_param: str | None


@dataclass
class OperationIR:
    api: str
    name: str
    operation_id: str
    method: str
    path: str
    rate: float
    burst: int
    plan_source: str
    grantless: bool
    rdt: str  # "never" | "on_request" | "always" (config.RDT_ON_REQUEST / RDT_ALWAYS)
    deprecated: bool
    params: list[Param]
    raw: dict[str, Any]
    success_status: str | None
    success_schema: dict[str, Any] | None
    produces: tuple[str, ...]
    may_be_empty: bool = False
    pagination: PaginationIR | None = None
    grantless_scope: str | None = None
    replacement: str | None = None

    @property
    def key(self) -> str:
        return f"{self.api}.{self.name}"

    @property
    def restricted(self) -> bool:
        return self.rdt != "never"


@dataclass
class ApiIR:
    attr: str
    file: str  # relative to the models directory, with "/" separators
    stem: str
    version: str
    title: str
    spec: dict[str, Any]
    operations: list[OperationIR] = field(default_factory=list)

    @property
    def definitions(self) -> dict[str, Any]:
        defs: dict[str, Any] = self.spec.get("definitions") or {}
        return defs


def api_attribute(file_name: str, info_version: str) -> str:
    stem = file_name.rsplit(".", 1)[0]
    base = config.API_BASE_OVERRIDES.get(file_name) or snake(config.strip_version_suffix(stem))
    version = info_version.strip()
    if version.lower().startswith("v") and version[1:].isdigit():
        suffix = version.lower()
    else:
        suffix = version.replace("-", "_").replace(".", "_")
    return f"{base}_{suffix}"


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local ``$ref`` pointers until a non-reference node is reached."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/"):
            raise ValueError(f"unsupported $ref {ref!r}")
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
        seen += 1
        if seen > 50:
            raise ValueError(f"$ref loop at {ref!r}")
    return node


def _props(spec: dict[str, Any], schema: Any) -> dict[str, Any]:
    """Properties of an object schema, following refs and allOf."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return {}
    out: dict[str, Any] = {}
    for part in schema.get("allOf") or ():
        out.update(_props(spec, part))
    out.update(schema.get("properties") or {})
    return out


def _lookup(spec: dict[str, Any], schema: Any, dotted: str) -> Any:
    node = schema
    for part in dotted.split("."):
        props = _props(spec, node)
        if part not in props:
            return None
        node = props[part]
    return resolve(spec, node)


def _is_array(spec: dict[str, Any], schema: Any) -> bool:
    node = resolve(spec, schema)
    return isinstance(node, dict) and node.get("type") == "array"


def _find_items(spec: dict[str, Any], schema: Any, token_path: str) -> str | None:
    """The one list on a page: beside the token (skipping a ``pagination`` holder), else None."""
    parts = token_path.split(".")[:-1]
    if parts and parts[-1] == "pagination":
        parts = parts[:-1]
    container = ".".join(parts)
    node = _lookup(spec, schema, container) if container else resolve(spec, schema)
    if node is None:
        return None
    props = _props(spec, node)
    arrays = [name for name, sub in props.items() if name not in config.NOT_ITEMS and _is_array(spec, sub)]
    if len(arrays) == 1:
        return f"{container}.{arrays[0]}" if container else arrays[0]
    if not arrays and _is_array(spec, node) and container:
        return container
    if not arrays and not container and "payload" in props:  # token at the top, records under payload
        return _find_items(spec, schema, "payload.token")
    return None


def _success(spec: dict[str, Any], op: dict[str, Any]) -> tuple[str | None, dict[str, Any] | None, bool]:
    """The first 2xx status with a schema (else the first 2xx), its schema, and whether another 2xx of the
    operation has no body (a 204 beside a 200: the method may then return None)."""
    responses = op.get("responses") or {}
    found: list[tuple[str, dict[str, Any] | None]] = []
    for code in sorted(str(c) for c in responses):
        if code.startswith("2"):
            resp = resolve(spec, responses[code])
            found.append((code, resp.get("schema") if isinstance(resp, dict) else None))
    if not found:
        return None, None, False
    with_schema = [f for f in found if f[1] is not None]
    if not with_schema:
        return found[0][0], None, False
    bodiless = any(schema is None or code == "204" for code, schema in found)  # a 204 has no body, schema or not
    return with_schema[0][0], with_schema[0][1], bodiless


def _params(spec: dict[str, Any], path_item: dict[str, Any], op: dict[str, Any]) -> list[Param]:
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in list(path_item.get("parameters") or ()) + list(op.get("parameters") or ()):
        p = resolve(spec, raw)
        merged[(p["in"], p["name"])] = p
    out: list[Param] = []
    used: set[str] = set()
    for (location, name), p in merged.items():
        if location == "formData":
            raise ValueError(f"formData parameters are not supported ({name})")
        py = "body" if location == "body" else py_identifier(name, reserved=frozenset({"self", "next_token_"}))
        while py in used:
            py += "_"
        used.add(py)
        schema = p.get("schema", {}) if location == "body" else p
        out.append(
            Param(
                name=name,
                py_name=py,
                location=location,
                required=bool(p.get("required")) or location == "path",
                schema=schema,
                collection_format=p.get("collectionFormat"),
            )
        )
    # required first (keyword-only, so the order is for reading only): path, query, body, header
    order = {"path": 0, "query": 1, "body": 2, "header": 3}
    return sorted(out, key=lambda x: (not x.required, order.get(x.location, 4)))


def _pagination(spec: dict[str, Any], key: str, params: list[Param], schema: Any) -> PaginationIR | None:
    if key in config.NOT_PAGINATED or schema is None:
        return None
    query = {p.name: p for p in params if p.location == "query"}
    token_param = next((n for n in config.REQUEST_TOKEN_NAMES if n in query), None)
    if token_param is None:
        return None
    token_path = None
    preferred = [token_param, *config.RESPONSE_TOKEN_NAMES]
    for prefix in config.RESPONSE_TOKEN_PREFIXES:
        for name in preferred:
            if _lookup(spec, schema, prefix + name) is not None:
                token_path = prefix + name
                break
        if token_path:
            break
    if token_path is None:
        return None
    items = config.ITEMS_PATH_OVERRIDES.get(key, _find_items(spec, schema, token_path))
    size = next(
        (p.name for p in params if p.location == "query" and p.name in config.PAGE_SIZE_NAMES),
        None,
    )
    return PaginationIR(
        token_param=f"query:{token_param}",
        token_path=token_path,
        items_path=items,
        page_size_param=size,
    )


def _rdt_use(key: str) -> str:
    if key in config.RDT_ALWAYS:
        return "always"
    return "on_request" if key in config.RDT_ON_REQUEST else "never"


def load_api(models_dir: Path, file: Path) -> ApiIR:
    spec = json.loads(file.read_text(encoding="utf-8"))
    if str(spec.get("swagger")) != "2.0":
        raise ValueError(f"{file}: only Swagger 2.0 models are supported")
    info = spec.get("info") or {}
    attr = api_attribute(file.name, str(info.get("version", "v1")))
    api = ApiIR(
        attr=attr,
        file=file.relative_to(models_dir).as_posix(),
        stem=file.stem,
        version=str(info.get("version")),
        title=str(info.get("title", "")).strip(),
        spec=spec,
    )
    raw_ops: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = []
    for path, item in (spec.get("paths") or {}).items():
        for method in HTTP_METHODS:
            if method in item and isinstance(item[method], dict):
                raw_ops.append((path, method.upper(), item, item[method]))
    # duplicate operationIds within one API: see config.DUPLICATE_METHOD_ORDER
    by_id: dict[str, list[tuple[str, str]]] = {}
    for path, method, _, op in raw_ops:
        by_id.setdefault(op["operationId"], []).append((method, path))
    file_produces = tuple(spec.get("produces") or ("application/json",))
    names: set[str] = set()
    for path, method, item, op in raw_ops:
        op_id = op["operationId"]
        name = snake(op_id)
        dups = by_id[op_id]
        if len(dups) > 1:
            order = sorted(dups, key=lambda mp: (config.DUPLICATE_METHOD_ORDER.index(mp[0]), mp[1]))
            if order[0] != (method, path):
                name = f"{name}_{method.lower()}"
        if name in names:
            raise ValueError(f"{file.name}: two operations map to the method name {name!r}")
        names.add(name)
        key = f"{attr}.{name}"
        description = op.get("description") or ""
        plan = parse_usage_plan(description)
        params = _params(spec, item, op)
        status, schema, may_be_empty = _success(spec, op)
        grantless = config.GRANTLESS_PHRASE.search(description) is not None or key in config.GRANTLESS_EXTRA
        ir = OperationIR(
            api=attr,
            name=name,
            operation_id=op_id,
            method=method,
            path=path,
            rate=plan[0] if plan else DEFAULT_RATE,
            burst=plan[1] if plan else DEFAULT_BURST,
            plan_source="model" if plan else "default",
            grantless=grantless,
            rdt=_rdt_use(key),
            deprecated=bool(op.get("deprecated")),
            params=params,
            raw=op,
            success_status=status,
            success_schema=schema,
            may_be_empty=may_be_empty,
            produces=tuple(op.get("produces") or file_produces),
        )
        ir.pagination = _pagination(spec, key, params, schema)
        if grantless:
            ir.grantless_scope = config.GRANTLESS_SCOPES.get(attr)
            if ir.grantless_scope is None:
                raise ValueError(f"{key} is grantless but codegen/config.py GRANTLESS_SCOPES has no scope for {attr}")
        if ir.deprecated:
            ir.replacement = config.REPLACEMENTS.get(key)
            if ir.replacement is None:
                raise ValueError(f"{key} is deprecated in its model: name its replacement in config.REPLACEMENTS")
        api.operations.append(ir)
    return api


def load_models(models_dir: Path) -> list[ApiIR]:
    files = sorted(models_dir.glob("*/*.json"), key=lambda p: p.relative_to(models_dir).as_posix())
    if not files:
        raise FileNotFoundError(f"no Swagger models under {models_dir}")
    apis = [load_api(models_dir, f) for f in files]
    seen: dict[str, str] = {}
    for api in apis:
        if api.attr in seen:
            raise ValueError(f"{api.file} and {seen[api.attr]} both map to the attribute {api.attr!r}")
        seen[api.attr] = api.file
    apis.sort(key=lambda a: a.attr)
    _check_config(apis)
    return apis


def _check_config(apis: list[ApiIR]) -> None:
    keys = {op.key for api in apis for op in api.operations}
    attrs = {api.attr for api in apis}
    stale = sorted(
        (
            set(config.RDT_ALWAYS)
            | set(config.RDT_ON_REQUEST)
            | set(config.GRANTLESS_EXTRA)
            | set(config.REPLACEMENTS)
            | set(config.REPLACEMENTS.values())
            | set(config.TOKEN_RULES)
            | set(config.NOT_PAGINATED)
            | set(config.ITEMS_PATH_OVERRIDES)
        )
        - keys
    )
    stale += sorted(k for k in config.BODY_TOKEN_OPERATIONS if k not in keys)
    stale += sorted(f"alias {a} -> {t}" for a, t in config.ALIASES.items() if t not in attrs)
    stale += sorted(f"grantless scope for {a}" for a in config.GRANTLESS_SCOPES if a not in attrs)
    stale += sorted(f"RDT_ALWAYS and RDT_ON_REQUEST both name {k}" for k in config.RDT_ALWAYS & config.RDT_ON_REQUEST)
    deprecated_apis = {op.api for api in apis for op in api.operations if op.deprecated}
    stale += sorted(
        f"alias {a} -> {t} (deprecated operations)" for a, t in config.ALIASES.items() if t in deprecated_apis
    )
    if stale:
        raise ValueError(f"codegen/config.py names operations or APIs the models do not have: {stale}")
