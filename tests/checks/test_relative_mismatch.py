"""TL005 relative-mismatch on real-looking text: a relative day and the date written with it."""

from __future__ import annotations

from datetime import date

import pytest

from temporal_helpers import assert_unique
from timeline.checks.registry import checks_of_scope
from timeline.extract.article import extract_claims
from timeline.model import Article


def fire(text: str, published: str | None, source: str = "metadata") -> list:
    a = Article(path="a.txt", key="a.txt", title=None, text=text,
                published=date.fromisoformat(published) if published else None,
                published_source=source if published else None)
    claims = extract_claims(a)
    return list(checks_of_scope("article")["relative-mismatch"].function(claims, {}))


# (text, publication date, where it came from, findings expected)
CASES = [
    ("Rombongan berangkat besok, Rabu (13/9/2023), ke Incheon.", "2023-09-11", "metadata", 1),
    ("Rombongan berangkat besok, Selasa (12/9/2023), ke Incheon.", "2023-09-11", "metadata", 0),
    # metadata is often the morning after: "besok" counted from the day before still fits
    ("Rombongan berangkat besok, Senin (11/9/2023), ke Incheon.", "2023-09-11", "metadata", 0),
    # a date read from the lede is often the event's day: one day the other way fits
    ("Rombongan berangkat besok, Rabu (13/9/2023), ke Incheon.", "2023-09-11", "dateline", 0),
    ("Rombongan berangkat besok, Kamis (14/9/2023), ke Incheon.", "2023-09-11", "dateline", 1),
    ("Kemarin, Kamis (7/9/2023), wali kota meninjau pasar.", "2023-09-08", "metadata", 0),
    ("Kemarin, Selasa (5/9/2023), wali kota meninjau pasar.", "2023-09-08", "metadata", 1),
    ("Wali kota bertolak ke NTT hari ini, Senin (4/12/2023).", "2023-12-04", "metadata", 0),
    # "Kamis (7/9/2023) kemarin" colloquially means "last Thursday": only the wrong side is reported
    ("Banjir melanda Kamis (7/9/2023) kemarin di tiga kelurahan.", "2023-09-11", "metadata", 0),
    ("Banjir melanda Kamis (14/9/2023) kemarin di tiga kelurahan.", "2023-09-11", "metadata", 1),
    # a statement's date is exact, even with no publication date
    ("Wali Kota X, Jumat (17/11/2023), mengatakan rombongan berangkat ke Makassar besok, Minggu (19/11/2023).",
     None, "metadata", 1),
    ("Wali Kota X, Jumat (17/11/2023), mengatakan rombongan berangkat ke Makassar besok, Sabtu (18/11/2023).",
     None, "metadata", 0),
    # a wrong weekday is TL002's, and a date with no year has its year from the word: no second finding
    ("Rombongan berangkat besok, Jumat (13/9/2023), ke Incheon.", "2023-09-11", "metadata", 0),
    ("Peristiwa itu terjadi 2 Desember kemarin di Monas.", "2017-07-18", "metadata", 0),
]
assert_unique(CASES, key=lambda r: (r[0], r[1], r[2]))


@pytest.mark.parametrize("text,published,source,count", CASES, ids=[f"{r[0][:40]}|{r[2]}" for r in CASES])
def test_relative_mismatch(text, published, source, count):
    assert len(fire(text, published, source)) == count


def test_one_finding_says_the_date_is_also_on_the_wrong_side_of_publication():
    from timeline.checks.catalog import format_arg

    (draft,) = fire("Rapat itu sudah dibahas kemarin, Rabu (13/9/2023), bersama tim.", "2023-09-11")
    assert draft.args["named"] == date(2023, 9, 10) and draft.args["date"] == date(2023, 9, 13)
    assert "2023-09-11" in format_arg(draft.args["side"], "en")
    tense = checks_of_scope("article")["tense-mismatch"].function
    a = Article(path="a.txt", key="a.txt", title=None, text="Banjir melanda Kamis (14/9/2023) kemarin di desa.",
                published=date(2023, 9, 11), published_source="metadata")
    assert list(tense(extract_claims(a), {})) == []  # TL005's finding, not a second TL004
