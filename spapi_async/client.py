"""``SPAPIClient``: configuration, the shared HTTP client and transport, and the API attributes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

import httpx

from ._checks import header_value, timeout_seconds
from ._checks import headers as check_headers
from ._lifecycle import ClientLifecycle
from ._paths import check_path, expand_path
from ._redact import SecretScrubber
from .apis._attributes import ApiAttributes
from .auth.lwa import build_consent_uri
from .auth.spapi import SPAPIAuth
from .auth.tokens import CachedTokenSource, InMemoryTokenStore, TokenStore
from .clock import SYSTEM_CLOCK, Clock
from .config import ClientConfig, build_config, settings_from_env
from .errors import ConfigurationError
from .http_client import LeanAsyncClient, environment_proxies
from .operation import DEFAULT_PLAN, SANDBOX_PLAN, Operation, UsagePlan
from .registry import OPERATIONS, match_operation
from .retry import DEFAULT_RETRY, RetryPolicy
from .throttle.base import LimiterBackend
from .throttle.shared import default_limiter
from .transport import ApiCall, QueryParams, Signer, Transport
from .useragent import build_user_agent

if TYPE_CHECKING:
    from .documents import Documents
    from .notifications.setup import NotificationsApi

HttpBackend = Literal["httpx", "aiohttp"]


def make_http_client(
    backend: HttpBackend = "httpx", *, timeout: float = 30.0, connect_timeout: float = 10.0
) -> httpx.AsyncClient:
    """The HTTP client a :class:`SPAPIClient` creates when none is given.

    Both backends use :class:`~spapi_async.http_client.LeanAsyncClient` (httpx's client without the cookie, auth and
    redirect work SP-API does not need; with proxy environment variables set, the default backend is the stock
    ``httpx.AsyncClient``). ``backend="aiohttp"`` puts :class:`~spapi_async.aiohttp_transport.AiohttpTransport`
    (extra ``aiohttp``) underneath: the same API, about a third of the CPU per request. asyncio only.
    """
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=100, keepalive_expiry=30.0)
    timeouts = httpx.Timeout(timeout, connect=connect_timeout)
    if backend == "httpx":
        if environment_proxies():
            return httpx.AsyncClient(timeout=timeouts, limits=limits)
        return LeanAsyncClient(transport=httpx.AsyncHTTPTransport(limits=limits), timeout=timeouts, limits=limits)
    if backend == "aiohttp":
        try:
            from .aiohttp_transport import AiohttpTransport
        except ImportError as exc:  # aiohttp is not installed
            raise ConfigurationError(
                "http_backend='aiohttp' needs the aiohttp extra: pip install 'spapi-async[aiohttp]'"
            ) from exc
        # aiohttp reads proxy settings from the environment only when told to (and then on every request).
        transport = AiohttpTransport(limits=limits, trust_env=environment_proxies())
        return LeanAsyncClient(transport=transport, timeout=timeouts, limits=limits)
    raise ConfigurationError(f"http_backend must be 'httpx' or 'aiohttp', got {backend!r}")


def client_scrubber(config: ClientConfig) -> SecretScrubber:
    """The scrubber that knows this configuration's secrets (tokens are added as attempts carry them)."""
    values = (config.client_secret, config.refresh_token, config.aws_access_key, config.aws_secret_key)
    return SecretScrubber(
        [*(v.get() for v in values if v), *([config.aws_session_token.get()] if config.aws_session_token else [])]
    )


def _make_signer(config: ClientConfig, http: httpx.AsyncClient, clock: Clock) -> Signer | None:
    if not config.signs_requests:
        return None
    from .auth.sigv4 import create_signer

    return create_signer(config, clock=clock)


