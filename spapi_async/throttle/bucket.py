"""Token bucket: ``rate`` tokens per second refilled continuously, at most ``burst`` held at once.

The arithmetic is a handful of pure functions on a ``(tokens, stamp)`` state so that other implementations (the
Redis limiter's Lua scripts) can mirror it exactly:

- :func:`refill` - the tokens held at ``now``: ``min(capacity, tokens + (now - stamp) * rate)``;
- :func:`take` - take one token at ``now`` if at least one is held, else report the wait until one is:
  ``(1 - tokens_now) / rate`` seconds; the state returned is always the refilled one stamped ``now``;
- :func:`give_back` - a refund: one token back, capped at the capacity. Exact: continuous refill is linear, so
  the bucket holds what it would have held had the refunded token never been taken;
- :func:`drain` - empty the bucket at ``now`` (what a 429 tells us about Amazon's bucket), or, when the server
  said when to come back (``Retry-After``), set it so that the next token is due exactly then;
- :func:`capacity_for` - the bucket's capacity with a safety ``margin`` (see below).

A token counts as held when ``tokens >= 1 - EPSILON``, so that a waiter woken at exactly its due time is not sent
back to sleep by floating-point rounding.

Safety margin: Amazon's bucket counts requests when they *arrive*, ours when they are *sent*; arrival jitter can
bring two requests closer together than they were sent. A bucket with ``margin`` seconds keeps
``margin * rate`` tokens (never more than ``burst - 1``) in reserve below its burst - Amazon's bucket then always
holds that many more tokens than ours, absorbing that much jitter. The sustained rate is unchanged; only the very
last token of a full burst comes ``margin`` seconds later.

Timer slack: when tokens are due faster than a timer wake is worth (waking an idle event loop costs tens to
hundreds of microseconds of CPU, more than granting several waiters), the head of the queue may sleep up to
``timer_slack`` seconds past its own token, until as many tokens are due as that slack covers, and one wake then
grants them all in order (:func:`coalesce`). No token is granted before it is due and none is lost: the head
waits for at most half the bucket's capacity, so a late wake-up still finds room for what was refilled meanwhile.
The rate is unchanged; a grant can only come up to ``timer_slack`` late. With ``rate * timer_slack < 1`` nothing
changes: the default, 10 ms, coalesces only from 100 tokens/s, faster than any published SP-API usage plan (the
fastest is 80 per second). ``timer_slack=0`` gives every grant its own exact wake.

:class:`TokenBucket` puts the arithmetic behind a :class:`~spapi_async.throttle._gate.Gate` (strict FIFO, one
timer, cancellation-safe).
"""

from __future__ import annotations

from ..clock import Clock
from ..errors import ConfigurationError
from ._gate import Gate

#: Seconds a waiter's grant may come after its token is due so that one timer wake serves several waiters.
DEFAULT_TIMER_SLACK = 0.01

#: Tolerance when deciding whether a whole token is held (absorbs float rounding at exact due times).
EPSILON = 1e-9


def capacity_for(rate: float, burst: int, margin: float) -> float:
    """The most tokens the bucket holds: ``burst - margin * rate``, but at least ``min(burst, 1)``."""
    return max(1.0, burst - margin * rate)


def refill(tokens: float, stamp: float, rate: float, capacity: float, now: float) -> float:
    """Tokens held at ``now`` given ``tokens`` counted at ``stamp`` (a clock going backwards adds nothing)."""
    if now > stamp:
        tokens += (now - stamp) * rate
    return capacity if tokens > capacity else tokens


def take(tokens: float, stamp: float, rate: float, capacity: float, now: float) -> tuple[float, float, float]:
    """One step of the bucket at ``now``: returns ``(tokens, stamp, wait)``.

    ``wait == 0.0``: a token was taken (``tokens`` is what is left). ``wait > 0``: none was taken; the next token
    is due in ``wait`` seconds. The returned stamp is ``max(stamp, now)``.
    """
    held = refill(tokens, stamp, rate, capacity, now)
    stamp = now if now > stamp else stamp
    if held >= 1.0 - EPSILON:
        return held - 1.0, stamp, 0.0
    return held, stamp, (1.0 - held) / rate


def give_back(tokens: float, stamp: float, rate: float, capacity: float, now: float) -> tuple[float, float]:
    """Refund one token at ``now``: ``(tokens, stamp)``."""
    held = refill(tokens, stamp, rate, capacity, now) + 1.0
    return (capacity if held > capacity else held), (now if now > stamp else stamp)


