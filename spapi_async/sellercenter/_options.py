"""The settings of the Seller Center clients, and ``from_env``.

:class:`V2Settings` and :class:`LegacySettings` are what each client is built from besides the parts a
``with_options`` copy shares (:class:`~spapi_async.assembly.Shared`); they are checked when made (secrets kept as
:class:`~spapi_async.config.Secret`). ``from_env`` reads them from ``SELLERCENTER_*`` variables, see
:data:`V2_ENV_NAMES` and :data:`LEGACY_ENV_NAMES`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, TypeVar

from .._checks import timeout_seconds
from ..config import Secret
from ..errors import ConfigurationError
from ..retry import RetryPolicy
from ._common import DEFAULT_REQUESTS, DEFAULT_WINDOW, check_base_url, require

_C = TypeVar("_C", bound="FromEnv")

#: The legacy API's answer formats.
FORMATS = ("JSON", "XML")

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


class FromEnv:
    """Mixin: ``from_env`` for a Seller Center client class naming its environment variables in ``_ENV_NAMES``."""

    _ENV_NAMES: Mapping[str, str]

    @classmethod
    def from_env(cls: type[_C], *, environ: Mapping[str, str] | None = None, **overrides: Any) -> _C:
        """A client from ``SELLERCENTER_*`` variables (``_ENV_NAMES``); keyword arguments win over them."""
        settings = settings_from_env(cls._ENV_NAMES, environ)
        settings.update(overrides)
        missing = [cls._ENV_NAMES[k] for k in cls._ENV_NAMES if k in _REQUIRED and k not in settings]
        if missing:
            raise ConfigurationError(f"{cls.__name__}.from_env: set {', '.join(missing)} (or pass the argument)")
        return cls(**settings)


def _limits(requests_per_window: Any, window: Any) -> None:
    if not isinstance(requests_per_window, int) or requests_per_window < 1:
        raise ConfigurationError(f"requests_per_window must be a positive int, got {requests_per_window!r}")
    if not window > 0:
        raise ConfigurationError(f"window must be > 0 seconds, got {window!r}")


def _secret(name: str, value: str | Secret) -> Secret:
    """``value`` checked like any required string and kept wrapped (``with_options`` may pass a plain one)."""
    secret = value if isinstance(value, Secret) else Secret(value)
    require(name, secret.get())
    return secret


@dataclass(frozen=True, slots=True)
class V2Settings:
    """The settings of a ``SellerCenterClient`` (its constructor's arguments but the shared parts), checked when
    made; ``with_options`` replaces some of them."""

    base_url: str
    client_id: str
    client_secret: Secret
    token_url: str | None = None
    context: Literal["admin", "seller"] | None = None
    requests_per_window: int = DEFAULT_REQUESTS
    window: float = DEFAULT_WINDOW
    app_name: str | None = None
    app_version: str | None = None
    user_agent: str | None = None
    timeout: float = 30.0
    retry: RetryPolicy | None = None

    def __post_init__(self) -> None:
        check_base_url(self.base_url)
        require("client_id", self.client_id)
        object.__setattr__(self, "client_secret", _secret("client_secret", self.client_secret))
        if self.context is not None and self.context not in ("admin", "seller"):
            raise ConfigurationError(f"context must be 'admin', 'seller' or None, got {self.context!r}")
        if self.token_url is not None:
            check_base_url(self.token_url)
        _limits(self.requests_per_window, self.window)
        object.__setattr__(self, "timeout", timeout_seconds("timeout", self.timeout))


@dataclass(frozen=True, slots=True)
class LegacySettings:
    """The settings of a ``SellerCenterLegacyClient`` (its constructor's arguments but the shared parts), checked
    when made; ``with_options`` replaces some of them."""

    base_url: str
    user_id: str
    api_key: Secret
    format: str = "JSON"
    version: str = "1.0"
    requests_per_window: int = DEFAULT_REQUESTS
    window: float = DEFAULT_WINDOW
    app_name: str | None = None
    app_version: str | None = None
    user_agent: str | None = None
    timeout: float = 30.0
    retry: RetryPolicy | None = None

    def __post_init__(self) -> None:
        check_base_url(self.base_url)
        require("user_id", self.user_id)
        object.__setattr__(self, "api_key", _secret("api_key", self.api_key))
        fmt = str(self.format).upper()
        if fmt not in FORMATS:
            raise ConfigurationError(f"format must be 'JSON' or 'XML', got {self.format!r}")
        object.__setattr__(self, "format", fmt)
        _limits(self.requests_per_window, self.window)
        object.__setattr__(self, "timeout", timeout_seconds("timeout", self.timeout))
