"""``SellerCenterClient``: the Seller Center v2 REST API on the shared transport, limiter, retry and errors.

Every tag of the v2 description is an attribute (``client.orders``, ``client.product_stock``, ...; generated, see
``spapi_async.sellercenter.v2``); :meth:`SellerCenterClient.request` sends any v2 path.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import httpx

from .._checks import headers as check_headers
from .._paths import check_path, expand_path, path_value
from .._redact import SecretScrubber
from ..assembly import AssembledClient, AuthParts, Blueprint, Shared, assemble
from ..auth.tokens import TokenStore
from ..call import ApiCall, QueryParams
from ..clock import Clock
from ..config import Secret
from ..errors import ConfigurationError, SPAPIError
from ..http_client import HttpBackend
from ..operation import Operation
from ..retry import DEFAULT_RETRY, RetryPolicy
from ..throttle.base import LimiterBackend
from ..transport import Transport
from ..useragent import build_user_agent
from ._common import DEFAULT_REQUESTS, DEFAULT_WINDOW, fixed_plan, seller_operation, window_plan
from ._options import V2_ENV_NAMES, FromEnv, V2Settings
from .auth import RequestSigner, SellerCenterOAuth
from .errors import classify_v2
from .v2._attributes import V2Attributes
from .v2_runtime import json_body, operation

Context = Literal["admin", "seller"]

#: ``PUT /v2/stock/product`` accepts at most this many items per call.
STOCK_UPDATE_MAX_ITEMS = 100


def default_token_url(base_url: httpx.URL) -> str:
    """``https://sellercenter-api.<instance>`` → ``https://sellercenter.<instance>/oauth/client-credentials``.

    The API host's first label loses its ``api`` part (``sellercenter-api-staging`` → ``sellercenter-staging``,
    ``api.sellercenter.com.br`` → ``sellercenter.com.br``); IP addresses and ``localhost`` are kept, and so is
    a base path (an emulator or proxy mounted under ``/sellercenter`` serves ``/sellercenter/oauth/...``). Instances
    differ, so pass ``token_url=`` when yours serves the token endpoint elsewhere.
    """
    host = base_url.host
    labels = host.split(".")
    if len(labels) > 1 and not host.replace(".", "").isdigit():
        parts = [p for p in labels[0].split("-") if p != "api"]
        labels = ([("-".join(parts))] if parts else []) + labels[1:]
        host = ".".join(labels)
    port = f":{base_url.port}" if base_url.port else ""
    base_path = base_url.path.rstrip("/")
    return f"{base_url.scheme}://{host}{port}{base_path}/oauth/client-credentials"


@dataclass(frozen=True, slots=True)
class StockUpdateResult:
    """What :meth:`SellerCenterClient.update_stock` did: items sent, calls made, and the items the server
    reported as not updated (each as the server returned it)."""

    sent: int
    calls: int
    not_updated: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.not_updated


def _oauth(settings: V2Settings, token_url: str, host: str, parts: AuthParts) -> SellerCenterOAuth:
    """The v2 authenticator: the client-credentials grant, its token cached in the shared token store."""
    return SellerCenterOAuth(
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        token_url=token_url,
        host=host,
        tokens=parts.tokens,
        clock=parts.clock,
    )


class SellerCenterClient(V2Attributes, FromEnv, AssembledClient[V2Settings]):
    """An asyncio client for the Seller Center v2 REST API (Dafiti, The Iconic, Zalora, ...).

    ``base_url`` is the API host (``https://sellercenter-api.<instance>``); ``token_url`` defaults to
    :func:`default_token_url`. ``context`` sends ``X-Context`` (``"admin"`` or ``"seller"``) on every request.
    Every call carries the seller's :class:`~spapi_async.throttle.window.WindowPlan` (``requests_per_window`` per
    ``window`` seconds) to the limiter: the event loop's shared ``sp.LoopLimiter`` unless ``limiter=`` is given.
    ``with_options(...)`` makes a copy sharing connections, limiter and token cache; ``from_env()`` reads
    ``SELLERCENTER_*`` variables (:data:`~spapi_async.sellercenter._options.V2_ENV_NAMES`).
    """

    _ENV_NAMES = V2_ENV_NAMES

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        *,
        token_url: str | None = None,
        context: Context | None = None,
        requests_per_window: int = DEFAULT_REQUESTS,
        window: float = DEFAULT_WINDOW,
        app_name: str | None = None,
        app_version: str | None = None,
        user_agent: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        limiter: LimiterBackend | None = None,
        http_client: httpx.AsyncClient | None = None,
        http_backend: HttpBackend = "httpx",
        token_store: TokenStore | None = None,
        clock: Clock | None = None,
    ) -> None:
        settings = V2Settings(
            base_url,
            client_id,
            Secret(client_secret),
            token_url=token_url,
            context=context,
            requests_per_window=requests_per_window,
            window=window,
            app_name=app_name,
            app_version=app_version,
            user_agent=user_agent,
            timeout=timeout,
            retry=retry,
        )
        shared = Shared.create(
            http_client=http_client,
            http_backend=http_backend,
            timeout=settings.timeout,
            limiter=limiter,
            token_store=token_store,
            clock=clock,
        )
        self._start(settings, shared, owns_http=http_client is None)

    def _assemble(self, settings: V2Settings, shared: Shared) -> None:
        url = httpx.URL(settings.base_url)
        host = url.netloc.decode("ascii")
        secret = settings.client_secret
        self.base_url = str(url).rstrip("/")
        self.client_id = settings.client_id
        self.token_url = settings.token_url or default_token_url(url)
        self.context = settings.context
        self.retry = settings.retry or DEFAULT_RETRY
        self.token_store = shared.token_store
        self._resources: dict[str, Any] = {}
        scrubber = SecretScrubber([secret.get()])
        scrubber.add_basic(settings.client_id, secret.get())
        self._operation: Operation = seller_operation(
            "sellercenter_v2", "GET", settings.requests_per_window, settings.window
        )
        blueprint = Blueprint(
            self.base_url,
            region=host,
            plan_for=fixed_plan(window_plan(settings.requests_per_window, settings.window)),
            authenticate=functools.partial(_oauth, settings, self.token_url, host),
            user_agent=build_user_agent(settings.app_name, settings.app_version, settings.user_agent),
            timeout=settings.timeout,
            connect_timeout=min(settings.timeout, 10.0),
            signer=RequestSigner(secret, shared.clock, base_path=url.path),
            classify=classify_v2,
            default_headers={"X-Context": settings.context} if settings.context else None,
            scrubber=scrubber,
        )
        self._auth, self._transport = assemble(blueprint, shared, self.retry)

    def _setting_names(self) -> Iterable[str]:
        return V2Settings.__dataclass_fields__

    def _reconfigured(self, changes: dict[str, Any]) -> V2Settings:
        return replace(self._settings, **changes)

    @property
    def transport(self) -> Transport:
        return self._transport

    async def access_token(self) -> str:
        """The current bearer token (fetched or taken from the cache). Never logged."""
        try:
            return await self._auth.access_token(self._transport)
        except SPAPIError as exc:  # a refusal may echo the Basic credentials: scrubbed like the transport's
            self._transport.scrubber.exception(exc)
            raise

    async def _send_v2(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        if self._closed:
            raise ConfigurationError("this SellerCenterClient is closed")
        call = ApiCall(
            method.upper(),
            path,
            operation=self._operation,
            params=params,
            json=json,
            content=content,
            headers=headers,
        )
        return await self._transport.send(call)

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        path_params: Mapping[str, Any] | None = None,
    ) -> httpx.Response:
        """Send any v2 path (``"/v2/brands"``) with this client's token, limit, retries and errors.
        Returns the 2xx ``httpx.Response``; failures raise
        :class:`~spapi_async.sellercenter.errors.SellerCenterError`.

        ``path_params`` fills ``{name}`` placeholders (``"/v2/product/{id}"``), each encoded as one segment; None,
        empty, ``.`` and ``..`` values raise :class:`~spapi_async.errors.ConfigurationError`, as does a literal
        ``.``/``..`` segment in ``path``."""
        path = check_path(path if path_params is None else expand_path(path, path_params))
        check_headers("headers", headers)
        return await self._send_v2(method, path, params=params, json=json, content=content, headers=headers)

    async def update_stock(self, items: Sequence[Mapping[str, Any]]) -> StockUpdateResult:
        """``PUT /v2/stock/product`` for any number of ``{"productId": ..., "quantity": ...}`` items: sent in
        chunks of 100 (the endpoint's maximum), one call after another; the items the server answers as not
        updated are collected in the result rather than dropped."""
        payload = [dict(item) for item in items]
        for item in payload:
            if "productId" not in item or "quantity" not in item:
                raise ConfigurationError("every stock item needs 'productId' and 'quantity'")
        method, path = operation("product_stock", "put_stock_product")
        not_updated: list[dict[str, Any]] = []
        calls = 0
        for start in range(0, len(payload), STOCK_UPDATE_MAX_ITEMS):
            chunk = payload[start : start + STOCK_UPDATE_MAX_ITEMS]
            response = await self._send_v2(method, path, json=chunk)
            calls += 1
            body = json_body(response) if response.content else []
            if isinstance(body, Mapping):
                body = [body]
            if isinstance(body, list):
                not_updated.extend(dict(x) if isinstance(x, Mapping) else {"value": x} for x in body)
        return StockUpdateResult(sent=len(payload), calls=calls, not_updated=not_updated)

    async def set_price(
        self,
        product_id: int,
        country: str,
        *,
        price: float,
        sale_price: float | None,
        sale_start_date: str | None,
        sale_end_date: str | None,
        status: Literal["active", "inactive"] = "active",
    ) -> Any:
        """``PUT /v2/product/{productId}/prices/{country}`` with every field stated.

        The endpoint replaces the whole price record: a field left out is stored as empty (a running sale would
        end). So the sale fields have no defaults here: pass ``None`` on purpose to clear them.
        """
        body = {
            "price": price,
            "salePrice": sale_price,
            "saleStartDate": sale_start_date,
            "saleEndDate": sale_end_date,
            "status": status,
        }
        method, template = operation("product_price", "put_product_prices_by_country")
        path = template.format(productId=path_value(product_id, "product_id"), country=path_value(country, "country"))
        response = await self._send_v2(method, path, json=body)
        return json_body(response)

    def __repr__(self) -> str:
        return f"SellerCenterClient(base_url={self.base_url!r}, client_id={self.client_id!r})"
