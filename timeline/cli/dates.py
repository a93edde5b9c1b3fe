"""`timeline dates FILE`: every time expression of one article, normalized."""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional

import typer

from timeline.cli import app
from timeline.cli.common import (
    DatesFormat,
    LangOption,
    OutputOption,
    config_lang,
    fail,
    fail_input,
    print_problems,
    write,
)
from timeline.errors import InputError


def _parse_ref(ref: Optional[str], lang: str) -> Optional[date | datetime]:
    """YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS][±ZZ:ZZ] (a reference time: sub-day relatives get a clock)."""
    from timeline.lang import message

    if ref is None:
        return None
    try:
        if len(ref) == 10:
            return date.fromisoformat(ref)
        if "T" not in ref or len(ref) < 16:
            raise ValueError(ref)
        return datetime.fromisoformat(ref)
    except ValueError:
        raise fail(message("cli.bad_ref", lang, value=ref))


@app.command()
def dates(
    file: str = typer.Argument(..., help="An article file (.txt, .md, .json), or - for standard input."),
    ref: Optional[str] = typer.Option(
        None, "--ref", help="Reference date YYYY-MM-DD, or time YYYY-MM-DDTHH:MM[±ZZ:ZZ], for relative dates "
        "(default: the publication date, with its clock when the metadata gives one)."
    ),
    fmt: DatesFormat = typer.Option("text", "--format", "-f", help="Output format."),
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    """List the time expressions of one article, normalized and resolved."""
    from timeline import api
    from timeline.render.dates import render_dates

    language = config_lang([file if file != "-" else "."], lang)
    reference = _parse_ref(ref, language)
    try:
        result = api.dates_of_file(file, reference)
    except InputError as exc:
        raise fail_input(exc, language)
    print_problems(result.warnings, language)
    text = render_dates(result.article.text, result.expressions, result.reference, result.reference_source,
                        fmt.value, language)
    write(text, output, language, inputs=[file] if file != "-" else [])
