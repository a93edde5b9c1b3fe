"""Per-official event graphs: claims as nodes, `same_event`, `part_of` and `before` edges (networkx).

Consistency is a property of these graphs: the official rules in timeline.checks read them. Building
is pure: claims are grouped by official (`claims_by_official`), and each official's claims become one
MultiDiGraph (`build_graph`), so the grouping is the only step that sees the whole archive.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Collection, Iterable, Iterator, Mapping, Sequence

from timeline.model import Article, ArticleDigest, EventClaim, Evidence, Interval

if TYPE_CHECKING:
    import networkx as nx

TRIP_TYPES = frozenset({"departure", "arrival", "return"})
# Two claims of one trip leg can be this far apart in date and still be one real event (a slip of a
# day or a moved flight); further apart they are two trips. Days.
SAME_TRIP_WINDOW = 7
# Without a reported return, an official trip abroad is assumed to last at most this long (the
# `max_trip_days` option of the rules that declare it overrides it). Days.
DEFAULT_MAX_TRIP_DAYS = 14


@dataclass(frozen=True, slots=True)
class ClaimNode:
    """A claim as the graph sees it: the claim, its article, the official's role, and its evidence."""

    claim: EventClaim
    article: Article
    role: str  # the official's role in the claim: agent | companion | representative | represented
    evidence: Evidence

    @property
    def interval(self) -> Interval | None:
        expr = self.claim.date
        if expr is None or expr.value is None or not expr.valid:
            return None
        return expr.value

    @property
    def present(self) -> bool:
        return self.role != "represented"


def place_key(claim: EventClaim) -> str | None:
    return claim.place.key if claim.place else None


def _published(node: ClaimNode) -> date:
    return node.article.published or date.min


def claims_by_official(digests: Iterable[ArticleDigest], identity=None) -> dict[str, list[ClaimNode]]:
    """Every event claim, filed under each official who takes part in it (canonical ids when an
    `Identity` is given)."""
    out: dict[str, list[ClaimNode]] = defaultdict(list)
    for item in digests:
        for event, evidence in zip(item.events, item.evidence):
            if event.modality in ("cancelled", "uncertain"):
                continue  # not a claim that the event happens
            if identity is not None:
                event = identity.event(event)
            seen: set[str] = set()
            for participant in event.participants:
                if participant.official_id in seen:
                    continue
                seen.add(participant.official_id)
                out[participant.official_id].append(
                    ClaimNode(event, item.article, participant.role, evidence)
                )
    return out


def _close(a: Interval | None, b: Interval | None, window: int) -> bool:
    if a is None or b is None:
        return True
    gap = max((b.start - a.end).days, (a.start - b.end).days, 0)
    return gap <= window


def _same_trip_leg(a: ClaimNode, b: ClaimNode) -> bool:
    ca, cb = a.claim, b.claim
    if ca.type != cb.type or ca.type not in TRIP_TYPES:
        return False
    ka, kb = place_key(ca), place_key(cb)
    if ka is None or kb is None or ka != kb:
        return False
    return _close(a.interval, b.interval, SAME_TRIP_WINDOW)


def _is_home(claim: EventClaim) -> bool:
    return claim.place is None or claim.place.domestic is True or claim.place.country == "ID"


def _names_place(text: str, claim: EventClaim) -> bool:
    place = claim.place
    if place is None:
        return False
    folded = text.casefold()
    return any(n and n.casefold() in folded for n in (place.country_name, place.city, place.text))


def _return_of(dep: ClaimNode, ret: ClaimNode, max_trip_days: int) -> bool:
    """Whether `ret` reports coming back from the trip `dep` left on.

    In one article: a return to the same destination, or home. Across articles: the return names the
    trip's destination ("kembali ... usai kunjungan kerja di Tiongkok") and is close to the departure.
    """
    d, r = dep.claim, ret.claim
    if d.article_key == r.article_key:
        return place_key(r) == place_key(d) or _is_home(r)
    if not _close(dep.interval, ret.interval, max_trip_days):
        return False
    if place_key(r) is not None and place_key(r) == place_key(d) and not _is_home(r):
        return True
    return _is_home(r) and not _is_home(d) and _names_place(ret.evidence.quote, d)


MOVED_PLAN_WINDOW = 62  # days: a postponement is usually weeks, not months


def _moved_plan(a: ClaimNode, b: ClaimNode) -> bool:
    ca, cb = a.claim, b.claim
    if ca.type != cb.type or ca.type in TRIP_TYPES or "changed" not in (ca.modality, cb.modality):
        return False
    ka, kb = place_key(ca), place_key(cb)
    return ka is not None and ka == kb and _close(a.interval, b.interval, MOVED_PLAN_WINDOW)


