"""``sp.OPERATIONS``: every operation in Amazon's models, keyed ``"<api attribute>.<method name>"``.

The data lives in the generated module ``spapi_async.apis._operations`` (rebuilt by ``python -m codegen``) and is
loaded on first use, so importing the package stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from types import MappingProxyType

from ._templates import TemplateMatcher
from .operation import Operation


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


@lru_cache(maxsize=1)
def _matcher() -> TemplateMatcher[Operation]:
    """Every operation's template; among templates matching a path, most literal segments first (so
    ``/orders/v0/orders/{orderId}/address`` beats a template with more parameters), then by operation key."""
    matcher: TemplateMatcher[Operation] = TemplateMatcher()
    for op in _table().values():
        matcher.add(op.method, op.path, op, rank=op.key)
    return matcher


def match_operation(method: str, path: str) -> Operation | None:
    """The operation whose template matches a concrete ``path`` (query string ignored), or None."""
    found = _matcher().match(method, path.split("?", 1)[0])
    return found[0] if found is not None else None
