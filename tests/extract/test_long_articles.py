"""A long article is read the same way as a short one: the indexes that keep extraction linear in an
article's length (region words, name words, mention spans, line starts, clock times) give exactly the
results of the direct searches they replace."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import timeline.extract.coref as coref
import timeline.extract.names as names
from timeline.engine.plan import map_file
from timeline.model import text_line_index
from timeline.text.spans import Spans

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate_archive.py"


@pytest.fixture(scope="module")
def long_article(tmp_path_factory) -> bytes:
    """Sixty generated articles about many officials, run together into one file of ~200 kB."""
    spec = importlib.util.spec_from_file_location("generate_archive", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_archive"] = module
    spec.loader.exec_module(module)
    root = tmp_path_factory.mktemp("long")
    module.generate(root, 60, seed=5, rate=0.2)
    bodies = [p.read_text(encoding="utf-8").split("\n", 2) for p in sorted(root.rglob("*.txt"))]
    text = bodies[0][0] + "\n\n" + "\n".join(body[2] for body in bodies)
    assert len(text) > names.LONG_TEXT
    return text.encode("utf-8")


def test_a_long_article_reads_the_same_through_its_indexes_and_through_direct_searches(long_article, monkeypatch):
    monkeypatch.setattr(names, "LONG_TEXT", 0)
    monkeypatch.setattr(coref, "FEW_NAMES", 0)
    indexed = map_file("berita/panjang.txt", long_article)
    assert len(indexed.digests[0].events) > 50 and len(indexed.digests[0].officials) > 5
    monkeypatch.setattr(names, "LONG_TEXT", 10**9)
    monkeypatch.setattr(coref, "FEW_NAMES", 10**9)
    names._region_index.cache_clear()
    searched = map_file("berita/panjang.txt", long_article)
    assert searched == indexed


NAME_TEXT = ("Wali Kota Bontang Basri Rase bersama Basri dan H. Basri Rase-nya, lalu Rase; Basri_Rase "
             "tidak dihitung, begitu pula xBasri. Basri Rase menutup acara.")


@pytest.mark.parametrize("names_given", [{"Basri Rase"}, {"Basri Rase", "H. Basri Rase"}, {"Rase", "Basri"},
                                         {"'Basri"}])
def test_name_runs_by_word_equal_name_runs_by_name(names_given):
    full, words = names_given, {"Basri", "Rase"}
    by_name = sorted(coref._hits_by_name(NAME_TEXT, full | words))
    by_word = sorted(coref._hits_by_word(NAME_TEXT, full | words))
    assert by_word == by_name and by_name


SPANS = [
    ([(0, 5), (3, 8), (10, 12)], {0: True, 4: True, 7: True, 8: False, 9: False, 10: True, 12: False}),
    ([(5, 5), (6, 7)], {5: False, 6: True, 7: False}),
    ([], {0: False}),
    ([(10, 20), (0, 3), (2, 4)], {3: True, 4: False, 19: True, 20: False}),
]


@pytest.mark.parametrize("spans,expected", SPANS)
def test_spans_cover_what_some_span_covers(spans, expected):
    merged = Spans(spans)
    for pos, covered in expected.items():
        assert merged.covers(pos) is covered is any(s <= pos < e for s, e in spans)


def test_line_index_by_bisection_equals_counting():
    text = "Paragraf pertama.\n\n" + "baris\n" * 3000 + "akhir"
    for offset in (0, 5, 18, 19, 4095, 4096, 4097, 10_000, len(text)):
        assert text_line_index(text, offset) == text.count("\n", 0, offset)


PLACE_TEXT = ("Bupati Intan Jaya hadir di Kota Samarinda Seberang dan Kota Samarinda Ilir, "
              "Warga Kabupaten Intan Jaya menyambut. "
              "Wali Kota Najirah membuka acara di Bontangku dan di Bontang-Lestari, lalu ke Kota Bontang.")
PLACE_CASES = [
    ("Intan Jaya", None, True),  # "Kabupaten Intan Jaya" elsewhere
    ("Samarinda Ilir", None, True),
    ("Samarinda Seberang", None, True),
    ("Samarinda Hulu", None, False),  # as long as "Samarinda Ilir", and only its first word agrees
    ("Najirah", None, False),  # "Wali Kota Najirah" is a title
    ("Bontang", None, True),  # "ke Kota Bontang", not "di Bontangku" nor "di Bontang-Lestari"
    ("Intan Jaya", PLACE_TEXT.index("Intan Jaya hadir"), True),
]


@pytest.mark.parametrize("words,own,expected", PLACE_CASES, ids=[f"{w}-{o}" for w, o, _ in PLACE_CASES])
def test_named_as_place_is_the_same_through_the_index(words, own, expected, monkeypatch):
    direct = names.named_as_place(PLACE_TEXT, words, own)
    monkeypatch.setattr(names, "LONG_TEXT", 0)
    names._region_index.cache_clear()
    assert names.named_as_place(PLACE_TEXT, words, own) == direct == expected
