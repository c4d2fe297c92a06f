"""JSON from the network: every way a body can fail to decode is a ``ValueError``.

``json.loads`` raises ``RecursionError`` (not a ``ValueError``) for deeply nested input such as ``[[[[...]]]]``;
:func:`loads` turns that into :class:`JSONNestingError`, so the callers' ``except ValueError`` branches (which map a
bad body to a typed library error) hold for every input.
"""

from __future__ import annotations

import json
from typing import Any


class JSONNestingError(ValueError):
    """The JSON is nested more deeply than the parser can follow."""


def loads(data: str | bytes | bytearray) -> Any:
    try:
        return json.loads(data)
    except RecursionError:
        raise JSONNestingError("the JSON is nested too deeply to be decoded") from None
