"""Paginators: follow a page token until the server stops sending one.

``AsyncPaginator`` is what every paginated operation method returns::

    first = await client.orders_v0.get_orders(...)            # the first page
    async for order in client.orders_v0.get_orders(...): ...  # the items of every page
    async for page in client.orders_v0.get_orders(...).pages(): ...

``paginator.next_token`` is the token of the page that would come next (None once the last page was read); pass
it back as ``next_token=`` to resume later, in another process if need be. A server that sends a token it already
sent raises :class:`PaginationLoopError` instead of looping forever (the page that carries the repeated token is
not handed out: it is most likely a page already seen).

The token logic is independent of SP-API: ``fetch(token)`` returns a page, ``token_of(page)`` reads the next token,
``items_of(page)`` the records.

:class:`OffsetPaginator` walks Seller Center's offset/limit list endpoints (see its section below).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from .errors import ConfigurationError, PaginationLoopError, SPAPIError

PageT = TypeVar("PageT")
ItemT = TypeVar("ItemT")


def attribute_path(path: tuple[str, ...]) -> Callable[[Any], Any]:
    """A reader for ``obj.a.b`` that also walks mappings and stops at None (``payload.NextToken`` where the page
    has no payload reads as None)."""

    def read(obj: Any) -> Any:
        for name in path:
            if obj is None:
                return None
            obj = obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)
        return obj

    return read


class PageState:
    """The token bookkeeping shared by paginators: the next token, whether the end was reached, loop detection."""

    __slots__ = ("_seen", "done", "next_token", "pages_read")

    def __init__(self, next_token: str | None = None) -> None:
        self.next_token = next_token
        self.done = False
        self.pages_read = 0
        self._seen: set[str] = set()
        if next_token is not None:
            self._seen.add(next_token)

    def advance(self, token: Any) -> None:
        """Record the token read from the page just fetched (None or empty: that was the last page)."""
        self.pages_read += 1
        if token is None or token == "":
            self.next_token = None
            self.done = True
            return
        token = str(token)
        if token in self._seen:
            self.done = True
            raise PaginationLoopError(
                f"the server sent the same page token again after {self.pages_read} page(s); stopping to avoid a loop"
            )
        self._seen.add(token)
        self.next_token = token


class AsyncPaginator(Generic[PageT, ItemT]):
    """Awaitable (the first page), async-iterable (every item) and ``.pages()`` (every page).

    One paginator walks the pages once; call the operation again for a new walk. ``max_pages`` bounds a walk.
    """

    def __init__(
        self,
        fetch: Callable[[str | None], Awaitable[PageT]],
        *,
        token_of: Callable[[PageT], Any],
        items_of: Callable[[PageT], Iterable[ItemT] | None] | None = None,
        next_token: str | None = None,
        max_pages: int | None = None,
    ) -> None:
        if max_pages is not None and max_pages < 1:
            raise ValueError("max_pages must be >= 1")
        self._fetch = fetch
        self._token_of = token_of
        self._items_of = items_of
        self._state = PageState(next_token)
        self._max_pages = max_pages
        self._started = False

    @property
    def next_token(self) -> str | None:
        """The token that requests the next page: None before a resumed walk starts from the beginning, and once
        the last page was read."""
        return self._state.next_token

    @property
    def done(self) -> bool:
        return self._state.done

    @property
    def pages_read(self) -> int:
        return self._state.pages_read

    async def _next_page(self) -> PageT:
        page = await self._fetch(self._state.next_token)
        self._state.advance(self._token_of(page))
        return page

    def __await__(self) -> Generator[Any, None, PageT]:
        """The first page (from ``next_token`` when resuming); the paginator then points at the page after it."""
        return self._first().__await__()

    async def _first(self) -> PageT:
        if self._started:
            raise RuntimeError("this paginator has already been started; call the operation again")
        self._started = True
        return await self._next_page()

    async def pages(self) -> AsyncIterator[PageT]:
        """Every page, fetched one at a time as you iterate (after an ``await``, the pages after the first)."""
        self._started = True
        while not self._state.done:
            if self._max_pages is not None and self._state.pages_read >= self._max_pages:
                return
            yield await self._next_page()

    async def _items(self) -> AsyncIterator[ItemT]:
        async for page in self.pages():
            if self._items_of is None:
                yield page  # type: ignore[misc]  # no single list on these pages: the page is the item
                continue
            for item in self._items_of(page) or ():
                yield item

    def __aiter__(self) -> AsyncIterator[ItemT]:
        return self._items()

    def __repr__(self) -> str:
        return f"<AsyncPaginator pages_read={self.pages_read} done={self.done}>"


# ------------------------------------------------------------------------------------------------------------------
# Offset/limit pagination (Seller Center)
# ------------------------------------------------------------------------------------------------------------------
# Offset/limit pagination for Seller Center list endpoints.
#
# Three page shapes exist in the v2 API:
#
# - ``"total"``: ``{items: [...], pagination: {limit, offset, totalCount}}`` — stop once ``offset + len(items)``
#   reaches ``totalCount``;
# - ``"has_next"``: ``{items: [...], pagination: {limit, offset, hasNext}}`` (``/v2/orders``, ``/v2/manifest``,
#   ``/v2/sellers``) — stop when ``hasNext`` is false;
# - ``"data_has_next"``: ``{data: [...], hasNext}`` (``/v2/archive/orders``).
#
# Every style also stops on an empty page (a server that keeps answering ``hasNext: true`` with nothing cannot make
# the paginator loop), and raises :class:`PaginationLoopError` on a page whose items repeat the previous page's (a
# server that ignores ``offset``) or an offset that does not move forward. An :class:`OffsetPaginator` can be
# awaited (first page), iterated by page (:meth:`~OffsetPaginator.pages`) or by item (``async for item in ...``).

PageStyle = Literal["total", "has_next", "data_has_next"]

#: Fetches one page: ``(offset, limit) -> the decoded JSON body``.
PageFetcher = Callable[[int, int], Awaitable[Any]]


@dataclass(frozen=True, slots=True)
class OffsetPage(Generic[ItemT]):
    """One page: its items (parsed), where it starts, and what the server said about what follows."""

    items: list[ItemT]
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


def read_page(body: Any, style: PageStyle, offset: int, limit: int, parse: Callable[[Any], ItemT]) -> OffsetPage[ItemT]:
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
            total = _int_or_none(meta.get("totalCount"))
    try:
        items = [parse(x) for x in raw_items]
    except SPAPIError:
        raise
    except (ValueError, TypeError, RecursionError) as exc:  # pydantic's ValidationError is a ValueError
        raise SPAPIError(f"an item of the page at offset {offset} could not be read ({type(exc).__name__})") from None
    return OffsetPage(items, offset, limit, total, has_next, body)


def _raw_items(body: Any, style: PageStyle) -> Any:
    """The undecoded item list of a page body (compared with the previous page's to detect a repeat)."""
    return body.get("data" if style == "data_has_next" else "items") if isinstance(body, Mapping) else None


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _bool_or_none(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


class OffsetPaginator(Generic[ItemT]):
    """Walks an offset/limit list endpoint.

    ``await paginator`` gives the first :class:`OffsetPage`; ``async for page in paginator.pages()`` every page;
    ``async for item in paginator`` every item of every page. ``max_items`` stops early.
    """

    def __init__(
        self,
        fetch: PageFetcher,
        *,
        style: PageStyle,
        parse: Callable[[Any], ItemT],
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

    async def first_page(self) -> OffsetPage[ItemT]:
        return read_page(await self._fetch(self.offset, self.limit), self.style, self.offset, self.limit, self._parse)

    def __await__(self) -> Generator[Any, None, OffsetPage[ItemT]]:
        return self.first_page().__await__()

    async def pages(self) -> AsyncGenerator[OffsetPage[ItemT], None]:
        """Every page. A server that ignores the offset cannot make this loop: a page whose items are the previous
        page's again, or an offset that does not move forward, raises :class:`PaginationLoopError` (the repeated
        page is not handed out)."""
        offset: int | None = self.offset
        previous: Any = None
        pages_read = 0
        while offset is not None:
            body = await self._fetch(offset, self.limit)
            page = read_page(body, self.style, offset, self.limit, self._parse)
            raw_items = _raw_items(body, self.style)
            if pages_read and raw_items and raw_items == previous:
                raise PaginationLoopError(
                    f"the page at offset {offset} repeats the previous page's {len(raw_items)} item(s) after "
                    f"{pages_read} page(s): the server seems to ignore the offset; stopping to avoid a loop"
                )
            yield page
            pages_read += 1
            previous = raw_items
            following = page.next_offset
            if following is not None and following <= offset:
                raise PaginationLoopError(
                    f"the offset did not move forward after {pages_read} page(s) (from {offset} to {following}); "
                    "stopping to avoid a loop"
                )
            offset = following

    async def _items(self) -> AsyncIterator[ItemT]:
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

    def __aiter__(self) -> AsyncIterator[ItemT]:
        return self._items()

    def __repr__(self) -> str:
        return f"OffsetPaginator(style={self.style!r}, limit={self.limit}, offset={self.offset})"
