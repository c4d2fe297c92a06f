"""The SP-API authenticator: which access token an attempt carries (LWA, grantless, RDT, or one the caller gave).

Auth as a flow: :meth:`SPAPIAuth.authorize` gets, with each attempt, the transport's
:class:`~spapi_async.call.Exchange`. A token it lacks is fetched with it: the LWA grant as a form POST, the
Restricted Data Token as a sub-request (``createRestrictedDataToken`` sent through the transport's normal path).
Nothing is bound to the authenticator after construction and it never holds a client. Fetches run single-flight,
detached from the caller that started them (:mod:`spapi_async.auth.flight`).

The credential names ``x-amz-date`` as its date header: the transport stamps it when it builds the request, after
the limiter's wait, so the credential itself never grows stale; its ``renew_after`` is only the token's own refresh
time (see the transport's module docstring).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..call import ApiCall, Credential, Exchange
from ..clock import Clock
from ..config import ClientConfig
from ..errors import SPAPIError
from ..operation import Operation
from .lwa import LWAAuth
from .rdt import RDTProvider
from .tokens import CachedToken, CachedTokenSource


class SPAPIAuth:
    """Adds ``x-amz-access-token`` to every attempt (and has the transport stamp ``x-amz-date``).

    - grantless operations: the client-credentials token for the operation's scope (``Operation.grantless_scope``;
      the client's ``grantless_scopes=`` override it), never the seller's token;
    - a Restricted Data Token for the operation's path template and the call's data elements when
      ``Operation.rdt`` is ``"always"``, or ``"on_request"`` and the call passed ``data_elements`` (``use_rdt=False``
      turns RDTs off; ``restricted_data_token=`` on a call wins);
    - everything else: the selling partner's LWA access token.

    ``operations`` is the registry (``sp.OPERATIONS``): the Tokens API's createRestrictedDataToken is looked up in
    it by key (:data:`~spapi_async.auth.rdt.RDT_OPERATION`) when the first RDT is needed.
    """

    def __init__(
        self,
        config: ClientConfig,
        tokens: CachedTokenSource,
        clock: Clock,
        *,
        operations: Mapping[str, Operation],
        use_rdt: bool = True,
    ) -> None:
        self.lwa = LWAAuth(config, tokens, clock)
        self.rdt = RDTProvider(tokens, clock, self.lwa.identity, operations)
        self.use_rdt = use_rdt
        self._tokens = tokens

    @property
    def identity(self) -> str:
        return self.lwa.identity

    def _data_elements(self, call: ApiCall) -> tuple[str, ...]:
        return call.data_elements or ()

    async def authorize(self, call: ApiCall, exchange: Exchange) -> Credential:
        op = call.operation
        cached: CachedToken | None
        if call.restricted_data_token:
            cached, token, kind = None, call.restricted_data_token, "given"
        else:
            if op is not None and op.grantless:
                cached = await self.lwa.cached_token(exchange, grantless=True, scope=op.grantless_scope)
                kind = "grantless"
            elif op is not None and self.use_rdt and _uses_rdt(op, call):
                cached = await self.rdt.cached_token(exchange, op.method, op.path, self._data_elements(call))
                kind = "rdt"
            else:
                cached, kind = await self.lwa.cached_token(exchange), "lwa"
            token = cached.value.get()
        # The transport starts the attempt afresh if the limiter's wait outlasts the token's refresh time.
        renew_after = None if cached is None or cached.use_once else cached.refresh_at(self._tokens.margin)
        return Credential(
            {"x-amz-access-token": token},
            token=token,
            kind=kind,
            renew_after=renew_after,
            date_header="x-amz-date",
        )

    async def forget(self, call: ApiCall, credential: Credential, error: SPAPIError) -> bool:
        if credential.kind == "given" or credential.token is None or not _credential_rejected(error):
            return False
        if credential.kind == "lwa":
            await self.lwa.invalidate(credential.token)
        elif credential.kind == "grantless" and call.operation is not None:
            await self.lwa.invalidate(credential.token, grantless=True, scope=call.operation.grantless_scope)
        elif credential.kind == "rdt" and call.operation is not None:
            op = call.operation
            await self.rdt.invalidate(op.method, op.path, self._data_elements(call), credential.token)
        return True

    def __repr__(self) -> str:
        return f"SPAPIAuth(identity={self.identity!r}, use_rdt={self.use_rdt!r})"


def _uses_rdt(op: Operation, call: ApiCall) -> bool:
    """Restricted data only when asked for: always-restricted operations, or optional PII with data_elements."""
    return op.rdt == "always" or (op.rdt == "on_request" and call.data_elements is not None)


def _credential_rejected(error: SPAPIError) -> bool:
    """401, or Amazon's 403 for an expired token: a fresh token may succeed. Other 403s (missing role) won't."""
    if error.status_code == 401:
        return True
    if error.status_code == 403:
        # Amazon says why in ``details``: "The access token you provided has expired." (message: "Access to
        # requested resource is denied.")
        return any("expired" in f"{e.message} {e.details or ''}".lower() for e in error.errors)
    return False