def coalesce(wait: float, queued: int, rate: float, capacity: float, slack: float) -> float:
    """How long the head of a queue of ``queued`` waiters sleeps when its token is due in ``wait`` seconds.

    It sleeps until ``k`` tokens are due, one per waiter it can serve: ``k`` is at most ``queued``, at most
    ``1 + slack * rate`` (so no grant is more than ``slack`` late), and at most half the whole tokens the bucket
    holds, so that a wake-up that comes late still finds room for the tokens refilled meanwhile (a full bucket
    would drop them and the rate would sag). ``k == 1`` is the exact wait.
    """
    k = min(queued, int(capacity) // 2, 1 + int(slack * rate))
    return wait if k <= 1 else wait + (k - 1) / rate


def drain(now: float, rate: float = 1.0, due_in: float | None = None) -> tuple[float, float]:
    """The bucket after a 429 at ``now``: ``(tokens, now)``.

    Without ``due_in`` it is empty (the next token comes ``1 / rate`` later). With ``due_in`` (the response's
    ``Retry-After``) the next token is due exactly then: ``tokens = 1 - due_in * rate`` (negative when the server
    asks for more than one token interval).
    """
    if due_in is None:
        return 0.0, now
    return 1.0 - due_in * rate, now


class TokenBucket(Gate):
    """A token bucket with FIFO waiters. Starts full.

    >>> bucket = TokenBucket(rate=0.5, burst=30)   # doctest: +SKIP
    >>> await bucket.acquire()                      # returns at once while tokens remain, else exactly when due

    ``margin`` (seconds, default 0) holds back ``margin * rate`` tokens of the burst; ``timer_slack`` (seconds,
    default :data:`DEFAULT_TIMER_SLACK`) lets one wake serve several waiters when tokens come faster than
    ``1 / timer_slack`` per second. See the module docstring for both.
    """

    __slots__ = ("_burst", "_capacity", "_margin", "_rate", "_slack", "_stamp", "_tokens")

    def __init__(
        self,
        rate: float,
        burst: int,
        *,
        clock: Clock | None = None,
        margin: float = 0.0,
        timer_slack: float = DEFAULT_TIMER_SLACK,
    ) -> None:
        super().__init__(clock)
        _check(rate, burst, margin)
        if not timer_slack >= 0:
            raise ConfigurationError(f"timer_slack must be >= 0 seconds, got {timer_slack!r}")
        self._slack = float(timer_slack)
        self._rate = float(rate)
        self._burst = int(burst)
        self._margin = float(margin)
        self._capacity = capacity_for(self._rate, self._burst, self._margin)
        self._tokens = self._capacity
        self._stamp = self._clock.monotonic()

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def burst(self) -> int:
        return self._burst

    @property
    def capacity(self) -> float:
        return self._capacity

    def tokens(self) -> float:
        """Tokens held now (fractional)."""
        return refill(self._tokens, self._stamp, self._rate, self._capacity, self._clock.monotonic())

    def at_rest(self) -> bool:
        return not self._queue and self.tokens() >= self._capacity - EPSILON

    def _take(self, now: float) -> float:
        self._tokens, self._stamp, wait = take(self._tokens, self._stamp, self._rate, self._capacity, now)
        return wait

    def _coalesce(self, wait: float, queued: int) -> float:
        return coalesce(wait, queued, self._rate, self._capacity, self._slack)

    def _give_back(self, now: float) -> None:
        self._tokens, self._stamp = give_back(self._tokens, self._stamp, self._rate, self._capacity, now)

    def set_plan(self, rate: float, burst: int | None = None) -> None:
        """Change the rate (and burst). Tokens held so far are kept (capped at the new capacity); waiters are
        re-timed at once - a higher rate never leaves anybody waiting longer than the new rate needs."""
        burst = self._burst if burst is None else int(burst)
        _check(rate, burst, self._margin)
        now = self._clock.monotonic()
        held = refill(self._tokens, self._stamp, self._rate, self._capacity, now)
        self._rate = float(rate)
        self._burst = burst
        self._capacity = capacity_for(self._rate, burst, self._margin)
        self._tokens = min(held, self._capacity)
        self._stamp = max(now, self._stamp)
        self._changed()

    def drain(self, due_in: float | None = None) -> None:
        """After a 429: empty the bucket, so every waiter waits for the next token to be refilled; or, with
        ``due_in`` (the server's ``Retry-After``), make the next token due exactly ``due_in`` seconds from now."""
        self._tokens, self._stamp = drain(max(self._clock.monotonic(), self._stamp), self._rate, due_in)
        self._changed()

    def __repr__(self) -> str:
        return f"TokenBucket(rate={self._rate!r}, burst={self._burst!r}, tokens={self.tokens():.3f})"


def _check(rate: float, burst: int, margin: float) -> None:
    if not rate > 0:
        raise ConfigurationError(f"rate must be > 0 requests per second, got {rate!r}")
    if burst < 1:
        raise ConfigurationError(f"burst must be >= 1, got {burst!r}")
    if not margin >= 0:
        raise ConfigurationError(f"margin must be >= 0 seconds, got {margin!r}")
