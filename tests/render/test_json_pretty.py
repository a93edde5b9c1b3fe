"""The JSON report's writer gives exactly what `json.dumps(..., ensure_ascii=False, indent=2)` gives."""

from __future__ import annotations

import json

import pytest

from timeline.render.json import pretty

VALUES = [
    ("empty containers", {"a": {}, "b": [], "c": ()}),
    ("scalars", {"s": "Rabu (13/09/2023)", "i": 277, "neg": -3, "t": True, "f": False, "n": None}),
    ("floats", [1.5, 0.1, 1e300, -0.0, float("nan"), float("inf"), float("-inf")]),
    ("escapes and non-ASCII", ["kutip \"Basri\" \\ baris\nbaru\ttab", "Kota Bontang — WITA", "\u0007", "日本"]),
    ("nested", {"officials": [{"id": "basri-rase", "events": [{"date": {"start": "2023-09-18", "end": None}}]}]}),
    ("a tuple inside", {"claims": ("a", ("b", 2))}),
    ("non-string keys fall back", {1: "satu", None: "tidak ada", 2.5: "dua setengah", False: "tidak"}),
    ("top-level scalar", "Selasa"),
    ("top-level list of dicts", [{}, {"k": []}, []]),
]
assert len({label for label, _ in VALUES}) == len(VALUES)


@pytest.mark.parametrize("value", [v for _, v in VALUES], ids=[label for label, _ in VALUES])
def test_pretty_equals_json_dumps_with_indent_two(value):
    assert pretty(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_pretty_indents_a_nested_block_like_a_reindented_dump():
    value = {"id": "usman", "events": [{"line": 6}]}
    assert pretty(value, "    ") == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")
