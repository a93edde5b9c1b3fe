"""The per-official event graph and the itinerary checks it feeds, on hand-built claim tables."""

from __future__ import annotations

import json

import pytest

from claimkit import C, build
from timeline.archive.graph import OfficialGraph, build_graphs, same_event_groups, trip_groups
from timeline.checks.registry import checks_of_scope
from timeline.render.graph import export_graph

DEP_A = C("a.txt", "departure", "Edi dijadwalkan bertolak ke Jepang pada 3 Oktober 2023.", "3 Oktober 2023",
          "2023-10-03", place="Jepang", modality="planned")
DEP_B = C("b.txt", "departure", "Edi berangkat ke Jepang, Rabu (4/10/2023).", "Rabu (4/10/2023)",
          "2023-10-04", place="Jepang", published="2023-10-05")


def fired(rule: str, rows, max_trip_days=14) -> list:
    """The drafts of one official rule over every official's graph built from the rows."""
    digests = build(rows)
    names = {o.id: o.name for d in digests for o in d.officials}
    check = checks_of_scope("official")[rule]
    options = {"max_trip_days": max_trip_days}
    return [
        draft
        for oid, graph in build_graphs(digests, max_trip_days=max_trip_days).items()
        for draft in check.function(OfficialGraph(oid, graph, names), options)
    ]


