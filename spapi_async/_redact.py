"""Redaction at the source: what may be shown of headers, form fields, URLs and error texts in logs and messages.

Three layers, used together:

- **names**: headers and form fields that carry credentials are masked wherever they are shown
  (:func:`redact_headers`, :func:`redact_fields`, :class:`RedactedForm`);
- **values**: a :class:`SecretScrubber` knows a client's secrets (client secret, refresh token, API key, AWS keys
  and session token, and the access tokens / RDTs its attempts carry) and replaces every occurrence, in the
  encodings a server might echo them in, in the text an exception keeps (:meth:`SecretScrubber.exception`);
- **shapes**: :func:`scrub_patterns` masks what looks like a credential whatever its value: pre-signed query
  parameters (``X-Amz-Signature``, ``X-Amz-Security-Token``, ``X-Amz-Credential``, ``Signature``), LWA tokens
  (``Atza|``, ``Atzr|``), ``Basic``/``Bearer`` credentials, AWS access key ids and LWA client secrets.

:class:`RedactedStr` is a ``str`` whose ``repr`` is masked (pre-signed URLs): tracebacks rendered with their
locals (rich, Sentry, ``pytest -l``) show the mask, not the value. :func:`install_http_log_filter` makes httpx's
own request log line (INFO) show URLs without their signed query values.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import json
import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, quote_plus

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


class RedactedStr(str):
    """A string (a pre-signed URL) that works everywhere a ``str`` does but never shows itself in ``repr``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"'{MASK}'"


class RedactedForm(dict[str, str]):
    """A login form or a header dict: a plain dict whose ``repr`` masks credential fields and headers."""

    def __repr__(self) -> str:
        return repr({k: (MASK if k.lower() in SENSITIVE_FIELDS | SENSITIVE_HEADERS else v) for k, v in self.items()})


# ------------------------------------------------------------------------------------------------ patterns

#: Query parameters whose values are credentials (pre-signed S3 URLs; Seller Center's legacy signature).
_QUERY_SECRET = re.compile(
    r"((?:X-Amz-(?:Signature|Security-Token|Credential)|Signature|AWSAccessKeyId|x-amz-security-token)"
    r"(?:=|%3D))[^&\s\"'<>]*",
    re.IGNORECASE,
)
_PATTERNS = (
    _QUERY_SECRET,
    re.compile(r"(Atz[a-z.]*\|)[^\s\"'&,;<>]+"),  # LWA access/refresh tokens, RDTs
    re.compile(r"(Atz[a-z.]*%7C)[^\s\"'&,;<>]+", re.IGNORECASE),  # the same, form-encoded
    re.compile(r"((?:Basic|Bearer)\s+)[A-Za-z0-9._~+/=-]{8,}"),  # HTTP credentials
    re.compile(r"(amzn1\.oa2-cs\.v1\.)[0-9A-Za-z]+"),  # LWA client secrets
    re.compile(r"()\b(?:AKIA|ASIA)[A-Z0-9]{16}\b"),  # AWS access key ids
)


def scrub_patterns(text: str) -> str:
    """Mask everything in ``text`` that has the shape of a credential (see the module docstring)."""
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + MASK, text)
    return text


def redact_url(url: object) -> str:
    """A URL with the values of its credential query parameters masked (path and other parameters kept)."""
    return _QUERY_SECRET.sub(lambda m: m.group(1) + MASK, str(url))


# ------------------------------------------------------------------------------------------------ values

#: Secrets shorter than this are not scrubbed by value (they would mask ordinary words); patterns still apply.
MIN_SECRET_LEN = 6
#: Tokens seen on attempts (access tokens, RDTs) remembered for scrubbing; the oldest are forgotten first.
MAX_DYNAMIC = 256


def _variants(value: str) -> set[str]:
    """The forms a server may echo a secret in: as sent, form-encoded, JSON-escaped."""
    out = {value, quote(value, safe=""), quote_plus(value), json.dumps(value)[1:-1]}
    return {v for v in out if len(v) >= MIN_SECRET_LEN}


