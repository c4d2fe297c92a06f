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
them leaves the window. As in :mod:`spapi_async.throttle.window`, a slot counts from its grant until its response
(or failure) is reported to ``observe``, then from that moment: each report moves the oldest grant still in flight
(members ``p:...``) to now (``c:...``). Since that can move earlier grants later after a slot was reserved ahead,
a waiter confirms its slot when it is due (one more script call; moved on if the window is still full).

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
429 (sliding windows: on every response, and one more per caller that had to wait). Needs Redis 5 or later
(scripts replicated by effect, so they may read ``TIME``); each script touches one key, so one hash slot.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import TYPE_CHECKING, Any

import anyio
import anyio.lowlevel

from .._redis import Health, OnError, check_on_error, lua_script, make_client, redacted_url, require_asyncio
from ..clock import SYSTEM_CLOCK, Clock
from ..errors import ConfigurationError, parse_rate_limit
from ..operation import UsagePlan
from ..retry import parse_retry_after
from .base import KeyStats, LimiterBackend, LimitKey, Plan, StatsSource
from .bounds import RATE_FACTOR, OnceLog, bounded_hold, bounded_rate, check_factor
from .limiter import DEFAULT_MARGIN, DEFAULT_WINDOW_MARGIN, Limiter, _source_of
from .window import WindowPlan

if TYPE_CHECKING:
    from redis.asyncio import Redis, RedisCluster
    from redis.commands.core import AsyncScript

# Times in the scripts are integer microseconds of the server's clock (exact in a double until the year 2255).
# Lua numbers returned to Redis become integers, so fractional values travel as strings.
#
# The bucket hash holds: t (tokens, negative when slots are reserved ahead), ts (when t was counted), hr (the rate a
# response header set), h (holes: due times, comma-separated, of cancelled reservations that were not the latest)
# and, for people reading it, r / b / m (the plan's rate, burst and margin). Every script is told the plan (ARGV 1-6:
# rate, burst, margin s, idle TTL ms, "1" if a header rate may replace the plan's, horizon s) and trusts nothing
# it reads: a key of another type, a field that is not a finite number, a header rate outside the bounds around
# the plan (throttle.bounds), tokens or holes further ahead than the horizon are reset (an empty bucket now; holes
# and a bad hr dropped) and reported in the script's answer, so the limiter logs it once per key. Every write sets
# a TTL: idle TTL + the time to refill, at most MAX_TTL_MS.
# The arithmetic mirrors spapi_async.throttle.bucket: capacity = max(1, burst - margin * rate); refill is
# min(capacity, tokens + elapsed * rate); a token is held when tokens >= 1 - 1e-9; a clock going back adds nothing.
# Each script touches exactly one key (so one hash slot: Redis Cluster runs it on the node owning that key).
#
# The Lua is in ``throttle/lua/`` (package data). A script is its shared parts followed by its own file:
# prologue.lua (the server's time, validation helpers), then bucket_load.lua (the bucket: rate, capacity, tokens
# refilled to now, holes not yet due; tokens nil when there is no state) and bucket_save.lua (save and expire), or
# window_load.lua (the window, pruned and checked).

#: KEYS[1] bucket hash; ARGV 1-8 (see above). Takes (reserves) one slot: the earliest hole not yet due, else the
#: next token. Returns {server now us, wait us, rate in force, 1 if reserved (0: further than the horizon, come
#: back after `wait`), what failed validation ('' if nothing)}.
BUCKET_ACQUIRE = lua_script(
    "spapi_async.throttle", "prologue.lua", "bucket_load.lua", "bucket_save.lua", "bucket_acquire.lua"
)

#: KEYS[1] bucket hash; ARGV 1-8, then: header rate or "", "1" to drain (a 429), Retry-After seconds or "". A new
#: rate applies from now on (what was refilled so far stays). Returns {rate in force, what failed validation}.
BUCKET_OBSERVE = lua_script(
    "spapi_async.throttle", "prologue.lua", "bucket_load.lua", "bucket_save.lua", "bucket_observe.lua"
)