# (name, rows, rule, expected number of findings)
CASES = [
    ("departure reported on two different days conflicts", [DEP_A, DEP_B], "date-conflict", 1),
    ("the same day in two articles agrees",
     [DEP_A, C("b.txt", "departure", "Edi berangkat ke Jepang pada 3 Oktober 2023.", "3 Oktober 2023",
               "2023-10-03", place="Jepang")], "date-conflict", 0),
    ("a month agrees with a day inside it",
     [DEP_A, C("b.txt", "departure", "Edi bertolak ke Jepang Oktober lalu.", "Oktober lalu", "2023-10-01",
               "2023-10-31", place="Jepang", granularity="month")], "date-conflict", 0),
    ("trips to different countries are different events",
     [DEP_A, C("b.txt", "departure", "Edi berangkat ke Swiss, Rabu (4/10/2023).", "Rabu (4/10/2023)",
               "2023-10-04", place="Swiss")], "date-conflict", 0),
    ("two trips to one country months apart are two trips",
     [DEP_A, C("b.txt", "departure", "Edi berangkat ke Jepang, Senin (4/3/2024).", "Senin (4/3/2024)",
               "2024-03-04", place="Jepang")], "date-conflict", 0),
    ("an undated claim never conflicts",
     [DEP_A, C("b.txt", "departure", "Edi akan bertolak ke Jepang.", place="Jepang", modality="planned")],
     "date-conflict", 0),
    ("a moved plan is a schedule change, not a conflict",
     [DEP_A, C("b.txt", "departure", "Keberangkatan Edi ke Jepang diundur menjadi 4 Oktober 2023.",
               "4 Oktober 2023", "2023-10-04", place="Jepang", modality="changed")], "date-conflict", 0),
    ("a moved plan is reported as schedule change",
     [DEP_A, C("b.txt", "departure", "Keberangkatan Edi ke Jepang diundur menjadi 4 Oktober 2023.",
               "4 Oktober 2023", "2023-10-04", place="Jepang", modality="changed")], "schedule-change", 1),
    ("a forum a month after departure is outside the trip",
     [DEP_A, C("a.txt", "meeting", "Forum berlangsung 18-22 November 2023.", "18-22 November 2023",
               "2023-11-18", "2023-11-22", place="Jepang", part_of=0)], "outside-trip", 1),
    ("a forum before departure is outside the trip",
     [DEP_A, C("a.txt", "meeting", "Forum berlangsung 1 Oktober 2023.", "1 Oktober 2023",
               "2023-10-01", place="Jepang", part_of=0)], "outside-trip", 1),
    ("a forum during the trip is fine",
     [DEP_A, C("a.txt", "meeting", "Forum berlangsung 4-6 Oktober 2023.", "4-6 Oktober 2023",
               "2023-10-04", "2023-10-06", place="Jepang", part_of=0)], "outside-trip", 0),
    ("a month-wide forum date overlapping the trip is fine",
     [DEP_A, C("a.txt", "meeting", "Forum berlangsung Oktober 2023.", "Oktober 2023",
               "2023-10-01", "2023-10-31", place="Jepang", part_of=0, granularity="month")], "outside-trip", 0),
    ("a reported return extends the trip window",
     [DEP_A,
      C("a.txt", "return", "Edi kembali ke Samarinda pada 30 Oktober 2023.", "30 Oktober 2023", "2023-10-30",
        place="Jepang"),
      C("a.txt", "meeting", "Forum berlangsung 25 Oktober 2023.", "25 Oktober 2023", "2023-10-25",
        place="Jepang", part_of=0)], "outside-trip", 0),
    ("a return before the departure contradicts the order",
     [DEP_A, C("a.txt", "return", "Edi pulang dari Jepang pada 1 Oktober 2023.", "1 Oktober 2023",
               "2023-10-01", place="Jepang")], "sequence-conflict", 1),
    ("a return after the departure is in order",
     [DEP_A, C("a.txt", "return", "Edi pulang dari Jepang pada 8 Oktober 2023.", "8 Oktober 2023",
               "2023-10-08", place="Jepang")], "sequence-conflict", 0),
    ("a local ceremony while abroad between departure and return",
     [DEP_A,
      C("a.txt", "return", "Edi pulang dari Jepang pada 8 Oktober 2023.", "8 Oktober 2023", "2023-10-08",
        place="Jepang"),
      C("c.txt", "ceremony", "Edi meresmikan pasar di Tenggarong, Kamis (5/10/2023).", "Kamis (5/10/2023)",
        "2023-10-05", place="Tenggarong")], "location-conflict", 1),
    ("a local event on the departure day itself is possible",
     [DEP_A,
      C("a.txt", "return", "Edi pulang dari Jepang pada 8 Oktober 2023.", "8 Oktober 2023", "2023-10-08",
        place="Jepang"),
      C("c.txt", "ceremony", "Edi meresmikan pasar di Tenggarong, Selasa (3/10/2023).", "Selasa (3/10/2023)",
        "2023-10-03", place="Tenggarong")], "location-conflict", 0),
    ("a represented official was not there",
     [DEP_A,
      C("a.txt", "return", "Edi pulang dari Jepang pada 8 Oktober 2023.", "8 Oktober 2023", "2023-10-08",
        place="Jepang"),
      C("c.txt", "ceremony", "Sekda mewakili Edi meresmikan pasar di Tenggarong, Kamis (5/10/2023).",
        "Kamis (5/10/2023)", "2023-10-05", place="Tenggarong", official="sunggono",
        represented=("edi-damansyah",))], "location-conflict", 0),
    ("a scheduled return bounds the trip",
     [DEP_A,
      C("a.txt", "return", "Edi dijadwalkan kembali ke Samarinda pada 6 Oktober 2023.", "6 Oktober 2023", "2023-10-06",
        place="Jepang", modality="planned"),
      C("c.txt", "opening", "Edi meresmikan Pasar Segiri di Tenggarong, Kamis (5/10/2023).", "Kamis (5/10/2023)",
        "2023-10-05", place="Tenggarong", obj="Pasar Segiri")], "location-conflict", 1),
    ("after a scheduled return the official is home",
     [DEP_A,
      C("a.txt", "return", "Edi dijadwalkan kembali ke Samarinda pada 6 Oktober 2023.", "6 Oktober 2023", "2023-10-06",
        place="Jepang", modality="planned"),
      C("c.txt", "opening", "Edi meresmikan Pasar Segiri di Tenggarong, Sabtu (7/10/2023).", "Sabtu (7/10/2023)",
        "2023-10-07", place="Tenggarong", obj="Pasar Segiri")], "location-conflict", 0),
    ("on the departure day, an opening after the flight's clock time cannot be",
     [C("a.txt", "departure", "Edi bertolak ke Jepang, Selasa (3/10/2023) pukul 07.00 WITA.", "Selasa (3/10/2023)",
        "2023-10-03", place="Jepang", clock="07:00 WITA"),
      C("c.txt", "opening", "Edi membuka Festival Mahakam di Tenggarong, Selasa (3/10/2023) pukul 14.00 WITA.",
        "Selasa (3/10/2023)", "2023-10-03", place="Tenggarong", obj="Festival Mahakam", clock="14:00 WITA")],
     "location-conflict", 1),
    ("on the departure day, an opening before the flight's clock time can be",
     [C("a.txt", "departure", "Edi bertolak ke Jepang, Selasa (3/10/2023) pukul 19.30 WITA.", "Selasa (3/10/2023)",
        "2023-10-03", place="Jepang", clock="19:30 WITA"),
      C("c.txt", "opening", "Edi membuka Festival Mahakam di Tenggarong, Selasa (3/10/2023) pukul 09.00 WITA.",
        "Selasa (3/10/2023)", "2023-10-03", place="Tenggarong", obj="Festival Mahakam", clock="09:00 WITA")],
     "location-conflict", 0),
    ("a moved departure bounds the trip from its new day",
     [DEP_A,
      C("b.txt", "departure", "Keberangkatan Edi ke Jepang diundur menjadi 6 Oktober 2023.", "6 Oktober 2023",
        "2023-10-06", place="Jepang", modality="changed", published="2023-09-20"),
      C("c.txt", "opening", "Edi meresmikan Pasar Segiri di Tenggarong, Kamis (5/10/2023).", "Kamis (5/10/2023)",
        "2023-10-05", place="Tenggarong", obj="Pasar Segiri")], "location-conflict", 0),
    ("a return before the departure told by two outlets is one sequence conflict",
     [DEP_A,
      C("b.txt", "return", "Edi pulang dari Jepang pada 1 Oktober 2023.", "1 Oktober 2023", "2023-10-01",
        place="Jepang"),
      C("c.txt", "return", "Edi tiba kembali dari Jepang pada 1 Oktober 2023.", "1 Oktober 2023", "2023-10-01",
        place="Jepang")], "sequence-conflict", 1),
    ("a return before the departure is no date conflict: a return is not a departure",
     [DEP_A, C("b.txt", "return", "Edi pulang dari Jepang pada 1 Oktober 2023.", "1 Oktober 2023", "2023-10-01",
               place="Jepang")], "date-conflict", 0),
    ("one opening told a day apart is a date conflict",
     [C("a.txt", "opening", "Edi meresmikan Pasar Segiri, Senin (2/10/2023).", "Senin (2/10/2023)", "2023-10-02",
        obj="Pasar Segiri"),
      C("b.txt", "opening", "Pasar Segiri diresmikan Edi pada Selasa (3/10/2023).", "Selasa (3/10/2023)",
        "2023-10-03", obj="Pasar Segiri")], "date-conflict", 1),
    ("an opening moved by a report is a schedule change",
     [C("a.txt", "opening", "Edi akan meresmikan Pasar Segiri pada Senin (2/10/2023).", "Senin (2/10/2023)",
        "2023-10-02", obj="Pasar Segiri", modality="planned"),
      C("b.txt", "opening", "Peresmian Pasar Segiri diundur menjadi Senin (9/10/2023).", "Senin (9/10/2023)",
        "2023-10-09", obj="Pasar Segiri", modality="changed", published="2023-09-20")], "schedule-change", 1),
    ("a stated length bounds a trip with no return: inside it the official is abroad",
     [C("a.txt", "departure", "Edi bertolak ke Jepang, Selasa (3/10/2023). Selama empat hari ia di Tokyo.",
        "Selasa (3/10/2023)", "2023-10-03", place="Jepang", length_days=4),
      C("c.txt", "opening", "Edi meresmikan Pasar Segiri di Tenggarong, Kamis (5/10/2023).", "Kamis (5/10/2023)",
        "2023-10-05", place="Tenggarong", obj="Pasar Segiri")], "location-conflict", 1),
    ("a stated length bounds a trip with no return: after it the official may be home",
     [C("a.txt", "departure", "Edi bertolak ke Jepang, Selasa (3/10/2023). Selama empat hari ia di Tokyo.",
        "Selasa (3/10/2023)", "2023-10-03", place="Jepang", length_days=4),
      C("c.txt", "opening", "Edi meresmikan Pasar Segiri di Tenggarong, Senin (9/10/2023).", "Senin (9/10/2023)",
        "2023-10-09", place="Tenggarong", obj="Pasar Segiri")], "location-conflict", 0),
    ("no return reported: within the 14-day bound the official is abroad",
     [DEP_A,
      C("c.txt", "ceremony", "Edi meresmikan pasar di Tenggarong, Kamis (5/10/2023).", "Kamis (5/10/2023)",
        "2023-10-05", place="Tenggarong")], "location-conflict", 1),
    ("no return reported: beyond the 14-day bound the official may be home",
     [DEP_A,
      C("c.txt", "ceremony", "Edi meresmikan pasar di Tenggarong, Rabu (18/10/2023).", "Rabu (18/10/2023)",
        "2023-10-18", place="Tenggarong")], "location-conflict", 0),
    ("no return reported: after the trip's last dated event the official may be home",
     [DEP_A,
      C("a.txt", "meeting", "Forum berlangsung 4-6 Oktober 2023.", "4-6 Oktober 2023",
        "2023-10-04", "2023-10-06", place="Jepang", part_of=0),
      C("c.txt", "ceremony", "Edi meresmikan pasar di Tenggarong, Senin (9/10/2023).", "Senin (9/10/2023)",
        "2023-10-09", place="Tenggarong")], "location-conflict", 0),
]


