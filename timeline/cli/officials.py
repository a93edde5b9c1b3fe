"""`timeline officials PATH...`: the officials found, one per person."""

from __future__ import annotations

import typer

from timeline.cli import app
from timeline.cli.common import (
    JobsOption,
    LangOption,
    NoCacheOption,
    OutputOption,
    Paths,
    RosterOption,
    TextOrJson,
    config_lang,
    fail_input,
    no_articles,
    print_problems,
    write,
)
from timeline.errors import InputError


@app.command()
def officials(
    paths: Paths,
    fmt: TextOrJson = typer.Option("text", "--format", "-f"),
    roster: RosterOption = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    """List the officials found in an archive, one canonical entry per person."""
    from timeline import api
    from timeline.render.listing import render_officials

    language = config_lang(paths, lang)
    try:
        archive = api.load(paths, roster=roster, jobs=jobs, use_cache=not no_cache)
    except InputError as exc:
        raise fail_input(exc, language)
    print_problems(archive.problems, language)
    if archive.articles == 0:
        raise no_articles(language)
    write(render_officials(archive.officials, archive.articles, fmt.value, language), output, language, inputs=paths)
