"""The emulator's stateful handlers, registered by ``(method, template)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .._templates import TemplateMatcher
from .http import Call, Reply

if TYPE_CHECKING:
    from .app import Emulator

Handler = Callable[[Call, "Emulator"], Reply]


class Router:
    def __init__(self) -> None:
        self.matcher: TemplateMatcher[Handler] = TemplateMatcher()
        self.by_template: dict[tuple[str, str], Handler] = {}

    def route(self, method: str, template: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.matcher.add(method, template, handler)
            self.by_template[(method.upper(), template)] = handler
            return handler

        return register

    def find(self, method: str, template: str) -> Handler | None:
        """The handler registered for exactly this template."""
        return self.by_template.get((method.upper(), template))
