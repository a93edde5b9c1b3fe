"""Blank the boilerplate of news pages (share bars, "Baca Juga" links, sidebars) without moving any text.

Markers are data in timeline/lang/id/boilerplate.toml. Removed characters become spaces and newlines stay,
so every offset into the cleaned body is still an offset into the source.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from timeline.lang import table
from timeline.text.spans import matches_at


class _Markers(NamedTuple):
    line: re.Pattern[str]
    tail: re.Pattern[str]
    inline: re.Pattern[str]
    tail_min_before: int
    line_after_newline: re.Pattern[str]  # `line` with a newline in place of "^": searched for in C
    tail_after_newline: re.Pattern[str]
    inline_first: str  # the characters an inline marker starts with


def load_markers() -> dict:
    """The raw boilerplate marker table (for tests and for extending)."""
    return table("id", "boilerplate")


@lru_cache(maxsize=1)
def _markers() -> _Markers:
    data = load_markers()
    alt = lambda patterns: "|".join(f"(?:{p})" for p in patterns)  # noqa: E731 - regexes, not words
    line = rf"[ \t\xa0]*(?:{alt(data['line_start'])})[^\n]*"
    tail = rf"[ \t\xa0]*(?:{alt(data['tail_block'])})[ \t\xa0]*:?[ \t\xa0]*$"
    return _Markers(
        line=re.compile(f"^{line}", re.I | re.M),
        tail=re.compile(f"^{tail}", re.I | re.M),
        inline=re.compile(alt(data["inline"]), re.I | re.M),
        tail_min_before=int(data.get("tail_min_before", 200)),
        line_after_newline=re.compile(f"\n{line}", re.I | re.M),
        tail_after_newline=re.compile(f"\n{tail}", re.I | re.M),
        inline_first=data["inline_first"],
    )


def _at_line_starts(pattern: re.Pattern[str], after_newline: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans `pattern.finditer(text)` finds, for a pattern that starts with "^" (multiline): matched at
    the text's start, then searched as `after_newline` (the same pattern after a newline instead of "^"),
    whose leading newline the regex engine finds without trying each character in between."""
    spans: list[tuple[int, int]] = []
    pos = 0
    first = pattern.match(text)
    if first is not None:
        spans.append(first.span())
        pos = first.end()
    spans += [(match.start() + 1, match.end()) for match in after_newline.finditer(text, pos)]
    if any(start == end or text[end - 1] == "\n" for start, end in spans):
        # an empty match, or one that ends a line and so lets the next line start right after it:
        # finditer's own rules for those
        return [match.span() for match in pattern.finditer(text)]
    return spans


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of `text` that are boilerplate, in order (they may overlap)."""
    m = _markers()
    spans = _at_line_starts(m.line, m.line_after_newline, text)
    spans += matches_at(m.inline, text, m.inline_first)
    for start, end in _at_line_starts(m.tail, m.tail_after_newline, text):
        before = text[:start]
        if len(before) - before.count(" ") - before.count("\n") >= m.tail_min_before:
            spans.append((start, len(text)))
            break
        spans.append((start, end))
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
        parts.append("\n".join(" " * len(line) for line in text[start:end].split("\n")))  # spaces, lines kept
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
