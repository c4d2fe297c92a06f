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
``items_of(page)`` the records. Other paginators (offset/limit) reuse :class:`PageState`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterable, Mapping
from typing import Any, Generic, TypeVar

from .errors import PaginationLoopError

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
