"""The typer application: ``demo``, ``emulator``, ``orders export``, ``reports get``, ``feeds submit``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from . import common
from .files import write_private
from .progress import DEFAULT_INTERVAL, Tracker

DEMO_LABELS = {"orders": "orders listed", "items": "orders with items", "report": "report rows", "feed": "feed"}

EnvFile = Annotated[Path | None, typer.Option("--env-file", help="KEY=VALUE file with credentials (LWA_APP_ID, ...).")]
Endpoint = Annotated[Optional[str], typer.Option("--endpoint", help="SP-API base URL (emulator, proxy).")]  # noqa: UP045
LwaEndpoint = Annotated[Optional[str], typer.Option("--lwa-endpoint", help="LWA token URL.")]  # noqa: UP045
Sandbox = Annotated[bool, typer.Option("--sandbox", help="Amazon's sandbox endpoints and usage plan.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress display (live or plain lines).")]
ProgressInterval = Annotated[
    float,
    typer.Option(
        "--progress-interval",
        min=0.01,
        help="Seconds between plain progress lines on stderr when it is not a terminal.",
    ),
]
Marketplaces = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--marketplace", "-m", help="Marketplace id or country code (repeatable). Default US."),
]


def _debug(ctx: typer.Context) -> bool:
    return bool(ctx.obj and ctx.obj.get("debug"))


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="spapi-async",
        help="Quota-aware jobs against Amazon's Selling Partner API, or against the embedded emulator.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    orders = typer.Typer(help="Orders jobs.", no_args_is_help=True)
    reports = typer.Typer(help="Reports jobs.", no_args_is_help=True)
    feeds = typer.Typer(help="Feeds jobs.", no_args_is_help=True)
    app.add_typer(orders, name="orders")
    app.add_typer(reports, name="reports")
    app.add_typer(feeds, name="feeds")

    @app.callback()
    def root(
        ctx: typer.Context,
        debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")] = False,
        version: Annotated[
            bool, typer.Option("--version", is_eager=True, callback=_print_version, help="Print the version and exit.")
        ] = False,
    ) -> None:
        ctx.obj = {"debug": debug}
        if debug:
            import logging

            logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)

    @app.command()
    def demo(
        ctx: typer.Context,
        orders_count: Annotated[int, typer.Option("--orders", min=1, max=100_000, help="Orders to pull.")] = 1000,
        time_scale: Annotated[float, typer.Option("--time-scale", min=1.0, help="Usage-plan rates x K.")] = 100.0,
        seed: Annotated[int, typer.Option("--seed")] = 7,
        as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable results only.")] = False,
        quiet: Quiet = False,
        progress_interval: ProgressInterval = DEFAULT_INTERVAL,
    ) -> None:
        """Run the main job against the embedded emulator: orders with items, a report and a feed."""
        from .demo import DemoConfig, make_limiter, run_demo

        config = DemoConfig(orders=orders_count, time_scale=time_scale, seed=seed)
        limiter = make_limiter(time_scale)
        tracker = Tracker("demo", stats=limiter.stats, labels=DEMO_LABELS)
        console: Any = None
        if not as_json:
            from rich.console import Console

            console = Console()
            console.print(
                f"Starting the emulator on 127.0.0.1 ({orders_count} orders, usage plans x{time_scale:g}) "
                "and running the job through the real client and limiter..."
            )
        result = common.run_tracked(
            tracker,
            lambda: run_demo(config, tracker, limiter=limiter),
            quiet=quiet or as_json,
            interval=progress_interval,
            debug=_debug(ctx),
        )
        if as_json:
            print(result.to_json())
            return
        from .ui import demo_summary, demo_table

        console.print(demo_table(result))
        console.print(demo_summary(result))

    @app.command("emulator")
    def emulator_cmd(
        ctx: typer.Context,
        port: Annotated[int, typer.Option("--port", min=0, max=65535)] = 8000,
        host: Annotated[str, typer.Option("--host", help="Interface (loopback by default).")] = "127.0.0.1",
        time_scale: Annotated[float, typer.Option("--time-scale", min=0.001)] = 1.0,
        orders_count: Annotated[int, typer.Option("--orders", min=0)] = 500,
        seed: Annotated[int, typer.Option("--seed")] = 0,
        sandbox: Annotated[bool, typer.Option("--sandbox", help="Sandbox plan (5 rps, burst 15).")] = False,
        error_rate: Annotated[float, typer.Option("--error-rate", min=0.0, max=1.0, help="Share of 500/503s.")] = 0.0,
        reset_rate: Annotated[float, typer.Option("--reset-rate", min=0.0, max=1.0, help="Share of resets.")] = 0.0,
        slow_rate: Annotated[float, typer.Option("--slow-rate", min=0.0, max=1.0, help="Share of slow answers.")] = 0.0,
        restricted_roles: Annotated[
            bool, typer.Option("--restricted-roles", help="Grant the restricted (PII) roles: RDTs are issued.")
        ] = False,
        quiet: Quiet = False,
        progress_interval: ProgressInterval = DEFAULT_INTERVAL,
    ) -> None:
        """Serve the SP-API + LWA (+ Seller Center) emulator until Ctrl-C, showing the requests served."""
        from ..emulator import Emulator, Faults
        from .serve import serve_emulator

        faults = Faults(error_rate=error_rate, reset_rate=reset_rate, slow_rate=slow_rate)
        emulator = Emulator(
            time_scale=time_scale,
            seed=seed,
            orders=orders_count,
            sandbox=sandbox,
            faults=faults,
            restricted_roles=restricted_roles,
        )
        serve_emulator(emulator, host, port, quiet=quiet, interval=progress_interval, debug=_debug(ctx))

    @orders.command("export")
    def orders_export(
        ctx: typer.Context,
        since: Annotated[str, typer.Option("--since", help="Orders created at or after (date or ISO 8601).")],
        out: Annotated[Path, typer.Option("--out", help="FILE.jsonl or FILE.csv")],
        until: Annotated[Optional[str], typer.Option("--until", help="...and before this.")] = None,  # noqa: UP045
        with_items: Annotated[bool, typer.Option("--with-items", help="Fetch every order's items too.")] = False,
        marketplace: Marketplaces = None,
        env_file: EnvFile = None,
        endpoint: Endpoint = None,
        lwa_endpoint: LwaEndpoint = None,
        sandbox: Sandbox = False,
        force: Annotated[
            bool,
            typer.Option("--force", help="Overwrite --out even if it is not an unfinished export of these options."),
        ] = False,
        quiet: Quiet = False,
        progress_interval: ProgressInterval = DEFAULT_INTERVAL,
    ) -> None:
        """Export orders (and items) to JSON Lines or CSV; resumable after Ctrl-C or a failure.

        An existing --out is continued only if its checkpoint is there, else replaced only with --force.

        The output and its checkpoint are created with mode 0600 (they hold buyer data)."""
        from .exporter import ExportSpec, check_target, checkpoint_path, export_orders

        debug = _debug(ctx)
        spec = _or_fail(
            lambda: ExportSpec.build(
                since=since, until=until, marketplaces=marketplace or [], out=out, with_items=with_items
            ),
            debug,
        )
        _or_fail(lambda: common.ensure_writable(out), debug)
        _or_fail(lambda: check_target(spec, force=force), debug)
        client = _or_fail(
            lambda: common.build_client(
                env_file=env_file, endpoint=endpoint, lwa_endpoint=lwa_endpoint, sandbox=sandbox
            ),
            debug,
        )
        ckpt = checkpoint_path(out)
        tracker = Tracker("orders export", stats=client.limiter.stats)

        async def job() -> Any:
            async with client:
                return await export_orders(client, spec, progress=tracker, force=force)

        def interrupted() -> str:
            if ckpt.exists():
                return (
                    f"interrupted: {out} holds the pages done so far; run the same command again to resume from {ckpt}"
                )
            return f"interrupted before the first page was saved: run the same command again to start over ({out})"

        result = common.run_tracked(
            tracker, job, quiet=quiet, interval=progress_interval, debug=debug, on_interrupt=interrupted
        )
        resumed = " (resumed)" if result.resumed else ""
        print(f"{result.orders} orders, {result.items} items written to {out}{resumed}")

    @reports.command("get")
    def reports_get(
        ctx: typer.Context,
        report_type: Annotated[str, typer.Argument(help="e.g. GET_MERCHANT_LISTINGS_ALL_DATA")],
        out: Annotated[Path, typer.Option("--out", help="Where to save the (decompressed) document.")],
        since: Annotated[Optional[str], typer.Option("--since", help="dataStartTime")] = None,  # noqa: UP045
        until: Annotated[Optional[str], typer.Option("--until", help="dataEndTime")] = None,  # noqa: UP045
        poll_interval: Annotated[float, typer.Option("--poll-interval", min=0.001)] = 15.0,
        marketplace: Marketplaces = None,
        env_file: EnvFile = None,
        endpoint: Endpoint = None,
        lwa_endpoint: LwaEndpoint = None,
        sandbox: Sandbox = False,
        quiet: Quiet = False,
        progress_interval: ProgressInterval = DEFAULT_INTERVAL,
    ) -> None:
        """Request a report, wait for it, and save its document (created with mode 0600)."""
        from ..config import get_marketplace
        from .exporter import parse_date
        from .workflows import fetch_report

        debug = _debug(ctx)
        start = _or_fail(lambda: parse_date(since, "--since") if since else None, debug)
        end = _or_fail(lambda: parse_date(until, "--until") if until else None, debug)
        markets = _or_fail(lambda: [get_marketplace(m).id for m in marketplace or ["US"]], debug)
        _or_fail(lambda: common.ensure_writable(out), debug)
        client = _or_fail(
            lambda: common.build_client(
                env_file=env_file, endpoint=endpoint, lwa_endpoint=lwa_endpoint, sandbox=sandbox
            ),
            debug,
        )

        tracker = Tracker("reports get", stats=client.limiter.stats, units={"report": "B"})

        async def job() -> Any:
            async with client:
                return await fetch_report(
                    client,
                    report_type,
                    markets,
                    data_start=start,
                    data_end=end,
                    poll_interval=poll_interval,
                    out=out,
                    progress=tracker,
                )

        result = common.run_tracked(tracker, job, quiet=quiet, interval=progress_interval, debug=debug)
        print(f"report {result.report_id} DONE: {result.bytes_written} bytes written to {out}")

    @feeds.command("submit")
    def feeds_submit(
        ctx: typer.Context,
        feed_type: Annotated[str, typer.Argument(help="e.g. JSON_LISTINGS_FEED")],
        file: Annotated[Path, typer.Argument(help="The feed content.")],
        content_type: Annotated[Optional[str], typer.Option("--content-type")] = None,  # noqa: UP045
        report_out: Annotated[Optional[Path], typer.Option("--report-out", help="Save the processing report.")] = None,  # noqa: UP045
        poll_interval: Annotated[float, typer.Option("--poll-interval", min=0.001)] = 15.0,
        marketplace: Marketplaces = None,
        env_file: EnvFile = None,
        endpoint: Endpoint = None,
        lwa_endpoint: LwaEndpoint = None,
        sandbox: Sandbox = False,
        allow_errors: Annotated[
            bool,
            typer.Option("--allow-errors", help="Exit 0 when the feed was processed, even if its report lists errors."),
        ] = False,
        quiet: Quiet = False,
        progress_interval: ProgressInterval = DEFAULT_INTERVAL,
    ) -> None:
        """Upload a feed, wait for processing, and print its processing summary.

        Exits 1 when the processing report lists errors (unless --allow-errors)."""
        from ..config import get_marketplace
        from .workflows import submit_feed

        debug = _debug(ctx)
        try:
            content = file.read_bytes()
        except OSError as exc:
            common.fail(f"cannot read {file}: {exc.strerror or exc}")
        ctype = content_type or _guess_content_type(file)
        markets = _or_fail(lambda: [get_marketplace(m).id for m in marketplace or ["US"]], debug)
        if report_out is not None:
            _or_fail(lambda: common.ensure_writable(report_out), debug)
        client = _or_fail(
            lambda: common.build_client(
                env_file=env_file, endpoint=endpoint, lwa_endpoint=lwa_endpoint, sandbox=sandbox
            ),
            debug,
        )

        tracker = Tracker("feeds submit", stats=client.limiter.stats)

        async def job() -> Any:
            async with client:
                return await submit_feed(
                    client, feed_type, content, ctype, markets, poll_interval=poll_interval, progress=tracker
                )

        result = common.run_tracked(tracker, job, quiet=quiet, interval=progress_interval, debug=debug)
        if report_out is not None and result.report_text is not None:
            write_private(report_out, result.report_text.encode("utf-8"))
        print(
            f"feed {result.feed_id} {result.status}: processed {result.processed}, accepted {result.accepted}, "
            f"invalid {result.invalid}"
        )
        if result.errors and not allow_errors:
            shown = result.errors[:5]
            more = f" (and {len(result.errors) - len(shown)} more)" if len(result.errors) > len(shown) else ""
            for line in shown:
                print(f"  {line}", file=sys.stderr)
            saved = f"; the full report is in {report_out}" if report_out is not None else ""
            common.fail(
                f"feed {result.feed_id}: the processing report lists errors{more}{saved} "
                "(pass --allow-errors to exit 0 when the feed was processed anyway)"
            )

    from .notifications import register as register_notifications

    register_notifications(app)
    return app


def _print_version(value: bool) -> None:
    if value:
        from .._version import __version__

        print(f"spapi-async {__version__}")
        raise typer.Exit()


def _guess_content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "application/json; charset=UTF-8"
    if suffix == ".xml":
        return "text/xml; charset=UTF-8"
    return "text/tab-separated-values; charset=UTF-8"


def _or_fail(thunk: Any, debug: bool) -> Any:
    """Run a check before any request; a ConfigurationError becomes one line."""
    from ..errors import ConfigurationError

    try:
        return thunk()
    except ConfigurationError as exc:
        if debug:
            import traceback

            traceback.print_exc()
        common.fail(str(exc))
