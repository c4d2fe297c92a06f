"""The emulator's routing: stateful handlers registered by operation key, found for the operation a request hit.

A request is matched to its operation by :class:`~spapi_async.emulator.operations.OperationTable` (the registry's
templates through the package's one :class:`~spapi_async._templates.TemplateMatcher`); the handler is then looked up
by the operation's key. Handlers never spell a path: ``router.route("tokens_2021_03_01.create_restricted_data_token")``
takes the method and template from ``spapi_async.registry.OPERATIONS``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..registry import OPERATIONS
from .http import Call, Reply

if TYPE_CHECKING:
    from .app import Emulator

Handler = Callable[[Call, "Emulator"], Reply]


class Router:
    """Operation key -> stateful handler."""

    def __init__(self) -> None:
        self.handlers: dict[str, Handler] = {}

    def route(self, key: str) -> Callable[[Handler], Handler]:
        """Register a handler for the operation ``key`` (``"<api>.<method>"`` of ``sp.OPERATIONS``)."""
        if key not in OPERATIONS:
            raise KeyError(f"no operation {key!r} in spapi_async.registry.OPERATIONS")

        def register(handler: Handler) -> Handler:
            self.handlers[key] = handler
            return handler

        return register

    def find(self, key: str) -> Handler | None:
        """The handler registered for the operation ``key``, or None."""
        return self.handlers.get(key)
