"""A request's JSON body as bytes: strict JSON or :class:`~spapi_async.errors.ConfigurationError`, before any I/O."""

from __future__ import annotations

import json as _json
from typing import Any

from .errors import ConfigurationError


def encode_json_body(body: Any, what: str) -> bytes:
    """Strict JSON (no NaN or infinity, which are not JSON) or :class:`ConfigurationError`."""
    try:
        return _json.dumps(body, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()
    except RecursionError:
        raise ConfigurationError(f"{what}: the JSON body is nested too deeply to be encoded") from None
    except UnicodeError:  # before ValueError, its base: lone surrogates in a string
        raise ConfigurationError(f"{what}: the JSON body has text that is not valid Unicode") from None
    except (ValueError, TypeError) as exc:
        raise ConfigurationError(f"{what}: the body cannot be sent as JSON ({exc})") from None
