"""One ``DeprecationWarning`` per deprecated operation per process, naming what replaces it.

The models mark operations ``deprecated``; the generated registry records the replacement
(``Operation.replacement``). The warning points at the caller's line, not at the library's internals.
"""

from __future__ import annotations

import os
import sys
import threading
import warnings

from .operation import Operation

_warned: set[str] = set()
_lock = threading.Lock()

# Frames in these files sit between the caller and the warning (generated methods, Resource, paginators).
_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_INTERNAL = (
    os.path.join(_PACKAGE, "apis") + os.sep,
    os.path.join(_PACKAGE, "resource.py"),
    os.path.join(_PACKAGE, "pagination.py"),
    os.path.join(_PACKAGE, "_checks.py"),  # the wrapper that names a bad call's argument
    os.path.abspath(__file__),
)


def _stacklevel() -> int:
    """The ``stacklevel`` that makes the warning name the first frame outside the library's call layers."""
    level = 1
    frame = sys._getframe(1)
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_INTERNAL):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


def warn_deprecated(operation: Operation) -> None:
    """Warn about ``operation`` once in this process (later calls are silent)."""
    key = operation.key
    if key in _warned:
        return
    with _lock:
        if key in _warned:
            return
        _warned.add(key)
    replacement = f"; use {operation.replacement} instead" if operation.replacement else ""
    warnings.warn(
        f"{key} ({operation.operation_id}) is deprecated by Amazon{replacement}",
        DeprecationWarning,
        stacklevel=_stacklevel(),
    )


def reset_deprecation_warnings() -> None:
    """Forget which operations have warned (for tests)."""
    with _lock:
        _warned.clear()
