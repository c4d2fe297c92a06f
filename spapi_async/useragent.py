"""The User-Agent header, following Amazon's rule ``AppName/Version (Language=Python/x.y.z; Platform=OS/arch)``."""

from __future__ import annotations

import platform
import re

from ._checks import header_value, optional_str
from ._version import __version__

MAX_LENGTH = 500
_TOKEN_UNSAFE = re.compile(r"[^A-Za-z0-9.\-_+]")


def build_user_agent(app_name: str | None = None, app_version: str | None = None, override: str | None = None) -> str:
    """The User-Agent: ``override`` as given (it must be a sendable header value, else ConfigurationError), or
    one built from ``app_name``/``app_version`` (unsafe characters replaced)."""
    optional_str("app_name", app_name)
    optional_str("app_version", app_version)
    if override is not None:
        header_value("user_agent", override)
    if override:
        return override[:MAX_LENGTH]
    language = f"Language=Python/{platform.python_version()}"
    plat = f"Platform={platform.system() or 'unknown'}/{platform.machine() or 'unknown'}"
    library = f"spapi-async/{__version__}"
    if app_name:
        name = _TOKEN_UNSAFE.sub("-", app_name.strip()) or "app"
        version = _TOKEN_UNSAFE.sub("-", (app_version or "0").strip()) or "0"
        agent = f"{name}/{version} ({language}; {plat}; {library})"
    else:
        agent = f"{library} ({language}; {plat})"
    return agent[:MAX_LENGTH]
