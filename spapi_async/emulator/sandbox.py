"""Replays the official sandbox static cases (``x-amzn-api-sandbox.static``) found in Amazon's models."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .http import Call, Reply
from .models import load_model
from .operations import EmuOperation

_CASE_KEYS = ("x-amzn-api-sandbox", "x-amazon-spds-sandbox-behaviors")


@dataclass(frozen=True, slots=True)
class SandboxCase:
    status: int
    request: Mapping[str, Any]  # parameter name -> expected value
    response: Any
    headers: Mapping[str, str]

    @property
    def named(self) -> bool:
        """Whether the case names an input (an empty body or no parameter at all matches any request)."""
        return any(v not in ({}, None, "") for v in self.request.values())


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _resolve(model: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        target: Any = model
        for part in ref[2:].split("/"):
            target = target[part]
        return target  # type: ignore[no-any-return]
    return node


class SandboxCases:
    """Static cases per operation, read lazily from the models under ``root``."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._cache: dict[tuple[str, str], tuple[tuple[SandboxCase, ...], Mapping[str, str]]] = {}

    def cases(self, op: EmuOperation) -> tuple[tuple[SandboxCase, ...], Mapping[str, str]]:
        """``(cases, parameter name -> location)`` for ``op`` (empty without models)."""
        key = (op.method, op.path)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._load(op)
        return found

    def _load(self, op: EmuOperation) -> tuple[tuple[SandboxCase, ...], Mapping[str, str]]:
        if self.root is None or op.model_file is None or not (self.root / op.model_file).is_file():
            return (), {}
        model = load_model(self.root, op.model_file)
        item = model.get("paths", {}).get(op.path, {})
        spec = item.get(op.method.lower(), {})
        locations: dict[str, str] = {}
        for raw in [*item.get("parameters", ()), *spec.get("parameters", ())]:
            param = _resolve(model, raw)
            locations[str(param.get("name"))] = str(param.get("in"))
        cases: list[SandboxCase] = []
        for code, response in spec.get("responses", {}).items():
            if not str(code).isdigit():
                continue
            for ext in _CASE_KEYS:
                block = response.get(ext)
                if not isinstance(block, Mapping):
                    continue
                static = block.get("static", []) if ext == "x-amzn-api-sandbox" else block.get("static", block)
                if not isinstance(static, list):
                    continue
                for case in static:
                    if not isinstance(case, Mapping):
                        continue
                    request = case.get("request", {}) or {}
                    params = request.get("parameters", {}) or {}
                    expected = {
                        name: (v.get("value") if isinstance(v, Mapping) and "value" in v else v)
                        for name, v in params.items()
                    }
                    headers = {str(k): _as_text(v) for k, v in (case.get("responseHeaders") or {}).items()}
                    cases.append(SandboxCase(int(code), expected, case.get("response"), headers))
        return tuple(cases), locations

    def answer(
        self, op: EmuOperation, call: Call, *, named_only: bool = False, unnamed_errors: bool = True
    ) -> Reply | None:
        """The reply of the first static case matching ``call``, or None. Cases that name no parameter match any
        request: ``named_only`` skips them, ``unnamed_errors=False`` skips those answering an error."""
        cases, locations = self.cases(op)
        for case in cases:
            if not case.named and (named_only or (not unnamed_errors and case.status >= 300)):
                continue
            if all(self._matches(name, expected, locations.get(name), call) for name, expected in case.request.items()):
                reply = Reply(case.status, case.response, dict(case.headers))
                if case.response is None or case.status == 204:
                    reply.body = None
                return reply
        return None

    def has_cases(self, op: EmuOperation) -> bool:
        return bool(self.cases(op)[0])

    @staticmethod
    def _matches(name: str, expected: Any, location: str | None, call: Call) -> bool:
        if location == "path" or (location is None and name in call.path_params):
            return call.path_params.get(name) == _as_text(expected)
        if location == "body" or (location is None and call.q(name) is None and call.body):
            try:
                got = call.json()
            except Exception:
                return False
            if got is None:
                got = {}
            return bool(got == expected)
        if location == "header":
            return call.headers.get(name.lower()) == _as_text(expected)
        if isinstance(expected, list):
            return call.q_list(name) == [_as_text(v) for v in expected]
        return call.q(name) == _as_text(expected)
