"""What the workflows need from an SP-API answer: a field that must be there, and a pre-signed URL kept out of
reprs. The answers themselves are the generated models of ``spapi_async.models``."""

from __future__ import annotations

from .._redact import RedactedStr
from .errors import DocumentError


def required(value: str | None, field: str, what: str) -> str:
    """``value`` when it is a non-empty string; else :class:`DocumentError` saying that ``what``'s answer has no
    ``field`` (Amazon's name)."""
    if not isinstance(value, str) or not value:
        raise DocumentError(f"{what}: the response has no {field!r}")
    return value


def presigned_url(value: str | None, what: str, field: str = "url") -> str:
    """A document's pre-signed URL, as a string whose ``repr`` is masked (its query carries a signature)."""
    return RedactedStr(required(value, field, what))
