"""Blank the boilerplate of news pages (share bars, "Baca Juga" links, sidebars) without moving any text.

Markers are data in timeline/lang/id/boilerplate.toml. Removed characters become spaces and newlines stay,
so every offset into the cleaned body is still an offset into the source.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from timeline.lang import table

_NOT_NEWLINE = re.compile(r"[^\n]")


class _Markers(NamedTuple):
    line: re.Pattern[str]
    tail: re.Pattern[str]
    inline: re.Pattern[str]
    tail_min_before: int


def load_markers() -> dict:
    """The raw boilerplate marker table (for tests and for extending)."""
    return table("id", "boilerplate")


@lru_cache(maxsize=1)
def _markers() -> _Markers:
    data = load_markers()
    alt = lambda patterns: "|".join(f"(?:{p})" for p in patterns)  # noqa: E731 - regexes, not words
    return _Markers(
        line=re.compile(rf"^[ \t\xa0]*(?:{alt(data['line_start'])})[^\n]*", re.I | re.M),
        tail=re.compile(rf"^[ \t\xa0]*(?:{alt(data['tail_block'])})[ \t\xa0]*:?[ \t\xa0]*$", re.I | re.M),
        inline=re.compile(alt(data["inline"]), re.I | re.M),
        tail_min_before=int(data.get("tail_min_before", 200)),
    )


def _at_line_starts(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` yields for a pattern that starts with "^" (multiline), tried only
    where a line starts instead of at every character."""
    out: list[re.Match[str]] = []
    pos, size = 0, len(text)
    while pos <= size:
        match = pattern.match(text, pos)
        if match is not None:
            if match.end() == pos:  # an empty match: finditer's rules for those are its own
                return list(pattern.finditer(text))
            out.append(match)
            pos = match.end()
            if pos > 0 and text[pos - 1] != "\n":  # resume at the next line start
                pos = text.find("\n", pos)
                if pos < 0:
                    break
                pos += 1
            continue
        pos = text.find("\n", pos)
        if pos < 0:
            break
        pos += 1
    return out


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of `text` that are boilerplate, in order (they may overlap)."""
    m = _markers()
    spans = [match.span() for match in _at_line_starts(m.line, text)]
    spans += [match.span() for match in m.inline.finditer(text)]
    for match in _at_line_starts(m.tail, text):
        before = text[: match.start()]
        if len(before) - before.count(" ") - before.count("\n") >= m.tail_min_before:
            spans.append((match.start(), len(text)))
            break
        spans.append(match.span())
    spans.sort()
    return spans


def clean_body(text: str) -> str:
    """`text` with its boilerplate replaced by spaces: same length, same lines, same offsets."""
    spans = boilerplate_spans(text)
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        if end <= pos:
            continue
        start = max(start, pos)
        parts.append(text[pos:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
