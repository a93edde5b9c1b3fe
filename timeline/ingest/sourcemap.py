"""Building an article's source map: where each character of its text is in the file (physical line and
column), for text taken verbatim, through escapes (JSON, CSV), or matched in a web page.

Offsets into "the file" are offsets into its decoded text with line ends normalized to LF: only LF,
CR LF and CR end a line there (never U+0085 or U+2028), so a line is counted exactly as an editor does.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Sequence

from timeline.model import SourceMap

Run = tuple[int, int]  # (text offset, file offset): the text from here maps 1:1 onto the file from there


def line_starts(text: str) -> list[int]:
    """The offset where each physical line of a normalized text starts (0 first)."""
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def position(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """The 1-based line and column of a file offset."""
    i = bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


def verbatim(length: int, file_start: int, starts: Sequence[int]) -> SourceMap:
    """The map of a text that is the file's text from `file_start` on, character for character."""
    return from_runs([(0, file_start)], length, starts)


def line_only(line: int) -> SourceMap:
    """A map that knows only the line (a record whose text cannot be traced character by character)."""
    return SourceMap(((0, line, 1, 0),))


def from_runs(runs: Sequence[Run], length: int, starts: Sequence[int]) -> SourceMap:
    """The map of a text made of runs, each copied from the file from its file offset on (until the next
    run starts); a run that crosses a line end gets an anchor at each new line."""
    anchors: list[tuple[int, int, int, int]] = []
    n_lines = len(starts)
    line = 0  # index of the line of the current file offset; runs usually move forward, so walk it
    last = (-1, -1, -1)  # (text offset, line, column) the last anchor extends to
    for i, (t0, f0) in enumerate(runs):
        t1 = runs[i + 1][0] if i + 1 < len(runs) else length
        if t1 <= t0 and i + 1 < len(runs):
            continue
        if f0 < starts[line] or (line + 1 < n_lines and starts[line + 1] <= f0):
            line = bisect_right(starts, f0) - 1
        column = f0 - starts[line] + 1
        o, l, c = last
        if not (l == line + 1 and c + (t0 - o) == column):
            anchors.append((t0, line + 1, column, 1))
            last = (t0, line + 1, column)
        f1 = f0 + (t1 - t0)
        stop = bisect_left(starts, f1, line + 1)  # the lines that start inside the run: one anchor each
        if stop > line + 1:
            shift = t0 - f0
            anchors += [(shift + starts[k], k + 1, 1, 1) for k in range(line + 1, stop)]
            line = stop - 1
            last = (shift + starts[line], line + 1, 1)
    return SourceMap(tuple(anchors) or ((0, 1, 1, 1),))


def from_char_offsets(offsets: Sequence[int | None], starts: Sequence[int], fallback: int = 1) -> SourceMap:
    """The map of a text whose every character has its file offset (None: unknown, then the place of
    the character before it, or line `fallback` when none is known yet)."""
    anchors: list[tuple[int, int, int, int]] = []
    new_line = set(starts)
    expected = None
    for i, f in enumerate(offsets):
        if f is None:
            if not anchors:
                anchors.append((i, fallback, 1, 0))
            continue
        if f == expected and f not in new_line:
            expected = f + 1
            continue
        line, column = position(starts, f)
        anchors.append((i, line, column, 1))
        expected = f + 1
    return SourceMap(tuple(anchors) or ((0, fallback, 1, 0),))


def runs_to_char_offsets(runs: Sequence[Run], length: int) -> list[int]:
    """Each text character's file offset, from runs."""
    out: list[int] = []
    for i, (t0, f0) in enumerate(runs):
        t1 = runs[i + 1][0] if i + 1 < len(runs) else length
        out.extend(range(f0, f0 + max(t1 - t0, 0)))
    return out


def normalize_newlines(text: str, runs: list[Run]) -> tuple[str, list[Run]]:
    """`text` with CR LF and CR turned into LF (as every reader keeps text), its runs moved to match."""
    if "\r" not in text:
        return text, runs
    offsets = runs_to_char_offsets(runs, len(text))
    chars: list[str] = []
    kept: list[int] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\r":
            chars.append("\n")
            kept.append(offsets[i])
            i += 2 if i + 1 < n and text[i + 1] == "\n" else 1
            continue
        chars.append(c)
        kept.append(offsets[i])
        i += 1
    new_runs: list[Run] = []
    for t, f in enumerate(kept):
        if not new_runs or kept[t - 1] + 1 != f:
            new_runs.append((t, f))
    return "".join(chars), new_runs