#: KEYS[1] bucket hash; ARGV 1-8, then: due time us of the reservation ("" for the token of an attempt that was
#: granted but never sent). A reservation not yet due comes off: exactly (one token back) when it is the latest
#: one, else it leaves a hole at its due time that the next caller takes - giving a token back for an earlier
#: slot would move every later newcomer onto a slot already promised. A granted token comes back only while no
#: slot is reserved ahead. Returns {1 if it gave something back, what failed validation}.
BUCKET_GIVE_BACK = lua_script(
    "spapi_async.throttle", "prologue.lua", "bucket_load.lua", "bucket_save.lua", "bucket_give_back.lua"
)

# The window's sorted set holds one member per grant (reservations ahead included), scored by its time in us.
# Mirrors spapi_async.throttle.window: grants at or before now - span no longer count; a new grant goes at
# max(now, the latest grant) and, when `limit` grants still count after it, no earlier than the limit-th latest
# grant + span; a 429 makes the window full as of max(now, the latest grant). A key of another type, or a member
# scored further ahead than the horizon (or not finite), resets the window.

#: KEYS[1] sorted set; ARGV: limit, span us (window + margin), idle TTL ms, horizon s, member id. The member is
#: "p:<id>" (granted now, in flight) or "r:<id>" (reserved ahead, to be confirmed when due). Returns {server now
#: us, wait us, 1 if reserved (0: further than the horizon, come back after `wait`), what failed validation}.
WINDOW_ACQUIRE = lua_script("spapi_async.throttle", "prologue.lua", "window_load.lua", "window_acquire.lua")

#: KEYS[1] sorted set; ARGV: limit, span us, idle TTL ms, horizon s, member. Run by a waiter when its reservation
#: is due: the slot is confirmed (re-scored to now) if fewer than `limit` other grants count in the window ending
#: now - completions may have moved earlier grants later since the reservation was made (see WINDOW_COMPLETE) -
#: else it is moved to when enough of them leave the window. Returns {server now us, wait us (0: granted),
#: 1 if the member was found (0: gone - the key was reset or expired - reserve again), what failed validation}.
WINDOW_CONFIRM = lua_script("spapi_async.throttle", "prologue.lua", "window_load.lua", "window_confirm.lua")

#: KEYS[1] sorted set; ARGV: limit, span us, idle TTL ms, horizon s, "1" if the response was a 429. A response (or
#: failure) came back: the oldest grant still in flight (a member "p:...", scored at or before now) counts from now
#: on (member "c:..."), as in spapi_async.throttle.window; a 429 then fills the window as of max(now, latest
#: grant). Returns what failed validation.
WINDOW_COMPLETE = lua_script("spapi_async.throttle", "prologue.lua", "window_load.lua", "window_complete.lua")

#: KEYS[1] sorted set; ARGV: limit, span us, idle TTL ms, horizon s, member. Removes a reservation that is not due
#: yet (a later newcomer still goes after the latest grant, so no slot is shared). Returns {1 if it did, bad}.
WINDOW_CANCEL = lua_script("spapi_async.throttle", "prologue.lua", "window_load.lua", "window_cancel.lua")


#: Default ``horizon``: the furthest ahead (seconds) a slot is reserved, and what shared state may claim.
DEFAULT_HORIZON = 3600.0

