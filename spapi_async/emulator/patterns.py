"""The models' ``pattern`` constraints: compiled once, checked, and used to build a value that matches.

Amazon's patterns are Java regular expressions; the ones Python's ``re`` cannot compile are skipped (neither checked
nor generated).
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from typing import Any

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef,unused-ignore]

_sre: Any = _sre_parse
_constants: Any = _sre  # the parser module re-exports the opcode constants (LITERAL, IN, ...)
MAX_REPEAT_SAMPLE = 3  # an open-ended repeat (*, +, {n,}) is sampled with at most this many items beyond its minimum


@lru_cache(maxsize=1024)
def compiled(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except (re.error, RecursionError):
        return None


def matches(pattern: str, value: str) -> bool:
    """True when ``value`` matches ``pattern`` (anywhere, as JSON Schema's ``pattern``) or the pattern is unusable."""
    rx = compiled(pattern)
    return rx is None or rx.search(value) is not None


def sample(pattern: str, seed: int, min_length: int = 0, max_length: int | None = None) -> str | None:
    """A string matching ``pattern`` within the length bounds (deterministic in ``seed``), or None."""
    if compiled(pattern) is None:
        return None
    try:
        parsed = _sre.parse(pattern)
    except Exception:  # an unusual construct: the caller falls back to its own value
        return None
    for stretch in (None, 0, 1, min_length, max_length or 0, max(min_length, 8)):
        try:
            text = _gen(parsed, random.Random(seed), stretch)
        except (ValueError, RecursionError):
            return None
        if matches(pattern, text) and len(text) >= min_length and (max_length is None or len(text) <= max_length):
            return text
    return None


def _pick_in(items: list[tuple[Any, Any]], rng: random.Random) -> str:
    c = _constants
    negate = any(op == c.NEGATE for op, _ in items)
    choices: list[str] = []
    for op, av in items:
        if op == c.LITERAL:
            choices.append(chr(av))
        elif op == c.RANGE:
            lo, hi = av
            choices.append(chr(lo + rng.randrange(hi - lo + 1)))
        elif op == c.CATEGORY:
            choices.append({c.CATEGORY_DIGIT: "7", c.CATEGORY_SPACE: " "}.get(av, "k"))
    if not negate:
        return rng.choice(choices) if choices else "a"
    banned = set()
    for op, av in items:
        if op == c.LITERAL:
            banned.add(chr(av))
        elif op == c.RANGE:
            banned.update(chr(x) for x in range(av[0], av[1] + 1))
    return next((ch for ch in "aZ0x_-." if ch not in banned), "a")


def _gen(parsed: Any, rng: random.Random, stretch: int | None) -> str:
    """``stretch``: how many items an open-ended repeat takes beyond its minimum (None: 1 to 3)."""
    c = _constants
    out: list[str] = []
    for op, av in parsed:
        if op == c.LITERAL:
            out.append(chr(av))
        elif op == c.NOT_LITERAL:
            out.append("a" if chr(av) != "a" else "b")
        elif op == c.ANY:
            out.append("a")
        elif op == c.IN:
            out.append(_pick_in(list(av), rng))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", object())):
            low, high, sub = av
            if high == c.MAXREPEAT:
                count = low + (rng.randint(1, MAX_REPEAT_SAMPLE) if stretch is None else stretch)
            else:
                count = min(low + (1 if stretch is None else stretch), high) if high else 0
                count = max(count, low)
            out.extend(_gen(sub, rng, stretch) for _ in range(count))
        elif op == c.SUBPATTERN:
            out.append(_gen(av[-1], rng, stretch))
        elif op == c.BRANCH:
            out.append(_gen(av[1][0], rng, stretch))
        elif op == c.CATEGORY:
            out.append({c.CATEGORY_DIGIT: "7", c.CATEGORY_SPACE: " "}.get(av, "k"))
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        else:
            raise ValueError(f"unsupported pattern construct {op}")
    return "".join(out)
