"""The `timeline` command line: parse options, call the library, print, exit. No logic lives here."""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from timeline.errors import ExitCode, InputError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Check Indonesian news for dates and officials' itineraries that cannot all be true.",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class TextOrJson(str, Enum):
    text = "text"
    json = "json"


class DatesFormat(str, Enum):
    text = "text"
    json = "json"
    timeml = "timeml"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class GraphFormat(str, Enum):
    json = "json"
    dot = "dot"
    graphml = "graphml"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Lang(str, Enum):
    id = "id"
    en = "en"


def _fail(message: str) -> "typer.Exit":
    """One line on stderr, exit 2: the way every unusable input ends."""
    typer.echo(f"timeline: {message}", err=True)
    return typer.Exit(ExitCode.UNUSABLE)


def _parse_ref(ref: Optional[str], lang: str) -> Optional[date]:
    from timeline.messages import message

    if ref is None:
        return None
    try:
        return date.fromisoformat(ref)
    except ValueError:
        raise _fail(message("bad_ref", lang, value=ref))


def _write(text: str, output: Optional[Path], lang: str = "id") -> None:
    from timeline.messages import message

    if output is None:
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    try:
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as exc:
        raise _fail(message("cannot_write", lang, path=output, detail=exc.strerror or exc))


def _print(lines) -> None:
    for line in lines:
        typer.echo(line, err=True)


def _print_problems(problems, lang: str) -> None:
    from timeline.messages import problem_lines

    _print(problem_lines(problems, lang))


def _no_articles(lang: str) -> "typer.Exit":
    from timeline.messages import message

    return _fail(message("no_articles", lang))


@app.command()
def dates(
    file: str = typer.Argument(..., help="An article file (.txt, .md, .json), or - for standard input."),
    ref: Optional[str] = typer.Option(
        None, "--ref", help="Reference date YYYY-MM-DD for relative dates (default: the publication date)."
    ),
    fmt: DatesFormat = typer.Option(DatesFormat.text, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file."),
) -> None:
    """List the time expressions of one article, normalized and resolved."""
    from timeline import api

    lang = api.default_lang([file if file != "-" else "."])
    reference = _parse_ref(ref, lang)
    try:
        result = api.dates_of_file(file, reference)
    except InputError as exc:
        raise _fail(str(exc))
    _print_problems(result.warnings, lang)
    _write(api.render_dates(result, fmt.value), output, lang)


@app.command()
def officials(
    paths: List[str] = typer.Argument(..., help="Article files or directories."),
    fmt: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f"),
    roster: Optional[Path] = typer.Option(None, "--roster", help="officials.yaml roster (overrides config)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Processes (default: all cores)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the cache."),
    output: Optional[Path] = typer.Option(None, "--output", "-o"),
) -> None:
    """List the officials found in an archive, one canonical entry per person."""
    from timeline import api

    try:
        lang = api.default_lang(paths)
        archive = api.load(paths, roster=roster, jobs=jobs, use_cache=not no_cache)
    except InputError as exc:
        raise _fail(str(exc))
    _print_problems(archive.problems, lang)
    if archive.articles == 0:
        raise _no_articles(lang)
    _write(api.render_officials(archive, fmt.value), output, lang)


@app.command()
def events(
    paths: List[str] = typer.Argument(..., help="Article files or directories."),
    fmt: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f"),
    official: Optional[str] = typer.Option(None, "--official", help="Only this official (name or id)."),
    roster: Optional[Path] = typer.Option(None, "--roster"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j"),
    no_cache: bool = typer.Option(False, "--no-cache"),
    output: Optional[Path] = typer.Option(None, "--output", "-o"),
) -> None:
    """Print each official's events in time order, with where each claim comes from."""
    from timeline import api

    try:
        lang = api.default_lang(paths)
        archive = api.load(paths, roster=roster, jobs=jobs, use_cache=not no_cache)
        text = api.render_events(archive, fmt.value, official)
    except InputError as exc:
        raise _fail(str(exc))
    _print_problems(archive.problems, lang)
    if archive.articles == 0:
        raise _no_articles(lang)
    _write(text, output, lang)


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Article files or directories (the archive)."),
    fmt: Optional[CheckFormat] = typer.Option(
        None, "--format", "-f", help="text (default on a terminal), json, sarif or github."
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Language of messages (default: config, else id)."),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="Lowest severity that makes the exit code 1."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Accept the findings listed in this file."),
    write_baseline: Optional[Path] = typer.Option(
        None, "--write-baseline", help="Write the current findings as accepted, then exit 0."
    ),
    roster: Optional[Path] = typer.Option(None, "--roster", help="officials.yaml roster (overrides config)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this .timeline.toml."),
    select: Optional[str] = typer.Option(None, "--select", help="Only these rules (codes or names, comma-separated)."),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="Skip these rules (codes or names, comma-separated)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Processes for extraction (default: all cores)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the extraction cache."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Where the cache lives."),
    hook: bool = typer.Option(
        False, "--hook", help="Pre-commit mode: the paths are changed files; the whole archive is context."
    ),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar on stderr."),
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
        jobs=jobs,
        use_cache=not no_cache,
        cache_dir=cache_dir,
        hook=hook,
        progress=progress,
        # colour only for a person at a terminal who has not asked for none (https://no-color.org)
        stdout_is_terminal=sys.stdout.isatty() and output is None and not os.environ.get("NO_COLOR"),
        stderr_is_terminal=sys.stderr.isatty(),
    )
    try:
        outcome = api.run_check(options)
    except InputError as exc:
        raise _fail(str(exc))
    _print(outcome.problems)
    if outcome.text is not None:
        _write(outcome.text, output, outcome.lang)
    _print(outcome.notes)
    raise typer.Exit(outcome.exit_code)


@app.command()
def graph(
    paths: List[str] = typer.Argument(..., help="Article files or directories."),
    official: str = typer.Option(..., "--official", help="The official: name, alias or id."),
    fmt: GraphFormat = typer.Option(GraphFormat.json, "--format", "-f"),
    roster: Optional[Path] = typer.Option(None, "--roster"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j"),
    no_cache: bool = typer.Option(False, "--no-cache"),
    output: Optional[Path] = typer.Option(None, "--output", "-o"),
) -> None:
    """Export one official's event graph (json, dot or graphml)."""
    from timeline import api

    try:
        lang = api.default_lang(paths)
        archive = api.load(paths, roster=roster, jobs=jobs, use_cache=not no_cache)
        _print_problems(archive.problems, lang)
        text = api.render_graph(archive, official, fmt.value)
    except InputError as exc:
        raise _fail(str(exc))
    _write(text, output, lang)


@app.command()
def rules(
    name: Optional[str] = typer.Argument(None, help="A rule code or name: explain that rule."),
    lang: Optional[Lang] = typer.Option(None, "--lang"),
    fmt: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f"),
) -> None:
    """List the rule catalog, or explain one rule with its examples."""
    from timeline import api

    try:
        text = api.render_rules(name, lang.value if lang else None, fmt.value)
    except InputError as exc:
        raise _fail(str(exc))
    _write(text, None)


@app.command()
def version() -> None:
    """Print the version."""
    from timeline import __version__

    typer.echo(f"timeline {__version__}")


def main() -> None:
    """Console entry point: never a traceback for user input."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("timeline: dihentikan / interrupted", err=True)
        sys.exit(130)
