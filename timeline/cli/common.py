"""What every command shares: choices built from the registries, writing output, failing in one line."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
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


_PIECE = 1 << 20  # characters encoded at a time: a report of 50,000 articles is some 50 MB of text


def _write_in_pieces(stream, text: str, end: str) -> None:
    """`text` and `end` to a text stream, a piece at a time: writing it whole would encode a second,
    whole copy of the report, and appending `end` a third."""
    for start in range(0, len(text), _PIECE):
        stream.write(text[start : start + _PIECE])
    stream.write(end)


def write(text: str, output: Optional[Path], lang: str = "id", inputs: Iterable[str] = ()) -> None:
    """The command's output to stdout, or to `output` atomically (a temporary file in the same folder,
    then renamed): a failure leaves no partial report. An output that would overwrite one of the
    `inputs` (a file given, or an existing article file inside a folder given) is refused."""
    from timeline.lang import message

    end = "\n" if text and not text.endswith("\n") else ""
    if output is None:
        _write_in_pieces(sys.stdout, text, end)
        return
    if _is_input(output, inputs):
        raise fail(message("cli.output_is_input", lang, path=output))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent or Path("."))
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            _write_in_pieces(fh, text, end)
        os.replace(tmp, output)
        tmp = None
    except OSError as exc:
        raise fail(message("cli.cannot_write", lang, path=output, detail=exc.strerror or exc))
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _is_input(output: Path, inputs: Iterable[str]) -> bool:
    """Whether writing `output` would replace an article the run reads."""
    from timeline.ingest.readers import extension_of

    target = os.path.realpath(output)
    for given in inputs:
        real = os.path.realpath(given)
        if target == real:
            return True
        inside = os.path.isdir(real) and target.startswith(real.rstrip(os.sep) + os.sep)
        if inside and extension_of(target) and os.path.exists(target):
            return True
    return False


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
