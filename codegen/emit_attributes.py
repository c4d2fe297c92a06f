"""Emits ``spapi_async/apis/_attributes.py``: the typed, lazily created API attributes of ``SPAPIClient``."""

from __future__ import annotations

from . import config
from .emit_api import class_name
from .render import HEADER, py_str
from .spec import ApiIR


def render_attributes(apis: list[ApiIR]) -> str:
    by_attr = {api.attr: api for api in apis}
    lines = [
        HEADER,
        '"""The API attributes of ``SPAPIClient``: one per API version, created on first use (its module and',
        'models are imported then, not before), plus short aliases for the recommended versions."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING, Any, TypeVar",
        "",
        "if TYPE_CHECKING:",
        "    from collections.abc import Callable",
        "",
        "    from ..transport import Transport",
    ]
    for api in apis:
        lines.append(f"    from .{api.attr} import {class_name(api)}")
    lines += [
        "",
        '_A = TypeVar("_A")',
        "",
        "#: Alias → API attribute.",
        "ALIASES: dict[str, str] = {",
    ]
    lines.extend(f"    {py_str(a)}: {py_str(t)}," for a, t in sorted(config.ALIASES.items()))
    lines += [
        "}",
        "",
        "",
        "class ApiAttributes:",
        '    """Mixed into ``SPAPIClient``, which sets ``_transport`` and ``_api_cache``."""',
        "",
        "    __slots__ = ()",
        "",
        "    _transport: Transport",
        "    _api_cache: dict[str, Any]",
        "",
        "    def _api(self, name: str, factory: Callable[[Transport], _A]) -> _A:",
        "        api = self._api_cache.get(name)",
        "        if api is None:",
        "            api = self._api_cache[name] = factory(self._transport)",
        "        return api",
    ]
    for api in apis:
        cls = class_name(api)
        lines += [
            "",
            "    @property",
            f"    def {api.attr}(self) -> {cls}:",
            f'        """``{api.file.rsplit("/", 1)[-1]}``: {len(api.operations)} operations."""',
            f"        from .{api.attr} import {cls}",
            "",
            f"        return self._api({py_str(api.attr)}, {cls})",
        ]
    for alias, target in sorted(config.ALIASES.items()):
        cls = class_name(by_attr[target])
        lines += [
            "",
            "    @property",
            f"    def {alias}(self) -> {cls}:",
            f'        """Alias of :attr:`{target}`."""',
            f"        return self.{target}",
        ]
    return "\n".join(lines) + "\n"
