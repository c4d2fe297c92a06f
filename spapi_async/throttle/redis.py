"""``RedisLimiter``: the usage plans of :mod:`spapi_async.throttle` shared by every process of an application.

Amazon counts requests per application + selling partner + region + operation, whichever process sends them. Each
key's state lives in one Redis key and is changed only by Lua scripts, which run atomically on the
server and read the server's clock (``TIME``), so the clocks of the client machines do not matter.
:mod:`~spapi_async.throttle.redis_scripts` says how the shared state works (token buckets with slots reserved
ahead, sliding windows, what ``observe`` changes); :mod:`~spapi_async.throttle.redis_slots` makes the script
calls; this module decides what to do with their answers and their failures.

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
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING

import anyio
import anyio.lowlevel

from .._redis import Health, OnError, check_on_error, make_client, redacted_url, require_asyncio
from ..clock import SYSTEM_CLOCK, Clock
from ..errors import ConfigurationError, parse_rate_limit
from ..operation import UsagePlan
from ..retry import parse_retry_after
from .base import KeyStats, LimiterBackend, LimitKey, Plan, StatsSource
from .bounds import RATE_FACTOR, OnceLog, bounded_hold, bounded_rate, check_factor
from .counters import InForce, KeyCounters, stats_of
from .limiter import DEFAULT_MARGIN, DEFAULT_WINDOW_MARGIN, Limiter, _source_of
from .redis_slots import DEFAULT_HORIZON, MAX_IDLE_TTL, RedisSlots, Reservation, check_slot_options
from .window import WindowPlan

if TYPE_CHECKING:
    from redis.asyncio import Redis, RedisCluster

__all__ = ["DEFAULT_HORIZON", "MAX_IDLE_TTL", "RedisLimiter", "Reservation"]


class _Entry(KeyCounters):
    __slots__ = ("plan", "rate", "waiting")

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan
        self.rate: float | None = None  # the bucket's rate in force, as Redis last said
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
        check_slot_options(namespace, idle_ttl, horizon)
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
        self._entries: dict[LimitKey, _Entry] = {}
        self._reset_log = OnceLog("RedisLimiter")
        self._slots = RedisSlots(
            self._redis,
            namespace=namespace,
            adapt=adapt,
            overridden=self._overrides,
            margin=self._margin,
            window_margin=self._window_margin,
            idle_ttl=idle_ttl,
            horizon=horizon,
            factor=self._factor,
            socket_timeout=socket_timeout,
            log=self._reset_log,
        )

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
        return self._slots.redis_key(key, plan)

    def _entry(self, key: LimitKey, plan: Plan) -> _Entry:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _Entry(plan)
        else:
            entry.plan = plan
        return entry

    # ------------------------------------------------------------------ reservations

    async def reserve(self, key: LimitKey, plan: Plan) -> Reservation:
        """Take the next slot for ``key`` in Redis without waiting for it (the client's errors propagate; a call
        longer than ``socket_timeout`` raises ``TimeoutError``). ``wait`` may be ``horizon`` with ``reserved``
        False: no slot was taken, ask again then.

        ``plan`` is used as given (``acquire`` applies the overrides first)."""
        require_asyncio("RedisLimiter")
        return await self._slots.reserve(key, plan)

    async def cancel(self, reservation: Reservation) -> bool:
        """Give a slot back if it is not due yet. True if it was given back (see ``BUCKET_GIVE_BACK``)."""
        return await self._slots.cancel(reservation)

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
                    entry.released += await self._slots.cancel_shielded(reservation)
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
        entry.granted(self._clock.monotonic() - started)

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
                entry.released += await self._slots.cancel_shielded(reservation)
                raise
            finally:
                entry.waiting -= 1
        entry.granted(before + waited)

    async def _confirm(self, reservation: Reservation) -> Reservation | None:
        """None when the window slot is confirmed now (or Redis cannot say: the slot stays as reserved); else
        the same reservation moved to its new due time."""
        try:
            return await self._slots.confirm(reservation)
        except Exception as exc:  # whatever the client raises is an outage to us
            self._health.failed(exc, may_raise=False)
            return None

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
        try:
            await self._slots.give_back(key, plan)
        except Exception as exc:  # whatever the client raises is an outage to us
            self._health.failed(exc, may_raise=False)
        else:
            self._health.succeeded()

    async def observe(self, key: LimitKey, status: int, headers: Mapping[str, str]) -> None:
        throttled = status == 429
        adapts = self._slots.adapts(key)
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
        try:
            if isinstance(plan, UsagePlan):
                due_in = None
                if throttled:
                    retry_after = headers.get("retry-after") or headers.get("Retry-After")
                    due_in = bounded_hold(parse_retry_after(retry_after, now=self._clock.time()))
                rate = await self._slots.observe_bucket(key, plan, header_rate, throttled, due_in)
                if math.isfinite(rate) and rate > 0:
                    entry.rate = rate
            else:  # every response completes a window slot (and a 429 fills the window)
                await self._slots.complete_window(key, plan, throttled)
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
        return stats_of(self._entries, self._in_force)

    def _in_force(self, key: LimitKey, entry: _Entry) -> InForce:
        plan = entry.plan
        if isinstance(plan, UsagePlan):
            rate, burst = (entry.rate if entry.rate is not None else plan.rate), plan.burst
        else:
            rate, burst = plan.rate, plan.limit
        return rate, burst, self._source(key, entry), entry.waiting

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
