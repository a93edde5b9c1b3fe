"""Calendar arithmetic (pure functions): intervals of days, weeks, months, years and their parts.

Parts of a month: awal = days 1-10, pertengahan = 11-20, akhir = 21-end.
Parts of a year: awal = January-April, pertengahan = May-August, akhir = September-December.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from timeline.model import Interval


# A tense ('mendatang', 'lalu') moves a yearless date across New Year only when the publication year's
# lies more than this on the other side: closer, the tense word or the publication date is the loose one.
TENSE_SLACK_DAYS = 62
# Without a tense, the same day in a neighbouring year is taken when this near (about five months) and nearer.
NEW_YEAR_REACH_DAYS = 153


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def days_in_month(year: int, month: int) -> int:
    """`calendar.monthrange(year, month)[1]` without the weekday it also computes (a third of the cost)."""
    if not 1 <= month <= 12:
        return calendar.monthrange(year, month)[1]  # raises as before
    return 29 if month == 2 and calendar.isleap(year) else calendar.mdays[month]


def month_interval(year: int, month: int) -> Interval:
    return Interval(date(year, month, 1), date(year, month, days_in_month(year, month)))


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
    return date(y, m, min(day.day, days_in_month(y, m)))


def part_of_month(year: int, month: int, part: str) -> Interval:
    last = days_in_month(year, month)
    lo, hi = {"awal": (1, 10), "pertengahan": (11, 20), "akhir": (21, last)}[part]
    return Interval(date(year, month, lo), date(year, month, hi))


def part_of_year(year: int, part: str) -> Interval:
    lo, hi = {"awal": (1, 4), "pertengahan": (5, 8), "akhir": (9, 12)}[part]
    return Interval(date(year, lo, 1), month_interval(year, hi).end)


def yearless_date(reference: date, month: int, day: int, tense: str | None) -> date | None:
    """The date a day and month written without a year ("Jumat (30/12)") stand for: the one in the
    publication (reference) year, unless the nearest one lies across New Year.

    Across New Year means: with no tense, the same day a year before or after when it is nearer and within
    `NEW_YEAR_REACH_DAYS` ("29 Desember" in a story of 3 January); with a tense, the occurrence on the side
    it points to when the publication year's lies more than `TENSE_SLACK_DAYS` on the other side ("3 Januari
    mendatang" written on 28 December). A stated weekday never moves it: a mismatch is the finding.
    """
    same = safe_date(reference.year, month, day)
    before = safe_date(reference.year - 1, month, day)
    after = safe_date(reference.year + 1, month, day)
    if same is None:  # 29 February outside a leap year: the leap year next to it, if any
        near = [d for d in (before, after) if d is not None]
        return min(near, key=lambda d: abs((d - reference).days)) if near else None
    away = (same - reference).days
    if tense == "future" and away < -TENSE_SLACK_DAYS and after is not None:
        return after
    if tense == "past" and away > TENSE_SLACK_DAYS and before is not None:
        return before
    if tense not in ("future", "past"):
        across = [d for d in (before, after)
                  if d is not None and abs((d - reference).days) <= min(NEW_YEAR_REACH_DAYS, abs(away) - 1)]
        if across:
            return across[0]
    return same


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
