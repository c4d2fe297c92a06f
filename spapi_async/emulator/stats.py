"""Per-operation counters behind ``GET /__stats``: every request the emulator answered, by outcome."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(slots=True)
class OpStats:
    requests: int = 0
    ok: int = 0
    throttled: int = 0
    client_errors: int = 0
    server_errors: int = 0
    faults: int = 0
    source: str = ""  # "stateful" | "sandbox" | "none"
    first: float | None = None  # monotonic time of the first request
    last: float | None = None


class Stats:
    def __init__(self) -> None:
        self.operations: dict[str, OpStats] = {}
        self.lwa_tokens = 0

    def record(self, operation: str, status: int, mono: float, *, source: str = "", fault: bool = False) -> None:
        s = self.operations.get(operation)
        if s is None:
            s = self.operations[operation] = OpStats()
        s.requests += 1
        if s.first is None:
            s.first = mono
        s.last = mono
        if source:
            s.source = source
        if fault:
            s.faults += 1
        if status == 429:
            s.throttled += 1
        elif status >= 500:
            s.server_errors += 1
        elif status >= 400:
            s.client_errors += 1
        else:
            s.ok += 1

    def snapshot(self) -> dict[str, Any]:
        ops = {k: asdict(v) for k, v in sorted(self.operations.items())}
        totals = {
            "requests": sum(v.requests for v in self.operations.values()),
            "throttled": sum(v.throttled for v in self.operations.values()),
            "ok": sum(v.ok for v in self.operations.values()),
            "server_errors": sum(v.server_errors for v in self.operations.values()),
            "client_errors": sum(v.client_errors for v in self.operations.values()),
            "lwa_tokens": self.lwa_tokens,
        }
        return {"operations": ops, "totals": totals}

    def reset(self) -> None:
        self.operations.clear()
        self.lwa_tokens = 0
