"""What every command shares: building a client from the environment, one-line errors, writable outputs."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Coroutine, Mapping
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import anyio

from ..client import SPAPIClient
from ..errors import ConfigurationError, SPAPIError
from ..throttle.limiter import Limiter
from .progress import Reporter, Tracker

T = TypeVar("T")


class Interrupted(Exception):
    """Ctrl-C: carries the line that says where to resume."""


class CommandFailed(Exception):
    """A job's outcome that makes the command fail: its one line for stderr and the exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def read_env_file(path: Path) -> dict[str, str]:
    """``KEY=VALUE`` lines (``export`` prefixes, quotes and ``#`` comments allowed)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigurationError(f"cannot read --env-file {path}: {exc.strerror or exc}") from None
    values: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[7:].lstrip()
        key, sep, value = line.partition("=")
        if not sep or not key.strip():
            raise ConfigurationError(f"{path}:{number}: expected KEY=VALUE")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


#: How far a loopback endpoint's x-amzn-RateLimit-Limit may move a rate (the emulator's time_scale goes to 1e5).
LOOPBACK_HEADER_FACTOR = 1e6


def _loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in ("localhost", "::1") or host.startswith("127.")


def build_client(
    *,
    env_file: Path | None,
    endpoint: str | None,
    lwa_endpoint: str | None,
    sandbox: bool,
    environ: Mapping[str, str] | None = None,
) -> SPAPIClient:
    env = dict(os.environ if environ is None else environ)
    if env_file is not None:
        env.update(read_env_file(env_file))
    overrides: dict[str, Any] = {}
    if endpoint:
        overrides["endpoint"] = endpoint
        if _loopback(endpoint):
            # a local emulator runs its plans time-scaled and says so in x-amzn-RateLimit-Limit: trust it further
            # than a remote server's header (sp.Limiter's default bound is 10x the published plan)
            overrides["limiter"] = Limiter(header_factor=LOOPBACK_HEADER_FACTOR)
    if lwa_endpoint:
        overrides["lwa_endpoint"] = lwa_endpoint
    if sandbox:
        overrides["sandbox"] = True
    return SPAPIClient.from_env(environ=env, **overrides)


def ensure_writable(path: Path) -> None:
    """Fail before any request if ``path`` cannot be written."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ConfigurationError(f"cannot write {path}: it is a directory")
    if not parent.is_dir():
        raise ConfigurationError(f"cannot write {path}: directory {parent} does not exist")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ConfigurationError(f"cannot write {path}: permission denied")


def fail(message: str, code: int = 1) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(code)


def run(
    job: Callable[[], Coroutine[Any, Any, T]],
    *,
    debug: bool,
    on_interrupt: Callable[[], str] | None = None,
    interrupt_code: int = 130,
) -> T:
    """Run ``job`` on an event loop; errors become one line on stderr (``--debug``: the full traceback).
    Ctrl-C stops cleanly, prints ``on_interrupt()`` (where to resume) and exits with ``interrupt_code``."""
    try:
        return anyio.run(job)
    except KeyboardInterrupt:
        print(on_interrupt() if on_interrupt else "interrupted", file=sys.stderr)
        raise SystemExit(interrupt_code) from None
    except Interrupted as exc:
        print(str(exc), file=sys.stderr)
        raise SystemExit(130) from None
    except CommandFailed as exc:
        fail(str(exc), exc.code)
        raise AssertionError("unreachable") from None
    except (SPAPIError, OSError, ValueError, RuntimeError) as exc:
        if debug:
            traceback.print_exc()
        message = (
            str(exc) if not isinstance(exc, OSError) else f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
        )
        fail(f"{type(exc).__name__}: {message}" if not isinstance(exc, ConfigurationError) else message)
        raise AssertionError("unreachable") from None


def run_tracked(
    tracker: Tracker,
    job: Callable[[], Coroutine[Any, Any, T]],
    *,
    quiet: bool,
    interval: float,
    debug: bool,
    on_interrupt: Callable[[], str] | None = None,
    interrupt_code: int = 130,
    skip_idle: bool = False,
) -> T:
    """:func:`run` with ``tracker``'s figures shown on stderr while ``job`` runs (live on a terminal, a plain line
    every ``interval`` seconds elsewhere, nothing when ``quiet``)."""
    reporter = Reporter.choose(tracker, quiet=quiet, interval=interval, skip_idle=skip_idle)
    return run(lambda: reporter.drive(job), debug=debug, on_interrupt=on_interrupt, interrupt_code=interrupt_code)
