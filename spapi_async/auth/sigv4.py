"""AWS Signature Version 4 for SP-API requests (optional).

Amazon stopped requiring SigV4 on SP-API calls in October 2023, but applications registered earlier with an IAM
user or role may still sign. Give the client ``aws_access_key`` + ``aws_secret_key`` (optionally
``aws_session_token``), and/or ``role_arn`` (assumed through STS; needs the ``sigv4`` extra for aiobotocore), and
every attempt is signed last, after all other headers are set, for the service ``execute-api`` in the endpoint's
AWS region.

The signature itself is computed here with the standard library (canonical request → string to sign → HMAC
chain); aiobotocore is used only to call STS ``AssumeRole``. Role credentials are refreshed a few minutes before
they expire, by one caller at a time (double-checked, single-flight), with time read from the injected clock.
"""

from __future__ import annotations

import calendar
import hashlib
import hmac
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote, unquote_plus

import httpx

from .._dates import amz_date_of
from ..clock import Clock
from ..config import ClientConfig, Secret
from ..errors import AuthError, ConfigurationError
from .tokens import SingleFlight

if TYPE_CHECKING:
    from ..call import Signer

logger = logging.getLogger("spapi_async")

SERVICE = "execute-api"
ALGORITHM = "AWS4-HMAC-SHA256"
#: Refresh assumed-role credentials this many seconds before they expire.
REFRESH_MARGIN = 300.0
#: Lifetime asked of STS for assumed-role credentials (STS's default and the minimum every role allows).
ROLE_DURATION = 3600
_EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
_UNRESERVED = "-_.~"  # with letters and digits: never percent-encoded in a canonical query string
_EXTRA_INSTALL = "pip install 'spapi-async[sigv4]'"


@dataclass(frozen=True, slots=True)
class AwsCredentials:
    """An AWS key pair, an optional session token, and when they stop working (epoch seconds, None: never)."""

    access_key: Secret = field(repr=False)
    secret_key: Secret = field(repr=False)
    session_token: Secret | None = field(default=None, repr=False)
    expires_at: float | None = None

    def fresh(self, now: float, margin: float = REFRESH_MARGIN) -> bool:
        return self.expires_at is None or now < self.expires_at - margin


class CredentialProvider(Protocol):
    """Where a signer gets its credentials for each request."""

    async def credentials(self) -> AwsCredentials: ...

    async def aclose(self) -> None: ...


class StaticCredentials:
    """Credentials given once (an IAM user's keys, or keys plus a session token obtained elsewhere)."""

    def __init__(self, credentials: AwsCredentials) -> None:
        self._credentials = credentials

    async def credentials(self) -> AwsCredentials:
        return self._credentials

    async def aclose(self) -> None:
        return None

    def __repr__(self) -> str:
        return "StaticCredentials(**********)"


