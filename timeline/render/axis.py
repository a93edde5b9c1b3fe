"""The time axis of one official, as data: where every claim, trip, tick and weekend sits in the SVG.

`axis_layout` is a pure function from event claims to a plain `AxisLayout` record (coordinates in the
SVG's user units); the HTML templates only draw it, and tests read the positions. The calendar scale
(segments, cut-out stretches, dates, weekends) is `timeline.render.axis_scale`. Nothing here reads the
clock: the axis spans the claims' own dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Mapping, Sequence

from timeline.archive.graph import DEFAULT_MAX_TRIP_DAYS
from timeline.model import EventClaim
from timeline.render.axis_scale import (
    PLOT_X0, PLOT_X1, WIDTH, AxisBreak, Calendar, Segment, Shade, Tick, clear_of_breaks, segments_of, thin, ticks_of,
    weekends_of,
)

HEADER_H = 38.0  # two lines of dates above the rows
LANE_H = 20.0  # one line of marks inside a row
ROW_PAD = 12.0  # a row is at least this much taller than its lanes (room for the two-line label)
MARK_HALF = 7.0  # half the width a point mark takes on its lane
MAX_FINE_TICKS = 60  # finer ticks (labelled when zoomed in) only while they stay few

TRIP_TYPES = ("departure",)
POINT, SPAN, BAND = "point", "span", "band"


@dataclass(frozen=True, slots=True)
class Link:
    """A claim that a finding quotes: the finding, its severity, and which of its quotes it is."""

    finding_id: str
    severity: str
    evidence: int


@dataclass(frozen=True, slots=True)
class Row:
    """One claim source (an article) on its own row, so disagreeing sources stand one above the other."""

    key: str  # article key
    path: str
    outlet: str | None
    published: date | None
    y: float
    height: float
    lanes: int


@dataclass(frozen=True, slots=True)
class Mark:
    """One dated claim: a point (a day), a span (several days) or a faint band (a month, a week)."""

    claim_id: str
    index: int  # the claim's position in the official's claims
    row: int
    lane: int
    shape: str  # point | span | band
    event_type: str
    x0: float  # the claim's first day, left edge
    x1: float  # its last day, right edge
    cx: float  # where its symbol sits
    cy: float
    start: date
    end: date
    links: tuple[Link, ...] = ()

    @property
    def severity(self) -> str | None:
        """The most severe finding that quotes this claim, if any."""
        order = ("error", "warning", "info")
        found = sorted((l.severity for l in self.links), key=lambda s: order.index(s) if s in order else 3)
        return found[0] if found else None


@dataclass(frozen=True, slots=True)
class TripBar:
    """A trip from its departure to its return; `inferred` when no return is reported and the end is
    the longest plausible trip (`max_trip_days`) after the departure."""

    claim_id: str
    row: int
    x0: float
    x1: float
    cy: float
    start: date
    end: date
    inferred: bool
    place: str | None


@dataclass(frozen=True, slots=True)
class AxisLayout:
    width: float
    height: float
    plot_x0: float
    plot_x1: float
    rows_top: float
    segments: tuple[Segment, ...]
    breaks: tuple[AxisBreak, ...]
    ticks: tuple[Tick, ...]
    weekends: tuple[Shade, ...]
    rows: tuple[Row, ...]
    marks: tuple[Mark, ...]
    trips: tuple[TripBar, ...]
    undated: int  # claims with no date: listed, not drawn
    max_trip_days: int
    fine_gap: float  # the least distance between two labels of fine ticks: zoom in until they fit

    @property
    def first(self) -> date | None:
        return self.segments[0].start if self.segments else None

    @property
    def last(self) -> date | None:
        return self.segments[-1].end if self.segments else None

    def x(self, day: date) -> float | None:
        """Where `day` starts on this axis; None when it is outside or in a cut-out stretch."""
        for s in self.segments:
            if s.start <= day <= s.end:
                return s.x(day)
        return None


# --------------------------------------------------------------------------------------------------
# Claims read defensively: other stages may add fields, and a date may be missing or partial.
# --------------------------------------------------------------------------------------------------


def claim_interval(claim: EventClaim) -> tuple[date, date] | None:
    """The claim's dates (both inclusive), or None when it has none."""
    expression = getattr(claim, "date", None)
    value = getattr(expression, "value", None) if expression is not None else None
    if value is None:
        return None
    return value.start, value.end


