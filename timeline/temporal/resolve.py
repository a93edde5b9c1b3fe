"""resolve: a recognized mark and the anchor the policy chose for it -> the `TimeExpression` record.

Conventions (documented for users of the JSON):
- a yearless day/month takes the publication year, or across New Year the nearest occurrence (on the
  side its tense points to): `days.yearless_date`; a stated weekday never moves it (a mismatch is flagged,
  `note` names a fitting year);
- a month named without a year is in the anchor's year unless its tense points to the next/previous one;
- a bare weekday is the nearest such day at or before the anchor, or the next one after it when the
  clause is future; "Kamis depan/lalu" exclude the anchor day; a weekday a narrative anchors is the one
  nearest the narrative's day, never after the publication date unless the clause is future;
- a day of the month alone is the nearest such day to the anchor, in the direction of its tense;
- an invalid date (31 September) is reported with valid=False, value None and the written (d, m, y);
- a relative expression with no anchor date is reported unresolved, with a note saying what was missing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from timeline.model import Interval, TimeExpression, WeekdayCheck
from timeline.temporal import days as D
from timeline.temporal.symbolic import (
    Day, Decade, Holiday, Mark, Month, MonthSpan, Quarter, Season, Span, Year, YearSpan,
)
from timeline.temporal.vocab import vocab

NO_REFERENCE = "no reference date"
NO_PREVIOUS = "no earlier date in the text"
INVALID = "date does not exist"
_MISSING = {"reference": NO_REFERENCE, "narrative": NO_PREVIOUS}


@dataclass(frozen=True, slots=True)
class Anchor:
    """What a mark is resolved against: `label` (reported as the expression's anchor), the anchor's
    calendar value (None when there is none), and for an earlier expression its granularity, tense and span."""

    label: str
    value: Interval | None = None
    granularity: str | None = None
    tense: str | None = None
    span: tuple[int, int] | None = None
    time: datetime | None = None  # the reference time, when known: sub-day relatives get a clock
    limit: date | None = None  # a narrative weekday must not fall after this day (the publication date)
    fallback: str | None = None  # ... else it is the weekday in this direction from the limit

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
    return TimeExpression(mark.text, mark.start, mark.end, mark.kind, approximate=mark.approximate, **kw)


def anchored(mark: Mark, anchor: Anchor, **kw) -> TimeExpression:
    """A record whose value came from `anchor` (its label and span are reported)."""
    return TimeExpression(mark.text, mark.start, mark.end, kw.pop("kind", mark.kind), anchor=anchor.label,
                          anchor_span=anchor.span, approximate=mark.approximate, **kw)


def unresolved(mark: Mark, anchor: Anchor, **kw) -> TimeExpression:
    """A relative record with nothing to resolve it against (the note says what was missing)."""
    return anchored(mark, anchor, value=None, resolved=False, note=_MISSING.get(anchor.label, NO_REFERENCE),
                    **kw)


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
    day = D.yearless_date(ref, sym.month, sym.day, tense)
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


def _quarter(mark: Mark, sym: Quarter, ref: date | None) -> TimeExpression:
    first = (sym.n - 1) * sym.size + 1
    if sym.year is not None:
        year = sym.year
    elif ref is None:
        year = None
    elif sym.year_shift is not None:
        year = ref.year + sym.year_shift
    else:
        year = D.month_year_for(ref, first, mark.tense)
        if mark.tense is None and date(year, first, 1) > ref:
            year -= 1  # a quarter named alone is the last one that has begun ("laba Q4")
    fields: dict = {"anchor": "explicit" if sym.year is not None else "reference",
                    "year_inferred": sym.year is None}
    if year is None:
        fields.update(value=None, resolved=False, note=NO_REFERENCE)
    else:
        fields["value"] = Interval(date(year, first, 1), D.month_interval(year, first + sym.size - 1).end)
    return _expr(mark, granularity=mark.granularity, part=mark.part, tense=mark.tense, **fields)


def _season(mark: Mark, sym: Season, ref: date | None) -> TimeExpression:
    year = sym.year if sym.year is not None else (ref.year + (sym.year_shift or 0) if ref is not None else None)
    fields: dict = {"anchor": "explicit" if sym.year is not None else "reference",
                    "year_inferred": sym.year is None}
    if year is None:
        fields.update(value=None, resolved=False, note=NO_REFERENCE)
    else:
        fields["value"] = D.year_interval(year)
    return _expr(mark, granularity="season", season=sym.code, part=mark.part, tense=mark.tense, **fields)


def _decade(mark: Mark, sym: Decade, ref: date | None) -> TimeExpression:
    value = Interval(date(sym.start, 1, 1), date(sym.start + 9, 12, 31))
    return _expr(mark, value=value, granularity="decade", tense=mark.tense)


def _month_span(mark: Mark, sym: MonthSpan, ref: date | None) -> TimeExpression:
    year = sym.year if sym.year is not None else (D.month_year_for(ref, sym.first, mark.tense) if ref else None)
    fields: dict = {"anchor": "explicit" if sym.year is not None else "reference", "year_inferred": sym.year is None}
    if year is None:
        fields.update(value=None, resolved=False, note=NO_REFERENCE)
    else:
        fields["value"] = Interval(date(year, sym.first, 1), D.month_interval(year, sym.last).end)
    return _expr(mark, granularity="month", tense=mark.tense, written=mark.written, **fields)


def _year_span(mark: Mark, sym: YearSpan, ref: date | None) -> TimeExpression:
    value = Interval(date(sym.first, 1, 1), date(sym.last, 12, 31))
    return _expr(mark, value=value, granularity="year", tense=mark.tense)


def holiday_day(key: str, year: int) -> date | None:
    """The day of a holiday in a year (None when the table does not know that year)."""
    h = vocab().data["holidays"]
    written = h["fixed"].get(key) or h["dates"].get(key, {}).get(str(year))
    if written is None:
        return None
    month, day = (int(x) for x in written.split("-"))
    return date(year, month, day)


def _holiday(mark: Mark, sym: Holiday, ref: date | None) -> TimeExpression:
    h = vocab().data["holidays"]
    if sym.year is not None:
        first = holiday_day(sym.key, sym.year)
    elif ref is None:
        first = None
    else:
        days = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := holiday_day(sym.key, y))]
        if mark.tense == "past":
            days = [d for d in days if d <= ref] or days
        elif mark.tense == "future":
            days = [d for d in days if d >= ref] or days
        first = min(days, key=lambda d: (abs((d - ref).days), d)) if days else None
    fields: dict = {"anchor": "explicit" if sym.year is not None else "reference",
                    "year_inferred": sym.year is None}
    if first is None:
        fields.update(value=None, resolved=False, note=NO_REFERENCE if ref is None and sym.year is None else
                      "holiday not in the table for that year")
        return _expr(mark, granularity="day", tense=mark.tense, **fields)
    first += timedelta(days=sym.offset)
    last = first
    end_key = h["ends_before"].get(sym.key)
    if mark.kind == "range" and end_key and (end := holiday_day(end_key, first.year)):
        last = end - timedelta(days=1)
    return _expr(mark, value=Interval(first, last), granularity="day", tense=mark.tense, **fields)


_CALENDAR = {Day: _single, Span: _span, Month: _month, Year: _year, Quarter: _quarter, Season: _season,
             Decade: _decade, YearSpan: _year_span, MonthSpan: _month_span, Holiday: _holiday}


def resolve_mark(mark: Mark, sym, anchor: Anchor) -> TimeExpression | None:
    """The record of `mark` with its symbolic value `sym` resolved against `anchor` (None: the policy
    drops it, e.g. "saat itu juga" with no date to refer to)."""
    if sym is None:
        weekday = WeekdayCheck(mark.weekday, None, None) if mark.weekday else None
        return _expr(mark, granularity=mark.granularity, tense=mark.tense, anchor=mark.anchor, time=mark.time,
                     duration=mark.duration, weekday=weekday, part=mark.part, resolved=mark.resolved,
                     note=mark.note)
    calendar = _CALENDAR.get(type(sym))
    if calendar is not None:
        return calendar(mark, sym, anchor.day)
    return resolve_relative(mark, sym, anchor)


# the relative resolvers build on the helpers above
from timeline.temporal.resolve_relative import resolve_relative  # noqa: E402
