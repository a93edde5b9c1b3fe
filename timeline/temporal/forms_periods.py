"""Readings of the grammar's branches for references and periods: PRESENT/PAST/FUTURE references and
narrative anaphora ("saat itu", "bulan sebelumnya"), quarters, halves, seasons, decades, year ranges,
a day of the month alone, "dalam waktu 10 hari", and vague lengths ("hitungan detik", "sesaat").
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.lang import norm
from timeline.model import Duration
from timeline.temporal.forms_calendar import rel_shift
from timeline.temporal.recognize import Scan, make, tense_of, word_before
from timeline.temporal.symbolic import (
    Anaphor, Decade, Holiday, HolidayOffset, MonthDay, Period, Quarter, QuarterShift, Season, Shift, YearSpan,
)
from timeline.temporal.vocab import vocab

_SUB_DAY = ("seconds", "minutes", "hours")
_CLAUSE_OPENERS = ".,;:!?\"“”'(\n"


@lru_cache(maxsize=1)
def _refs() -> dict[str, tuple[str, object]]:
    """phrase -> (kind of reference, what it says)."""
    r = vocab().data["refs"]
    out: dict[str, tuple[str, object]] = {}
    for key, tense in (("present", None), ("past", "past"), ("future", "future")):
        for w in r[key]:
            out[norm(w)] = ("ref", tense)
    for w in r["anaphoric"]:
        out[norm(w)] = ("anaphor", Anaphor())
    for w in r["anaphoric_or_nothing"]:
        out[norm(w)] = ("anaphor", Anaphor(drop=True))
    for w in r["anaphoric_day"]:
        out[norm(w)] = ("anaphor_day", Anaphor("day"))
    for w in r["earlier_today"]:
        out[norm(w)] = ("today", Shift("days", 0))
    return out


@lru_cache(maxsize=1)
def _ordinals() -> dict[str, int]:
    return {norm(k): v for k, v in vocab().data["periods"]["ordinals"].items()}


def _opens_clause(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in _CLAUSE_OPENERS


def _ref(scan: Scan, m):
    phrase = norm(m["ref"])
    what, value = _refs()[phrase]
    r = vocab().data["refs"]
    if what == "ref":
        if phrase in r["past_needs_cue"]:  # "dulu" is "formerly" only after a cue or opening a clause
            before = norm(word_before(scan.text, m.start()))
            if before not in r["past_cues"] and not _opens_clause(scan.text, m.start()):
                return None
        return make(scan, m, "ref", tense=value, anchor="reference")
    if what == "anaphor_day":
        return make(scan, m, "relative", value=value, granularity="day")
    if what == "today":  # "Tadi ...": earlier today, only opening a clause
        if not _opens_clause(scan.text, m.start()):
            return None
        return make(scan, m, "relative", value=value, granularity="day", tense="past")
    return make(scan, m, "ref", value=value)


def _period(scan: Scan, m):
    r = vocab().data["refs"]
    units = {norm(k): v for k, v in r["period_units"].items()}
    if m["back"]:  # "periode yang sama tahun lalu", "bulan yang sama tahun lalu"
        return make(scan, m, "relative", value=Period(units.get(norm(m["pw"])), 0, -1), tense="past")
    unit = units[norm(m["pu"])]
    n = r["period_shift"][norm(m["shift"])]
    return make(scan, m, "relative", value=Period(unit, n), tense="past" if n < 0 else None)


def _quarter(scan: Scan, m):
    p = vocab().data["periods"]
    size = 3 if norm(m["qw"]) in p["quarter_words"] else 6
    n = _ordinals().get(norm(m["qn"]))
    if n is None or n > 12 // size:
        return None
    tense, at = tense_of(m, scan.text)
    gran = "quarter" if size == 3 else "half"
    if m["y"]:
        return make(scan, m, "month", value=Quarter(n, size, int(m["y"])), granularity=gran, tense=tense, tense_at=at)
    if m["rel"]:
        shift, rel_tense = rel_shift(m["rel"])
        return make(scan, m, "month", value=Quarter(n, size, None, shift), granularity=gran, tense=rel_tense)
    return make(scan, m, "month", value=Quarter(n, size), granularity=gran, tense=tense, tense_at=at)


def _quarter_rel(scan: Scan, m):
    shift, tense = rel_shift(m["rel"])
    return make(scan, m, "relative", value=QuarterShift(shift), granularity="quarter", tense=tense)


def _quarter_code(scan: Scan, m):
    n = int(m["qn"])
    return make(scan, m, "month", value=Quarter(n, 3, int(m["y"]) if m["y"] else None), granularity="quarter")


def _season(scan: Scan, m):
    code = vocab().data["periods"]["seasons"][norm(m["sn"])]
    part = vocab().month_part_of[norm(m["p"])] if m["p"] else None
    if m["y"]:
        return make(scan, m, "month", value=Season(code, int(m["y"])), granularity="season", part=part)
    shift, tense = rel_shift(m["rel"] or m["rel2"])
    return make(scan, m, "month", value=Season(code, None, shift), granularity="season", part=part, tense=tense)


def _vague_count(scan: Scan, m):
    from timeline.temporal.forms_relative import _unit

    return make(scan, m, "duration", duration=Duration(_unit(m["vu"]), None))


def _moment(scan: Scan, m):
    return make(scan, m, "duration", duration=Duration(vocab().data["units"]["vague_only"]["saat"], None))


def _frequency(scan: Scan, m):
    return make(scan, m, "set", duration=Duration(vocab().data["units"]["frequency"][norm(m["fq"])], 1))


def _month_day(scan: Scan, m):
    d = int(m["d"])
    if not 1 <= d <= 31:
        return None
    tense, at = tense_of(m, scan.text)
    return make(scan, m, "relative", value=MonthDay(d), granularity="day", tense=tense, tense_at=at)


def _month_day_num(scan: Scan, m):
    """"pada 3 nanti": a bare day of the month needs one of its cue words before it and a tense after it."""
    if norm(word_before(scan.text, m.start())) not in _day_alone_cues():
        return None
    return _month_day(scan, m)


@lru_cache(maxsize=1)
def _day_alone_cues() -> frozenset[str]:
    return frozenset(norm(w) for w in vocab().data["weekdays"]["day_alone_before"])


@lru_cache(maxsize=1)
def law_before() -> re.Pattern[str]:
    """A number of a law or regulation right before its year: "UU Nomor 20 Tahun 2001"."""
    from timeline.lang import alternation

    y = vocab().data["years"]
    return re.compile(rf"(?<![\w.])(?:{alternation(y['law_before'], flags='i')})\s*\d+[\w/.\-]*\s+"
                      rf"(?:{alternation(y['word'], flags='i')}\s+)?$")


def _decade(scan: Scan, m):
    digits = m["dec"]
    if len(digits) == 2:
        if not m["dw"]:
            return None  # "usia 20-an" is an age
        start = (1900 if int(digits) >= 30 else 2000) + int(digits)
    else:
        start = int(digits)
    return make(scan, m, "year", value=Decade(start), granularity="decade")


def _year_range(scan: Scan, m):
    first, last = int(m["y"]), int(m["y2"])
    if not first < last <= first + 10:
        return None
    if law_before().search(scan.text, max(0, m.start() - 40), m.start()):
        return None
    return make(scan, m, "range", value=YearSpan(first, last), granularity="year")


def _holiday(scan: Scan, m):
    h = vocab().data["holidays"]
    text = scan.text
    name = m["hol"] or m["hol2"]
    after = text[m.end("hol2" if m["hol2"] else "hol"):m.end("hol2" if m["hol2"] else "hol") + 12].lstrip()
    if after.split(" ", 1)[0].rstrip(".,;") in h["not_before"]:
        return None  # "Tahun Baru Imlek"
    before = word_before(text, m.start())
    if norm(before) in h["not_after"]:
        return None  # "pesta kostum Halloween"
    if m["hol"] and name[:1].isupper() and " " not in name.strip():
        if after[:1].isupper() or (before[:1].isupper() and norm(before) not in h["cues"]):
            return None  # "Rizky Ramadhan", "pasar Natal Berlin": a name
    key = {**{norm(k): v for k, v in h["names"].items()}, **h["offset_names"]}[norm(name)]
    offset = 0
    if m["hn"]:
        offset = int(m["hn"]) * (-1 if m["hs"] in "-–" else 1)
    kind = "range" if key in h["ranges"] and not offset else "date"
    return make(scan, m, kind, value=Holiday(key, int(m["y"]) if m["y"] else None, offset), granularity="day")


def _holiday_offset(scan: Scan, m):
    """"H-2" alone, only after a holiday the text named (the offset counts from it)."""
    if not any(isinstance(x.value, Holiday) for x in scan.found):
        return None
    n = int(m["hn"]) * (-1 if m["hs"] in "-–" else 1)
    return make(scan, m, "relative", value=HolidayOffset(n), granularity="day")


READINGS = {
    "ref": _ref, "period": _period, "quarter": _quarter, "quarter_rel": _quarter_rel, "quarter_code": _quarter_code,
    "season": _season, "vague_count": _vague_count, "moment": _moment, "frequency": _frequency,
    "month_day": _month_day, "month_day_num": _month_day_num, "decade": _decade, "year_range": _year_range,
    "holiday": _holiday, "holiday_offset": _holiday_offset,
}
