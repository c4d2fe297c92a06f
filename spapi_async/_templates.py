"""Path templates (``/orders/v0/orders/{orderId}``) matched against concrete paths, most literal first.

The one matcher of the package: the registry finds the operation of a raw ``client.request`` path with it, and the
emulator routes requests with it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Generic, TypeVar
from urllib.parse import unquote

T = TypeVar("T")

_PARAM = re.compile(r"\{([^/}]+)\}")


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def compile_template(template: str) -> re.Pattern[str]:
    parts = []
    for seg in _segments(template):
        out = []
        pos = 0
        for m in _PARAM.finditer(seg):
            out.append(re.escape(seg[pos : m.start()]))
            out.append(f"(?P<{_group(m.group(1))}>[^/]+)")
            pos = m.end()
        out.append(re.escape(seg[pos:]))
        parts.append("".join(out))
    return re.compile("^/" + "/".join(parts) + "/?$")


def _group(name: str) -> str:
    return "p_" + re.sub(r"\W", "_", name)


class TemplateMatcher(Generic[T]):
    """Maps ``(method, template)`` to a value; :meth:`match` finds the value and the path parameters."""

    def __init__(self, entries: Iterable[tuple[str, str, T]] = ()) -> None:
        self._groups: dict[tuple[str, int], list[tuple[int, str, str, re.Pattern[str], list[str], T]]] = {}
        for method, template, value in entries:
            self.add(method, template, value)

    def add(self, method: str, template: str, value: T, *, rank: str | None = None) -> None:
        """Add one template. Among templates matching a path, the one with most literal segments wins; ties go to
        the smallest ``rank`` (the template itself unless given)."""
        segs = _segments(template)
        literal = sum(1 for s in segs if not _PARAM.search(s))
        names = _PARAM.findall(template)
        group = self._groups.setdefault((method.upper(), len(segs)), [])
        group.append((literal, template if rank is None else rank, template, compile_template(template), names, value))
        group.sort(key=lambda t: (-t[0], t[1]))

    def match(self, method: str, path: str) -> tuple[T, str, dict[str, str]] | None:
        """``(value, template, path parameters)`` for the first template matching ``path``, or None."""
        for _, _, template, pattern, names, value in self._groups.get((method.upper(), len(_segments(path))), ()):
            m = pattern.match(path)
            if m:
                return value, template, {n: unquote(m.group(_group(n))) for n in names}
        return None

    def methods_for(self, path: str) -> set[str]:
        n = len(_segments(path))
        return {
            method
            for (method, count), entries in self._groups.items()
            if count == n and any(p.match(path) for _, _, _, p, _, _ in entries)
        }
