"""Readings of the calendar branches of the grammar: written days, ranges, months and years.

Each reading takes the scan and the branch's match and returns a `Mark` (or None: not an expression,
or `Skip`). A year that is not written stays unknown; a year named relative to today ("tahun lalu")
is a shift, resolved later against whatever anchor the policy picks.
"""

from __future__ import annotations

import re

from timeline.lang import norm
from timeline.temporal import days as D
from timeline.temporal.recognize import (
    Scan, Skip, cues, group, is_abbreviation, lookback_tense, make, month_number, part_of, tense_of, time_of,
    weekday_canonical, word_after, word_before,
)
from timeline.model import ClockTime
from timeline.temporal.symbolic import Day, Mark, Month, MonthShift, MonthSpan, Shift, Span, Year
from timeline.temporal.vocab import vocab


def rel_shift(word: str | None) -> tuple[int, str | None]:
    """"depan" -> (1, future), "lalu" -> (-1, past), "ini" -> (0, None)."""
    if not word:
        return 0, None
    w = norm(word)
    c = cues()
    if w in c.next_words:
        return 1, "future"
    if w in c.last_words:
        return -1, "past"
    return 0, None


# ---------------------------------------------------------------------------------------------- days


def _single(scan: Scan, m: re.Match[str], d: int, mo: int, y: int | None, *, year_shift: int | None = None,
            shift_tense: str | None = None) -> Mark | None:
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    tense, at = tense_of(m, scan.text)
    word = group(m, "tense")
    offset = vocab().relative_days.get(norm(word)) if word else None
    apposition = None
    if offset is not None:  # "Kamis (7/9/2023) kemarin": the relative day is read with the date
        apposition = Mark(text=word, start=m.start("tense"), end=m.end("tense"), kind="relative",
                          value=Shift("days", offset), granularity="day",
                          tense="past" if offset < 0 else "future")
    part0 = group(m, "part0")
    part = part_of(m) or (vocab().part_of_day.get(norm(part0)) if part0 else None)
    time = ClockTime(part=part, local=True) if group(m, "local0") else time_of(part)
    return make(scan, m, "date", value=Day(d, mo, y, year_shift, shift_tense), granularity="day",
                weekday=weekday_canonical(group(m, "wd")), tense=tense, tense_at=at,
                time=time, written=(d, mo, y), apposition=apposition)


def _range(scan: Scan, m: re.Match[str], d1: int, m1: int, y1: int | None, d2: int, m2: int, y2: int | None):
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31 and 1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    if (m1, d1) >= (m2, d2) and y1 is None and y2 is None:
        return None
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2
    if y1 is not None:  # both ends are known now: a range that runs backwards is no range
        start = D.safe_date(y1, m1, d1)
        last_year = y2 if y2 is not None else (y1 if (m2, d2) >= (m1, d1) else y1 + 1)
        end = D.safe_date(last_year, m2, d2)
        if start is not None and end is not None and end < start:
            return None
    tense, at = tense_of(m, scan.text)
    wd = weekday_canonical(group(m, "wd"))
    return make(scan, m, "range", value=Span(Day(d1, m1, y1), Day(d2, m2, y2)), granularity="day",
                weekday=wd, weekday2=weekday_canonical(group(m, "wd2")) if wd else None, tense=tense, tense_at=at,
                time=time_of(part_of(m)), written=(d1, m1, y1))


def _numeric_ok(m: re.Match[str]) -> bool:
    y = group(m, "y")
    sep = group(m, "sep")
    return not (y and len(y) == 2 and sep not in (None, "/"))


def _wd_range_num(scan, m):
    y = D.expand_year(m["y"]) if m["y"] else None
    mo = int(m["m"])
    return _range(scan, m, int(m["d"]), mo, y, int(m["d2"]), mo, y)


def _wd_num(scan, m):
    if not _numeric_ok(m):
        return None
    return _single(scan, m, int(m["d"]), int(m["m"]), D.expand_year(m["y"]) if m["y"] else None)


def _text_month_ok(scan, m, key="m", year_key="y") -> bool:
    """An abbreviated month ("Agus", "Mar") counts only with a year, or when no name follows it."""
    if not is_abbreviation(m[key]) or group(m, year_key):
        return True
    nxt = word_after(scan.text, m.end(key))
    return not (nxt[:1].isupper())


def _text_cross(scan, m):
    if not (_text_month_ok(scan, m, "m", "y") and _text_month_ok(scan, m, "m2", "y2")):
        return None
    y1 = int(m["y"]) if m["y"] else None
    y2 = int(m["y2"]) if m["y2"] else None
    return _range(scan, m, int(m["d"]), month_number(m["m"]), y1, int(m["d2"]), month_number(m["m2"]), y2)


def _text_range(scan, m):
    if not _text_month_ok(scan, m):
        return None
    y = int(m["y"]) if m["y"] else None
    mo = month_number(m["m"])
    return _range(scan, m, int(m["d"]), mo, y, int(m["d2"]), mo, y)


def _num_range(scan, m):
    y = D.expand_year(m["y"])
    mo = int(m["m"])
    return _range(scan, m, int(m["d"]), mo, y, int(m["d2"]), mo, y)


def _text_date(scan, m):
    if not _text_month_ok(scan, m):
        return None
    if not m["y"] and not m["wd"] and cues().name_before.search(scan.text, max(0, m.start() - 30), m.start()):
        return Skip(m.end("m"))  # the whole name, month included, is not a date
    if m["ry"]:  # "17 Agustus tahun lalu": the year named relative to the anchor
        shift, tense = rel_shift(m["ry"])
        return _single(scan, m, int(m["d"]), month_number(m["m"]), None, year_shift=shift, shift_tense=tense)
    return _single(scan, m, int(m["d"]), month_number(m["m"]), int(m["y"]) if m["y"] else None)


