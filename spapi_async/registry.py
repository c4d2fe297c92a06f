"""``sp.OPERATIONS``: every operation in Amazon's models, keyed ``"<api attribute>.<method name>"``.

This module defines the table and its look-ups only; it knows no generated code. The operations come from a
*source* installed with :meth:`OperationTable.install`: the package ``__init__`` installs the loader that the
generated ``spapi_async.apis`` declares, which imports the generated descriptors on first use of the table, so
importing the package stays cheap. Without a source the table is empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType

from ._templates import TemplateMatcher
from .operation import Operation

#: Gives every operation, once, on first use of the table.
OperationSource = Callable[[], Iterable[Operation]]


class OperationTable(Mapping[str, Operation]):
    """A read-only mapping, key -> :class:`Operation`, filled from its source on first access."""

    __slots__ = ("_matcher", "_source", "_table")

    def __init__(self, source: OperationSource | None = None) -> None:
        self._source = source
        self._table: Mapping[str, Operation] | None = None
        self._matcher: TemplateMatcher[Operation] | None = None

    def install(self, source: OperationSource) -> None:
        """Serve the operations ``source`` gives (read on next access; what was read before is dropped)."""
        self._source = source
        self._table = None
        self._matcher = None

    def _loaded(self) -> Mapping[str, Operation]:
        table = self._table
        if table is None:
            ops = self._source() if self._source is not None else ()
            table = self._table = MappingProxyType({op.key: op for op in ops})
        return table

    def __getitem__(self, key: str) -> Operation:
        return self._loaded()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())

    def __repr__(self) -> str:
        return f"<OPERATIONS: {len(self)} operations>"

    def match(self, method: str, path: str) -> Operation | None:
        """The operation whose template matches a concrete ``path`` (query string ignored), or None. Among
        templates matching a path, most literal segments first (so ``/orders/v0/orders/{orderId}/address`` beats
        a template with more parameters), then by operation key."""
        matcher = self._matcher
        if matcher is None:
            matcher = TemplateMatcher()
            for op in self._loaded().values():
                matcher.add(op.method, op.path, op, rank=op.key)
            self._matcher = matcher
        found = matcher.match(method, path.split("?", 1)[0])
        return found[0] if found is not None else None


OPERATIONS = OperationTable()


def match_operation(method: str, path: str) -> Operation | None:
    """The operation of ``sp.OPERATIONS`` whose template matches a concrete ``path`` (query string ignored), or
    None."""
    return OPERATIONS.match(method, path)
