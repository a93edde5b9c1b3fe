"""Spans of a text: quoted speech, and which sentence holds an offset (binary searches, no scans)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterable, Sequence

from timeline.lang import table
from timeline.model import Sentence


@lru_cache(maxsize=1)
def _quotes() -> tuple[re.Pattern[str], str]:
    """The quote pairs of `lang/id/sentences.toml` as one regex (an opening quote, the same line, its
    closing quote), and the opening quotes."""
    pairs = table("id", "sentences")["quote_pairs"]
    pattern = "|".join(f"{re.escape(o)}[^{re.escape(c)}\\n]*{re.escape(c)}" for o, c in pairs)
    return re.compile(pattern), "".join(dict.fromkeys(o for o, _ in pairs))


@lru_cache(maxsize=8)  # asked for by the sentences, the officials, the events and the article rules of one article
def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of quoted speech (“...” or "..."), within one line."""
    pattern, openers = _quotes()
    return tuple(matches_at(pattern, text, openers))


def matches_at(pattern: re.Pattern[str], text: str, first: str) -> list[tuple[int, int]]:
    """The spans `pattern.finditer(text)` finds, for a pattern whose matches start with one of the
    characters `first`: tried only where those stand (found by str.find), not at every character."""
    candidates: list[int] = []
    for char in first:
        at = text.find(char)
        while at >= 0:
            candidates.append(at)
            at = text.find(char, at + 1)
    candidates.sort()
    spans: list[tuple[int, int]] = []
    pos = 0
    for at in candidates:
        if at < pos:
            continue
        match = pattern.match(text, at)
        if match is not None:
            if match.end() == at:  # an empty match: finditer's rules for those are its own
                return [m.span() for m in pattern.finditer(text)]
            spans.append(match.span())
            pos = match.end()
    return spans


_AFTER_ANY = float("inf")  # a span end after every offset: (pos, _AFTER_ANY) sorts after every span starting at pos


def inside(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether pos lies inside one of the sorted, disjoint spans."""
    if not spans:
        return False
    i = bisect.bisect_right(spans, (pos, _AFTER_ANY)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


class Spans:
    """Any number of spans, possibly overlapping, asked whether one covers an offset: merged once and
    searched by bisection (asking each span costs a pass per question in a long article)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(s for s in spans if s[0] < s[1]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def covers(self, pos: int) -> bool:
        """Whether some span holds `pos` (start <= pos < end)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]


def sentence_index(sentences: Sequence[Sentence], starts: Sequence[int], pos: int) -> int:
    """Index of the sentence holding pos (the one that starts last at or before it)."""
    return max(bisect.bisect_right(starts, pos) - 1, 0)


def sentence_at(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    """The sentence whose span holds `offset`, if any."""
    i = bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1
    if i >= 0 and sentences[i].start <= offset < max(sentences[i].end, sentences[i].start + 1):
        return sentences[i]
    return None
