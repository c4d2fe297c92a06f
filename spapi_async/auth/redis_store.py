"""``RedisTokenStore``: LWA access tokens and Restricted Data Tokens shared by every process of an application.

With it, a token is fetched once per expiry for all processes: :class:`~spapi_async.auth.tokens.CachedTokenSource`
coalesces the callers of one process, and :meth:`RedisTokenStore.refresh_lock` - a short Redis lock - lets one
process at a time refresh a key, so the others find the new token when they get the lock.

Trust: a token is stored in Redis in clear, under ``<namespace>:token:<key>`` with its expiry as the key's TTL, and
nowhere else. Whoever can read that Redis can call SP-API as your application for those selling partners until
the tokens expire (an hour for LWA access tokens and RDTs as Amazon issues them today). Give the Redis the same
protection as the tokens: a private network or TLS (``rediss://``), a password or an ACL user restricted to the
namespace, no persistence to shared disks. Refresh tokens, client secrets and AWS keys are never written to Redis;
key names hold only client ids and hashes, and token values never appear in logs or reprs.
"""

from __future__ import annotations

import contextlib
import json
import math
import secrets
from collections.abc import AsyncIterator
from types import TracebackType
from typing import TYPE_CHECKING

import anyio

from .._redis import (
    Health,
    OnError,
    check_on_error,
    connection_errors,
    lua_script,
    make_client,
    redacted_url,
    require_asyncio,
)
from ..clock import SYSTEM_CLOCK, Clock
from ..config import Secret
from ..errors import ConfigurationError
from ..throttle.bounds import OnceLog
from .tokens import CachedToken, InMemoryTokenStore

if TYPE_CHECKING:
    from redis.asyncio import Redis, RedisCluster
    from redis.commands.core import AsyncScript

# The Lua is in ``auth/lua/`` (package data); key_type.lua (the key's type as ``kind``) is shared.

#: Deletes the lock only if it still holds our value (it may have expired and been taken by someone else).
RELEASE_LOCK = lua_script("spapi_async.auth", "release_lock.lua")


#: KEYS[1] token key; ARGV[1] the longest TTL (ms) a token of ours has. Returns {value or '', what failed
#: validation or ''}: a key of another type, or without a TTL / with a longer one than we ever set, is deleted.
GET_TOKEN = lua_script("spapi_async.auth", "key_type.lua", "get_token.lua")

#: KEYS[1] lock key; ARGV: our value, lock TTL ms. Takes the lock if free; a lock of another type, without a TTL or
#: with a longer one than ours is poisoned (it would never be freed in time) and is deleted first. Returns
#: {1 if taken, what failed validation or ''}.
TAKE_LOCK = lua_script("spapi_async.auth", "key_type.lua", "take_lock.lua")

#: The longest a token is kept in Redis (seconds), whatever expiry it claims: LWA access tokens and RDTs live an
#: hour, Seller Center's OAuth tokens hours; a day bounds a wrong ``expires_in``.
MAX_TOKEN_TTL = 86400.0


