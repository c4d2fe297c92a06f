"""``RedisLimiter``: the usage plans of :mod:`spapi_async.throttle` shared by every process of an application.

Amazon counts requests per application + selling partner + region + operation, whichever process sends them. Each
key's state lives in one Redis key and is changed only by the Lua scripts below, which run atomically on the
server and read the server's clock (``TIME``), so the clocks of the client machines do not matter.

Token bucket (:class:`~spapi_async.operation.UsagePlan`): ``rate`` tokens per second refilled continuously up to
``burst``. A request takes one token; when none is left the token is *reserved*: the count goes below zero and
the script answers how long until that token exists (``-tokens / rate``). The caller sleeps exactly that long,
once, instead of polling Redis; reservations are served in the order the script ran them. A caller cancelled
while it sleeps gives its token back (exact: the state becomes what it would be had it never asked).

Sliding window (a plan with ``limit`` and ``window``, for Seller Center's "N per W seconds"): a sorted set holds
the grant times of the last ``limit`` requests, reservations included; a new request is due when the oldest of
them leaves the window.

``observe`` updates the same state: ``x-amzn-RateLimit-Limit`` sets the key's rate (refilling at the old rate up
to that instant) and a 429 empties the bucket (or fills the window), so every process slows down at once.

When Redis cannot be reached the limiter falls back to the in-process :class:`~spapi_async.throttle.limiter.Limiter`
with one warning per outage (``on_error="fallback"``, the default) or raises
:class:`~spapi_async._redis.RedisUnavailableError` (``on_error="raise"``); it tries Redis again every
``retry_interval`` seconds, and redis-py reconnects by itself.
"""

from __future__ import annotations

import contextlib
import importlib
import math
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, runtime_checkable

import anyio

from .._redis import Health, OnError, check_on_error, connection_errors, make_client, redacted_url, require_asyncio
from ..clock import SYSTEM_CLOCK, Clock
from ..errors import ConfigurationError, parse_rate_limit
from ..operation import UsagePlan
from .base import LimiterBackend, LimitKey

if TYPE_CHECKING:
    from redis.asyncio import Redis
    from redis.commands.core import AsyncScript

# Times in the scripts are integer microseconds of the server's clock (exact in a double until the year 2255).
# Lua numbers returned to Redis become integers, so fractional values travel as strings.

_PROLOGUE = """
if redis.replicate_commands then pcall(redis.replicate_commands) end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
"""

#: KEYS[1] bucket hash; ARGV: plan rate, plan burst, idle TTL ms, "1" to let a header rate replace the plan's.
#: Returns {server now us, wait us, effective rate}.
BUCKET_ACQUIRE = (
    _PROLOGUE
    + """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local s = redis.call('HMGET', KEYS[1], 't', 'ts', 'hr')
if ARGV[4] == '1' and s[3] then rate = tonumber(s[3]) end
local tokens = tonumber(s[1])
local ts = tonumber(s[2])
if tokens == nil or ts == nil then
  tokens = burst
elseif now > ts then
  tokens = math.min(burst, tokens + (now - ts) * rate / 1000000)
else
  now = ts
end
tokens = tokens - 1
local wait = 0
if tokens < 0 then wait = math.ceil(-tokens * 1000000 / rate) end
redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'ts', string.format('%.0f', now),
  'r', ARGV[1], 'b', ARGV[2])
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + tonumber(ARGV[3]))
return {now, wait, string.format('%.17g', rate)}
"""
)

