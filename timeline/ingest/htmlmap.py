"""Where the text extracted from a web page is in the page's HTML: each extracted line is matched
against the visible characters of the source (tags, scripts and comments left out, entities decoded,
whitespace ignored), so a finding points at the source line where its quoted text starts; a line that
cannot be matched points at the line of the page's main content.

Pure: the HTML text and the extracted text in, a SourceMap out.
"""

from __future__ import annotations

import html
import re
from typing import Sequence

from timeline.ingest.sourcemap import line_starts, position
from timeline.model import SourceMap

# What a reader never sees: comments, CDATA, declarations, and the content of non-text elements.
_HIDDEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<(script|style|noscript|template|title|textarea|svg)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<[!?/]?[A-Za-z][^>]*>?",
    re.S | re.I,
)
_VISIBLE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?|[^\s&]+|&")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
_MAIN = re.compile(r"<(?:article|main)\b|<body\b", re.I)
_PREFIX = 24  # characters of a line's start that must match when the whole line does not


class VisibleText:
    """The visible characters of an HTML text, whitespace left out, each with its offset in the HTML."""

    __slots__ = ("chars", "offsets")

    def __init__(self, source: str) -> None:
        parts: list[str] = []
        offsets: list[int] = []
        pos = 0
        for hidden in _HIDDEN.finditer(source):
            self._add(source, pos, hidden.start(), parts, offsets)
            pos = hidden.end()
        self._add(source, pos, len(source), parts, offsets)
        self.chars = "".join(parts)
        self.offsets = offsets

    @staticmethod
    def _add(source: str, start: int, end: int, parts: list[str], offsets: list[int]) -> None:
        for m in _VISIBLE.finditer(source, start, end):
            token = m.group()
            if token[0] != "&" or len(token) == 1:
                parts.append(token)
                offsets.extend(range(m.start(), m.end()))
                continue
            for char in html.unescape(token):
                if not char.isspace():
                    parts.append(char)
                    offsets.append(m.start())


def main_content_line(source: str, starts: Sequence[int]) -> int:
    """The line where the page's main content opens (<article>, <main>, else <body>), else 1."""
    found: dict[str, int] = {}
    for m in _MAIN.finditer(source):
        found.setdefault(m.group().lower(), m.start())
    for tag in ("<article", "<main", "<body"):
        if tag in found:
            return position(starts, found[tag])[0]
    return 1


def text_source_map(source: str, text: str, first_line: int = 1) -> SourceMap:
    """The source map of `text` (lines extracted from the HTML `source`); lines are shifted by
    `first_line` - 1 when the HTML starts further down a file (a WARC record)."""
    starts = line_starts(source)
    visible = VisibleText(source)
    shift = first_line - 1
    anchors: list[tuple[int, int, int, int]] = []
    unmatched: list[int] = []  # text offsets of lines not found, placed once the main line is known
    first_found: int | None = None
    cursor = 0
    offset = 0
    for line in text.split("\n"):
        found = _match(visible, line, cursor)
        if found is None:
            if line.strip():
                unmatched.append(len(anchors))
                anchors.append((offset, 0, 1, 0))
        else:
            at, matched = found
            cursor = at + matched
            offsets = visible.offsets
            k, end = at, at + matched
            delta, line_end = None, -1  # the last anchor maps text index j to HTML offset j + delta, until line_end
            for word in _WORD.finditer(line):
                j, size = word.start(), word.end() - word.start()
                if k + size <= end and offsets[k + size - 1] - offsets[k] == size - 1:  # written whole in the page
                    first = offsets[k]
                    k += size
                    if first - j == delta and first + size <= line_end:
                        continue  # continues the last anchor
                    line_no, column = position(starts, first)
                    if first + size <= _line_end(starts, line_no):
                        anchors.append((offset + j, line_no + shift, column, 1))
                        delta, line_end = first - j, _line_end(starts, line_no)
                        first_found = first_found or line_no + shift
                        continue
                    k -= size
                for j in range(j, j + size):  # character by character (tags, entities or a line end inside)
                    if k >= end:  # the rest of the line differs from the page: where the match ended
                        line_no, column = position(starts, offsets[end - 1] + 1)
                        anchors.append((offset + j, line_no + shift, column, 0))
                        break
                    raw = offsets[k]
                    k += 1
                    if raw - j != delta or raw >= line_end:
                        line_no, column = position(starts, raw)
                        anchors.append((offset + j, line_no + shift, column, 1))
                        delta, line_end = raw - j, _line_end(starts, line_no)
                        first_found = first_found or line_no + shift
                if k >= end and j + 1 < word.end():
                    break
        offset += len(line) + 1
    main = first_found if first_found is not None else main_content_line(source, starts) + shift
    for i in unmatched:
        anchors[i] = (anchors[i][0], main, 1, 0)
    return SourceMap(tuple(anchors) or ((0, main, 1, 0),))


def _line_end(starts: Sequence[int], line_no: int) -> int:
    """Where the 1-based line `line_no` ends (the offset its line end has, or past the text)."""
    return starts[line_no] - 1 if line_no < len(starts) else 1 << 62


def _match(visible: VisibleText, line: str, cursor: int) -> tuple[int, int] | None:
    """Where a text line's visible characters start in the page, and how many of them match: the whole
    line after the last match (else anywhere), else its first characters."""
    wanted = _SPACE.sub("", line)
    if not wanted:
        return None
    chars = visible.chars
    at = chars.find(wanted, cursor)
    if at < 0:
        at = chars.find(wanted)
    if at >= 0:
        return at, len(wanted)
    head = wanted[:_PREFIX]
    if len(head) < _PREFIX:
        return None
    at = chars.find(head, cursor)
    if at < 0:
        at = chars.find(head)
    if at < 0:
        return None
    n = len(head)
    limit = min(len(wanted), len(chars) - at)
    while n < limit and chars[at + n] == wanted[n]:
        n += 1
    return at, n
