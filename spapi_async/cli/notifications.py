"""``spapi-async notifications listen``: write the notifications of an SQS queue to a JSON-lines file.

The queue is consumed (at least once, duplicates filtered): every notification received is deleted once written,
and notifications of types not asked for with ``--type`` are counted as skipped and deleted too. Lines are appended
(one notification body per line, as Amazon sent it). Progress is the CLI's own (``cli.progress``): live on a
terminal, otherwise one plain stderr line every ``--progress-interval`` seconds while figures change, and one at the
end; ``--quiet`` turns both off.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from . import common
from .app import ProgressInterval, Quiet  # the options every long command shares
from .progress import DEFAULT_INTERVAL, Tracker
from .workflows import NoProgress, Progress


@dataclass
class ListenOutcome:
    written: int
    skipped: int
    duplicates: int
    failed: int
    unparseable: int


async def listen(
    queue_url: str,
    out: Path,
    *,
    types: Sequence[str] = (),
    endpoint_url: str | None = None,
    region: str | None = None,
    concurrency: int = 8,
    idle_exit: float | None = None,
    max_notifications: int | None = None,
    dedupe: str | None = None,
    progress: Progress | None = None,
) -> ListenOutcome:
    """Consume ``queue_url`` into ``out`` until ``idle_exit`` seconds pass without a notification, or
    ``max_notifications`` were written (handlers already running finish, so a few more may be), or forever."""
    from ..notifications import Notification, NotificationConsumer

    ui = progress or NoProgress()
    wanted = frozenset(types)
    stop = asyncio.Event()
    written = skipped = 0
    consumer = NotificationConsumer(
        queue_url, region=region, endpoint_url=endpoint_url, concurrency=concurrency, dedupe=dedupe
    )
    with out.open("a", encoding="utf-8") as fh:

        async def handler(n: Notification) -> None:
            nonlocal written, skipped
            if wanted and n.notification_type not in wanted:
                skipped += 1
                ui.advance("skipped")
                return
            fh.write(json.dumps(n.to_json(), separators=(",", ":"), ensure_ascii=False) + "\n")
            fh.flush()
            written += 1
            ui.advance("written")
            if max_notifications is not None and written >= max_notifications:
                stop.set()

        async with consumer:
            stats = await consumer.run(handler, stop=stop, idle_exit=idle_exit)
    return ListenOutcome(written, skipped, stats.duplicates, stats.failed, stats.unparseable)


def register(app: typer.Typer) -> None:
    """Adds ``notifications listen`` to the ``spapi-async`` application."""

    group = typer.Typer(help="SP-API notifications from SQS.", no_args_is_help=True)
    app.add_typer(group, name="notifications")

    @group.command("listen")
    def listen_cmd(
        ctx: typer.Context,
        queue_url: Annotated[str, typer.Option("--queue-url", help="The SQS queue Amazon delivers to.")],
        out: Annotated[Path, typer.Option("--out", help="JSON-lines file to append notifications to.")],
        types: Annotated[
            list[str] | None,
            typer.Option("--type", help="Write only this notification type (repeatable); others are skipped."),
        ] = None,
        endpoint_url: Annotated[str | None, typer.Option("--endpoint-url", help="SQS-compatible server.")] = None,
        region: Annotated[str | None, typer.Option("--region", help="AWS region (default: the queue's).")] = None,
        concurrency: Annotated[int, typer.Option("--concurrency", min=1, max=256)] = 8,
        idle_exit: Annotated[
            float | None,
            typer.Option("--idle-exit", min=0.1, help="Stop after this many seconds without a notification."),
        ] = None,
        max_notifications: Annotated[
            int | None,
            typer.Option("--max", min=1, help="Stop once this many were written (those in flight finish too)."),
        ] = None,
        dedupe: Annotated[
            str | None, typer.Option("--dedupe", help="redis://... to share duplicate filtering.")
        ] = None,
        quiet: Quiet = False,
        progress_interval: ProgressInterval = DEFAULT_INTERVAL,
    ) -> None:
        """Write the notifications of an SQS queue to a JSON-lines file (AWS credentials: the usual chain)."""
        debug = bool(ctx.obj and ctx.obj.get("debug"))
        try:
            common.ensure_writable(out)
            from ..notifications import NotificationConsumer

            NotificationConsumer(queue_url, region=region, endpoint_url=endpoint_url, dedupe=dedupe)  # checks args
        except ValueError as exc:
            common.fail(str(exc))

        tracker = Tracker("notifications listen", labels={"written": "written", "skipped": "skipped"})

        def job() -> Any:
            return listen(
                queue_url,
                out,
                types=types or (),
                endpoint_url=endpoint_url,
                region=region,
                concurrency=concurrency,
                idle_exit=idle_exit,
                max_notifications=max_notifications,
                dedupe=dedupe,
                progress=tracker,
            )

        interrupted = f"interrupted: what was written is in {out}; unfinished notifications stay in the queue"
        result = common.run_tracked(
            tracker,
            job,
            quiet=quiet,
            interval=progress_interval,
            debug=debug,
            on_interrupt=lambda: interrupted,
            skip_idle=True,
        )
        print(f"{result.written} notifications written to {out} ({result.skipped} skipped)")
