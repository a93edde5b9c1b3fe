"""Text and JSON renderings of a list of time expressions (the `timeline dates` output)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from timeline.lang import message

from timeline.model import TimeExpression


def _value_text(e: TimeExpression) -> str:
    if e.duration is not None and e.value is None:
        return "/".join(f"{k}={v}" for k, v in e.duration.to_json().items())
    if e.value is None and e.kind == "ref":
        from timeline.render.timeml import timex_value

        return timex_value(e)
    if e.value is None:
        return "-"
    if e.value.start == e.value.end:
        return e.value.start.isoformat()
    return f"{e.value.start.isoformat()}..{e.value.end.isoformat()}"


def _anchor_text(e: TimeExpression, text: str | None) -> str:
    """anchor=narrative 18-36 'Sabtu (14/10/2023)': what a relative value was resolved against."""
    out = f"anchor={e.anchor}"
    if e.anchor_span:
        a, b = e.anchor_span
        out += f" {a}-{b}"
        if text is not None:
            out += f" {text[a:b]!r}"
    return out


def render_text(
    expressions: Iterable[TimeExpression], reference: date | None = None, source: str | None = None,
    lang: str = "id", *, head: bool = False, text: str | None = None,
) -> str:
    """One line per expression: span, kind, the text as written, its value and any flags (what a relative
    value was anchored to, quoting `text`); with `head`, a first line saying which reference date
    resolved the relative ones (and where it came from)."""
    lines = []
    if head:
        lines.append(message("listing.reference", lang, date=reference.isoformat(), source=source)
                     if reference else message("listing.no_reference", lang))
    for e in expressions:
        flags = []
        if e.tense:
            flags.append(e.tense)
        if e.anchor != "explicit":
            flags.append(_anchor_text(e, text))
        if e.approximate:
            flags.append("approximate")
        if e.apposition is not None:
            w = e.apposition
            flags.append(f"{w.text!r} = {_value_text(w)} ({_anchor_text(w, text)})")
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


def render_dates(
    text: str, expressions: list[TimeExpression], reference: date | None, source: str | None, fmt: str,
    lang: str = "id",
) -> str:
    """What `timeline dates` prints for one article: text (with the reference it used), JSON or TimeML."""
    if fmt == "json":
        return render_json(expressions)
    if fmt == "timeml":
        from timeline.render.timeml import to_timeml

        return to_timeml(text, expressions, reference)
    return render_text(expressions, reference, source, lang, head=True, text=text)
