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
to that instant) and a 429 empties the bucket (with ``Retry-After``: the next token is due exactly then) or fills
the window, so every process slows down at once. One difference with the in-process limiter, which re-times its
queued callers: a slot already reserved keeps its time (its caller sleeps without asking Redis again); the 429
moves every slot reserved after it.

When Redis cannot be reached the limiter falls back to the in-process :class:`~spapi_async.throttle.limiter.Limiter`
with one warning per outage (``on_error="fallback"``, the default) or raises
:class:`spapi_async.RedisUnavailableError` (``on_error="raise"``); it tries Redis again every
``retry_interval`` seconds (an attempt costs at most twice ``socket_timeout``), and redis-py reconnects by itself.

Cost: one script call (one round trip) per request, plus one in ``observe`` when a response changes the rate or is a
429. Needs Redis 5 or later (scripts replicated by effect, so they may read ``TIME``); each script touches one key.
"""

from __future__ import annotations

import contextlib
import math
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING

import anyio

from .._redis import Health, OnError, check_on_error, connection_errors, make_client, redacted_url, require_asyncio
from ..clock import SYSTEM_CLOCK, Clock
from ..errors import ConfigurationError, parse_rate_limit
from ..operation import UsagePlan
from ..retry import parse_retry_after
from .base import KeyStats, LimiterBackend, LimitKey, Plan, StatsSource
from .limiter import DEFAULT_MARGIN, DEFAULT_WINDOW_MARGIN, Limiter, _source_of
from .window import WindowPlan

if TYPE_CHECKING:
    from redis.asyncio import Redis
    from redis.commands.core import AsyncScript

# Times in the scripts are integer microseconds of the server's clock (exact in a double until the year 2255).
# Lua numbers returned to Redis become integers, so fractional values travel as strings.
#
# The bucket hash holds: t (tokens, negative when slots are reserved ahead), ts (when t was counted), r / b / m (the
# plan's rate and burst and the margin, written by every acquire) and hr (the rate a response header set).
# The arithmetic mirrors spapi_async.throttle.bucket: capacity = max(1, burst - margin * rate); refill is
# min(capacity, tokens + elapsed * rate); a token is held when tokens >= 1 - 1e-9; a clock going back adds nothing.

_PROLOGUE = """
if redis.replicate_commands then pcall(redis.replicate_commands) end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
"""

# Loads the bucket (rate, capacity, tokens refilled to now); leaves tokens nil when there is no state yet.
_BUCKET_LOAD = """
local s = redis.call('HMGET', KEYS[1], 't', 'ts', 'hr', 'r', 'b', 'm')
local rate = tonumber(s[4])
local burst = tonumber(s[5])
local margin = tonumber(s[6])
if ADAPT and s[3] then rate = tonumber(s[3]) end
local tokens = tonumber(s[1])
local ts = tonumber(s[2])
local capacity = nil
if rate ~= nil and burst ~= nil and margin ~= nil then capacity = math.max(1, burst - margin * rate) end
if tokens ~= nil and ts ~= nil and capacity ~= nil then
  if now > ts then
    tokens = math.min(capacity, tokens + (now - ts) * rate / 1000000)
  else
    now = ts
  end
else
  tokens = nil
end
"""

_BUCKET_SAVE = """
local function save(tokens)
  redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'ts', string.format('%.0f', now))
end
local function expire(tokens, rate, capacity)
  local ttl = tonumber(IDLE_MS)
  if tokens ~= nil and rate ~= nil and capacity ~= nil then ttl = ttl + math.ceil((capacity - tokens) * 1000 / rate) end
  if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ttl) end
end
"""

#: KEYS[1] bucket hash; ARGV: plan rate, plan burst, margin s, idle TTL ms, "1" if a header rate may replace the
#: plan's. Takes (reserves) one token. Returns {server now us, wait us, rate in force}.
BUCKET_ACQUIRE = (
    _PROLOGUE
    + """
local ADAPT = ARGV[5] == '1'
local IDLE_MS = ARGV[4]
redis.call('HSET', KEYS[1], 'r', ARGV[1], 'b', ARGV[2], 'm', ARGV[3])
"""
    + _BUCKET_LOAD
    + _BUCKET_SAVE
    + """
