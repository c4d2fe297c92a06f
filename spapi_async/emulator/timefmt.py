"""ISO 8601 in and out, as SP-API writes dates (``2026-01-02T03:04:05Z``)."""

from __future__ import annotations

from datetime import datetime, timezone

from .http import invalid


def iso(ts: float) -> str:
    return datetime.fromtimestamp(int(ts), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(value: str, name: str) -> float:
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        raise invalid(f"Invalid {name}: {value!r} is not an ISO 8601 date-time.") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.timestamp()
