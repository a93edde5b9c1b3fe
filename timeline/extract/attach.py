"""The clock time written with an event's date (in the same expression, or right after it), so zones
can be compared: `find_events` makes each event with it."""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Sequence

from timeline.model import TimeExpression

CLOCK_GAP = 12  # characters between a date and its clock time: "Senin (1/1/2024) pukul 23.30 WIB"


@lru_cache(maxsize=1)
def _glue() -> frozenset[str]:
    from timeline.temporal.vocab import vocab

    return frozenset(["", *vocab().data["time"]["clock_glue"]])


def clock_of(date: TimeExpression | None, expressions: Sequence[TimeExpression], text: str,
             starts: Sequence[int] | None = None) -> TimeExpression | None:
    """The clock time of an event dated `date`: the date itself when it holds one ("Senin (1/1/2024)
    pukul 23.30 WIB" read as one expression), else the time written right after it, else None.

    `starts`: the expressions' start offsets when they are in text order (`clock_starts`); then only
    the expressions within CLOCK_GAP of the date are looked at, not all of a long article's."""
    if date is None:
        return None
    if date.time is not None and date.time.clock:
        return date
    if starts is None:
        candidates: Sequence[TimeExpression] = expressions
    else:
        first = bisect.bisect_left(starts, date.end)
        last = bisect.bisect_right(starts, date.end + CLOCK_GAP)
        candidates = expressions[first:last]
    for expr in candidates:
        if (
            expr.kind == "time"
            and expr.time is not None
            and 0 <= expr.start - date.end <= CLOCK_GAP
            and text[date.end : expr.start].strip(" ,") in _glue()
        ):
            return expr
    return None


def clock_starts(expressions: Sequence[TimeExpression]) -> list[int] | None:
    """The expressions' starts for `clock_of`, or None when they are not in text order."""
    starts = [e.start for e in expressions]
    return starts if all(a <= b for a, b in zip(starts, starts[1:])) else None
