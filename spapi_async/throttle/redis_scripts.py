"""The Lua scripts behind :class:`~spapi_async.throttle.redis.RedisLimiter`: what each one is told and answers.

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
"""

from __future__ import annotations

from .._redis import lua_script

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
