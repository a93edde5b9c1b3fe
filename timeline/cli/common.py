"""What every command shares: choices built from the registries, writing output, failing in one line."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Iterable, List, Optional

import typer

from timeline.engine import ENGINES
from timeline.errors import ExitCode, InputError
from timeline.lang import LANGS
from timeline.render import DATES_FORMATS, EVENTS_FORMATS, GRAPH_FORMATS, LIST_FORMATS, REPORT_FORMATS


def _choices(name: str, values: Iterable[str]) -> type[Enum]:
    return Enum(name, {v: v for v in values}, type=str)  # type: ignore[return-value]


CheckFormat = _choices("CheckFormat", REPORT_FORMATS)
DatesFormat = _choices("DatesFormat", DATES_FORMATS)
GraphFormat = _choices("GraphFormat", GRAPH_FORMATS)
TextOrJson = _choices("TextOrJson", LIST_FORMATS)
EventsFormat = _choices("EventsFormat", EVENTS_FORMATS)
Lang = _choices("Lang", LANGS)
FailOn = _choices("FailOn", ("error", "warning", "info", "never"))
EngineName = _choices("EngineName", ENGINES)


# Options several commands share, declared once.
Paths = Annotated[List[str], typer.Argument(help="Article files or directories.")]
RosterOption = Annotated[Optional[Path], typer.Option("--roster", help="officials.yaml roster (overrides config).")]
JobsOption = Annotated[Optional[int], typer.Option("--jobs", "-j", help="Processes for extraction (default: all cores).")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the extraction cache.")]
LangOption = Annotated[Optional[Lang], typer.Option("--lang", help="Language of messages (default: config, else id).")]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file.")]


def fail(message: str) -> typer.Exit:
    """One line on stderr, exit 2: the way every unusable input ends."""
    typer.echo(f"timeline: {message}", err=True)
    return typer.Exit(ExitCode.UNUSABLE)


def fail_input(exc: InputError, lang: str) -> typer.Exit:
    return fail(exc.render(lang))


def write(text: str, output: Optional[Path], lang: str = "id") -> None:
    """The command's output to stdout or to `output` (a trailing newline added when missing)."""
    from timeline.lang import message

    if output is None:
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    try:
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as exc:
        raise fail(message("cli.cannot_write", lang, path=output, detail=exc.strerror or exc))


def echo_lines(lines: Iterable[str]) -> None:
    for line in lines:
        typer.echo(line, err=True)


def print_problems(problems, lang: str) -> None:
    from timeline.lang import problem_lines

    echo_lines(problem_lines(problems, lang))


def no_articles(lang: str) -> typer.Exit:
    from timeline.lang import message

    return fail(message("cli.no_articles", lang))


def config_lang(paths: list[str], explicit: Optional[Enum] = None) -> str:
    """The message language: --lang, else the configuration found from these paths, else id."""
    if explicit is not None:
        return explicit.value
    from timeline.settings import load_settings

    try:
        return load_settings(paths).lang
    except InputError:
        return "id"
