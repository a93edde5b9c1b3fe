"""The `timeline` command line: one module per command, each parsing its options and calling the library.

`main` is the console entry point: a user's mistake ends in one line on stderr and exit code 2, an
interruption in exit code 130, never a traceback.
"""

from __future__ import annotations

import sys

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Check Indonesian news for dates and officials' itineraries that cannot all be true.",
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Each module registers its command on `app` (explicitly, in this order: the order of `--help`).
from timeline.cli import dates, officials, events, check, graph, rules, version  # noqa: E402,F401,I001


def main() -> None:
    """Console entry point: never a traceback for user input."""
    from timeline.lang import message

    interrupted = f"timeline: {message('cli.interrupted', 'id')} / {message('cli.interrupted', 'en')}"
    try:
        app()
    except KeyboardInterrupt:
        typer.echo(interrupted, err=True)
        sys.exit(130)
    except SystemExit as exc:
        if exc.code == 130:  # typer turns Ctrl-C into a silent exit 130: say why the run stopped
            typer.echo(interrupted, err=True)
        raise
