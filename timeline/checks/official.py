"""Rules over one official's event graph: one event given dates that cannot all hold, events outside
their trip, orders the dates contradict, being in two places at once, and moved schedules.

Each takes one `OfficialGraph` and the rule's options and yields typed drafts: the runner maps them over
officials, so a serial loop, a process pool or a Dask bag can drive them unchanged. None compares all
pairs of claims: conflicts are read off the graph's `same_event` edges, and local events are matched
to trips by bisection.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from datetime import date, timedelta
from typing import Any, Iterator, Mapping, Sequence

from timeline.archive.graph import TRIP_TYPES, ClaimNode, OfficialGraph, same_event_groups
from timeline.archive.linking import is_coarse
from timeline.checks.trips import Trip, groups_of, trip_from, trips_of
from timeline.lang import Text
from timeline.model import Draft, Evidence, Interval

SAME_MOMENT_MINUTES = 60


def _nodes(graph, ids: Sequence[str]) -> list[ClaimNode]:
    return [graph.nodes[i]["node"] for i in ids]


def _evidence(nodes: Sequence[ClaimNode]) -> tuple[Evidence, ...]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for node in nodes:
        ev = node.evidence
        key = (ev.article_key, ev.line, ev.column)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return tuple(out)


def _place_text(nodes: Sequence[ClaimNode]) -> str:
    """What to name an event by: a trip's destination abroad, else what it is about or where."""
    for node in nodes:
        p = node.claim.place
        if p is not None and p.country and p.country != "ID":
            return p.country_name or p.city or p.text
    for node in nodes:
        if node.claim.object and node.claim.type not in TRIP_TYPES:
            return node.claim.object
    for node in nodes:
        p = node.claim.place
        if p is not None:
            return p.text if p.domestic else (p.country_name or p.city or p.text)
    return "-"


def _event(event_type: str) -> Text:
    return Text.of(f"event.{event_type}")


def _name(view: OfficialGraph, oid: str) -> str:
    return view.names.get(oid, oid)


def _leads(oid: str, nodes: Sequence[ClaimNode]) -> bool:
    """Whether `oid` leads these claims: a trip shared by companions is reported once, under its agent."""
    return any(n.role == "agent" for n in nodes) or not any(n.claim.agent for n in nodes)


def _companions(view: OfficialGraph, nodes: Sequence[ClaimNode]) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for node in nodes:
        for p in node.claim.participants:
            if p.role == "companion" and p.official_id != view.official_id:
                names[_name(view, p.official_id)] = None
    return tuple(names)


def _by_date(nodes: Sequence[ClaimNode]) -> list[ClaimNode]:
    return sorted(nodes, key=lambda n: (n.interval.start, n.interval.end, n.article.path, n.claim.id))


def _comparable(node: ClaimNode) -> bool:
    """A claim whose date can contradict another's: a day, a range, a month or a part of one. A range
    on a departure or return is the span of the whole trip or of the event it serves, not the day of
    travel."""
    if node.interval is None or not node.present:
        return False
    if node.claim.type in TRIP_TYPES:
        return node.interval.start == node.interval.end or is_coarse(node)
    return True


def _disagree(a: ClaimNode, b: ClaimNode) -> bool:
    """Dates that cannot both hold, unless zoned clock times show one moment written in two zones
    ("Senin pukul 23.30 WIB" is "Selasa pukul 00.30 WITA")."""
    if a.interval.overlaps(b.interval):
        return False
    ta, tb = _instant(a), _instant(b)
    if ta is not None and tb is not None:
        return abs((ta - tb).total_seconds()) > SAME_MOMENT_MINUTES * 60
    return True


def _instant(node: ClaimNode):
    from timeline.temporal.zones import to_utc

    return to_utc(node.claim.time) if node.claim.time is not None else None


