"""Text and JSON renderings of a list of time expressions (the `timeline dates` output)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from timeline.records import TimeExpression


def _value_text(e: TimeExpression) -> str:
    if e.duration is not None and e.value is None:
        return "/".join(f"{k}={v}" for k, v in e.duration.to_json().items())
    if e.value is None:
        return "-"
    if e.value.start == e.value.end:
        return e.value.start.isoformat()
    return f"{e.value.start.isoformat()}..{e.value.end.isoformat()}"


def render_text(expressions: Iterable[TimeExpression]) -> str:
    """One line per expression: span, kind, the text as written, its value and any flags."""
    lines = []
    for e in expressions:
        flags = []
        if e.tense:
            flags.append(e.tense)
        if e.anchor != "explicit":
            flags.append(f"anchor={e.anchor}")
        if e.time is not None:
            t = e.time
            flags.append(" ".join(x for x in (t.clock, t.zone, t.part, "waktu setempat" if t.local else None) if x))
        if e.weekday is not None and e.weekday.ok is False:
            flags.append(f"weekday {e.weekday.stated} != {e.weekday.actual}")
        if not e.valid:
            flags.append("invalid")
        if e.note:
            flags.append(e.note)
        tail = f"  [{'; '.join(flags)}]" if flags else ""
        lines.append(f"{e.start}-{e.end}\t{e.kind}\t{e.text!r}\t{_value_text(e)}{tail}")
    return "\n".join(lines) + ("\n" if lines else "")


def render_json(expressions: Iterable[TimeExpression]) -> str:
    """A JSON list of the expressions' stable objects (TimeExpression.to_json)."""
    return json.dumps([e.to_json() for e in expressions], ensure_ascii=False, indent=2)
