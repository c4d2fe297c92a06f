"""Plumbing shared by :class:`~spapi_async.throttle.redis.RedisLimiter` and
:class:`~spapi_async.auth.redis_store.RedisTokenStore` (extra ``redis``).

Only these two modules import it, and only they import redis-py, so ``import spapi_async`` stays free of it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit, urlunsplit

from .clock import Clock
from .errors import ConfigurationError, TransportError

if TYPE_CHECKING:
    from redis.asyncio import Redis, RedisCluster

#: Connections our own (non-cluster) clients may open: one per script call in flight. redis-py 8 caps a pool at
#: 100 by default, and a 101st concurrent caller would get ``MaxConnectionsError`` (an outage, to us).
MAX_CONNECTIONS = 10_000

#: URL schemes that make a Redis Cluster client (``redis+cluster://host:port``: any node of the cluster).
CLUSTER_SCHEMES = {"redis+cluster": "redis", "rediss+cluster": "rediss"}

OnError = Literal["fallback", "raise"]

logger = logging.getLogger("spapi_async")


class RedisUnavailableError(TransportError):
    """Redis could not be reached and the limiter or token store was built with ``on_error="raise"``.

    Nothing was sent to Amazon (``request_sent`` is False).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message, request_sent=False)


def check_on_error(on_error: str) -> OnError:
    if on_error == "fallback":
        return "fallback"
    if on_error == "raise":
        return "raise"
    raise ConfigurationError(f"on_error must be 'fallback' or 'raise', got {on_error!r}")


def lua_script(package: str, *names: str) -> str:
    """A Lua script shipped as package data in ``package``'s ``lua/`` folder: the named parts, in order (shared
    parts first, each file one part). Every part gets the newline in front that it had as a Python string."""
    from importlib.resources import files

    folder = files(package).joinpath("lua")
    return "".join("\n" + folder.joinpath(name).read_text(encoding="utf-8") for name in names)


def redacted_url(url: str) -> str:
    """``url`` without its user name and password (for reprs and logs)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, f"***@{host}", parts.path, parts.query, parts.fragment))


def make_client(
    url: str | None,
    client: Redis | RedisCluster | None,
    *,
    socket_timeout: float,
    what: str,
) -> tuple[Redis | RedisCluster, bool]:
    """The redis-py asyncio client to use and whether we own it (and so close it).

    ``redis://``, ``rediss://`` and ``unix://`` URLs make a ``redis.asyncio.Redis``; ``redis+cluster://`` and
    ``rediss+cluster://`` (any node of the cluster) a ``redis.asyncio.RedisCluster``. Our own clients fail fast
    (short socket timeouts, one immediate reconnect attempt per command, which is what makes a restarted server
    transparent) so that a dead Redis costs a request milliseconds, not seconds.
    """
    if (url is None) == (client is None):
        raise ConfigurationError(
            f"{what} needs exactly one of url='redis://...' (or 'redis+cluster://...') or client=<a redis.asyncio "
            "client: Redis, RedisCluster, or Sentinel(...).master_for(name)>"
        )
    if client is not None:
        return client, False
    assert url is not None
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme not in ("redis", "rediss", "unix", *CLUSTER_SCHEMES):
        raise ConfigurationError(
            f"{what}: url must start with redis://, rediss://, unix://, redis+cluster:// or rediss+cluster://, "
            f"got {redacted_url(url)!r}"
        )
    if not 0 < socket_timeout < float("inf"):
        raise ConfigurationError(f"{what}: socket_timeout must be > 0 and finite, got {socket_timeout!r}")
    try:
        from redis.asyncio import Redis as _Redis
        from redis.asyncio import RedisCluster as _RedisCluster
        from redis.asyncio.retry import Retry
        from redis.backoff import NoBackoff
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ConfigurationError(f"{what} needs the redis extra: pip install 'spapi-async[redis]'") from exc
    if scheme in CLUSTER_SCHEMES:
        plain = CLUSTER_SCHEMES[scheme] + url[len(scheme) :]
        cluster_client = _RedisCluster.from_url(
            plain,
            socket_timeout=socket_timeout,
            socket_connect_timeout=socket_timeout,
            retry=Retry(NoBackoff(), 1),
        )
        return cluster_client, True
    redis_client = _Redis.from_url(
        url,
        max_connections=MAX_CONNECTIONS,
        socket_timeout=socket_timeout,
        socket_connect_timeout=socket_timeout,
        retry=Retry(NoBackoff(), 1),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
    )
    return redis_client, True


def connection_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "Redis is not usable right now": all of them. Whatever a client raises - a
    connection error, a timeout, a cluster client's ``AttributeError`` from a connection torn down under it, an
    error from poisoned state - the caller must not see it; the owner falls back in process instead."""
    return (Exception,)


def require_asyncio(what: str) -> None:
    """redis-py's client runs on asyncio only; say so clearly under trio."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        raise ConfigurationError(
            f"{what} needs asyncio (redis-py's asyncio client); under trio use the in-process default instead"
        ) from None


class Health:
    """Whether Redis is reachable, as last seen; decides when to try it again after a failure.

    While Redis is down the owner works in process (``on_error="fallback"``) and tries Redis again every
    ``retry_interval`` seconds; each outage logs one warning and each recovery one info line.
    """

    __slots__ = ("_clock", "_retry_at", "down", "fallback_note", "on_error", "outages", "retry_interval", "what")

    def __init__(self, what: str, on_error: OnError, clock: Clock, retry_interval: float, fallback_note: str) -> None:
        if not retry_interval >= 0:
            raise ConfigurationError(f"retry_interval must be >= 0, got {retry_interval!r}")
        self.what = what
        self.fallback_note = fallback_note
        self.on_error = on_error
        self.retry_interval = retry_interval
        self._clock = clock
        self._retry_at = 0.0
        self.down = False
        self.outages = 0

    def should_try(self) -> bool:
        """Whether to use Redis now (always with ``on_error="raise"``: there is nothing else to use)."""
        return self.on_error == "raise" or not self.down or self._clock.monotonic() >= self._retry_at

    def failed(self, exc: BaseException, *, may_raise: bool = True) -> None:
        """Record a failure; raises :class:`RedisUnavailableError` when the owner must not fall back (unless
        ``may_raise`` is False: for updates after the fact, such as a response already received)."""
        self._retry_at = self._clock.monotonic() + self.retry_interval
        if not self.down:
            self.down = True
            self.outages += 1
            if self.on_error == "fallback":
                logger.warning(
                    "%s: Redis is unreachable (%s); %s until it is back",
                    self.what,
                    type(exc).__name__,
                    self.fallback_note,
                )
        if self.on_error == "raise" and may_raise:
            raise RedisUnavailableError(f"{self.what}: Redis is unreachable ({type(exc).__name__}: {exc})") from exc

    def succeeded(self) -> None:
        if self.down:
            self.down = False
            logger.info("%s: Redis is reachable again; shared state resumed", self.what)
