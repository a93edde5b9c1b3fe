"""The anchoring policy: which date each recognized expression is resolved against.

- a written date, month or year needs no anchor (explicit);
- an anaphoric expression ("kemudian", "keesokan harinya", "malam harinya") takes the last expression
  with a calendar value (previous);
- a clock time or part of day takes the day of a day expression earlier in its sentence;
- everything else deictic ("besok", "pekan lalu", a bare weekday, a yearless day) takes the reference
  (publication) date.
`resolve(marks, reference)` walks the marks in order, keeping what the policy needs to remember.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from timeline.model import Interval, TimeExpression
from timeline.temporal.resolve import EXPLICIT, Anchor, Host, resolve_mark
from timeline.temporal.symbolic import Mark, Previous, Recognition, SameSentence


@dataclass
class _State:
    recognition: Recognition
    reference: date | None
    prev: TimeExpression | None = None  # the last expression with a calendar value
    reference_anchor: Anchor = EXPLICIT

    def __post_init__(self) -> None:
        ref = self.reference
        self.reference_anchor = Anchor("reference", Interval(ref, ref) if ref is not None else None)

    def previous_anchor(self) -> Anchor:
        p = self.prev
        if p is None:
            return Anchor("previous")
        return Anchor("previous", p.value, p.granularity, p.tense, p.span)


def _host(mark: Mark, state: _State) -> TimeExpression | None:
    """The day expression earlier in the mark's sentence, if the last dated expression is one."""
    p = state.prev
    if p is None or p.granularity != "day" or state.recognition.sentence_ends_between(p.end, mark.start):
        return None
    return p


def choose(mark: Mark, state: _State):
    """(the symbol to resolve, the anchor to resolve it against) for one mark."""
    sym = mark.value
    if sym is None or sym.explicit:
        return sym, EXPLICIT
    if isinstance(sym, SameSentence):
        host = _host(mark, state)
        if host is not None:
            return Host(), Anchor(sym.label or host.anchor, host.value, host.granularity, host.tense, host.span)
        sym = sym.fallback
    if isinstance(sym, Previous):
        return sym, state.previous_anchor()
    return sym, state.reference_anchor


def resolve(recognition: Recognition, reference: date | None) -> list[TimeExpression]:
    """Each mark of a recognized text resolved against the anchor the policy picks, in text order."""
    if isinstance(reference, datetime):
        reference = reference.date()
    state = _State(recognition, reference)
    out = []
    for mark in recognition.marks:
        sym, anchor = choose(mark, state)
        expr = resolve_mark(mark, sym, anchor)
        out.append(expr)
        if expr.value is not None and expr.kind not in ("duration", "set"):
            state.prev = expr
    return out
