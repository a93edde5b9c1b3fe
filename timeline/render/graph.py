"""`timeline graph`: one official's event graph as node-link JSON, Graphviz dot or GraphML."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from timeline.archive.graph import ClaimNode, place_key

if TYPE_CHECKING:
    import networkx as nx

FORMATS = ("json", "dot", "graphml")


def _node_attrs(node: ClaimNode) -> dict[str, str]:
    c = node.claim
    interval = node.interval
    return {
        "type": c.type,
        "role": node.role,
        "modality": c.modality,
        "start": interval.start.isoformat() if interval else "",
        "end": interval.end.isoformat() if interval else "",
        "date_text": c.date.text if c.date else "",
        "place": c.place.text if c.place else "",
        "place_key": place_key(c) or "",
        "article": c.article_key,
        "location": str(c.location),
        "trigger": c.trigger,
    }


def export_graph(graph: "nx.MultiDiGraph", fmt: str) -> str:
    """The graph as json (node-link), dot or graphml text, with plain string attributes."""
    import networkx as nx

    plain = nx.MultiDiGraph(official=graph.graph.get("official", ""))
    for nid, data in graph.nodes(data="node"):
        plain.add_node(nid, **_node_attrs(data))
    for u, v, key, kind in graph.edges(keys=True, data="kind"):
        plain.add_edge(u, v, key=key, kind=kind)
    if fmt == "json":
        data = {
            "official": plain.graph["official"],
            "nodes": [{"id": n, **attrs} for n, attrs in sorted(plain.nodes(data=True))],
            "edges": sorted(
                ({"source": u, "target": v, "kind": k} for u, v, k in plain.edges(keys=True)),
                key=lambda e: (e["source"], e["target"], e["kind"]),
            ),
        }
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(plain))
    if fmt == "dot":
        return _to_dot(plain)
    raise ValueError(f"unknown graph format {fmt!r}")


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _to_dot(graph: "nx.MultiDiGraph") -> str:
    styles = {"same_event": "dashed", "part_of": "solid", "before": "dotted"}
    lines = [f"digraph {_dot_quote(graph.graph['official'])} {{", "  node [shape=box];"]
    for nid, attrs in sorted(graph.nodes(data=True)):
        when = attrs["start"] if attrs["start"] == attrs["end"] else f"{attrs['start']}..{attrs['end']}"
        label = f"{attrs['type']} {attrs['place']}\n{when or '?'} ({attrs['modality']})\n{attrs['location']}"
        lines.append(f"  {_dot_quote(nid)} [label={_dot_quote(label)}];")
    for u, v, key in sorted(graph.edges(keys=True)):
        lines.append(f"  {_dot_quote(u)} -> {_dot_quote(v)} [label={_dot_quote(key)}, style={styles.get(key, 'solid')}];")
    lines.append("}")
    return "\n".join(lines)
