"""`timeline check PATH...`: the main job; options in, `api.run_check` does the rest."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from timeline.cli import app
from timeline.cli.common import (
    CheckFormat,
    EngineName,
    FailOn,
    JobsOption,
    LangOption,
    NoCacheOption,
    OutputOption,
    Paths,
    RosterOption,
    config_lang,
    echo_lines,
    fail_input,
    write,
)
from timeline.errors import InputError


@app.command()
def check(
    paths: Paths,
    fmt: Optional[CheckFormat] = typer.Option(
        None, "--format", "-f", help="text (default), json, sarif, github or html (one self-contained page)."
    ),
    output: OutputOption = None,
    lang: LangOption = None,
    fail_on: FailOn = typer.Option("error", "--fail-on", help="Lowest severity that makes the exit code 1."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Accept the findings listed in this file."),
    write_baseline: Optional[Path] = typer.Option(
        None, "--write-baseline", help="Write the current findings as accepted, then exit 0."
    ),
    roster: RosterOption = None,
    config: Optional[Path] = typer.Option(None, "--config", help="Use this .timeline.toml."),
    select: Optional[str] = typer.Option(
        None, "--select", help="Only these rules (codes, code prefixes like TL1, names; comma-separated)."
    ),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="Skip these rules (codes or names, comma-separated)."),
    columns: Optional[str] = typer.Option(
        None, "--columns", help="CSV/TSV columns of article fields, e.g. text=isi,date=waktu (title, text, date, url,"
        " outlet, author)."
    ),
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Where the cache lives."),
    hook: bool = typer.Option(
        False, "--hook", help="Pre-commit mode: the paths are changed files; the whole archive is context."
    ),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar on stderr."),
    engine: Optional[EngineName] = typer.Option(
        None, "--engine", help="serial, local (default: a process pool) or dask (pip install 'timeline[dask]')."
    ),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local cluster."
    ),
) -> None:
    """Check an archive: build each official's event graph and report claims that cannot all be true."""
    from timeline import api

    options = api.CheckOptions(
        paths=list(paths),
        fmt=fmt.value if fmt else None,
        lang=lang.value if lang else None,
        fail_on=fail_on.value,
        baseline=baseline,
        write_baseline=write_baseline,
        roster=roster,
        config_path=config,
        select=select,
        ignore=ignore,
        columns=columns,
        jobs=jobs,
        use_cache=not no_cache,
        cache_dir=cache_dir,
        engine=engine.value if engine else None,
        scheduler=scheduler,
        hook=hook,
        progress=progress,
        # colour only for a person at a terminal who has not asked for none (https://no-color.org)
        stdout_is_terminal=sys.stdout.isatty() and output is None and not os.environ.get("NO_COLOR"),
        stderr_is_terminal=sys.stderr.isatty(),
    )
    try:
        outcome = api.run_check(options)
    except InputError as exc:
        raise fail_input(exc, config_lang(list(paths), lang))
    echo_lines(outcome.problems)
    if outcome.text is not None:
        write(outcome.text, output, outcome.lang, inputs=paths)
    echo_lines(outcome.notes)
    raise typer.Exit(outcome.exit_code)
