"""Paths that mean what they say: path parameters are one percent-encoded segment each, never empty, ``.`` or
``..`` (which URL normalisation would drop or turn into "the parent", changing the resource the request acts on),
and never None. Shared by the SP-API resources, :meth:`SPAPIClient.request` and both Seller Center clients."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .errors import ConfigurationError

_REFUSED = frozenset(("", ".", ".."))
_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")


def path_segment(value: str, where: str) -> str:
    """``value`` percent-encoded as one path segment (slashes included). ``where`` names the argument."""
    if value in _REFUSED:
        raise ConfigurationError(
            f"{where}: a path parameter cannot be {value!r} (it would change which resource the request acts on)"
        )
    return quote(value, safe="")


def path_value(value: Any, where: str) -> str:
    """A path parameter of any scalar type: None refused, booleans as ``true``/``false``, the rest by ``str``."""
    if value is None:
        raise ConfigurationError(f"{where}: a path parameter is required, got None")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return path_segment(str(value), where)
    raise ConfigurationError(f"{where}: a path parameter must be a string or a number, got {type(value).__name__}")


def check_path(path: str) -> str:
    """A concrete path given by the caller: starts with ``/`` and has no ``.``/``..`` segment."""
    if not isinstance(path, str) or not path.startswith("/"):
        raise ConfigurationError(f"path must start with '/', got {path!r}")
    segments = path.split("?", 1)[0].split("/")
    if "." in segments or ".." in segments:
        raise ConfigurationError(f"path: {path!r} has a '.' or '..' segment; pass the path it means")
    return path


def expand_path(template: str, params: Mapping[str, Any]) -> str:
    """``template`` with each ``{name}`` replaced by ``params[name]`` encoded as one segment; every placeholder
    must be given and every given parameter used."""
    if not isinstance(template, str):
        raise ConfigurationError(f"path must be a string, got {type(template).__name__}")
    if not isinstance(params, Mapping):
        raise ConfigurationError(f"path_params must be a mapping, got {type(params).__name__}")
    used: set[str] = set()

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            raise ConfigurationError(f"path_params: {{{name}}} in {template!r} has no value")
        used.add(name)
        return path_value(params[name], f"path_params[{name!r}]")

    path = _PLACEHOLDER.sub(fill, template)
    unused = sorted(set(params) - used)
    if unused:
        raise ConfigurationError(f"path_params: {', '.join(map(repr, unused))} not in the path {template!r}")
    return path
