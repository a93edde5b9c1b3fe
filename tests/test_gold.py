"""Smoke test of the hand-annotated gold (fixtures/gold) and its scorer (benchmarks/gold.py).

No thresholds: the scores are for people to read, not for CI to enforce. Self-contained: the gold ships
the article texts, so nothing here reads ../shared.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "fixtures" / "gold"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


build = _load("gold_build", GOLD / "build.py")
scorer = _load("gold_scorer", ROOT / "benchmarks" / "gold.py")


@pytest.fixture(scope="module")
def gold():
    return build.load_gold(GOLD)


def test_gold_loads_and_is_not_trivial(gold):
    assert len(gold) >= 45
    assert sum(len(a["timexes"]) for a in gold) >= 450
    assert all(a["text"] and a["timexes"] for a in gold)


def test_every_annotation_resolves_to_its_text(gold):
    for a in gold:
        for t in a["timexes"]:
            assert a["text"][t["start"]:t["end"]] == t["text"], (a["id"], t)


def test_spans_do_not_overlap(gold):
    for a in gold:
        spans = sorted((t["start"], t["end"]) for t in a["timexes"])
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert start >= end, a["id"]


def test_fields_are_from_the_allowed_sets_and_values_are_timex3(gold):
    for a in gold:
        assert a["reference"] is None or len(a["reference"]) == 10
        for t in a["timexes"]:
            assert t["type"] in build.TYPES
            assert t["kind"] in build.KINDS
            assert t["anchor"] in build.ANCHORS
            assert build.valid_value(t["type"], t["value"]), (a["id"], t)


@pytest.mark.parametrize("type_,value,ok", [
    ("DATE", "2017-03-27", True), ("DATE", "2017-W12-WE", True), ("DATE", "2017-Q4", True),
    ("DATE", "199", True), ("DATE", "PRESENT_REF", True), ("TIME", "2017-03-27T10:00", True),
    ("TIME", "2016-11-01T18:35:47", True), ("TIME", "XXXX-XX-XXT14:00", True), ("DURATION", "PT1H55M", True),
    ("DURATION", "P1.5D", True), ("DURATION", "PXW", True), ("SET", "XXXX-WXX-5T20:45", True), ("SET", "P1D", True),
    ("DATE", "27/3/2017", False), ("TIME", "2017-03-27", False), ("DURATION", "P", False), ("DATE", "2017-13", True),
])
def test_value_syntax(type_, value, ok):
    # the regex checks TIMEX3 syntax, not the calendar (2017-13 is syntactically a month)
    assert build.valid_value(type_, value) is ok


def test_a_bad_occurrence_fails_loudly(tmp_path):
    (tmp_path / "articles.jsonl").write_text('{"id": "a", "text": "Senin (27/3) dan Senin"}\n', encoding="utf-8")
    (tmp_path / "annotations.jsonl").write_text(
        '{"id": "a", "reference": null, "timexes": [{"text": "Senin", "occurrence": 3, "type": "DATE",'
        ' "kind": "relative", "value": "2017-03-27", "anchor": "reference"}]}\n', encoding="utf-8")
    with pytest.raises(build.GoldError, match="occurrence 3"):
        build.load_gold(tmp_path)


def test_value_agreement_is_at_the_gold_precision():
    assert scorer.value_agrees("2017-03", "2017-03-27")
    assert not scorer.value_agrees("2017-03-27", "2017-03")
    assert not scorer.value_agrees("2017-03-27T10:00", "2017-03-27")
    assert scorer.value_agrees("PT1.5H", "PT1,5H")
    assert not scorer.value_agrees("P1D", "P1DT1H")
    assert not scorer.value_agrees("PRESENT_REF", None)


def test_scorer_runs_on_three_articles(gold):
    sample = gold[:3]
    for tag in (scorer.timeline_tagger(), scorer.dateparser_tagger()):
        res, details = scorer.evaluate(sample, tag)
        assert res.articles == 3 and res.n_gold == sum(len(a["timexes"]) for a in sample)
        for p, r, f in res.scores().values():
            assert 0.0 <= p <= 1.0 and 0.0 <= r <= 1.0 and 0.0 <= f <= 1.0
        assert set(details) >= {"misses", "false_pos", "wrong_values"}
