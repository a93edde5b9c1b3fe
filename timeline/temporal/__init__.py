"""Indonesian time expressions: recognize them, anchor them, resolve them.

`find_dates(text, reference)` is the entry point. It is `resolve(recognize(text), reference)`:
`recognize` reads every expression into a symbolic mark with no reference date (`recognize.py`, with the
grammar in `grammar.py`), `resolve` picks each mark's anchor by the policy in `anchor.py` and does the
calendar arithmetic (`resolve.py`, `days.py`). Renderings (text, JSON, TimeML) live in
`timeline.render.dates` and `timeline.render.timeml`.
"""

from __future__ import annotations

from datetime import date

from timeline.model import TimeExpression
from timeline.temporal.anchor import resolve
from timeline.temporal.recognize import recognize
from timeline.temporal.resolve import weekday_name
from timeline.temporal.zones import to_utc

__all__ = ["find_dates", "recognize", "resolve", "timex_value", "to_timeml", "to_utc", "weekday_name"]


def find_dates(text: str, reference: date | None = None) -> list[TimeExpression]:
    """Every time expression in `text`, sorted by start, non-overlapping, resolved against `reference`."""
    return resolve(recognize(text), reference)


def __getattr__(name: str):
    # TimeML values are part of what callers expect from the tagger's package; they render in timeline.render.
    if name in ("timex_value", "to_timeml", "timex_type"):
        from timeline.render import timeml

        return getattr(timeml, name)
    raise AttributeError(f"module 'timeline.temporal' has no attribute {name!r}")
