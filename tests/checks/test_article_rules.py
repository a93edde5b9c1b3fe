"""The single-expression checks on real-looking text: what fires and, above all, what must not."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.checks.registry import checks_of_scope
from timeline.extract.article import extract_claims
from timeline.model import Article


def article(text: str, published: str | None) -> Article:
    return Article(
        path="a.txt", key="a.txt", title=None, text=text,
        published=date.fromisoformat(published) if published else None,
        published_source="metadata" if published else None,
    )


def fire(rule: str, text: str, published: str | None) -> list:
    return list(checks_of_scope("article")[rule].function(extract_claims(article(text, published)), {}))


# (rule, text, publication date, findings expected)
CASES = [
    ("weekday-mismatch", "Rapat digelar di Samarinda, Selasa (15/1/2025).", "2025-01-15", 1),
    ("weekday-mismatch", "Rapat digelar di Samarinda, Rabu (15/1/2025).", "2025-01-15", 0),
    ("weekday-mismatch", "Rapat digelar di Samarinda, Rabu (15/1).", "2025-01-16", 0),
    # a year typo in the text is still an error the reader sees
    ("weekday-mismatch", "Rapat digelar di Samarinda, Kamis (6/7/2018).", "2017-07-07", 1),
    # without a year, a weekday that fits a neighbouring year far from publication excuses nothing (13/10 was
    # the Friday); tests/checks/test_weekday.py has the whole table
    ("weekday-mismatch", "Pertemuan itu berlangsung Jumat (13/1).", "2017-10-22", 1),
    # without a year, a weekday that fits the month/day reading is ambiguous, not an error
    ("weekday-mismatch", "Pawai digelar Sabtu (6/3) di Balikpapan.", "2017-06-04", 0),
    ("weekday-mismatch", "Pawai digelar Senin (26/7) di Balikpapan.", "2017-06-27", 1),
    ("invalid-date", "Pelantikan dijadwalkan pada 31 September 2023.", "2023-09-01", 1),
    ("invalid-date", "Pelantikan dijadwalkan pada 30 September 2023.", "2023-09-01", 0),
    ("weekday-mismatch", "Pelantikan dijadwalkan Sabtu, 31 September 2023.", "2023-09-01", 0),
    ("duration-mismatch", "Pameran berlangsung selama tiga hari, 10-14 Oktober 2023.", "2023-10-01", 1),
    ("duration-mismatch", "Pameran berlangsung selama lima hari, 10-14 Oktober 2023.", "2023-10-01", 0),
    ("duration-mismatch", "Penahanan diperpanjang 30 hari, terhitung 4 Januari sampai 4 Februari 2018.", "2018-01-03", 0),
    ("tense-mismatch", "Lomba itu digelar pada Jumat (1/9/2023) mendatang.", "2023-09-10", 1),
    ("tense-mismatch", "Musrenbang digelar pada 20 November 2023 lalu.", "2023-11-10", 1),
    ("tense-mismatch", "Lomba itu digelar pada Jumat (15/9/2023) mendatang.", "2023-09-10", 0),
    # metadata a day late is common: one day of slack
    ("tense-mismatch", "Pertandingan dijadwalkan Sabtu (27/5/2017) mendatang.", "2017-05-28", 0),
    # clause words govern other verbs: "telah siap dilayani pada ..." says nothing of the date's tense
    ("tense-mismatch", "Penerbangan internasional telah siap dilayani pada 28 Oktober 2017.", "2017-10-16", 0),
    ("tense-mismatch", "Israel tidak akan mengakui perubahan garis perbatasan 4 Juni 1967.", "2017-12-07", 0),
    ("unanchored-relative", "Bupati meninjau lokasi banjir kemarin.", None, 1),
    ("unanchored-relative", "Bupati meninjau lokasi banjir kemarin.", "2023-03-02", 0),
    ("unanchored-relative", "Kegiatan dimulai pukul 09.00 WIB dan berlangsung sekitar empat jam.", None, 0),
    ("unanchored-relative", "Sidak digelar di terminal, Minggu (15/1).", None, 1),
]


def test_cases_are_unique():
    assert len({(r, t, p) for r, t, p, _ in CASES}) == len(CASES)


@pytest.mark.parametrize("rule,text,published,count", CASES, ids=[f"{c[0]}:{c[1][:40]}" for c in CASES])
def test_date_checks(rule, text, published, count):
    assert len(fire(rule, text, published)) == count