if tokens == nil then tokens = capacity end
tokens = tokens - 1
local wait = 0
if tokens < -0.000000001 then wait = math.ceil(-tokens * 1000000 / rate) end
save(tokens)
expire(tokens, rate, capacity)
return {now, wait, string.format('%.17g', rate)}
"""
)

#: KEYS[1] bucket hash; ARGV: header rate or "", "1" to drain (a 429), idle TTL ms, "1" if headers may set the
#: rate, Retry-After seconds or "". A new rate applies from now on (what was refilled so far stays). Returns the
#: rate in force ("" if unknown).
BUCKET_OBSERVE = (
    _PROLOGUE
    + """
local ADAPT = ARGV[4] == '1'
local IDLE_MS = ARGV[3]
"""
    + _BUCKET_LOAD
    + _BUCKET_SAVE
    + """
local header = tonumber(ARGV[1])
if ADAPT and header ~= nil and header > 0 then
  rate = header
  redis.call('HSET', KEYS[1], 'hr', ARGV[1])
  if burst ~= nil and margin ~= nil then
    capacity = math.max(1, burst - margin * rate)
    if tokens ~= nil then tokens = math.min(tokens, capacity) end
  end
end
if ARGV[2] == '1' then
  -- a 429: empty, or, with Retry-After, the next token due exactly then; reservations already made stay
  local after = 0
  local due_in = tonumber(ARGV[5])
  if due_in ~= nil and rate ~= nil then after = 1 - due_in * rate end
  if tokens == nil or tokens > after then tokens = after end
end
if tokens ~= nil then save(tokens) end
expire(tokens, rate, capacity)
if rate == nil then return '' end
return string.format('%.17g', rate)
"""
)

#: KEYS[1] bucket hash; ARGV: due time us of the reservation ("" for an unconditional refund), "1" if headers may
#: set the rate, idle TTL ms. Gives one token back (capped at the capacity) unless the reservation is already due.
#: Returns 1 if it did.
BUCKET_GIVE_BACK = (
    _PROLOGUE
    + """
local ADAPT = ARGV[2] == '1'
local IDLE_MS = ARGV[3]
local due = tonumber(ARGV[1])
if due ~= nil and now >= due then return 0 end
"""
    + _BUCKET_LOAD
    + _BUCKET_SAVE
    + """
if tokens == nil then return 0 end
tokens = math.min(capacity, tokens + 1)
save(tokens)
expire(tokens, rate, capacity)
return 1
"""
)

# The window's sorted set holds one member per grant (reservations ahead included), scored by its time in us.
# Mirrors spapi_async.throttle.window: grants at or before now - span no longer count; a new grant goes at
# max(now, the latest grant) and, when `limit` grants still count after it, no earlier than the limit-th latest
# grant + span; a 429 makes the window full as of max(now, the latest grant).

#: KEYS[1] sorted set; ARGV: limit, span us (window + margin), member, idle TTL ms. Returns {server now us, wait us}.
WINDOW_ACQUIRE = (
    _PROLOGUE
    + """
local limit = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - span)
local due = now
local n = redis.call('ZCARD', KEYS[1])
if n > 0 then
  local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  due = math.max(due, tonumber(last[2]))
end
if n >= limit then
  local bound = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
  due = math.max(due, tonumber(bound[2]) + span)
end
redis.call('ZADD', KEYS[1], string.format('%.0f', due), ARGV[3])
redis.call('PEXPIRE', KEYS[1], math.ceil((due - now + span) / 1000) + tonumber(ARGV[4]))
return {now, due - now}
"""
)

#: KEYS[1] sorted set; ARGV: limit, span us, idle TTL ms. A 429: the window is full as of max(now, latest grant).
WINDOW_FILL = (
    _PROLOGUE
    + """
local limit = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - span)
local at = now
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] ~= nil then at = math.max(at, tonumber(last[2])) end
local stamp = string.format('%.0f', at)
for i = 1, limit do
  redis.call('ZADD', KEYS[1], stamp, 'fill:' .. stamp .. ':' .. i)
end
redis.call('PEXPIRE', KEYS[1], math.ceil((at - now + span) / 1000) + tonumber(ARGV[3]))
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


