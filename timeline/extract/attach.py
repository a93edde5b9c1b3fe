"""Attach to each event the clock time written with its date (in the same expression, or right after
it), so zones can be compared."""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Sequence

from timeline.model import EventClaim, TimeExpression

CLOCK_GAP = 12  # characters between a date and its clock time: "Senin (1/1/2024) pukul 23.30 WIB"


def _glue() -> frozenset[str]:
    from timeline.temporal.vocab import vocab

    return frozenset(["", *vocab().data["time"]["clock_glue"]])


def with_clock(event: EventClaim, expressions: Sequence[TimeExpression], text: str,
               starts: Sequence[int] | None = None) -> EventClaim:
    """The event with the clock time written right after its date ("Senin (1/1/2024) pukul 23.30 WIB").

    `starts`: the expressions' start offsets when they are in text order (`clock_starts`); then only
    the expressions within CLOCK_GAP of the date are looked at, not all of a long article's."""
    if event.date is None:
        return event
    if event.date.time is not None and event.date.time.clock:  # "Senin (1/1/2024) pukul 23.30 WIB": one expression
        return replace(event, time=event.date)
    if starts is None:
        candidates: Sequence[TimeExpression] = expressions
    else:
        first = bisect.bisect_left(starts, event.date.end)
        last = bisect.bisect_right(starts, event.date.end + CLOCK_GAP)
        candidates = expressions[first:last]
    for expr in candidates:
        if (
            expr.kind == "time"
            and expr.time is not None
            and 0 <= expr.start - event.date.end <= CLOCK_GAP
            and text[event.date.end : expr.start].strip(" ,") in _glue()
        ):
            return replace(event, time=expr)
    return event


def clock_starts(expressions: Sequence[TimeExpression]) -> list[int] | None:
    """The expressions' starts for `with_clock`, or None when they are not in text order."""
    starts = [e.start for e in expressions]
    return starts if all(a <= b for a, b in zip(starts, starts[1:])) else None