class SecretScrubber:
    """The secrets one client knows, and the scrubbing of any text that could echo them."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        self._static: set[str] = set()
        self._dynamic: dict[str, None] = {}
        self._regex: re.Pattern[str] | None = None
        for secret in secrets:
            if secret:
                self._static |= _variants(secret)

    def add_basic(self, user: str, password: str) -> None:
        """Also scrub the ``Basic`` credential built from ``user:password`` (bare base64, as echoed)."""
        encoded = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        self._static |= _variants(encoded)
        self._regex = None

    def remember(self, token: str | None) -> None:
        """Scrub ``token`` too (an access token or RDT an attempt carries). Cheap when already known."""
        if not token or token in self._dynamic or len(token) < MIN_SECRET_LEN:
            return
        if len(self._dynamic) >= MAX_DYNAMIC:
            del self._dynamic[next(iter(self._dynamic))]
        self._dynamic[token] = None
        self._regex = None

    def _pattern(self) -> re.Pattern[str] | None:
        if self._regex is None:
            values = set(self._static)
            for token in self._dynamic:
                values |= _variants(token)
            if not values:
                return None
            ordered = sorted(values, key=len, reverse=True)  # longest first: a secret containing another
            self._regex = re.compile("|".join(re.escape(v) for v in ordered))
        return self._regex

    def text(self, text: str) -> str:
        pattern = self._pattern()
        if pattern is not None:
            text = pattern.sub(MASK, text)
        return scrub_patterns(text)

    def value(self, obj: Any, _depth: int = 0) -> Any:
        """``obj`` with every string in it scrubbed: strings, lists, tuples, dicts and frozen dataclasses
        (Amazon's error entries) are rebuilt; other objects are left as they are."""
        if isinstance(obj, str):
            cleaned = self.text(obj)
            return obj if cleaned == obj else cleaned
        if _depth > 50:
            return obj
        if isinstance(obj, list):
            return [self.value(x, _depth + 1) for x in obj]
        if isinstance(obj, tuple):
            return tuple(self.value(x, _depth + 1) for x in obj)
        if isinstance(obj, dict):
            return {self.value(k, _depth + 1): self.value(v, _depth + 1) for k, v in obj.items()}
        if isinstance(obj, Mapping):
            return {self.value(k, _depth + 1): self.value(v, _depth + 1) for k, v in obj.items()}
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            changes = {f.name: self.value(getattr(obj, f.name), _depth + 1) for f in dataclasses.fields(obj)}
            return dataclasses.replace(obj, **changes)
        return obj

    def exception(self, exc: BaseException) -> BaseException:
        """Scrub, in place, the text ``exc`` keeps: its args (hence ``str``, ``repr`` and pickles), every
        attribute, its notes, and the same for the library errors it was raised from."""
        seen: set[int] = set()
        current: BaseException | None = exc
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            current.args = self.value(current.args)
            for name, attr in list(vars(current).items()):
                if name.startswith("__"):
                    continue
                with contextlib.suppress(AttributeError, TypeError):  # a read-only attribute: left as it is
                    setattr(current, name, self.value(attr))
            notes = getattr(current, "__notes__", None)
            if isinstance(notes, list):
                current.__notes__ = self.value(notes)  # type: ignore[attr-defined]
            current = current.__cause__ or current.__context__
        return exc

    def __repr__(self) -> str:
        return f"SecretScrubber(static={len(self._static)}, tokens={len(self._dynamic)})"


def request_scrubber(headers: Mapping[str, str]) -> SecretScrubber:
    """A scrubber for the credentials a request carried (its credential headers, and the token after a scheme
    such as ``Bearer``), for errors built where the client's own scrubber is out of reach."""
    values: list[str] = []
    for name, value in headers.items():
        if name.lower() in SENSITIVE_HEADERS and value:
            values.append(value)
            values.append(value.rsplit(" ", 1)[-1])
    return SecretScrubber(values)


# ------------------------------------------------------------------------------------------------ logging


class _UrlLogFilter(logging.Filter):
    """Masks credential query values in a record's message (httpx logs every request's URL at INFO)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a record whose arguments do not format: leave it to the handler's error path
            return True
        cleaned = scrub_patterns(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True


_LOG_FILTER = _UrlLogFilter()
#: Loggers of the HTTP stack that may write a request's URL.
HTTP_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.connection",
    "httpcore.proxy",
    "spapi_async",
    "spapi_async.documents",
)


def install_http_log_filter() -> None:
    """Attach the URL filter to httpx's, httpcore's and our loggers (idempotent; filters run before any handler)."""
    for name in HTTP_LOGGERS:
        log = logging.getLogger(name)
        if _LOG_FILTER not in log.filters:
            log.addFilter(_LOG_FILTER)