#: KEYS[1] bucket hash; ARGV: header rate or "", "1" to drain (a 429), idle TTL ms, "1" if headers may set the
#: rate. Returns the effective rate ("" when unknown).
BUCKET_OBSERVE = (
    _PROLOGUE
    + """
local s = redis.call('HMGET', KEYS[1], 't', 'ts', 'hr', 'r', 'b')
local burst = tonumber(s[5])
local rate = tonumber(s[4])
if ARGV[4] == '1' and s[3] then rate = tonumber(s[3]) end
local tokens = tonumber(s[1])
local ts = tonumber(s[2])
if tokens ~= nil and ts ~= nil and rate ~= nil and burst ~= nil then
  if now > ts then
    tokens = math.min(burst, tokens + (now - ts) * rate / 1000000)
  else
    now = ts
  end
else
  tokens = nil
end
local header = tonumber(ARGV[1])
if ARGV[4] == '1' and header ~= nil and header > 0 then
  rate = header
  redis.call('HSET', KEYS[1], 'hr', ARGV[1])
end
if ARGV[2] == '1' and (tokens == nil or tokens > 0) then tokens = 0 end
if tokens ~= nil then
  redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'ts', string.format('%.0f', now))
end
local ttl = tonumber(ARGV[3])
if tokens ~= nil and rate ~= nil and burst ~= nil then ttl = ttl + math.ceil((burst - tokens) * 1000 / rate) end
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ttl) end
if rate == nil then return '' end
return string.format('%.17g', rate)
"""
)

#: KEYS[1] bucket hash; ARGV: due time us of the reservation, "1" if headers may set the rate.
#: Gives the token back if the reservation is not due yet. Returns 1 if it did.
BUCKET_CANCEL = (
    _PROLOGUE
    + """
if now >= tonumber(ARGV[1]) then return 0 end
local s = redis.call('HMGET', KEYS[1], 't', 'ts', 'hr', 'r', 'b')
local burst = tonumber(s[5])
local rate = tonumber(s[4])
if ARGV[2] == '1' and s[3] then rate = tonumber(s[3]) end
local tokens = tonumber(s[1])
local ts = tonumber(s[2])
if tokens == nil or ts == nil or rate == nil or burst == nil then return 0 end
if now > ts then
  tokens = math.min(burst, tokens + (now - ts) * rate / 1000000)
else
  now = ts
end
tokens = math.min(burst, tokens + 1)
redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'ts', string.format('%.0f', now))
return 1
"""
)

#: KEYS[1] sorted set of grant times (us); ARGV: limit, window us, member, idle TTL ms.
#: Returns {server now us, wait us}.
WINDOW_ACQUIRE = (
    _PROLOGUE
    + """
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local due = now
local n = redis.call('ZCARD', KEYS[1])
if n >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
  due = math.max(due, tonumber(oldest[2]) + window)
end
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] ~= nil and tonumber(last[2]) > due then due = tonumber(last[2]) end
redis.call('ZADD', KEYS[1], string.format('%.0f', due), ARGV[3])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(limit + 1))
redis.call('PEXPIRE', KEYS[1], math.ceil((due - now + window) / 1000) + tonumber(ARGV[4]))
return {now, due - now}
"""
)

#: KEYS[1] sorted set; ARGV: limit, window us, idle TTL ms. A 429: the window counts as full from now on.
WINDOW_DRAIN = (
    _PROLOGUE
    + """
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
for i = 1, limit do
  redis.call('ZADD', KEYS[1], string.format('%.0f', now), 'drain:' .. string.format('%.0f', now) .. ':' .. i)
end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(limit + 1))
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIRE', KEYS[1], math.ceil((tonumber(last[2]) - now + window) / 1000) + tonumber(ARGV[3]))
return 1
"""
)

#: KEYS[1] sorted set; ARGV: member. Removes a reservation that is not due yet. Returns 1 if it did.
WINDOW_CANCEL = (
    _PROLOGUE
    + """
local due = redis.call('ZSCORE', KEYS[1], ARGV[1])
if due == false or tonumber(due) <= now then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
return 1
"""
)


@runtime_checkable
class WindowPlanLike(Protocol):
    """At most ``limit`` requests in any ``window`` seconds (the sliding-window plan of :mod:`.window`)."""

    @property
    def limit(self) -> int: ...

    @property
    def window(self) -> float: ...


