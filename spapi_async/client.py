"""``SPAPIClient``: configuration, the shared HTTP client and transport, and the API attributes."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import httpx

from ._checks import header_value, timeout_seconds
from ._checks import headers as check_headers
from ._paths import check_path, expand_path
from ._redact import SecretScrubber
from .apis._attributes import ApiAttributes
from .assembly import AssembledClient, AuthParts, Blueprint, Shared, assemble
from .auth.lwa import build_consent_uri
from .auth.spapi import SPAPIAuth
from .auth.tokens import TokenStore
from .call import ApiCall, QueryParams, Signer
from .clock import Clock
from .config import ClientConfig, build_config, settings_from_env
from .errors import ConfigurationError
from .http_client import HttpBackend as HttpBackend  # public here too: spapi_async.client.HttpBackend
from .http_client import make_http_client as make_http_client  # public here too: spapi_async.client.make_http_client
from .operation import DEFAULT_PLAN, SANDBOX_PLAN, Operation, UsagePlan
from .registry import OPERATIONS, match_operation
from .retry import DEFAULT_RETRY, RetryPolicy
from .throttle.base import LimiterBackend
from .transport import Transport
from .useragent import build_user_agent

if TYPE_CHECKING:
    from .documents import Documents
    from .notifications.setup import NotificationsApi


def client_scrubber(config: ClientConfig) -> SecretScrubber:
    """The scrubber that knows this configuration's secrets (tokens are added as attempts carry them)."""
    values = (config.client_secret, config.refresh_token, config.aws_access_key, config.aws_secret_key)
    return SecretScrubber(
        [*(v.get() for v in values if v), *([config.aws_session_token.get()] if config.aws_session_token else [])]
    )


def _make_signer(config: ClientConfig, clock: Clock) -> Signer | None:
    if not config.signs_requests:
        return None
    from .auth.sigv4 import create_signer

    return create_signer(config, clock=clock)


def _spapi_auth(config: ClientConfig, parts: AuthParts, *, use_rdt: bool) -> SPAPIAuth:
    """The SP-API authenticator: LWA, grantless and Restricted Data Tokens. It fetches a token it lacks through the
    exchange the transport hands it with each attempt (token grants, the createRestrictedDataToken sub-request)."""
    return SPAPIAuth(config, parts.tokens, parts.clock, operations=OPERATIONS, use_rdt=use_rdt)


def _plan_for(sandbox: bool) -> Callable[[Operation | None], UsagePlan]:
    def plan_for(operation: Operation | None) -> UsagePlan:
        if sandbox:
            return SANDBOX_PLAN
        return operation.plan if operation is not None else DEFAULT_PLAN

    return plan_for


@dataclass(frozen=True, slots=True)
class _Settings:
    """What an :class:`SPAPIClient` is built from besides its shared parts (a ``with_options`` copy keeps the
    signer)."""

    config: ClientConfig
    retry: RetryPolicy
    use_rdt: bool
    signer: Signer | None


