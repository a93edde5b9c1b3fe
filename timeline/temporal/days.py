"""Calendar arithmetic (pure functions): intervals of days, weeks, months, years and their parts.

Parts of a month: awal = days 1-10, pertengahan = 11-20, akhir = 21-end.
Parts of a year: awal = January-April, pertengahan = May-August, akhir = September-December.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from timeline.model import Interval


TENSE_REACH_DAYS = 183


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_interval(year: int, month: int) -> Interval:
    return Interval(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def year_interval(year: int) -> Interval:
    return Interval(date(year, 1, 1), date(year, 12, 31))


def week_interval(day: date) -> Interval:
    monday = day - timedelta(days=day.weekday())
    return Interval(monday, monday + timedelta(days=6))


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def shift_day_by_months(day: date, n: int) -> date:
    y, m = add_months(day.year, day.month, n)
    return date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def part_of_month(year: int, month: int, part: str) -> Interval:
    last = calendar.monthrange(year, month)[1]
    lo, hi = {"awal": (1, 10), "pertengahan": (11, 20), "akhir": (21, last)}[part]
    return Interval(date(year, month, lo), date(year, month, hi))


def part_of_year(year: int, part: str) -> Interval:
    lo, hi = {"awal": (1, 4), "pertengahan": (5, 8), "akhir": (9, 12)}[part]
    return Interval(date(year, lo, 1), month_interval(year, hi).end)


def nearest_year(ref: date, month: int, day: int, tense: str | None) -> date | None:
    """The date day/month in the year that puts it nearest `ref`, after it if future, before if past."""
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := safe_date(y, month, day))]
    if not candidates:
        return None
    fitting: list[date] = []
    if tense == "future":
        fitting = [min(d for d in candidates if d >= ref)] if any(d >= ref for d in candidates) else []
    elif tense == "past":
        fitting = [max(d for d in candidates if d <= ref)] if any(d <= ref for d in candidates) else []
    # a tense never pushes a day more than half a year away ("akan ... Rabu (10/1)" written on 11 January)
    if fitting and abs((fitting[0] - ref).days) <= TENSE_REACH_DAYS:
        return fitting[0]
    return min(candidates, key=lambda d: (abs((d - ref).days), d))


def month_year_for(ref: date, month: int, tense: str | None) -> int:
    """The year of a month named without one: this year, or the next/previous one its tense requires."""
    if tense == "future" and month < ref.month:
        return ref.year + 1
    if tense == "past" and month > ref.month:
        return ref.year - 1
    return ref.year


def weekday_near(ref: date, weekday: int, direction: str) -> date:
    """The weekday nearest `ref`: "past"/"future" include ref itself, "last"/"next" exclude it, "this" = same week."""
    if direction == "this":
        return week_interval(ref).start + timedelta(days=weekday)
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if direction == "last":
        return ref - timedelta(days=back or 7)
    if direction == "next":
        return ref + timedelta(days=ahead or 7)
    if direction == "future":
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def expand_year(y: str) -> int:
    n = int(y)
    if len(y) == 2:
        return 2000 + n if n < 70 else 1900 + n
    return n
