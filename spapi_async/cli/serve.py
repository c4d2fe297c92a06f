"""``spapi-async emulator``: serve the emulator on a socket bound before anything is printed, and show the
requests it serves."""

from __future__ import annotations

import contextlib
import errno
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import anyio

from . import common
from .progress import Reporter, Tracker

if TYPE_CHECKING:
    from ..emulator import Emulator


def served_counts(emulator: Emulator) -> Callable[[Tracker], None]:
    """A sampler setting the tracker's ``served`` meter and 429 count from the emulator's own statistics."""

    def sample(tracker: Tracker) -> None:
        totals = emulator.snapshot()["totals"]
        tracker.set("served", int(totals["requests"]))
        tracker.quota.throttled = int(totals["throttled"])
        tracker.quota.waited_s = None

    return sample


def serve_emulator(emulator: Emulator, host: str, port: int, *, quiet: bool, interval: float, debug: bool) -> None:
    """Bind ``host:port`` (a busy port fails in one line, before any banner), print the banner, serve until Ctrl-C
    with the requests served on stderr (live on a terminal, plain lines when something changed otherwise)."""
    from ..emulator import LWA_PATH

    tracker = Tracker("emulator", labels={"served": "requests served"}, samplers=[served_counts(emulator)])
    tracker.meter("served")

    reporter = Reporter.choose(tracker, quiet=quiet, interval=interval, skip_idle=True)

    async def job() -> None:
        async with contextlib.AsyncExitStack() as stack:
            try:
                base = await stack.enter_async_context(emulator.serve(port=port, host=host))
            except OSError as exc:
                raise common.CommandFailed(f"cannot serve on {host}:{port}: {_why(exc)}") from None
            print(f"SP-API emulator on {base} (LWA at {base}{LWA_PATH}, stats at {base}/__stats); Ctrl-C stops it.")
            print(f"  spapi-async orders export --endpoint {base} --lwa-endpoint {base}{LWA_PATH} ...")
            sys.stdout.flush()
            reporter.show()  # below the banner
            await anyio.sleep_forever()

    common.run(
        lambda: reporter.drive(job, show=False),
        debug=debug,
        on_interrupt=lambda: "emulator stopped",
        interrupt_code=0,
    )


def _why(exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return "the port is in use (choose another --port, or --port 0 for a free one)"
    if exc.errno == errno.EADDRNOTAVAIL:
        return "no such local address (--host)"
    if exc.errno == errno.EACCES:
        return "permission denied (ports below 1024 need privileges)"
    return exc.strerror or str(exc)
