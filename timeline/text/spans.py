"""Spans of a text: quoted speech, and which sentence holds an offset (binary searches, no scans)."""

from __future__ import annotations

import bisect
import re
from typing import Sequence

from timeline.model import Sentence

_QUOTE_RE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech (“...” or "..."), within one line."""
    return [m.span() for m in _QUOTE_RE.finditer(text)]


def inside(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether pos lies inside one of the sorted, disjoint spans."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def sentence_index(sentences: Sequence[Sentence], starts: Sequence[int], pos: int) -> int:
    """Index of the sentence holding pos (the one that starts last at or before it)."""
    return max(bisect.bisect_right(starts, pos) - 1, 0)


def sentence_at(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    """The sentence whose span holds `offset`, if any."""
    i = bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1
    if i >= 0 and sentences[i].start <= offset < max(sentences[i].end, sentences[i].start + 1):
        return sentences[i]
    return None