def _conflicting_groups(view: OfficialGraph) -> Iterator[tuple[list[ClaimNode], bool]]:
    """Same-event groups where two claims judged one event cannot both hold; flag whether a report
    moved the event. Only the group's `same_event` edges are compared, never all its pairs."""
    graph = view.graph
    groups = same_event_groups(graph)
    group_of = {cid: n for n, group in enumerate(groups) for cid in group}
    conflicting: set[int] = set()
    for u, v, kind in graph.edges(data="kind"):
        if kind != "same_event" or group_of.get(u) in conflicting:
            continue
        a, b = graph.nodes[u]["node"], graph.nodes[v]["node"]
        if _comparable(a) and _comparable(b) and _disagree(a, b):
            conflicting.add(group_of[u])
    for n in sorted(conflicting):
        dated = [node for node in _nodes(graph, groups[n]) if _comparable(node)]
        if _leads(view.official_id, dated):
            yield _by_date(dated), any(node.claim.modality == "changed" for node in dated)


def _conflict_draft(view: OfficialGraph, rule: str, nodes: list[ClaimNode]) -> Draft:
    """A finding over claims in the order given: first_date is the first's, second_date the last's."""
    first, last = nodes[0], nodes[-1]
    event_type = first.claim.type
    return Draft(
        rule=rule,
        args={
            "event": _event(event_type),
            "place": _place_text(nodes),
            "first_date": first.interval,
            "second_date": last.interval,
            "dates": tuple(dict.fromkeys(n.interval for n in nodes)),
        },
        evidence=_evidence(nodes),
        official_id=view.official_id,
        event_type=event_type,
        place=_place_text(nodes),
        companions=_companions(view, nodes),
    )


def _after_change(nodes: Sequence[ClaimNode]) -> list[ClaimNode]:
    """The claims of a moved event published since its latest change, when they disagree among
    themselves (the new date reported wrongly somewhere); else nothing."""
    changed = [n for n in nodes if n.claim.modality == "changed"]
    latest = max(changed, key=lambda n: (n.article.published or date.min, n.claim.id))
    day = latest.article.published or date.min
    since = [n for n in nodes if (n.article.published or date.min) > day or n.claim.modality == "changed"
             and (n.article.published or date.min) == day]
    if max(n.interval.start for n in since) <= min(n.interval.end for n in since):
        return []
    return _by_date(since)


