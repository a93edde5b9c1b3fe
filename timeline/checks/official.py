"""Rules over one official's event graph: one event given dates that cannot all hold, events outside
their trip, orders the dates contradict, being in two places at once, and moved schedules.

Each takes one `OfficialGraph` and the rule's options and yields typed drafts: the runner maps them over
officials, so a serial loop, a process pool or a Dask bag can drive them unchanged.
"""

from __future__ import annotations

from datetime import timedelta
from itertools import combinations
from typing import Any, Iterator, Mapping, Sequence

from timeline.archive.graph import TRIP_TYPES, ClaimNode, OfficialGraph, same_event_groups, trip_groups
from timeline.lang import Text
from timeline.model import Draft, Evidence, Interval

LOCAL_TYPES = frozenset({"visit", "attend", "speak", "meeting", "ceremony", "inspection"})


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
    for node in nodes:
        p = node.claim.place
        if p is not None:
            return p.country_name or p.city or p.text
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
    """A claim whose date can contradict another's: a day or a month. A range on a departure or
    return is the span of the whole trip or of the event it serves, not the day of travel."""
    if node.interval is None or not node.present:
        return False
    if node.claim.type in TRIP_TYPES:
        return node.interval.start == node.interval.end or node.claim.date.granularity == "month"
    return True


SAME_MOMENT_MINUTES = 60


def _disagree(a: ClaimNode, b: ClaimNode) -> bool:
    """Dates that cannot both hold, unless zoned clock times show one moment written in two zones
    ("Senin pukul 23.30 WIB" is "Selasa pukul 00.30 WITA")."""
    if a.interval.overlaps(b.interval):
        return False
    from timeline.temporal.zones import to_utc

    ta = to_utc(a.claim.time) if a.claim.time is not None else None
    tb = to_utc(b.claim.time) if b.claim.time is not None else None
    if ta is not None and tb is not None:
        return abs((ta - tb).total_seconds()) > SAME_MOMENT_MINUTES * 60
    return True


def _conflicting_groups(view: OfficialGraph) -> Iterator[tuple[list[ClaimNode], bool]]:
    """Same-event groups whose dated claims cannot all hold; flag whether a later report moved it."""
    graph = view.graph
    for group in same_event_groups(graph):
        dated = [n for n in _nodes(graph, group) if _comparable(n)]
        if not _leads(view.official_id, dated):
            continue
        if not any(_disagree(a, b) for a, b in combinations(dated, 2)):
            continue
        changed = any(n.claim.modality == "changed" for n in dated)
        yield _by_date(dated), changed


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


