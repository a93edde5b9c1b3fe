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

# The characters outside ASCII that case-insensitive matching takes for an ASCII letter (Unicode's simple
# case folding: "İ" and "ı" for i, the Kelvin sign for k, the long s); tests/temporal/test_grammar.py
# checks this table against the regex engine.
FOLDS_TO_ASCII = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


@lru_cache(maxsize=None)
def table(lang: str, name: str) -> dict[str, Any]:
    """The words of `lang` in `lang/<lang>/<name>.toml` (e.g. table("id", "temporal")), parsed once."""
    text = resources.files("timeline.lang").joinpath(lang, f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def alternation(words: Iterable[str], *, flags: str | None = None, any_space: bool = True,
                word_start: bool = False) -> str:
    r"""A non-capturing regex alternation of `words`, longest first (so "kemarin lusa" wins over
    "kemarin"); with `any_space` a space in a phrase matches any run of whitespace; `flags` ("i")
    scopes inline flags to the group.

    Written as a trie of the words (the regex engine then tries a handful of letters at each position
    instead of every word), which matches exactly what the flat alternation does; where the words would
    make a trie ambiguous under either case mode, the flat alternation is kept.

    `word_start`: the words only where no letter, digit or hyphen stands before them, what
    `(?<![\w-])(?:...)` says; each first letter is then matched before that look back, so the regex
    engine skips in C to the letters a word can start with (when the regex is case-sensitive)."""
    forms = {w for w in words if w}
    if word_start:
        starts = _word_starts(forms, any_space) if not flags else None
        if starts is not None:
            return starts
        return rf"(?<![\w-]){alternation(forms, flags=flags, any_space=any_space)}"
    body = _trie(forms, any_space, ignore_case=flags == "i")
    if body is None:
        body = _flat(forms, any_space)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def _word_starts(words: set[str], any_space: bool) -> str | None:
    r"""`(?<![\w-])(?:words)` as one branch per first character c, `c(?<![\w-]c)` then the rest:
    the same matches, in the same order (first characters that could match one character are
    left to the caller's plain form: None)."""
    by_first: dict[str, set[str]] = {}
    for w in words:
        by_first.setdefault(w[0], set()).add(w[1:])
    if any(c.isspace() for c in by_first) or len({c.lower() for c in by_first}) != len(by_first):
        return None
    alts = []
    for c in sorted(by_first):
        rests = by_first[c]
        longer = {r for r in rests if r}
        rest = ""
        if longer:
            body = _trie(longer, any_space)
            rest = f"(?:{_flat(longer, any_space) if body is None else body})" + ("?" if "" in rests else "")
        first = re.escape(c)
        alts.append(rf"{first}(?<![\w-]{first}){rest}")
    return "(?:" + "|".join(alts) + ")"


def _flat(words: Iterable[str], any_space: bool) -> str:
    """`words` as one flat alternation, longest first."""
    escaped = (re.escape(w) for w in sorted(words, key=len, reverse=True))
    return "|".join(e.replace(r"\ ", r"\s+") for e in escaped) if any_space else "|".join(escaped)


def _trie(words: Iterable[str], any_space: bool, ignore_case: bool = False) -> str | None:
    """`words` factored by common prefixes, a longer word tried before a word it extends: the flat
    alternation's longest-first order, since only words that are prefixes of one another can match at
    the same place. Below a branch point where two letters could match the same character (case
    variants such as "Wakil" and "WAKIL"), the words are listed flat, longest first, as before. None
    for letters whose case folding the trie cannot reason about (outside ASCII) or white space other
    than a plain space.

    With `ignore_case` (the caller scopes "i" to the group), each first letter is written as its two
    cases, matched case-sensitively: the regex engine then rejects a word start by comparing one
    character per branch instead of folding it for each; a first character outside ASCII (the "K"
    Kelvin sign folds to "k") still goes through the case-insensitive trie."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            if (ch.isspace() and ch != " ") or (not ch.isascii() and ch.upper() != ch.lower()):
                return None
            node = node.setdefault(ch, {})
        node[""] = {}

    def piece(ch: str) -> str:
        return r"\s+" if ch == " " and any_space else re.escape(ch)

    def suffixes(node: dict, head: str = "") -> list[str]:
        out = [head] if "" in node else []
        for ch, child in node.items():
            if ch:
                out += suffixes(child, head + ch)
        return out

    def build(node: dict) -> str:
        keys = sorted(ch for ch in node if ch)
        if not keys:
            return ""
        if len({ch.lower() for ch in keys}) != len(keys):
            flat = sorted(suffixes(node), key=lambda w: (-len(w), w))
            return "(?:" + "|".join("".join(map(piece, w)) for w in flat) + ")"
        alts = [piece(ch) + build(node[ch]) for ch in keys]
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    body = build(root)
    keys = sorted(ch for ch in root if ch)
    if not ignore_case or len({ch.lower() for ch in keys}) != len(keys):
        return body
    alts = []
    for ch in keys:
        rest = build(root[ch])
        for variant in sorted({ch.lower(), ch.upper()}) if ch.isascii() and ch.isalpha() else [ch]:
            alts.append(f"(?-i:{piece(variant)}){rest}")
    return "(?:" + "|".join(alts) + rf"|(?-i:(?![\x00-\x7f])){body})"


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
