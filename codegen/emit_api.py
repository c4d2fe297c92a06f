"""Emits ``spapi_async/apis/<api>.py``: one class per API version, one typed async method per operation."""

from __future__ import annotations

import re

from . import config
from .emit_models import ModelSet
from .emit_operations import constant, param_kind, param_py_name
from .naming import pascal
from .render import HEADER, py_str, wrap
from .spec import ApiIR, OperationIR, Param, resolve

_KIND_TYPES = {
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "datetime": "_dt.datetime | str",
    "date": "_dt.date | str",
    "any": "str | int | float | bool",
}


def class_name(api: ApiIR) -> str:
    return pascal(api.attr) + "Api"


def _fmt_rate(rate: float) -> str:
    return f"{rate:g}"


class ApiEmitter:
    def __init__(self, api: ApiIR, models: ModelSet) -> None:
        self.api = api
        self.models = models
        self.uses_dt = False
        self._current = ""
        #: operation key -> the response type its method parses (model names), for the operation descriptors
        self.responses: dict[str, str | None] = {}

    # ------------------------------------------------------------------ types

    def _param_type(self, p: Param, kind: str) -> str:
        if p.location == "body":
            schema = p.schema
            resolved = resolve(self.api.spec, schema)
            expr = self.models.type_of(schema, pascal(self._current) + "Body")
            if isinstance(resolved, dict) and resolved.get("type") == "array":
                inner = expr[len("list[") : -1] if expr.startswith("list[") else "_t.Any"
                return f"_abc.Sequence[{self._model_ref(inner)} | _abc.Mapping[str, _t.Any]]"
            return f"{self._model_ref(expr)} | _abc.Mapping[str, _t.Any]"
        if kind.startswith("list:"):
            inner = kind[5:]
            return f"_abc.Sequence[{_KIND_TYPES.get(inner, 'str')}]"
        if kind in ("datetime", "date"):
            self.uses_dt = True
        return _KIND_TYPES[kind]

    def _model_ref(self, expr: str) -> str:
        """Prefix generated model names with the models module alias ``m.``."""
        names = set(self.models.classes) | set(self.models.aliases)

        def sub(match: re.Match[str]) -> str:
            word = match.group(0)
            return f"m.{word}" if word in names else word

        return re.sub(r"(?<![\w.])[A-Za-z_]\w*", sub, expr).replace("_Timestamp", "_dt.datetime | str")

    def _response_type(self, op: OperationIR) -> str | None:
        if op.success_schema is None:
            return None
        return self.models.type_of(op.success_schema, pascal(op.operation_id) + "Response")

    def _expand(self, expr: str) -> str:
        while expr in self.models.aliases:
            expr = self.models.aliases[expr].type
        return expr

    def _items_type(self, page_type: str, items_path: str) -> str:
        """The element type of the list at ``items_path`` (wire names) inside ``page_type``."""
        current = page_type
        for part in items_path.split("."):
            cls = self.models.classes.get(self._expand(current))
            if cls is None:
                return "_t.Any"
            found = next((f for f in cls.fields if f.wire == part), None)
            if found is None:
                return "_t.Any"
            current = found.type
        expanded = self._expand(current)
        if expanded.startswith("list[") and expanded.endswith("]"):
            return expanded[5:-1]
        return "_t.Any"

    def _attr_path(self, page_type: str, wire_path: str) -> tuple[str, ...]:
        """Python attribute names for a dotted wire path through the page models (wire names where unknown)."""
        out = []
        current: str | None = page_type
        for part in wire_path.split("."):
            cls = self.models.classes.get(self._expand(current)) if current else None
            found = next((f for f in cls.fields if f.wire == part), None) if cls else None
            if found is None:
                out.append(part)  # read as an extra field: pydantic keeps it under its wire name
                current = None
            else:
                out.append(found.py)
                current = found.type
        return tuple(out)

    # ------------------------------------------------------------------ rendering

    def _method(self, op: OperationIR, var: str) -> list[str]:
        sig: list[str] = []
        call_args: list[str] = []
        names: set[str] = set()
        for p in op.params:
            kind = param_kind(p)
            name = param_py_name(op, p)
            if name in names or name in ("self", "data_elements"):
                raise ValueError(f"{op.key}: parameter name {name!r} is used twice")
            names.add(name)
            annotation = self._param_type(p, kind)
            if p.required and not (op.pagination is not None and name == "next_token"):
                sig.append(f"{name}: {annotation}")
            else:
                sig.append(f"{name}: {annotation} | None = None")
            call_args.append(f"{py_str(name)}: {name}")
        required = [s for s in sig if "=" not in s]
        optional = [s for s in sig if "=" in s]
        params = required + optional
        extra_call = ""
        if op.restricted:
            params.append("data_elements: _abc.Sequence[str] | None = None")
            extra_call = ", data_elements=data_elements"
        args_dict = "{" + ", ".join(call_args) + "}"
        response = self._response_type(op)
        self.responses[op.key] = response
        pg = op.pagination
        if pg is not None and response is not None:
            page = self._model_ref(response)
            item_expr = self._items_type(response, pg.items_path) if pg.items_path else response
            ret = f"AsyncPaginator[{page}, {self._model_ref(item_expr)}]"
            head = f"    def {op.name}(self, *, {', '.join(params)}) -> {ret}:" if params else None
        else:
            ret = self._model_ref(response) if response is not None else "None"
            if response is not None and op.may_be_empty:
                ret += " | None"
        head = (
            f"    {'def' if pg is not None and response is not None else 'async def'} {op.name}(self"
            + (f", *, {', '.join(params)}" if params else "")
            + f") -> {ret}:"
        )
        lines = [head]
        lines.extend(self._docstring(op))
        if pg is not None and response is not None:
            token_attrs = self._attr_path(response, pg.token_path)
            items_attrs = self._attr_path(response, pg.items_path) if pg.items_path else None
            lines.append("        return self._paginate(")
            lines.append(f"            {var},")
            lines.append(f"            {args_dict},")
            lines.append(f"            parser({self._model_ref(response)}),")
            lines.append("            next_token=next_token,")
            lines.append(f"            token_path={_tuple(token_attrs)},")
            lines.append(f"            items_path={_tuple(items_attrs) if items_attrs else 'None'},")
            if op.restricted:
                lines.append("            data_elements=data_elements,")
            lines.append("        )")
        elif response is None:
            lines.append(f"        await self._call_empty({var}, {args_dict}{extra_call})")
        elif op.may_be_empty:
            parse = f"parser({self._model_ref(response)})"
            lines.append(f"        return await self._call_optional({var}, {args_dict}, {parse}{extra_call})")
        else:
            lines.append(f"        return await self._call({var}, {args_dict}, parser({ret}){extra_call})")
        return lines

    def _docstring(self, op: OperationIR) -> list[str]:
        facts = [f"``{op.method} {op.path}``", f"Operation ``{op.operation_id}``."]
        plan = f"{_fmt_rate(op.rate)} requests/second, burst {op.burst}"
        if op.plan_source == "model":
            facts.append(f"Usage plan: {plan}.")
        else:
            facts.append(f"Usage plan: none in the model; the default {plan} applies.")
        pg = op.pagination
        if pg is not None:
            facts.append(
                f"Paginated: token ``{pg.token_param.split(':', 1)[1]}`` (query) from ``{pg.token_path}``"
                + (f", items ``{pg.items_path}``" if pg.items_path else ", one item per page")
                + "; resume with ``next_token=``."
            )
            rule = config.TOKEN_RULES.get(op.key)
            if rule is not None:
                sent = ", ".join(["the token", *rule[0]]) if rule[0] else "the token only"
                facts.append(f"Pages after the first send {sent}.")
        if op.rdt == "always":
            facts.append(
                "Restricted: every answer is restricted data, so a Restricted Data Token is fetched automatically "
                "(``data_elements=`` adds data elements to it); needs the restricted role."
            )
        elif op.rdt == "on_request":
            facts.append(
                "Personal data on request: sent with the LWA token, without restricted data, unless "
                "``data_elements=[...]`` is given; then with a Restricted Data Token for those elements (needs the "
                "restricted role)."
            )
        if op.grantless:
            facts.append(f"Grantless: authorised with a client-credentials token of scope ``{op.grantless_scope}``.")
        if op.may_be_empty:
            facts.append("Returns None when Amazon answers without a body (the model's other 2xx status).")
        if op.deprecated:
            facts.append(f"Deprecated in the model (warns once); use ``{op.replacement}``.")
        lines = ['        """' + facts[0], ""]
        for fact in facts[1:]:
            lines.extend(wrap(fact, "        "))
        lines.append('        """')
        return lines

    def render(self) -> str:
        api = self.api
        body: list[str] = []
        descriptors: list[str] = []
        for op in api.operations:
            self._current = op.operation_id
            var = "_" + op.name.upper()
            descriptors.append(f"{var} = _ops.{constant(op)}")
            body.append("")
            body.extend(self._method(op, var))
        text = "\n".join(body)
        header = [
            HEADER,
            f'"""``client.{api.attr}``: {len(api.operations)} operations.',
            "",
            f"Generated from ``{api.file.rsplit('/', 1)[-1]}`` (info.version {api.version}).",
            '"""',
            "",
            "from __future__ import annotations",
            "",
        ]
        if _uses("_abc", text):
            header.append("import collections.abc as _abc")
        if _uses("_dt", text):
            header.append("import datetime as _dt")
        if _uses("_t", text):
            header.append("import typing as _t")
        header.append("")
        if _uses("m", text):
            header.append("from ..models import " + api.attr + " as m")
        if "AsyncPaginator" in text:
            header.append("from ..pagination import AsyncPaginator")
        header += [
            "from ..resource import Resource" + (", parser" if "parser(" in text else ""),
            "from . import _operations as _ops",
            "",
            *descriptors,
            "",
            "__all__ = [" + py_str(class_name(api)) + "]",
            "",
        ]
        cls = [
            "",
            f"class {class_name(api)}(Resource):",
            f'    """``client.{api.attr}`` (``{api.file.rsplit("/", 1)[-1]}``)."""',
            "",
            "    __slots__ = ()",
        ]
        return "\n".join(header + cls + body) + "\n"


def _uses(module: str, text: str) -> bool:
    return re.search(rf"(?<![\w.]){module}\.[A-Za-z_]", text) is not None


def _tuple(items: tuple[str, ...] | None) -> str:
    if not items:
        return "()"
    return "(" + ", ".join(py_str(i) for i in items) + ("," if len(items) == 1 else "") + ")"