def _iso(scan, m):
    return _single(scan, m, int(m["d"]), int(m["m"]), int(m["y"]))


def _num_date(scan, m):
    before = scan.text[max(0, m.start() - 4):m.start()].rstrip()
    if not _numeric_ok(m) or any(before.endswith(c) for c in cues().currency):
        return None
    return _single(scan, m, int(m["d"]), int(m["m"]), D.expand_year(m["y"]))


# ---------------------------------------------------------------------------------------------- months, years


def _month(scan, m, mo: int, year: int | None, shift: int | None, *, tense=None, at=None, part=None) -> Mark:
    known = year is not None
    return make(scan, m, "month", value=Month(mo, year, shift), granularity="part" if part else "month", part=part,
                tense=tense, tense_at=at, written=(None, mo, year if known else None))


def _part_month(scan, m):
    if is_abbreviation(m["m"]) and not m["y"]:
        return None
    part = vocab().month_part_of[norm(m["p"])]
    mo = month_number(m["m"])
    if m["y"]:
        return _month(scan, m, mo, int(m["y"]), None, part=part)
    if m["rel"]:
        shift, tense = rel_shift(m["rel"])
        return _month(scan, m, mo, None, shift, tense=tense, part=part)
    tense, at = lookback_tense(scan.text, m.start())
    return _month(scan, m, mo, None, None, tense=tense, at=at, part=part)


def _year(scan, m, year: int | None, shift: int | None, *, tense=None, at=None, part=None, kind="year") -> Mark:
    return make(scan, m, kind, value=Year(year, shift), granularity="part" if part else "year", part=part,
                tense=tense, tense_at=at, written=(None, None, year))


def _part_year(scan, m):
    part = vocab().month_part_of[norm(m["p"])]
    y = m["y"] or m["y2"]
    if y:
        return _year(scan, m, int(y), None, part=part)
    shift, tense = rel_shift(m["rel"])  # "akhir tahun" alone: this year's end
    return _year(scan, m, None, shift, tense=tense, part=part, kind="relative")


def _part_relmonth(scan, m):
    shift, tense = rel_shift(m["rel"])
    part = vocab().month_part_of[norm(m["p"])]
    return make(scan, m, "relative", value=MonthShift(shift), granularity="part", part=part, tense=tense)


def _month_range(scan, m):
    first, last = month_number(m["m"]), month_number(m["m2"])
    if last <= first:
        return None
    tense, at = tense_of(m, scan.text)
    year = int(m["y"]) if m["y"] else None
    return make(scan, m, "range", value=MonthSpan(first, last, year), granularity="month", tense=tense, tense_at=at,
                written=(None, first, year))


def _month_year(scan, m):
    tense, at = tense_of(m, scan.text)
    return _month(scan, m, month_number(m["m"]), int(m["y"]), None, tense=tense, at=at)


def _month_relyear(scan, m):
    shift, tense = rel_shift(m["rel"])
    return _month(scan, m, month_number(m["m"]), None, shift, tense=tense)


def _bulan_month(scan, m):
    tense, at = tense_of(m, scan.text)
    return _month(scan, m, month_number(m["m"]), None, None, tense=tense, at=at)


def _bare_month(scan, m):
    before = word_before(scan.text, m.start())
    if before[:1].isupper() and norm(before) in cues().number_words:
        return None  # "Universitas Sebelas Maret": a name
    return _bulan_month(scan, m)


def _year_rel(scan, m):
    shift, tense = rel_shift(m["rel"])
    return _year(scan, m, None, shift, tense=tense, kind="relative")


def _year_alone(scan, m):
    y = int(m["y"])
    d = vocab().data["years"]
    if not d["first"] <= y <= d["last"]:
        return None
    text = scan.text
    from timeline.temporal.forms_periods import law_before

    if law_before().search(text, max(0, m.start() - 40), m.start()):
        return None  # "UU Nomor 20 Tahun 2001": part of a law's name
    if not m["tahun"] and norm(word_before(text, m.start())) not in cues().year_cues:
        if not (_edition(text, m.start()) or _listed_after_year(scan, m.start())):
            return None
    tense, at = tense_of(m, text)
    return _year(scan, m, y, None, tense=tense, at=at)


def _edition(text: str, start: int) -> bool:
    """"Asian Games 2018", "MotoGP 2017": a capitalised name (not opening its sentence) right before a year."""
    name = word_before(text, start)
    if not name[:1].isupper() or name in vocab().data["years"]["not_edition"] or norm(name) in vocab().month_of:
        return False
    i = start
    while i > 0 and text[i - 1] in " \t(":
        i -= 1
    i -= len(name)
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i > 0 and text[i - 1] not in ".!?\n\"“”"


def _listed_after_year(scan, start: int) -> bool:
    """The second year of "1999, 2001 dan 2003": joined to a year just before."""
    if not scan.found:
        return False
    last = scan.found[-1]
    gap = scan.text[last.end:start]
    return last.kind == "year" and len(gap) <= 8 and norm(gap.strip()) in cues().joiners


READINGS = {
    "wd_range_num": _wd_range_num, "wd_num": _wd_num, "text_cross": _text_cross, "text_range": _text_range,
    "num_range": _num_range, "text_date": _text_date, "iso": _iso, "num_date": _num_date,
    "part_month": _part_month, "part_year": _part_year, "part_relmonth": _part_relmonth,
    "month_range": _month_range, "month_year": _month_year, "month_relyear": _month_relyear, "bulan_month": _bulan_month,
    "bare_month": _bare_month, "year_rel": _year_rel, "year": _year_alone,
}
