"""Resolution of relative marks against their anchor: deictic ("besok", "pekan lalu", a weekday, a wire
dateline, "tanggal 17"), anaphoric ("kemudian", "bulan sebelumnya", "saat itu") and a clock time on the
story's day. Called by `resolve.resolve_mark`, which owns the calendar (explicit or yearless) values.
"""

from __future__ import annotations

from datetime import date, timedelta

from timeline.model import ClockTime, Interval, TimeExpression
from timeline.temporal import days as D
from timeline.temporal.resolve import Anchor, Host, anchored, unresolved
from timeline.temporal.symbolic import (
    Anaphor, Dateline, HolidayOffset, Mark, MonthDay, MonthShift, Period, Previous, QuarterShift, Shift, Weekday, WeekdayOfWeek,
    WeekShift, Weekend,
)
from timeline.temporal.vocab import vocab

_SUB_DAY = {"hours": 3600, "minutes": 60, "seconds": 1}
_GRANULARITY_OF_UNIT = {"days": "day", "weeks": "week", "months": "month", "quarters": "quarter", "years": "year"}


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


def _relative(mark: Mark, anchor: Anchor, value: Interval, gran: str | None = None, **kw) -> TimeExpression:
    kw.setdefault("time", mark.time)
    return anchored(mark, anchor, value=value, granularity=gran or mark.granularity, part=mark.part,
                    tense=mark.tense, **kw)


def _zone_of(offset: timedelta | None) -> str | None:
    if offset is None:
        return None
    hours = offset.total_seconds() / 3600
    return next((name for name, h in vocab().zones.items() if h == hours), None)


def _shift(mark: Mark, sym: Shift, anchor: Anchor) -> TimeExpression:
    seconds = _SUB_DAY.get(sym.unit)
    if seconds is not None and anchor.time is not None:  # "2 jam yang lalu" with a reference time
        when = anchor.time + timedelta(seconds=seconds * sym.n)
        clock = when.strftime("%H:%M:%S" if sym.unit == "seconds" else "%H:%M")
        day = when.date()
        return _relative(mark, anchor, Interval(day, day), "day", time=ClockTime(clock, _zone_of(when.utcoffset())))
    value, gran = shifted(anchor.day, sym.unit, sym.n)
    return _relative(mark, anchor, value, gran)


def _nearest_weekday(day: date, index: int) -> date:
    back = (day.weekday() - index) % 7
    ahead = (index - day.weekday()) % 7
    return day + timedelta(days=ahead) if ahead <= back else day - timedelta(days=back)


def _weekday(mark: Mark, sym: Weekday, anchor: Anchor) -> TimeExpression:
    if sym.direction != "near":
        day = D.weekday_near(anchor.day, sym.index, sym.direction)
        return _relative(mark, anchor, Interval(day, day))
    day = _nearest_weekday(anchor.day, sym.index)
    if anchor.limit is not None and day > anchor.limit:  # a narrative never dates a past event after publication
        day = D.weekday_near(anchor.limit, sym.index, anchor.fallback or "past")
        anchor = Anchor("reference", Interval(anchor.limit, anchor.limit))
    return _relative(mark, anchor, Interval(day, day))


def _weekday_of_week(mark: Mark, sym: WeekdayOfWeek, anchor: Anchor) -> TimeExpression:
    day = D.week_interval(anchor.day + timedelta(days=7 * sym.n)).start + timedelta(days=sym.index)
    return _relative(mark, anchor, Interval(day, day), "day")


def _holiday_offset(mark: Mark, sym: HolidayOffset, anchor: Anchor) -> TimeExpression:
    day = anchor.value.start + timedelta(days=sym.offset)
    return anchored(mark, anchor, value=Interval(day, day), granularity="day", tense=mark.tense)


def _dateline(mark: Mark, sym: Dateline, anchor: Anchor) -> TimeExpression:
    day = D.weekday_near(anchor.day, sym.index, "past")
    return _relative(mark, anchor, Interval(day, day), "day")


def _month_day(mark: Mark, sym: MonthDay, anchor: Anchor) -> TimeExpression | None:
    ref = anchor.day
    candidates = [d for n in (-1, 0, 1) if (d := D.safe_date(*D.add_months(ref.year, ref.month, n), sym.day))]
    if mark.tense == "past":
        fitting = [d for d in candidates if d <= ref]
        day = max(fitting) if fitting else None
    elif mark.tense == "future":
        fitting = [d for d in candidates if d >= ref]
        day = min(fitting) if fitting else None
    else:
        day = min(candidates, key=lambda d: (abs((d - ref).days), d)) if candidates else None
    if day is None:
        return None
    return _relative(mark, anchor, Interval(day, day), "day")


def _week_shift(mark: Mark, sym: WeekShift, anchor: Anchor) -> TimeExpression:
    return _relative(mark, anchor, D.week_interval(anchor.day + timedelta(days=7 * sym.n)))


def _weekend(mark: Mark, sym: Weekend, anchor: Anchor) -> TimeExpression:
    saturday = D.week_interval(anchor.day + timedelta(days=7 * sym.n)).start + timedelta(days=5)
    return _relative(mark, anchor, Interval(saturday, saturday + timedelta(days=1)))


