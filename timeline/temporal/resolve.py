"""resolve: a recognized mark and the anchor the policy chose for it -> the `TimeExpression` record.

Conventions (documented for users of the JSON):
- a yearless day/month takes the year nearest the anchor, after it when marked future, before it when
  marked past; a stated weekday never moves it (a mismatch is flagged, `note` names a fitting year);
- a month named without a year is in the anchor's year unless its tense points to the next/previous one;
- a bare weekday is the nearest such day at or before the anchor, or the next one after it when the
  clause is future; "Kamis depan/lalu" exclude the anchor day;
- an invalid date (31 September) is reported with valid=False, value None and the written (d, m, y);
- a relative expression with no anchor date is reported unresolved, with a note saying what was missing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline.model import Interval, TimeExpression, WeekdayCheck
from timeline.temporal import days as D
from timeline.temporal.symbolic import (
    Day, Mark, Month, MonthShift, Previous, Shift, Span, Weekday, WeekShift, Weekend, Year,
)
from timeline.temporal.vocab import vocab

NO_REFERENCE = "no reference date"
NO_PREVIOUS = "no earlier date in the text"
INVALID = "date does not exist"
_MISSING = {"reference": NO_REFERENCE, "previous": NO_PREVIOUS}


@dataclass(frozen=True, slots=True)
class Anchor:
    """What a mark is resolved against: `label` (reported as the expression's anchor), the anchor's
    calendar value (None when there is none), and for an earlier expression its granularity, tense and span."""

    label: str
    value: Interval | None = None
    granularity: str | None = None
    tense: str | None = None
    span: tuple[int, int] | None = None

    @property
    def day(self) -> date | None:
        return self.value.start if self.value is not None else None


EXPLICIT = Anchor("explicit")


@dataclass(frozen=True, slots=True)
class Host:
    """Resolve a clock time or part of day to the day of the anchor itself (the sentence's day)."""


def weekday_name(day: date) -> str:
    """The Indonesian name of a date's weekday ("Senin" ... "Minggu")."""
    return vocab().weekday_names[day.weekday()]


def _check(stated: str | None, day: date | None) -> WeekdayCheck | None:
    if not stated:
        return None
    if day is None:
        return WeekdayCheck(stated, None, None)
    actual = weekday_name(day)
    return WeekdayCheck(stated, actual, actual == stated)


def _expr(mark: Mark, **kw) -> TimeExpression:
    return TimeExpression(mark.text, mark.start, mark.end, mark.kind, **kw)


def _unresolved(anchor: Anchor) -> dict:
    return {"value": None, "resolved": False, "note": _MISSING.get(anchor.label, NO_REFERENCE)}


def shifted(start: date, unit: str, n: int) -> tuple[Interval, str]:
    """The day, month or year `n` units from `start`, and its granularity (hours, minutes: the same day)."""
    if unit == "days":
        d = start + timedelta(days=n)
        return Interval(d, d), "day"
    if unit == "weeks":
        d = start + timedelta(days=7 * n)
        return Interval(d, d), "day"
    if unit == "months":
        y, mo = D.add_months(start.year, start.month, n)
        return D.month_interval(y, mo), "month"
    if unit == "years":
        return D.year_interval(start.year + n), "year"
    return Interval(start, start), "day"


# ---------------------------------------------------------------------------------------------- days


def _day(sym: Day, tense: str | None, ref: date | None) -> tuple[date | None, dict]:
    """A written day/month(/year): the date (or None) and the fields of its expression."""
    if sym.year is not None:
        day = D.safe_date(sym.year, sym.month, sym.day)
        if day is None:
            return None, {"valid": False, "value": None, "note": INVALID, "resolved": False}
        return day, {"value": Interval(day, day), "anchor": "explicit"}
    if ref is None:
        return None, {"value": None, "resolved": False, "note": NO_REFERENCE, "anchor": "reference",
                      "year_inferred": True}
    day = D.nearest_year(ref, sym.month, sym.day, tense)
    if day is None:
        return None, {"valid": False, "value": None, "note": INVALID, "resolved": False, "anchor": "reference"}
    fields = {"value": Interval(day, day), "anchor": "reference", "year_inferred": True}
    if (tense == "future" and day < ref) or (tense == "past" and day > ref):
        fields["note"] = "tense marker does not fit the nearest year"
    return day, fields


def _single(mark: Mark, sym: Day, ref: date | None) -> TimeExpression:
    if sym.year_shift is not None:  # "17 Agustus tahun lalu"
        if ref is None:
            return _expr(mark, granularity="day", anchor="reference", tense=sym.shift_tense, written=mark.written,
                         value=None, resolved=False, note=NO_REFERENCE)
        e = _single(mark, Day(sym.day, sym.month, ref.year + sym.year_shift), ref)
        return replace(e, anchor="reference", year_inferred=True, tense=e.tense or sym.shift_tense)
    day, fields = _day(sym, mark.tense, ref)
    check = _check(mark.weekday, day)
    if check and check.ok is False and fields.get("year_inferred") and ref is not None:
        fits = [y for y in (ref.year - 1, ref.year + 1)
                if (alt := D.safe_date(y, sym.month, sym.day)) and weekday_name(alt) == check.stated]
        if fits:
            fields["note"] = f"weekday fits year {fits[0]}"
    return _expr(mark, granularity="day", weekday=check, tense=mark.tense, time=mark.time, written=mark.written,
                 **fields)


def _span(mark: Mark, sym: Span, ref: date | None) -> TimeExpression:
    first, last = sym.first, sym.last
    start, fields = _day(first, mark.tense, ref)
    y2 = last.year
    if start is not None and y2 is None:
        y2 = start.year if (last.month, last.day) >= (first.month, first.day) else start.year + 1
    end = D.safe_date(y2, last.month, last.day) if y2 is not None else None
    if start is not None and end is not None:
        fields["value"] = Interval(start, end)
    elif start is not None or (y2 is not None and end is None):
        fields.update(valid=False, value=None, note=INVALID, resolved=False)
    check = None
    if mark.weekday:
        c1 = _check(mark.weekday, start)
        c2 = _check(mark.weekday2, end) if mark.weekday2 else None
        if c2 is None:
            check = c1
        else:
            ok = None if c1.ok is None or c2.ok is None else (c1.ok and c2.ok)
            actual = None if ok is None else f"{c1.actual}-{c2.actual}"
            check = WeekdayCheck(f"{c1.stated}-{c2.stated}", actual, ok)
    return _expr(mark, granularity="day", weekday=check, tense=mark.tense, time=mark.time, written=mark.written,
                 **fields)


# ---------------------------------------------------------------------------------------------- months, years


def _month(mark: Mark, sym: Month, ref: date | None) -> TimeExpression:
    inferred = sym.year is None
    if not inferred:
        year = sym.year
    elif ref is None:
        year = None
    elif sym.year_shift is not None:
        year = ref.year + sym.year_shift
    else:
        year = D.month_year_for(ref, sym.month, mark.tense)
    fields: dict = {"anchor": "reference" if inferred else "explicit", "year_inferred": inferred}
    if year is None:
        fields.update(value=None, resolved=False, note=NO_REFERENCE)
    else:
        fields["value"] = D.part_of_month(year, sym.month, mark.part) if mark.part else D.month_interval(year, sym.month)
    return _expr(mark, granularity=mark.granularity, part=mark.part, tense=mark.tense, written=mark.written, **fields)


def _year(mark: Mark, sym: Year, ref: date | None) -> TimeExpression:
    inferred = sym.year is None
    year = sym.year if not inferred else (ref.year + sym.year_shift if ref is not None else None)
    fields: dict = {"anchor": "reference" if inferred else "explicit"}
    if year is None:
        fields.update(value=None, resolved=False, note=NO_REFERENCE)
    else:
        fields["value"] = D.part_of_year(year, mark.part) if mark.part else D.year_interval(year)
    return _expr(mark, granularity=mark.granularity, part=mark.part, tense=mark.tense, written=mark.written, **fields)


# ---------------------------------------------------------------------------------------------- relative


def _relative(mark: Mark, anchor: Anchor, value: Interval, gran: str | None = None) -> TimeExpression:
    return _expr(mark, value=value, granularity=gran or mark.granularity, part=mark.part, tense=mark.tense,
                 anchor=anchor.label, time=mark.time)


def _shift(mark: Mark, sym: Shift, anchor: Anchor) -> TimeExpression:
    value, gran = shifted(anchor.day, sym.unit, sym.n)
    return _relative(mark, anchor, value, gran)


def _weekday(mark: Mark, sym: Weekday, anchor: Anchor) -> TimeExpression:
    day = D.weekday_near(anchor.day, sym.index, sym.direction)
    return _relative(mark, anchor, Interval(day, day))


def _week_shift(mark: Mark, sym: WeekShift, anchor: Anchor) -> TimeExpression:
    return _relative(mark, anchor, D.week_interval(anchor.day + timedelta(days=7 * sym.n)))


def _weekend(mark: Mark, sym: Weekend, anchor: Anchor) -> TimeExpression:
    saturday = D.week_interval(anchor.day + timedelta(days=7 * sym.n)).start + timedelta(days=5)
    return _relative(mark, anchor, Interval(saturday, saturday + timedelta(days=1)))


def _month_shift(mark: Mark, sym: MonthShift, anchor: Anchor) -> TimeExpression:
    ref = anchor.day
    y, mo = D.add_months(ref.year, ref.month, sym.n)
    return _relative(mark, anchor, D.part_of_month(y, mo, mark.part) if mark.part else D.month_interval(y, mo))


def _previous(mark: Mark, sym: Previous, anchor: Anchor) -> TimeExpression:
    if anchor.value is None:
        return _expr(mark, anchor=anchor.label, tense=mark.tense, time=mark.time, **_unresolved(anchor))
    base = anchor.value.end if sym.use_end else anchor.value.start
    value, gran = shifted(base, sym.unit, sym.n)
    if sym.unit in ("days", "weeks") and anchor.granularity not in ("day", None):
        gran = anchor.granularity
        value = anchor.value if sym.n == 0 else value
    return _expr(mark, value=value, granularity=gran, anchor=anchor.label, tense=mark.tense, time=mark.time)


_CALENDAR = {Day: _single, Span: _span, Month: _month, Year: _year}
_DEICTIC = {Shift: _shift, Weekday: _weekday, WeekShift: _week_shift, Weekend: _weekend, MonthShift: _month_shift}


def resolve_mark(mark: Mark, sym, anchor: Anchor) -> TimeExpression:
    """The record of `mark` with its symbolic value `sym` resolved against `anchor`."""
    if sym is None:
        weekday = WeekdayCheck(mark.weekday, None, None) if mark.weekday else None
        return _expr(mark, granularity=mark.granularity, tense=mark.tense, anchor=mark.anchor, time=mark.time,
                     duration=mark.duration, weekday=weekday, part=mark.part, resolved=mark.resolved,
                     note=mark.note)
    kind = type(sym)
    calendar = _CALENDAR.get(kind)
    if calendar is not None:
        return calendar(mark, sym, anchor.day)
    if kind is Host:
        return _expr(mark, value=anchor.value, granularity="day", anchor=anchor.label, tense=anchor.tense,
                     time=mark.time)
    if kind is Previous:
        return _previous(mark, sym, anchor)
    if anchor.value is None:
        return _expr(mark, granularity=mark.granularity, part=mark.part, tense=mark.tense, anchor=anchor.label,
                     time=mark.time, **_unresolved(anchor))
    return _DEICTIC[kind](mark, sym, anchor)
