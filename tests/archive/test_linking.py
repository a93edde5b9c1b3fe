"""Which claims are one event: objects that agree, windows by kind, coarse dates, repeats; and the
promise that linking never compares all pairs (work is counted, not timed)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from claimkit import C, build
from timeline.archive.graph import build_graph, claims_by_official, same_event_groups
from timeline.archive.linking import MAX_NEIGHBOURS, LinkStats, same_event_pairs, same_object
from timeline.model import EventClaim, Location, Participant, Sentence


def claim(obj: str, names: tuple[str, ...] = ()) -> EventClaim:
    from timeline.extract.lexicon import lexicon
    from timeline.extract.objects import event_key

    key = event_key(lexicon(), obj, None, object_at_clause_start=False)
    return EventClaim("x#e0", "x", "opening", "meresmikan", 0, 1, (Participant("a", "agent"),), None, None,
                      "reported", Sentence(0, 1, "x"), Location("x", 1, 1), key=key.key, names=key.names,
                      places=key.places, site=key.site)


# (a, b, strict, same)
OBJECTS = [
    ("Pasar Rakyat Loa Kulu", "pasar rakyat di Loa Kulu", False, True),
    ("Pasar Sentral Limboto", "Pasar Rakyat Telaga", False, False),
    ("pasar rakyat di Kecamatan Telaga", "Pasar Rakyat Telaga", False, True),
    ("Aplikasi Siap Madani", "aplikasi layanan kependudukan Siap Madani di Mal Pelayanan Publik", False, True),
    ("banjir di Desa Sukajadi", "banjir di Desa Tolotangga", True, False),
    ("lokasi banjir", "banjir di Desa Tolotangga", True, False),
    ("koordinasi percepatan penurunan stunting", "koordinasi percepatan penurunan stunting di Balai Kota", True, True),
    ("Pasar Segiri Samarinda", "Pasar Pagi Samarinda", False, False),
    ("rapat evaluasi", "rapat koordinasi", True, False),
    ("Hari Jadi Kabupaten Sikka ke-65", "Hari Jadi Kabupaten Sikka ke-66", True, True),
]
assert len({(a, b) for a, b, _, _ in OBJECTS}) == len(OBJECTS)


@pytest.mark.parametrize("a,b,strict,same", OBJECTS)
def test_objects_agree_when_names_do_and_most_words_are_shared(a, b, strict, same):
    assert same_object(claim(a), claim(b), strict) is same
    assert same_object(claim(b), claim(a), strict) is same


def opening(article: str, text: str, date_text: str, day: str, obj: str = "Pasar Rakyat Loa Kulu", **kw) -> C:
    return C(article, "opening", f"Edi meresmikan {obj}, {date_text}.", date_text, day, obj=obj, **kw)


def inspection(article: str, date_text: str, day: str, obj: str = "banjir di Desa Sukajadi", **kw) -> C:
    return C(article, "inspection", f"Edi meninjau {obj}, {date_text}.", date_text, day, obj=obj, **kw)


def groups(rows) -> list[list[str]]:
    digests = build(rows)
    nodes = claims_by_official(digests)["edi-damansyah"]
    return same_event_groups(build_graph("edi-damansyah", nodes))


# (name, rows, the groups expected, as article names)
LINKS = [
    ("one opening told a day apart is one event",
     [opening("a.txt", "", "Jumat (10/11/2023)", "2023-11-10"), opening("b.txt", "", "Kamis (9/11/2023)", "2023-11-09")],
     [["a.txt", "b.txt"]]),
    ("an opening told a week apart is still one event",
     [opening("a.txt", "", "Sabtu (2/3/2024)", "2024-03-02"), opening("b.txt", "", "Sabtu (9/3/2024)", "2024-03-09")],
     [["a.txt", "b.txt"]]),
    ("openings of two markets are two events",
     [opening("a.txt", "", "Senin (22/1/2024)", "2024-01-22", obj="Pasar Sentral Limboto"),
      opening("b.txt", "", "Selasa (23/1/2024)", "2024-01-23", obj="Pasar Rakyat Telaga")], []),
    ("inspections a week apart are two events",
     [inspection("a.txt", "Rabu (3/1/2024)", "2024-01-03"), inspection("b.txt", "Rabu (10/1/2024)", "2024-01-10")],
     []),
    ("inspections a day apart are one event",
     [inspection("a.txt", "Rabu (3/1/2024)", "2024-01-03"), inspection("b.txt", "Kamis (4/1/2024)", "2024-01-04")],
     [["a.txt", "b.txt"]]),
    ("an inspection told as happening again is not the first one",
     [inspection("a.txt", "Rabu (3/1/2024)", "2024-01-03"),
      inspection("b.txt", "Kamis (4/1/2024)", "2024-01-04", repeat=True)], []),
    ("a month reaches a day just outside it for a one-off event",
     [opening("a.txt", "", "Rabu (2/8/2023)", "2023-08-02"),
      C("b.txt", "opening", "Pasar Rakyat Loa Kulu diresmikan Edi pada Juli lalu.", "Juli lalu", "2023-07-01",
        "2023-07-31", obj="Pasar Rakyat Loa Kulu", granularity="month")], [["a.txt", "b.txt"]]),
    ("a month must hold a recurring event's day to be it",
     [inspection("a.txt", "Rabu (2/8/2023)", "2023-08-02"),
      C("b.txt", "inspection", "Edi meninjau banjir di Desa Sukajadi pada Juli lalu.", "Juli lalu", "2023-07-01",
        "2023-07-31", obj="banjir di Desa Sukajadi", granularity="month")], []),
    ("one article telling two dates of one object tells two occasions",
     [opening("a.txt", "", "Rabu (2/8/2023)", "2023-08-02"), opening("a.txt", "", "Rabu (9/8/2023)", "2023-08-09")],
     []),
    ("a claim naming nothing that fits two named events links to neither",
     [inspection("a.txt", "Senin (8/1/2024)", "2024-01-08", obj="banjir di Desa Sukajadi"),
      inspection("b.txt", "Selasa (9/1/2024)", "2024-01-09", obj="banjir di Desa Tolotangga"),
      inspection("c.txt", "Selasa (9/1/2024)", "2024-01-09", obj="kondisi banjir bandang terkini")], []),
]
assert len({n for n, _, _ in LINKS}) == len(LINKS)


@pytest.mark.parametrize("name,rows,expected", LINKS, ids=[n for n, _, _ in LINKS])
def test_claims_are_one_event_when_kind_object_and_time_agree(name, rows, expected):
    found = [sorted({cid.split("#")[0] for cid in group}) for group in groups(rows)]
    assert found == expected


def _many(n: int, kind: str, same_day: bool) -> list:
    """n claims of one official, all of one kind on one object: the worst case for a naive linker."""
    rows = []
    day = date(2023, 1, 2)
    for i in range(n):
        d = day if same_day else day + timedelta(days=i // 3)
        article = f"n{i // 50}.txt" if same_day else f"n{i // 3}.txt"  # an article tells one day
        rows.append(C(article, kind, f"Edi meresmikan Pasar Rakyat Loa Kulu pada {d.isoformat()} ke-{i}.",
                      d.isoformat(), d.isoformat(), obj="Pasar Rakyat Loa Kulu", place="Loa Kulu",
                      published=d.isoformat()))
    return rows


@pytest.mark.parametrize("same_day", [True, False], ids=["all on one day", "three a day"])
def test_ten_thousand_claims_of_one_official_are_linked_without_all_pairs(same_day):
    n = 10_000
    digests = build(_many(n, "opening", same_day))
    nodes = claims_by_official(digests)["edi-damansyah"]
    assert len(nodes) == n
    stats = LinkStats()
    pairs = same_event_pairs(nodes, stats)
    # every claim is compared with at most MAX_NEIGHBOURS earlier ones per key word: linear, not n^2/2
    words = max(len(node.claim.key) for node in nodes)
    assert stats.comparisons <= MAX_NEIGHBOURS * words * n < n * (n - 1) // 2
    assert len(pairs) <= stats.comparisons
    graph = build_graph("edi-damansyah", nodes)
    assert graph.number_of_edges() <= MAX_NEIGHBOURS * words * n
    assert graph.graph["stats"].comparisons <= MAX_NEIGHBOURS * words * n
    if same_day:  # one event told ten thousand times is still one group
        assert len(same_event_groups(graph)) == 1


def test_the_official_rules_read_a_ten_thousand_claim_graph_edge_by_edge():
    from timeline.archive.graph import OfficialGraph
    from timeline.checks.registry import checks_of_scope

    rows = _many(10_000, "opening", same_day=False)
    rows.append(C("trip.txt", "departure", "Edi berangkat ke Jepang, Senin (2/1/2023).", "Senin (2/1/2023)",
                  "2023-01-02", place="Jepang"))
    graph = build_graph("edi-damansyah", claims_by_official(build(rows))["edi-damansyah"])
    view = OfficialGraph("edi-damansyah", graph, {"edi-damansyah": "Edi Damansyah"})
    drafts = {name: list(check.function(view, {"max_trip_days": 14}))
              for name, check in checks_of_scope("official").items()}
    # one market opened "again and again" over nine years is one event told with many dates: one finding
    assert len(drafts["date-conflict"]) == 1
    assert len(drafts["date-conflict"][0].evidence) > 100
    # the openings in the fortnight after the departure abroad (three a day) are each a location conflict
    assert 30 <= len(drafts["location-conflict"]) <= 45
