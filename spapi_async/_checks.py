"""Argument checks shared by the clients: each raises :class:`ConfigurationError` naming the argument, before any
I/O, for a value of the wrong type, a timeout that is not a positive finite number, or a header value that
cannot be sent as it is (control characters such as CR/LF would end the header; non-Latin-1 text cannot be
encoded), and a call that does not fit an API method's signature."""

from __future__ import annotations

import difflib
import functools
import inspect
import math
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

from .errors import ConfigurationError

_HEADER_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # controls other than tab
_HEADER_NAME = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")  # an RFC 9110 token


def _type(value: object) -> str:
    return type(value).__name__


def optional_str(name: str, value: Any) -> str | None:
    """None, or a string (else ConfigurationError)."""
    if value is None or isinstance(value, str):
        return value
    raise ConfigurationError(f"{name} must be a string, got {_type(value)}")


def timeout_seconds(name: str, value: Any) -> float:
    """A positive, finite number of seconds (an int or float, not a bool or a string)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigurationError(f"{name} must be a number of seconds, got {_type(value)} {value!r}")
    seconds = float(value)
    if not math.isfinite(seconds) or seconds <= 0:
        raise ConfigurationError(f"{name} must be a positive finite number of seconds, got {value!r}")
    return seconds


def header_value(name: str, value: Any) -> str:
    """A header value that can be sent as given: a Latin-1 string without control characters."""
    if not isinstance(value, str):
        raise ConfigurationError(f"{name} must be a string, got {_type(value)}")
    if not (value.isascii() and value.isprintable()):
        _check_header_text(name, value)
    return value


def headers(name: str, values: Any) -> Mapping[str, str] | None:
    """None, or a mapping of header names (tokens) to sendable values."""
    if values is None:
        return None
    if not isinstance(values, Mapping):
        raise ConfigurationError(f"{name} must be a mapping of header names to values, got {_type(values)}")
    check_headers(values, name)
    return values


def check_headers(values: Mapping[str, Any], where: str = "header") -> None:
    """Header names and values that can be sent as they are (no CR/LF or other control characters, Latin-1
    only; bytes values are read as Latin-1), else :class:`ConfigurationError`, before any I/O. The message names
    the header (``where`` first), never its value. The one header check: the transport runs it on every
    request's headers, so the common case stays at C speed."""
    for key, value in values.items():
        if key not in _GOOD_HEADER_NAMES:
            if not isinstance(key, str) or not _HEADER_NAME.fullmatch(key):
                raise ConfigurationError(f"{where}: {key!r} is not a valid header name")
            if len(_GOOD_HEADER_NAMES) < 1024:  # a handful in practice; bounded whatever callers do
                _GOOD_HEADER_NAMES.add(key)
        if isinstance(value, str) and value.isascii() and value.isprintable():
            continue  # the common case
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        label = f"{where} {key!r}"
        if not isinstance(value, str):
            raise ConfigurationError(f"{label} must be a string, got {_type(value)}")
        _check_header_text(label, value)


_GOOD_HEADER_NAMES: set[str] = set()


def _check_header_text(label: str, value: str) -> None:
    if _HEADER_UNSAFE.search(value):
        raise ConfigurationError(f"{label} contains a control character (CR, LF, NUL, ...)")
    if not value.isascii():
        try:
            value.encode("latin-1")
        except UnicodeEncodeError:
            raise ConfigurationError(f"{label} has characters a header cannot carry (not Latin-1)") from None


F = TypeVar("F", bound=Callable[..., Any])


def _call_problem(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> str | None:
    """What is wrong with calling ``fn(*args, **kwargs)``, or None when the call fits its signature. Unknown
    keywords are named first, with the closest parameter name as a hint (``marketplaceIds`` → ``marketplace_ids``)."""
    signature = inspect.signature(fn)
    known = [n for n, p in signature.parameters.items() if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)]
    unknown = [k for k in kwargs if k not in known]
    if unknown:
        hints = []
        for name in unknown:
            close = difflib.get_close_matches(_snake(name), known, n=1)
            hints.append(f"{name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        return f"unknown argument {', '.join(hints)}"
    try:
        signature.bind(*args, **kwargs)
    except TypeError as problem:
        return str(problem)
    return None


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def bad_calls_raise_configuration_error(fn: F) -> F:
    """Wrap a public API method so that a call that does not fit its signature (a missing required argument, an
    unknown keyword, too many positional arguments) raises :class:`ConfigurationError` naming the argument rather
    than Python's bare ``TypeError``. The check runs only when the call already failed with a ``TypeError``: a
    successful call costs one extra function frame."""
    where = fn.__qualname__

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except TypeError:
            problem = _call_problem(fn, args, kwargs)
            if problem is None:
                raise  # the call fitted: the TypeError came from inside, keep it
            raise ConfigurationError(f"{where}(): {problem}") from None

    mark = getattr(inspect, "markcoroutinefunction", None)  # Python 3.12+: keeps iscoroutinefunction() true
    if mark is not None and inspect.iscoroutinefunction(fn):
        mark(call)
    return cast("F", call)
