"""The calendar scale of a time axis: which stretches of days are drawn where, the dates written above
them, and the weekends shaded. Pure functions over dates; `timeline.render.axis` places claims on it.

Stretches with no claim are cut out (an `AxisBreak`), so a 2023 trip and a 2025 meeting both stay
readable on one line; each remaining segment gets width in proportion to its days, none too narrow to read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

WIDTH = 1000.0  # the SVG's viewBox width
LABEL_W = 196.0  # the row labels (the claim sources) on the left
PLOT_X0 = LABEL_W + 8
PLOT_X1 = WIDTH - 12
BREAK_W = 46.0  # the width of a cut-out stretch of time
MIN_SEGMENT_W = 84.0
GAP_DAYS = 21  # an empty stretch longer than this is cut out of the axis


@dataclass(frozen=True, slots=True)
class Calendar:
    """What the axis writes: month names in the report's language (index 0 is January)."""

    months: tuple[str, ...]
    months_short: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    """A continuous stretch of days drawn from x0 to x1; `start` and `end` both shown (inclusive)."""

    start: date
    end: date
    x0: float
    x1: float

    @property
    def px_per_day(self) -> float:
        return (self.x1 - self.x0) / ((self.end - self.start).days + 1)

    def x(self, day: date) -> float:
        """The left edge of `day` (its cell runs to x(day) + px_per_day)."""
        return self.x0 + (day - self.start).days * self.px_per_day


@dataclass(frozen=True, slots=True)
class AxisBreak:
    """Days left out between two segments: nothing was claimed there."""

    x0: float
    x1: float
    start: date  # first day left out
    end: date  # last day left out
    days: int


@dataclass(frozen=True, slots=True)
class Tick:
    """A date on the axis: `level` "major" (labelled, with a grid line) or "fine" (a short tick whose
    label shows only when zoomed in); `line` 1 is the upper header line (months or years), 2 the lower
    one (days or months)."""

    day: date
    x: float
    label: str
    level: str
    line: int


@dataclass(frozen=True, slots=True)
class Shade:
    """A weekend (Saturday and Sunday, or the part of it inside a segment)."""

    x0: float
    x1: float


def _clusters(spans: Sequence[tuple[date, date]], gap: int) -> list[tuple[date, date]]:
    """Merge day spans closer than `gap` empty days into clusters, in time order."""
    out: list[tuple[date, date]] = []
    for start, end in sorted(spans):
        if out and (start - out[-1][1]).days - 1 <= gap:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _widths(days: Sequence[int], available: float) -> list[float]:
    """Share `available` width among segments in proportion to their days, none under MIN_SEGMENT_W."""
    fixed: dict[int, float] = {}
    while True:
        free = available - sum(fixed.values())
        rest = [i for i in range(len(days)) if i not in fixed]
        total = sum(days[i] for i in rest)
        if not rest or total == 0:
            break
        scale = free / total
        small = [i for i in rest if days[i] * scale < MIN_SEGMENT_W]
        if not small:
            break
        for i in small:
            fixed[i] = MIN_SEGMENT_W
    out = []
    free = available - sum(fixed.values())
    total = sum(d for i, d in enumerate(days) if i not in fixed) or 1
    for i, d in enumerate(days):
        out.append(fixed.get(i, free * d / total))
    return out


def segments_of(spans: Sequence[tuple[date, date]]) -> tuple[list[Segment], list[AxisBreak]]:
    """The axis for these day spans: clusters padded by a day each side, long empty stretches cut out."""
    if not spans:
        return [], []
    available = PLOT_X1 - PLOT_X0
    gap = GAP_DAYS
    while True:
        clusters = [(s - timedelta(days=1), e + timedelta(days=1)) for s, e in _clusters(spans, gap)]
        if len(clusters) * MIN_SEGMENT_W + (len(clusters) - 1) * BREAK_W <= available * 0.8:
            break
        gap *= 2
    widths = _widths([(e - s).days + 1 for s, e in clusters], available - (len(clusters) - 1) * BREAK_W)
    segments: list[Segment] = []
    breaks: list[AxisBreak] = []
    x = PLOT_X0
    for (start, end), w in zip(clusters, widths):
        if segments:
            prev = segments[-1]
            gone_start, gone_end = prev.end + timedelta(days=1), start - timedelta(days=1)
            breaks.append(AxisBreak(x, x + BREAK_W, gone_start, gone_end, (gone_end - gone_start).days + 1))
            x += BREAK_W
        segments.append(Segment(start, end, round(x, 2), round(x + w, 2)))
        x += w
    return segments, breaks


