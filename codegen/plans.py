"""Usage plans from the "Usage Plan" Markdown table in an operation's description.

Two table shapes exist: ``| Rate (requests per second) | Burst |`` with one row, and
``| Plan type | Rate (requests per second) | Burst |`` whose ``Default`` row applies. Placeholder cells
(``n``, ``Variable``) are not a plan.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)$")


def _cells(line: str) -> list[str]:
    line = line.strip()
    if not line.startswith("|"):
        return []
    return [c.strip() for c in line.strip("|").split("|")]


def parse_usage_plan(description: str | None) -> tuple[float, int] | None:
    """``(rate, burst)`` from the first usage-plan table in ``description``, or None."""
    if not description:
        return None
    text = description.replace("\\n", "\n")
    lines = text.splitlines()
    for i, line in enumerate(lines):
        header = [c.lower() for c in _cells(line)]
        if not header or not any(c.startswith("rate") for c in header) or "burst" not in header:
            continue
        rate_col = next(j for j, c in enumerate(header) if c.startswith("rate"))
        burst_col = header.index("burst")
        plan_typed = header[0].startswith("plan")
        for row_line in lines[i + 2 :]:
            row = _cells(row_line)
            if not row:
                break
            if len(row) <= max(rate_col, burst_col):
                continue
            if plan_typed and row[0].lower() != "default":
                continue
            rate, burst = row[rate_col], row[burst_col]
            if _NUMBER.match(rate) and _NUMBER.match(burst):
                return float(rate), int(float(burst))
            return None
        return None
    return None
