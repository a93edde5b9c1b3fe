"""Golden test: the full expression list of every seed article, resolved against its publication date.

Regenerate (then review every entry by hand) with TIMELINE_REGEN_GOLDEN=1.
"""

from __future__ import annotations

import json
import os
import xml.dom.minidom
from datetime import date
from pathlib import Path

import pytest

from timeline.render.dates import render_json
from timeline.render.timeml import to_timeml
from timeline.temporal import find_dates

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"
GOLDEN = ROOT / "tests" / "golden" / "temporal"
PUBLISHED = {"000": date(2023, 9, 13), "001": date(2023, 9, 14), "002": date(2023, 9, 12), "003": date(2025, 1, 15),
             "004": date(2024, 4, 25)}
REGEN = os.environ.get("TIMELINE_REGEN_GOLDEN") == "1"


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.mark.parametrize("prefix", sorted(PUBLISHED))
def test_seed_expressions_match_golden(prefix):
    text = _seed(prefix).read_text(encoding="utf-8")
    got = json.loads(render_json(find_dates(text, PUBLISHED[prefix])))
    path = GOLDEN / f"{prefix}.json"
    if REGEN:
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(path.read_text(encoding="utf-8"))


def _by_text(prefix):
    text = _seed(prefix).read_text(encoding="utf-8")
    return {e.text: e for e in find_dates(text, PUBLISHED[prefix])}


def test_seed_planned_trip_is_a_future_day():
    e = _by_text("002")["Selasa (19/09/2023) mendatang"]
    assert e.to_json()["value"] == {"start": "2023-09-19", "end": "2023-09-19"} and e.tense == "future"


def test_seed_forum_is_a_range_in_october():
    e = _by_text("002")["18-22 Oktober nanti"]
    assert e.kind == "range" and e.to_json()["value"] == {"start": "2023-10-18", "end": "2023-10-22"}


def test_seed_day_month_order_is_indonesian():
    assert _by_text("002")["Selasa (12/09/2023)"].to_json()["value"]["start"] == "2023-09-12"


def test_seed_weekday_mismatch_is_flagged():
    assert _by_text("003")["Selasa (15/1/2025) ini"].to_json()["weekday"] == {"stated": "Selasa", "actual": "Rabu", "ok": False}


def test_seed_last_november_is_november_2023():
    e = _by_text("004")["November tahun lalu"]
    assert e.to_json()["value"] == {"start": "2023-11-01", "end": "2023-11-30"}


def test_seed_sidebar_has_no_relative_dates():
    text = _seed("004").read_text(encoding="utf-8")
    sidebar = text.index("Recent Posts")
    assert [e for e in find_dates(text, PUBLISHED["004"]) if e.start >= sidebar] == []


def test_seed_timeml_matches_golden_and_is_well_formed():
    text = _seed("003").read_text(encoding="utf-8")
    got = to_timeml(text, find_dates(text, PUBLISHED["003"]), PUBLISHED["003"])
    path = GOLDEN / "003.timeml.xml"
    if REGEN:
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")
    doc = xml.dom.minidom.parseString(got.encode("utf-8"))
    timexes = doc.getElementsByTagName("TIMEX3")
    assert {t.getAttribute("type") for t in timexes} >= {"DATE", "DURATION"}
    assert "".join(n.data for n in doc.getElementsByTagName("TEXT")[0].childNodes if n.nodeType == n.TEXT_NODE)