def date_conflict(view: OfficialGraph, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL101: claims of the same event give dates that cannot all hold."""
    for nodes, changed in _conflicting_groups(view):
        if not changed:
            yield _conflict_draft(view, "date-conflict", nodes)
        else:
            since = _after_change(nodes)
            if since:
                yield _conflict_draft(view, "date-conflict", since)


def schedule_change(view: OfficialGraph, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL105: a later report moves a planned event ("diundur menjadi ..."): information, not an error."""
    for nodes, changed in _conflicting_groups(view):
        if changed:
            # In the order they were reported: the last report carries the schedule now in force.
            ordered = sorted(nodes, key=lambda n: (n.article.published or n.interval.start, n.claim.id))
            yield _conflict_draft(view, "schedule-change", ordered)


def _bound(trip: Trip, max_trip_days: int, agenda: bool = False) -> Text:
    if trip.by_return:
        return Text.of("term.bound_return")
    if trip.stated_days is not None:
        return Text.of("term.bound_length", days=trip.stated_days)
    if agenda and trip.agenda_end is not None:
        return Text.of("term.bound_agenda")
    return Text.of("term.bound_limit", days=max_trip_days)


def outside_trip(view: OfficialGraph, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL102: an event that is part of a trip is dated outside it."""
    graph, oid = view.graph, view.official_id
    max_trip_days = options["max_trip_days"]
    group_of = groups_of(graph)
    for child_id, trip_id, kind in graph.edges(data="kind"):
        if kind != "part_of":
            continue
        child, parent = graph.nodes[child_id]["node"], graph.nodes[trip_id]["node"]
        if parent.interval is None or child.interval is None or not child.present or not _leads(oid, [child, parent]):
            continue
        trip = trip_from(parent, group_of.get(trip_id, [parent]), max_trip_days)
        window = Interval(trip.start, max(trip.latest_end, trip.start))
        if window.overlaps(child.interval):
            continue
        cited = [child, parent] + ([trip.ret] if trip.by_return and trip.ret is not None else [])
        yield Draft(
            rule="outside-trip",
            args={
                "event": _event(child.claim.type),
                "date": child.interval,
                "trip_start": window.start,
                "trip_end": window.end,
                "trip_days": window.days - 1,
                "place": _place_text([parent, child]),
                "bound": _bound(trip, max_trip_days),
            },
            evidence=_evidence(cited),
            official_id=oid,
            event_type=child.claim.type,
            place=_place_text([parent]),
            companions=_companions(view, [child, parent]),
        )


def sequence_conflict(view: OfficialGraph, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL103: an order the text asserts (departure before return) contradicted by the dates: one
    finding per trip, however many claims of its departure and return disagree."""
    graph, oid = view.graph, view.official_id
    trip_of = {cid: n for n, group in enumerate(graph.graph.get("trips") or []) for cid in group}
    pairs: dict[object, list[tuple[ClaimNode, ClaimNode]]] = defaultdict(list)
    for u, v, kind in graph.edges(data="kind"):
        if kind != "before":
            continue
        first, then = graph.nodes[u]["node"], graph.nodes[v]["node"]
        if first.interval is None or then.interval is None or first.interval.start <= then.interval.end:
            continue
        if _leads(oid, [first, then]):
            pairs[trip_of.get(u, u)].append((first, then))
    for found in pairs.values():
        deps = _by_date({f.claim.id: f for f, _ in found}.values())
        rets = _by_date({t.claim.id: t for _, t in found}.values())
        first, then = deps[-1], rets[0]
        yield Draft(
            rule="sequence-conflict",
            args={
                "first_event": _event(first.claim.type),
                "then_event": _event(then.claim.type),
                "first_date": first.interval,
                "second_date": then.interval,
                "place": _place_text([first, then]),
            },
            evidence=_evidence(deps + rets),
            official_id=oid,
            event_type=first.claim.type,
            place=_place_text([first, then]),
        )


def _local(node: ClaimNode) -> bool:
    """A claim that puts the official at an event at home on one day."""
    c = node.claim
    return (
        c.type not in TRIP_TYPES
        and node.present
        and not c.part_of
        and c.domestic is True
        and node.interval is not None
        and node.interval.start == node.interval.end
        and not is_coarse(node)
    )


def _clock_clash(local: ClaimNode, trip: Trip, day: date) -> bool:
    """On the day of departure (or return), whether clock times put the local event after the flight
    out (or before the flight home)."""
    at = _instant(local)
    if at is None:
        return False
    if day == trip.start:
        leave = _instant(trip.departure)
        return leave is not None and at > leave
    if trip.by_return and trip.ret is not None and day == trip.end:
        back = _instant(trip.ret)
        return back is not None and at < back
    return False


def location_conflict(view: OfficialGraph, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL104: an official placed at a local event while reported abroad on a trip at that time."""
    graph, oid = view.graph, view.official_id
    max_trip_days = options["max_trip_days"]
    trips = sorted((t for t in trips_of(graph, max_trip_days) if t.abroad), key=lambda t: (t.start, t.departure.claim.id))
    if not trips:
        return
    starts = [t.start for t in trips]
    longest = max((t.away_until - t.start).days for t in trips)
    for _, node in graph.nodes(data="node"):
        if not _local(node):
            continue
        day = node.interval.start
        lo = bisect.bisect_left(starts, day - timedelta(days=longest))
        hi = bisect.bisect_right(starts, day)
        for trip in trips[lo:hi]:
            inside = trip.start < day < trip.away_until
            if not (inside or (trip.start <= day <= trip.away_until and _clock_clash(node, trip, day))):
                continue
            cited = [trip.departure] + ([trip.ret] if trip.ret is not None else [])
            if not _leads(oid, [node, *cited]):
                continue
            c = node.claim
            yield Draft(
                rule="location-conflict",
                args={
                    "event": _event(c.type),
                    "date": node.interval,
                    "local_place": c.place.text if c.place is not None else (c.object or c.trigger),
                    "place": _place_text([trip.departure]),
                    "trip_start": trip.start,
                    "trip_end": trip.agenda_end if not trip.by_return and trip.agenda_end else trip.end,
                    "bound": _bound(trip, max_trip_days, agenda=True),
                },
                evidence=_evidence([node, *cited]),
                official_id=oid,
                event_type=c.type,
                place=c.place.text if c.place is not None else c.object,
            )
            break
