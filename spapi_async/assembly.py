"""One assembly for every client (SP-API, Seller Center v2, Seller Center legacy), and one ``with_options``.

A client is built from two things:

- its **settings** (``S``): validated, immutable, what ``with_options`` changes;
- its **shared parts** (:class:`Shared`): the HTTP client, limiter, token cache and clock, which a copy made by
  ``with_options`` shares with its original.

From those, each client describes its transport in a :class:`Blueprint` (base URL, limiter region, plan, the
authenticator to build, signer, response classifier, default headers, secret scrubber) and :func:`assemble` builds
the authenticator and the :class:`~spapi_async.transport.Transport`. :class:`AssembledClient` holds what every
client does with them: ``with_options`` copies, ``async with`` / ``aclose``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx

from ._lifecycle import ClientLifecycle
from ._redact import SecretScrubber
from .auth.tokens import CachedTokenSource, InMemoryTokenStore, TokenStore
from .call import Authenticator, ResponseClassifier, Signer
from .clock import SYSTEM_CLOCK, Clock
from .errors import ConfigurationError
from .http_client import HttpBackend, make_http_client
from .http_errors import classify_by_status
from .operation import Operation
from .retry import RetryPolicy
from .throttle.base import LimiterBackend, Plan
from .throttle.shared import default_limiter
from .transport import Transport

A = TypeVar("A", bound=Authenticator)
S = TypeVar("S")
_C = TypeVar("_C", bound="AssembledClient[Any]")

#: Constructor arguments naming a shared part: a copy takes the original's, so ``with_options`` refuses them.
SHARED_ARGUMENTS = frozenset({"http_client", "http_backend", "limiter", "token_store", "clock"})


@dataclass(frozen=True, slots=True)
class Shared:
    """What a client and its ``with_options`` copies share: connections, limiter, token cache and clock."""

    http: httpx.AsyncClient
    limiter: LimiterBackend
    token_store: TokenStore
    clock: Clock

    @classmethod
    def create(
        cls,
        *,
        http_client: httpx.AsyncClient | None,
        http_backend: HttpBackend,
        timeout: float,
        limiter: LimiterBackend | None,
        token_store: TokenStore | None,
        clock: Clock | None,
    ) -> Shared:
        """The given parts, the defaults for the others: a new HTTP client of ``http_backend``, the event loop's
        shared limiter (a private one for an injected clock), an in-memory token store, the system clock."""
        clock = clock or SYSTEM_CLOCK
        return cls(
            http=http_client or make_http_client(http_backend, timeout=timeout),
            limiter=default_limiter(limiter, clock),
            token_store=token_store or InMemoryTokenStore(),
            clock=clock,
        )


@dataclass(frozen=True, slots=True)
class AuthParts:
    """What an authenticator is built from: the token cache over the shared store, and the shared clock. It needs
    no HTTP client: the tokens it lacks are fetched through the exchange the transport hands it on each attempt."""

    tokens: CachedTokenSource
    clock: Clock


@dataclass(frozen=True, slots=True)
class Blueprint(Generic[A]):
    """How one client's transport differs from another's."""

    base_url: str
    #: the limiter keys' region part (an SP-API region code, a Seller Center host)
    region: str
    plan_for: Callable[[Operation | None], Plan]
    #: builds the client's authenticator from the shared parts
    authenticate: Callable[[AuthParts], A]
    user_agent: str
    timeout: float
    connect_timeout: float
    signer: Signer | None = None
    classify: ResponseClassifier = classify_by_status
    default_headers: Mapping[str, str] | None = None
    sandbox: bool = False
    scrubber: SecretScrubber | None = None


def assemble(blueprint: Blueprint[A], shared: Shared, retry: RetryPolicy) -> tuple[A, Transport]:
    """The authenticator and the transport of ``blueprint`` on ``shared`` parts."""
    tokens = CachedTokenSource(shared.token_store, shared.clock)
    auth = blueprint.authenticate(AuthParts(tokens, shared.clock))
    transport = Transport(
        blueprint.base_url,
        http_client=shared.http,
        auth=auth,
        limiter=shared.limiter,
        retry=retry,
        clock=shared.clock,
        user_agent=blueprint.user_agent,
        timeout=httpx.Timeout(blueprint.timeout, connect=blueprint.connect_timeout),
        plan_for=blueprint.plan_for,
        region=blueprint.region,
        signer=blueprint.signer,
        classify=blueprint.classify,
        default_headers=blueprint.default_headers,
        sandbox=blueprint.sandbox,
        scrubber=blueprint.scrubber,
    )
    return auth, transport


class AssembledClient(ClientLifecycle, Generic[S]):
    """Base of the three clients: built from settings ``S`` and :class:`Shared` parts.

    A subclass's ``__init__`` validates its arguments into settings and calls :meth:`_start`; it implements
    :meth:`_assemble` (settings + shared parts -> attributes, authenticator, transport), :meth:`_setting_names` and
    :meth:`_reconfigured` (settings with some changed, validated as the constructor validates them).
    """

    _settings: S
    _shared: Shared
    limiter: LimiterBackend
    clock: Clock

    def _start(self, settings: S, shared: Shared, *, owns_http: bool) -> None:
        self._settings = settings
        self._shared = shared
        self._http = shared.http
        self._owns_http = owns_http
        self._closed = False
        self.limiter = shared.limiter
        self.clock = shared.clock
        self._assemble(settings, shared)

    def _assemble(self, settings: S, shared: Shared) -> None:
        raise NotImplementedError

    def _setting_names(self) -> Iterable[str]:
        """The settings ``with_options`` may change."""
        raise NotImplementedError

    def _reconfigured(self, changes: dict[str, Any]) -> S:
        """This client's settings with ``changes`` (known names only), checked like the constructor's."""
        raise NotImplementedError

    def with_options(self: _C, **changes: Any) -> _C:
        """A copy with some settings changed, sharing this client's HTTP connections, limiter, clock and token
        cache. Closing the copy does not close what the original opened. An unknown setting, or one naming a shared
        part, raises :class:`~spapi_async.ConfigurationError`; changed values are checked as the constructor
        checks them."""
        known = set(self._setting_names())
        unknown = sorted(set(changes) - known)
        if unknown:
            hint = " (it is shared with the copy)" if set(unknown) & SHARED_ARGUMENTS else ""
            raise ConfigurationError(
                f"{type(self).__name__}.with_options got unknown setting(s) {', '.join(unknown)}{hint}; "
                f"known: {', '.join(sorted(known))}"
            )
        settings = self._reconfigured(dict(changes))
        clone = object.__new__(type(self))
        clone._start(settings, self._shared, owns_http=False)
        return clone
