"""Possible corrections of a weekday that does not fit its date, as possibilities and never one verdict.

A fact-checker fixes the text, so each suggestion says what the text would say: the weekday the written
date falls on, and the dates nearest the written one (near the publication date) that fall on the written
weekday, each naming what changed: the day, the month, the year (a year far from publication is a likely
typo) or day and month swapped. They are ordered by how near publication they put the event, since news
mostly reports what happened around the day it is published.
"""

from __future__ import annotations

from datetime import date, timedelta

from timeline.lang import Text
from timeline.model import Suggestion

# "Near publication": about two months either side (a story reports recent news or a coming agenda).
NEAR_DAYS = 62
_ORDER = {("weekday",): 0, ("day",): 1, ("swap",): 2, ("month",): 3, ("day", "month"): 4, ("year",): 5,
          ("day", "month", "year"): 6}


def written_form(day: date) -> str:
    """A date as Indonesian news writes it in figures, the form a correction is pasted in: 14/1/2025."""
    return f"{day.day}/{day.month}/{day.year}"


def is_near(day: date, published: date | None) -> bool:
    """Whether a date lies within about two months of the publication date."""
    return published is not None and abs((day - published).days) <= NEAR_DAYS


def changes_between(written: date, candidate: date, *, year_written: bool, numeric: bool) -> tuple[str, ...]:
    """Which written parts a correction changes: ("day",), ("month",), ("year",), ("day", "month") or
    ("swap",) for day and month swapped (only where the date is written in figures, "6/3")."""
    same_year = candidate.year == written.year or not year_written
    if (numeric and same_year and candidate.day == written.month and candidate.month == written.day
            and written.day != written.month):
        return ("swap",)
    parts = [name for name, a, b in (("day", written.day, candidate.day), ("month", written.month, candidate.month))
             if a != b]
    if year_written and candidate.year != written.year:
        parts.append("year")
    return tuple(parts)


def _on_weekday(start: date, weekday: int) -> date:
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def _candidates(written: date, weekday: int, published: date | None, *, year_written: bool,
                numeric: bool) -> dict[tuple[str, ...], date]:
    """Per kind of change, the date on `weekday` nearest the written one: the nearest day (at most three
    away) always, and near publication every date that changes one written part (or swaps day and month)."""
    shift = (weekday - written.weekday()) % 7
    nearest_day = written + timedelta(days=shift if shift <= 3 else shift - 7)
    found = {changes_between(written, nearest_day, year_written=year_written, numeric=numeric): nearest_day}
    if published is not None:
        day = _on_weekday(published - timedelta(days=NEAR_DAYS), weekday)
        while day <= published + timedelta(days=NEAR_DAYS):
            kind = changes_between(written, day, year_written=year_written, numeric=numeric)
            if kind in (("day",), ("month",), ("year",), ("swap",)):
                best = found.get(kind)
                if best is None or (abs((day - written).days), abs((day - published).days)) < (
                        abs((best - written).days), abs((best - published).days)):
                    found[kind] = day
            day += timedelta(days=7)
    return found


def weekday_suggestions(written: date, stated: str, actual: str, weekday: int, published: date | None, *,
                        year_written: bool, numeric: bool) -> tuple[Suggestion, ...]:
    """The corrections of "`stated` (`written`)" when `written` falls on `actual`: the weekday as the date
    has it, then the dates on `weekday` (0 = Monday, the stated one) nearest the written date, keeping those
    near publication (or, when none is, the nearest day); nearest publication first."""
    fixes = [Suggestion(written, ("weekday",), Text.of("suggest.weekday", date=written_form(written), weekday=actual))]
    candidates = _candidates(written, weekday, published, year_written=year_written, numeric=numeric)
    near = {kind: day for kind, day in candidates.items() if is_near(day, published)}
    if not near:
        shift = min(candidates.values(), key=lambda d: abs((d - written).days))
        near = {kind: day for kind, day in candidates.items() if day == shift}
    for kind, day in near.items():
        if kind == ("year",) and not is_near(written, published):
            note = Text.of("suggest.year_typo", weekday=stated, date=written_form(day), year=written.year)
        else:
            note = Text.of("suggest.date", weekday=stated, date=written_form(day), change=Text.of(f"suggest.{'_'.join(kind)}"))
        fixes.append(Suggestion(day, kind, note))

    def order(s: Suggestion) -> tuple[int, int, int]:
        away = abs((s.date - published).days) if published is not None else 0
        return (away, _ORDER.get(s.changes, 9), abs((s.date - written).days))

    return tuple(sorted(fixes, key=order))