class AssumeRoleCredentials:
    """Temporary credentials of ``role_arn``, obtained with STS ``AssumeRole`` through aiobotocore.

    ``base`` are the credentials that call STS; None lets aiobotocore find them (environment, config files,
    instance or container role). The STS endpoint is the regional one for ``region``, or ``endpoint_url``, or
    whatever ``AWS_ENDPOINT_URL_STS`` names. Credentials are renewed ``margin`` seconds before they expire; concurrent
    callers share one renewal, and a caller that waited re-checks before renewing again.
    """

    def __init__(
        self,
        role_arn: str,
        *,
        region: str,
        clock: Clock,
        base: AwsCredentials | None = None,
        session_name: str = "spapi-async",
        duration: int = ROLE_DURATION,
        margin: float = REFRESH_MARGIN,
        endpoint_url: str | None = None,
    ) -> None:
        try:
            from aiobotocore.session import get_session
        except ImportError as exc:
            raise ConfigurationError(f"role_arn needs aiobotocore for STS AssumeRole: {_EXTRA_INSTALL}") from exc
        self.role_arn = role_arn
        self._region = region
        self._clock = clock
        self._base = base
        self._session_name = session_name
        self._duration = duration
        self._margin = margin
        self._endpoint_url = endpoint_url
        self._session = get_session()
        self._current: AwsCredentials | None = None
        self._flight: SingleFlight[AwsCredentials] = SingleFlight()
        self.refresh_count = 0

    async def credentials(self) -> AwsCredentials:
        current = self._current
        if current is not None and current.fresh(self._clock.time(), self._margin):
            return current
        return await self._flight.run("assume-role", self._refresh)

    async def _refresh(self) -> AwsCredentials:
        current = self._current  # double-check: a renewal may have finished while this caller waited
        if current is not None and current.fresh(self._clock.time(), self._margin):
            return current
        fresh = await self._assume_role()
        self._current = fresh
        self.refresh_count += 1
        return fresh

    async def _assume_role(self) -> AwsCredentials:
        kwargs: dict[str, Any] = {"region_name": self._region}
        if self._endpoint_url is not None:
            kwargs["endpoint_url"] = self._endpoint_url
        if self._base is not None:
            kwargs["aws_access_key_id"] = self._base.access_key.get()
            kwargs["aws_secret_access_key"] = self._base.secret_key.get()
            if self._base.session_token is not None:
                kwargs["aws_session_token"] = self._base.session_token.get()
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            async with self._session.create_client("sts", **kwargs) as sts:
                answer = await sts.assume_role(
                    RoleArn=self.role_arn,
                    RoleSessionName=self._session_name,
                    DurationSeconds=self._duration,
                )
        except ClientError as exc:
            error = exc.response.get("Error", {})
            raise AuthError(
                f"STS AssumeRole of {self.role_arn} failed: {error.get('Code', 'Unknown')}",
                status_code=exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode"),
                request_id=exc.response.get("ResponseMetadata", {}).get("RequestId"),
            ) from None
        except BotoCoreError as exc:
            raise AuthError(f"STS AssumeRole of {self.role_arn} failed: {type(exc).__name__}") from None
        creds = answer["Credentials"]
        expiration = creds["Expiration"]  # a timezone-aware datetime
        logger.debug("assumed role %s until %s", self.role_arn, expiration.isoformat())
        return AwsCredentials(
            access_key=Secret(creds["AccessKeyId"]),
            secret_key=Secret(creds["SecretAccessKey"]),
            session_token=Secret(creds["SessionToken"]),
            expires_at=float(calendar.timegm(expiration.utctimetuple())),
        )

    async def aclose(self) -> None:
        return None

    def __repr__(self) -> str:
        return f"AssumeRoleCredentials(role_arn={self.role_arn!r})"


# ---------------------------------------------------------------------------------------------- the algorithm


def canonical_path(raw_path: str) -> str:
    """The canonical URI of a (percent-encoded) request path: dot segments and empty segments removed, then every
    segment encoded once more, as SigV4 asks of every service except S3."""
    segments: list[str] = []
    for segment in raw_path.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if segments:
                segments.pop()
            continue
        segments.append(segment)
    if not segments:
        return "/"
    path = "/" + "/".join(segments)
    if raw_path.endswith("/"):
        path += "/"
    return quote(path, safe="/~")


def canonical_query(pairs: Iterable[tuple[str, str]]) -> str:
    """Decoded ``(name, value)`` pairs, each strictly percent-encoded, sorted by name then value."""
    encoded = sorted((quote(k, safe=_UNRESERVED), quote(v, safe=_UNRESERVED)) for k, v in pairs)
    return "&".join(f"{k}={v}" for k, v in encoded)


def query_pairs(raw_query: str) -> list[tuple[str, str]]:
    """Split a raw query string into decoded pairs (form decoding: httpx writes a space as ``+``, a plus as ``%2B``)."""
    if not raw_query:
        return []
    pairs = []
    for part in raw_query.split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        pairs.append((unquote_plus(name), unquote_plus(value)))
    return pairs


