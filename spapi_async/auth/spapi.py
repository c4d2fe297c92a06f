"""The SP-API authenticator: which access token an attempt carries (LWA, grantless, RDT, or one the caller gave)."""

from __future__ import annotations

import time

from ..clock import Clock
from ..config import ClientConfig
from ..errors import SPAPIError
from ..operation import Operation
from ..transport import ApiCall, Credential, FormPoster
from .lwa import LWAAuth
from .rdt import RDTProvider, RDTRequester
from .tokens import CachedToken, CachedTokenSource

#: An attempt that waited for the limiter longer than this asks for its credential again, so ``x-amz-date`` (which
#: a SigV4 signature covers) stays within a minute of the send. The token is a cache hit unless it aged out.
DATE_TOLERANCE = 60.0


class SPAPIAuth:
    """Adds ``x-amz-access-token`` and ``x-amz-date`` to every attempt.

    - grantless operations: the client-credentials token for the operation's scope (``Operation.grantless_scope``;
      the client's ``grantless_scopes=`` override it), never the seller's token;
    - a Restricted Data Token for the operation's path template and the call's data elements when
      ``Operation.rdt`` is ``"always"``, or ``"on_request"`` and the call passed ``data_elements`` (``use_rdt=False``
      turns RDTs off; ``restricted_data_token=`` on a call wins);
    - everything else: the selling partner's LWA access token.
    """

    def __init__(
        self,
        config: ClientConfig,
        tokens: CachedTokenSource,
        post_form: FormPoster,
        clock: Clock,
        *,
        use_rdt: bool = True,
    ) -> None:
        self.lwa = LWAAuth(config, tokens, post_form, clock)
        self.use_rdt = use_rdt
        self._clock = clock
        self._rdt: RDTProvider | None = None
        self._tokens = tokens
        self._date_second = -1
        self._date_value = ""

    @property
    def identity(self) -> str:
        return self.lwa.identity

    def bind_rdt(self, request: RDTRequester) -> None:
        """Give the authenticator its way to call the Tokens API (through the transport it serves)."""
        self._rdt = RDTProvider(self._tokens, request, self._clock, self.lwa.identity)

    @property
    def rdt(self) -> RDTProvider:
        if self._rdt is None:
            raise RuntimeError("SPAPIAuth.bind_rdt() was not called")
        return self._rdt

    def _amz_date(self) -> str:
        second = int(self._clock.time())
        if second != self._date_second:
            self._date_second = second
            self._date_value = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(second))
        return self._date_value

    def _data_elements(self, call: ApiCall) -> tuple[str, ...]:
        return call.data_elements or ()

    async def authorize(self, call: ApiCall) -> Credential:
        op = call.operation
        cached: CachedToken | None
        if call.restricted_data_token:
            cached, token, kind = None, call.restricted_data_token, "given"
        else:
            if op is not None and op.grantless:
                cached, kind = await self.lwa.cached_token(grantless=True, scope=op.grantless_scope), "grantless"
            elif op is not None and self.use_rdt and _uses_rdt(op, call):
                cached, kind = await self.rdt.cached_token(op.method, op.path, self._data_elements(call)), "rdt"
            else:
                cached, kind = await self.lwa.cached_token(), "lwa"
            token = cached.value.get()
        now = self._clock.time()
        # Asked again after a long limiter wait: when the token is due for refresh, or x-amz-date got old.
        renew_after = now + DATE_TOLERANCE
        if cached is not None and not cached.use_once:
            renew_after = min(renew_after, cached.refresh_at(self._tokens.margin))
        return Credential(
            {"x-amz-access-token": token, "x-amz-date": self._amz_date()},
            token=token,
            kind=kind,
            renew_after=renew_after,
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
