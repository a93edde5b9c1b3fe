"""Checks on an official's event graph: one event given dates that cannot all hold, events outside
their trip, orders the dates contradict, being in two places at once, and moved schedules."""

from __future__ import annotations

from datetime import timedelta
from itertools import combinations
from typing import Iterator, Sequence

from timeline.checks.base import CheckContext, format_interval
from timeline.graph import TRIP_TYPES, ClaimNode, same_event_groups, trip_groups
from timeline.records import Draft, Evidence, Interval

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


def _event_args(event_type: str) -> dict[str, str]:
    from timeline.labels import event_label

    return {"event_id": event_label(event_type, "id"), "event_en": event_label(event_type, "en")}


def _name(ctx: CheckContext, oid: str) -> str:
    official = ctx.officials.get(oid)
    return official.name if official else oid


def _leads(oid: str, nodes: Sequence[ClaimNode]) -> bool:
    """Whether `oid` leads these claims: a trip shared by companions is reported once, under its agent."""
    return any(n.role == "agent" for n in nodes) or not any(n.claim.agent for n in nodes)


def _companions(ctx: CheckContext, oid: str, nodes: Sequence[ClaimNode]) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for node in nodes:
        for p in node.claim.participants:
            if p.role == "companion" and p.official_id != oid:
                names[_name(ctx, p.official_id)] = None
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
    from timeline.temporal import to_utc

    ta = to_utc(a.claim.time) if a.claim.time is not None else None
    tb = to_utc(b.claim.time) if b.claim.time is not None else None
    if ta is not None and tb is not None:
        return abs((ta - tb).total_seconds()) > SAME_MOMENT_MINUTES * 60
    return True


def _conflicting_groups(ctx: CheckContext) -> Iterator[tuple[str, list[ClaimNode], bool]]:
    """Same-event groups whose dated claims cannot all hold; flag whether a later report moved it."""
    for oid, graph in ctx.graphs.items():
        for group in same_event_groups(graph):
            dated = [n for n in _nodes(graph, group) if _comparable(n)]
            if not _leads(oid, dated):
                continue
            if not any(_disagree(a, b) for a, b in combinations(dated, 2)):
                continue
            changed = any(n.claim.modality == "changed" for n in dated)
            yield oid, _by_date(dated), changed


def _conflict_draft(ctx: CheckContext, rule: str, oid: str, nodes: list[ClaimNode]) -> Draft:
    """A finding over claims in the order given: first_date is the first's, second_date the last's."""
    first, last = nodes[0], nodes[-1]
    event_type = first.claim.type
    return Draft(
        rule=rule,
        args={
            "official": _name(ctx, oid),
            **_event_args(event_type),
            "place": _place_text(nodes),
            "first_date": format_interval(first.interval),
            "second_date": format_interval(last.interval),
            "dates": ", ".join(dict.fromkeys(format_interval(n.interval) for n in nodes)),
        },
        evidence=_evidence(nodes),
        official_id=oid,
        event_type=event_type,
        place=_place_text(nodes),
        companions=_companions(ctx, oid, nodes),
    )


def date_conflict(ctx: CheckContext) -> Iterator[Draft]:
    """TL101: claims of the same event give dates that cannot all hold."""
    for oid, nodes, changed in _conflicting_groups(ctx):
        if not changed:
            yield _conflict_draft(ctx, "date-conflict", oid, nodes)


def schedule_change(ctx: CheckContext) -> Iterator[Draft]:
    """TL105: a later report moves a planned event ("diundur menjadi ..."): information, not an error."""
    for oid, nodes, changed in _conflicting_groups(ctx):
        if changed:
            # In the order they were reported: the last report carries the schedule now in force.
            ordered = sorted(nodes, key=lambda n: (n.article.published or n.interval.start, n.claim.id))
            yield _conflict_draft(ctx, "schedule-change", oid, ordered)


def _trip_window(ctx: CheckContext, graph, trip: ClaimNode) -> tuple[Interval, bool] | None:
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
    return Interval(start, start + timedelta(days=ctx.max_trip_days)), False


def outside_trip(ctx: CheckContext) -> Iterator[Draft]:
    """TL102: an event that is part of a trip is dated outside it."""
    for oid, graph in ctx.graphs.items():
        for child_id, trip_id, kind in graph.edges(data="kind"):
            if kind != "part_of":
                continue
            child, trip = graph.nodes[child_id]["node"], graph.nodes[trip_id]["node"]
            if child.interval is None or not child.present or not _leads(oid, [child, trip]):
                continue
            window = _trip_window(ctx, graph, trip)
            if window is None or window[0].overlaps(child.interval):
                continue
            interval, has_return = window
            yield Draft(
                rule="outside-trip",
                args={
                    "official": _name(ctx, oid),
                    **_event_args(child.claim.type),
                    "date": format_interval(child.interval),
                    "trip_start": interval.start.isoformat(),
                    "trip_end": interval.end.isoformat(),
                    "trip_days": str(interval.days - 1),
                    "place": _place_text([trip, child]),
                    "bound_id": "kepulangan" if has_return else f"batas {ctx.max_trip_days} hari",
                    "bound_en": "return" if has_return else f"{ctx.max_trip_days}-day limit",
                },
                evidence=_evidence([child, trip]),
                official_id=oid,
                event_type=child.claim.type,
                place=_place_text([trip]),
                companions=_companions(ctx, oid, [child, trip]),
            )


def sequence_conflict(ctx: CheckContext) -> Iterator[Draft]:
    """TL103: an order the text asserts (departure before return) contradicted by the dates."""
    for oid, graph in ctx.graphs.items():
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
                    "official": _name(ctx, oid),
                    **{f"first_{k}": v for k, v in _event_args(first.claim.type).items()},
                    **{f"then_{k}": v for k, v in _event_args(then.claim.type).items()},
                    "first_date": format_interval(first.interval),
                    "second_date": format_interval(then.interval),
                    "place": _place_text([first, then]),
                },
                evidence=_evidence([first, then]),
                official_id=oid,
                event_type=first.claim.type,
                place=_place_text([first, then]),
            )


def _abroad_spans(ctx: CheckContext, graph) -> Iterator[tuple[Interval, list[ClaimNode]]]:
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
                if c.interval.start > start and (c.interval.end - start).days <= ctx.max_trip_days
            ]
            if not inside:
                continue
            last = max(inside, key=lambda c: c.interval.end)
            end = last.interval.end
            evidence = deps[:1] + [last]
        if end <= start:
            continue
        yield Interval(start + timedelta(days=1), end), evidence


def location_conflict(ctx: CheckContext) -> Iterator[Draft]:
    """TL104: an official placed at a local event while reported abroad on a trip at that time."""
    for oid, graph in ctx.graphs.items():
        spans = list(_abroad_spans(ctx, graph))
        if not spans:
            continue
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
                        "official": _name(ctx, oid),
                        **_event_args(c.type),
                        "date": format_interval(node.interval),
                        "local_place": c.place.text,
                        "place": _place_text(trip_nodes),
                        "trip_start": trip_nodes[0].interval.start.isoformat(),
                        "trip_end": span.end.isoformat(),
                    },
                    evidence=_evidence([node, *trip_nodes]),
                    official_id=oid,
                    event_type=c.type,
                    place=c.place.text,
                )
                break

