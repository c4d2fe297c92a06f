"""The emulator's small HTTP vocabulary: a parsed request, a reply, and Amazon's error shape."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

if TYPE_CHECKING:
    from .auth import Principal
    from .operations import EmuOperation
    from .state import SellerState


@dataclass(slots=True)
class Reply:
    status: int
    body: Any = None  # JSON-able object, bytes, or None (no body)
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"

    def encode(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps(self.body, separators=(",", ":")).encode()


class ApiFault(Exception):
    """Raised by handlers; becomes ``{"errors": [{"code", "message", "details"}]}`` with ``status``."""

    def __init__(self, status: int, code: str, message: str, details: str = "") -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details

    def reply(self) -> Reply:
        return error_reply(self.status, self.code, self.message, self.details)


def error_reply(status: int, code: str, message: str, details: str = "") -> Reply:
    return Reply(status, {"errors": [{"code": code, "message": message, "details": details}]})


def invalid(message: str, details: str = "") -> ApiFault:
    return ApiFault(400, "InvalidInput", message, details)


def not_found(message: str = "Resource not found.") -> ApiFault:
    return ApiFault(404, "NotFound", message)


@dataclass(slots=True)
class Call:
    """One SP-API request as a handler sees it."""

    method: str
    path: str
    template: str
    path_params: Mapping[str, str]
    query_pairs: list[tuple[str, str]]
    headers: Mapping[str, str]
    body: bytes
    base_url: str
    now: float  # wall-clock seconds (the emulator's clock)
    mono: float  # monotonic seconds (the emulator's clock)
    operation: EmuOperation | None = None
    principal: Principal | None = None
    state: SellerState | None = None
    _json: Any = None
    _json_read: bool = False

    @classmethod
    def parse_query(cls, raw: bytes) -> list[tuple[str, str]]:
        return parse_qsl(raw.decode("latin-1"), keep_blank_values=True)

    def q(self, name: str) -> str | None:
        for k, v in self.query_pairs:
            if k == name:
                return v
        return None

    def q_list(self, name: str) -> list[str]:
        """An array parameter: comma-separated and/or repeated, as Amazon accepts both."""
        out: list[str] = []
        for k, v in self.query_pairs:
            if k == name:
                out.extend(p for p in v.split(",") if p)
        return out

    def q_int(self, name: str, default: int, low: int, high: int) -> int:
        raw = self.q(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            raise invalid(f"{name} must be an integer, got {raw!r}") from None
        if not low <= value <= high:
            raise invalid(f"{name} must be between {low} and {high}, got {value}")
        return value

    def json(self) -> Any:
        if not self._json_read:
            self._json_read = True
            if self.body:
                try:
                    self._json = json.loads(self.body)
                except ValueError:
                    raise invalid("The request body is not valid JSON.") from None
        return self._json

    def json_object(self) -> dict[str, Any]:
        data = self.json()
        if not isinstance(data, dict):
            raise invalid("The request body must be a JSON object.")
        return data

    @property
    def st(self) -> SellerState:
        assert self.state is not None
        return self.state
