"""Shared assertions for the temporal table tests."""

from __future__ import annotations

from datetime import date

from timeline.model import TimeExpression
from timeline.temporal import find_dates


def interval(spec: str | None) -> dict | None:
    """"2023-09-18" or "2023-10-18..2023-10-22" as the JSON value object."""
    if spec is None:
        return None
    start, _, end = spec.partition("..")
    return {"start": start, "end": end or start}


def only(text: str, ref: date | None, expected_text: str) -> TimeExpression:
    """The expression whose text is `expected_text`, asserting it is found exactly once."""
    found = find_dates(text, ref)
    hits = [e for e in found if e.text == expected_text]
    assert len(hits) == 1, f"{expected_text!r} not found once in {[e.text for e in found]}"
    e = hits[0]
    assert text[e.start:e.end] == e.text
    return e


def check(e: TimeExpression, kind: str, value: str | None, extra: dict) -> None:
    j = e.to_json()
    assert j["kind"] == kind, j
    assert j["value"] == interval(value), j
    for key, want in extra.items():
        got = j[key] if key in j else getattr(e, key)
        assert got == want, f"{key}: {got!r} != {want!r} in {j}"


def assert_unique(rows, key=lambda r: r[0]) -> None:
    keys = [key(r) for r in rows]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]
