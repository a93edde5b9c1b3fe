"""`timeline officials PATH...`: the officials found, one per person."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from timeline.cli import app
from timeline.cli.common import Lang, TextOrJson, config_lang, fail_input, no_articles, print_problems, write
from timeline.errors import InputError


@app.command()
def officials(
    paths: List[str] = typer.Argument(..., help="Article files or directories."),
    fmt: TextOrJson = typer.Option("text", "--format", "-f"),
    roster: Optional[Path] = typer.Option(None, "--roster", help="officials.yaml roster (overrides config)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Processes (default: all cores)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the cache."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Language of messages (default: config, else id)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o"),
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
    write(render_officials(archive.officials, archive.articles, fmt.value, language), output, language)