Plan: TypeAlias = UsagePlan | WindowPlanLike


@dataclass(frozen=True, slots=True)
class Reservation:
    """One slot taken in Redis: due at ``due`` (server epoch seconds), ``wait`` seconds after the script ran."""

    key: LimitKey
    due: float
    wait: float
    redis_key: str = field(repr=False)
    member: str | None = field(default=None, repr=False)  # sliding windows: the sorted-set member
    due_us: int = field(default=0, repr=False)
    rate: float | None = None  # token buckets: the rate in force when the slot was taken


@dataclass(slots=True)
class _KeyStats:
    grants: int = 0
    waits: int = 0
    waited: float = 0.0
    max_wait: float = 0.0
    throttled: int = 0
    given_back: int = 0
    fallback_grants: int = 0
    rate: float | None = None
    burst: int | None = None
    limit: int | None = None
    window: float | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "grants": self.grants,
            "waits": self.waits,
            "waited": self.waited,
            "max_wait": self.max_wait,
            "throttled": self.throttled,
            "given_back": self.given_back,
            "fallback_grants": self.fallback_grants,
        }
        if self.window is not None:
            out["limit"] = self.limit
            out["window"] = self.window
        else:
            out["rate"] = self.rate
            out["burst"] = self.burst
        return out


def _check_plan(name: str, plan: object) -> Plan:
    if isinstance(plan, UsagePlan):
        return plan
    if isinstance(plan, WindowPlanLike):
        if plan.limit < 1 or not plan.window > 0:
            raise ConfigurationError(f"{name}: a window plan needs limit >= 1 and window > 0, got {plan!r}")
        return plan
    raise ConfigurationError(f"{name} must be a UsagePlan or a sliding-window plan, got {type(plan).__name__}")


