"""Per-official event graphs: claims as nodes, `same_event`, `part_of` and `before` edges (networkx).

Consistency is a property of these graphs: the official rules in timeline.checks read them. Building
is pure: claims are grouped by official (`claims_by_official`), and each official's claims become one
MultiDiGraph (`build_graph`), so the grouping is the only step that sees the whole archive. Which
claims are one event is decided in `archive.linking`, without comparing all pairs; the graph records
the work it took (`graph.graph["stats"]`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Collection, Iterable, Iterator, Mapping, Sequence

from timeline.archive.linking import (
    TRIP_TYPES,
    LinkStats,
    place_key,
    return_pairs,
    same_event_pairs,
    same_object,
    sweep,
)
from timeline.model import Article, ArticleDigest, EventClaim, Evidence, Interval

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["TRIP_TYPES", "DEFAULT_MAX_TRIP_DAYS", "ClaimNode", "OfficialGraph", "build_graph", "build_graphs",
           "claims_by_official", "place_key", "same_event_groups", "trip_groups"]

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


def _same_trip_child(a: ClaimNode, b: ClaimNode) -> bool:
    """Two events of one trip of the same kind about the same thing ("Di sana ia akan menghadiri ...")."""
    ca, cb = a.claim, b.claim
    return ca.type == cb.type and not ca.repeat and not cb.repeat and same_object(ca, cb, strict=False)


def build_graph(
    official_id: str, nodes: Sequence[ClaimNode], max_trip_days: int = DEFAULT_MAX_TRIP_DAYS
) -> "nx.MultiDiGraph":
    """One official's event graph from that official's claim nodes."""
    import networkx as nx

    stats = LinkStats()
    graph = nx.MultiDiGraph(official=official_id, stats=stats)
    by_id = {}
    for node in nodes:
        by_id[node.claim.id] = node
        graph.add_node(node.claim.id, node=node)
    # same_event: one event told by several claims (see archive.linking).
    for a, b in same_event_pairs(nodes, stats):
        graph.add_edge(a.claim.id, b.claim.id, key="same_event", kind="same_event")
    # part_of: the article says the event happens on that trip.
    for node in nodes:
        parent = node.claim.part_of
        if parent and parent in by_id:
            graph.add_edge(node.claim.id, parent, key="part_of", kind="part_of")
    # before: a departure precedes the return of the same trip.
    for dep, ret in return_pairs(nodes, max_trip_days, stats):
        graph.add_edge(dep.claim.id, ret.claim.id, key="before", kind="before")
    # same_event between children of one trip: the same kind of event about the same thing.
    trips = _trip_components(graph)
    graph.graph["trips"] = trips
    trip_of = {cid: n for n, group in enumerate(trips) for cid in group}
    children: dict[tuple[int, str], list[ClaimNode]] = defaultdict(list)
    for cid, parent in _part_of_edges(graph):
        child = graph.nodes[cid]["node"]
        if parent in trip_of and child.interval is not None and child.present:
            children[(trip_of[parent], child.claim.type)].append(child)
    seen: set[tuple[str, str]] = set()
    for group in children.values():
        group.sort(key=lambda n: (n.interval.start, n.claim.id))
        for a, b in sweep(group, _same_trip_child, stats, seen, reach=None):
            graph.add_edge(a.claim.id, b.claim.id, key="same_event", kind="same_event")
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
