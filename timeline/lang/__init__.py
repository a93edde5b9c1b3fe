"""Language data in one place: the words of a language (`lang/<lang>/<name>.toml`) and every sentence a
user reads (`lang/messages/<lang>.toml`), each loaded once.

Code never holds Indonesian words or user-facing English: it asks `table("id", "events")` for words,
`alternation(words)` for a regex of them, and `message("cli.no_articles", lang)` for a sentence.
A `Text` is a message not yet rendered: checks and errors carry it, renderers pick the language.
"""

from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping

LANGS = ("id", "en")
DEFAULT_LANG = "id"


@lru_cache(maxsize=None)
def table(lang: str, name: str) -> dict[str, Any]:
    """The words of `lang` in `lang/<lang>/<name>.toml` (e.g. table("id", "temporal")), parsed once."""
    text = resources.files("timeline.lang").joinpath(lang, f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def alternation(words: Iterable[str], *, flags: str | None = None, any_space: bool = True) -> str:
    """A non-capturing regex alternation of `words`, longest first (so "kemarin lusa" wins over
    "kemarin"); with `any_space` a space in a phrase matches any run of whitespace; `flags` ("i")
    scopes inline flags to the group."""
    forms = sorted({w for w in words if w}, key=len, reverse=True)
    escaped = (re.escape(w) for w in forms)
    body = "|".join(e.replace(r"\ ", r"\s+") for e in escaped) if any_space else "|".join(escaped)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def norm(word: str) -> str:
    """Lower case with runs of whitespace collapsed and curly apostrophes straightened: a lookup key."""
    return " ".join(word.lower().split()).replace("’", "'")


# --------------------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------------------


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, Mapping):
            out.update(_flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


@lru_cache(maxsize=None)
def messages(lang: str) -> dict[str, str]:
    """Every message template of `lang`, keyed "section.name" (English for an unknown language)."""
    if lang not in LANGS:
        lang = "en"
    text = resources.files("timeline.lang").joinpath("messages", f"{lang}.toml").read_text(encoding="utf-8")
    return _flatten(tomllib.loads(text))


def message(key: str, lang: str = DEFAULT_LANG, /, **fields: Any) -> str:
    """The message `key` in `lang`, its {fields} filled in; a field that is itself a `Text` (or anything
    with `render(lang)`) is rendered in the same language."""
    template = messages(lang).get(key)
    if template is None:
        template = messages("en")[key]
    rendered = {k: v.render(lang) if hasattr(v, "render") else v for k, v in fields.items()}
    return template.format(**rendered)


def placeholders(template: str) -> frozenset[str]:
    """The named fields of a str.format template."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


@dataclass(frozen=True, slots=True)
class Text:
    """A message key and its fields, rendered later in whichever language the reader asked for."""

    key: str
    fields: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, message_key: str, /, **fields: Any) -> "Text":
        return cls(message_key, tuple(sorted(fields.items())))

    def render(self, lang: str = DEFAULT_LANG) -> str:
        return message(self.key, lang, **dict(self.fields))

    def __str__(self) -> str:
        return self.render("en")


def label(key: str, lang: str = DEFAULT_LANG) -> str:
    """A short label ("error", "published" ...) in `lang`."""
    return message(f"label.{key}", lang)


def event_label(event_type: str, lang: str) -> str:
    """"keberangkatan" / "departure" for "departure"; the type itself when it has no label."""
    return messages(lang).get(f"event.{event_type}") or messages("en").get(f"event.{event_type}", event_type)


def problem_text(problem: Any, lang: str = DEFAULT_LANG) -> str:
    """One input problem as the line a user reads: file (and line) and what is wrong, in `lang`."""
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return f"{where}: {problem.text.render(lang)}"


def problem_lines(problems: Iterable[Any], lang: str = DEFAULT_LANG) -> list[str]:
    """Each input problem prefixed with the tool's name, as printed on stderr."""
    return [f"timeline: {problem_text(p, lang)}" for p in problems]
