"""Robustness over the real Indonesian news corpus (skipped when ../shared/real-news is absent)."""

from __future__ import annotations

import json
from datetime import date


from timeline.render.dates import render_json
from timeline.render.timeml import to_timeml
from timeline.temporal import find_dates


def _published(value):
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def test_every_real_article_is_tagged_without_error_and_spans_are_exact(real_news):
    count = 0
    for line in real_news.open(encoding="utf-8"):
        record = json.loads(line)
        text = record.get("text") or ""
        found = find_dates(text, _published(record.get("published")))
        assert all(text[e.start:e.end] == e.text for e in found)
        assert all(a.end <= b.start for a, b in zip(found, found[1:]))
        json.loads(render_json(found))
        count += 1
    assert count > 3000


def test_real_articles_export_well_formed_timeml(real_news):
    import xml.dom.minidom

    for i, line in enumerate(real_news.open(encoding="utf-8")):
        if i >= 300:
            break
        record = json.loads(line)
        text = record.get("text") or ""
        ref = _published(record.get("published"))
        xml.dom.minidom.parseString(to_timeml(text, find_dates(text, ref), ref).encode("utf-8"))