def signing_key(secret_key: str, date: str, region: str, service: str) -> bytes:
    """``kSigning``: the secret key run through HMAC-SHA256 with the date, the region, the service, 'aws4_request'."""
    key = ("AWS4" + secret_key).encode()
    for part in (date, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return key


@dataclass(frozen=True, slots=True)
class SignedParts:
    """Every intermediate value of one signature (for tests and debugging; never logged: it names the key id)."""

    canonical_request: str
    string_to_sign: str
    signed_headers: str
    signature: str
    authorization: str = field(repr=False)


def compute_signature(
    *,
    method: str,
    raw_path: str,
    query: Iterable[tuple[str, str]],
    headers: Mapping[str, str],
    payload_hash: str,
    amz_date: str,
    region: str,
    service: str,
    access_key: str,
    key: bytes,
) -> SignedParts:
    """Sign one request. ``headers`` are the headers to sign (any case; values are trimmed); ``key`` is
    :func:`signing_key` for ``amz_date[:8]``."""
    canonical = sorted((name.lower(), " ".join(value.split())) for name, value in headers.items())
    signed_headers = ";".join(name for name, _ in canonical)
    canonical_request = "\n".join(
        (
            method.upper(),
            canonical_path(raw_path),
            canonical_query(query),
            "".join(f"{name}:{value}\n" for name, value in canonical),
            signed_headers,
            payload_hash,
        )
    )
    scope = f"{amz_date[:8]}/{region}/{service}/aws4_request"
    string_to_sign = "\n".join((ALGORITHM, amz_date, scope, hashlib.sha256(canonical_request.encode()).hexdigest()))
    signature = hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()
    authorization = (
        f"{ALGORITHM} Credential={access_key}/{scope}, SignedHeaders={signed_headers}, Signature={signature}"
    )
    return SignedParts(canonical_request, string_to_sign, signed_headers, signature, authorization)


def headers_to_sign(headers: httpx.Headers) -> dict[str, str]:
    """``host``, ``content-type`` and every ``x-amz-*`` header: what SigV4 needs, and nothing a proxy or the HTTP
    layer might rewrite on the way (``connection``, ``accept-encoding``, ``user-agent``)."""
    return _scan(headers)[0]


_REPLACED = (b"authorization", b"x-amz-security-token")  # set afresh on every signing


def _scan(headers: httpx.Headers) -> tuple[dict[str, str], bool]:
    """The headers to sign (lower-case names, repeated names joined with ','), from the raw bytes in one pass; and
    whether the request already carries a header that signing sets afresh (a retried request)."""
    chosen: dict[str, str] = {}
    stale = False
    for raw_name, raw_value in headers.raw:
        name = raw_name.lower()
        if name in _REPLACED:
            stale = True
        elif name == b"host" or name == b"content-type" or name.startswith(b"x-amz-"):
            key, value = name.decode("latin-1"), raw_value.decode("latin-1")
            chosen[key] = f"{chosen[key]},{value}" if key in chosen else value
    return chosen, stale


class SigV4Signer:
    """Signs built ``httpx.Request`` objects in place (the transport's :class:`~spapi_async.call.Signer`)."""

    def __init__(self, provider: CredentialProvider, *, region: str, clock: Clock, service: str = SERVICE) -> None:
        self.provider = provider
        self.region = region
        self.service = service
        self._clock = clock
        self._key_cache: tuple[str, str, bytes] | None = None  # (secret key, date, signing key)

    def _key(self, secret: str, date: str) -> bytes:
        cached = self._key_cache
        if cached is not None and cached[0] == secret and cached[1] == date:
            return cached[2]
        key = signing_key(secret, date, self.region, self.service)
        self._key_cache = (secret, date, key)
        return key

    async def sign(self, request: httpx.Request) -> None:
        creds = await self.provider.credentials()
        headers = request.headers
        signed, stale = _scan(headers)
        if stale:  # a retry of an already signed request: its old signature and token go
            for name in ("authorization", "x-amz-security-token"):
                if name in headers:
                    del headers[name]
        amz_date = signed.get("x-amz-date")
        if not amz_date:
            amz_date = signed["x-amz-date"] = headers["x-amz-date"] = amz_date_of(self._clock.time())
        if creds.session_token is not None:
            token = creds.session_token.get()
            signed["x-amz-security-token"] = headers["x-amz-security-token"] = token
        try:
            body = request.content
        except httpx.RequestNotRead:
            body = await request.aread()
        raw_path, _, raw_query = request.url.raw_path.decode("ascii").partition("?")
        parts = compute_signature(
            method=request.method,
            raw_path=raw_path,
            query=query_pairs(raw_query),
            headers=signed,
            payload_hash=hashlib.sha256(body).hexdigest() if body else _EMPTY_SHA256,
            amz_date=amz_date,
            region=self.region,
            service=self.service,
            access_key=creds.access_key.get(),
            key=self._key(creds.secret_key.get(), amz_date[:8]),
        )
        headers["authorization"] = parts.authorization

    async def aclose(self) -> None:
        await self.provider.aclose()

    def __repr__(self) -> str:
        return f"SigV4Signer(region={self.region!r}, service={self.service!r}, provider={self.provider!r})"


def create_signer(config: ClientConfig, *, clock: Clock) -> Signer:
    """The signer for a client configuration: static keys, or ``role_arn`` assumed with them (or with the default
    AWS credential chain when no keys are given)."""
    base: AwsCredentials | None = None
    if config.aws_access_key and config.aws_secret_key:
        base = AwsCredentials(config.aws_access_key, config.aws_secret_key, config.aws_session_token or None)
    provider: CredentialProvider
    if config.role_arn is not None:
        provider = AssumeRoleCredentials(
            config.role_arn,
            region=config.region.aws_region,
            clock=clock,
            base=base,
            session_name=config.role_session_name,
        )
    elif base is not None:
        provider = StaticCredentials(base)
    else:
        raise ConfigurationError("SigV4 signing needs aws_access_key and aws_secret_key, or role_arn")
    return SigV4Signer(provider, region=config.region.aws_region, clock=clock)