def _days(start: date, end: date):
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def _month_starts(start: date, end: date, every: int = 1):
    """The first day of each month in [start, end] whose month index is a multiple of `every`."""
    day = date(start.year, start.month, 1)
    while day <= end:
        if day >= start and (day.month - 1) % every == 0:
            yield day
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _level(px_per_day: float) -> str:
    if px_per_day >= 22:
        return "day"
    if px_per_day >= 4.5:
        return "week"
    if px_per_day >= 1.1:
        return "month"
    return "quarter"


def ticks_of(segment: Segment, calendar: Calendar) -> list[Tick]:
    """The dates written above one segment, at a density its scale can hold."""
    ppd = segment.px_per_day
    level = _level(ppd)
    start, end = segment.start, segment.end
    out: list[Tick] = []

    def centre(day: date) -> float:
        return round(segment.x(day) + ppd / 2, 2)

    if level in ("day", "week"):
        # Upper line: the month and year where the segment begins and at each new month.
        heads = [start] + [d for d in _month_starts(start, end) if d != start]
        for day in heads:
            room = (min([h for h in heads if h > day], default=end + timedelta(days=1)) - day).days * ppd
            names = calendar.months if room >= 7.5 * (len(calendar.months[day.month - 1]) + 5) else calendar.months_short
            out.append(Tick(day, round(segment.x(day), 2), f"{names[day.month - 1]} {day.year}", "major", 1))
        for day in _days(start, end):
            major = level == "day" or day.weekday() == 0
            text = f"{day.day} {calendar.months_short[day.month - 1]}" if day.day == 1 else str(day.day)
            out.append(Tick(day, centre(day), text, "major" if major else "fine", 2))
    else:
        every = 1 if level == "month" else 3
        out.append(Tick(start, round(segment.x(start), 2), f"{calendar.months_short[start.month - 1]} {start.year}",
                        "major", 1))
        for day in _month_starts(start, end):
            if day.month == 1 and day != start:
                out.append(Tick(day, round(segment.x(day), 2), str(day.year), "major", 1))
        for day in _month_starts(start, end):
            labelled = (day.month - 1) % every == 0
            out.append(Tick(day, round(segment.x(day), 2), calendar.months_short[day.month - 1],
                            "major" if labelled else "fine", 2))
        if level == "month":
            out += [Tick(d, centre(d), str(d.day), "fine", 2) for d in _days(start, end) if d.weekday() == 0]
    return out


def thin(ticks: list[Tick], min_gap: float) -> list[Tick]:
    """Drop labelled ticks of the same header line that would overlap the one before them."""
    out: list[Tick] = []
    last_x: dict[int, float] = {}
    for t in sorted(ticks, key=lambda t: (t.line, t.x)):
        if t.level == "major":
            gap = min_gap * (2.4 if t.line == 1 else 1)
            if t.line in last_x and t.x - last_x[t.line] < gap:
                t = Tick(t.day, t.x, t.label, "fine", t.line)
            else:
                last_x[t.line] = t.x
        out.append(t)
    return out


def clear_of_breaks(ticks: list[Tick], breaks: Sequence[AxisBreak]) -> list[Tick]:
    """Day labels right beside a break would run into its label: they show only when zoomed."""
    out = []
    for t in ticks:
        if t.line == 2 and t.level == "major" and any(b.x0 - 12 < t.x < b.x1 + 12 for b in breaks):
            t = Tick(t.day, t.x, t.label, "fine", t.line)
        out.append(t)
    return out


def weekends_of(segment: Segment) -> list[Shade]:
    """Saturday-Sunday shading, only where days are wide enough to see it."""
    ppd = segment.px_per_day
    if ppd < 3:
        return []
    out = []
    for day in _days(segment.start, segment.end):
        if day.weekday() == 5 or (day.weekday() == 6 and day == segment.start):
            last = min(segment.end, day + timedelta(days=6 - day.weekday()))
            out.append(Shade(round(segment.x(day), 2), round(segment.x(last) + ppd, 2)))
    return out
