"""`timeline events PATH...`: each official's events in time order, with where each claim comes from."""

from __future__ import annotations

from typing import Optional

import typer

from timeline.cli import app
from timeline.cli.common import (
    EventsFormat,
    JobsOption,
    LangOption,
    NoCacheOption,
    OutputOption,
    Paths,
    RosterOption,
    config_lang,
    fail_input,
    no_articles,
    print_problems,
    write,
)
from timeline.errors import InputError


@app.command()
def events(
    paths: Paths,
    fmt: EventsFormat = typer.Option(
        "text", "--format", "-f", help="text, json, or html (each official's time axis on one page)."
    ),
    official: Optional[str] = typer.Option(None, "--official", help="Only this official (name or id)."),
    roster: RosterOption = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    """Print each official's events in time order, with where each claim comes from."""
    from timeline import api

    language = config_lang(paths, lang)
    try:
        settings = api.load_settings(paths)
        archive = api.load(paths, settings, roster=roster, jobs=jobs, use_cache=not no_cache)
        text = api.events_text(archive, fmt.value, official, language, settings)
    except InputError as exc:
        raise fail_input(exc, language)
    print_problems(archive.problems, language)
    if archive.articles == 0:
        raise no_articles(language)
    write(text, output, language)