def claim_shape(claim: EventClaim) -> str:
    """point for one day, span for a range of days, band for anything coarser than a day."""
    interval = claim_interval(claim)
    granularity = getattr(claim.date, "granularity", None)
    if interval is None or granularity not in ("day", None) or getattr(claim.date, "kind", "") in ("month", "year"):
        return BAND
    return POINT if interval[0] == interval[1] else SPAN


def _place_key(claim: EventClaim) -> str | None:
    place = getattr(claim, "place", None)
    return place.key if place is not None else None


def _is_claim_of_travel(claim: EventClaim) -> bool:
    return claim.modality not in ("cancelled", "uncertain")


def trips_of(claims: Sequence[EventClaim], max_trip_days: int) -> list[tuple[EventClaim, date, date, bool]]:
    """Each dated departure with where its trip ends: (departure, start, end, inferred).

    The end is the first reported return after it in the same article, or one to the same destination
    within `max_trip_days`; without one, the departure day plus `max_trip_days` (inferred), as the
    rules bound a trip.
    """
    out = []
    returns = [c for c in claims if c.type == "return" and claim_interval(c) and _is_claim_of_travel(c)]
    for dep in claims:
        interval = claim_interval(dep)
        if dep.type not in TRIP_TYPES or interval is None or not _is_claim_of_travel(dep) or claim_shape(dep) == BAND:
            continue
        start = interval[0]
        ends = []
        for ret in returns:
            r_start, r_end = claim_interval(ret)  # type: ignore[misc]
            if r_start < start:
                continue
            same_article = ret.article_key == dep.article_key
            same_place = _place_key(ret) is not None and _place_key(ret) == _place_key(dep)
            if same_article or (same_place and (r_start - start).days <= max_trip_days):
                ends.append(r_end)
        if ends:
            out.append((dep, start, min(ends), False))
        else:
            out.append((dep, start, start + timedelta(days=max_trip_days), True))
    return out


# --------------------------------------------------------------------------------------------------
# The whole layout
# --------------------------------------------------------------------------------------------------


def _lanes(extents: Sequence[tuple[float, float]]) -> list[int]:
    """Greedy lanes: each item goes on the first lane whose last item ends before it starts."""
    ends: list[float] = []
    out = [0] * len(extents)
    for i in sorted(range(len(extents)), key=lambda i: (extents[i][0], i)):
        x0, x1 = extents[i]
        for lane, end in enumerate(ends):
            if x0 >= end:
                ends[lane] = x1
                out[i] = lane
                break
        else:
            ends.append(x1)
            out[i] = len(ends) - 1
    return out


def _source_order(key: str, path: str, sources: Mapping[str, Any]) -> tuple:
    """Sources in order of publication (unknown dates last), then by path."""
    published = getattr(sources.get(key), "published", None)
    return (published is None, published or date.min, path, key)