def _month_shift(mark: Mark, sym: MonthShift, anchor: Anchor) -> TimeExpression:
    ref = anchor.day
    y, mo = D.add_months(ref.year, ref.month, sym.n)
    return _relative(mark, anchor, D.part_of_month(y, mo, mark.part) if mark.part else D.month_interval(y, mo))


def _quarter_of(day: date, n: int = 0) -> Interval:
    index = day.year * 4 + (day.month - 1) // 3 + n
    year, q = divmod(index, 4)
    first = q * 3 + 1
    return Interval(date(year, first, 1), D.month_interval(year, first + 2).end)


def _quarter_shift(mark: Mark, sym: QuarterShift, anchor: Anchor) -> TimeExpression:
    return _relative(mark, anchor, _quarter_of(anchor.day, sym.n), "quarter")


def _previous(mark: Mark, sym: Previous, anchor: Anchor) -> TimeExpression:
    if anchor.value is None:
        return unresolved(mark, anchor, tense=mark.tense, time=mark.time)
    base = anchor.value.end if sym.use_end else anchor.value.start
    value, gran = shifted(base, sym.unit, sym.n)
    if sym.unit in ("days", "weeks") and anchor.granularity not in ("day", None):
        gran = anchor.granularity
        value = anchor.value if sym.n == 0 else value
    return anchored(mark, anchor, value=value, granularity=gran, tense=mark.tense, time=mark.time)


def _years_later(day: date, years: int) -> date:
    return D.safe_date(day.year + years, day.month, day.day) or date(day.year + years, day.month, 28)


def _period_of(anchor: Anchor) -> str | None:
    """The granularity of the period an anchor names: months that make a quarter or a half are one."""
    v = anchor.value
    if anchor.granularity == "month" and v.start.day == 1 and v.end == D.month_interval(v.end.year, v.end.month).end:
        months = (v.end.year - v.start.year) * 12 + v.end.month - v.start.month + 1
        if months in (3, 6) and (v.start.month - 1) % months == 0:
            return "quarter" if months == 3 else "half"
    return anchor.granularity


def _period(mark: Mark, sym: Period, anchor: Anchor) -> TimeExpression | None:
    if anchor.value is None:
        return unresolved(mark, anchor, granularity=mark.granularity, tense=mark.tense)
    gran = _GRANULARITY_OF_UNIT.get(sym.unit) if sym.unit else _period_of(anchor)
    base = anchor.value.start
    if gran == "day":
        d = _years_later(base + timedelta(days=sym.n), sym.years)
        value = Interval(d, d)
    elif gran == "week":
        value = D.week_interval(_years_later(base, sym.years) + timedelta(days=7 * sym.n))
    elif gran == "month":
        value = D.month_interval(*D.add_months(base.year + sym.years, base.month, sym.n))
    elif gran == "quarter":
        value = _quarter_of(date(base.year + sym.years, base.month, 1), sym.n)
    elif gran == "half":
        first = 1 if base.month <= 6 else 7
        value = Interval(date(base.year + sym.years, first, 1), D.month_interval(base.year + sym.years, first + 5).end)
    elif gran == "year":
        value = D.year_interval(base.year + sym.n + sym.years)
    else:  # the anchor's own period a number of years on (a half, a season, part of a month)
        value = Interval(_years_later(anchor.value.start, sym.years), _years_later(anchor.value.end, sym.years))
    return anchored(mark, anchor, value=value, granularity=gran, tense=mark.tense)


def _anaphor(mark: Mark, sym: Anaphor, anchor: Anchor) -> TimeExpression | None:
    if anchor.value is None:
        if sym.drop:
            return None
        return anchored(mark, Anchor("reference"), kind="ref", tense="past")
    if sym.unit == "day":
        return anchored(mark, anchor, value=anchor.value, granularity="day", tense=anchor.tense, time=mark.time)
    return anchored(mark, anchor, value=anchor.value, granularity=anchor.granularity, tense=anchor.tense,
                    time=mark.time)


def _host(mark: Mark, sym: Host, anchor: Anchor) -> TimeExpression:
    return anchored(mark, anchor, value=anchor.value, granularity="day", tense=anchor.tense, time=mark.time)


_NEEDS_NO_VALUE = {Previous: _previous, Period: _period, Anaphor: _anaphor}
_RESOLVERS = {Shift: _shift, Weekday: _weekday, WeekShift: _week_shift, Weekend: _weekend,
              MonthShift: _month_shift, QuarterShift: _quarter_shift, Dateline: _dateline, MonthDay: _month_day,
              WeekdayOfWeek: _weekday_of_week, HolidayOffset: _holiday_offset,
              Host: _host}


def resolve_relative(mark: Mark, sym, anchor: Anchor) -> TimeExpression | None:
    """The record of a relative mark resolved against `anchor` (unresolved when the anchor has no date)."""
    kind = type(sym)
    handler = _NEEDS_NO_VALUE.get(kind)
    if handler is not None:
        return handler(mark, sym, anchor)
    if anchor.value is None:
        return unresolved(mark, anchor, granularity=mark.granularity, part=mark.part, tense=mark.tense,
                          time=mark.time)
    return _RESOLVERS[kind](mark, sym, anchor)
