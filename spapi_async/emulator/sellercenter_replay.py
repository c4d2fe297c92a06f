"""The legacy Seller Center API's defence against replays, as the emulator plays it.

Seller Center refuses a ``Timestamp`` too far in the past or in the future with ``E003: Timestamp has expired``; it
does not publish how far. The emulator's tolerance is :data:`TIMESTAMP_TOLERANCE` seconds either way
(``SellerCenter(legacy_timestamp_tolerance=...)``); a Timestamp that is not an ISO 8601 date-time with an offset is
refused the same way. Within the tolerance a signature is accepted once: the same signature again (a captured
request sent a second time) is refused with E007, so a client must sign every request with a fresh Timestamp.
"""

from __future__ import annotations

import heapq
from datetime import datetime

#: Seconds a legacy Timestamp may differ from the emulator's clock, either way.
TIMESTAMP_TOLERANCE = 300.0


def parse_timestamp(value: str) -> float | None:
    """Epoch seconds of an ISO 8601 date-time with an offset (``2026-01-02T03:04:05+00:00`` or ``...Z``); None
    for anything else (no offset, not a date)."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None or "T" not in text:
        return None
    return moment.timestamp()


class ReplayGuard:
    """Timestamp tolerance plus the signatures already seen within it (forgotten once their Timestamp has left
    the tolerance, so memory stays bounded by the request rate)."""

    def __init__(self, tolerance: float = TIMESTAMP_TOLERANCE) -> None:
        if tolerance <= 0:
            raise ValueError(f"legacy_timestamp_tolerance must be > 0, got {tolerance!r}")
        self.tolerance = tolerance
        self._seen: set[str] = set()
        self._expiry: list[tuple[float, str]] = []

    def check(self, timestamp: str, signature: str, now: float) -> str | None:
        """None when the request may proceed, else the E-code to refuse it with (``"E003"`` or ``"E007"``).
        Call only for requests whose signature has been verified (an unverified one must not use up a slot)."""
        moment = parse_timestamp(timestamp)
        if moment is None or abs(moment - now) > self.tolerance:
            return "E003"
        while self._expiry and self._expiry[0][0] < now:
            self._seen.discard(heapq.heappop(self._expiry)[1])
        if signature in self._seen:
            return "E007"
        self._seen.add(signature)
        heapq.heappush(self._expiry, (moment + self.tolerance, signature))
        return None
