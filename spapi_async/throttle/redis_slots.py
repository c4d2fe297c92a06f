"""Slots in Redis: the calls :class:`~spapi_async.throttle.redis.RedisLimiter` makes, one script each.

:class:`RedisSlots` knows the key names, the scripts' arguments and how to read their answers (the scripts are in
:mod:`spapi_async.throttle.redis_scripts`); it keeps no per-key state and does not decide what an error means
(falling back, retrying) - the limiter does.
"""

from __future__ import annotations

import contextlib
import math
import secrets
from collections.abc import Container
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import anyio

from ..errors import ConfigurationError
from ..operation import UsagePlan
from .base import LimitKey, Plan
from .bounds import RATE_FACTOR, OnceLog
from .redis_scripts import (
    BUCKET_ACQUIRE,
    BUCKET_GIVE_BACK,
    BUCKET_OBSERVE,
    WINDOW_ACQUIRE,
    WINDOW_CANCEL,
    WINDOW_COMPLETE,
    WINDOW_CONFIRM,
)
from .window import WindowPlan

if TYPE_CHECKING:
    from redis.asyncio import Redis, RedisCluster
    from redis.commands.core import AsyncScript

#: Default ``horizon``: the furthest ahead (seconds) a slot is reserved, and what shared state may claim.
DEFAULT_HORIZON = 3600.0

#: The longest ``idle_ttl`` and ``horizon`` accepted (seconds): every key's TTL stays within days, never years.
MAX_IDLE_TTL = 7 * 86400.0


def check_slot_options(namespace: str, idle_ttl: float, horizon: float) -> None:
    """``sp.ConfigurationError`` for a namespace, ``idle_ttl`` or ``horizon`` that :class:`RedisSlots` refuses."""
    if not namespace or any(c.isspace() for c in namespace):
        raise ConfigurationError(f"namespace must be a non-empty word, got {namespace!r}")
    if not 0 <= idle_ttl <= MAX_IDLE_TTL:
        raise ConfigurationError(f"idle_ttl must be 0 to {MAX_IDLE_TTL:.0f} seconds, got {idle_ttl!r}")
    if not 1 <= horizon <= MAX_IDLE_TTL:
        raise ConfigurationError(f"horizon must be 1 to {MAX_IDLE_TTL:.0f} seconds, got {horizon!r}")


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


