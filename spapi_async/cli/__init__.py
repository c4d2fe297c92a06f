"""The ``spapi-async`` command (extra ``cli``: typer + rich). Imported lazily: ``import spapi_async`` stays cheap."""

from __future__ import annotations


def main() -> None:
    """Entry point of the ``spapi-async`` script."""
    try:
        from .app import build_app
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        import sys

        print(f"error: the command line needs the cli extra ({exc.name} is missing): pip install 'spapi-async[cli]'")
        sys.exit(2)
    build_app()(prog_name="spapi-async")