#: The longest ``idle_ttl`` and ``horizon`` accepted (seconds): every key's TTL stays within days, never years.
MAX_IDLE_TTL = 7 * 86400.0


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
    reserved: bool = True  # False: no slot taken (further ahead than the horizon); ask again after ``wait``
    plan: Plan | None = field(default=None, repr=False)  # the plan it was taken under


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
    - ``url``: ``redis://``, ``rediss://``, ``unix://``, or ``redis+cluster://host:port`` (``rediss+cluster://``)
      for a Redis Cluster / Valkey cluster (any node: the client discovers the others);
    - ``client``: a client of your own instead of ``url`` (not closed by :meth:`aclose`):
      ``redis.asyncio.Redis``, ``redis.asyncio.RedisCluster``, or a Sentinel master
      (``redis.asyncio.Sentinel(...).master_for(name)``);
    - ``socket_timeout``: seconds before a Redis command counts as failed (a call that takes more than twice
      that, whatever the client is doing, is an outage: the caller falls back then); ``idle_ttl``: seconds an idle key's
      state is kept after its bucket is full again (at most :data:`MAX_IDLE_TTL`);
    - ``header_factor``: how far (either way) ``x-amzn-RateLimit-Limit`` may move a key's rate from its plan
      (default 10, see ``throttle.bounds``), for what this process reads and what the scripts accept;
    - ``horizon``: how far ahead (seconds, :data:`DEFAULT_HORIZON`) a slot may be reserved. A caller whose slot
      would be further ahead sleeps ``horizon`` and asks again; shared state claiming reservations further ahead
      than that is poisoned and is reset.

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
        client: Redis | RedisCluster | None = None,
        socket_timeout: float = 1.0,
        retry_interval: float = 2.0,
        idle_ttl: float = 3600.0,
        horizon: float = DEFAULT_HORIZON,
        header_factor: float = RATE_FACTOR,
    ) -> None:
        self._factor = check_factor(header_factor)
        if not namespace or any(c.isspace() for c in namespace):
            raise ConfigurationError(f"namespace must be a non-empty word, got {namespace!r}")
        if not 0 <= idle_ttl <= MAX_IDLE_TTL:
            raise ConfigurationError(f"idle_ttl must be 0 to {MAX_IDLE_TTL:.0f} seconds, got {idle_ttl!r}")
        if not 1 <= horizon <= MAX_IDLE_TTL:
            raise ConfigurationError(f"horizon must be 1 to {MAX_IDLE_TTL:.0f} seconds, got {horizon!r}")
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
        self._fallback: LimiterBackend | None = fallback
        self._socket_timeout = socket_timeout
        self._idle_ms = int(idle_ttl * 1000)
        self._horizon = float(horizon)
        self._margin_arg = repr(self._margin)
        self._entries: dict[LimitKey, _Entry] = {}
        self._reset_log = OnceLog("RedisLimiter")
        self._bucket_acquire: AsyncScript = self._redis.register_script(BUCKET_ACQUIRE)
        self._bucket_observe: AsyncScript = self._redis.register_script(BUCKET_OBSERVE)
        self._bucket_give_back: AsyncScript = self._redis.register_script(BUCKET_GIVE_BACK)
        self._window_acquire: AsyncScript = self._redis.register_script(WINDOW_ACQUIRE)
        self._window_confirm: AsyncScript = self._redis.register_script(WINDOW_CONFIRM)
        self._window_complete: AsyncScript = self._redis.register_script(WINDOW_COMPLETE)
        self._window_cancel: AsyncScript = self._redis.register_script(WINDOW_CANCEL)

    # ------------------------------------------------------------------ configuration

    @property
    def overrides(self) -> Mapping[str, Plan]:
        return dict(self._overrides)

    @property
    def redis(self) -> Redis | RedisCluster:
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

    def _bucket_args(self, key: LimitKey, plan: UsagePlan) -> list[str]:
        max_ttl_ms = (
            self._idle_ms + int(self._horizon * 1000) + math.ceil((plan.burst + 1) * 1000 * RATE_FACTOR / plan.rate)
        )
        return [
            *(repr(float(plan.rate)), str(plan.burst), self._margin_arg, str(self._idle_ms), self._adapts(key)),
            *(repr(self._horizon), repr(self._factor), str(max_ttl_ms)),
        ]

    def _window_args(self, plan: WindowPlan) -> list[str]:
        return [str(plan.limit), self._span_us(plan), str(self._idle_ms), repr(self._horizon)]

    def _entry(self, key: LimitKey, plan: Plan) -> _Entry:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _Entry(plan)
        else:
            entry.plan = plan
        return entry

    async def _run(self, script: AsyncScript, rkey: str, args: list[str]) -> Any:
        """One script call, bounded by twice ``socket_timeout`` whatever the client does (a cluster client may
        retry and rediscover the cluster for much longer; the client's own timeout covers one socket operation,
        this the whole call, connecting included); a timeout raises ``TimeoutError``."""
        with anyio.fail_after(2 * self._socket_timeout):
            return await script(keys=[rkey], args=args)

    def _reported(self, rkey: str, bad: Any) -> None:
        """Log once per key that its shared state failed validation and was reset (the script says what)."""
        text = bad.decode() if isinstance(bad, bytes) else str(bad or "")
        if text.strip():
            self._reset_log.warn(rkey, "shared state", text.strip())

    # ------------------------------------------------------------------ reservations

    async def reserve(self, key: LimitKey, plan: Plan) -> Reservation:
        """Take the next slot for ``key`` in Redis without waiting for it (the client's errors propagate; a call
        longer than ``socket_timeout`` raises ``TimeoutError``). ``wait`` may be ``horizon`` with ``reserved``
        False: no slot was taken, ask again then.

        ``plan`` is used as given (``acquire`` applies the overrides first)."""
        require_asyncio("RedisLimiter")
        rkey = self.redis_key(key, plan)
        rate: float | None = None
        member: str | None = None
        if isinstance(plan, UsagePlan):
            now_us, wait_us, rate_text, reserved, bad = await self._run(
                self._bucket_acquire, rkey, self._bucket_args(key, plan)
            )
            rate = float(rate_text)
        else:
            member = secrets.token_hex(8)
            now_us, wait_us, reserved, bad = await self._run(
                self._window_acquire, rkey, [*self._window_args(plan), member]
            )
            member = ("r:" if int(wait_us) > 0 else "p:") + member  # as the script named it
        self._reported(rkey, bad)
        due_us = int(now_us) + int(wait_us)
        wait = int(wait_us) / 1_000_000
        if not 0 <= wait <= self._horizon:  # never trust an answer either
            raise ValueError(f"RedisLimiter: the script answered a wait of {wait!r} s")
        reserved_ = bool(int(reserved))
        return Reservation(key, due_us / 1_000_000, wait, rkey, member, due_us, rate, reserved_, plan)

    async def cancel(self, reservation: Reservation) -> bool:
        """Give a slot back if it is not due yet. True if it was given back (see ``BUCKET_GIVE_BACK``)."""
        if not reservation.reserved:
            return False
        plan = reservation.plan
        if reservation.member is not None:
            assert isinstance(plan, WindowPlan)
            args = [*self._window_args(plan), reservation.member]
            done, bad = await self._run(self._window_cancel, reservation.redis_key, args)
        else:
            assert isinstance(plan, UsagePlan)
            args = [*self._bucket_args(reservation.key, plan), str(reservation.due_us)]
            done, bad = await self._run(self._bucket_give_back, reservation.redis_key, args)
        self._reported(reservation.redis_key, bad)
        return bool(int(done))

    async def _cancel_shielded(self, reservation: Reservation, entry: _Entry) -> None:
        """Give a slot back on the way out of a cancelled caller: shielded, bounded by the Redis timeout; if Redis
        is gone too the slot stays taken, which errs on the safe side."""
        with anyio.CancelScope(shield=True):
            try:
                if await self.cancel(reservation):
                    entry.released += 1
            except Exception:  # any failure here only means the slot stays taken
                pass

    # ------------------------------------------------------------------ the protocol

    async def acquire(self, key: LimitKey, plan: Plan) -> None:
        effective = self.plan_for(key, plan)
        entry = self._entry(key, effective)
        started = self._clock.monotonic()
        require_asyncio("RedisLimiter")
        while self._health.should_try():
            reservation: Reservation | None = None
            try:
                # Shielded: a caller cancelled while the script runs must not leave the slot it may have taken
                # behind; the cancellation is delivered right after (bounded by the Redis timeout).
                with anyio.CancelScope(shield=True):
                    try:
                        reservation = await self.reserve(key, effective)
                    except Exception as exc:  # whatever the client raises is an outage to us
                        self._health.failed(exc)  # raises with on_error="raise"
                        break
                await anyio.lowlevel.checkpoint_if_cancelled()
            except BaseException:
                if reservation is not None:
                    await self._cancel_shielded(reservation, entry)
                raise
            assert reservation is not None
            self._health.succeeded()
            if reservation.rate is not None:
                entry.rate = reservation.rate
            if not reservation.reserved:  # further ahead than the horizon: come back then
                await self._clock.sleep(reservation.wait)
                continue
            await self._wait(reservation, entry, self._clock.monotonic() - started)
            return
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

    async def _wait(self, reservation: Reservation, entry: _Entry, before: float = 0.0) -> None:
        waited = 0.0
        if reservation.wait > 0:
            entry.waiting += 1
            try:
                while True:
                    await self._clock.sleep(reservation.wait)
                    waited += reservation.wait
                    if reservation.member is None:
                        break
                    # a window slot reserved ahead is confirmed when due: completions reported since may have
                    # moved earlier grants later (see WINDOW_CONFIRM); shielded as the reservation is
                    with anyio.CancelScope(shield=True):
                        confirmed = await self._confirm(reservation)
                    await anyio.lowlevel.checkpoint_if_cancelled()
                    if confirmed is None:
                        break
                    reservation = confirmed
            except BaseException:
                await self._cancel_shielded(reservation, entry)
                raise
            finally:
                entry.waiting -= 1
        self._granted(entry, before + waited)

    async def _confirm(self, reservation: Reservation) -> Reservation | None:
        """None when the window slot is confirmed now (or Redis cannot say: the slot stays as reserved); else
        the same reservation moved to its new due time."""
        plan = reservation.plan
        assert isinstance(plan, WindowPlan)
        assert reservation.member is not None
        try:
            args = [*self._window_args(plan), reservation.member]
            now_us, wait_us, found, bad = await self._run(self._window_confirm, reservation.redis_key, args)
        except Exception as exc:  # whatever the client raises is an outage to us
            self._health.failed(exc, may_raise=False)
            return None
        self._reported(reservation.redis_key, bad)
        wait = int(wait_us) / 1_000_000
        if not int(found) or not 0 < wait <= self._horizon:
            return None
        due_us = int(now_us) + int(wait_us)
        return replace(reservation, due=due_us / 1_000_000, wait=wait, due_us=due_us)

    async def release(self, key: LimitKey) -> None:
        """Give back the token of an attempt that never reached Amazon. Token buckets refund exactly while no
        slot is reserved ahead; sliding windows cannot tell which grant to forget and keep the slot (as the
        in-process limiter does)."""
        entry = self._entries.get(key)
        if entry is None:
            return
        entry.released += 1
        if self._fallback is not None:
            await self._fallback.release(key)
        plan = entry.plan
        if not isinstance(plan, UsagePlan) or not self._health.should_try():
            return
        rkey = self.redis_key(key, plan)
        try:
            _, bad = await self._run(self._bucket_give_back, rkey, [*self._bucket_args(key, plan), ""])
        except Exception as exc:  # whatever the client raises is an outage to us
            self._health.failed(exc, may_raise=False)
        else:
            self._reported(rkey, bad)
            self._health.succeeded()

    async def observe(self, key: LimitKey, status: int, headers: Mapping[str, str]) -> None:
        throttled = status == 429
        adapts = self._adapts(key)
        entry = self._entries.get(key)
        if entry is None:
            return  # never acquired here: nothing to learn for (as the in-process limiter)
        plan = entry.plan
        header_rate: float | None = None
        if adapts == "1" and isinstance(plan, UsagePlan):
            header = parse_rate_limit(headers)
            if header is not None and header != entry.rate:
                header_rate = bounded_rate(header, plan.rate, self._factor)
                if header_rate is None:
                    self._reset_log.warn(key, "x-amzn-RateLimit-Limit", header, plan.rate, self._factor)
        if throttled:
            entry.throttled += 1
        if self._fallback is not None:
            await self._fallback.observe(key, status, headers)
        if isinstance(plan, UsagePlan):
            rate_changed = header_rate is not None and header_rate != entry.rate
            if not (throttled or rate_changed) or not self._health.should_try():
                return
        elif not self._health.should_try():
            return
        rkey = self.redis_key(key, plan)
        try:
            if isinstance(plan, UsagePlan):
                header_arg = repr(header_rate) if header_rate is not None else ""
                due_in = None
                if throttled:
                    retry_after = headers.get("retry-after") or headers.get("Retry-After")
                    due_in = bounded_hold(parse_retry_after(retry_after, now=self._clock.time()))
                after = repr(due_in) if due_in is not None else ""
                args = [*self._bucket_args(key, plan), header_arg, "1" if throttled else "0", after]
                rate, bad = await self._run(self._bucket_observe, rkey, args)
                rate = float(rate)
                if math.isfinite(rate) and rate > 0:
                    entry.rate = rate
            else:  # every response completes a window slot (and a 429 fills the window)
                args = [*self._window_args(plan), "1" if throttled else "0"]
                bad = await self._run(self._window_complete, rkey, args)
            self._reported(rkey, bad)
        except Exception as exc:  # whatever the client raises is an outage to us
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
