"""`timeline graph PATH... --official NAME`: one official's event graph (json, dot, graphml)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from timeline.cli import app
from timeline.cli.common import GraphFormat, Lang, config_lang, fail_input, print_problems, write
from timeline.errors import InputError


@app.command()
def graph(
    paths: List[str] = typer.Argument(..., help="Article files or directories."),
    official: str = typer.Option(..., "--official", help="The official: name, alias or id."),
    fmt: GraphFormat = typer.Option("json", "--format", "-f"),
    roster: Optional[Path] = typer.Option(None, "--roster"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j"),
    no_cache: bool = typer.Option(False, "--no-cache"),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Language of messages (default: config, else id)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o"),
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
    write(text, output, language)
