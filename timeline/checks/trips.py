"""Trips as the official rules see them: when a trip leaves, what bounds it, and the days the official
is certainly abroad.

A trip is a group of departure and return claims (`archive.graph.trip_groups`). It leaves on the day
its departure claims agree on, or on the day the latest report of a change moved it to ("diundur
menjadi ..."); it is bounded by its first return dated on or after that day, reported or scheduled,
else by its stated length ("selama empat hari"), else by the longest plausible trip (`max_trip_days`). Between those two days the official is abroad;
on the days themselves only clock times can say (the morning event, the evening flight).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Sequence

from timeline.archive.graph import ClaimNode, trip_groups
from timeline.archive.linking import is_coarse


@dataclass(frozen=True)
class Trip:
    """One trip abroad of one official, with the claims that date it."""

    start: date  # the day of departure
    end: date  # the day of return, or the last day the bound allows
    by_return: bool  # `end` is a reported or scheduled return (else a stated length or max_trip_days)
    latest_end: date  # the latest return reported (a lenient bound for events of the trip)
    departure: ClaimNode
    ret: ClaimNode | None
    nodes: tuple[ClaimNode, ...]  # every claim of the trip group
    abroad: bool  # the destination is outside Indonesia
    agenda_end: date | None = None  # the last day of the trip's own dated events, within the bound
    stated_days: int | None = None  # the trip's stated length bounds it ("selama empat hari")

    @property
    def away_until(self) -> date:
        """The first day the official may be home again: the return day; without one, the day after
        the trip's last dated event, else the bound (the days in between are certainly abroad)."""
        if self.by_return or self.agenda_end is None:
            return self.end
        return self.agenda_end + timedelta(days=1)


def _single_day(node: ClaimNode) -> bool:
    return node.interval is not None and node.interval.start == node.interval.end and not is_coarse(node)


def _published(node: ClaimNode) -> tuple:
    return (node.article.published or date.min, node.claim.id)


def departure_day(deps: Sequence[ClaimNode]) -> ClaimNode | None:
    """The departure claim that dates the trip: the latest report of a change, else the one day all
    departure claims agree on (None when they disagree: that is a date conflict, not a trip)."""
    dated = [n for n in deps if _single_day(n) and n.present]
    if not dated:
        return None
    changed = [n for n in dated if n.claim.modality == "changed"]
    if changed:
        return max(changed, key=_published)
    if len({n.interval.start for n in dated}) != 1:
        return None
    return min(dated, key=lambda n: n.claim.id)


def returns_of(nodes: Sequence[ClaimNode], start: date) -> list[ClaimNode]:
    """The return claims of a trip group dated on one day on or after `start`, earliest first."""
    return sorted((n for n in nodes if n.claim.type == "return" and _single_day(n) and n.interval.start >= start),
                  key=lambda n: (n.interval.start, n.claim.id))


def trip_from(dep: ClaimNode, nodes: Sequence[ClaimNode], max_trip_days: int) -> Trip:
    """The trip that leaves on `dep`'s day, bounded by the group's returns or by `max_trip_days`."""
    start = dep.interval.start
    returns = returns_of(nodes, start)
    place = dep.claim.place
    abroad = place is not None and bool(place.country) and place.country != "ID"
    if returns:
        return Trip(start, returns[0].interval.start, True, returns[-1].interval.start, dep, returns[0],
                    tuple(nodes), abroad)
    stated = [int(n.claim.length.amount) for n in nodes if n.claim.type == "departure" and n.claim.length]
    if stated:  # "Selama empat hari di Kuala Lumpur": home again by the last of those days
        days = min(stated)
        end = start + timedelta(days=max(days - 1, 0))
        return Trip(start, end, False, start + timedelta(days=days), dep, None, tuple(nodes), abroad, stated_days=days)
    end = start + timedelta(days=max_trip_days)
    return Trip(start, end, False, end, dep, None, tuple(nodes), abroad)


def groups_of(graph) -> dict[str, list[ClaimNode]]:
    """Each claim id of a trip group -> the claims of its group."""
    out: dict[str, list[ClaimNode]] = {}
    for group in trip_groups(graph):
        nodes = [graph.nodes[i]["node"] for i in group]
        for i in group:
            out[i] = nodes
    return out


def trips_of(graph, max_trip_days: int) -> list[Trip]:
    """Every trip of one official's graph whose departure day is certain, with the end of its agenda
    (the events told as part of it, "Di sana ia akan menghadiri ...")."""
    children: dict[str, list[ClaimNode]] = {}
    for child, parent, kind in graph.edges(data="kind"):
        if kind == "part_of":
            children.setdefault(parent, []).append(graph.nodes[child]["node"])
    out = []
    for group in trip_groups(graph):
        nodes = [graph.nodes[i]["node"] for i in group]
        dep = departure_day([n for n in nodes if n.claim.type == "departure"])
        if dep is None:
            continue
        trip = trip_from(dep, nodes, max_trip_days)
        ends = [c.interval.end for i in group for c in children.get(i, ())
                if c.interval is not None and trip.start < c.interval.end <= trip.end]
        out.append(replace(trip, agenda_end=max(ends)) if ends else trip)
    return out