def axis_layout(
    claims: Sequence[EventClaim],
    calendar: Calendar,
    *,
    sources: Mapping[str, Any] | None = None,
    links: Mapping[str, Sequence[Link]] | None = None,
    max_trip_days: int = DEFAULT_MAX_TRIP_DAYS,
) -> AxisLayout:
    """One official's axis: a row per source article (ordered by publication), a mark per dated claim,
    a bar per trip, dates and weekends above. `sources` maps an article key to anything with `outlet`,
    `published` and `path`; `links` maps a claim id to the findings quoting it."""
    sources = sources or {}
    links = links or {}
    dated = [(i, c, claim_interval(c)) for i, c in enumerate(claims)]
    dated = [(i, c, iv) for i, c, iv in dated if iv is not None]
    trips = trips_of([c for _, c, _ in dated], max_trip_days)
    spans = [iv for _, _, iv in dated] + [(s, e) for _, s, e, _ in trips]
    segments, breaks = segments_of(spans)

    def locate(day: date, edge: str) -> float:
        """x of a day's left or right edge; a day in a cut-out stretch sits at the break's edge."""
        for s in segments:
            if s.start <= day <= s.end:
                return s.x(day) + (s.px_per_day if edge == "right" else 0)
        for b in breaks:
            if b.start <= day <= b.end:
                return b.x0 if edge == "left" else b.x1
        return PLOT_X0 if segments and day < segments[0].start else PLOT_X1

    paths = {c.article_key: c.location.path for _, c, _ in dated}
    row_keys = sorted(paths, key=lambda k: _source_order(k, paths[k], sources))
    row_of = {k: n for n, k in enumerate(row_keys)}
    geometry = []
    for i, c, (start, end) in dated:
        shape = claim_shape(c)
        x0, x1 = locate(start, "left"), locate(end, "right")
        x0, x1 = round(x0, 2), round(max(x1, x0 + 1), 2)
        cx = round((x0 + x1) / 2, 2) if shape == POINT else (round(x0 + MARK_HALF, 2) if shape == SPAN else round((x0 + x1) / 2, 2))
        extent = (cx - MARK_HALF, cx + MARK_HALF) if shape != SPAN else (x0 - 1, max(x1, x0 + 2 * MARK_HALF))
        geometry.append((i, c, start, end, shape, x0, x1, cx, extent))

    lanes: dict[int, int] = {}
    for key in row_keys:
        items = [g for g in geometry if g[1].article_key == key and g[4] != BAND]
        for g, lane in zip(items, _lanes([g[8] for g in items])):
            lanes[g[0]] = lane
    rows: list[Row] = []
    y = HEADER_H
    for key in row_keys:
        n_lanes = max([lanes.get(g[0], 0) for g in geometry if g[1].article_key == key] + [0]) + 1
        height = n_lanes * LANE_H + ROW_PAD
        source = sources.get(key)
        path = getattr(source, "path", None) or paths[key]
        rows.append(Row(key, path, getattr(source, "outlet", None), getattr(source, "published", None),
                        round(y, 2), height, n_lanes))
        y += height

    marks = []
    for i, c, start, end, shape, x0, x1, cx, _ in geometry:
        row = rows[row_of[c.article_key]]
        lane = lanes.get(i, 0)
        cy = row.y + ROW_PAD / 2 + lane * LANE_H + LANE_H / 2 if shape != BAND else row.y + row.height / 2
        marks.append(Mark(c.id, i, row_of[c.article_key], lane, shape, c.type, x0, x1, cx, round(cy, 2),
                          start, end, tuple(links.get(c.id, ()))))
    trip_bars = []
    for dep, start, end, inferred in trips:
        row = rows[row_of[dep.article_key]]
        mark = next(m for m in marks if m.claim_id == dep.id)
        place = getattr(dep.place, "text", None) if dep.place is not None else None
        trip_bars.append(TripBar(dep.id, mark.row, mark.cx, round(locate(end, "right"), 2), mark.cy, start, end,
                                 inferred, place))

    ticks: list[Tick] = []
    weekends: list[Shade] = []
    for s in segments:
        ticks += ticks_of(s, calendar)
        weekends += weekends_of(s)
    ticks = thin(clear_of_breaks(ticks, breaks), 30.0)
    fine = sorted(t.x for t in ticks if t.level == "fine" and t.line == 2)
    if len(fine) > MAX_FINE_TICKS:
        ticks, fine = [t for t in ticks if t.level != "fine"], []
    labelled = sorted(t.x for t in ticks if t.line == 2)
    fine_gap = min((b - a for a, b in zip(labelled, labelled[1:]) if b > a), default=0.0)
    return AxisLayout(
        width=WIDTH,
        height=round(y + 6, 2),
        plot_x0=PLOT_X0,
        plot_x1=PLOT_X1,
        rows_top=HEADER_H,
        segments=tuple(segments),
        breaks=tuple(breaks),
        ticks=tuple(ticks),
        weekends=tuple(weekends),
        rows=tuple(rows),
        marks=tuple(marks),
        trips=tuple(trip_bars),
        undated=len(claims) - len(dated),
        max_trip_days=max_trip_days,
        fine_gap=round(fine_gap, 2) if fine else 0.0,
    )


def claim_links(findings: Sequence[Any], claims: Sequence[EventClaim]) -> dict[str, list[Link]]:
    """Which of one official's claims each finding quotes: claim id -> links.

    Evidence names its article, the date as written and the sentence; a claim matches on the first two,
    and where an article writes the same date twice the sentence decides.
    """
    by_date: dict[tuple[str, str], list[EventClaim]] = {}
    for c in claims:
        expression = getattr(c, "date", None)
        if expression is not None and getattr(expression, "value", None) is not None:
            by_date.setdefault((c.article_key, expression.text), []).append(c)
    out: dict[str, list[Link]] = {}
    for f in findings:
        for k, ev in enumerate(f.evidence):
            candidates = [
                c for c in by_date.get((ev.article_key, ev.text), ())
                if ev.date is None or c.date.value == ev.date
            ]
            quote = " ".join(ev.quote.split())
            exact = [c for c in candidates if " ".join(c.sentence.text.split()) == quote]
            near = [c for c in candidates if quote in " ".join(c.sentence.text.split())
                    or " ".join(c.sentence.text.split()) in quote]
            for c in exact or near or candidates:
                link = Link(f.id, f.severity, k)
                if link not in out.setdefault(c.id, []):
                    out[c.id].append(link)
    return out