class RedisSlots:
    """The script calls of one limiter. ``adapt`` and ``overridden`` (the overridden operations) decide whether a
    header rate may replace a key's plan; ``log`` reports shared state that failed validation, once per key."""

    def __init__(
        self,
        redis: Redis | RedisCluster,
        *,
        namespace: str,
        adapt: bool,
        overridden: Container[str],
        margin: float,
        window_margin: float,
        idle_ttl: float,
        horizon: float,
        factor: float,
        socket_timeout: float,
        log: OnceLog,
    ) -> None:
        self.namespace = namespace
        self.horizon = float(horizon)
        self.log = log
        self._adapt = adapt
        self._overridden = overridden
        self._window_margin = window_margin
        self._factor = factor
        self._socket_timeout = socket_timeout
        self._idle_ms = int(idle_ttl * 1000)
        self._margin_arg = repr(margin)
        self._bucket_acquire: AsyncScript = redis.register_script(BUCKET_ACQUIRE)
        self._bucket_observe: AsyncScript = redis.register_script(BUCKET_OBSERVE)
        self._bucket_give_back: AsyncScript = redis.register_script(BUCKET_GIVE_BACK)
        self._window_acquire: AsyncScript = redis.register_script(WINDOW_ACQUIRE)
        self._window_confirm: AsyncScript = redis.register_script(WINDOW_CONFIRM)
        self._window_complete: AsyncScript = redis.register_script(WINDOW_COMPLETE)
        self._window_cancel: AsyncScript = redis.register_script(WINDOW_CANCEL)

    # ------------------------------------------------------------------ keys and arguments

    def redis_key(self, key: LimitKey, plan: Plan) -> str:
        kind = "bucket" if isinstance(plan, UsagePlan) else "window"
        return f"{self.namespace}:{kind}:{key}"

    def adapts(self, key: LimitKey) -> str:
        return "1" if self._adapt and key.operation not in self._overridden else "0"

    def _span_us(self, plan: WindowPlan) -> str:
        return str(math.ceil((plan.window + self._window_margin) * 1_000_000))

    def _bucket_args(self, key: LimitKey, plan: UsagePlan) -> list[str]:
        max_ttl_ms = (
            self._idle_ms + int(self.horizon * 1000) + math.ceil((plan.burst + 1) * 1000 * RATE_FACTOR / plan.rate)
        )
        return [
            *(repr(float(plan.rate)), str(plan.burst), self._margin_arg, str(self._idle_ms), self.adapts(key)),
            *(repr(self.horizon), repr(self._factor), str(max_ttl_ms)),
        ]

    def _window_args(self, plan: WindowPlan) -> list[str]:
        return [str(plan.limit), self._span_us(plan), str(self._idle_ms), repr(self.horizon)]

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
            self.log.warn(rkey, "shared state", text.strip())

    # ------------------------------------------------------------------ the calls

    async def reserve(self, key: LimitKey, plan: Plan) -> Reservation:
        """Take the next slot for ``key`` under ``plan`` (see ``RedisLimiter.reserve``)."""
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
        if not 0 <= wait <= self.horizon:  # never trust an answer either
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

    async def cancel_shielded(self, reservation: Reservation) -> bool:
        """Give a slot back on the way out of a cancelled caller: shielded, bounded by the Redis timeout; if Redis
        is gone too the slot stays taken, which errs on the safe side. True if it was given back."""
        given_back = False
        # any failure here only means the slot stays taken
        with anyio.CancelScope(shield=True), contextlib.suppress(Exception):
            given_back = await self.cancel(reservation)
        return given_back

    async def confirm(self, reservation: Reservation) -> Reservation | None:
        """Confirm a window slot reserved ahead, now due (see ``WINDOW_CONFIRM``): None when it is granted now or
        gone, else the same reservation moved to its new due time. The client's errors propagate."""
        plan = reservation.plan
        assert isinstance(plan, WindowPlan)
        assert reservation.member is not None
        args = [*self._window_args(plan), reservation.member]
        now_us, wait_us, found, bad = await self._run(self._window_confirm, reservation.redis_key, args)
        self._reported(reservation.redis_key, bad)
        wait = int(wait_us) / 1_000_000
        if not int(found) or not 0 < wait <= self.horizon:
            return None
        due_us = int(now_us) + int(wait_us)
        return replace(reservation, due=due_us / 1_000_000, wait=wait, due_us=due_us)

    async def give_back(self, key: LimitKey, plan: UsagePlan) -> None:
        """Give back the token of an attempt that was granted but never sent (while no slot is reserved ahead)."""
        rkey = self.redis_key(key, plan)
        _, bad = await self._run(self._bucket_give_back, rkey, [*self._bucket_args(key, plan), ""])
        self._reported(rkey, bad)

    async def observe_bucket(
        self, key: LimitKey, plan: UsagePlan, header_rate: float | None, throttled: bool, due_in: float | None
    ) -> float:
        """A response for a token bucket: a new header rate and/or a 429 (next token due in ``due_in`` seconds
        when it said ``Retry-After``). Returns the rate in force, as the script says."""
        rkey = self.redis_key(key, plan)
        header_arg = repr(header_rate) if header_rate is not None else ""
        after = repr(due_in) if due_in is not None else ""
        args = [*self._bucket_args(key, plan), header_arg, "1" if throttled else "0", after]
        rate, bad = await self._run(self._bucket_observe, rkey, args)
        in_force = float(rate)
        self._reported(rkey, bad)
        return in_force

    async def complete_window(self, key: LimitKey, plan: WindowPlan, throttled: bool) -> None:
        """A response (or failure) completes a window slot; a 429 fills the window."""
        rkey = self.redis_key(key, plan)
        bad = await self._run(self._window_complete, rkey, [*self._window_args(plan), "1" if throttled else "0"])
        self._reported(rkey, bad)