class SPAPIClient(ApiAttributes, AssembledClient[_Settings]):
    """An asyncio client for the Selling Partner API. Use it as ``async with`` or call :meth:`aclose`.

    Every API version is an attribute (``client.orders_v0``, ``client.reports_2021_06_30``; short aliases such
    as ``client.orders`` point at the recommended version); :meth:`request` sends any path with the same
    authentication, limits and retries.

    ``limiter``: every attempt waits for a token of its operation's usage plan. By default every client of an
    event loop shares one in-memory ``sp.Limiter`` (keys carry the seller, so clients for the same seller share
    its quotas and others do not; an injected ``clock`` gets a private one). Pass ``sp.Limiter(...)`` for other
    options, ``sp.RedisLimiter`` to share across processes, or ``sp.NullLimiter()`` to switch limiting off.
    """

    def __init__(
        self,
        client_id: str | None = None,
        client_secret: str | None = None,
        refresh_token: str | None = None,
        *,
        grantless_scopes: list[str] | tuple[str, ...] | None = None,
        region: str | None = None,
        marketplace: str | None = None,
        sandbox: bool = False,
        endpoint: str | None = None,
        lwa_endpoint: str | None = None,
        aws_access_key: str | None = None,
        aws_secret_key: str | None = None,
        aws_session_token: str | None = None,
        role_arn: str | None = None,
        app_name: str | None = None,
        app_version: str | None = None,
        user_agent: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        limiter: LimiterBackend | None = None,
        http_client: httpx.AsyncClient | None = None,
        http_backend: HttpBackend = "httpx",
        token_store: TokenStore | None = None,
        use_rdt: bool = True,
        clock: Clock | None = None,
    ) -> None:
        config = build_config(
            client_id=client_id,
            client_secret=client_secret,
            refresh_token=refresh_token,
            grantless_scopes=grantless_scopes,
            region=region,
            marketplace=marketplace,
            sandbox=sandbox,
            endpoint=endpoint,
            lwa_endpoint=lwa_endpoint,
            aws_access_key=aws_access_key,
            aws_secret_key=aws_secret_key,
            aws_session_token=aws_session_token,
            role_arn=role_arn,
            app_name=app_name,
            app_version=app_version,
            user_agent=user_agent,
            timeout=timeout,
        )
        shared = Shared.create(
            http_client=http_client,
            http_backend=http_backend,
            timeout=config.timeout,
            limiter=limiter,
            token_store=token_store,
            clock=clock,
        )
        settings = _Settings(config, retry or DEFAULT_RETRY, use_rdt, _make_signer(config, shared.clock))
        self._start(settings, shared, owns_http=http_client is None)

    def _assemble(self, settings: _Settings, shared: Shared) -> None:
        config = settings.config
        self.config = config
        self.retry = settings.retry
        self.token_store = shared.token_store
        blueprint = Blueprint(
            config.endpoint,
            # The sandbox has quotas of its own: its limiter keys carry a "-sandbox" region.
            region=f"{config.region.code}-sandbox" if config.sandbox else config.region.code,
            plan_for=_plan_for(config.sandbox),
            authenticate=functools.partial(_spapi_auth, config, use_rdt=settings.use_rdt),
            user_agent=build_user_agent(config.app_name, config.app_version, config.user_agent),
            timeout=config.timeout,
            connect_timeout=config.connect_timeout,
            signer=settings.signer,
            sandbox=config.sandbox,
            scrubber=client_scrubber(config),
        )
        self._auth, self._transport = assemble(blueprint, shared, settings.retry)
        self._api_cache: dict[str, Any] = {}
        self._documents: Documents | None = None

    @classmethod
    def from_env(cls, *, environ: Mapping[str, str] | None = None, **overrides: Any) -> SPAPIClient:
        """Build a client from environment variables (``SPAPI_*`` or python-amazon-sp-api's names, see
        :data:`spapi_async.config.ENV_NAMES`); keyword arguments win over the environment."""
        settings = settings_from_env(environ)
        settings.update(overrides)
        return cls(**settings)

    def _setting_names(self) -> Iterable[str]:
        return {*ClientConfig.__dataclass_fields__, "retry"}

    def _reconfigured(self, changes: dict[str, Any]) -> _Settings:
        """``retry`` and ``timeout`` (checked), and any field of :class:`~spapi_async.config.ClientConfig`."""
        retry = changes.pop("retry", None)
        timeout = changes.pop("timeout", None)
        config = self.config.replace(**changes) if changes else self.config
        if "user_agent" in changes and config.user_agent is not None:
            header_value("user_agent", config.user_agent)
        if timeout is not None:
            config = config.replace(timeout=timeout_seconds("timeout", timeout))
        return replace(self._settings, config=config, retry=retry or self._settings.retry)

    @property
    def transport(self) -> Transport:
        return self._transport

    @property
    def documents(self) -> Documents:
        """Reports, feeds and Data Kiosk workflows (created on first use; closed with this client)."""
        if self._documents is None:
            from .documents import Documents

            self._documents = Documents(self.transport)
        return self._documents

    @property
    def notifications(self) -> NotificationsApi:
        """Alias of :attr:`notifications_v1`, plus ``subscribe()`` / ``unsubscribe()`` (grantless token included)."""
        from .notifications.setup import NotificationsApi

        return self._api(
            "notifications+setup",
            lambda transport: NotificationsApi(
                transport,
                self.config.grantless_scopes,
                lambda scopes: self.with_options(grantless_scopes=scopes).transport,
            ),
        )

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        restricted_data_token: str | None = None,
        data_elements: tuple[str, ...] | None = None,
        retry: RetryPolicy | None = None,
        timeout: float | None = None,
        path_params: Mapping[str, Any] | None = None,
    ) -> httpx.Response:
        """Send any SP-API path with this client's authentication, limits and retries.

        A path that matches a known operation template uses that operation's usage plan and token: a Restricted
        Data Token for operations whose every answer is restricted, or, where personal data is optional, only when
        ``data_elements`` is given; a grantless token of the operation's scope for grantless operations. Returns
        the ``httpx.Response`` (2xx); errors raise as usual.

        ``path_params`` fills the ``{name}`` placeholders of ``path`` (``"/orders/v0/orders/{orderId}"``), each
        value encoded as one segment. A value that is None, empty, ``.`` or ``..``, and a literal ``.``/``..``
        segment in ``path``, raise :class:`~spapi_async.ConfigurationError` before any I/O.
        """
        path = check_path(path if path_params is None else expand_path(path, path_params))
        if not isinstance(method, str):
            raise ConfigurationError(f"method must be a string such as 'GET', got {type(method).__name__}")
        check_headers("headers", headers)
        if timeout is not None:
            timeout = timeout_seconds("timeout", timeout)
        method = method.upper()
        operation = match_operation(method, path)
        call = ApiCall(
            method,
            path,
            operation=operation,
            params=params,
            json=json,
            content=content,
            headers=headers,
            restricted_data_token=restricted_data_token,
            data_elements=data_elements,
            retry=retry,
            timeout=timeout,
        )
        del restricted_data_token  # held by the call only, whose repr hides it (tracebacks rendered with locals)
        return await self._transport.send(call)

    def consent_uri(self, application_id: str, *, state: str, vendor: bool = False, beta: bool = False) -> str:
        """The authorization URL for this client's marketplace (see :func:`spapi_async.build_consent_uri`)."""
        if self.config.marketplace is None:
            raise ConfigurationError("consent_uri needs a marketplace: pass marketplace=... to the client")
        return build_consent_uri(self.config.marketplace, application_id, state=state, vendor=vendor, beta=beta)

    async def _close_resources(self) -> None:
        if self._documents is not None:
            await self._documents.aclose()

    def __repr__(self) -> str:
        cfg = self.config
        return (
            f"SPAPIClient(client_id={cfg.client_id!r}, region={cfg.region.code!r}, "
            f"endpoint={cfg.endpoint!r}, sandbox={cfg.sandbox!r})"
        )
