"""The command line's own messages in Indonesian and English (timeline/lang/messages.toml)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Iterable

from timeline.records import InputProblem


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    return tomllib.loads(resources.files("timeline").joinpath("lang/messages.toml").read_text("utf-8"))


def message(key: str, lang: str = "id", **fields: object) -> str:
    """One message in `lang` (English when the language has none), its fields filled in."""
    table = _table()
    template = table.get(lang, {}).get(key) or table["en"][key]
    return template.format(**fields)


def problem_lines(problems: Iterable[InputProblem], lang: str = "id") -> list[str]:
    """Each input problem as the one line a user reads: file (and line) and what is wrong."""
    from timeline.articles import render_problem

    return [f"timeline: {render_problem(p, lang)}" for p in problems]