def build_graph(
    official_id: str, nodes: Sequence[ClaimNode], max_trip_days: int = DEFAULT_MAX_TRIP_DAYS
) -> "nx.MultiDiGraph":
    """One official's event graph from that official's claim nodes."""
    import networkx as nx

    graph = nx.MultiDiGraph(official=official_id)
    by_id = {}
    for node in nodes:
        c = node.claim
        by_id[c.id] = node
        graph.add_node(c.id, node=node)
    ordered = sorted(nodes, key=lambda n: n.claim.id)
    # Claims that can be one event share a type and a destination: compare only within those buckets.
    buckets: dict[tuple[str, str | None], list[ClaimNode]] = defaultdict(list)
    for node in ordered:
        buckets[(node.claim.type, place_key(node.claim))].append(node)
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                # same_event: legs of one trip (same type and destination, close in time), across
                # and within articles; for other events only where a report says the plan moved
                # ("diundur menjadi ..."): recurring local events are otherwise separate events.
                if _same_trip_leg(a, b) or _moved_plan(a, b):
                    graph.add_edge(a.claim.id, b.claim.id, key="same_event", kind="same_event")
    # part_of: the article says the event happens on that trip.
    for node in ordered:
        parent = node.claim.part_of
        if parent and parent in by_id:
            graph.add_edge(node.claim.id, parent, key="part_of", kind="part_of")
    # before: a departure precedes the return of the same trip (same article, or same destination
    # and a return within the longest plausible trip).
    departures = [n for n in ordered if n.claim.type == "departure"]
    for ret in ordered:
        if ret.claim.type != "return":
            continue
        for dep in departures:
            if _return_of(dep, ret, max_trip_days):
                graph.add_edge(dep.claim.id, ret.claim.id, key="before", kind="before")
    # same_event between children of one trip: the same kind of event on the same trip.
    trips = _trip_components(graph)
    graph.graph["trips"] = trips
    trip_of = {cid: n for n, group in enumerate(trips) for cid in group}
    children: dict[tuple[int, str], list[str]] = defaultdict(list)
    for cid, parent in _part_of_edges(graph):
        if parent in trip_of:
            children[(trip_of[parent], graph.nodes[cid]["node"].claim.type)].append(cid)
    for ids in children.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                graph.add_edge(a, b, key="same_event", kind="same_event")
    return graph


def build_graphs(
    digests: Iterable[ArticleDigest],
    only: Collection[str] | None = None,
    max_trip_days: int = DEFAULT_MAX_TRIP_DAYS,
    identity=None,
) -> dict[str, "nx.MultiDiGraph"]:
    """One event graph per official, keyed by official id (only those in `only`, when given)."""
    nodes_of = claims_by_official(digests, identity)
    return {
        oid: build_graph(oid, nodes, max_trip_days)
        for oid, nodes in sorted(nodes_of.items())
        if only is None or oid in only
    }


@dataclass(frozen=True)
class OfficialGraph:
    """What an official rule reads: one official's graph, and the names of everyone in its claims."""

    official_id: str
    graph: "nx.MultiDiGraph"
    names: Mapping[str, str] = field(default_factory=dict)


def _part_of_edges(graph: "nx.MultiDiGraph") -> Iterator[tuple[str, str]]:
    for u, v, kind in graph.edges(data="kind"):
        if kind == "part_of":
            yield u, v


def same_event_groups(graph: "nx.MultiDiGraph") -> list[list[str]]:
    """Connected groups of claims joined by `same_event` edges (singletons left out), sorted."""
    import networkx as nx

    view = nx.Graph()
    view.add_nodes_from(graph.nodes)
    view.add_edges_from((u, v) for u, v, kind in graph.edges(data="kind") if kind == "same_event")
    groups = [sorted(c) for c in nx.connected_components(view) if len(c) > 1]
    return sorted(groups)


def trip_groups(graph: "nx.MultiDiGraph") -> list[list[str]]:
    """Each trip: its departure/arrival/return claims joined by same_event or before (singletons too)."""
    trips = graph.graph.get("trips")
    return trips if trips is not None else _trip_components(graph)


def _trip_components(graph: "nx.MultiDiGraph") -> list[list[str]]:
    import networkx as nx

    view = nx.Graph()
    trip_nodes = [n for n, d in graph.nodes(data="node") if d.claim.type in TRIP_TYPES]
    view.add_nodes_from(trip_nodes)
    view.add_edges_from(
        (u, v)
        for u, v, kind in graph.edges(data="kind")
        if kind in ("same_event", "before") and u in view and v in view
    )
    return sorted(sorted(c) for c in nx.connected_components(view))
