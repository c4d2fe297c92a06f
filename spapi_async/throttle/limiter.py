"""``sp.Limiter``: one token bucket (or sliding window) per key, adapted from what Amazon's responses say.

A key is ``(identity, region, operation)`` (:class:`~spapi_async.throttle.base.LimitKey`): Amazon applies usage
plans per application and selling partner, so clients for two sellers never slow each other down, while clients
for the same seller that share one ``Limiter`` share its buckets. A client given no limiter uses the default
:class:`~spapi_async.throttle.shared.LoopLimiter`: one ``Limiter`` per event loop, shared by every such client on
that loop; copies made with ``with_options`` share their client's limiter. To choose which clients share quotas
(or simply to see one set of stats), pass them the same instance::

    limiter = sp.Limiter()
    a = sp.SPAPIClient(..., limiter=limiter)
    b = sp.SPAPIClient(..., limiter=limiter)

For several processes use the Redis limiter, which runs the same algorithms.

The plan for a key is, in order: ``overrides[operation]``; else the plan the caller passes (the transport passes
the operation's published plan from ``sp.OPERATIONS``, ``DEFAULT_PLAN`` for operations without one, and
``SANDBOX_PLAN`` for every operation in the sandbox). While a key is not overridden, a response's
``x-amzn-RateLimit-Limit`` header sets its rate (the burst is not published in responses and stays). A 429
empties the key's bucket, so the retry and every other waiter on the key wait for the next token - and no longer;
when the 429 carries ``Retry-After``, the next token is due exactly then.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from ..clock import SYSTEM_CLOCK, Clock
from ..errors import ConfigurationError, parse_rate_limit
from ..operation import DEFAULT_PLAN, SANDBOX_PLAN, UsagePlan
from ..retry import parse_retry_after
from ._gate import Gate
from .base import KeyStats, LimitKey, Plan, StatsSource
from .bounds import RATE_FACTOR, OnceLog, bounded_hold, bounded_rate, check_factor
from .bucket import DEFAULT_TIMER_SLACK, TokenBucket
from .counters import InForce, KeyCounters, stats_of
from .window import SlidingWindow, WindowPlan

#: Seconds of jitter between a grant and the request's arrival at Amazon that the default limiter absorbs (see
#: ``spapi_async.throttle.bucket``): each bucket holds back ``margin * rate`` tokens of its burst, so the last token
#: of a full burst comes 0.2 s later; the sustained rate is unchanged. Measured: 0.05 s let a rare 429 through at
#: 100 requests/s on loopback with 128 concurrent tasks; 0.2 s did not.
DEFAULT_MARGIN = 0.2

#: The same for sliding windows, which pay it on every window (``window / (window + margin)`` of the limit):
#: 0.05 s costs 1.6 % of Seller Center's 30 per 3 s.
DEFAULT_WINDOW_MARGIN = 0.05


#: A limiter sweeps out idle keys when it holds this many (and again each time the number doubles), so a
#: long-running process serving many sellers does not keep a bucket for every seller it ever saw.
SWEEP_AT = 1024


class _Entry(KeyCounters):
    __slots__ = ("gate", "last_used", "plan", "source")

    def __init__(self, gate: Gate, plan: Plan, source: StatsSource, now: float) -> None:
        super().__init__()
        self.gate = gate
        self.last_used = now
        self.plan = plan  # the plan the gate was built from (the caller's or the override)
        self.source: StatsSource = source


class Limiter:
    """In-memory keyed limiter (the default). Satisfies :class:`~spapi_async.throttle.base.LimiterBackend`.

    - ``overrides``: ``{"orders_v0.get_orders": sp.UsagePlan(rate, burst), ...}`` - replaces the plan of those
      operations (a :class:`~spapi_async.throttle.window.WindowPlan` makes it a sliding window). Overridden keys
      do not adapt to response headers: an override is the caller's decision.
    - ``adapt``: follow ``x-amzn-RateLimit-Limit`` (default True), within ``header_factor`` (default 10) either
      way of the key's plan (``throttle.bounds``; a time-scaled emulator on loopback needs more).
    - ``margin`` / ``window_margin``: seconds of arrival jitter to absorb, for token buckets
      (:data:`DEFAULT_MARGIN`) and sliding windows (:data:`DEFAULT_WINDOW_MARGIN`); 0 runs exactly at the plan.
    - ``timer_slack``: seconds a token bucket's grant may come late so that one timer wake serves several waiters
      (:data:`~spapi_async.throttle.bucket.DEFAULT_TIMER_SLACK`; only matters from ``1 / timer_slack`` requests
      per second; 0 gives every grant its own wake).
    - ``idle_ttl``: seconds after which a key nobody used, whose bucket or window is back at rest, may be
      forgotten (swept when the limiter holds :data:`SWEEP_AT` keys or more). Forgetting such a key changes no
      quota - a new bucket starts full, as the old one was - but drops its stats and a rate learned from headers.
    - ``clock``: injected time (tests).
    """

    paces_throttled_retries = True

    def __init__(
        self,
        overrides: Mapping[str, Plan] | None = None,
        *,
        adapt: bool = True,
        margin: float = DEFAULT_MARGIN,
        window_margin: float = DEFAULT_WINDOW_MARGIN,
        timer_slack: float = DEFAULT_TIMER_SLACK,
        idle_ttl: float = 3600.0,
        clock: Clock | None = None,
        header_factor: float = RATE_FACTOR,
    ) -> None:
        self._factor = check_factor(header_factor)
        self._overrides: dict[str, Plan] = _check_overrides(overrides or {})
        if not margin >= 0 or not window_margin >= 0:
            raise ConfigurationError(f"margins must be >= 0 seconds, got {margin!r} and {window_margin!r}")
        if not timer_slack >= 0:
            raise ConfigurationError(f"timer_slack must be >= 0 seconds, got {timer_slack!r}")
        self._timer_slack = float(timer_slack)
        if not idle_ttl >= 0:
            raise ConfigurationError(f"idle_ttl must be >= 0 seconds, got {idle_ttl!r}")
        self._idle_ttl = float(idle_ttl)
        self._sweep_at = SWEEP_AT
        self._adapt = adapt
        self._margin = float(margin)
        self._window_margin = float(window_margin)
        self._clock: Clock = clock or SYSTEM_CLOCK
        self._entries: dict[LimitKey, _Entry] = {}
        self._ignored = OnceLog("Limiter")

    # ------------------------------------------------------------------ the protocol

    async def acquire(self, key: LimitKey, plan: Plan) -> None:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._create(key, plan)
        elif entry.plan is not plan and entry.source != "override" and entry.plan != plan:
            self._replan(key, entry, plan)
        clock = self._clock
        start = entry.last_used = clock.monotonic()
        await entry.gate.acquire()
        entry.granted(clock.monotonic() - start)

    async def release(self, key: LimitKey) -> None:
        entry = self._entries.get(key)
        if entry is not None:
            entry.released += 1
            entry.gate.release()

    async def observe(self, key: LimitKey, status: int, headers: Mapping[str, str]) -> None:
        entry = self._entries.get(key)
        if entry is None:
            return
        gate = entry.gate
        if self._adapt and entry.source != "override" and isinstance(gate, TokenBucket):
            header = parse_rate_limit(headers)
            if header is not None and header != gate.rate:
                rate = bounded_rate(header, entry.plan.rate, self._factor)
                if rate is None:
                    self._ignored.warn(key, "x-amzn-RateLimit-Limit", header, entry.plan.rate, self._factor)
                else:
                    gate.set_plan(rate)
                    entry.source = "header"
        if isinstance(gate, SlidingWindow):
            gate.complete()  # the slot now counts from here (see throttle.window)
        if status == 429:
            entry.throttled += 1
            if isinstance(gate, TokenBucket):
                retry_after = headers.get("retry-after") or headers.get("Retry-After")
                gate.drain(bounded_hold(parse_retry_after(retry_after, now=self._clock.time())))
            elif isinstance(gate, SlidingWindow):
                gate.fill()

    def stats(self) -> dict[str, KeyStats]:
        return stats_of(self._entries, _in_force)

    # ------------------------------------------------------------------ extras

    @property
    def overrides(self) -> Mapping[str, Plan]:
        return dict(self._overrides)

    def gate(self, key: LimitKey) -> Gate | None:
        """The bucket or window behind ``key`` (None before its first request)."""
        entry = self._entries.get(key)
        return entry.gate if entry is not None else None

    def __repr__(self) -> str:
        return f"Limiter(keys={len(self._entries)}, overrides={len(self._overrides)}, margin={self._margin!r})"

    # ------------------------------------------------------------------ internals

    def _make_gate(self, plan: Plan) -> Gate:
        if isinstance(plan, WindowPlan):
            return SlidingWindow(plan.limit, plan.window, clock=self._clock, margin=self._window_margin)
        return TokenBucket(plan.rate, plan.burst, clock=self._clock, margin=self._margin, timer_slack=self._timer_slack)

    def _create(self, key: LimitKey, plan: Plan) -> _Entry:
        if len(self._entries) >= self._sweep_at:
            self._sweep()
        now = self._clock.monotonic()
        override = self._overrides.get(key.operation)
        if override is not None:
            entry = _Entry(self._make_gate(override), override, "override", now)
        else:
            entry = _Entry(self._make_gate(plan), plan, _source_of(key, plan), now)
        self._entries[key] = entry
        return entry

    def _sweep(self) -> None:
        """Forget keys idle for ``idle_ttl`` whose gate is at rest; sweep next when the number has doubled."""
        cutoff = self._clock.monotonic() - self._idle_ttl
        idle = [k for k, e in self._entries.items() if e.last_used <= cutoff and e.gate.at_rest()]
        for key in idle:
            del self._entries[key]
        self._sweep_at = max(SWEEP_AT, 2 * len(self._entries))

    def _replan(self, key: LimitKey, entry: _Entry, plan: Plan) -> None:
        """The caller now passes a different plan for a key (rare: a registry or sandbox switch)."""
        gate = entry.gate
        if isinstance(plan, UsagePlan) and isinstance(gate, TokenBucket):
            rate = gate.rate if entry.source == "header" else plan.rate
            gate.set_plan(rate, plan.burst)
            if entry.source != "header":
                entry.source = _source_of(key, plan)
        elif not gate.waiting:
            entry.gate = self._make_gate(plan)
            entry.source = _source_of(key, plan)
        else:
            return  # keep serving the queued callers with the old gate; switch on a later call
        entry.plan = plan


def _in_force(key: LimitKey, entry: _Entry) -> InForce:
    gate = entry.gate
    if isinstance(gate, TokenBucket):
        return gate.rate, gate.burst, entry.source, gate.waiting
    assert isinstance(entry.plan, WindowPlan)
    return entry.plan.rate, entry.plan.limit, entry.source, gate.waiting


def _source_of(key: LimitKey, plan: Plan) -> StatsSource:
    if isinstance(plan, WindowPlan):
        return "caller"
    from ..registry import OPERATIONS

    op = OPERATIONS.get(key.operation)
    if plan == SANDBOX_PLAN and (key.region.endswith("-sandbox") or op is None or op.plan != plan):
        return "sandbox"
    if op is not None and op.plan == plan:
        return op.plan_source
    if plan == DEFAULT_PLAN:
        return "default"
    return "caller"


def _check_overrides(overrides: Mapping[str, Any]) -> dict[str, Plan]:
    if not overrides:
        return {}  # and the operation table stays unloaded
    from ..registry import OPERATIONS

    known = set(OPERATIONS)
    checked: dict[str, Plan] = {}
    for name, plan in overrides.items():
        if not isinstance(name, str) or not name:
            raise ConfigurationError(f"Limiter overrides are keyed by operation name, got {name!r}")
        if not isinstance(plan, (UsagePlan, WindowPlan)):
            raise ConfigurationError(
                f"Limiter override for {name!r} must be a UsagePlan or WindowPlan, got {type(plan).__name__}"
            )
        if known and name not in known and not name.startswith("raw:"):
            close = difflib.get_close_matches(name, known, n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise ConfigurationError(f"Limiter override for unknown operation {name!r}{hint}")
        checked[name] = plan
    return checked
