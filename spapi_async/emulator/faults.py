"""Fault injection: server errors (sometimes with an HTML page), dropped connections and slow answers."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

FaultKind = Literal["error", "reset", "slow"]

HTML_503 = (
    b"<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head>"
    b"<body><h1>Service Unavailable</h1><p>Please try again later.</p></body></html>"
)


@dataclass(frozen=True, slots=True)
class Faults:
    """Probabilities per SP-API request (0..1). ``slow_seconds`` is real time added to a slow answer."""

    error_rate: float = 0.0  # 500 or 503
    html_share: float = 0.5  # of those errors, the share answered with an HTML page instead of JSON
    reset_rate: float = 0.0  # the connection drops mid-answer
    slow_rate: float = 0.0
    slow_seconds: float = 1.0

    def __post_init__(self) -> None:
        for name in ("error_rate", "html_share", "reset_rate", "slow_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"Faults.{name} must be within 0..1, got {value!r}")
        if self.slow_seconds < 0:
            raise ValueError("Faults.slow_seconds must be >= 0")

    @property
    def active(self) -> bool:
        return self.error_rate > 0 or self.reset_rate > 0 or self.slow_rate > 0


class FaultDice:
    """Seeded draws, so a faulty run can be replayed."""

    def __init__(self, faults: Faults, seed: int) -> None:
        self.faults = faults
        self._rng = random.Random(f"faults:{seed}")

    def draw(self) -> tuple[FaultKind | None, bool, int]:
        """``(kind, html, status)`` for the next request."""
        f = self.faults
        r = self._rng.random()
        if r < f.error_rate:
            status = 503 if self._rng.random() < 0.5 else 500
            return "error", self._rng.random() < f.html_share, status
        r -= f.error_rate
        if r < f.reset_rate:
            return "reset", False, 0
        r -= f.reset_rate
        if r < f.slow_rate:
            return "slow", False, 0
        return None, False, 0