class _Entry:
    __slots__ = ("grants", "max_wait", "plan", "rate", "released", "throttled", "total_wait", "waiting")

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.rate: float | None = None  # the bucket's rate in force, as Redis last said
        self.grants = 0
        self.released = 0
        self.throttled = 0
        self.total_wait = 0.0
        self.max_wait = 0.0
        self.waiting = 0


def _check_plan(name: str, plan: object) -> Plan:
    if isinstance(plan, (UsagePlan, WindowPlan)):
        return plan
    raise ConfigurationError(f"{name} must be a UsagePlan or WindowPlan, got {type(plan).__name__}")


class RedisLimiter:
    """The limiter protocol over Redis: one shared quota per (identity, region, operation), for every process.

    ``sp.RedisLimiter("redis://host:6379/0")`` takes the options of ``sp.Limiter`` - ``overrides`` (per operation,
    e.g. ``{"orders_v0.get_orders": sp.UsagePlan(0.5, 20)}``; overridden keys ignore headers), ``adapt``
    (follow ``x-amzn-RateLimit-Limit``), ``margin`` / ``window_margin`` (seconds of arrival jitter absorbed by
    token buckets / sliding windows) and ``clock`` - plus:

    - ``namespace``: prefix of every Redis key (``<namespace>:bucket:<identity>|<region>|<operation>``);
    - ``on_error``: ``"fallback"`` (limit in this process while Redis is unreachable, one warning per outage) or
      ``"raise"`` (:class:`spapi_async.RedisUnavailableError`); ``fallback`` replaces the in-process
      limiter used then; ``retry_interval``: seconds between attempts to get back to Redis;
    - ``client``: a ``redis.asyncio.Redis`` of your own instead of ``url`` (not closed by :meth:`aclose`);
    - ``socket_timeout``: seconds before a Redis command counts as failed; ``idle_ttl``: seconds an idle key's
      state is kept after its bucket is full again.

    ``stats()`` counts what this process did. Needs the ``redis`` extra and asyncio.
    """

    paces_throttled_retries = True

    def __init__(
        self,
        url: str | None = None,
        *,
        namespace: str = "spapi",
        overrides: Mapping[str, Plan] | None = None,
        adapt: bool = True,
        margin: float = DEFAULT_MARGIN,
        window_margin: float = DEFAULT_WINDOW_MARGIN,
        clock: Clock | None = None,
        on_error: OnError = "fallback",
        fallback: LimiterBackend | None = None,
        client: Redis | None = None,
        socket_timeout: float = 1.0,
        retry_interval: float = 2.0,
        idle_ttl: float = 3600.0,
    ) -> None:
        if not namespace or any(c.isspace() for c in namespace):
            raise ConfigurationError(f"namespace must be a non-empty word, got {namespace!r}")
        if not idle_ttl >= 0:
            raise ConfigurationError(f"idle_ttl must be >= 0 seconds, got {idle_ttl!r}")
        if not margin >= 0 or not window_margin >= 0:
            raise ConfigurationError(f"margins must be >= 0 seconds, got {margin!r} and {window_margin!r}")
        self._overrides: dict[str, Plan] = {
            name: _check_plan(f"overrides[{name!r}]", plan) for name, plan in (overrides or {}).items()
        }
        self._redis, self._owns_redis = make_client(url, client, socket_timeout=socket_timeout, what="RedisLimiter")
        self._url = redacted_url(url) if url is not None else None
        self.namespace = namespace
        self._adapt = adapt
        self._margin = float(margin)
        self._window_margin = float(window_margin)
        self._clock: Clock = clock or SYSTEM_CLOCK
        self._on_error = check_on_error(on_error)
        self._health = Health(
            "RedisLimiter", self._on_error, self._clock, retry_interval, "limiting in this process only"
        )
        self._errors = connection_errors()
        self._fallback: LimiterBackend | None = fallback
        self._socket_timeout = socket_timeout
        self._idle_ms = str(int(idle_ttl * 1000))
        self._margin_arg = repr(self._margin)
        self._entries: dict[LimitKey, _Entry] = {}
        self._bucket_acquire: AsyncScript = self._redis.register_script(BUCKET_ACQUIRE)
        self._bucket_observe: AsyncScript = self._redis.register_script(BUCKET_OBSERVE)
        self._bucket_give_back: AsyncScript = self._redis.register_script(BUCKET_GIVE_BACK)
        self._window_acquire: AsyncScript = self._redis.register_script(WINDOW_ACQUIRE)
        self._window_fill: AsyncScript = self._redis.register_script(WINDOW_FILL)
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

    @property
    def outages(self) -> int:
        """How many times Redis became unreachable during this limiter's life."""
        return self._health.outages

    def plan_for(self, key: LimitKey, plan: Plan) -> Plan:
        """The plan applied to ``key``: the override for its operation, else the one the transport passed."""
        return self._overrides.get(key.operation, plan)

    def redis_key(self, key: LimitKey, plan: Plan) -> str:
        kind = "bucket" if isinstance(plan, UsagePlan) else "window"
        return f"{self.namespace}:{kind}:{key}"

    def _adapts(self, key: LimitKey) -> str:
        return "1" if self._adapt and key.operation not in self._overrides else "0"

    def _span_us(self, plan: WindowPlan) -> str:
        return str(math.ceil((plan.window + self._window_margin) * 1_000_000))

    def _entry(self, key: LimitKey, plan: Plan) -> _Entry:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _Entry(plan)
        else:
            entry.plan = plan
        return entry

    # ------------------------------------------------------------------ reservations

    async def reserve(self, key: LimitKey, plan: Plan) -> Reservation:
        """Take the next slot for ``key`` in Redis without waiting for it (redis-py's errors propagate).

        ``plan`` is used as given (``acquire`` applies the overrides first)."""
        require_asyncio("RedisLimiter")
        rkey = self.redis_key(key, plan)
        rate: float | None = None
        member: str | None = None
        if isinstance(plan, UsagePlan):
            args = [repr(float(plan.rate)), str(plan.burst), self._margin_arg, self._idle_ms, self._adapts(key)]
            now_us, wait_us, rate_text = await self._bucket_acquire(keys=[rkey], args=args)
            rate = float(rate_text)
        else:
            member = secrets.token_hex(8)
            args = [str(plan.limit), self._span_us(plan), member, self._idle_ms]
            now_us, wait_us = await self._window_acquire(keys=[rkey], args=args)
        due_us = int(now_us) + int(wait_us)
        return Reservation(key, due_us / 1_000_000, int(wait_us) / 1_000_000, rkey, member, due_us, rate)

    async def cancel(self, reservation: Reservation) -> bool:
        """Give a slot back if it is not due yet (as if it had never been taken). True if it was given back."""
        if reservation.member is not None:
            done = await self._window_cancel(keys=[reservation.redis_key], args=[reservation.member])
        else:
            args = [str(reservation.due_us), self._adapts(reservation.key), self._idle_ms]
            done = await self._bucket_give_back(keys=[reservation.redis_key], args=args)
        return bool(done)

    # ------------------------------------------------------------------ the protocol

    async def acquire(self, key: LimitKey, plan: Plan) -> None:
        effective = self.plan_for(key, plan)
        entry = self._entry(key, effective)
        if self._health.should_try():
            try:
                reservation = await self.reserve(key, effective)
            except self._errors as exc:
                self._health.failed(exc)  # raises with on_error="raise"
            else:
                self._health.succeeded()
                if reservation.rate is not None:
                    entry.rate = reservation.rate
                await self._wait(reservation, entry)
                return
        started = self._clock.monotonic()
        entry.waiting += 1
        try:
            await self._get_fallback().acquire(key, plan)
        finally:
            entry.waiting -= 1
        self._granted(entry, self._clock.monotonic() - started)

    def _granted(self, entry: _Entry, waited: float) -> None:
        entry.grants += 1
        entry.total_wait += waited
        if waited > entry.max_wait:
            entry.max_wait = waited

    async def _wait(self, reservation: Reservation, entry: _Entry) -> None:
        if reservation.wait > 0:
            entry.waiting += 1
            try:
                await self._clock.sleep(reservation.wait)
            except BaseException:
                with anyio.move_on_after(self._socket_timeout * 2, shield=True):
                    # if Redis is gone too the slot stays taken, which errs on the safe side
                    with contextlib.suppress(*self._errors):
                        if await self.cancel(reservation):
                            entry.released += 1
                raise
            finally:
                entry.waiting -= 1
        self._granted(entry, reservation.wait)

    async def release(self, key: LimitKey) -> None:
        """Give back the token of an attempt that never reached Amazon. Token buckets refund exactly; sliding
        windows cannot tell which grant to forget and keep the slot (as the in-process limiter does)."""
        entry = self._entries.get(key)
        if entry is None:
            return
        entry.released += 1
        if self._fallback is not None:
            await self._fallback.release(key)
        if not isinstance(entry.plan, UsagePlan) or not self._health.should_try():
            return
        try:
            await self._bucket_give_back(
                keys=[self.redis_key(key, entry.plan)], args=["", self._adapts(key), self._idle_ms]
            )
        except self._errors as exc:
            self._health.failed(exc, may_raise=False)
        else:
            self._health.succeeded()

    async def observe(self, key: LimitKey, status: int, headers: Mapping[str, str]) -> None:
        throttled = status == 429
        adapts = self._adapts(key)
        header_rate = parse_rate_limit(headers) if adapts == "1" else None
        entry = self._entries.get(key)
        if entry is None:
            return  # never acquired here: nothing to learn for (as the in-process limiter)
        if throttled:
            entry.throttled += 1
        if self._fallback is not None:
            await self._fallback.observe(key, status, headers)
        plan = entry.plan
        if isinstance(plan, UsagePlan):
            rate_changed = header_rate is not None and header_rate != entry.rate
            if not (throttled or rate_changed) or not self._health.should_try():
                return
        elif not throttled or not self._health.should_try():
            return
        try:
            if isinstance(plan, UsagePlan):
                header = repr(header_rate) if header_rate is not None else ""
                due_in = None
                if throttled:
                    retry_after = headers.get("retry-after") or headers.get("Retry-After")
                    due_in = parse_retry_after(retry_after, now=self._clock.time())
                after = repr(due_in) if due_in is not None else ""
                args = [header, "1" if throttled else "0", self._idle_ms, adapts, after]
                rate = await self._bucket_observe(keys=[self.redis_key(key, plan)], args=args)
                if rate:
                    entry.rate = float(rate)
            else:
                args = [str(plan.limit), self._span_us(plan), self._idle_ms]
                await self._window_fill(keys=[self.redis_key(key, plan)], args=args)
        except self._errors as exc:
            # a response is in hand: never fail it for bookkeeping, even with on_error="raise"
            self._health.failed(exc, may_raise=False)
            if self._on_error == "fallback":
                # the in-process limiter learns it too, so the next acquire here slows down
                await self._get_fallback().observe(key, status, headers)
        else:
            self._health.succeeded()

    def stats(self) -> dict[str, KeyStats]:
        """Per key (``str(LimitKey)``), what this process did, in the in-process limiter's terms. ``rate`` is the
        rate in force as Redis last said (a header may have set it); ``waiting`` counts this process's callers."""
        result: dict[str, KeyStats] = {}
        for key, entry in self._entries.items():
            plan = entry.plan
            if isinstance(plan, UsagePlan):
                rate, burst = (entry.rate if entry.rate is not None else plan.rate), plan.burst
            else:
                rate, burst = plan.rate, plan.limit
            name = str(key)
            result[name] = KeyStats(
                key=name,
                grants=entry.grants,
                total_wait_s=entry.total_wait,
                max_wait_s=entry.max_wait,
                throttled=entry.throttled,
                released=entry.released,
                rate=rate,
                burst=burst,
                plan_source=self._source(key, entry),
                waiting=entry.waiting,
            )
        return result

    def _source(self, key: LimitKey, entry: _Entry) -> StatsSource:
        if key.operation in self._overrides:
            return "override"
        plan = entry.plan
        if isinstance(plan, UsagePlan) and entry.rate is not None and entry.rate != plan.rate:
            return "header"
        return _source_of(key, plan)

    # ------------------------------------------------------------------ fallback and lifetime

    def _get_fallback(self) -> LimiterBackend:
        if self._fallback is None:
            self._fallback = Limiter(
                self._overrides,
                adapt=self._adapt,
                margin=self._margin,
                window_margin=self._window_margin,
                clock=self._clock,
            )
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
        return f"RedisLimiter({where!r}, namespace={self.namespace!r}, keys={len(self._entries)})"
