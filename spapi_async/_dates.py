"""Date-times as Amazon takes them and gives them back: ISO 8601, sent in UTC with a ``Z``.

The one implementation used by the generated resources (query parameters and bodies) and by the document
workflows (report data ranges, the ``createdSince`` of a report search)."""

from __future__ import annotations

import datetime as dt
import time

from .errors import ConfigurationError


def format_datetime(value: dt.datetime, where: str) -> str:
    """``value`` in UTC as ``2025-01-31T08:00:00Z`` (milliseconds when it has a fraction of a second). A naive
    datetime raises :class:`ConfigurationError` naming ``where``: its time zone would be a guess."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ConfigurationError(f"{where}: pass a timezone-aware datetime (for example with tzinfo=timezone.utc)")
    value = value.astimezone(dt.timezone.utc)
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += f".{value.microsecond // 1000:03d}"
    return text + "Z"


def parse_datetime(value: str, where: str = "time") -> dt.datetime:
    """An ISO 8601 text as an aware datetime (UTC when it names no offset); ConfigurationError otherwise."""
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ConfigurationError(f"{where} is not an ISO 8601 date-time: {value!r}") from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.timezone.utc)


def amz_date_of(now: float) -> str:
    """``now`` (epoch seconds) as ``x-amz-date`` wants it, ``20250131T080000Z`` (whole seconds, UTC)."""
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(int(now)))
