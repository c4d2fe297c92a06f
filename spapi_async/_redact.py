"""Redaction at the source: what may be shown of headers and form fields in logs and messages."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

SENSITIVE_HEADERS = frozenset(
    {
        "authorization",
        "x-amz-access-token",
        "x-amz-security-token",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-signature",
    }
)
SENSITIVE_FIELDS = frozenset(
    {"client_secret", "refresh_token", "access_token", "code", "restricteddatatoken", "api_key", "signature"}
)
MASK = "[redacted]"


def redact_headers(headers: Mapping[str, str] | Iterable[tuple[str, str]]) -> dict[str, str]:
    items = headers.items() if isinstance(headers, Mapping) else headers
    return {k: (MASK if k.lower() in SENSITIVE_HEADERS else v) for k, v in items}


def redact_fields(fields: Mapping[str, object]) -> dict[str, object]:
    return {k: (MASK if k.lower() in SENSITIVE_FIELDS else v) for k, v in fields.items()}