class RedisLimiter:
    """The limiter protocol over Redis: one shared quota per (identity, region, operation), for every process.

    ``sp.RedisLimiter("redis://host:6379/0")`` is a drop-in for ``sp.Limiter()``: the same ``overrides`` (per
    operation key, e.g. ``{"orders_v0.get_orders": sp.UsagePlan(0.5, 20)}``), the same header adaptation and 429
    draining, the same ``stats()`` figures (counted in this process). Needs the ``redis`` extra and asyncio.
    """

    paces_throttled_retries = True

    def __init__(
        self,
        url: str | None = None,
        *,
        namespace: str = "spapi",
        overrides: Mapping[str, Plan] | None = None,
        adapt_to_headers: bool = True,
        on_error: OnError = "fallback",
        fallback: LimiterBackend | None = None,
        client: Redis | None = None,
        clock: Clock | None = None,
        socket_timeout: float = 1.0,
        retry_interval: float = 2.0,
        idle_ttl: float = 3600.0,
    ) -> None:
        if not namespace or any(c.isspace() for c in namespace):
            raise ConfigurationError(f"namespace must be a non-empty word, got {namespace!r}")
        if not idle_ttl >= 0:
            raise ConfigurationError(f"idle_ttl must be >= 0, got {idle_ttl!r}")
        self._overrides: dict[str, Plan] = {
            name: _check_plan(f"overrides[{name!r}]", plan) for name, plan in (overrides or {}).items()
        }
        self._redis, self._owns_redis = make_client(url, client, socket_timeout=socket_timeout, what="RedisLimiter")
        self._url = redacted_url(url) if url is not None else None
        self.namespace = namespace
        self.adapt_to_headers = adapt_to_headers
        self._clock = clock or SYSTEM_CLOCK
        self._on_error = check_on_error(on_error)
        self._health = Health(
            "RedisLimiter", self._on_error, self._clock, retry_interval, "limiting in this process only"
        )
        self._errors = connection_errors()
        self._fallback = fallback
        self._socket_timeout = socket_timeout
        self._idle_ms = str(int(idle_ttl * 1000))
        self._stats: dict[LimitKey, _KeyStats] = {}
        self._plans: dict[LimitKey, Plan] = {}
        self._rates: dict[LimitKey, float] = {}
        self._bucket_acquire: AsyncScript = self._redis.register_script(BUCKET_ACQUIRE)
        self._bucket_observe: AsyncScript = self._redis.register_script(BUCKET_OBSERVE)
        self._bucket_cancel: AsyncScript = self._redis.register_script(BUCKET_CANCEL)
        self._window_acquire: AsyncScript = self._redis.register_script(WINDOW_ACQUIRE)
        self._window_drain: AsyncScript = self._redis.register_script(WINDOW_DRAIN)
        self._window_cancel: AsyncScript = self._redis.register_script(WINDOW_CANCEL)

    # ------------------------------------------------------------------ configuration

    @property
    def overrides(self) -> Mapping[str, Plan]:
        return dict(self._overrides)

    @property
    def redis(self) -> Redis:
        """The redis-py client (shared with a :class:`~spapi_async.auth.redis_store.RedisTokenStore` if you like)."""
        return self._redis

    @property
    def using_fallback(self) -> bool:
        """True while Redis is unreachable and requests are limited in this process only."""
        return self._health.down

    def plan_for(self, key: LimitKey, plan: Plan) -> Plan:
        """The plan applied to ``key``: the override for its operation, else the one the transport passed."""
        return self._overrides.get(key.operation, plan)

    def redis_key(self, key: LimitKey, plan: Plan) -> str:
        kind = "bucket" if isinstance(plan, UsagePlan) else "window"
        return f"{self.namespace}:{kind}:{key}"

    def _adapts(self, key: LimitKey) -> bool:
        return self.adapt_to_headers and key.operation not in self._overrides

    def _key_stats(self, key: LimitKey) -> _KeyStats:
        st = self._stats.get(key)
        if st is None:
            st = self._stats[key] = _KeyStats()
        return st

    # ------------------------------------------------------------------ reservations

    async def reserve(self, key: LimitKey, plan: Plan) -> Reservation:
        """Take the next slot for ``key`` in Redis without waiting for it; raises redis-py's errors as they come.

        ``plan`` is used as given (``acquire`` applies the overrides first)."""
        require_asyncio("RedisLimiter")
        rkey = self.redis_key(key, plan)
        if isinstance(plan, UsagePlan):
            adapt = "1" if self._adapts(key) else "0"
            now_us, wait_us, rate = await self._bucket_acquire(
                keys=[rkey], args=[repr(float(plan.rate)), str(plan.burst), self._idle_ms, adapt]
            )
            effective_rate: float | None = float(rate)
            self._rates[key] = float(rate)
            member = None
        else:
            effective_rate = None
            member = secrets.token_hex(8)
            window_us = str(math.ceil(plan.window * 1_000_000))
            now_us, wait_us = await self._window_acquire(
                keys=[rkey], args=[str(plan.limit), window_us, member, self._idle_ms]
            )
        due_us = int(now_us) + int(wait_us)
        return Reservation(key, due_us / 1_000_000, int(wait_us) / 1_000_000, rkey, member, due_us, effective_rate)

    async def cancel(self, reservation: Reservation) -> bool:
        """Give a slot back if it is not due yet (as if it had never been taken). True if it was given back."""
        if reservation.member is not None:
            done = await self._window_cancel(keys=[reservation.redis_key], args=[reservation.member])
        else:
            adapt = "1" if self._adapts(reservation.key) else "0"
            done = await self._bucket_cancel(keys=[reservation.redis_key], args=[str(reservation.due_us), adapt])
        if done:
            self._key_stats(reservation.key).given_back += 1
        return bool(done)

    # ------------------------------------------------------------------ the protocol

    async def acquire(self, key: LimitKey, plan: UsagePlan) -> None:
        effective = self.plan_for(key, plan)
        self._plans[key] = effective
        st = self._key_stats(key)
        if isinstance(effective, UsagePlan):
            st.burst = effective.burst
        else:
            st.limit, st.window = effective.limit, effective.window
        if self._health.should_try():
            try:
                reservation = await self.reserve(key, effective)
            except self._errors as exc:
                self._health.failed(exc)  # raises with on_error="raise"
            else:
                self._health.succeeded()
                if isinstance(effective, UsagePlan):
                    st.rate = self._rates.get(key, effective.rate)
                await self._wait(reservation, st)
                return
        started = self._clock.monotonic()
        await self._get_fallback().acquire(key, plan)
        waited = self._clock.monotonic() - started
        st.grants += 1
        st.fallback_grants += 1
        if waited > 0:
            st.waits += 1
            st.waited += waited
            st.max_wait = max(st.max_wait, waited)

    async def _wait(self, reservation: Reservation, st: _KeyStats) -> None:
        if reservation.wait > 0:
            try:
                await self._clock.sleep(reservation.wait)
            except BaseException:
                with anyio.move_on_after(self._socket_timeout * 2, shield=True):
                    # if Redis is gone too the slot stays taken, which errs on the safe side
                    with contextlib.suppress(*self._errors):
                        await self.cancel(reservation)
                raise
            st.waits += 1
            st.waited += reservation.wait
            st.max_wait = max(st.max_wait, reservation.wait)
        st.grants += 1

    async def observe(self, key: LimitKey, status: int, headers: Mapping[str, str]) -> None:
        throttled = status == 429
        header_rate = parse_rate_limit(headers) if self._adapts(key) else None
        st = self._key_stats(key)
        if throttled:
            st.throttled += 1
        if self._fallback is not None:
            await self._fallback.observe(key, status, headers)
        known = self._rates.get(key)
        rate_changed = header_rate is not None and (known is None or abs(header_rate - known) > 1e-9)
        if not (throttled or rate_changed) or not self._health.should_try():
            return
        plan = self._plans.get(key)
        try:
            if plan is not None and not isinstance(plan, UsagePlan):
                if throttled:
                    window_us = str(math.ceil(plan.window * 1_000_000))
                    await self._window_drain(
                        keys=[self.redis_key(key, plan)], args=[str(plan.limit), window_us, self._idle_ms]
                    )
            else:
                rkey = f"{self.namespace}:bucket:{key}"
                args = [repr(header_rate) if header_rate is not None else "", "1" if throttled else "0"]
                adapt = "1" if self._adapts(key) else "0"
                rate = await self._bucket_observe(keys=[rkey], args=[*args, self._idle_ms, adapt])
                if rate:
                    self._rates[key] = st.rate = float(rate)
        except self._errors as exc:
            self._health.failed(exc)
            # the fallback learns it too, so the next acquire in this process slows down
            await self._get_fallback().observe(key, status, headers)
        else:
            self._health.succeeded()

    def stats(self) -> Mapping[str, Any]:
        """Per key (``str(LimitKey)``): grants, waits, seconds waited, longest wait, 429s seen, slots given back,
        grants made in process while Redis was down, and the plan in force. Counted in this process."""
        return {str(key): st.as_dict() for key, st in self._stats.items()}

    # ------------------------------------------------------------------ fallback and lifetime

    def _get_fallback(self) -> LimiterBackend:
        if self._fallback is None:
            module = importlib.import_module("spapi_async.throttle.limiter")
            self._fallback = module.Limiter(overrides=self._overrides, clock=self._clock)
        return self._fallback

    async def aclose(self) -> None:
        """Close the Redis connections this limiter opened (not a ``client=`` passed in)."""
        if self._owns_redis:
            await self._redis.aclose()

    async def __aenter__(self) -> RedisLimiter:
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
        return f"RedisLimiter({where!r}, namespace={self.namespace!r}, keys={len(self._stats)})"
