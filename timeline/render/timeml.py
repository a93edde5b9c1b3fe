"""TimeML export: the text with TIMEX3 tags (tid, type, ISO value) and the document creation time (DCT)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from xml.sax.saxutils import escape as _escape, quoteattr

from timeline.model import TimeExpression
from timeline.temporal.vocab import vocab

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    """XML-escaped text; characters XML 1.0 cannot hold become U+FFFD (one for one, so offsets keep)."""
    return _escape(_NOT_XML.sub("\ufffd", text))


_UNIT_CODE = {"seconds": ("T", "S"), "minutes": ("T", "M"), "hours": ("T", "H"), "days": ("", "D"),
              "weeks": ("", "W"), "months": ("", "M"), "years": ("", "Y")}
_REF_VALUE = {None: "PRESENT_REF", "past": "PAST_REF", "future": "FUTURE_REF"}


def _period(unit: str, amount: float | None) -> str:
    t, code = _UNIT_CODE.get(unit, ("", "X"))
    if amount is None:
        return f"P{t}X{code}" if unit in _UNIT_CODE else "PXX"
    n = int(amount) if float(amount).is_integer() else amount
    return f"P{t}{n}{code}"


def timex_type(e: TimeExpression) -> str:
    if e.kind == "duration":
        return "DURATION"
    if e.kind == "set":
        return "SET"
    if e.kind == "ref":
        return "DATE"
    if e.time is not None and (e.time.clock or e.time.part):
        return "TIME"
    return "DATE"


def timex_value(e: TimeExpression) -> str:
    """The TIMEX3 value: 2023-03-12, 2023-03-12T07:40, 2023-03-12TMO, 2023-03, 2023, 2024-Q2, 2024-H1,
    2023-SU, 198, 2017-W51-WE, P10D, PT20M, PXM, PRESENT_REF ..."""
    if e.kind == "duration":
        return _period(e.duration.unit, e.duration.amount) if e.duration else "PXX"
    if e.kind == "set":
        if e.weekday is not None:
            clock = f"T{e.time.clock.split('-')[0]}" if e.time is not None and e.time.clock else ""
            return f"XXXX-WXX-{vocab().weekday_names.index(e.weekday.stated) + 1}{clock}"
        return _period(e.duration.unit, e.duration.amount) if e.duration else "PXX"
    if e.value is None:
        if e.kind == "ref":
            return _REF_VALUE.get(e.tense, "PAST_REF")
        return "XXXX-XX-XX"
    v = e.value
    if e.granularity == "decade":
        base = str(v.start.year // 10)
    elif e.granularity == "season":
        base = f"{v.start.year}-{e.season}"
    elif e.granularity == "quarter":
        base = f"{v.start.year}-Q{(v.start.month - 1) // 3 + 1}"
    elif e.granularity == "half":
        base = f"{v.start.year}-H{(v.start.month - 1) // 6 + 1}"
    elif e.granularity == "weekend":
        iso = v.start.isocalendar()
        base = f"{iso[0]:04d}-W{iso[1]:02d}-WE"
    elif e.granularity == "year" or (e.granularity == "part" and v.start.month != v.end.month):
        base = str(v.start.year)
    elif e.granularity in ("month", "part"):
        base = f"{v.start.year:04d}-{v.start.month:02d}"
    elif e.granularity == "week":
        iso = v.start.isocalendar()
        base = f"{iso[0]:04d}-W{iso[1]:02d}"
    else:
        base = v.start.isoformat()
    if e.time is not None and e.kind != "range":
        if e.time.clock:
            return f"{base}T{e.time.clock.split('-')[0]}"
        if e.time.part:
            return f"{base}T{vocab().data['time']['part_codes'].get(e.time.part, 'DT')}"
    return base


def _attrs(e: TimeExpression, tids: dict[tuple[int, int], str], dct: bool) -> dict[str, str]:
    out = {"type": timex_type(e), "value": timex_value(e)}
    if e.part:
        out["mod"] = vocab().data["parts"]["timeml_mod"][e.part]
    elif e.approximate:
        out["mod"] = "APPROX"
    if e.kind == "range" and e.value is not None:
        out["type"] = "DURATION"
        years = e.value.end.year - e.value.start.year + 1
        out["value"] = f"P{years}Y" if e.granularity == "year" else f"P{e.value.days}D"
    if e.kind == "set" and e.duration is not None:
        out["freq"] = "1X"
    if e.anchor == "reference":
        out["temporalFunction"] = "true"
        if dct:
            out["anchorTimeID"] = "t0"
    elif e.anchor != "explicit":  # narrative, speech: the expression it was resolved against
        out["temporalFunction"] = "true"
        anchor_tid = tids.get(e.anchor_span) if e.anchor_span else None
        if anchor_tid:
            out["anchorTimeID"] = anchor_tid
    return out


def _tag(attrs: dict[str, str]) -> str:
    return " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items())


def to_timeml(text: str, expressions: Iterable[TimeExpression], dct: date | None) -> str:
    """A TimeML document: DCT, then the text with each expression wrapped in a TIMEX3 (well-formed XML)."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>"]
    if dct is not None:
        parts.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" '
                     f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>')
    body: list[str] = []
    kept: list[TimeExpression] = []
    pos = 0
    for e in sorted(expressions, key=lambda x: x.start):
        if e.start >= pos:
            kept.append(e)
            pos = e.end
    tids = {e.span: f"t{n}" for n, e in enumerate(kept, 1)}
    pos = 0
    for e in kept:
        body.append(escape(text[pos:e.start]))
        tid = tids[e.span]
        inner = escape(text[e.start:e.end])
        attrs = _tag(_attrs(e, tids, dct is not None))
        if e.kind == "range" and e.value is not None:
            first, last = ((str(e.value.start.year), str(e.value.end.year)) if e.granularity == "year"
                           else (e.value.start.isoformat(), e.value.end.isoformat()))
            begin = f'<TIMEX3 tid="{tid}b" type="DATE" value="{first}"/>'
            end = f'<TIMEX3 tid="{tid}e" type="DATE" value="{last}"/>'
            body.append(f'{begin}{end}<TIMEX3 tid="{tid}" {attrs} beginPoint="{tid}b" endPoint="{tid}e">'
                        f"{inner}</TIMEX3>")
        else:
            body.append(f'<TIMEX3 tid="{tid}" {attrs}>{inner}</TIMEX3>')
        pos = e.end
    body.append(escape(text[pos:]))
    parts.append("<TEXT>" + "".join(body) + "</TEXT>")
    parts.append("</TimeML>")
    return "\n".join(parts) + "\n"
