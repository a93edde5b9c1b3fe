"""What the weekday rule (TL002) reads of a date: the day a stated weekday speaks of, whether another
reading of a yearless date excuses it, and the corrections to offer.

A date written without its year ("Jumat (30/12)") is resolved near publication (`temporal.days.yearless_date`).
Neighbouring years shift a weekday by one or two days, so a weekday that fits another year is exactly the
off-by-one slip writers make most: it excuses nothing, unless the date as resolved lies far from publication
(more than about two months) and the other reading, another year or day and month swapped ("Sabtu (6/3)"
in wire copy for 3 June), lies near it.
"""

from __future__ import annotations

import re
from datetime import date

from timeline.checks.suggest import is_near, weekday_suggestions
from timeline.model import Suggestion, TimeExpression

_FIGURES = re.compile(r"\d\s*/\s*\d")  # "(6/3)", "13-17/10": day and month written in figures


def _weekday_index(name: str) -> int:
    from timeline.temporal.vocab import vocab

    return vocab().weekday_names.index(name)


def _weekday_name(day: date) -> str:
    from timeline.temporal import weekday_name

    return weekday_name(day)


def checked_day(expr: TimeExpression) -> tuple[date, str, str]:
    """The day a wrong weekday is about, the weekday stated for it and the one it has: a date's day, a
    range's start ("Senin, 19 Oktober 2025 hingga 8 Desember 2025"), or the wrong end of a range that names
    both ("Senin-Jumat (13-18/10)")."""
    value, stated = expr.value, expr.weekday.stated
    if "-" in stated:
        first, last = stated.split("-", 1)
        if _weekday_name(value.start) == first:
            return value.end, last, _weekday_name(value.end)
        return value.start, first, _weekday_name(value.start)
    return value.start, stated, _weekday_name(value.start)


def written_in_figures(expr: TimeExpression) -> bool:
    return bool(_FIGURES.search(expr.text))


def other_reading_fits(expr: TimeExpression, day: date, stated: str, published: date | None) -> bool:
    """For a yearless date: whether it lies far from publication while another year, or the day/month
    swap, puts it near publication on the stated weekday (then the reading, not the weekday, is in doubt)."""
    from timeline.temporal.days import safe_date, yearless_date

    if published is None or is_near(day, published):
        return False
    readings = [safe_date(day.year + shift, day.month, day.day) for shift in (-1, 1)]
    if written_in_figures(expr) and day.day <= 12:
        readings.append(yearless_date(published, day.day, day.month, expr.tense))
    return any(r is not None and is_near(r, published) and _weekday_name(r) == stated for r in readings)


def suggestions_for(expr: TimeExpression, day: date, stated: str, actual: str,
                    published: date | None) -> tuple[Suggestion, ...]:
    """The corrections of a wrong weekday, nearest publication first (`checks.suggest`)."""
    year_written = expr.written is None or expr.written[2] is not None
    return weekday_suggestions(day, stated, actual, _weekday_index(stated), published,
                               year_written=year_written and not expr.year_inferred,
                               numeric=written_in_figures(expr))
