"""``with_options`` and ``from_env`` for the Seller Center clients.

A client remembers the settings it was built with (secrets kept as :class:`~spapi_async.config.Secret`);
``with_options`` builds a copy with some of them changed that shares the original's HTTP connections, limiter,
clock and token cache, and closing the copy closes none of them. ``from_env`` reads the settings from
``SELLERCENTER_*`` variables, see :data:`V2_ENV_NAMES` and :data:`LEGACY_ENV_NAMES`.
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Concatenate, ParamSpec, TypeVar

from ..config import Secret
from ..errors import ConfigurationError

_C = TypeVar("_C", bound="Reconfigurable")
_P = ParamSpec("_P")

#: Constructor arguments a copy shares with its original instead of taking them from the settings.
SHARED = frozenset({"http_client", "limiter", "token_store", "clock"})
#: Constructor arguments kept wrapped in :class:`Secret`.
SECRETS = frozenset({"client_secret", "api_key"})

#: Settings of ``SellerCenterClient`` and the variables ``from_env`` reads them from.
V2_ENV_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "base_url": "SELLERCENTER_BASE_URL",
        "client_id": "SELLERCENTER_CLIENT_ID",
        "client_secret": "SELLERCENTER_CLIENT_SECRET",
        "token_url": "SELLERCENTER_TOKEN_URL",
        "context": "SELLERCENTER_CONTEXT",
        "requests_per_window": "SELLERCENTER_REQUESTS_PER_WINDOW",
        "window": "SELLERCENTER_WINDOW",
    }
)

#: Settings of ``SellerCenterLegacyClient`` and the variables ``from_env`` reads them from.
LEGACY_ENV_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "base_url": "SELLERCENTER_BASE_URL",
        "user_id": "SELLERCENTER_USER_ID",
        "api_key": "SELLERCENTER_API_KEY",
        "requests_per_window": "SELLERCENTER_REQUESTS_PER_WINDOW",
        "window": "SELLERCENTER_WINDOW",
    }
)

_CONVERT: Mapping[str, Callable[[str], Any]] = {"requests_per_window": int, "window": float}
_REQUIRED = frozenset({"base_url", "client_id", "client_secret", "user_id", "api_key"})


def settings_from_env(names: Mapping[str, str], environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The settings whose variable is set (and not empty), converted to their types."""
    env = os.environ if environ is None else environ
    out: dict[str, Any] = {}
    for setting, name in names.items():
        value = env.get(name)
        if not value:
            continue
        convert = _CONVERT.get(setting)
        if convert is not None:
            try:
                out[setting] = convert(value)
            except ValueError:
                raise ConfigurationError(f"{name} must be a number, got {value!r}") from None
        else:
            out[setting] = value
    return out


def remembers_settings(
    init: Callable[Concatenate[_C, _P], None],
) -> Callable[Concatenate[_C, _P], None]:
    """Decorate a :class:`Reconfigurable` client's ``__init__``: after it ran, the client keeps every argument it
    was called with (defaults filled in) except those in :data:`SHARED`, secrets wrapped in :class:`Secret`."""
    signature = inspect.signature(init)

    def wrapper(self: _C, /, *args: _P.args, **kwargs: _P.kwargs) -> None:
        init(self, *args, **kwargs)
        bound = signature.bind(self, *args, **kwargs)
        bound.apply_defaults()
        self._settings = {
            name: Secret(value) if name in SECRETS and isinstance(value, str) else value
            for name, value in list(bound.arguments.items())[1:]
            if name not in SHARED
        }

    functools.update_wrapper(wrapper, init)
    return wrapper


class Reconfigurable:
    """Mixin: ``with_options`` and ``from_env`` for a client class whose ``__init__`` is decorated with
    :func:`remembers_settings` and which names its environment variables in ``_ENV_NAMES``."""

    _ENV_NAMES: Mapping[str, str]
    _settings: dict[str, Any]

    def _shared(self) -> dict[str, Any]:
        """What a copy shares with this client (HTTP client, limiter, clock, token cache ...)."""
        raise NotImplementedError

    def with_options(self: _C, **changes: Any) -> _C:
        """A copy with some settings changed, sharing this client's HTTP connections, limiter, clock and token
        cache. Closing the copy does not close what the original opened."""
        shared = self._shared()
        unknown = sorted(set(changes) - set(self._settings))
        if unknown:
            hint = " (it is shared with the copy)" if set(unknown) & set(shared) else ""
            raise ConfigurationError(
                f"{type(self).__name__}.with_options got unknown setting(s) {', '.join(unknown)}{hint}; "
                f"known: {', '.join(sorted(self._settings))}"
            )
        settings = {k: v.get() if isinstance(v, Secret) else v for k, v in self._settings.items()}
        settings.update(changes)
        return type(self)(**settings, **shared)

    @classmethod
    def from_env(cls: type[_C], *, environ: Mapping[str, str] | None = None, **overrides: Any) -> _C:
        """A client from ``SELLERCENTER_*`` variables (``_ENV_NAMES``); keyword arguments win over them."""
        settings = settings_from_env(cls._ENV_NAMES, environ)
        settings.update(overrides)
        missing = [cls._ENV_NAMES[k] for k in cls._ENV_NAMES if k in _REQUIRED and k not in settings]
        if missing:
            raise ConfigurationError(f"{cls.__name__}.from_env: set {', '.join(missing)} (or pass the argument)")
        return cls(**settings)
