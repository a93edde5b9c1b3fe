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


_UNIT_CODE = {"minutes": ("T", "M"), "hours": ("T", "H"), "days": ("", "D"), "weeks": ("", "W"),
              "months": ("", "M"), "years": ("", "Y")}


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
    if e.time is not None and (e.time.clock or e.time.part):
        return "TIME"
    return "DATE"


def timex_value(e: TimeExpression) -> str:
    """The TIMEX3 value: 2023-03-12, 2023-03-12T07:40, 2023-03-12TMO, 2023-03, 2023, P10D, PT20M, PXX ..."""
    if e.kind == "duration":
        return _period(e.duration.unit, e.duration.amount) if e.duration else "PXX"
    if e.kind == "set":
        if e.weekday is not None:
            return f"XXXX-WXX-{vocab().weekday_names.index(e.weekday.stated) + 1}"
        return _period(e.duration.unit, e.duration.amount) if e.duration else "PXX"
    if e.value is None:
        return "XXXX-XX-XX"
    v = e.value
    if e.granularity == "year" or (e.granularity == "part" and v.start.month != v.end.month):
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


def _attrs(e: TimeExpression) -> dict[str, str]:
    out = {"type": timex_type(e), "value": timex_value(e)}
    if e.granularity == "part" and e.part:
        out["mod"] = vocab().data["parts"]["timeml_mod"][e.part]
    if e.kind == "range" and e.value is not None:
        out["type"] = "DURATION"
        out["value"] = f"P{e.value.days}D"
    if e.kind == "set" and e.duration is not None:
        out["freq"] = "1X"
    if e.anchor == "previous":
        out["temporalFunction"] = "true"
    elif e.anchor == "reference":
        out["temporalFunction"] = "true"
        out["anchorTimeID"] = "t0"
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
    pos = 0
    n = 0
    for e in sorted(expressions, key=lambda x: x.start):
        if e.start < pos:
            continue
        n += 1
        body.append(escape(text[pos:e.start]))
        tid = f"t{n}"
        inner = escape(text[e.start:e.end])
        if e.kind == "range" and e.value is not None:
            begin = f'<TIMEX3 tid="{tid}b" type="DATE" value="{e.value.start.isoformat()}"/>'
            end = f'<TIMEX3 tid="{tid}e" type="DATE" value="{e.value.end.isoformat()}"/>'
            body.append(f'{begin}{end}<TIMEX3 tid="{tid}" {_tag(_attrs(e))} beginPoint="{tid}b" endPoint="{tid}e">'
                        f"{inner}</TIMEX3>")
        else:
            body.append(f'<TIMEX3 tid="{tid}" {_tag(_attrs(e))}>{inner}</TIMEX3>')
        pos = e.end
    body.append(escape(text[pos:]))
    parts.append("<TEXT>" + "".join(body) + "</TEXT>")
    parts.append("</TimeML>")
    return "\n".join(parts) + "\n"
