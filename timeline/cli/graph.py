"""`timeline graph PATH... --official NAME`: one official's event graph (json, dot, graphml)."""

from __future__ import annotations

import typer

from timeline.cli import app
from timeline.cli.common import (
    GraphFormat,
    JobsOption,
    LangOption,
    NoCacheOption,
    OutputOption,
    Paths,
    RosterOption,
    config_lang,
    fail_input,
    print_problems,
    write,
)
from timeline.errors import InputError


@app.command()
def graph(
    paths: Paths,
    official: str = typer.Option(..., "--official", help="The official: name, alias or id."),
    fmt: GraphFormat = typer.Option("json", "--format", "-f"),
    roster: RosterOption = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    """Export one official's event graph (json, dot or graphml)."""
    from timeline import api

    language = config_lang(paths, lang)
    try:
        archive = api.load(paths, roster=roster, jobs=jobs, use_cache=not no_cache)
        print_problems(archive.problems, language)
        text = api.official_graph_text(archive, official, fmt.value)
    except InputError as exc:
        raise fail_input(exc, language)
    write(text, output, language, inputs=paths)
