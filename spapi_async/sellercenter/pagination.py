"""Offset/limit pagination for Seller Center list endpoints.

Three page shapes exist in the v2 API:

- ``"total"``: ``{items: [...], pagination: {limit, offset, totalCount}}`` — stop once ``offset + len(items)``
  reaches ``totalCount``;
- ``"has_next"``: ``{items: [...], pagination: {limit, offset, hasNext}}`` (``/v2/orders``, ``/v2/manifest``,
  ``/v2/sellers``) — stop when ``hasNext`` is false;
- ``"data_has_next"``: ``{data: [...], hasNext}`` (``/v2/archive/orders``).

Every style also stops on an empty page (a server that keeps answering ``hasNext: true`` with nothing cannot make
the paginator loop). An :class:`OffsetPaginator` can be awaited (first page), iterated by page
(:meth:`~OffsetPaginator.pages`) or iterated by item (``async for item in paginator``).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from ..errors import ConfigurationError, SPAPIError

T = TypeVar("T")

PageStyle = Literal["total", "has_next", "data_has_next"]

#: Fetches one page: ``(offset, limit) -> the decoded JSON body``.
PageFetcher = Callable[[int, int], Awaitable[Any]]


@dataclass(frozen=True, slots=True)
class OffsetPage(Generic[T]):
    """One page: its items (parsed), where it starts, and what the server said about what follows."""

    items: list[T]
    offset: int
    limit: int
    total_count: int | None = None
    has_next: bool | None = None
    raw: Any = field(default=None, repr=False)

    @property
    def next_offset(self) -> int | None:
        """Offset of the following page, or None when this is the last one."""
        if not self.items:
            return None
        following = self.offset + len(self.items)
        if self.has_next is not None:
            return following if self.has_next else None
        if self.total_count is not None:
            return following if following < self.total_count else None
        # No total and no flag: a short page is the last one.
        return following if len(self.items) >= self.limit else None


def read_page(body: Any, style: PageStyle, offset: int, limit: int, parse: Callable[[Any], T]) -> OffsetPage[T]:
    """Decode one page body of the given ``style``. A body of another shape raises :class:`SPAPIError`."""
    if not isinstance(body, Mapping):
        raise SPAPIError(f"expected a page object, got {type(body).__name__}")
    items_key = "data" if style == "data_has_next" else "items"
    raw_items = body.get(items_key)
    if raw_items is None:
        raw_items = []
    if not isinstance(raw_items, list):
        raise SPAPIError(f"page field {items_key!r} is {type(raw_items).__name__}, expected a list")
    total: int | None = None
    has_next: bool | None = None
    if style == "data_has_next":
        has_next = _bool_or_none(body.get("hasNext"))
    else:
        meta = body.get("pagination")
        meta = meta if isinstance(meta, Mapping) else {}
        if style == "has_next":
            has_next = _bool_or_none(meta.get("hasNext"))
        else:
            value = meta.get("totalCount")
            total = int(value) if isinstance(value, (int, float, str)) and str(value).isdigit() else None
    return OffsetPage([parse(x) for x in raw_items], offset, limit, total, has_next, body)


def _bool_or_none(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


class OffsetPaginator(Generic[T]):
    """Walks an offset/limit list endpoint.

    ``await paginator`` gives the first :class:`OffsetPage`; ``async for page in paginator.pages()`` every page;
    ``async for item in paginator`` every item of every page. ``max_items`` stops early.
    """

    def __init__(
        self,
        fetch: PageFetcher,
        *,
        style: PageStyle,
        parse: Callable[[Any], T],
        limit: int,
        offset: int = 0,
        max_items: int | None = None,
    ) -> None:
        if limit < 1:
            raise ConfigurationError(f"limit must be >= 1, got {limit!r}")
        if offset < 0:
            raise ConfigurationError(f"offset must be >= 0, got {offset!r}")
        if max_items is not None and max_items < 0:
            raise ConfigurationError(f"max_items must be >= 0, got {max_items!r}")
        self._fetch = fetch
        self.style: PageStyle = style
        self._parse = parse
        self.limit = limit
        self.offset = offset
        self.max_items = max_items

    async def first_page(self) -> OffsetPage[T]:
        return read_page(await self._fetch(self.offset, self.limit), self.style, self.offset, self.limit, self._parse)

    def __await__(self) -> Generator[Any, None, OffsetPage[T]]:
        return self.first_page().__await__()

    async def pages(self) -> AsyncGenerator[OffsetPage[T], None]:
        offset: int | None = self.offset
        while offset is not None:
            body = await self._fetch(offset, self.limit)
            page = read_page(body, self.style, offset, self.limit, self._parse)
            yield page
            offset = page.next_offset

    async def _items(self) -> AsyncIterator[T]:
        remaining = self.max_items
        if remaining == 0:
            return
        async with contextlib.aclosing(self.pages()) as pages:
            async for page in pages:
                for item in page.items:
                    yield item
                    if remaining is not None:
                        remaining -= 1
                        if remaining == 0:
                            return

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    def __repr__(self) -> str:
        return f"OffsetPaginator(style={self.style!r}, limit={self.limit}, offset={self.offset})"
