"""`timeline version`."""

from __future__ import annotations

import typer

from timeline.cli import app


@app.command()
def version() -> None:
    """Print the version."""
    from timeline import __version__

    typer.echo(f"timeline {__version__}")