def test_case_names_are_unique():
    names = [c[0] for c in CASES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("name,rows,rule,count", CASES, ids=[c[0] for c in CASES])
def test_itinerary_checks(name, rows, rule, count):
    assert len(fired(rule, rows)) == count


def test_date_conflict_quotes_both_claims_in_date_order():
    (draft,) = fired("date-conflict", [DEP_B, DEP_A])
    assert draft.args["first_date"].start.isoformat() == "2023-10-03"
    assert draft.args["second_date"].start.isoformat() == "2023-10-04"
    assert [e.path for e in draft.evidence] == ["a.txt", "b.txt"]
    assert draft.evidence[0].text == "3 Oktober 2023"
    assert draft.evidence[0].quote[draft.evidence[0].mark_start : draft.evidence[0].mark_end] == "3 Oktober 2023"
    assert draft.args["place"] == "Jepang"


def test_shared_trip_is_reported_once_under_its_leader_with_companions():
    rows = [
        DEP_A,
        C("a.txt", "meeting", "Forum berlangsung 18-22 November 2023.", "18-22 November 2023",
          "2023-11-18", "2023-11-22", place="Jepang", part_of=0, companions=("sunggono", "akhmad-taufik")),
    ]
    rows[0] = C(**{**DEP_A.__dict__, "companions": ("sunggono", "akhmad-taufik")})
    drafts = fired("outside-trip", rows)
    assert len(drafts) == 1
    assert drafts[0].official_id == "edi-damansyah"
    assert set(drafts[0].companions) == {"Sunggono", "Akhmad Taufik"}


def test_graph_edges_and_groups():
    rows = [DEP_A, DEP_B, C("a.txt", "meeting", "Forum berlangsung 4 Oktober 2023.", "4 Oktober 2023",
                            "2023-10-04", place="Jepang", part_of=0)]
    graph = build_graphs(build(rows))["edi-damansyah"]
    kinds = sorted(k for _, _, k in graph.edges(keys=True))
    assert kinds == ["part_of", "same_event"]
    assert same_event_groups(graph) == [["a.txt#e0", "b.txt#e0"]]
    assert trip_groups(graph) == [["a.txt#e0", "b.txt#e0"]]


@pytest.mark.parametrize("fmt,needle", [("json", '"kind": "part_of"'), ("dot", "digraph"), ("graphml", "<graphml")])
def test_graph_export_formats(fmt, needle):
    rows = [DEP_A, C("a.txt", "meeting", "Forum berlangsung 4 Oktober 2023.", "4 Oktober 2023",
                     "2023-10-04", place="Jepang", part_of=0)]
    text = export_graph(build_graphs(build(rows))["edi-damansyah"], fmt)
    assert needle in text
    if fmt == "json":
        data = json.loads(text)
        assert {n["id"] for n in data["nodes"]} == {"a.txt#e0", "a.txt#e1"}
        assert data["nodes"][0]["start"] == "2023-10-03"


def test_checking_an_official_leaves_nothing_for_the_collector():
    """networkx caches views that hold their graph (a cycle per graph); the checks drop them, so an
    official's graph is freed by reference counting, not left to the collector by the thousand."""
    import gc

    from timeline.archive.identity import identify
    from timeline.checks.catalog import load_catalog
    from timeline.checks.runner import official_inputs, official_plan, official_result
    from timeline.settings import Settings

    digests = build([DEP_A, DEP_B])
    identity = identify((d.officials for d in digests), None)
    plan = official_plan(load_catalog(), Settings())
    names = {o.id: o.name for o in identity.officials}
    inputs = official_inputs(digests, identity)
    oid, (nodes, events) = next(iter(inputs.items()))
    official_result(oid, nodes, events, names, plan)  # the first call imports what the checks use
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        results = [official_result(oid, nodes, events, names, plan) for oid, (nodes, events) in inputs.items()]
        gc.collect()
        left = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()
    assert any(r.drafts for r in results), "no official rule ran: the test shows nothing"
    assert left == []