def date_conflict(view: OfficialGraph, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL101: claims of the same event give dates that cannot all hold."""
    for nodes, changed in _conflicting_groups(view):
        if not changed:
            yield _conflict_draft(view, "date-conflict", nodes)


def schedule_change(view: OfficialGraph, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL105: a later report moves a planned event ("diundur menjadi ..."): information, not an error."""
    for nodes, changed in _conflicting_groups(view):
        if changed:
            # In the order they were reported: the last report carries the schedule now in force.
            ordered = sorted(nodes, key=lambda n: (n.article.published or n.interval.start, n.claim.id))
            yield _conflict_draft(view, "schedule-change", ordered)


def _trip_window(max_trip_days: int, graph, trip: ClaimNode) -> tuple[Interval, bool] | None:
    """From the trip's departure to its reported return, else to the longest plausible trip."""
    if trip.interval is None:
        return None
    start = trip.interval.start
    group = next((g for g in trip_groups(graph) if trip.claim.id in g), [trip.claim.id])
    returns = [
        n.interval.end for n in _nodes(graph, group) if n.claim.type == "return" and n.interval is not None
    ]
    if returns:
        return Interval(start, max(max(returns), start)), True
    return Interval(start, start + timedelta(days=max_trip_days)), False


def outside_trip(view: OfficialGraph, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL102: an event that is part of a trip is dated outside it."""
    graph, oid = view.graph, view.official_id
    max_trip_days = options["max_trip_days"]
    for child_id, trip_id, kind in graph.edges(data="kind"):
        if kind != "part_of":
            continue
        child, trip = graph.nodes[child_id]["node"], graph.nodes[trip_id]["node"]
        if child.interval is None or not child.present or not _leads(oid, [child, trip]):
            continue
        window = _trip_window(max_trip_days, graph, trip)
        if window is None or window[0].overlaps(child.interval):
            continue
        interval, has_return = window
        yield Draft(
            rule="outside-trip",
            args={
                "event": _event(child.claim.type),
                "date": child.interval,
                "trip_start": interval.start,
                "trip_end": interval.end,
                "trip_days": interval.days - 1,
                "place": _place_text([trip, child]),
                "bound": Text.of("term.bound_return") if has_return else Text.of("term.bound_limit", days=max_trip_days),
            },
            evidence=_evidence([child, trip]),
            official_id=oid,
            event_type=child.claim.type,
            place=_place_text([trip]),
            companions=_companions(view, [child, trip]),
        )


def sequence_conflict(view: OfficialGraph, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL103: an order the text asserts (departure before return) contradicted by the dates."""
    graph, oid = view.graph, view.official_id
    for u, v, kind in graph.edges(data="kind"):
        if kind != "before":
            continue
        first, then = graph.nodes[u]["node"], graph.nodes[v]["node"]
        if first.interval is None or then.interval is None:
            continue
        if first.interval.start <= then.interval.end or not _leads(oid, [first, then]):
            continue
        yield Draft(
            rule="sequence-conflict",
            args={
                "first_event": _event(first.claim.type),
                "then_event": _event(then.claim.type),
                "first_date": first.interval,
                "second_date": then.interval,
                "place": _place_text([first, then]),
            },
            evidence=_evidence([first, then]),
            official_id=oid,
            event_type=first.claim.type,
            place=_place_text([first, then]),
        )


def _abroad_spans(max_trip_days: int, graph) -> Iterator[tuple[Interval, list[ClaimNode]]]:
    """Days an official is certainly abroad: after departure until the return or the last dated
    event of the trip; the days of departure and return themselves are left out."""
    for group in trip_groups(graph):
        nodes = _nodes(graph, group)
        deps = [n for n in nodes if n.claim.type == "departure" and n.interval is not None and n.present]
        if not deps:
            continue
        place = next((n.claim.place for n in deps if n.claim.place is not None), None)
        if place is None or not place.country or place.country == "ID":
            continue
        starts = {n.interval.start for n in deps}
        if len(starts) != 1 or any(n.interval.start != n.interval.end for n in deps):
            continue  # the departure itself is in doubt: that is TL101's finding, not a location
        start = next(iter(starts))
        returns = [n for n in nodes if n.claim.type == "return" and n.interval is not None]
        children = [
            graph.nodes[c]["node"]
            for c, parent, kind in graph.edges(data="kind")
            if kind == "part_of" and parent in group and graph.nodes[c]["node"].interval is not None
        ]
        if returns:
            end = min(n.interval.start for n in returns) - timedelta(days=1)
            evidence = deps[:1] + returns[:1]
        else:
            inside = [
                c for c in children
                if c.interval.start > start and (c.interval.end - start).days <= max_trip_days
            ]
            if not inside:
                continue
            last = max(inside, key=lambda c: c.interval.end)
            end = last.interval.end
            evidence = deps[:1] + [last]
        if end <= start:
            continue
        yield Interval(start + timedelta(days=1), end), evidence


def location_conflict(view: OfficialGraph, options: Mapping[str, Any]) -> Iterator[Draft]:
    """TL104: an official placed at a local event while reported abroad on a trip at that time."""
    graph, oid = view.graph, view.official_id
    spans = list(_abroad_spans(options["max_trip_days"], graph))
    if not spans:
        return
    for _, node in graph.nodes(data="node"):
        c = node.claim
        if (
            c.type not in LOCAL_TYPES
            or not node.present
            or c.part_of
            or c.place is None
            or c.place.domestic is not True
            or node.interval is None
            or node.interval.start != node.interval.end
        ):
            continue
        for span, trip_nodes in spans:
            if not span.contains(node.interval) or not _leads(oid, [node, *trip_nodes]):
                continue
            yield Draft(
                rule="location-conflict",
                args={
                    "event": _event(c.type),
                    "date": node.interval,
                    "local_place": c.place.text,
                    "place": _place_text(trip_nodes),
                    "trip_start": trip_nodes[0].interval.start,
                    "trip_end": span.end,
                },
                evidence=_evidence([node, *trip_nodes]),
                official_id=oid,
                event_type=c.type,
                place=c.place.text,
            )
            break

