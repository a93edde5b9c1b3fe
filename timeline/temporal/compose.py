"""Marks that name one time together become one mark: a relative day and its date in apposition
("Kemarin, Kamis (7/9/2023)", "hari ini, Senin (4/12/2023)"), a day and its clock time in either order
("Jumat (22/3/2024) pukul 09.30 WITA", "sekitar pukul 14.00 WIB, Selasa (6/2)", "22/3/2024, 08.05.30"), a
part of day and its relative day ("malam kemarin"),
and a weekly recurrence and its clock ("setiap Jumat pukul 20.45 WIB").
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.lang import alternation
from timeline.model import ClockTime
from timeline.temporal.symbolic import Dateline, Day, Mark, MonthDay, Previous, Shift, StoryDay, Weekday
from timeline.temporal.vocab import vocab, zone_of

_DAY_SYMBOLS = (Day, Shift, Weekday, Dateline, MonthDay)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = vocab().data
    between = re.compile(rf"\s*(?:(?:{alternation(d['apposition']['between'], flags='i')})\s*)*")
    zones = alternation(list(vocab().zone_forms))
    clock_after = re.compile(
        rf"(?:[ \t]+,?[ \t]*|,[ \t]*)(?:{alternation(d['time']['clock_words'], flags='i')}\s*)?"
        rf"(?P<h>\d{{1,2}})[.:](?P<mi>\d{{2}})(?:[.:](?P<sec>\d{{2}}))?(?![\d])(?![.,]\d)"
        rf"(?!\s*{alternation(d['clock']['not_before'], flags='i')}(?![\w]))(?:\s*(?P<zone>{zones})(?![a-zA-Z]))?"
    )
    glue = re.compile(r"[ \t,]+")  # a line break ends an expression; text glued where a page lost its line
    # break ("Jumat (8/12/2017)14.00-16.00 WIB" in a schedule) is two
    return between, clock_after, glue


def _is_day(mark: Mark) -> bool:
    sym = mark.value
    if isinstance(sym, Shift):  # "kemarin", "pagi ini"
        return sym.unit == "days" and (mark.kind == "relative" or mark.kind == "time" and not mark.time.clock)
    return isinstance(sym, _DAY_SYMBOLS) and mark.granularity == "day" and mark.kind in ("date", "relative")


def _is_clock(mark: Mark) -> bool:
    return mark.kind == "time" and isinstance(mark.value, StoryDay) and mark.time is not None and bool(mark.time.clock)


def _is_part(mark: Mark) -> bool:
    """A part of day alone ("malam"), on the day the story is at."""
    return mark.kind == "time" and isinstance(mark.value, StoryDay) and mark.time is not None \
        and bool(mark.time.part) and not mark.time.clock


def _relative_day(mark: Mark) -> bool:
    """"kemarin", "hari ini", "besok", "Sehari sebelumnya": a day relative to the anchor or the story."""
    sym = mark.value
    if mark.kind != "relative" or mark.time is not None and mark.time.clock:
        return False
    return (isinstance(sym, Shift) and sym.unit == "days") or (isinstance(sym, Previous) and sym.unit == "days")


def _with_clock(day: Mark, clock: Mark, start: int, end: int, text: str) -> Mark:
    part = clock.time.part or (day.time.part if day.time else None)
    time = ClockTime(clock.time.clock, clock.time.zone, part, clock.time.local)
    return day.but(text=text[start:end], start=start, end=end, time=time,
                   approximate=day.approximate or clock.approximate)


def _apposition(word: Mark, day: Mark, text: str) -> Mark:
    sym = word.value
    tense = day.tense
    if isinstance(sym, Shift):
        tense = "past" if sym.n < 0 else "future" if sym.n > 0 else None
    time = day.time or word.time
    return day.but(text=text[word.start:day.end], start=word.start, tense=tense, tense_at=None, time=time,
                   apposition=word.but(time=None))


def _clock_after(mark: Mark, text: str) -> Mark:
    """A date followed by a bare clock time ("22/3/2024, 08.05.30", "01-11-2016 18:35:47")."""
    m = _patterns()[1].match(text, mark.end)
    if m is None:
        return mark
    h, mi, sec = int(m["h"]), int(m["mi"]), m["sec"]
    if h > 24 or mi > 59 or (sec and int(sec) > 59):
        return mark
    clock = f"{h:02d}:{mi:02d}:{sec}" if sec else f"{h:02d}:{mi:02d}"
    part = mark.time.part if mark.time else None
    return mark.but(text=text[mark.start:m.end()], end=m.end(), time=ClockTime(clock, zone_of(m["zone"]), part))


def compose(marks: list[Mark], text: str) -> list[Mark]:
    """The marks with those that name one time together merged (in text order)."""
    if len(marks) < 1:
        return marks
    between, _, glue = _patterns()
    out: list[Mark] = []
    i = 0
    n = len(marks)
    while i < n:
        mark = marks[i]
        nxt = marks[i + 1] if i + 1 < n else None
        if nxt is not None and _relative_day(mark) and isinstance(nxt.value, Day) and nxt.kind == "date" \
                and between.fullmatch(text, mark.end, nxt.start):
            mark, i = _apposition(mark, nxt, text), i + 1  # "Kemarin, Kamis (7/9/2023)"
            nxt = marks[i + 1] if i + 1 < n else None
        if nxt is not None and _is_part(mark) and _relative_day(nxt) and not (nxt.time and nxt.time.part) \
                and text[mark.end:nxt.start] == " ":  # "malam kemarin": the night of that day
            mark, i = nxt.but(text=text[mark.start:nxt.end], start=mark.start, time=mark.time), i + 1
            nxt = marks[i + 1] if i + 1 < n else None
        if nxt is not None and glue.fullmatch(text, mark.end, nxt.start):
            if _is_day(mark) and _is_clock(nxt) and not (mark.time and mark.time.clock):
                mark, i = _with_clock(mark, nxt, mark.start, nxt.end, text), i + 1
            elif _is_clock(mark) and _is_day(nxt) and not (nxt.time and nxt.time.clock):
                mark, i = _with_clock(nxt, mark, mark.start, nxt.end, text), i + 1
            elif mark.kind == "set" and mark.weekday and _is_clock(nxt) and text[mark.end:nxt.start].strip() == "":
                mark, i = mark.but(text=text[mark.start:nxt.end], end=nxt.end, time=nxt.time), i + 1
        if isinstance(mark.value, Day) and mark.kind == "date" and not (mark.time and mark.time.clock):
            longer = _clock_after(mark, text)
            if nxt is None or nxt.start >= longer.end:
                mark = longer
        out.append(mark)
        i += 1
    return out
