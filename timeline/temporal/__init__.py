"""Indonesian time expressions: find them, normalize them and resolve them against a reference date.

`find_dates(text, reference)` is the entry point; renderings (text, JSON, TimeML) live in
`timeline.render.dates` and `timeline.render.timeml`.
"""

from __future__ import annotations

from timeline.temporal.scan import find_dates, weekday_name
from timeline.temporal.zones import to_utc

__all__ = ["find_dates", "timex_value", "to_timeml", "to_utc", "weekday_name"]


def __getattr__(name: str):
    # TimeML values are part of what callers expect from the tagger's package; they render in timeline.render.
    if name in ("timex_value", "to_timeml", "timex_type"):
        from timeline.render import timeml

        return getattr(timeml, name)
    raise AttributeError(f"module 'timeline.temporal' has no attribute {name!r}")
