"""The ground floor of the send path: what a request is (:class:`ApiCall`), what an authenticator adds to one
attempt (:class:`Credential`), and the protocols the transport and the authenticators meet on
(:class:`Authenticator`, :class:`Exchange`, :class:`Signer`, :data:`ResponseClassifier`).

Both ``transport.py`` and ``auth/`` import from here; neither imports the other (docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import httpx

    from .errors import ApiError, SPAPIError
    from .operation import Operation
    from .retry import RetryPolicy

QueryParams = Mapping[str, Any] | Sequence[tuple[str, Any]]


@dataclass(frozen=True, slots=True)
class ApiCall:
    """One logical request (it may take several attempts)."""

    method: str
    path: str  # concrete path, parameters already substituted and encoded
    operation: Operation | None = None
    params: QueryParams | None = None
    json: Any = None
    content: bytes | None = None
    headers: Mapping[str, str] | None = field(default=None, repr=False)
    restricted_data_token: str | None = field(default=None, repr=False)
    data_elements: tuple[str, ...] | None = None
    retry: RetryPolicy | None = None
    timeout: float | None = None


#: Signs a call's query when the request is built, after any limiter wait (Seller Center's legacy scheme: the
#: ``Timestamp`` is that of the send). Called once per attempt.
QuerySigner = Callable[[ApiCall], QueryParams]


@dataclass(frozen=True, slots=True)
class Credential:
    """What an :class:`Authenticator` adds to one attempt.

    - ``headers``: added to the request (``x-amz-access-token``, ``authorization``).
    - ``date_header``: a header the transport sets to the send time (``YYYYMMDDTHHMMSSZ``) when it builds the
      request, after any limiter wait: SP-API's ``x-amz-date``. The credential itself carries no time.
    - ``sign_query``: when set, the transport sends ``sign_query(call)`` as the query (signed at build time).
    - ``params`` replaces the call's query parameters when set.
    - ``token`` and ``kind`` let the authenticator forget a credential the server rejected.
    - ``renew_after`` (clock wall time): the token is due for refresh from then on. If the limiter's wait outlasted
      it, the transport gives the limiter's grant back and starts the attempt afresh (a new lookup, not counted as
      a retry). None: it stays good whatever the wait.

    Its ``repr`` shows none of the secrets (tracebacks rendered with locals).
    """

    headers: Mapping[str, str] = field(repr=False)
    params: QueryParams | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    kind: str = ""
    renew_after: float | None = None
    date_header: str | None = None
    sign_query: QuerySigner | None = field(default=None, repr=False)


class FormExchange(Protocol):
    """Sends the form POST of a token grant (LWA, Seller Center OAuth): not rate-limited, retried on connect errors,
    429 and 5xx with the retry policy, never redirected, its form and headers redacted. Returns the last response
    (any status: the caller turns a refusal into its error)."""

    async def post_form(
        self, url: str, form: Mapping[str, str], headers: Mapping[str, str] | None = None
    ) -> httpx.Response: ...


class Exchange(FormExchange, Protocol):
    """What the transport lends an authenticator on every attempt: its own ways of sending sub-requests.

    ``send`` carries out an :class:`ApiCall` through the transport's normal path (its authenticator, limiter,
    retries, typed errors), e.g. the Tokens API's ``createRestrictedDataToken``; ``post_form`` a token grant. An
    authenticator uses them only while it is asked (nothing is bound to it after construction)."""

    async def send(self, call: ApiCall) -> httpx.Response: ...


class Authenticator(Protocol):
    """The part of the send path that differs between SP-API and Seller Center."""

    @property
    def identity(self) -> str:
        """Names the application + seller for limiter keys (never a secret)."""
        ...

    async def authorize(self, call: ApiCall, exchange: Exchange) -> Credential:
        """The credential for one attempt of ``call``; a token it lacks is fetched with ``exchange``."""
        ...

    async def forget(self, call: ApiCall, credential: Credential, error: SPAPIError) -> bool:
        """Called when the server refused an attempt. Return True (after dropping the cached credential) if a
        fresh credential may succeed: the transport then tries once more without counting a retry."""
        ...


class Signer(Protocol):
    """Adds a signature to a fully built request (SigV4). Called last, on every attempt."""

    async def sign(self, request: httpx.Request) -> None: ...

    async def aclose(self) -> None: ...


#: Turns a response into the typed error it means, or None when it is a success. The default looks at the
#: status alone; an API that reports errors inside 200 bodies (Seller Center's legacy API) reads the body.
ResponseClassifier = Callable[["httpx.Response"], Awaitable["ApiError | None"]]