class RedisTokenStore:
    """A :class:`~spapi_async.auth.tokens.TokenStore` in Redis, shared across processes and machines.

    Tokens live only in Redis while it answers; tokens fetched during an outage are kept in this process until
    it is back. ``url`` may be ``redis+cluster://host:port`` for a Redis Cluster; ``client`` any redis-py asyncio
    client (``Redis``, ``RedisCluster``, a Sentinel ``master_for(...)``). Whatever the client raises, and any call
    longer than twice ``socket_timeout``, counts as an outage. What it reads is validated: a key of another type,
    without a TTL or with a longer one than a token of ours has, or a value that is not a token, is deleted and
    logged once per key. Tokens are kept at most :data:`MAX_TOKEN_TTL` seconds.

    ``lock_timeout`` bounds how long one refresh may hold the lock (it expires by itself if its holder dies);
    ``lock_wait`` bounds how long a caller waits for another's refresh before refreshing itself. When Redis is
    unreachable the store keeps tokens in process (``on_error="fallback"``, one warning per outage) or raises
    (``on_error="raise"``).
    """

    def __init__(
        self,
        url: str | None = None,
        *,
        namespace: str = "spapi",
        client: Redis | RedisCluster | None = None,
        on_error: OnError = "fallback",
        clock: Clock | None = None,
        lock_timeout: float = 10.0,
        lock_wait: float = 15.0,
        socket_timeout: float = 1.0,
        retry_interval: float = 2.0,
    ) -> None:
        if not namespace or any(c.isspace() for c in namespace):
            raise ConfigurationError(f"namespace must be a non-empty word, got {namespace!r}")
        if not 0 < lock_timeout <= 3600 or not 0 <= lock_wait <= 3600:
            raise ConfigurationError("lock_timeout must be > 0 and lock_wait >= 0 (an hour at most)")
        self._redis, self._owns_redis = make_client(url, client, socket_timeout=socket_timeout, what="RedisTokenStore")
        self._url = redacted_url(url) if url is not None else None
        self.namespace = namespace
        self._clock = clock or SYSTEM_CLOCK
        self._health = Health(
            "RedisTokenStore",
            check_on_error(on_error),
            self._clock,
            retry_interval,
            "keeping tokens in this process only",
        )
        self._errors = connection_errors()
        self._local = InMemoryTokenStore()
        self._lock_ms = max(1, int(lock_timeout * 1000))
        self._lock_wait = lock_wait
        self._timeout = 2 * socket_timeout
        self._release: AsyncScript = self._redis.register_script(RELEASE_LOCK)
        self._get_token: AsyncScript = self._redis.register_script(GET_TOKEN)
        self._take: AsyncScript = self._redis.register_script(TAKE_LOCK)
        self._reset_log = OnceLog("RedisTokenStore")

    @property
    def redis(self) -> Redis | RedisCluster:
        return self._redis

    def token_key(self, key: str) -> str:
        return f"{self.namespace}:token:{key}"

    def lock_key(self, key: str) -> str:
        return f"{self.namespace}:lock:{key}"

    # ------------------------------------------------------------------ TokenStore

    async def get(self, key: str) -> CachedToken | None:
        if not self._health.should_try():
            return await self._local.get(key)
        require_asyncio("RedisTokenStore")
        name = self.token_key(key)
        try:
            with anyio.fail_after(self._timeout):
                raw, bad = await self._get_token(keys=[name], args=[str(int(MAX_TOKEN_TTL * 1000) + 1000)])
        except self._errors as exc:
            self._health.failed(exc)
            return await self._local.get(key)
        self._health.succeeded()
        if bad:
            self._reset_log.warn(name, "token key", bad.decode() if isinstance(bad, bytes) else str(bad))
        if not raw:
            return None
        token = _parse_token(raw, self._clock.time())
        if token is None:  # not ours or corrupt: deleted (the next set writes a good one)
            self._reset_log.warn(name, "token value", "not a token of ours")
            with contextlib.suppress(*self._errors):
                with anyio.fail_after(self._timeout):
                    await self._redis.delete(name)
        return token

    async def set(self, key: str, token: CachedToken) -> None:
        if not self._health.should_try():
            await self._local.set(key, token)
            return
        require_asyncio("RedisTokenStore")
        remaining = token.expires_at - self._clock.time()
        ttl_ms = int(min(remaining, MAX_TOKEN_TTL) * 1000) if math.isfinite(remaining) else 0
        payload = json.dumps({"v": token.value.get(), "e": token.expires_at, "l": token.lifetime})
        try:
            with anyio.fail_after(self._timeout):
                if ttl_ms > 0:
                    await self._redis.set(self.token_key(key), payload, px=ttl_ms)
                else:
                    await self._redis.delete(self.token_key(key))
        except self._errors as exc:
            self._health.failed(exc)
            await self._local.set(key, token)  # only while Redis is unreachable
        else:
            self._health.succeeded()

    async def delete(self, key: str) -> None:
        await self._local.delete(key)
        if not self._health.should_try():
            return
        require_asyncio("RedisTokenStore")
        try:
            with anyio.fail_after(self._timeout):
                await self._redis.delete(self.token_key(key))
        except self._errors as exc:
            self._health.failed(exc)
        else:
            self._health.succeeded()

    @contextlib.asynccontextmanager
    async def refresh_lock(self, key: str) -> AsyncIterator[None]:
        """Held while this process refreshes ``key``: ``SET NX PX`` with a random value, released only if still
        ours. Waits (polling, 20 ms growing to 250 ms) at most ``lock_wait`` seconds, then goes on without it."""
        if not self._health.should_try():
            yield
            return
        require_asyncio("RedisTokenStore")
        name = self.lock_key(key)
        value = secrets.token_hex(16)
        held = False
        try:
            held = await self._take_lock(name, value)
        except self._errors as exc:
            self._health.failed(exc)
        try:
            yield
        finally:
            if held:
                with anyio.move_on_after(2.0, shield=True):
                    with contextlib.suppress(*self._errors):  # else it expires by itself within lock_timeout
                        await self._release(keys=[name], args=[value])

    async def _take_lock(self, name: str, value: str) -> bool:
        deadline = self._clock.monotonic() + self._lock_wait
        pause = 0.02
        while True:
            with anyio.fail_after(self._timeout):
                taken, bad = await self._take(keys=[name], args=[value, str(self._lock_ms)])
            if bad:
                self._reset_log.warn(name, "lock key", bad.decode() if isinstance(bad, bytes) else str(bad))
            if taken:
                self._health.succeeded()
                return True
            if self._clock.monotonic() >= deadline:
                return False
            await self._clock.sleep(pause)
            pause = min(pause * 1.5, 0.25)

    # ------------------------------------------------------------------ lifetime

    async def aclose(self) -> None:
        if self._owns_redis:
            await self._redis.aclose()

    async def __aenter__(self) -> RedisTokenStore:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        where = self._url if self._url is not None else "client"
        return f"RedisTokenStore({where!r}, namespace={self.namespace!r})"


def _parse_token(raw: bytes | str, now: float) -> CachedToken | None:
    """A stored token, or None when the value is not one of ours: JSON ``{"v": non-empty text, "e": expiry}`` with
    a finite expiry no further than :data:`MAX_TOKEN_TTL` (and a minute of clock skew) from ``now``, and a lifetime
    ``"l"`` that is absent or a finite number of seconds up to that bound."""
    try:
        data = json.loads(raw)
        value, expires = data["v"], float(data["e"])
        lifetime = None if data.get("l") is None else float(data["l"])
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    if not isinstance(value, str) or not value or not math.isfinite(expires):
        return None
    if expires - now > MAX_TOKEN_TTL + 60:
        return None
    if lifetime is not None and not (math.isfinite(lifetime) and 0 <= lifetime <= MAX_TOKEN_TTL):
        return None
    return CachedToken(Secret(value), expires, lifetime)