class SPAPIClient(ApiAttributes, ClientLifecycle):
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
        clock = clock or SYSTEM_CLOCK
        self._owns_http = http_client is None
        http = http_client or make_http_client(http_backend, timeout=config.timeout)
        self._init_from(
            config=config,
            http=http,
            limiter=default_limiter(limiter, clock),
            retry=retry or DEFAULT_RETRY,
            clock=clock,
            token_store=token_store or InMemoryTokenStore(),
            use_rdt=use_rdt,
            signer=_make_signer(config, http, clock),
        )

    def _init_from(
        self,
        *,
        config: ClientConfig,
        http: httpx.AsyncClient,
        limiter: LimiterBackend,
        retry: RetryPolicy,
        clock: Clock,
        token_store: TokenStore,
        use_rdt: bool,
        signer: Signer | None,
    ) -> None:
        self.config = config
        self.limiter = limiter
        self.retry = retry
        self.clock = clock
        self.token_store = token_store
        self._http = http
        self._closed = False
        user_agent = build_user_agent(config.app_name, config.app_version, config.user_agent)
        timeout = httpx.Timeout(config.timeout, connect=config.connect_timeout)
        auth = SPAPIAuth(
            config,
            CachedTokenSource(token_store, clock),
            clock,
            operations=OPERATIONS,
            use_rdt=use_rdt,
        )
        sandbox = config.sandbox

        def plan_for(operation: Operation | None) -> UsagePlan:
            if sandbox:
                return SANDBOX_PLAN
            return operation.plan if operation is not None else DEFAULT_PLAN

        self._auth = auth
        self._transport = Transport(
            config.endpoint,
            http_client=http,
            auth=auth,
            limiter=limiter,
            retry=retry,
            clock=clock,
            user_agent=user_agent,
            timeout=timeout,
            plan_for=plan_for,
            # The sandbox has quotas of its own: its limiter keys carry a "-sandbox" region.
            region=f"{config.region.code}-sandbox" if sandbox else config.region.code,
            signer=signer,
            sandbox=sandbox,
            scrubber=client_scrubber(config),
        )
        self._api_cache: dict[str, Any] = {}
        self._documents: Documents | None = None

    @classmethod
    def from_env(cls, *, environ: Mapping[str, str] | None = None, **overrides: Any) -> SPAPIClient:
        """Build a client from environment variables (``SPAPI_*`` or python-amazon-sp-api's names, see
        :data:`spapi_async.config.ENV_NAMES`); keyword arguments win over the environment."""
        settings = settings_from_env(environ)
        settings.update(overrides)
        return cls(**settings)

    def with_options(
        self, *, retry: RetryPolicy | None = None, timeout: float | None = None, **config_changes: Any
    ) -> SPAPIClient:
        """A copy with some settings changed, sharing this client's HTTP connections, limiter and token cache.
        Closing the copy does not close what the original opened."""
        try:
            config = self.config.replace(**config_changes) if config_changes else self.config
        except TypeError:
            unknown = sorted(set(config_changes) - set(ClientConfig.__dataclass_fields__))
            raise ConfigurationError(f"with_options: unknown setting(s) {', '.join(unknown)}") from None
        if "user_agent" in config_changes and config.user_agent is not None:
            header_value("user_agent", config.user_agent)
        if timeout is not None:
            config = config.replace(timeout=timeout_seconds("timeout", timeout))
        clone = object.__new__(type(self))
        clone._owns_http = False
        clone._init_from(
            config=config,
            http=self._http,
            limiter=self.limiter,
            retry=retry or self.retry,
            clock=self.clock,
            token_store=self.token_store,
            use_rdt=self._auth.use_rdt,
            signer=self._transport.signer,
        )
        return clone

    @property
    def transport(self) -> Transport:
        return self._transport

    @property
    def documents(self) -> Documents:
        """Reports, feeds and Data Kiosk workflows (created on first use; closed with this client)."""
        if self._documents is None:
            from .documents import Documents

            self._documents = Documents(self)
        return self._documents

    @property
    def notifications(self) -> NotificationsApi:
        """Alias of :attr:`notifications_v1`, plus ``subscribe()`` / ``unsubscribe()`` (grantless token included)."""
        from .notifications.setup import NotificationsApi

        return self._api("notifications+setup", lambda transport: NotificationsApi(transport, self))

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
