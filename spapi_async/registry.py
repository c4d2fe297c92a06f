"""``sp.OPERATIONS``: every operation in Amazon's models, keyed ``"<api attribute>.<method name>"``.

The data lives in the generated module ``spapi_async.apis._operations`` (rebuilt by ``python -m codegen``) and is
loaded on first use, so importing the package stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from types import MappingProxyType

from .operation import Operation

_PARAM = re.compile(r"\{[^/}]+\}")


@lru_cache(maxsize=1)
def _table() -> Mapping[str, Operation]:
    from .apis._operations import OPERATIONS_DATA

    return MappingProxyType({op.key: op for op in OPERATIONS_DATA})


class _Operations(Mapping[str, Operation]):
    """A read-only mapping that loads the generated table on first access."""

    def __getitem__(self, key: str) -> Operation:
        return _table()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(_table())

    def __len__(self) -> int:
        return len(_table())

    def __repr__(self) -> str:
        return f"<OPERATIONS: {len(self)} operations>"


OPERATIONS: Mapping[str, Operation] = _Operations()


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


@lru_cache(maxsize=1)
def _matchers() -> Mapping[tuple[str, int], tuple[tuple[re.Pattern[str], Operation], ...]]:
    """Per (method, segment count): templates as regexes, most literal segments first (so
    ``/orders/v0/orders/{orderId}/address`` beats a template with more parameters)."""
    groups: dict[tuple[str, int], list[tuple[int, re.Pattern[str], Operation]]] = {}
    for op in _table().values():
        segs = _segments(op.path)
        literal = sum(1 for s in segs if not _PARAM.search(s))
        parts = []
        for s in segs:
            pieces = _PARAM.split(s)
            parts.append("[^/]+".join(re.escape(p) for p in pieces))
        pattern = re.compile("^/" + "/".join(parts) + "/?$")
        groups.setdefault((op.method, len(segs)), []).append((literal, pattern, op))
    return {k: tuple((p, op) for _, p, op in sorted(v, key=lambda t: (-t[0], t[2].key))) for k, v in groups.items()}


def match_operation(method: str, path: str) -> Operation | None:
    """The operation whose template matches a concrete ``path`` (query string ignored), or None."""
    path = path.split("?", 1)[0]
    candidates = _matchers().get((method.upper(), len(_segments(path))), ())
    for pattern, op in candidates:
        if pattern.match(path):
            return op
    return None
