"""bounds: where an expression's span begins and ends, by the conventions the gold is annotated with
(fixtures/gold/README.md). A classifier noun before a complete expression is left out ("bulan Mei" ->
"Mei", "tahun 2015 lalu" -> "2015 lalu"); the clock of another place ("waktu setempat"), a holiday offset
after a date ("15 Juni (H-10)", "hari ini H-2") and "lamanya" after a length belong to the expression.
Only spans move: what a mark says is read before, by the grammar.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from timeline.lang import alternation
from timeline.temporal.symbolic import HolidayOffset, Mark
from timeline.temporal.vocab import vocab

_DAY_KINDS = frozenset({"date", "relative", "time", "range"})


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    d = vocab().data
    b, hol = d["bounds"], d["holidays"]
    month_names = [f for forms in d["months"]["full"] for f in forms]
    weekdays = [f for forms in d["weekdays"]["names"] for f in forms]
    # a month or weekday alone is an expression only capitalised ("bulan juli" keeps its classifier)
    named = [w.capitalize() for w in month_names + weekdays]
    complete = rf"{alternation(named)}|{alternation(list(hol['names']), flags='i')}"
    classifiers = b["classifiers"] + d["years"]["word"] + d["months"]["word"]
    adjectives = alternation(b["classifier_adjectives"], flags="i")
    return {
        # the classifier, then what makes the rest complete alone: a month, weekday or holiday name, a year,
        # or a day with its month ("tanggal 29 November")
        "classifier": re.compile(
            rf"(?:{alternation(classifiers, flags='i')})\s+(?:(?:{adjectives})\s+)?"
            rf"(?=(?:{complete})(?![\w])|(?:1[89]|20|21)\d\d(?![\d\w])|\d{{1,2}}\s+(?:{alternation(named)})(?![\w]))"
        ),
        "local": re.compile(
            rf"[ \t]+{re.escape(b['local_word'])}[ \t]+(?:{alternation(b['local_places'])})(?![\w])"
        ),
        "offset": re.compile(
            rf"[ \t]*\([ \t]*{re.escape(hol['offset_mark'])}[ \t]*[-–+][ \t]*\d{{1,2}}[ \t]*\)"
        ),
        "after_length": re.compile(rf"[ \t]+(?:{alternation(b['after_length'], flags='i')})(?![\w])"),
    }


def _trimmed(mark: Mark, text: str) -> Mark:
    m = _patterns()["classifier"].match(text, mark.start, mark.end)
    if m is None or m.end() >= mark.end or mark.kind in ("duration", "set"):
        return mark
    return mark.but(text=text[m.end():mark.end], start=m.end())


def _widened(mark: Mark, text: str) -> Mark:
    p = _patterns()
    m = None
    if mark.kind == "duration":
        m = p["after_length"].match(text, mark.end)
    elif mark.kind in _DAY_KINDS:
        if mark.time is None or not mark.time.local:  # a clock already local ("waktu setempat") is not again
            m = p["local"].match(text, mark.end)
            if m is not None and mark.time is not None and mark.time.clock:
                mark = mark.but(time=replace(mark.time, local=True))
        m = m or p["offset"].match(text, mark.end)
    if m is None:
        return mark
    return mark.but(text=text[mark.start:m.end()], end=m.end())


def _bare_offset(mark: Mark) -> bool:
    """"H-2" with no holiday to count from: it only restates the day before it ("hari ini H-2")."""
    return isinstance(mark.value, HolidayOffset) and mark.kind == "relative"


def bounds(marks: list[Mark], text: str) -> list[Mark]:
    """The marks with their spans by the conventions above; an offset absorbed into the day before it
    is no longer a mark of its own."""
    out: list[Mark] = []
    for mark in marks:
        if out and _bare_offset(mark) and out[-1].kind in _DAY_KINDS and not _bare_offset(out[-1]) \
                and (out[-1].end <= mark.start and text[out[-1].end:mark.start].strip(" \t(") == ""):
            prev = out[-1]
            end = mark.end + (1 if text[mark.end:mark.end + 1] == ")" and "(" in text[prev.end:mark.start] else 0)
            out[-1] = prev.but(text=text[prev.start:end], end=end)
            continue
        if out and out[-1].end > mark.start:
            continue  # inside what the mark before it now covers
        out.append(_widened(_trimmed(mark, text), text))
    return out
