"""`timeline rules [NAME]`: the rule catalog, or one rule explained with its examples."""

from __future__ import annotations

from typing import Optional

import typer

from timeline.cli import app
from timeline.cli.common import Lang, TextOrJson, fail_input, write
from timeline.errors import InputError


@app.command()
def rules(
    name: Optional[str] = typer.Argument(None, help="A rule code or name: explain that rule."),
    lang: Optional[Lang] = typer.Option(None, "--lang"),
    fmt: TextOrJson = typer.Option("text", "--format", "-f"),
) -> None:
    """List the rule catalog, or explain one rule with its examples."""
    from timeline.render.rules import render_rules

    language = lang.value if lang else "id"
    try:
        text = render_rules(name, language, fmt.value)
    except InputError as exc:
        raise fail_input(exc, language)
    write(text, None, language)
